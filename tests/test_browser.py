"""What a browser draws from the saved HTML, with the network cut off.

Chromium (Debian's, at /usr/bin/chromium) runs headless through Playwright; every request
that is not for a file:// URL is aborted and recorded, so these tests also show that the
page needs no network.
"""

from __future__ import annotations

import pytest

from routes.render import make_map, save_map

from conftest import PAYLOADS

FIND_MAP = "Object.values(window).find(v => v instanceof L.Map)"

# Open every popup and tooltip bound to any layer and return their text.
READ_BOUND_TEXT = f"""() => {{
    const map = {FIND_MAP};
    const out = {{popups: [], tooltips: []}};
    map.eachLayer(layer => {{
        if (layer.getPopup && layer.getPopup()) {{
            layer.openPopup(layer.getLatLng ? layer.getLatLng() : layer.getCenter());
            out.popups.push(layer.getPopup().getElement().textContent);
            layer.closePopup();
        }}
        if (layer.getTooltip && layer.getTooltip()) {{
            layer.openTooltip(layer.getLatLng ? layer.getLatLng() : layer.getCenter());
            out.tooltips.push(layer.getTooltip().getElement().textContent);
            layer.closeTooltip();
        }}
    }});
    return out;
}}"""


@pytest.fixture
def syria_page(tmp_path, syria_report, offline_page):
    path = save_map(make_map(syria_report, title="Syria to Caracas"), tmp_path / "syria.html")
    return offline_page.open(path)


def test_leaflet_loads_and_draws_both_legs(syria_page):
    page = syria_page.page
    assert page.evaluate("typeof window.L") == "object"
    assert page.evaluate("L.version") == "1.9.3"
    assert page.locator("path.routes-leg").count() == 2
    # Each leg is a long curve, not a dot: its drawn box is many pixels wide.
    widths = page.evaluate(
        "() => [...document.querySelectorAll('path.routes-leg')].map(p => p.getBBox().width)"
    )
    assert all(w > 50 for w in widths)


def test_markers_by_role(syria_page):
    page = syria_page.page
    for role in ("origin", "stopover", "destination"):
        assert page.locator(f".leaflet-marker-pane .routes-{role}").count() == 1
    assert page.locator(".leaflet-marker-pane .routes-arrow").count() == 2


def test_country_outlines_drawn(syria_page):
    paths = syria_page.page.locator(".leaflet-overlay-pane path:not(.routes-leg)").count()
    assert paths > 150
    assert syria_page.page.evaluate(
        "document.querySelector('.leaflet-container').classList.contains('routes-offline')"
    )


def test_legend_and_attribution_visible(syria_page):
    page = syria_page.page
    legend = page.locator(".routes-legend")
    assert legend.is_visible()
    text = legend.inner_text()
    assert "Syria to Caracas" in text and "f1" in text and "stopover" in text
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    assert "Natural Earth" in attribution and "GeoNames" in attribution


def test_no_network_and_no_console_errors(syria_page):
    assert syria_page.blocked == []
    assert syria_page.console_errors == []


def test_clicking_a_marker_opens_its_popup(syria_page):
    page = syria_page.page
    page.locator(".routes-stopover").click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Dakar" in text and "GOOY" in text and "14.6700° N, 17.0700° W" in text


def test_leg_popups_and_tooltips(syria_page):
    texts = syria_page.page.evaluate(READ_BOUND_TEXT)
    legs = [t for t in texts["popups"] if "→" in t]
    assert len(legs) == 2
    assert all(" km (" in t and " nm)" in t and "Est. time" in t for t in legs)
    assert any("Syria → Dakar" in t for t in texts["tooltips"])


def test_pacific_crossing_drawn_the_short_way(tmp_path, two_flight_report, offline_page):
    path = save_map(make_map(two_flight_report), tmp_path / "pacific.html")
    page = offline_page.open(path).page
    box = page.evaluate(
        "() => document.querySelector('path.routes-flight-1').getBoundingClientRect().toJSON()"
    )
    width = page.evaluate("document.querySelector('.leaflet-container').clientWidth")
    assert box["width"] < width / 3  # 3,151 km, not round the world
    dest = page.evaluate(
        """() => {
            const map = %s;
            let found = null;
            map.eachLayer(l => { if (l.getLatLng && l.options.zIndexOffset === 1200
                                     && l.getLatLng().lng > 180) found = l.getLatLng(); });
            return found && map.latLngToContainerPoint(found);
        }"""
        % FIND_MAP
    )
    assert dest is not None
    assert box["left"] - 12 <= dest["x"] <= box["right"] + 12


def test_hostile_text_is_shown_not_run(tmp_path, hostile_report, offline_page):
    m = make_map(hostile_report, title="Title " + PAYLOADS[1])
    opened = offline_page.open(save_map(m, tmp_path / "hostile.html"))
    page = opened.page
    assert page.evaluate("window.__pwned") is None
    page.locator(".routes-stopover").hover()  # a real hover and click first
    page.locator(".leaflet-tooltip").first.wait_for()
    assert PAYLOADS[2] in page.locator(".leaflet-tooltip").first.inner_text()
    page.locator(".routes-origin").click()
    clicked = page.locator(".leaflet-popup-content").first
    clicked.wait_for()
    assert PAYLOADS[0] in clicked.inner_text()
    page.mouse.move(5, 5)
    texts = page.evaluate(READ_BOUND_TEXT)
    page.locator(".leaflet-control-layers").hover()  # expand the layer control
    legend = page.locator(".routes-legend").inner_text()
    layers = page.locator(".leaflet-control-layers-overlays").text_content()
    title = page.title()

    assert page.evaluate("window.__pwned") is None
    everything = " ".join([*texts["popups"], *texts["tooltips"], legend, layers, title])
    for payload in PAYLOADS:
        assert payload in everything, payload
    assert PAYLOADS[1] in title
    assert PAYLOADS[0] in legend and PAYLOADS[0] in layers
    injected = ".leaflet-popup-content img, .leaflet-popup-content svg[onload]"
    assert page.locator(injected).count() == 0
    assert opened.console_errors == []
    assert opened.blocked == []
