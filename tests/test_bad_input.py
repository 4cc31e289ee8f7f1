"""Bad input, run as a user runs the command: every failure is one line on stderr naming
the file, the line and the value, exit status 2, no traceback, and no output written.

The route files under ``tests/fixtures/bad/`` were written for these tests; inputs whose
bytes matter (encodings, binary) are made here so that the test shows them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BAD = Path(__file__).resolve().parent / "fixtures" / "bad"
ROUTE_CSV = "flight,from,to\nf1,SVO,HAV\n"


def cli(*args: str, cwd: Path, stdin: bytes | str | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m routes ARGS`` in ``cwd``; stdout and stderr as text."""
    full_env = {**os.environ, **(env or {})}
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-m", "routes", *args],
        cwd=cwd, input=data, capture_output=True, env=full_env, timeout=300,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode,
        proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"),
    )


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    """The one ``routes: error:`` line of a run that failed on bad input."""
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("routes: error: ")
    assert proc.stdout == ""
    return lines[0]


def fixture(name: str, folder: Path) -> str:
    shutil.copy(BAD / name, folder / name)
    return name


# --- files that cannot be read -----------------------------------------------------------

@pytest.mark.parametrize("name", ["missing.csv", "missing.txt", "missing.yaml"])
def test_missing_file(tmp_path, name):
    line = one_line_error(cli("legs", name, cwd=tmp_path))
    assert f"{name}: no such file" in line


@pytest.mark.parametrize("name", ["empty.txt", "empty.csv", "empty.yaml", "empty.json"])
def test_empty_file(tmp_path, name):
    (tmp_path / name).write_bytes(b"")
    line = one_line_error(cli("legs", name, cwd=tmp_path))
    assert name in line and "empty" in line


def test_blank_standard_input(tmp_path):
    assert "empty" in one_line_error(cli("legs", "-", cwd=tmp_path, stdin="  \n\n"))


@pytest.mark.parametrize("name", ["photo.txt", "table.csv", "flights.yaml"])
def test_binary_file_is_refused(tmp_path, name):
    data = bytes(range(256)) * 8  # NUL and every other control byte
    (tmp_path / name).write_bytes(b"flight,from,to\n" + data)
    line = one_line_error(cli("legs", name, cwd=tmp_path))
    assert name in line and "not a text file" in line and "line 2" in line


def test_utf16_with_bom_but_binary_content_is_refused(tmp_path):
    (tmp_path / "r.csv").write_bytes("flight,from,to\nf1,SVO\x00\x01,HAV\n".encode("utf-16"))
    line = one_line_error(cli("legs", "r.csv", cwd=tmp_path))
    assert "r.csv: not a text file (character U+0000 at line 2)" in line


def test_folder_as_a_route_file(tmp_path):
    (tmp_path / "empty_folder").mkdir()
    line = one_line_error(cli("legs", "empty_folder", cwd=tmp_path))
    assert "empty_folder" in line and "folder" in line


# --- encodings ---------------------------------------------------------------------------

def test_utf16_with_bom_is_read(tmp_path):
    (tmp_path / "u16.csv").write_bytes("flight,from,to\r\nf1,Asunción,Caracas\r\n".encode("utf-16"))
    (tmp_path / "u16.txt").write_bytes(
        "An An-124 flew from Moscow to Asunción on 3 March 2019.\n".encode("utf-16"))
    for name in ("u16.csv", "u16.txt"):
        proc = cli("legs", name, "--json", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == ""
        (flight,) = json.loads(proc.stdout)["flights"]
        assert flight["legs"][-1]["to"]["country"] in ("PY", "VE")
        assert "Asunción" in proc.stdout  # decoded, not mangled


def test_utf16_on_standard_input(tmp_path):
    proc = cli("legs", "-", "--csv", cwd=tmp_path, stdin="SVO-HAV\n".encode("utf-16"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 2


def test_latin1_is_read_with_one_warning_on_stderr(tmp_path):
    (tmp_path / "latin.csv").write_bytes("flight,from,to\nf1,Asunción,Bogotá\n".encode("latin-1"))
    proc = cli("legs", "latin.csv", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)  # stdout is the JSON and nothing else
    leg = data["flights"][0]["legs"][0]
    assert (leg["from"]["mention"], leg["to"]["mention"]) == ("Asunción", "Bogotá")
    warnings = proc.stderr.strip().splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("routes: warning: latin.csv is not UTF-8")
    assert "line 2" in warnings[0]


def test_utf16_without_bom_says_which_encoding_to_use(tmp_path):
    (tmp_path / "r.csv").write_bytes(ROUTE_CSV.encode("utf-16-le"))
    line = one_line_error(cli("legs", "r.csv", cwd=tmp_path))
    assert "r.csv" in line and "UTF-16 without a byte order mark" in line and "utf-16-le" in line


# --- size limit ----------------------------------------------------------------------------

def test_huge_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:  # sparse: 60 MB on paper, nothing on disk
        fh.truncate(60_000_000)
    line = one_line_error(cli("legs", "big.csv", cwd=tmp_path))
    assert "big.csv is 60.0 MB; the limit for an input file is 52 MB" in line
    assert "ROUTES_MAX_INPUT_MB" in line


def test_the_limit_is_configurable_and_holds_for_standard_input(tmp_path):
    (tmp_path / "r.csv").write_text(ROUTE_CSV)
    small = {"ROUTES_MAX_INPUT_MB": "0.00002"}  # 20 bytes
    line = one_line_error(cli("legs", "r.csv", cwd=tmp_path, env=small))
    assert "r.csv is 26 bytes" in line and "20 bytes" in line
    line = one_line_error(cli("legs", "-", cwd=tmp_path, env=small, stdin=ROUTE_CSV * 2))
    assert "<stdin>" in line and "20 bytes" in line
    proc = cli("legs", "r.csv", cwd=tmp_path, env={"ROUTES_MAX_INPUT_MB": "1"})
    assert proc.returncode == 0, proc.stderr
    assert "ROUTES_MAX_INPUT_MB" in one_line_error(
        cli("legs", "r.csv", cwd=tmp_path, env={"ROUTES_MAX_INPUT_MB": "lots"}))


# --- route files with bad content ------------------------------------------------------

@pytest.mark.parametrize("name, needles", [
    ("unclosed_quote.csv", [":3:", "unclosed quote"]),
    ("short_row.csv", [":3:", "2 fields", "missing to, aircraft"]),
    ("does_not_parse.yaml", [":5:", "YAML does not parse", "line 4"]),
    ("one_place.yaml", [":5:", "lonely", "1 place"]),
    ("latitude_out_of_range.csv", [":3:", "from_lat '91.5'", "-90 to 90"]),
    ("longitude_out_of_range.yaml", [":5:", "lon 200.5", "-180 to 180"]),
    ("to_itself.csv", [":3:", "Maiquetia", "to itself ('CCS' and 'SVMI' are one place)"]),
    ("unknown_name.csv", [":3:", "unknown place 'Caracsa'", "did you mean 'Caracas'"]),
    ("unknown_code.yaml", [":3:", "unknown place 'MUHX'", "MUHA (Jose Marti"]),
])
def test_bad_route_file(tmp_path, name, needles):
    line = one_line_error(cli("legs", fixture(name, tmp_path), cwd=tmp_path))
    assert f"routes: error: {name}:" in line
    for needle in needles:
        assert needle in line, line


def test_unknown_columns_are_a_warning_not_an_error(tmp_path):
    proc = cli("legs", fixture("unknown_column.csv", tmp_path), "--geojson", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["type"] == "FeatureCollection"
    (warning,) = proc.stderr.strip().splitlines()
    assert "unknown_column.csv:1" in warning and "'colour', 'notes'" in warning


@pytest.mark.parametrize("route, needles", [
    ("XQZ-HAV", ["column 1", "'XQZ'", "did you mean", "Airport)"]),
    ("SVO-Bamakko", ["column 5", "'Bamakko'", "'Bamako'"]),
    ("SVO-HAV/SVO", ["to itself"]),
    ("SVO-", ["'SVO-' is neither a file nor a route string"]),
])
def test_bad_route_string(tmp_path, route, needles):
    line = one_line_error(cli("legs", route, cwd=tmp_path))
    for needle in needles:
        assert needle in line, line


def test_yaml_alias_bomb_gives_a_short_message(tmp_path):
    levels = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 8)]
    doc = "\n".join(levels) + "\nflights:\n  - id: f1\n    route: [SVO, HAV]\n    commander: *a7\n"
    (tmp_path / "bomb.yaml").write_text(doc)
    line = one_line_error(cli("legs", "bomb.yaml", cwd=tmp_path))
    assert "bomb.yaml:" in line and "commander must be a plain text" in line
    assert len(line) < 400


def test_json_with_lone_surrogates_or_controls_is_refused(tmp_path):
    (tmp_path / "s.json").write_text('{"flights": [\n {"id": "f1\\ud800", "route": ["SVO", "HAV"]}]}')
    line = one_line_error(cli("legs", "s.json", "--json", cwd=tmp_path))
    assert "s.json:2" in line and "U+D800" in line
    (tmp_path / "c.yaml").write_text('flights:\n  - id: f1\n    route: [SVO, "HAV\\x07"]\n')
    line = one_line_error(cli("legs", "c.yaml", cwd=tmp_path))
    assert "c.yaml:3" in line and "U+0007" in line


def test_a_file_name_with_a_new_line_still_gives_one_line(tmp_path):
    name = "two\nlines.csv"
    (tmp_path / name).write_text("flight,from,to\nf1,SVO,Nowhere-on-earth\n")
    line = one_line_error(cli("legs", name, cwd=tmp_path))
    assert "two\\x0alines.csv:2" in line


# --- output paths ------------------------------------------------------------------------

@pytest.mark.parametrize("target, needle", [
    ("somefolder/", "names a folder"),
    ("somefolder", "names a folder"),
    ("file.txt/out.html", "file.txt is not a folder"),
    ("file.txt/deeper/out.html", "file.txt is not a folder"),
])
def test_map_to_a_bad_output_path(tmp_path, target, needle):
    (tmp_path / "somefolder").mkdir()
    (tmp_path / "file.txt").write_text("keep")
    line = one_line_error(cli("map", "SVO-HAV", "-o", target, cwd=tmp_path))
    assert f"cannot write {target}" in line and needle in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "somefolder"]
    assert list((tmp_path / "somefolder").iterdir()) == []
    assert (tmp_path / "file.txt").read_text() == "keep"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only folders")
def test_map_to_a_read_only_folder(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        line = one_line_error(cli("map", "SVO-HAV", "-o", "ro/m.html", cwd=tmp_path))
    finally:
        ro.chmod(0o755)
    assert "cannot write ro/m.html" in line and "not writable" in line


def test_failed_write_is_one_line_and_leaves_no_temporary_file(tmp_path):
    """The check passes but the write itself fails: /proc takes no new files, even as root."""
    line = one_line_error(cli("map", "SVO-HAV", "-o", "/proc/routes-test/m.html", cwd=tmp_path))
    assert "cannot write /proc/routes-test/m.html" in line


def test_bad_input_leaves_an_existing_map_untouched(tmp_path):
    (tmp_path / "keep.html").write_text("precious")
    for args in (["Caracsa-Dakar"], ["missing.csv"], [fixture("one_place.yaml", tmp_path)]):
        one_line_error(cli("map", *args, "-o", "keep.html", cwd=tmp_path))
    assert (tmp_path / "keep.html").read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.html", "one_place.yaml"]


# --- standard output stays clean -------------------------------------------------------

@pytest.mark.parametrize("fmt", ["--json", "--geojson", "--csv"])
def test_warnings_never_reach_standard_output(tmp_path, fmt):
    (tmp_path / "latin.csv").write_bytes(
        "flight,from,to,colour\nf1,Asunción,Bogotá,red\n".encode("latin-1"))
    proc = cli("legs", "latin.csv", fmt, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "routes: warning" not in proc.stdout
    if fmt != "--csv":
        json.loads(proc.stdout)
    assert len(proc.stderr.strip().splitlines()) == 2  # encoding, unknown column
