"""The notebooks: stored without outputs, calling only the public API, and run end to end.

Each notebook runs in a copy of the notebooks folder (its working directory, as when
Jupyter opens it there), so what it writes to ``output/`` lands in a scratch folder.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
from pathlib import Path

import pytest

import routes

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
#: What each notebook leaves in output/ when it has run.
OUTPUTS = {
    "01-from-report-to-map.ipynb": ["example.html", "example.geojson"],
    "02-your-own-routes.ipynb": ["my-routes.csv", "my-routes.geojson"],
    "03-many-flights.ipynb": ["reports.html", "reports.csv"],
}


def code_cells(path: Path) -> list:
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def test_the_three_notebooks_are_there():
    assert [p.name for p in PATHS] == sorted(OUTPUTS)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_stored_without_outputs(path):
    book = nbformat.read(path, as_version=4)
    nbformat.validate(book)
    for cell in code_cells(path):
        assert cell.outputs == [], f"{path.name}: a cell has stored outputs"
        assert cell.execution_count is None, f"{path.name}: a cell has an execution count"
    assert book.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_only_the_public_api(path):
    source = "\n".join(c.source for c in code_cells(path))
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert not (node.module or "").startswith("routes"), f"from {node.module} import"
        if isinstance(node, ast.Import):
            assert all(a.name == "routes" or not a.name.startswith("routes.") for a in node.names)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "routes":
            assert node.attr in routes.__all__, f"{path.name}: routes.{node.attr} is not public"


def test_readme_links_each_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in PATHS:
        assert re.search(rf"\]\(notebooks/{re.escape(path.name)}\)", readme), path.name


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_runs_without_error(path, tmp_path):
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work, ignore=shutil.ignore_patterns("output", ".ipynb_checkpoints"))
    book = nbformat.read(work / path.name, as_version=4)
    env = {k: v for k, v in os.environ.items() if k != "ROUTES_ONLINE"}  # never ask the network
    client = nbclient.NotebookClient(
        book, kernel_name="python3", timeout=300, allow_errors=False,
        resources={"metadata": {"path": str(work)}},
    )
    client.execute(env=env)  # raises CellExecutionError on the first failing cell
    for cell in book.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error"
            if out.output_type == "stream" and out.name == "stderr":
                assert "Traceback" not in out.text
    for name in OUTPUTS[path.name]:
        written = work / "output" / name
        assert written.is_file() and written.stat().st_size > 0, name
    maps = [o for c in book.cells for o in c.get("outputs", [])
            if "text/html" in o.get("data", {}) and "leaflet" in o["data"]["text/html"].lower()]
    assert maps, "no map was shown inline"
