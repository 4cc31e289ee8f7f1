"""The folium map: layers, colours, popups, escaping, assets, determinism, basemap."""

from __future__ import annotations

import html
import importlib.util
import json
import re
from pathlib import Path

import folium
import pytest
from branca.element import Element

from routes.render import PALETTE, make_map, map_html, save_map
from routes.render.basemap import OfflineBasemap, countries, world_shifts
from routes.render.elements import Bind, Legend
from routes.render.escape import html_text, js_json, js_string
from routes.render.ids import deterministic_ids

from conftest import PAYLOADS

ROOT = Path(__file__).resolve().parent.parent


def groups(m: folium.Map) -> list[folium.FeatureGroup]:
    return [c for c in m._children.values() if type(c) is folium.FeatureGroup]


def children(element, kind) -> list:
    return [c for c in element._children.values() if isinstance(c, kind)]


def binds(element, kind: str) -> list[str]:
    return [b.html for b in children(element, Bind) if b.kind == kind]


def place_markers(group) -> list[folium.Marker]:
    out = []
    for marker in children(group, folium.Marker):
        icons = children(marker, folium.DivIcon)
        if icons and "routes-marker" in icons[0].options["class_name"]:
            out.append(marker)
    return out


def role_of(marker) -> str:
    cls = children(marker, folium.DivIcon)[0].options["class_name"]
    return re.search(r"routes-(origin|stopover|destination)", cls).group(1)


def script_of(page: str) -> str:
    """The map's own script: the last <script> element of the page."""
    return page.rsplit("<script>", 1)[1].rsplit("</script>", 1)[0]


# --- layers, colours, markers ----------------------------------------------------------


def test_one_layer_per_flight_with_its_own_colour(two_flight_report):
    m = make_map(two_flight_report)
    fgs = groups(m)
    assert len(fgs) == 2
    assert "f1" in fgs[0].layer_name and "Pacific" in fgs[1].layer_name
    colours = []
    for fg, flight in zip(fgs, two_flight_report.flights):
        lines = children(fg, folium.PolyLine)
        assert len(lines) == len(flight.legs)
        assert {line.options["color"] for line in lines} == {lines[0].options["color"]}
        colours.append(lines[0].options["color"])
    assert colours == list(PALETTE[:2])
    assert len(children(m, folium.LayerControl)) == 1
    assert len(children(m, Legend)) == 1


def test_palette_is_deterministic_and_distinct():
    from routes.render.symbols import flight_style

    styles = [flight_style(i) for i in range(len(PALETTE) * 2)]
    assert len(set(styles)) == len(styles)  # colours repeat only with another dash
    assert styles == [flight_style(i) for i in range(len(PALETTE) * 2)]


def test_markers_by_role(syria_report):
    (fg,) = groups(make_map(syria_report))
    markers = place_markers(fg)
    assert [role_of(mk) for mk in markers] == ["origin", "stopover", "destination"]
    assert [mk.location for mk in markers] == [[33.51, 36.29], [14.67, -17.07], [10.6, -66.99]]
    shapes = {role_of(mk): children(mk, folium.DivIcon)[0].options["html"] for mk in markers}
    assert "<circle" in shapes["origin"]
    assert "<polygon" in shapes["stopover"]
    assert "<rect" in shapes["destination"]


def test_pacific_leg_and_markers_stay_together(two_flight_report):
    m = make_map(two_flight_report)
    fg = groups(m)[1]
    (line,) = children(fg, folium.PolyLine)
    lons = [lon for _, lon in line.locations]
    assert lons[0] == pytest.approx(158.45)
    assert lons[-1] == pytest.approx(360 - 149.99)  # east across the antimeridian
    assert max(abs(b - a) for a, b in zip(lons, lons[1:])) < 5  # never the long way round
    origin, destination = place_markers(fg)
    leg = two_flight_report.flights[1].legs[0]
    assert origin.location[1] == pytest.approx(leg.geometry.coords[0][0], abs=1e-5)
    assert destination.location[1] == pytest.approx(leg.geometry.coords[-1][0], abs=1e-5)
    assert destination.location[1] == pytest.approx(lons[-1])
    # The basemap is drawn a second time one turn east, so Alaska is under the marker.
    (basemap,) = children(m, OfflineBasemap)
    assert json.loads(basemap.shifts) == [0, 360]


def test_stopover_marker_is_shared_by_consecutive_legs(syria_report):
    (fg,) = groups(make_map(syria_report))
    leg1, leg2 = children(fg, folium.PolyLine)
    assert leg1.locations[-1] == leg2.locations[0]
    assert place_markers(fg)[1].location == leg1.locations[-1]


def test_coordinates_rounded_to_five_decimals(syria_report):
    page = script_of(map_html(make_map(syria_report)))
    line = re.search(r"L\.polyline\(\s*(\[\[.*?\]\])", page).group(1)
    for value in re.findall(r"-?\d+\.\d+", line):
        assert len(value.split(".")[1]) <= 5


def test_fit_bounds_cover_all_legs(two_flight_report):
    script = script_of(map_html(make_map(two_flight_report)))
    bounds = json.loads(re.search(r"fitBounds\(\s*(\[\[.*?\]\])", script).group(1))
    (south, west), (north, east) = bounds
    assert south <= 10.6 and west <= -66.99
    assert north >= 61.17 and east == pytest.approx(210.01)


# --- popups, tooltips, legend --------------------------------------------------------------


def test_leg_popup_has_distance_bearing_time_and_facts(syria_report):
    (fg,) = groups(make_map(syria_report))
    leg = syria_report.flights[0].legs[0]
    popup = binds(children(fg, folium.PolyLine)[0], "popup")[0]
    text = html.unescape(re.sub(r"<[^>]+>", " ", popup))
    assert "Syria → Dakar" in text
    assert f"{leg.distance_km:,.0f} km" in text and f"{leg.distance_nm:,.0f} nm" in text
    assert f"{leg.initial_bearing_deg:.0f}°" in text
    assert re.search(r"\d+ h \d\d min", text)
    for fact in ("An-124, Il-62", "2019-03-23", "99", "35 t", "Vasily Tonkoshkurov", "via Dakar"):
        assert fact in text
    tooltip = binds(children(fg, folium.PolyLine)[0], "tooltip")[0]
    assert "Syria → Dakar" in html.unescape(tooltip)


def test_place_popup_has_name_kind_code_coordinates(syria_report):
    (fg,) = groups(make_map(syria_report))
    dakar = place_markers(fg)[1]
    popup = html.unescape(re.sub(r"<[^>]+>", " ", binds(dakar, "popup")[0]))
    for part in ("Dakar", "GOOY", "airport", "SN", "14.6700° N, 17.0700° W", "stopover"):
        assert part in popup
    assert "Dakar" in binds(dakar, "tooltip")[0]


def test_legend_lists_flights_roles_and_title(two_flight_report):
    m = make_map(two_flight_report, title="Two flights")
    (legend,) = children(m, Legend)
    assert "Two flights" in legend.html and "Pacific" in legend.html
    for colour in PALETTE[:2]:
        assert colour in legend.html
    for role in ("origin", "stopover", "destination"):
        assert role in legend.html
    assert "<title>Two flights</title>" in map_html(m)


def test_attribution_names_natural_earth_and_geonames(syria_report):
    page = map_html(make_map(syria_report))
    assert "Natural Earth" in page and "GeoNames (CC BY 4.0)" in page


# --- escaping --------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escape_functions(payload):
    assert "<" not in html_text(payload) and '"' not in html_text(payload)
    literal = js_string(payload)
    assert json.loads(literal) == payload
    assert "<" not in literal and ">" not in literal and "'" not in literal
    assert js_json({"a": [payload]}).startswith('{"a":["')


def test_no_payload_reaches_the_page_unescaped(hostile_report):
    page = map_html(make_map(hostile_report, title="Title " + PAYLOADS[1]))
    for payload in PAYLOADS:
        if "<" in payload or ">" in payload:
            assert payload not in page
    # Exactly our script elements, none injected or cut short.
    assert page.lower().count("<script") == page.lower().count("</script") == 3
    assert "__pwned" not in page.split("<body>")[0].split("</title>")[1]  # not in <head>
    # In the map's script, user text lives only inside double-quoted JSON literals: with
    # them removed, no backtick, quote or payload is left over.
    script = script_of(page)
    literals = re.findall(r'"(?:[^"\\\n]|\\.)*"', script)
    rest = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', script)
    assert "`" not in rest and "'" not in rest and "__pwned" not in rest
    # And every payload is there, intact as text, once the literal and HTML are decoded.
    decoded = " ".join(html.unescape(json.loads(lit)) for lit in literals)
    for payload in PAYLOADS:
        assert payload in decoded


def test_layer_names_and_title_are_escaped(hostile_report):
    m = make_map(hostile_report, title=PAYLOADS[0])
    (fg,) = groups(m)
    assert PAYLOADS[0] not in fg.layer_name
    assert html_text(PAYLOADS[0]) in fg.layer_name
    assert m.get_root().title == html_text(PAYLOADS[0])


# --- assets: self-contained or CDN -----------------------------------------------------

REMOTE = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)


def test_self_contained_page_links_nothing(syria_report):
    page = map_html(make_map(syria_report))
    assert not REMOTE.search(page)
    assert "L.map(" in page and "Leaflet 1.9.3" in page  # Leaflet inlined
    for unwanted in ("jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers"):
        assert unwanted not in page.lower()
    assert "url(images/" not in page  # Leaflet's CSS images inlined or dropped
    assert "sourceMappingURL" not in page


def test_cdn_page_links_leaflet_only(syria_report):
    m = make_map(syria_report)
    page = map_html(m, self_contained=False)
    links = REMOTE.findall(page)
    assert len(links) == 2
    assert 'src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"' in page
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()
    assert len(page) < 220_000 < len(map_html(m))  # and back: the same map inlines again
    # folium's class-wide defaults are untouched.
    assert any(name == "jquery" for name, _ in folium.Map.default_js)


def test_html_size_of_a_two_leg_map(syria_report):
    page = map_html(make_map(syria_report))
    assert len(page.encode()) < 400_000


def test_save_map_writes_atomically(tmp_path, syria_report):
    m = make_map(syria_report)
    out = save_map(m, tmp_path / "maps" / "syria.html")
    assert out == tmp_path / "maps" / "syria.html"
    assert out.read_text(encoding="utf-8") == map_html(m)
    assert [p.name for p in out.parent.iterdir()] == ["syria.html"]  # no temp file left
    cdn = save_map(m, out, self_contained=False)
    assert "cdn.jsdelivr.net" in cdn.read_text(encoding="utf-8")


# --- determinism -----------------------------------------------------------------------


def test_same_input_gives_byte_identical_html(two_flight_report):
    first = map_html(make_map(two_flight_report, title="t"))
    second = map_html(make_map(two_flight_report, title="t"))
    assert first == second
    m = make_map(two_flight_report, title="t")
    assert map_html(m) == map_html(m) == first
    assert not re.search(r"_[0-9a-f]{32}\b", first)  # no random branca ids


def test_different_inputs_get_different_ids(syria_report, two_flight_report):
    assert make_map(syria_report).get_name() != make_map(two_flight_report).get_name()


def test_id_generator_is_restored(syria_report):
    before = Element.__dict__["_generate_id"]
    make_map(syria_report)
    assert Element.__dict__["_generate_id"] is before
    with pytest.raises(RuntimeError):
        with deterministic_ids("x"):
            raise RuntimeError
    assert Element.__dict__["_generate_id"] is before
    assert Element()._id != Element()._id


# --- base layers -----------------------------------------------------------------------


def test_offline_is_default_and_online_layers_are_offered(syria_report):
    m = make_map(syria_report)
    (basemap,) = children(m, OfflineBasemap)
    assert basemap.show and not basemap.overlay
    tiles = children(m, folium.TileLayer)
    assert [t.layer_name for t in tiles] == ["OpenStreetMap", "CartoDB Positron"]
    assert not any(t.show for t in tiles)


def test_online_tiles_first_when_asked(syria_report):
    m = make_map(syria_report, tiles="OpenStreetMap")
    assert not children(m, OfflineBasemap)[0].show
    assert [t.layer_name for t in children(m, folium.TileLayer) if t.show] == ["OpenStreetMap"]


def test_no_base_layer(syria_report):
    m = make_map(syria_report, tiles=None)
    assert not children(m, OfflineBasemap) and not children(m, folium.TileLayer)


def test_empty_report_renders():
    from routes.model import Report

    page = map_html(make_map(Report(flights=())))
    assert "fitBounds" not in script_of(page) and "no flights" in page


def test_world_shifts():
    assert world_shifts([]) == (0,)
    assert world_shifts([-66.99, 36.29]) == (0,)
    assert world_shifts([158.45, 210.01]) == (0, 360)
    assert world_shifts([-200.0]) == (-360, 0)


# --- the basemap data ------------------------------------------------------------------


def rings(geometry):
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for poly in polys:
        yield from poly


def test_basemap_data_has_source_and_no_smeared_rings():
    data = countries()
    assert "Natural Earth" in data["_source"] and "world-atlas" in data["_source"]
    names = {f["properties"]["name"] for f in data["features"]}
    assert len(data["features"]) > 170 and {"Fiji", "Russia", "Antarctica", "Senegal"} <= names
    for feature in data["features"]:
        for ring in rings(feature["geometry"]):
            assert ring[0] == ring[-1]
            assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)
            for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                # Only Antarctica's edge along the pole may run across the whole map.
                assert abs(x1 - x0) <= 180 or (y0 == y1 == -90), feature["properties"]["name"]


def test_build_basemap_decodes_and_cuts():
    script = ROOT / "tools" / "build_basemap.py"
    spec = importlib.util.spec_from_file_location("build_basemap", script)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    topo = {
        "transform": {"scale": [1, 1], "translate": [170, -20]},
        "arcs": [[[0, 0], [5, 0], [0, 5]], [[5, 5], [-5, 0], [0, -5]]],
    }
    arcs = tool.decode_arcs(topo)
    assert arcs[0] == [(170, -20), (175, -20), (175, -15)]
    ring = tool.stitch([0, 1], arcs)
    assert ring == [(170, -20), (175, -20), (175, -15), (170, -15), (170, -20)]
    assert tool.stitch([~1], arcs)[0] == (170, -20)
    # A small island across the antimeridian is cut into two rings, one on each side.
    island = [(179.0, -16.0), (-179.0, -16.0), (-179.0, -17.0), (179.0, -17.0), (179.0, -16.0)]
    east, west = tool.cut_antimeridian(island)
    assert max(x for x, _ in east) == 180.0 and min(x for x, _ in east) == 179.0
    assert min(x for x, _ in west) == -180.0 and max(x for x, _ in west) == -179.0


def test_template_syntax_in_text_is_neither_evaluated_nor_run(tmp_path):
    """Text from a report must not pass through Jinja: ``{{ 7*7 }}`` stays as written and
    an attempt to run Python while the page is built does nothing."""
    from conftest import _flight, _place
    from routes.model import Evidence, Report

    marker = tmp_path / "ran"
    attack = "{{ cycler.__init__.__globals__.os.system('touch %s') }}" % marker
    a = _place("{{ 7*7 }} Field", 10.0, 10.0, code="{% raw %}")
    b = _place(attack, 20.0, 20.0)
    flight = _flight("{{ 6*7 }}", [a, b], aircraft=("{{ 8*8 }}",), commander="{# c #}",
                     evidence=(Evidence("origin", "from {{ 7*7 }} Field", 0, 21),))
    report = Report(flights=(flight,))
    page = map_html(make_map(report, title="{{ 9*9 }}"))
    assert not marker.exists()
    for text in ("{{ 7*7 }} Field", "{{ 6*7 }}", "{{ 8*8 }}", "{{ 9*9 }}", "{% raw %}"):
        assert text in page, text
    assert "49 Field" not in page and ">81<" not in page
    # the notebook's path (an iframe with the page HTML-escaped) renders the same way
    shown = html.unescape(make_map(report)._repr_html_())
    assert "{{ 7*7 }} Field" in shown and "49 Field" not in shown
    assert not marker.exists()


def test_basemap_literal_is_script_safe_and_means_the_packaged_data():
    from routes.render.basemap import country_geometries
    from routes.render.escape import script_safe_json

    literal = country_geometries()
    assert json.loads(literal) == countries()  # escaped as text, value unchanged
    assert not any(c in literal for c in "<>&'\u2028\u2029")
    assert "Côte d\\u0027Ivoire" in literal or "Ivoire" not in literal
    hostile = json.dumps({"name": "</script><script>x()</script> & 'q' \u2028"},
                         ensure_ascii=False, separators=(",", ":"))
    assert script_safe_json(hostile) == js_json(json.loads(hostile))
