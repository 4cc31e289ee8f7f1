"""The analysts' map, as built in Python: aircraft, range flags, rings, leg table,
controls and timeline (what the browser makes of it is in test_browser_features.py)."""

from __future__ import annotations

import html
import re

import folium
import pytest
from geographiclib.geodesic import Geodesic

from routes.model import Report, replace
from routes.range_check import make_ring
from routes.render import make_map, map_html
from routes.render.controls import MiniMap, ToolsControl
from routes.render.elements import Legend, Panel
from routes.render.planes import midpoint
from routes.render.timeline import DWELL_H, Timeline, schedule

from conftest import PAYLOADS, _flight


def groups(m):
    return [c for c in m._children.values() if type(c) is folium.FeatureGroup]


def children(element, kind):
    return [c for c in element._children.values() if isinstance(c, kind)]


def aircraft_markers(group):
    out = []
    for marker in children(group, folium.Marker):
        icon = children(marker, folium.DivIcon)[0]
        if icon.options["class_name"] == "routes-aircraft":
            out.append((marker, icon.options["html"]))
    return out


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


@pytest.fixture
def direct_report(places):
    flight = _flight("d1", [places["syria"], places["caracas"]], aircraft=("Il-62",),
                     cargo_tonnes=35.0, date="2019-03-23")
    return Report(flights=(flight,))


def test_midpoint_heading_is_the_geodesic_azimuth_there(syria_report):
    for leg in syria_report.flights[0].legs:
        a, b = leg.origin, leg.destination
        line = Geodesic.WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon)
        pos = line.Position(line.s13 / 2)
        mid = midpoint(leg)
        assert (mid.lat, mid.lon) == pytest.approx((pos["lat2"], pos["lon2"]), abs=1e-9)
        assert mid.bearing == pytest.approx(pos["azi2"] % 360, abs=1e-9)
        # Not the initial bearing: on these legs the heading turns by several degrees.
        assert abs(mid.bearing - leg.initial_bearing_deg) > 2


def test_aircraft_marker_per_leg_rotated_and_labelled(syria_report):
    (fg,) = groups(make_map(syria_report))
    planes = aircraft_markers(fg)
    assert len(planes) == 2
    for (marker, icon), leg in zip(planes, syria_report.flights[0].legs):
        mid = midpoint(leg)
        assert marker.location == pytest.approx([mid.lat, mid.lon], abs=1e-5)
        angle = float(re.search(r"rotate\(([\d.]+)deg\)", icon).group(1))
        assert angle == pytest.approx(mid.bearing, abs=0.06)
        assert f'data-bearing="{angle:.1f}"' in icon
        assert f"{leg.index} · An-124/Il-62 · 35 t" in html.unescape(icon)


def test_aircraft_popup_has_facts_with_their_evidence(places):
    from routes.model import Evidence

    flight = _flight(
        "f1", [places["syria"], places["dakar"]], aircraft=("An-124",), personnel=99,
        cargo_tonnes=35.0, date="2019-03-23", commander="Vasily Tonkoshkurov",
        evidence=(Evidence("personnel", "with 99 servicemen aboard"),
                  Evidence("cargo", "carrying 35 tonnes of cargo")),
    )
    (fg,) = groups(make_map(Report(flights=(flight,))))
    ((marker, _),) = aircraft_markers(fg)
    from routes.render.elements import Bind

    popup = text_of([b.html for b in children(marker, Bind) if b.kind == "popup"][0])
    for part in ("An-124", "99", "35 t", "Vasily Tonkoshkurov", "2019-03-23",
                 "with 99 servicemen aboard", "carrying 35 tonnes of cargo", "km", "nm",
                 "Est. time", "within range"):
        assert part in popup, part


def test_leg_beyond_range_is_flagged(direct_report):
    m = make_map(direct_report)
    (fg,) = groups(m)
    outlines = [c for c in children(fg, folium.PolyLine)
                if "routes-beyond-range" in c.options.get("className", "")]
    assert len(outlines) == 1
    page = map_html(m)
    assert "beyond range" in text_of(html.unescape(page.replace("\\u003c", "<").replace("\\u003e", ">")))
    (legend,) = children(m, Legend)
    assert "beyond the aircraft range" in legend.html and "d1 leg 1" in legend.html


def test_stopover_route_is_not_flagged(syria_report):
    page = map_html(make_map(syria_report))
    assert "routes-beyond-range" not in page and "beyond range" not in page


def test_leg_table_lists_legs_with_totals(syria_report):
    m = make_map(syria_report)
    (panel,) = [p for p in children(m, Panel) if "routes-summary" in p.html]
    text = text_of(panel.html)
    legs = syria_report.flights[0].legs
    for leg in legs:
        assert f"{leg.distance_km:,.0f}" in text and f"{leg.distance_nm:,.0f}" in text
        assert f"{leg.initial_bearing_deg:.0f}°" in text
    total = sum(leg.distance_km for leg in legs)
    assert "total" in text and f"{total:,.0f}" in text
    assert "<details" in panel.html and "<summary>" in panel.html


def test_timeline_only_with_dates(syria_report):
    assert len(children(make_map(syria_report), Timeline)) == 1
    undated = replace(syria_report, flights=tuple(replace(f, date=None) for f in syria_report.flights))
    m = make_map(undated)
    assert children(m, Timeline) == []
    assert "routes-slider" not in map_html(m)
    assert len(children(m, ToolsControl)) == 1 and len(children(m, MiniMap)) == 1


def test_schedule_lays_legs_end_to_end_with_dwell(syria_report, two_flight_report):
    start, times = schedule(syria_report)
    assert str(start) == "2019-03-23"
    first, second = times
    legs = syria_report.flights[0].legs
    assert first.depart_h == 0 and first.arrive_h == pytest.approx(legs[0].duration_h, abs=1e-3)
    assert second.depart_h == pytest.approx(first.arrive_h + DWELL_H, abs=1e-3)
    assert first.next_h == second.depart_h and second.next_h is None
    assert schedule(two_flight_report) is None  # no dates


def test_range_rings_drawn_and_listed(syria_report):
    rings = [make_ring("CCS:An-124", syria_report), make_ring("PKC:Il-62")]
    m = make_map(syria_report, rings=rings)
    page = map_html(m)
    assert page.count("routes-ring-area") >= 2 and "routes-ring\\" not in page
    (legend,) = children(m, Legend)
    assert "An-124 from" in legend.html and "Il-62 from" in legend.html
    assert map_html(make_map(syria_report, rings=rings)) == page  # deterministic


def test_dark_and_online_base_layers_offered(syria_report):
    from routes.render.basemap import DarkBasemap, country_geometries

    m = make_map(syria_report)
    (dark,) = children(m, DarkBasemap)
    assert not dark.show
    page = map_html(m)
    assert page.count(country_geometries()) == 1  # the outlines are in the page once
    assert "Countries, dark (offline)" in page


def test_new_text_sinks_are_escaped(hostile_report):
    page = map_html(make_map(hostile_report, rings=[make_ring("CCS:An-124", hostile_report)]))
    for payload in PAYLOADS:
        if "<" in payload or ">" in payload:
            assert payload not in page


def test_byte_identical_and_smallish(syria_report):
    first = map_html(make_map(syria_report))
    assert map_html(make_map(syria_report)) == first
    assert len(first.encode()) < 400_000
