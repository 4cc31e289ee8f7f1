"""Turn what a user gives (files, folders, route strings, standard input) into a Report.

This is the only place that decides what kind of input an argument is:

* ``-``: standard input (a route string if it looks like one, else news text);
* an existing folder: every report and route file in it, sorted by name;
* an existing file: a route file by its extension (.csv .yaml .yml .json .geojson), any
  other file is read as news text;
* otherwise a route string (``OSLK-GOOY-SVMI``) if it looks like one, else an error.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from ._io import decode_bytes, read_text as read_text_file
from .errors import InputError
from .model import Report, replace
from .routefile import ROUTE_FILE_SUFFIXES

__all__ = [
    "read_input",
    "read_inputs",
    "read_example",
    "input_name",
]


EXAMPLE_NAME = "example"


def _read_news(text: str, source: str, year: int | None) -> Report:
    from .extract import read_text

    return read_text(text, source=source, year=year)


def _read_text_input(text: str, source: str, year: int | None) -> Report:
    from . import routefile

    stripped = text.strip()
    if not stripped:
        raise InputError(f"{source}: the input is empty")
    if routefile.looks_like_route_string(stripped):
        return routefile.parse_route_string(stripped, source=source)
    return _read_news(text, source, year)


def _with_warnings(report: Report, warnings: list[str]) -> Report:
    return replace(report, warnings=tuple(warnings) + report.warnings) if warnings else report


def read_example(year: int | None = None) -> Report:
    """The embedded example: a short report of the seed flight, in the project's words."""
    text = resources.files("routes.data").joinpath("example_report.txt").read_text("utf-8")
    return _read_news(text, EXAMPLE_NAME, year)


def read_input(arg: str | Path, *, year: int | None = None, stdin=None) -> Report:
    """Read one input argument (see the module notes for how its kind is decided)."""
    from . import routefile

    if str(arg) == "-":
        stream = stdin if stdin is not None else sys.stdin
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        warnings: list[str] = []
        if isinstance(data, bytes):
            data, warnings = decode_bytes(data, "<stdin>")
        return _with_warnings(_read_text_input(data, "<stdin>", year), warnings)
    path = Path(arg)
    if path.is_dir():
        files = sorted(
            p for p in path.iterdir()
            if p.is_file() and p.suffix.lower() in ROUTE_FILE_SUFFIXES + (".txt",)
        )
        if not files:
            raise InputError(f"{path}: the folder holds no .txt report or route file")
        return merge([read_input(p, year=year) for p in files], source=str(path))
    if path.is_file():
        if path.suffix.lower() in ROUTE_FILE_SUFFIXES:
            return routefile.read_route_file(path)
        text, warnings = read_text_file(path)
        if not text.strip():
            raise InputError(f"{path}: the file is empty")
        return _with_warnings(_read_news(text, path.name, year), warnings)
    text = str(arg)
    if routefile.looks_like_route_string(text):
        return routefile.parse_route_string(text)
    if path.suffix.lower() in ROUTE_FILE_SUFFIXES + (".txt",) or "/" in text or "\\" in text:
        raise InputError(f"{text}: no such file")
    raise InputError(
        f"{text!r} is neither a file nor a route string (route strings look like OSLK-GOOY-SVMI)"
    )


def read_inputs(args: Iterable[str | Path], *, year: int | None = None, stdin=None) -> Report:
    """Read several inputs into one Report; no inputs means the embedded example."""
    args = list(args)
    if not args:
        return read_example(year)
    reports = [read_input(a, year=year, stdin=stdin) for a in args]
    return reports[0] if len(reports) == 1 else merge(reports)


def merge(reports: list[Report], source: str | None = None) -> Report:
    """One Report from several; flight ids stay unique (prefixed by their source if needed)."""
    flights, warnings, seen = [], [], set()
    for rep in reports:
        for f in rep.flights:
            fid = f.id
            if fid in seen:
                fid = f"{Path(rep.source or 'input').stem}:{f.id}"
                n = 2
                while fid in seen:
                    fid = f"{Path(rep.source or 'input').stem}:{f.id}.{n}"
                    n += 1
            seen.add(fid)
            flights.append(replace(f, id=fid, label=f.label or rep.source))
        warnings.extend(f"{rep.source}: {w}" if rep.source else w for w in rep.warnings)
    sources = [r.source for r in reports if r.source]
    return Report(
        flights=tuple(flights),
        warnings=tuple(warnings),
        source=source or (", ".join(sources) if sources else None),
    )


def input_name(args: list[str]) -> str:
    """A file-name stem for outputs made from ``args`` (``output/<name>.html``)."""
    if not args:
        return EXAMPLE_NAME
    first = str(args[0])
    if first == "-":
        return "stdin"
    path = Path(first)
    if path.exists():
        name = path.stem if path.is_file() else path.name
    else:  # a route string
        name = "".join(c if c.isalnum() else "-" for c in first)[:60].strip("-")
    return name or "map"
