"""Maps of many legs: the one-layer canvas path, checked in Python and in Chromium."""

from __future__ import annotations

import numpy as np
import pytest

from routes import geodesy
from routes.model import Flight, Place, PlaceRef, Report, Stop
from routes.render import make_map, map_html, save_map
from routes.render.bulk import BULK_LEGS, SCALE, _encode, is_bulk, varints

from conftest import PAYLOADS


def network(n_legs: int, names=None) -> Report:
    """``n_legs`` one-leg flights between 300 random places (seeded, repeatable)."""
    rng = np.random.default_rng(7)
    grid = np.round(np.column_stack([rng.uniform(-55, 70, 300), rng.uniform(-180, 180, 300)]), 4)
    places = [
        Place((names[i % len(names)] if names else f"P{i}"), lat, lon, "airport", code=f"X{i:03d}")
        for i, (lat, lon) in enumerate(grid)
    ]
    flights = []
    for i in range(n_legs):
        a, b = rng.choice(len(places), 2, replace=False)
        stops = (Stop(PlaceRef(places[a].name), places[a]), Stop(PlaceRef(places[b].name), places[b]))
        flights.append(Flight(f"r{i}", stops))
    return geodesy.compute(Report(flights=tuple(flights)))


def decode(b64: str) -> list[int]:
    """The page's decoder, in Python: zigzag LEB128 varints from base64."""
    import base64

    out, n, shift = [], 0, 0
    for c in base64.b64decode(b64):
        n |= (c & 0x7F) << shift
        if c & 0x80:
            shift += 7
            continue
        out.append(-(n + 1) // 2 if n % 2 else n // 2)
        n, shift = 0, 0
    return out


def test_varints_round_trip_large_and_negative_values():
    values = np.array([0, 1, -1, 63, -64, 64, 180_000, -180_000, 2**40, -(2**40)])
    assert decode(varints(values)) == values.tolist()


def test_encoding_keeps_every_leg_and_its_ends():
    report = network(BULK_LEGS + 1)
    data = _encode(report)
    counts = decode(data["counts"])
    assert len(counts) == BULK_LEGS + 1 and min(counts) >= 2
    deltas = decode(data["coords"])
    assert len(deltas) == 2 * sum(counts)
    at = 0
    for count, (_, leg) in zip(counts, [(f, leg) for f in report.flights for leg in f.legs]):
        pts = np.cumsum(np.array(deltas[at:at + 2 * count]).reshape(-1, 2), axis=0) / SCALE
        at += 2 * count
        lon0, lat0 = leg.geometry.coords[0]
        lon1, lat1 = leg.geometry.coords[-1]
        assert pts[0] == pytest.approx([lat0, lon0], abs=1e-3)
        assert pts[-1] == pytest.approx([lat1, lon1], abs=1e-3)
        assert np.abs(np.diff(pts[:, 1])).max() < 180  # still unwrapped


def test_small_reports_keep_a_layer_per_flight_and_large_ones_switch():
    assert not is_bulk(network(10))
    big = network(BULK_LEGS + 1)
    assert is_bulk(big)
    html = map_html(make_map(big))
    assert "routesBulk" in html and "routes-leg routes-flight" not in html
    assert map_html(make_map(big)) == html  # deterministic


def test_bulk_page_draws_and_names_the_clicked_leg(tmp_path, offline_page):
    report = network(BULK_LEGS + 100, names=list(PAYLOADS))
    path = save_map(make_map(report), tmp_path / "bulk.html")
    page = offline_page.open(path).page
    page.wait_for_function("() => window.routesBulk !== undefined")
    info = page.evaluate("() => ({legs: routesBulk.legs, places: routesBulk.places})")
    assert info["legs"] == BULK_LEGS + 100
    assert page.locator(".leaflet-overlay-pane canvas").count() >= 1
    # click on the middle vertex of leg 7 and read the popup
    leg = report.flights[7].legs[0]
    lon, lat = leg.geometry.interpolate(0.5, normalized=True).coords[0]
    label = page.evaluate(
        "([lat, lon]) => routesBulk.label(routesBulk.nearest(L.latLng(lat, lon)))", [lat, lon]
    )
    assert label.startswith("r7 leg 1: ")
    assert f"{leg.distance_km:,.0f} km" in label
    # open a real popup through the map, then check nothing in it ran as script
    page.evaluate(
        "([lat, lon]) => { routesBulk.line.fire('click', {latlng: L.latLng(lat, lon)}); }", [lat, lon]
    )
    popup = page.locator(".routes-bulk-popup")
    assert popup.text_content() == label
    assert any(p in label for p in PAYLOADS)
    assert page.evaluate("() => window.__pwned") is None
    assert offline_page.console_errors == []
