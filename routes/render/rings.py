"""Range rings on the map: the area an aircraft type can reach from a place.

The ring comes from :func:`routes.range_check.range_ring` with longitudes in [-180, 180]
(cut at the antimeridian, closed along a pole it encloses) and is drawn at every world
shift the map uses, so it lines up with the basemap and with legs that cross +-180.
"""

from __future__ import annotations

import folium
from shapely.geometry import MultiPolygon

from ..range_check import RangeRing, range_ring, ring_outline
from .elements import Bind
from .escape import html_text as esc
from .layers import DECIMALS

__all__ = ["RING_COLOUR", "ring_layer", "ring_text"]

RING_COLOUR = "#6A3D9A"


def ring_text(ring: RangeRing) -> str:
    """The ring in words (markup): ``An-124 from Caracas: 12,521 km (with 35 t)``."""
    load = f" (with {ring.payload_t:g} t)" if ring.payload_t is not None else " (maximum payload)"
    return f"{esc(ring.aircraft)} from {esc(ring.place.name)}: {ring.radius_km:,.0f} km{esc(load)}"


def _latlngs(coords, shift: int) -> list[list[float]]:
    return [[round(y, DECIMALS), round(x + shift, DECIMALS)] for x, y, *_ in coords]


def ring_layer(ring: RangeRing, shifts: tuple[int, ...] = (0,)) -> folium.FeatureGroup:
    """An overlay with the ring's area (light fill, no edge) and its edge (dashed)."""
    place = ring.place
    area = range_ring(place.lat, place.lon, ring.radius_km)
    edge = ring_outline(place.lat, place.lon, ring.radius_km)
    polygons = list(area.geoms) if isinstance(area, MultiPolygon) else [area]
    name = f"Range ring: {ring_text(ring)}"
    group = folium.FeatureGroup(name=name, overlay=True, show=True)
    popup = f'<div class="routes-popup"><h3>Range ring</h3><div>{ring_text(ring)}</div></div>'
    for shift in shifts:
        for poly in polygons:
            rings = [_latlngs(poly.exterior.coords, shift)]
            rings += [_latlngs(hole.coords, shift) for hole in poly.interiors]
            folium.Polygon(
                rings, stroke=False, fill=True, fill_color=RING_COLOUR, fill_opacity=0.07,
                interactive=False, class_name="routes-ring-area",
            ).add_to(group)
        for line in edge.geoms:
            outline = folium.PolyLine(
                _latlngs(line.coords, shift), color=RING_COLOUR, weight=2, opacity=0.8,
                dash_array="6 6", class_name="routes-ring",
            )
            outline.add_child(Bind("tooltip", ring_text(ring), {"sticky": True}))
            outline.add_child(Bind("popup", popup, {"maxWidth": 340}))
            outline.add_to(group)
    return group
