"""Build the folium map of a report: base layers, range rings, one layer per flight,
legend, leg table, layer control, tools (full screen, measure, mini-map), timeline,
attribution, and the view fitted to the legs."""

from __future__ import annotations

from collections.abc import Sequence

import folium

from ..errors import InputError
from ..model import Report
from ..range_check import RangeRing
from .assets import use_assets
from .safe import RoutesMap
from .bulk import BulkRoutes, bulk_bounds, bulk_legend_html, is_bulk
from .basemap import GEONAMES, add_base_layers, world_shifts
from .controls import MiniMap, ToolsControl
from .elements import Attribution, Legend, OpeningView, Panel, ReadyFlag
from .escape import html_text
from .ids import deterministic_ids, seed_digest
from .layers import DECIMALS, LegParts, flight_layer, layer_name, marker_spots
from .legend import legend_html
from .rings import ring_layer
from .summary import summary_html
from .timeline import Timeline, schedule

__all__ = ["make_map", "report_bounds"]

DEFAULT_TITLE = "Flight routes"


def report_bounds(report: Report) -> list[list[float]] | None:
    """``[[south, west], [north, east]]`` of every leg and marker (longitudes unwrapped),
    or None when nothing is placed."""
    lats: list[float] = []
    lons: list[float] = []
    for flight in report.flights:
        for leg in flight.legs:
            for x, y, *_ in leg.geometry.coords:
                lons.append(x)
                lats.append(y)
        for spot in marker_spots(flight):
            lons.append(spot.lon)
            lats.append(spot.lat)
    if not lats:
        return None
    r = DECIMALS
    return [[round(min(lats), r), round(min(lons), r)], [round(max(lats), r), round(max(lons), r)]]


def _fingerprint(report: Report, tiles: str | None, title: str | None, rings=()) -> str:
    """A digest of what the map shows, so ids differ between different maps."""
    parts = [tiles, title, tuple(rings)]
    for f in report.flights:
        parts.append((f.id, f.label, f.aircraft, f.date, f.commander, f.evidence))
        parts.extend((p.name, p.code, round(p.lat, 6), round(p.lon, 6)) for p in f.places)
    return seed_digest(*parts)


def _add_flight_layers(m: folium.Map, report: Report) -> dict[tuple[int, int], LegParts]:
    """One layer per flight; returns each leg's elements by (flight index, leg number)."""
    names: set[str] = set()
    legs = {}
    for i, flight in enumerate(report.flights):
        name = layer_name(flight, i)
        if name in names:  # the layer control keys layers by name
            name = layer_name(flight, i, f" [{i + 1}]")
        names.add(name)
        group = flight_layer(flight, i, name)
        group.add_to(m)
        legs.update({(i, parts.leg.index): parts for parts in group.routes_legs})
    return legs


def _add_timeline(m: folium.Map, report: Report, legs: dict[tuple[int, int], LegParts]) -> None:
    """The timeline control, when some flight has a date."""
    planned = schedule(report)
    if planned is not None:
        start, times = planned
        Timeline(start, [(t, legs[(t.flight, t.leg)]) for t in times]).add_to(m)


def make_map(
    report: Report,
    *,
    tiles: str | None = "offline",
    title: str | None = None,
    rings: Sequence[RangeRing] = (),
) -> folium.Map:
    """A folium map of the report's flights.

    Parameters
    ----------
    report : Report
        Flights with their legs computed (:func:`routes.geodesy.compute`).  A flight
        without legs shows its geocoded places only.
    tiles : str or None, default "offline"
        ``"offline"`` draws Natural Earth country outlines shipped with the package and
        needs no network; a dark style of the same outlines and online tile layers
        (OpenStreetMap, CartoDB Positron) are offered in the layer control; ``"dark"``
        shows the dark outlines first.  The name of an online layer shows that layer first instead.
        None draws no base layer.
    title : str, optional
        Shown at the top of the legend and as the page title.
    rings : sequence of RangeRing, optional
        Range rings to draw (see :func:`routes.range_check.make_ring`).

    Returns
    -------
    folium.Map
        A :class:`routes.render.safe.RoutesMap`, which never reads report text as a
        template.  Element ids are derived from the report, so the same input renders to the same
        HTML.  The page inlines Leaflet by default (see :func:`routes.render.map_html`).

    Examples
    --------
    >>> from routes.model import Report
    >>> m = make_map(Report(flights=()))
    >>> isinstance(m, folium.Map)
    True
    """
    bulk = is_bulk(report)
    with deterministic_ids(_fingerprint(report, tiles, title, rings)):
        bounds = bulk_bounds(report) if bulk else report_bounds(report)
        m = RoutesMap(
            location=[20.0, 0.0],
            zoom_start=2,
            tiles=None,
            min_zoom=1,
            control_scale=True,
            world_copy_jump=False,
        )
        m.get_root().title = html_text(title or DEFAULT_TITLE)
        use_assets(m, self_contained=True)
        lons = [] if bounds is None else [bounds[0][1], bounds[1][1]]
        try:
            basemap = add_base_layers(m, tiles, lons)
        except ValueError as exc:
            raise InputError(f"unknown tiles {tiles!r}: {exc}") from exc
        for ring in rings:
            ring_layer(ring, world_shifts(lons)).add_to(m)
        if bulk:
            BulkRoutes(report).add_to(m)
            Legend(bulk_legend_html(report, title)).add_to(m)
        else:
            legs = _add_flight_layers(m, report)
            Legend(legend_html(report, title, rings)).add_to(m)
            Panel(summary_html(report), "topright", "routes-panel routes-summary-panel").add_to(m)
        Attribution(html_text(GEONAMES)).add_to(m)
        folium.LayerControl(position="topright", collapsed=True).add_to(m)
        ToolsControl().add_to(m)
        MiniMap(basemap).add_to(m)
        if not bulk:
            _add_timeline(m, report, legs)
        if bounds is not None:
            OpeningView(bounds).add_to(m)
        ReadyFlag().add_to(m)
    return m
