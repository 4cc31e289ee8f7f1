"""Map controls of our own, inline and offline: full screen, distance measure, mini-map.

Each is a folium element whose script is a few dozen lines of plain JavaScript (no
plugin, nothing fetched).  The measure tool gives the WGS84 ellipsoidal distance between
the clicked points (Vincenty's inverse formula, good to well under a millimetre); for
nearly antipodal points, where that iteration does not converge, it falls back to a
spherical distance and says so with a ``≈``.  The line it draws is a great circle on
the sphere, a drawing aid only.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from .assets import LAND, LAND_EDGE, compact_js
from .escape import js_json, js_string

__all__ = ["ToolsControl", "MiniMap"]

_FULLSCREEN_SVG = (
    '<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="#333" '
    'stroke-width="2"><path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4"/></svg>'
)
_MEASURE_SVG = (
    '<svg width="18" height="18" viewBox="0 0 18 18" fill="none" stroke="#333" '
    'stroke-width="1.6"><path d="M1.5 12.5l11-11 4 4-11 11z"/>'
    '<path d="M5 9l1.5 1.5M7.5 6.5L9 8M10 4l1.5 1.5"/></svg>'
)

_TOOLS_JS = compact_js(
    """
    (function (map) {
    var bar = L.control({position: "topleft"});
    var full, measure, result;
    bar.onAdd = function () {
        var div = L.DomUtil.create("div", "leaflet-bar routes-tools");
        full = L.DomUtil.create("a", "routes-fullscreen-button", div);
        measure = L.DomUtil.create("a", "routes-measure-button", div);
        [[full, "Full screen", FULL_SVG], [measure, "Measure a distance (click points)", MEASURE_SVG]]
            .forEach(function (b) {
                b[0].href = "#"; b[0].title = b[1]; b[0].innerHTML = b[2];
                b[0].setAttribute("role", "button"); b[0].setAttribute("aria-label", b[1]);
            });
        L.DomEvent.disableClickPropagation(div);
        return div;
    };
    bar.addTo(map);
    var box = map.getContainer();
    // Full screen: a class that fills the window, and the browser full screen when allowed.
    L.DomEvent.on(full, "click", function (e) {
        L.DomEvent.preventDefault(e);
        var on = !box.classList.contains("routes-fullscreen");
        box.classList.toggle("routes-fullscreen", on);
        full.classList.toggle("routes-on", on);
        if (on && box.requestFullscreen) {
            var p = box.requestFullscreen();
            if (p && p.catch) { p.catch(function () {}); }
        } else if (!on && document.fullscreenElement && document.exitFullscreen) {
            document.exitFullscreen();
        }
        map.invalidateSize();
    });
    document.addEventListener("fullscreenchange", function () {
        if (!document.fullscreenElement && box.classList.contains("routes-fullscreen")) {
            box.classList.remove("routes-fullscreen");
            full.classList.remove("routes-on");
            map.invalidateSize();
        }
    });
    // Distance measure.
    var points = [], drawn = L.layerGroup(), on = false;
    var out = L.control({position: "topleft"});
    out.onAdd = function () {
        result = L.DomUtil.create("div", "routes-panel routes-measure-result");
        result.textContent = "Click points on the map";
        return result;
    };
    function vincenty(p, q) {
        var a = 6378137, f = 1 / 298.257223563, b = a * (1 - f), r = Math.PI / 180;
        var L0 = ((q.lng - p.lng + 540) % 360 - 180) * r;
        var U1 = Math.atan((1 - f) * Math.tan(p.lat * r)), U2 = Math.atan((1 - f) * Math.tan(q.lat * r));
        var s1 = Math.sin(U1), c1 = Math.cos(U1), s2 = Math.sin(U2), c2 = Math.cos(U2);
        var lam = L0, prev, n = 0, sS, cS, sig, sA, cA, cM, C;
        do {
            var sl = Math.sin(lam), cl = Math.cos(lam);
            sS = Math.sqrt(Math.pow(c2 * sl, 2) + Math.pow(c1 * s2 - s1 * c2 * cl, 2));
            if (sS === 0) { return 0; }
            cS = s1 * s2 + c1 * c2 * cl;
            sig = Math.atan2(sS, cS);
            sA = c1 * c2 * sl / sS;
            cA = 1 - sA * sA;
            cM = cA ? cS - 2 * s1 * s2 / cA : 0;
            C = f / 16 * cA * (4 + f * (4 - 3 * cA));
            prev = lam;
            lam = L0 + (1 - C) * f * sA * (sig + C * sS * (cM + C * cS * (2 * cM * cM - 1)));
        } while (Math.abs(lam - prev) > 1e-12 && ++n < 200);
        if (n >= 200) { return null; }
        var u2 = cA * (a * a - b * b) / (b * b);
        var A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
        var B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
        var dS = B * sS * (cM + B / 4 * (cS * (2 * cM * cM - 1)
            - B / 6 * cM * (4 * sS * sS - 3) * (4 * cM * cM - 3)));
        return b * A * (sig - dS);
    }
    function sphere(p, q) {
        var r = Math.PI / 180, dl = (q.lng - p.lng) * r;
        var h = Math.pow(Math.sin((q.lat - p.lat) * r / 2), 2)
            + Math.cos(p.lat * r) * Math.cos(q.lat * r) * Math.pow(Math.sin(dl / 2), 2);
        return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
    function vec(p) {
        var r = Math.PI / 180;
        return [Math.cos(p.lat * r) * Math.cos(p.lng * r), Math.cos(p.lat * r) * Math.sin(p.lng * r),
                Math.sin(p.lat * r)];
    }
    function arc(p, q) {
        var a = vec(p), b = vec(q), d = Math.acos(Math.max(-1, Math.min(1,
            a[0] * b[0] + a[1] * b[1] + a[2] * b[2]))), pts = [p], lng = p.lng;
        for (var i = 1; i <= 64 && d > 1e-9; i++) {
            var t = i / 64, u = Math.sin((1 - t) * d) / Math.sin(d), v = Math.sin(t * d) / Math.sin(d);
            var x = u * a[0] + v * b[0], y = u * a[1] + v * b[1], z = u * a[2] + v * b[2];
            var ln = Math.atan2(y, x) * 180 / Math.PI;
            lng = ln + 360 * Math.round((lng - ln) / 360);
            pts.push(L.latLng(Math.atan2(z, Math.sqrt(x * x + y * y)) * 180 / Math.PI, lng));
        }
        return pts;
    }
    function show() {
        drawn.clearLayers();
        var metres = 0, approx = false;
        points.forEach(function (p, i) {
            L.circleMarker(p, {radius: 4, color: "#222", weight: 2, fillColor: "#fff",
                               fillOpacity: 1, interactive: false}).addTo(drawn);
            if (i) {
                var m = vincenty(points[i - 1], p);
                if (m === null) { m = sphere(points[i - 1], p); approx = true; }
                metres += m;
                L.polyline(arc(points[i - 1], p), {color: "#222", weight: 2, dashArray: "6 5",
                                                   interactive: false}).addTo(drawn);
            }
        });
        var km = metres / 1000;
        result.dataset.km = km.toFixed(3);
        result.textContent = points.length < 2 ? "Click points on the map" :
            (approx ? "\u2248 " : "") + km.toLocaleString("en-US", {maximumFractionDigits: 1})
            + " km (" + (km / 1.852).toLocaleString("en-US", {maximumFractionDigits: 1})
            + " nm), WGS84" + (approx ? " (spherical)" : "");
    }
    L.DomEvent.on(measure, "click", function (e) {
        L.DomEvent.preventDefault(e);
        on = !on;
        measure.classList.toggle("routes-on", on);
        box.classList.toggle("routes-measuring", on);
        points = [];
        if (on) { drawn.addTo(map); out.addTo(map); show(); }
        else { drawn.remove(); out.remove(); }
    });
    map.on("click", function (e) { if (on) { points.push(e.latlng); show(); } });
    })(MAP);
    """
)


class ToolsControl(MacroElement):
    """A bar of two buttons under the zoom control: full screen and distance measure.

    Full screen puts the class ``routes-fullscreen`` on the map container (the map then
    fills the window) and asks the browser for full screen where it may.  The measure
    tool, while on, adds a point per click and shows the total geodesic distance in a
    panel (``.routes-measure-result``, kilometres also in ``data-km``).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.code }}
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "ToolsControl"

    def render(self, **kwargs):
        self.code = (
            _TOOLS_JS.replace("FULL_SVG", js_string(_FULLSCREEN_SVG))
            .replace("MEASURE_SVG", js_string(_MEASURE_SVG))
            .replace("(MAP)", f"({self._parent.get_name()})")
        )
        super().render(**kwargs)


_MINIMAP_JS = compact_js(
    """
    (function (map, base) {
    var ctl = L.control({position: "bottomright"});
    ctl.onAdd = function () {
        var div = L.DomUtil.create("div", "routes-minimap");
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
    };
    ctl.addTo(map);
    var mini = L.map(ctl.getContainer(), {attributionControl: false, zoomControl: false,
        dragging: false, scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false,
        keyboard: false, touchZoom: false, zoomSnap: 0.25,
        center: map.getCenter(), zoom: Math.max(map.getZoom() - 4, 0)});
    if (base && base.routesData) {
        base.routesShifts.forEach(function (shift) {
            L.geoJSON(base.routesData, {interactive: false, style: STYLE,
                coordsToLatLng: function (c) { return L.latLng(c[1], c[0] + shift); }}).addTo(mini);
        });
    }
    map.eachLayer(function (l) {
        var cls = (l.options && l.options.className) || "";
        if (l instanceof L.Polyline && cls.split(" ").indexOf("routes-leg") >= 0) {
            L.polyline(l.getLatLngs(), {color: l.options.color, weight: 2, interactive: false})
                .addTo(mini);
        }
    });
    var view = L.rectangle(map.getBounds(), {color: "#d00", weight: 1.5, fillOpacity: 0.08,
                                             interactive: false}).addTo(mini);
    function sync() {
        mini.setView(map.getCenter(), Math.max(map.getZoom() - 4, 0), {animate: false});
        view.setBounds(map.getBounds());
    }
    map.on("moveend", sync);
    mini.on("click", function (e) { map.panTo(e.latlng); });
    sync();
    })(MAP, BASE);
    """
)


class MiniMap(MacroElement):
    """An overview map in the bottom-right corner: the offline country outlines (drawn
    from ``basemap``'s data, if any), the flights' legs, and a red box for the main
    view; clicking it pans the main map there."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.code }}
        {% endmacro %}
        """
    )

    def __init__(self, basemap=None):
        super().__init__()
        self._name = "MiniMap"
        self.basemap = basemap

    def render(self, **kwargs):
        style = {"color": LAND_EDGE, "weight": 0.4, "fillColor": LAND, "fillOpacity": 1.0}
        base = self.basemap.get_name() if self.basemap is not None else "null"
        self.code = (
            _MINIMAP_JS.replace("STYLE", js_json(style))
            .replace("(MAP,BASE)", f"({self._parent.get_name()},{base})")
        )
        super().render(**kwargs)
