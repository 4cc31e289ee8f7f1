"""Maps of many legs: one canvas layer instead of one Leaflet object per leg.

Past :data:`BULK_LEGS` legs, a layer per flight with a popup, a tooltip and an arrow per
leg makes pages of tens of megabytes that browsers struggle to open.  Here every leg
goes into one compact array instead:

* each geodesic is simplified (Douglas-Peucker within :data:`TOLERANCE_DEG`, below a
  pixel up to zoom 6) and its coordinates are written as integer thousandths of a degree,
  delta-encoded as varints in base64 (a string, which the browser reads far faster than
  a JavaScript array literal);
* per-leg facts are integer arrays too (place and flight indices, km, bearing), and the
  page composes a leg's label only when it is clicked;
* the whole network is drawn as one multi-polyline on Leaflet's canvas renderer;
* places are deduplicated and drawn as canvas circle markers;
* a click on a line finds the nearest leg in JavaScript and opens a popup naming it, so
  each leg can still be identified.

Labels are set with ``textContent`` in the page, so no text from the input is ever parsed
as markup; the data itself goes through :func:`routes.render.escape.js_json`.
"""

from __future__ import annotations

import base64
import json

import numpy as np
import shapely
from branca.element import MacroElement
from folium.template import Template

from ..model import Report
from .escape import html_text, js_json, js_string
from .symbols import PALETTE

__all__ = ["BULK_LEGS", "TOLERANCE_DEG", "is_bulk", "BulkRoutes", "bulk_bounds", "bulk_legend_html"]

#: Reports with more legs than this are drawn as one layer.
BULK_LEGS = 400
#: Simplification tolerance, degrees (about 2 km: a pixel at zoom 6).
TOLERANCE_DEG = 0.02
#: Coordinates are written as integers in units of 1/SCALE degree (about 110 m).
SCALE = 1000


def is_bulk(report: Report) -> bool:
    """Whether the report has too many legs for one layer per flight."""
    return sum(len(f.legs) for f in report.flights) > BULK_LEGS


def _legs(report: Report):
    return [(f, leg) for f in report.flights for leg in f.legs]


def varints(values: np.ndarray) -> str:
    """Signed integers as zigzag LEB128 varints in base64: about two bytes for a typical
    coordinate step, and decoded in the page without parsing any JavaScript.

    >>> varints(np.array([0, -1, 1, 300]))
    'AAEC2AQ='
    """
    v = np.asarray(values, dtype=np.int64).ravel()
    z = ((v << 1) ^ (v >> 63)).astype(np.uint64)  # zigzag: small magnitudes -> small codes
    # bytes per value: 7 bits each, so 1 + the number of 7-bit thresholds it reaches
    size = np.ones(z.shape, dtype=np.int64)
    for k in range(1, 10):
        size += z >= np.uint64(1) << np.uint64(7 * k)
    start = np.cumsum(size) - size
    out = np.zeros(int(size.sum()), dtype=np.uint8)
    for k in range(int(size.max(initial=0))):
        has = size > k
        chunk = (z[has] >> np.uint64(7 * k)) & np.uint64(0x7F)
        more = (size[has] > k + 1).astype(np.uint64) << np.uint64(7)
        out[start[has] + k] = (chunk | more).astype(np.uint8)
    return base64.b64encode(out.tobytes()).decode("ascii")


def _encode(report: Report) -> dict:
    legs = _legs(report)
    lines = shapely.simplify(np.array([leg.geometry for _, leg in legs], dtype=object),
                             TOLERANCE_DEG, preserve_topology=False)
    coords, index = shapely.get_coordinates(lines, return_index=True)
    ints = np.rint(coords[:, ::-1] * SCALE).astype(np.int64)  # (lat, lon)
    starts = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
    deltas = np.diff(ints, axis=0, prepend=ints[:1] * 0)
    deltas[starts] = ints[starts]  # each leg starts from absolute values
    counts = np.bincount(index, minlength=len(legs))

    places: dict[tuple[int, int], int] = {}
    names: list[str] = []

    def place_index(place, lon: float, lat: float) -> int:
        key = (round(lat * SCALE), round(lon * SCALE))
        if key not in places:
            places[key] = len(names)
            names.append(_name(place))
        return places[key]

    # Simplification keeps each line's end points, so the places sit where lines end.
    firsts = coords[starts].tolist()
    lasts = coords[np.r_[starts[1:], len(coords)] - 1].tolist()
    flights: dict[str, int] = {}
    ends, meta = [], []
    for (f, leg), first, last in zip(legs, firsts, lasts):
        ends.append((place_index(leg.origin, *first), place_index(leg.destination, *last)))
        meta.append((flights.setdefault(f.label or f.id, len(flights)), leg.index,
                     round(leg.distance_km), round(leg.initial_bearing_deg)))
    ends_a = np.array(ends, dtype=np.int64).reshape(-1, 2)
    meta_a = np.array(meta, dtype=np.int64).reshape(-1, 4)
    return {
        "scale": SCALE,
        "coords": varints(deltas.ravel()),
        "counts": varints(counts),
        "from": varints(ends_a[:, 0]),
        "to": varints(ends_a[:, 1]),
        "flight": varints(meta_a[:, 0]),
        "leg": varints(meta_a[:, 1]),
        "km": varints(meta_a[:, 2]),
        "bearing": varints(meta_a[:, 3]),
        "flights": list(flights),
        "places": names,
        "placeAt": varints(np.array(list(places), dtype=np.int64).ravel()),
    }


def _name(place) -> str:
    return f"{place.name} ({place.code})" if place.code else place.name


def bulk_bounds(report: Report) -> list[list[float]] | None:
    """``[[south, west], [north, east]]`` of all legs, computed on arrays."""
    legs = [leg.geometry for _, leg in _legs(report)]
    if not legs:
        return None
    x0, y0, x1, y1 = shapely.total_bounds(np.array(legs, dtype=object))
    return [[round(float(y0), 3), round(float(x0), 3)], [round(float(y1), 3), round(float(x1), 3)]]


def bulk_legend_html(report: Report, title: str | None = None) -> str:
    """A short legend: how many flights, legs and places the layer holds."""
    n_legs = sum(len(f.legs) for f in report.flights)
    places = {(p.lat, p.lon) for f in report.flights for p in f.places}
    km = sum(leg.distance_km for f in report.flights for leg in f.legs)
    head = f"<h2>{html_text(title)}</h2>" if title else ""
    return (
        f"{head}<div class=\"routes-row\">{len(report.flights):,} flights, {n_legs:,} legs, "
        f"{len(places):,} places, {km:,.0f} km in all</div>"
        "<div class=\"routes-row\">click a line to name its leg</div>"
    )


class BulkRoutes(MacroElement):
    """All legs of a report as one canvas multi-polyline, with places as circle markers."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var data = JSON.parse({{ this.data }});
            function ints(b64) {  // zigzag LEB128 varints, see routes.render.bulk.varints
                var s = atob(b64), out = [], n = 0, shift = 0;
                for (var i = 0; i < s.length; i++) {
                    var c = s.charCodeAt(i);
                    n += (c & 127) * Math.pow(2, shift);
                    if (c & 128) { shift += 7; continue; }
                    out.push(n % 2 ? -(n + 1) / 2 : n / 2);
                    n = 0; shift = 0;
                }
                return out;
            }
            var k = 1 / data.scale, renderer = L.canvas({padding: 0.3, tolerance: 5});
            var coords = ints(data.coords), counts = ints(data.counts), parts = [], at = 0;
            counts.forEach(function (n) {
                var pts = [], lat = 0, lon = 0;
                for (var i = 0; i < n; i++, at += 2) {
                    lat += coords[at]; lon += coords[at + 1]; pts.push([lat * k, lon * k]);
                }
                parts.push(pts);
            });
            var from = ints(data.from), to = ints(data.to), flight = ints(data.flight),
                legNo = ints(data.leg), km = ints(data.km), bearing = ints(data.bearing);
            function label(j) {
                return data.flights[flight[j]] + " leg " + legNo[j] + ": " + data.places[from[j]] +
                    " \u2192 " + data.places[to[j]] + ", " + km[j].toLocaleString("en") +
                    " km, " + bearing[j] + "\u00b0";
            }
            var line = L.polyline(parts, {renderer: renderer, color: {{ this.colour }},
                weight: 1, opacity: 0.5, interactive: true});  // width 1: Skia draws hairlines far faster
            function nearest(ll) {
                var best = -1, bestD = Infinity, c = Math.cos(ll.lat * Math.PI / 180);
                var px = ll.lng * c, py = ll.lat;
                for (var j = 0; j < parts.length; j++) {
                    var p = parts[j];
                    for (var i = 1; i < p.length; i++) {
                        var ax = p[i - 1][1] * c, ay = p[i - 1][0], bx = p[i][1] * c, by = p[i][0];
                        var dx = bx - ax, dy = by - ay;
                        var t = dx || dy ? ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy) : 0;
                        t = Math.max(0, Math.min(1, t));
                        var ex = ax + t * dx - px, ey = ay + t * dy - py, d = ex * ex + ey * ey;
                        if (d < bestD) { bestD = d; best = j; }
                    }
                }
                return best;
            }
            line.on("click", function (e) {
                var j = nearest(e.latlng);
                if (j < 0) return;
                var div = document.createElement("div");
                div.className = "routes-bulk-popup";
                div.textContent = label(j);  // text, never markup
                L.popup().setLatLng(e.latlng).setContent(div).openOn(map);
            });
            var group = L.featureGroup([line]), placeAt = ints(data.placeAt);
            data.places.forEach(function (name, i) {
                var m = L.circleMarker([placeAt[2 * i] * k, placeAt[2 * i + 1] * k], {
                    renderer: renderer, radius: 2.5, color: "#333", weight: 1,
                    fillColor: "#fff", fillOpacity: 1});
                m.bindTooltip(function () {
                    var s = document.createElement("span"); s.textContent = name; return s;
                });
                group.addLayer(m);
            });
            group.addTo(map);
            window.routesBulk = {legs: parts.length, places: data.places.length, line: line,
                                 label: label, nearest: nearest};
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, report: Report, colour: str = PALETTE[0]):
        super().__init__()
        self._name = "BulkRoutes"
        self.data = js_string(json.dumps(_encode(report), ensure_ascii=False, separators=(",", ":")))
        self.colour = js_json(colour)
