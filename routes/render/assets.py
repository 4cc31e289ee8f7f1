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
    "compact_js",
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
#: The same for the dark offline basemap.
DARK_OCEAN = "#1b2330"
DARK_LAND = "#39414d"
DARK_LAND_EDGE = "#5b6573"

ROUTES_CSS = f"""
.leaflet-container.routes-offline {{ background: {OCEAN}; }}
.leaflet-container.routes-offline.routes-dark {{ background: {DARK_OCEAN}; }}
.routes-marker, .routes-arrow, .routes-aircraft {{ background: none; border: none; }}
.routes-marker svg, .routes-arrow svg {{ display: block; overflow: visible; }}
.routes-aircraft {{ filter: drop-shadow(0 0 1px #fff) drop-shadow(0 0 1px #fff); }}
.routes-plane {{ width: 26px; height: 26px; transform-origin: 50% 50%; }}
.routes-plane-icon {{ display: inline-block; width: 16px; height: 16px; }}
.routes-leg-label {{ position: absolute; left: 22px; top: -11px; white-space: nowrap;
  font: 600 11px/1.2 system-ui, sans-serif; color: #222; pointer-events: none;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }}
.routes-dark .routes-leg-label {{ color: #eee; text-shadow: 0 0 2px #000, 0 0 3px #000; }}
.routes-popup .routes-ev {{ color: #555; font-size: 12px; font-style: italic; }}
.routes-beyond {{ color: #c00018; font-weight: 600; }}
.routes-panel {{ background: rgba(255, 255, 255, 0.94); border-radius: 5px;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); font: 12px/1.4 system-ui, sans-serif; }}
.routes-summary > summary {{ cursor: pointer; padding: 5px 9px; font-weight: 600; }}
.routes-summary table {{ border-collapse: collapse; margin: 0 8px 8px; }}
.routes-summary th, .routes-summary td {{ padding: 2px 6px; text-align: right; white-space: nowrap; }}
.routes-summary th {{ border-bottom: 1px solid #ccc; }}
.routes-summary .routes-name {{ text-align: left; max-width: 150px; overflow: hidden;
  text-overflow: ellipsis; }}
.routes-summary tr.routes-total td {{ border-top: 1px solid #ccc; font-weight: 600; }}
.routes-summary .routes-table {{ max-height: 40vh; overflow: auto; }}
.routes-tools a {{ font: bold 15px/30px system-ui, sans-serif; text-align: center; }}
.routes-tools a.routes-on {{ background: #ffe9a8; }}
.leaflet-container.routes-fullscreen {{ position: fixed !important; inset: 0; width: 100vw !important;
  height: 100vh !important; z-index: 10000; }}
.leaflet-container.routes-measuring {{ cursor: crosshair; }}
.routes-measure-result {{ padding: 4px 8px; }}
.routes-minimap.leaflet-container {{ background: {OCEAN}; }}
.routes-minimap {{ width: 160px; height: 110px; border: 2px solid #fff; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.4); }}
.routes-timeline {{ padding: 6px 8px; display: flex; align-items: center; gap: 6px; }}
.routes-timeline button {{ width: 30px; height: 24px; cursor: pointer; }}
.routes-timeline input {{ width: 180px; }}
.routes-timeline .routes-clock {{ font-variant-numeric: tabular-nums; min-width: 8.5em; }}
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


@cache
def routes_css() -> str:
    """Our CSS rules (:data:`ROUTES_CSS` and the aircraft icon), whitespace squeezed."""
    from .symbols import aircraft_css

    css = re.sub(r"\s+", " ", ROUTES_CSS + aircraft_css())
    css = re.sub(r" ?([{};]) ", r"\1", css)
    return re.sub(r"([:,]) ", r"\1", css).strip()


def compact_js(code: str) -> str:
    r"""JavaScript of our own with indentation, blank lines, whole-line ``//`` comments and
    spaces next to punctuation removed.

    The code must keep every string on one line, use double-quoted strings only and no
    regular-expression literals; line breaks are kept, so semicolon insertion is unchanged.

    >>> compact_js('var a = f(1, "x, y");  \n  // note\n  b = a + 1;')
    'var a=f(1,"x, y");\nb=a+1;'
    """
    lines = (line.strip() for line in code.splitlines())
    kept = "\n".join(line for line in lines if line and not line.startswith("//"))
    parts = re.split(r'("(?:[^"\\\n]|\\.)*")', kept)
    for i in range(0, len(parts), 2):  # outside string literals
        parts[i] = re.sub(r"[ \t]*([=+\-*/<>!?:;,(){}\[\]&|%])[ \t]*", r"\1", parts[i])
    return "".join(parts)


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
    header.add_child(_inline("style", routes_css()), name="routes_css")
