"""How long the offline gazetteer takes to load, against loading airportsdata alone.

Each figure is measured in a fresh Python process (so imports and first use count), in
this same run:

* baseline  -- ``airportsdata.load()`` alone;
* cold/build -- first use with an empty cache directory (the index is built and written);
* cold/cache -- first use in a new process that finds the cache file;
* warm      -- a second use in the same process (``functools.cache``);
* scan      -- ``scan()`` of a 3,000-character report, once the index is loaded.

Run: ``python benchmarks/gazetteer_load.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

BASELINE = """
import time, json
t = time.perf_counter()
import airportsdata
airportsdata.load()
print(json.dumps({"seconds": time.perf_counter() - t}))
"""

GAZETTEER = """
import time, json
t = time.perf_counter()
from routes.gazetteer import lookup, scan
lookup("Dakar")
cold = time.perf_counter() - t
t = time.perf_counter()
lookup("Caracas")
warm = time.perf_counter() - t
text = ("Two Russian Air Force planes landed in the Venezuelan capital on Saturday after flying "
        "from Chkalovsky airbase near Moscow via Syria, where Russia operates the Hmeimim air "
        "base, the Senegalese capital, Dakar, and Cape Verde, to Simon Bolivar International "
        "Airport in Maiquetia, outside Caracas. ") * 8
text = text[:3000]
scan(text)
t = time.perf_counter()
for _ in range(20):
    scan(text)
print(json.dumps({"cold": cold, "warm": warm, "scan": (time.perf_counter() - t) / 20}))
"""


def _run(code: str, env: dict) -> dict:
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        baseline, built, cached = [], [], []
        for i in range(args.repeat):
            env = {**os.environ, "ROUTES_CACHE_DIR": os.path.join(tmp, f"run{i}")}
            baseline.append(_run(BASELINE, env)["seconds"])
            built.append(_run(GAZETTEER, env))
            cached.append(_run(GAZETTEER, env))
    base = statistics.median(baseline)
    build = statistics.median(r["cold"] for r in built)
    cold = statistics.median(r["cold"] for r in cached)
    warm = statistics.median(r["warm"] for r in cached)
    scan = statistics.median(r["scan"] for r in cached)
    print(f"baseline airportsdata.load()   {base * 1000:8.1f} ms")
    print(f"cold, building the index       {build * 1000:8.1f} ms  ({build / base:.1f}x baseline)")
    print(f"cold, from the cache file      {cold * 1000:8.1f} ms  ({cold / base:.1f}x baseline)")
    print(f"warm (same process)            {warm * 1000:8.3f} ms")
    print(f"scan() of 3,000 characters     {scan * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
