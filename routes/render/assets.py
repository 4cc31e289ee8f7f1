"""Leaflet's JavaScript and CSS, inlined from xstatic-leaflet or linked from a CDN, and
the few CSS rules of our own.

A self-contained page carries Leaflet itself (about 160 kB) and nothing else: no jQuery,
Bootstrap or Font Awesome, which folium links by default.  Leaflet's CSS refers to three
images; the two of the layer control are inlined as ``data:`` URIs and the rule for the
default marker icon (which the map does not use) is dropped.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink

__all__ = [
    "LEAFLET_VERSION",
    "LEAFLET_JS_URL",
    "LEAFLET_CSS_URL",
    "ROUTES_CSS",
    "RawHTML",
    "leaflet_js",
    "leaflet_css",
    "use_assets",
]

LEAFLET_VERSION = "1.9.3"
LEAFLET_JS_URL = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js"
LEAFLET_CSS_URL = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css"

#: Ocean colour of the offline basemap, and the land colours drawn over it.
OCEAN = "#d5e5ef"
LAND = "#ebebe8"
LAND_EDGE = "#a9a9a6"

ROUTES_CSS = f"""
.leaflet-container.routes-offline {{ background: {OCEAN}; }}
.routes-marker, .routes-arrow {{ background: none; border: none; }}
.routes-marker svg, .routes-arrow svg {{ display: block; overflow: visible; }}
.routes-popup {{ font: 13px/1.35 system-ui, sans-serif; max-width: 300px; }}
.routes-popup h3 {{ font-size: 14px; margin: 0 0 4px; }}
.routes-popup table {{ border-collapse: collapse; margin-top: 4px; }}
.routes-popup th {{ text-align: left; font-weight: 600; padding: 1px 8px 1px 0;
  vertical-align: top; white-space: nowrap; }}
.routes-popup td {{ padding: 1px 0; }}
.routes-popup .routes-code {{ font-family: ui-monospace, monospace; color: #555; }}
.routes-popup ul {{ margin: 4px 0 0; padding-left: 16px; max-height: 9em; overflow: auto; }}
.routes-popup .routes-fact {{ color: #555; }}
.routes-legend {{ background: rgba(255, 255, 255, 0.92); padding: 6px 9px; border-radius: 5px;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); font: 12px/1.4 system-ui, sans-serif;
  max-width: 320px; max-height: 45vh; overflow: auto; }}
.routes-legend h2 {{ font-size: 14px; margin: 0 0 4px; }}
.routes-legend .routes-row {{ display: flex; align-items: center; gap: 6px; }}
.routes-legend .routes-roles {{ margin-top: 5px; padding-top: 4px; border-top: 1px solid #ddd;
  display: flex; gap: 10px; flex-wrap: wrap; }}
.routes-legend svg {{ flex: none; }}
"""

_IMAGE_URL = re.compile(r"url\(images/([\w-]+\.png)\)")
_DEFAULT_ICON_RULE = re.compile(r"\.leaflet-default-icon-path\s*\{[^}]*\}")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
_END_SCRIPT = re.compile(r"</(script)", re.IGNORECASE)


def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as xleaflet

    return Path(xleaflet.BASE_DIR)


@cache
def leaflet_js() -> str:
    """Leaflet's minified JavaScript, ready to inline in a ``<script>`` element."""
    code = (_leaflet_dir() / "leaflet.js").read_text(encoding="utf-8")
    code = _SOURCE_MAP.sub("", code).rstrip()
    return _END_SCRIPT.sub(r"<\\/\1", code)


@cache
def leaflet_css() -> str:
    """Leaflet's CSS with its layer-control images inlined as ``data:`` URIs."""
    base = _leaflet_dir()
    css = (base / "leaflet.css").read_text(encoding="utf-8")
    css = _DEFAULT_ICON_RULE.sub("", css)

    def inline(match: re.Match) -> str:
        data = base64.b64encode((base / "images" / match.group(1)).read_bytes()).decode()
        return f"url(data:image/png;base64,{data})"

    return _IMAGE_URL.sub(inline, css)


class RawHTML(Element):
    """Markup put into the page as it is (not parsed as a Jinja template)."""

    def __init__(self, text: str):
        super().__init__()
        self._name = "RawHTML"
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


def _inline(tag: str, code: str) -> RawHTML:
    return RawHTML(f"<{tag}>\n{code}\n</{tag}>")


def use_assets(m: folium.Map, self_contained: bool = True) -> None:
    """Make ``m``'s page inline Leaflet (``self_contained``) or link it from a CDN.

    folium's own default links (Leaflet, jQuery, Bootstrap, Font Awesome, awesome-markers)
    are switched off for this map only: the lists are replaced on the instance, the class
    attributes stay as they are.  Calling again switches the mode.
    """
    figure = m.get_root()
    assert isinstance(figure, Figure), "the map must belong to a Figure"
    m.default_js = []
    m.default_css = []
    if self_contained:
        js, css = _inline("script", leaflet_js()), _inline("style", leaflet_css())
    else:
        js, css = JavascriptLink(LEAFLET_JS_URL), CssLink(LEAFLET_CSS_URL)
    header = figure.header
    header.add_child(js, name="leaflet")
    header.add_child(css, name="leaflet_css")
    header.add_child(_inline("style", ROUTES_CSS.strip()), name="routes_css")
