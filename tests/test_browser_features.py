"""The analysts' map in a real browser (headless Chromium, network refused): aircraft
rotated to the heading, popups, legend, leg table, full screen, mini-map, distance
measure, timeline and the range flag."""

from __future__ import annotations

import re

import pytest
from geographiclib.geodesic import Geodesic

from routes.model import Report, replace
from routes.render import make_map, save_map
from routes.render.planes import midpoint

from conftest import _flight

FIND_MAP = "Object.values(window).find(v => v instanceof L.Map && v.getContainer().id.startsWith('map_'))"


@pytest.fixture
def seed_page(tmp_path, syria_report, offline_page):
    path = save_map(make_map(syria_report, title="Syria to Caracas"), tmp_path / "seed.html")
    opened = offline_page.open(path)
    opened.page.wait_for_function("() => document.body.dataset.routesReady === '1'")
    return opened


def angle_of(transform: str) -> float:
    return float(re.fullmatch(r"rotate\(([-\d.]+)deg\)", transform).group(1))


def test_two_legs_and_aircraft_rotated_to_the_midpoint_heading(seed_page, syria_report):
    page = seed_page.page
    assert page.locator("path.routes-leg").count() == 2
    planes = page.evaluate(
        """() => [...document.querySelectorAll('.routes-aircraft .routes-plane')].map(
            e => ({transform: e.style.transform, bearing: e.dataset.bearing,
                   box: e.getBoundingClientRect().toJSON()}))"""
    )
    assert len(planes) == 2
    for plane, leg in zip(planes, syria_report.flights[0].legs):
        a, b = leg.origin, leg.destination
        line = Geodesic.WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon)
        azimuth = line.Position(line.s13 / 2)["azi2"] % 360
        assert angle_of(plane["transform"]) == pytest.approx(azimuth, abs=1.0)
        assert float(plane["bearing"]) == pytest.approx(azimuth, abs=1.0)
        # And the drawn line runs that way on screen where the aircraft sits.
        mid = midpoint(leg)
        screen = page.evaluate(
            """([lat, lon]) => {
                const map = %s, z = 12;  // project at a deep zoom: no pixel rounding
                const p = map.project([lat, lon], z);
                let best = null;
                map.eachLayer(l => {
                    if (!(l instanceof L.Polyline) || !(l.options.className || '').includes('routes-leg')) return;
                    const pts = l.getLatLngs().map(q => map.project(q, z));
                    for (let i = 1; i < pts.length; i++) {
                        const dist = pts[i - 1].add(pts[i]).divideBy(2).distanceTo(p);
                        if (!best || dist < best.dist) best = {dist, a: pts[i - 1], b: pts[i]};
                    }
                });
                return (Math.atan2(best.b.x - best.a.x, best.a.y - best.b.y) * 180 / Math.PI + 360) %% 360;
            }""" % FIND_MAP,
            [mid.lat, mid.lon],
        )
        assert screen == pytest.approx(azimuth, abs=1.5)


def test_aircraft_popup_after_a_click(seed_page):
    page = seed_page.page
    page.locator(".routes-aircraft").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    for part in ("An-124, Il-62", "Personnel", "99", "Cargo", "35 t", "Vasily Tonkoshkurov",
                 "2019-03-23", "km", "nm", "Est. time", "within range"):
        assert part in text, part


def test_legend_and_leg_table(seed_page, syria_report):
    page = seed_page.page
    legend = page.locator(".routes-legend").inner_text()
    assert "f1" in legend and "aircraft" in legend and "stopover" in legend
    summary = page.locator(".routes-summary")
    assert summary.is_visible()
    assert not page.locator(".routes-summary table").is_visible()  # collapsed
    page.locator(".routes-summary > summary").click()
    table = page.locator(".routes-summary table")
    assert table.is_visible()
    rows = table.locator("tr").all_inner_texts()
    assert len(rows) == 1 + 2 + 1  # head, two legs, total
    legs = syria_report.flights[0].legs
    for row, leg in zip(rows[1:3], legs):
        assert f"{leg.distance_km:,.0f}" in row and f"{leg.distance_nm:,.0f}" in row
    assert "total" in rows[3] and f"{sum(l.distance_km for l in legs):,.0f}" in rows[3]


def test_fullscreen_toggles(seed_page):
    page = seed_page.page
    button = page.locator(".routes-fullscreen-button")
    has = "() => document.querySelector('.leaflet-container').classList.contains('routes-fullscreen')"
    assert not page.evaluate(has)
    button.click()
    assert page.evaluate(has)
    button.click()
    assert not page.evaluate(has)


def test_minimap_drawn(seed_page):
    page = seed_page.page
    mini = page.locator(".routes-minimap")
    assert mini.is_visible()
    assert page.locator(".routes-minimap path").count() > 150  # countries, legs, view box
    colours = page.evaluate(
        "() => [...document.querySelectorAll('.routes-minimap path')].map(p => p.getAttribute('stroke'))"
    )
    assert "#0072B2" in colours and "#d00" in colours


def test_measure_gives_the_wgs84_distance(seed_page):
    page = seed_page.page
    page.locator(".routes-measure-button").click()
    clicks = [(330, 230), (760, 560)]  # open sea and land, away from legs and controls
    for x, y in clicks:
        page.mouse.click(x, y)
    result = page.locator(".routes-measure-result")
    km = float(result.get_attribute("data-km"))
    ends = page.evaluate(
        "(pts) => { const map = %s; return pts.map(p => map.containerPointToLatLng(p)); }" % FIND_MAP,
        [list(c) for c in clicks],
    )
    (a, b) = ends
    expected = Geodesic.WGS84.Inverse(a["lat"], a["lng"], b["lat"], b["lng"])["s12"] / 1000
    assert expected > 1000
    assert km == pytest.approx(expected, rel=0.01)
    assert km == pytest.approx(expected, rel=1e-6)  # Vincenty: far better than asked
    assert "km" in result.inner_text() and "nm" in result.inner_text()
    page.locator(".routes-measure-button").click()
    assert page.locator(".routes-measure-result").count() == 0
    assert seed_page.console_errors == []


def test_timeline_moves_the_aircraft_and_reveals_legs_in_order(seed_page):
    page = seed_page.page
    control = page.locator(".routes-timeline")
    assert control.is_visible() and page.locator(".routes-play").count() == 1
    assert "2019-03-23" in control.inner_text()

    def at(fraction):
        page.evaluate(
            """(v) => { const s = document.querySelector('.routes-slider');
                        s.value = v; s.dispatchEvent(new Event('input')); }""",
            round(1000 * fraction),
        )
        return page.evaluate(
            """() => ({
                widths: [...document.querySelectorAll('path.routes-leg')].map(p => p.getBBox().width),
                planes: [...document.querySelectorAll('.routes-aircraft')].map(
                    e => ({opacity: e.style.opacity, x: e.getBoundingClientRect().x})),
                clock: document.querySelector('.routes-clock').textContent})"""
        )

    early = at(0.2)
    assert early["widths"][0] > 20 and early["widths"][1] == 0  # leg 2 not begun
    assert early["planes"][0]["opacity"] == "1" and early["planes"][1]["opacity"] == "0"
    assert early["clock"].startswith("2019-03-23 0")
    late = at(0.8)
    assert late["widths"][1] > 20
    assert late["planes"][0]["opacity"] == "0" and late["planes"][1]["opacity"] == "1"
    end = at(1.0)
    assert all(p["opacity"] == "1" for p in end["planes"])
    # Playing runs the clock forwards.
    at(0.0)
    page.locator(".routes-play").click()
    # the clock moves with real time (16 s for the whole flight): wait for it, not a delay
    page.wait_for_function("() => Number(document.querySelector('.routes-clock').dataset.hours) > 0")
    page.locator(".routes-play").click()
    hours = float(page.locator(".routes-clock").get_attribute("data-hours"))
    assert 0 < hours < 17
    assert seed_page.console_errors == []


def test_no_timeline_without_dates(tmp_path, syria_report, offline_page):
    undated = replace(syria_report, flights=tuple(replace(f, date=None) for f in syria_report.flights))
    page = offline_page.open(save_map(make_map(undated), tmp_path / "undated.html")).page
    assert page.locator(".routes-aircraft").count() == 2
    assert page.locator(".routes-timeline").count() == 0


def test_leg_beyond_range_flagged_in_the_browser(tmp_path, places, offline_page):
    direct = _flight("d1", [places["syria"], places["caracas"]], aircraft=("Il-62",),
                     cargo_tonnes=35.0)
    opened = offline_page.open(save_map(make_map(Report(flights=(direct,))), tmp_path / "d.html"))
    page = opened.page
    band = page.locator("path.routes-beyond-range")
    assert band.count() == 1
    assert band.get_attribute("stroke") == "#E0001B" and band.get_attribute("stroke-dasharray")
    assert "beyond the aircraft range" in page.locator(".routes-legend").inner_text()
    page.locator(".routes-aircraft").click()
    assert "beyond range" in page.locator(".leaflet-popup-content").inner_text()
    assert opened.console_errors == [] and opened.blocked == []


def test_seed_page_has_no_network_and_no_errors(seed_page):
    assert seed_page.blocked == []
    assert seed_page.console_errors == []
