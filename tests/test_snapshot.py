"""``routes map --png``: a picture of the offline page taken by headless Chromium."""

from __future__ import annotations

import base64
import os
import struct
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from routes.render.snapshot import SnapshotUnavailable, save_png

ROUTE_RGB = (0x00, 0x72, 0xB2)  # the first flight's colour, PALETTE[0]


def run(*args, cwd, env=None):
    return subprocess.run(
        [sys.executable, "-m", "routes", *args], cwd=cwd, capture_output=True, text=True,
        env={**os.environ, **(env or {})}, timeout=180,
    )


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def colour_stats(browser, path: Path) -> dict:
    """Distinct colours and pixels near the route colour, decoded by the browser."""
    context = browser.new_context()
    try:
        page = context.new_page()
        uri = "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()
        return page.evaluate(
            """async ([uri, rgb]) => {
                const img = new Image();
                img.src = uri;
                await img.decode();
                const c = document.createElement('canvas');
                c.width = img.width; c.height = img.height;
                const g = c.getContext('2d');
                g.drawImage(img, 0, 0);
                const d = g.getImageData(0, 0, c.width, c.height).data;
                const seen = new Set();
                let route = 0;
                for (let i = 0; i < d.length; i += 4) {
                    seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
                    if (Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) < 24) route++;
                }
                return {colours: seen.size, route};
            }""",
            [uri, list(ROUTE_RGB)],
        )
    finally:
        context.close()


def test_cli_png_of_the_seed_route_file(tmp_path, browser):
    example = resources.files("routes.data").joinpath("example.yaml")
    proc = run("map", str(example), "-o", "seed.html", "--png", "pics/seed.png", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    png = tmp_path / "pics" / "seed.png"
    assert png_size(png) == (1200, 800)
    assert 30_000 < png.stat().st_size
    stats = colour_stats(browser, png)
    assert stats["colours"] > 200  # land, sea, borders, labels, controls: not blank
    assert stats["route"] > 300  # the route's own colour is drawn


def test_cli_range_ring_option(tmp_path):
    proc = run("map", "DAM-DKR-CCS", "-o", "ring.html", "--range-ring", "CCS:An-124",
               "--range-ring", "DKR:Il-62", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "ring.html").read_text()
    assert page.count("routes-ring-area") >= 2
    bad = run("map", "DAM-DKR-CCS", "-o", "x.html", "--range-ring", "CCS", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "PLACE:AIRCRAFT" in bad.stderr


def test_missing_chromium_is_one_line_and_writes_nothing(tmp_path):
    proc = run("map", "DAM-DKR-CCS", "-o", "x.html", "--png", "x.png", cwd=tmp_path,
               env={"ROUTES_CHROMIUM": str(tmp_path / "no-such-chromium")})
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "ROUTES_CHROMIUM" in proc.stderr
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "x.png").exists()


def test_save_png_raises_without_chromium(tmp_path, monkeypatch, syria_report):
    from routes.render import make_map

    monkeypatch.setenv("ROUTES_CHROMIUM", str(tmp_path / "none"))
    with pytest.raises(SnapshotUnavailable, match="Chromium"):
        save_png(make_map(syria_report), tmp_path / "x.png")
