"""Small folium elements of our own: safe popups and tooltips, panels (the legend, the leg
table), a map-wide attribution and the flag that says the page is drawn.

Each renders a few lines of Leaflet calls.  Text arrives as HTML already escaped with
:func:`routes.render.escape.html_text` and is handed to Leaflet as a JSON string literal
(:func:`routes.render.escape.js_string`), never spliced into JavaScript source.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.map import FitBounds
from folium.template import Template

from .escape import js_json, js_string

__all__ = ["Bind", "Panel", "Legend", "Attribution", "OpeningView", "ReadyFlag"]


class Bind(MacroElement):
    """Bind a popup or a tooltip with the given (already escaped) HTML to the parent layer.

    Parameters
    ----------
    kind : {"popup", "tooltip"}
        What to bind.
    html : str
        The content, escaped markup.
    options : dict, optional
        Leaflet options of the popup or tooltip (JSON values).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.{{ this.method }}({{ this.content }}, {{ this.options }});
        {% endmacro %}
        """
    )

    def __init__(self, kind: str, html: str, options: dict | None = None):
        super().__init__()
        if kind not in ("popup", "tooltip"):
            raise ValueError(f"kind must be 'popup' or 'tooltip', not {kind!r}")
        self._name = "Bind"
        self.kind = kind
        self.method = "bindPopup" if kind == "popup" else "bindTooltip"
        self.html = html
        self.content = js_string(html)
        self.options = js_json(options or {})


class Panel(MacroElement):
    """A Leaflet control showing the given (already escaped) HTML in a corner of the map.

    Parameters
    ----------
    html : str
        The content, escaped markup.
    position : str
        A Leaflet control position (``"topright"``, ``"bottomleft"``, ...).
    class_name : str
        CSS class of the control's element.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position }}});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", {{ this.class_name }});
            div.innerHTML = {{ this.content }};
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str, position: str = "topright", class_name: str = "routes-panel"):
        super().__init__()
        self._name = "Panel"
        self.html = html
        self.content = js_string(html)
        self.position = js_string(position)
        self.class_name = js_string(class_name)


class Legend(Panel):
    """The legend: a :class:`Panel` with class ``routes-legend``, bottom left by default."""

    def __init__(self, html: str, position: str = "bottomleft"):
        super().__init__(html, position, "routes-legend")
        self._name = "Legend"


class Attribution(MacroElement):
    """A line in the map's attribution control that stays whichever base layer is shown."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        if ({{ this._parent.get_name() }}.attributionControl) {
            {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.content }});
        }
        {% endmacro %}
        """
    )

    def __init__(self, html: str):
        super().__init__()
        self._name = "Attribution"
        self.content = js_string(html)


class OpeningView(FitBounds):
    """folium's ``FitBounds`` without the zoom animation: the map opens on the flights at
    once, so a click made as the page appears lands where the marker is drawn."""

    def __init__(self, bounds, padding=(30, 30), max_zoom: int = 7):
        super().__init__(bounds, padding=padding, max_zoom=max_zoom)
        self.options["animate"] = False


class ReadyFlag(MacroElement):
    """Sets ``data-routes-ready="1"`` on ``<body>`` once the map is drawn and its opening
    zoom or pan animation (from ``fitBounds``) has ended, for tools that take pictures of
    the page (:mod:`routes.render.snapshot`).  Add it after everything else."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            function idle() {
                if (map._animatingZoom || (map._panAnim && map._panAnim._inProgress)) {
                    setTimeout(idle, 50);
                    return;
                }
                L.Util.requestAnimFrame(function () { document.body.dataset.routesReady = "1"; });
            }
            map.whenReady(function () { setTimeout(idle, 0); });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "ReadyFlag"
