"""Many inputs at once, run as a user runs them: `routes map reports/*.txt`,
`routes extract reports/ --json`, progress on a terminal's stderr only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import routes
from routes._progress import Progress

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "tests" / "fixtures" / "news"
ROUTE_FILES = ROOT / "tests" / "fixtures" / "routes"
#: Reports of the batch: one flight, three legs, a flight and its return, no flight at all.
BATCH = ["01_tu160_maiquetia.txt", "04_bangui_three_legs.txt", "10_caracas_return.txt",
         "14_no_flight_politics.txt"]
NO_FLIGHT = "14_no_flight_politics.txt"


def run(*args: str, cwd: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "routes", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300, **kw)


@pytest.fixture
def reports(tmp_path) -> Path:
    """A folder ``reports/`` of news reports in the scratch folder (the working directory)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in BATCH:
        shutil.copy(NEWS / name, folder / name)
    return folder


def globbed(folder: Path) -> list[str]:
    """What the shell makes of ``reports/*.txt``: relative paths, sorted."""
    return sorted(f"{folder.name}/{p.name}" for p in folder.glob("*.txt"))


def test_extract_folder_json_has_unique_ids_naming_their_report(tmp_path, reports):
    proc = run("extract", "reports/", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)  # stdout is the JSON and nothing else
    ids = [f["id"] for f in data["flights"]]
    assert len(ids) == len(set(ids)) >= 4
    stems = {Path(n).stem for n in BATCH}
    assert all(i.split(":")[0] in stems for i in ids), ids
    assert not any(i.startswith(Path(NO_FLIGHT).stem) for i in ids)
    # the report with a flight and its return gives two flights, told apart by their ids
    assert sum(i.startswith("10_caracas_return:") for i in ids) == 2
    # the report without a flight is a warning, not a failure
    assert any(w.startswith(NO_FLIGHT) and "no flight" in w for w in data["warnings"])
    assert all(f["legs"] for f in data["flights"])


def test_extract_many_files_equals_the_folder(tmp_path, reports):
    by_files = run("extract", *globbed(reports), "--json", cwd=tmp_path)
    by_folder = run("extract", "reports", "--json", cwd=tmp_path)
    assert by_files.returncode == by_folder.returncode == 0, by_files.stderr + by_folder.stderr
    assert json.loads(by_files.stdout) == json.loads(by_folder.stdout)


def test_map_of_a_glob_warns_about_the_report_without_flight(tmp_path, reports):
    proc = run("map", *globbed(reports), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "output" / "reports.html"  # named after the folder, not the first file
    assert proc.stdout.strip() == str(Path("output") / "reports.html")
    html = out.read_text(encoding="utf-8")
    for name in BATCH:
        if name != NO_FLIGHT:  # every flight's label names its report
            assert name in html
    lines = proc.stderr.strip().splitlines()
    assert lines == [f"routes: warning: {NO_FLIGHT}: no flight found"], proc.stderr


def test_legs_of_files_with_the_same_name_in_two_folders(tmp_path, reports):
    other = tmp_path / "more"
    other.mkdir()
    shutil.copy(NEWS / "10_caracas_return.txt", other / "10_caracas_return.txt")
    proc = run("legs", "reports", "more/10_caracas_return.txt", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    ids = [f["id"] for f in json.loads(proc.stdout)["flights"]]
    assert len(ids) == len(set(ids))
    assert "10_caracas_return:f1" in ids and "10_caracas_return:f1.2" in ids


def test_batch_without_any_flight_fails_in_one_line(tmp_path):
    for n in range(3):
        shutil.copy(NEWS / NO_FLIGHT, tmp_path / f"politics{n}.txt")
    args = [f"politics{n}.txt" for n in range(3)]
    for command in ("map", "legs", "extract"):
        proc = run(command, *args, cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr
        assert proc.stderr.strip().splitlines() == [
            "routes: error: no flights found in politics0.txt, politics1.txt, politics2.txt"]
    assert not (tmp_path / "output").exists()
    # --json keeps its contract: an empty list of flights, the reports named in warnings
    proc = run("extract", *args, "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["flights"] == [] and len(data["warnings"]) == 3


def test_long_batch_message_names_a_few_inputs(tmp_path):
    for n in range(30):
        (tmp_path / f"p{n:02d}.txt").write_text((NEWS / NO_FLIGHT).read_text())
    proc = run("map", *sorted(p.name for p in tmp_path.glob("*.txt")), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "routes: error: no flights found in p00.txt, p01.txt and 28 more inputs"


def many_reports(tmp_path: Path, n: int = 24) -> list[str]:
    """``n`` copies of one report (more than the 20 inputs that show progress)."""
    text = (NEWS / "10_caracas_return.txt").read_text()
    for i in range(n):
        (tmp_path / f"r{i:02d}.txt").write_text(text)
    return [f"r{i:02d}.txt" for i in range(n)]


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path):
    args = many_reports(tmp_path)
    proc = run("extract", *args, "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    ids = [f["id"] for f in json.loads(proc.stdout)["flights"]]
    assert len(ids) == len(set(ids)) == 48


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_goes_to_a_terminal_stderr_and_leaves_stdout_clean(tmp_path):
    args = many_reports(tmp_path)
    master, slave = os.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "routes", "extract", *args, "--json"],
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=slave, timeout=300)
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert len(data["flights"]) == 48
    shown = b"".join(chunks).decode()
    assert "routes: reading 0/24 r00.txt" in shown
    assert "routes: reading 24/24" in shown
    assert shown.endswith("\r") and "\n" not in shown  # erased: nothing stays on screen


def test_progress_waits_for_a_long_run():
    class Tty:
        def __init__(self):
            self.text = ""

        def isatty(self):
            return True

        def write(self, s):
            self.text += s

        def flush(self):
            pass

    now = [0.0]
    stream = Tty()
    with Progress(stream, clock=lambda: now[0]) as p:
        p(0, 5, "a.txt")
        assert stream.text == ""  # few inputs, no time gone by: silent
        now[0] = 2.5
        p(1, 5, "b.txt")
        assert stream.text == "\rroutes: reading 1/5 b.txt"
    assert stream.text.endswith("\r" + " " * len("routes: reading 1/5 b.txt") + "\r")


def test_merge_labels_name_the_report():
    report = routes.read_inputs([NEWS / "01_tu160_maiquetia.txt", NEWS / "10_caracas_return.txt",
                                 ROUTE_FILES / "pacific.geojson", "SVO-HAV"])
    labels = {f.id: f.label for f in report.flights}
    assert labels["01_tu160_maiquetia:f1"] == "01_tu160_maiquetia.txt"
    assert labels["10_caracas_return:f2"] == "10_caracas_return.txt f2"
    assert labels["pacific:north"] == "pacific.geojson: Kamchatka to Alaska"
    assert labels["f1"] == "SVO-HAV"  # a route string is its own label
