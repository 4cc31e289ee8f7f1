"""The seed map end to end, against the time Python takes to import the libraries it uses.

Both are timed as fresh processes, median of several runs, in the same run of this script:

* baseline: ``python -c "import folium, pandas, shapely, pyproj"``;
* routes: ``python -m routes map -o <tmp>/example.html`` on the embedded report (read,
  geocode offline, geodesics, render, write).

The package is byte-compiled first (as a regular install does), and the gazetteer cache is
warmed once, so the figure is what a user sees from the second map on.

    python benchmarks/seed.py [--runs 7]
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "routes", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        routes_cmd = [sys.executable, "-m", "routes", "map", "-o", f"{tmp}/example.html"]
        base_cmd = [sys.executable, "-c", "import folium, pandas, shapely, pyproj"]
        timed(routes_cmd)  # warm the gazetteer cache and the OS file cache
        timed(base_cmd)
        base, ours = [], []
        for _ in range(args.runs):  # interleaved, so load on the machine hits both alike
            base.append(timed(base_cmd))
            ours.append(timed(routes_cmd))
    b, r = statistics.median(base), statistics.median(ours)
    print(f"import folium, pandas, shapely, pyproj: {b:.3f} s (median of {args.runs})")
    print(f"routes map (embedded example):          {r:.3f} s (median of {args.runs})")
    print(f"ratio routes / imports:                 {r / b:.2f}")


if __name__ == "__main__":
    main()
