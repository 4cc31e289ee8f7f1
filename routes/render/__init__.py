"""Draw a report's flights on a folium map and write it as a (self-contained) HTML page."""

from __future__ import annotations

from .maps import make_map
from .output import map_html, save_map
from .symbols import PALETTE

__all__ = ["make_map", "map_html", "save_map", "PALETTE"]
