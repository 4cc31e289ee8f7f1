"""The ``routes`` command: a thin layer over the library.

Exit status: 0 done, 2 bad input (one line on stderr), 1 internal error.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from ._progress import Progress
from .errors import NoFlightsFound, RoutesError

__all__ = ["main", "build_parser"]

OUTPUT_DIR = Path("output")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="routes",
        description="Read flight reports and route lists; draw their great-circle legs.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "inputs", nargs="*", metavar="INPUT",
            help="news report, route file (.csv .yaml .json .geojson), folder, route string "
                 "such as OSLK-GOOY-SVMI, or - for standard input; none: the embedded example",
        )
        p.add_argument("--year", type=int, help="year of dates that the text gives without one")
        p.add_argument("--online", action="store_true",
                       help="ask an online geocoder (Nominatim) first; falls back to offline")

    p = sub.add_parser("map", help="interactive HTML map")
    inputs(p)
    p.add_argument("-o", "--output", metavar="FILE", help="HTML file (default output/<name>.html)")
    p.add_argument("--cdn", action="store_true", help="link Leaflet from a CDN instead of inlining it")
    p.add_argument("--title", help="title shown on the map")
    p.add_argument("--png", metavar="FILE",
                   help="also write a PNG picture of the map (needs Playwright and Chromium)")
    p.add_argument("--range-ring", action="append", default=[], metavar="PLACE:AIRCRAFT",
                   help="draw the aircraft's range around the place, e.g. CCS:An-124 "
                        "(at the payload of a flight with that type; repeatable)")

    p = sub.add_parser("extract", help="flights found in the input")
    inputs(p)
    p.add_argument("--json", action="store_true", help="JSON (the default is a short summary)")

    p = sub.add_parser("legs", help="one row per leg: from, to, km, bearing, time")
    inputs(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="JSON as routes extract --json")
    fmt.add_argument("--csv", action="store_true", help="CSV, one row per leg")
    fmt.add_argument("--geojson", action="store_true", help="GeoJSON FeatureCollection")

    p = sub.add_parser("geocode", help="gazetteer candidates for each name")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--json", action="store_true", help="JSON")
    p.add_argument("--online", action="store_true", help="ask an online geocoder first")
    return parser


def _geocoder(args):
    if not getattr(args, "online", False):
        return None
    from .geocoders import make_geocoder

    return make_geocoder(online=True, order="online-first")


def _load(args):
    """Read, geocode and compute; no flight at all is bad input."""
    with Progress() as progress:
        report = _read(args, progress)
        if not report.flights:
            raise NoFlightsFound(f"no flights found in {_where(args.inputs)}")
        progress.note(f"locating {len(report.flights)} flights")
        return _locate_and_measure(report, args)


def _read(args, progress=None):
    """Every input read into one report (a batch's progress on a terminal's stderr)."""
    from .inputs import read_inputs

    return read_inputs(args.inputs, year=args.year, progress=progress)


def _where(inputs: list[str]) -> str:
    """The inputs named in a message; a long batch by its first two and a count."""
    if not inputs:
        return "the embedded example"
    if len(inputs) <= 3:
        return ", ".join(inputs)
    return f"{inputs[0]}, {inputs[1]} and {len(inputs) - 2} more inputs"


def _locate_and_measure(report, args):
    from . import geodesy
    from .geocode import resolve

    return geodesy.compute(resolve(report, _geocoder(args)))


def _print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def cmd_map(args) -> None:
    from ._io import check_output_path
    from .inputs import input_name
    from .render import make_map, save_map

    out = Path(args.output) if args.output else OUTPUT_DIR / f"{input_name(args.inputs)}.html"
    check_output_path(args.output or out, make_parents=True)  # a bad -o fails before the work
    if args.png:
        from .render.snapshot import check_available

        check_output_path(args.png, make_parents=True)
        check_available()  # before the work, not after
    report = _load(args)
    from .range_check import make_ring

    rings = [make_ring(spec, report) for spec in args.range_ring]
    m = make_map(report, title=args.title, rings=rings)
    path = save_map(m, out, self_contained=not args.cdn)  # atomic; InputError if it cannot
    if args.png:
        from .render.snapshot import save_png

        save_png(m, args.png)
    _warn(report)
    print(path)


def cmd_extract(args) -> None:
    from .export import to_json

    if args.json:
        with Progress() as progress:
            report = _read(args, progress)
            if report.flights:
                progress.note(f"locating {len(report.flights)} flights")
                report = _locate_and_measure(report, args)
        _print_json(to_json(report))
        return
    report = _load(args)
    for f in report.flights:
        route = " -> ".join(s.place.name if s.place else s.ref.text for s in f.stops)
        facts = [", ".join(f.aircraft) or None,
                 f"{f.personnel} people" if f.personnel is not None else None,
                 f"{f.cargo_tonnes:g} t" if f.cargo_tonnes is not None else None,
                 f.date, f"led by {f.commander}" if f.commander else None]
        print(f"{f.id}: {route}" + "".join(f"; {x}" for x in facts if x))
    _warn(report)


def cmd_legs(args) -> None:
    from . import export

    report = _load(args)
    if args.json:
        _print_json(export.to_json(report))
    elif args.geojson:
        _print_json(export.to_geojson(report))
    elif args.csv:
        sys.stdout.write(export.to_csv(report))
    else:
        frame = export.legs_frame(report)
        cols = ["flight", "leg", "from", "to", "distance_km", "distance_nm",
                "initial_bearing_deg", "duration_h"]
        table = frame[cols].round(1)
        # BEYOND flags a leg longer than the aircraft's range at the reported payload
        table["range"] = frame["range_ok"].map({True: "ok", False: "BEYOND"}).fillna("?")
        print(table.to_string(index=False))
    _warn(report)


def cmd_geocode(args) -> None:
    from .geocode import geocode_names

    rows = geocode_names(args.names, _geocoder(args))
    if args.json:
        _print_json({"results": rows})
        return
    for row in rows:
        p = row["place"]
        if p is None:
            print(f"{row['query']}: not found")
            continue
        code = f" [{p['code']}]" if p.get("code") else ""
        print(f"{row['query']}: {p['name']}{code} ({p['kind']}, {p['country']}) "
              f"{p['lat']:.4f}, {p['lon']:.4f}")
        for alt in row["alternatives"]:
            print(f"    or {alt['name']} ({alt['kind']}, {alt['country']}) "
                  f"{alt['lat']:.4f}, {alt['lon']:.4f}")


def _warn(report) -> None:
    for w in report.warnings:
        print(f"routes: warning: {_one_line(w)}", file=sys.stderr)


#: Control characters (a file name may hold a new line) shown escaped, so that every
#: message stays one line on the terminal.
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F]}


def _one_line(message: object) -> str:
    return str(message).translate(_CONTROLS)


COMMANDS = {"map": cmd_map, "extract": cmd_extract, "legs": cmd_legs, "geocode": cmd_geocode}


def _show_warning(message, category, filename, lineno, file=None, line=None):
    print(f"routes: warning: {_one_line(message)}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning  # one plain line, no source location
        try:
            COMMANDS[args.command](args)
        except RoutesError as exc:
            print(f"routes: error: {_one_line(exc)}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:  # `routes legs | head`
            return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
