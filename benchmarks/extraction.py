"""Score the news reader against hand-written gold routes.

For every ``NN_slug.txt`` with a ``NN_slug.gold.yaml`` beside it, the report is read with
:func:`routes.extract.read_text`, geocoded offline with :func:`routes.geocode.resolve`, and
its legs are matched to the gold legs: a leg matches when both ends fall within 60 km of
the gold places (600 km when the gold place is a country; a found country also matches a
gold country of the same name wherever either puts its point).  Gold dates may be YAML
dates or quoted strings, and several aircraft of one type may be listed once.  Printed: leg precision, recall
and F1 over all files, per-attribute accuracy over matched flights (aircraft set,
personnel, cargo, date, commander) and per file (flight count), then each file's misses.

Each folder is scored on its own (the corpus the reader was written against, the held-out
set, and every ``blindN`` set, reports written without looking at the reader's output).
A summary table at the end puts each folder's leg F1 beside its score the first time it
was run (``tests/fixtures/news/first_sight.csv``), before any rule was fitted to it.

Usage::

    python benchmarks/extraction.py          # tests/fixtures/news, news/heldout, news/blind*
    python benchmarks/extraction.py --fixtures tests/fixtures/news/heldout
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from routes.aircraft import lookup as aircraft_lookup  # noqa: E402
from routes.extract import read_text  # noqa: E402
from routes.geocode import resolve  # noqa: E402
from routes.gazetteer import country as gazetteer_country  # noqa: E402

NEAR_KM = 60.0
COUNTRY_KM = 600.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def near(found, gold: dict) -> bool:
    if found is None:
        return False
    limit = COUNTRY_KM if gold.get("kind") == "country" else NEAR_KM
    if km(found.lat, found.lon, gold["lat"], gold["lon"]) <= limit:
        return True
    if gold.get("kind") == "country" and getattr(found, "kind", None) == "country":
        # A country is one place wherever its point is put (its capital, its centroid).
        named = gazetteer_country(str(gold.get("name", "")))
        return named is not None and named.country == found.country
    return False


def legs_of_gold(flight: dict) -> list[tuple[dict, dict]]:
    r = flight.get("route") or []
    return list(zip(r, r[1:]))


def legs_of_found(flight) -> list[tuple]:
    places = [s.place for s in flight.stops]
    return list(zip(places, places[1:]))


def _iso(value) -> str | None:
    """A date as ISO text, whether YAML gave a date object or a quoted string."""
    if value is None or value == "":
        return None
    return str(value).strip()[:10]


def canonical_aircraft(names) -> set[str]:
    out = set()
    for n in names or ():
        kind = aircraft_lookup(str(n))
        out.add(kind.designation if kind else str(n))
    return out


def score_file(txt: Path, gold: dict) -> dict:
    report = resolve(read_text(txt.read_text(encoding="utf-8"), source=txt.name))
    gold_flights = gold.get("flights") or []
    found_legs = [(f, leg) for f in report.flights for leg in legs_of_found(f)]
    gold_legs = [(g, leg) for g in gold_flights for leg in legs_of_gold(g)]
    used: set[int] = set()
    matched_pairs: dict[int, dict[int, int]] = {}  # found flight index -> gold flight index -> legs
    tp = 0
    misses, extras = [], []
    for gi, (g, (ga, gb)) in enumerate(gold_legs):
        hit = None
        for fi, (f, (fa, fb)) in enumerate(found_legs):
            if fi not in used and near(fa, ga) and near(fb, gb):
                hit = fi
                break
        if hit is None:
            misses.append(f"{ga['name']} -> {gb['name']}")
            continue
        used.add(hit)
        tp += 1
        f = found_legs[hit][0]
        fidx = report.flights.index(f)
        gidx = gold_flights.index(g)
        matched_pairs.setdefault(gidx, {}).setdefault(fidx, 0)
        matched_pairs[gidx][fidx] += 1
    for fi, (f, (fa, fb)) in enumerate(found_legs):
        if fi not in used:
            extras.append(f"{f.id}: {fa.name if fa else '?'} -> {fb.name if fb else '?'}")
    attrs = {k: [0, 0] for k in ("aircraft", "personnel", "cargo", "date", "commander")}
    attr_misses = []
    for gidx, counts in matched_pairs.items():
        g = gold_flights[gidx]
        f = report.flights[max(counts, key=counts.get)]
        checks = {
            "aircraft": (canonical_aircraft(g.get("aircraft")), canonical_aircraft(f.aircraft)),
            "personnel": (g.get("personnel"), f.personnel),
            "cargo": (g.get("cargo_tonnes"), f.cargo_tonnes),
            "date": (_iso(g.get("date")), _iso(f.date)),
            "commander": (g.get("commander"), f.commander),
        }
        for k, (want, got) in checks.items():
            if k == "cargo" and want is not None and got is not None:
                ok = abs(float(want) - float(got)) <= 0.05 + 0.005 * float(want)
            else:
                ok = want == got
            attrs[k][0] += ok
            attrs[k][1] += 1
            if not ok:
                attr_misses.append(f"{k}: gold {_shown(want)}, found {_shown(got)}")
    return {
        "tp": tp,
        "found": len(found_legs),
        "gold": len(gold_legs),
        "attrs": attrs,
        "count_ok": len(report.flights) == len(gold_flights),
        "counts": (len(gold_flights), len(report.flights)),
        "misses": misses,
        "extras": extras,
        "attr_misses": attr_misses,
    }


def _shown(value) -> str:
    """A value as printed in a failure line; sets sorted, so that runs can be diffed."""
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(repr(v) for v in sorted(value)) + "}" if value else "set()"
    return repr(value)


NEWS = ROOT / "tests" / "fixtures" / "news"
FIRST_SIGHT = NEWS / "first_sight.csv"


def default_folders() -> list[Path]:
    """The corpus, heldout/ and the blind sets in their numeric order."""
    blind = sorted((p for p in NEWS.glob("blind*") if p.is_dir()),
                   key=lambda p: int(re.sub(r"\D", "", p.name) or 0))
    return [NEWS, NEWS / "heldout", *blind]


def first_sight() -> dict[str, float]:
    """Folder name -> leg F1 the first time the set was run."""
    lines = [ln for ln in FIRST_SIGHT.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return {row["folder"]: float(row["first_sight_f1"]) for row in csv.DictReader(lines)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, action="append",
                        help="folder of NN_slug.txt reports with NN_slug.gold.yaml beside them "
                             "(repeatable; default: the corpus, heldout/ and every blind*/)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only the totals")
    args = parser.parse_args(argv)
    status, scores = 0, []
    for i, folder in enumerate(args.fixtures or default_folders()):
        if i:
            print()
        code, f1, n = score_folder(folder, args.quiet)
        status = max(status, code)
        scores.append((folder, n, f1))
    if len(scores) > 1:
        print_summary(scores)
    return status


def print_summary(scores: list[tuple[Path, int, float | None]]) -> None:
    seen = first_sight()
    print(f"\n{'folder':<12} {'reports':>7} {'leg F1':>7} {'first sight':>11}")
    for folder, n, f1 in scores:
        first = seen.get(folder.name)
        print(f"{folder.name:<12} {n:>7} {f1 if f1 is not None else float('nan'):>7.3f} "
              f"{'' if first is None else f'{first:.3f}':>11}")
    firsts = [seen[f.name] for f, _, _ in scores if f.name in seen]
    if firsts:
        print(f"blind sets at first sight: mean leg F1 {sum(firsts) / len(firsts):.3f} "
              f"over {len(firsts)} sets")


def score_folder(folder: Path, quiet: bool) -> int:
    files = sorted(p for p in folder.glob("*.txt") if p.with_suffix(".gold.yaml").exists())
    if not files:
        print(f"no reports with gold files in {folder}", file=sys.stderr)
        return 2, None, 0
    t0 = time.perf_counter()
    totals = {"tp": 0, "found": 0, "gold": 0, "count_ok": 0}
    attrs = {k: [0, 0] for k in ("aircraft", "personnel", "cargo", "date", "commander")}
    failures = []
    for txt in files:
        gold = yaml.safe_load(txt.with_suffix(".gold.yaml").read_text(encoding="utf-8")) or {}
        res = score_file(txt, gold)
        for k in ("tp", "found", "gold"):
            totals[k] += res[k]
        totals["count_ok"] += res["count_ok"]
        for k, (ok, n) in res["attrs"].items():
            attrs[k][0] += ok
            attrs[k][1] += n
        problems = [f"missed leg {m}" for m in res["misses"]] + [f"extra leg {e}" for e in res["extras"]]
        problems += res["attr_misses"]
        if not res["count_ok"]:
            problems.append(f"flights: gold {res['counts'][0]}, found {res['counts'][1]}")
        if problems:
            failures.append((txt.name, problems))
    elapsed = time.perf_counter() - t0
    p = totals["tp"] / totals["found"] if totals["found"] else 1.0
    r = totals["tp"] / totals["gold"] if totals["gold"] else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    try:
        shown = folder.resolve().relative_to(ROOT)
    except ValueError:
        shown = folder
    print(f"reports: {len(files)} in {shown} ({elapsed:.1f} s)")
    print(f"legs: gold {totals['gold']}, found {totals['found']}, matched {totals['tp']}")
    print(f"leg precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    for k, (ok, n) in attrs.items():
        print(f"{k:<10} {ok}/{n} = {ok / n if n else 1.0:.3f}  (over matched flights)")
    print(f"{'flights':<10} {totals['count_ok']}/{len(files)} = {totals['count_ok'] / len(files):.3f}  (files with the right flight count)")
    if failures and not quiet:
        print("\nfailures:")
        for name, problems in failures:
            print(f"  {name}")
            for line in problems:
                print(f"    {line}")
    return 0, f1, len(files)


if __name__ == "__main__":
    raise SystemExit(main())
