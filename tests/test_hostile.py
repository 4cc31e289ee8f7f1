"""Text from the inputs never runs in the reader's browser, and exports keep it intact.

Payloads go into every text sink a user can reach through the command line: place names
(a route file with coordinates), aircraft, commanders, flight ids and labels, evidence (the
rows of a CSV route file; a news report with payloads beside real places), the name of a
report file, and ``--title``.  The map is built by the command, opened in Chromium with the
network cut off, and every popup and tooltip is opened.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

import routes
from routes.export import to_kml

from conftest import PAYLOADS
from test_bad_input import cli
from test_browser import READ_BOUND_TEXT

IMG, SCRIPT, TEMPLATE, BACKTICK, BACKSLASH_BACKTICK, QUOTES = PAYLOADS
#: A report file name: anything but "/" and NUL is legal on Linux.
REPORT_NAME = "<img src=x onerror=window.__pwned=1>'x'`${window.__pwned=1}`.txt"
TITLE = "Title " + SCRIPT + " " + QUOTES

NEWS = f"""A Russian An-124 {IMG} cargo plane flew from Moscow to Havana on 3 March 2019,
carrying 35 tonnes of cargo. {SCRIPT} Witnesses near Havana said {TEMPLATE} and {BACKTICK}.
"""


def hostile_files(folder: Path) -> list[str]:
    """A CSV and a YAML route file and a news report, full of payloads; their names."""
    rows = [
        # flight id, from name, to name, aircraft, commander, and real coordinates
        ("csv" + IMG, "Syria " + IMG, "Dakar " + TEMPLATE, "An-124 " + IMG, SCRIPT,
         33.51, 36.29, 14.67, -17.07),
        ("csv" + SCRIPT, "Caracas " + BACKSLASH_BACKTICK, "Bogota " + QUOTES, "Il-62 " + QUOTES,
         BACKTICK, 10.60, -66.99, 4.70, -74.15),
    ]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["flight", "from", "to", "aircraft", "commander",
                "from_lat", "from_lon", "to_lat", "to_lon"])
    w.writerows(rows)
    (folder / "hostile.csv").write_text(buf.getvalue(), encoding="utf-8")
    doc = {"flights": [{
        "id": "yaml " + TEMPLATE,
        "label": "label " + BACKSLASH_BACKTICK,
        "route": [{"name": "Pacific " + SCRIPT, "lat": 53.17, "lon": 158.45},
                  {"name": "Alaska " + BACKTICK, "lat": 61.17, "lon": -149.99}],
        "aircraft": ["Tu-95 " + SCRIPT, "An-22 " + TEMPLATE],
        "commander": IMG + " " + QUOTES,
        "date": "2019-03-23",
    }]}
    (folder / "hostile.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    (folder / REPORT_NAME).write_text(NEWS, encoding="utf-8")
    return ["hostile.csv", "hostile.yaml", REPORT_NAME]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    names = hostile_files(folder)
    return folder, names


@pytest.fixture(scope="module")
def hostile_map(hostile):
    folder, names = hostile
    proc = cli("map", *names, "--title", TITLE, "-o", "hostile.html", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    return folder / "hostile.html"


def test_the_page_source_holds_no_live_markup(hostile_map):
    html = hostile_map.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<svg onload" not in html
    assert html.count("</script>") == html.count("<script")  # no early end of a script


def test_payloads_show_as_text_and_never_run(hostile_map, offline_page):
    opened = offline_page.open(hostile_map)
    page = opened.page
    assert page.evaluate("window.__pwned") is None
    texts = page.evaluate(READ_BOUND_TEXT)
    page.locator(".leaflet-control-layers").hover()  # expand the layer control
    body = page.evaluate("document.body.innerText")
    title = page.title()
    assert page.evaluate("window.__pwned") is None
    everything = "\n".join([*texts["popups"], *texts["tooltips"], body, title])
    for payload in PAYLOADS:
        assert payload in everything, payload
    assert TITLE in title
    popups = "\n".join(texts["popups"])
    for sink in ("Syria " + IMG, "Dakar " + TEMPLATE, "Caracas " + BACKSLASH_BACKTICK,
                 "Bogota " + QUOTES, "Pacific " + SCRIPT, "Alaska " + BACKTICK):
        assert sink in popups, sink  # place names
    assert "Tu-95 " + SCRIPT in everything and "An-124 " + IMG in everything  # aircraft
    assert IMG + " " + QUOTES in everything  # a commander
    assert "label " + BACKSLASH_BACKTICK in everything  # a flight label
    assert any("csv" + IMG in p and "Syria " + IMG in p for p in texts["popups"])  # CSV rows
    assert REPORT_NAME in everything  # the report's file name labels its flight
    assert page.locator("img[src=x], svg[onload], [onerror]").count() == 0
    assert opened.console_errors == []
    assert opened.blocked == []


def test_exports_keep_the_text_intact(hostile):
    folder, names = hostile
    expected = {"Syria " + IMG, "Dakar " + TEMPLATE, "Caracas " + BACKSLASH_BACKTICK,
                "Bogota " + QUOTES, "Pacific " + SCRIPT, "Alaska " + BACKTICK}

    proc = cli("legs", *names, "--geojson", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    features = json.loads(proc.stdout)["features"]
    legs = [f["properties"] for f in features if f["geometry"]["type"] != "Point"]
    assert expected <= {p["from"] for p in legs} | {p["to"] for p in legs}
    assert {p["commander"] for p in legs} >= {SCRIPT, BACKTICK, IMG + " " + QUOTES}
    assert "Tu-95 " + SCRIPT + "; An-22 " + TEMPLATE in {p["aircraft"] for p in legs}
    assert expected <= {f["properties"]["name"] for f in features if f["geometry"]["type"] == "Point"}

    proc = cli("legs", *names, "--csv", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    table = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert expected <= {r["from"] for r in table} | {r["to"] for r in table}
    assert any(r["flight"] == "hostile:csv" + IMG for r in table)

    proc = cli("legs", *names, "--json", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    flights = json.loads(proc.stdout)["flights"]
    assert {f["id"] for f in flights} >= {"hostile:csv" + SCRIPT, "hostile:yaml " + TEMPLATE}

    report = routes.load([folder / n for n in names])
    root = ET.fromstring(to_kml(report).encode("utf-8"))  # well-formed XML
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    kml_names = [e.text or "" for e in root.iterfind(".//k:name", ns)]
    for name in expected:
        assert any(name in n for n in kml_names), name


def test_kml_stays_well_formed_with_characters_xml_forbids():
    from routes.geocode import resolve
    from routes.geodesy import compute
    from routes.routefile import read_csv_text

    text = "flight,from,to,from_lat,from_lon,to_lat,to_lon\nf1,bell\x0cform,b\x7fx,1,2,3,4\n"
    report = compute(resolve(read_csv_text(text, "ctl.csv")))
    root = ET.fromstring(to_kml(report).encode("utf-8"))
    assert root is not None
