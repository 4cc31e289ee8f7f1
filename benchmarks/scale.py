"""Maps of many legs: routes against the hand-written folium way, measured in one run.

For each size (legs between random airport pairs, fixed seed) two builds run, each in a
fresh child process so that peak memory is its own:

* routes: ``routes.load(csv)`` (geocoding each distinct code once, batch geodesics), then
  ``routes.make_map`` and ``routes.save_map``;
* baseline: what users write today: look the codes up in airportsdata, ``Geod.npts`` with
  100 points per leg, one ``folium.PolyLine`` per leg, ``Map.save``.

Then both pages are opened in headless Chromium (network refused) and timed until Leaflet
has drawn.  Printed: build seconds, peak RSS, HTML size, draw seconds, and routes/baseline
ratios.

    python benchmarks/scale.py                 # 1k, 5k, 20k, 100k (baseline up to 20k)
    python benchmarks/scale.py --sizes 1000 5000 --baseline-max 5000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 20190323


def make_csv(n: int, path: Path) -> None:
    """``n`` legs between random airports that have an IATA code, as a routes CSV."""
    import airportsdata
    import numpy as np

    codes = sorted(airportsdata.load("IATA"))
    rng = np.random.default_rng(SEED)
    # a network: 2,000 airports, so places repeat as in a real route table
    pool = rng.choice(codes, size=min(2000, len(codes)), replace=False)
    a = rng.integers(0, len(pool), n)
    b = (a + rng.integers(1, len(pool), n)) % len(pool)
    lines = ["flight,from,to"] + [f"r{i},{pool[x]},{pool[y]}" for i, (x, y) in enumerate(zip(a, b))]
    path.write_text("\n".join(lines) + "\n")


def build_routes(csv: Path, html: Path) -> None:
    import routes

    report = routes.load(csv)
    routes.save_map(routes.make_map(report), html)


def build_baseline(csv: Path, html: Path) -> None:
    import csv as csvmod

    import airportsdata
    import folium
    from pyproj import Geod

    airports = airportsdata.load("IATA")
    geod = Geod(ellps="WGS84")
    m = folium.Map(location=[20, 0], zoom_start=2)
    with open(csv, newline="") as fh:
        for row in csvmod.DictReader(fh):
            a, b = airports[row["from"]], airports[row["to"]]
            pts = geod.npts(a["lon"], a["lat"], b["lon"], b["lat"], 100)
            line = [(a["lat"], a["lon"])] + [(lat, lon) for lon, lat in pts] + [(b["lat"], b["lon"])]
            folium.PolyLine(line, weight=1, tooltip=f"{row['from']}-{row['to']}").add_to(m)
    m.save(str(html))


def child(kind: str, csv: Path, html: Path) -> None:
    start = time.perf_counter()
    (build_routes if kind == "routes" else build_baseline)(csv, html)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kib / 1024}))


def measure(kind: str, csv: Path, html: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(csv), str(html)],
        capture_output=True, text=True, check=True,
    )
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["html_mb"] = html.stat().st_size / 1e6
    return out


def _offline_cdn(route) -> None:
    """Serve the baseline page's CDN links with no network: Leaflet from xstatic-leaflet,
    every other asset (jQuery, Bootstrap, icon fonts: not needed by polylines) empty."""
    from xstatic.pkg import leaflet

    url = route.request.url
    if url.startswith("file:"):
        route.continue_()
        return
    name = url.rsplit("/", 1)[-1].split("?")[0]
    local = Path(leaflet.BASE_DIR) / name
    if "leaflet" in url and name in ("leaflet.js", "leaflet.css") and local.is_file():
        kind = "application/javascript" if name.endswith(".js") else "text/css"
        route.fulfill(status=200, content_type=kind, body=local.read_bytes())
    else:
        route.fulfill(status=200, body="")


def draw_seconds(html: Path, browser) -> float:
    """Seconds from navigation until the page has loaded, drawn its lines and painted."""
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.route("**/*", _offline_cdn)
    start = time.perf_counter()
    page.goto(html.as_uri(), wait_until="load", timeout=600_000)
    page.wait_for_function(
        "() => document.querySelectorAll('.leaflet-overlay-pane path, .leaflet-overlay-pane canvas').length > 0",
        timeout=600_000,
    )
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    seconds = time.perf_counter() - start
    page.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000, 100000])
    parser.add_argument("--baseline-max", type=int, default=20000,
                        help="largest size built the hand-written way (100k takes many minutes)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "CSV", "HTML"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, csv, html = args.child
        child(kind, Path(csv), Path(html))
        return

    browser = None
    if not args.no_browser:
        from playwright.sync_api import sync_playwright

        from routes.render.snapshot import CHROMIUM_ARGS, chromium_path

        pw = sync_playwright().start()
        browser = pw.chromium.launch(executable_path=str(chromium_path()), args=list(CHROMIUM_ARGS))
    header = f"{'legs':>7} {'build':>24} {'peak MB':>24} {'HTML MB':>24} {'draw s':>24}"
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            csv = Path(tmp) / f"legs{n}.csv"
            make_csv(n, csv)
            results = {}
            for kind in ("routes", "baseline"):
                if kind == "baseline" and n > args.baseline_max:
                    continue
                html = Path(tmp) / f"{kind}{n}.html"
                results[kind] = measure(kind, csv, html)
                if browser:
                    results[kind]["draw"] = draw_seconds(html, browser)
            print(f"{n:>7} " + " ".join(
                cell(results, key) for key in ("seconds", "peak_mb", "html_mb", "draw")), flush=True)
    print("each cell: routes / baseline = ratio (baseline: one folium.PolyLine per leg)")


def cell(results: dict, key: str) -> str:
    r = results["routes"].get(key)
    b = results.get("baseline", {}).get(key)
    if r is None:
        return f"{'-':>24}"
    if b is None:
        return f"{r:>9.2f} / {'-':>6} {'':>6}"
    return f"{r:>9.2f} / {b:>6.2f} = {r / b:>5.2f}"


if __name__ == "__main__":
    main()
