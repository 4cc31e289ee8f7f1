"""The command line, run as a user runs it: a subprocess in a scratch folder."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic

from routes import geodesy

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_1efb7abd375c0c7f.txt"
NO_FLIGHT = """Parliament met on Tuesday to discuss the budget. The minister of finance
said inflation had slowed and that the central bank would keep its rates unchanged."""


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "routes", *args],
        cwd=cwd, input=stdin, capture_output=True, text=True, timeout=300,
    )


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("routes: error: ")
    return lines[0]


def test_legs_json_distances_agree_with_geographiclib(tmp_path):
    proc = run("legs", "OSLK-GOOY-SVMI,SVO-HAV,UUWW-TIP", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    legs = [leg for f in data["flights"] for leg in f["legs"]]
    assert len(legs) == 4
    assert [(leg["from"]["code"], leg["to"]["code"]) for leg in legs][:2] == [
        ("OSLK", "GOOY"), ("GOOY", "SVMI")]
    for leg in legs:
        a, b = leg["from"], leg["to"]
        ref = Geodesic.WGS84.Inverse(a["lat"], a["lon"], b["lat"], b["lon"])["s12"] / 1000
        assert leg["distance_km"] == pytest.approx(ref, rel=1e-3)


def test_legs_geojson_is_densified_and_split_at_the_antimeridian(tmp_path):
    proc = run("legs", "PKC-ANC,NRT-HNL,SVO-ANC,AKL-SCL", "--geojson", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    lines = [f for f in data["features"] if f["geometry"]["type"] != "Point"]
    assert len(lines) == 4
    split = 0
    for feature in lines:
        geom = feature["geometry"]
        parts = geom["coordinates"] if geom["type"] == "MultiLineString" else [geom["coordinates"]]
        split += len(parts) > 1
        for part in parts:
            for (x1, y1), (x2, y2) in zip(part, part[1:]):
                assert -180 <= x1 <= 180 and abs(x2 - x1) < 180
                assert geodesy.inverse(y1, x1, y2, x2)[0] <= 200
    assert split >= 3  # PKC-ANC, NRT-HNL, AKL-SCL cross +-180


def test_map_of_the_embedded_example_is_deterministic(tmp_path):
    first = run("map", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    out = tmp_path / "output" / "example.html"
    assert out.is_file()
    html1 = out.read_bytes()
    out.unlink()
    second = run("map", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert out.read_bytes() == html1
    assert b"Caracas" in html1 and b"Dakar" in html1


def test_map_writes_where_asked_and_route_strings_name_the_file(tmp_path):
    proc = run("map", "SVO-HAV/MGA", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "output" / "SVO-HAV-MGA.html").is_file()
    proc = run("map", "DAM-DKR-CCS", "-o", "maps/seed.html", "--cdn", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "leaflet" in (tmp_path / "maps" / "seed.html").read_text().lower()


def test_geocode_json_resolves_each_with_alternatives(tmp_path):
    names = ["Hmeimim", "Senegalese capital", "Caracas", "SVMI", "Georgetown"]
    proc = run("geocode", *names, "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = {r["query"]: r for r in json.loads(proc.stdout)["results"]}
    expect = {"Hmeimim": (35.40, 35.95), "Senegalese capital": (14.69, -17.44),
              "Caracas": (10.49, -66.88), "SVMI": (10.60, -66.99), "Georgetown": (6.80, -58.16)}
    for name, (lat, lon) in expect.items():
        place = rows[name]["place"]
        km = geodesy.inverse(lat, lon, place["lat"], place["lon"])[0]
        assert km < 30, (name, place)
    assert rows["SVMI"]["place"]["kind"] == "airport"
    assert rows["Georgetown"]["place"]["country"] == "GY"
    assert {a["country"] for a in rows["Georgetown"]["alternatives"]} - {"GY"}


@pytest.mark.skipif(not SEED.exists(), reason="the seed report is not beside the project")
def test_extract_seed_report(tmp_path):
    proc = run("extract", str(SEED), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    (flight,) = json.loads(proc.stdout)["flights"]
    route = [flight["legs"][0]["from"]["name"]] + [leg["to"]["name"] for leg in flight["legs"]]
    assert route == ["Syria", "Dakar", "Caracas"]
    assert sorted(flight["aircraft"]) == ["An-124", "Il-62"]
    assert (flight["personnel"], flight["cargo_tonnes"], flight["date"]) == (99, 35.0, "2019-03-23")
    assert flight["commander"] == "Vasily Tonkoshkurov"
    text = SEED.read_text()
    for ev in flight["evidence"]:
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_report_without_flights(tmp_path):
    report = tmp_path / "budget.txt"
    report.write_text(NO_FLIGHT)
    proc = run("extract", str(report), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["flights"] == []
    line = one_line_error(run("map", str(report), cwd=tmp_path))
    assert f"no flights found in {report}" in line
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").iterdir())


def test_standard_input(tmp_path):
    proc = run("legs", "-", "--csv", cwd=tmp_path, stdin="SVO-HAV\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 2  # header and one leg


@pytest.mark.parametrize("args,needle", [
    (["legs", "XQZ-QQQ"], "'XQZ'"),
    (["legs", "no-such-file.csv"], "no-such-file.csv"),
    (["map", "SVO-SVO"], "to itself"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, needle):
    assert needle in one_line_error(run(*args, cwd=tmp_path))


def test_unknown_place_suggests_names(tmp_path):
    line = one_line_error(run("legs", "Caracsa-Dakar", cwd=tmp_path))
    assert "Caracas" in line


def test_failed_map_leaves_an_existing_file_alone(tmp_path):
    target = tmp_path / "keep.html"
    target.write_text("precious")
    one_line_error(run("map", "XQZ-QQQ", "-o", str(target), cwd=tmp_path))
    assert target.read_text() == "precious"


def test_legs_flag_a_leg_beyond_the_aircraft_range(tmp_path):
    # An Il-62 with 35 t cannot fly Syria -> Caracas non-stop; via Dakar it can.
    (tmp_path / "nonstop.yaml").write_text(
        "flights:\n  - route: [Syria, Caracas]\n    aircraft: [Il-62]\n    cargo_tonnes: 35\n")
    proc = run("legs", "nonstop.yaml", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    (leg,) = json.loads(proc.stdout)["flights"][0]["legs"]
    assert leg["range_ok"] is False and leg["range_aircraft"] == "Il-62"
    assert leg["distance_km"] > leg["range_km"]
    proc = run("legs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "BEYOND" not in proc.stdout and proc.stdout.count(" ok") == 2
    assert "BEYOND" in run("legs", "nonstop.yaml", cwd=tmp_path).stdout
