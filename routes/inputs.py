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

from ._io import read_stream, read_text as read_text_file
from .errors import InputError
from .model import Report, replace
from .routefile import ROUTE_FILE_SUFFIXES

__all__ = [
    "read_input",
    "read_inputs",
    "read_example",
    "input_name",
    "expand_inputs",
    "folder_inputs",
    "merge",
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
        data, warnings = read_stream(stream, "<stdin>")  # size limit, encodings
        return _with_warnings(_read_text_input(data, "<stdin>", year), list(warnings))
    path = Path(arg)
    if path.is_dir():
        files = folder_inputs(path)
        return merge([read_input(p, year=year) for p in files], source=str(path),
                     names=[p.name for p in files])
    if path.exists():  # a file, or a pipe such as /dev/stdin or <(...)
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


def folder_inputs(folder: str | Path) -> list[Path]:
    """The reports and route files of ``folder`` (not its subfolders), sorted by name."""
    folder = Path(folder)
    files = sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in ROUTE_FILE_SUFFIXES + (".txt",)
    )
    if not files:
        raise InputError(f"{folder}: the folder holds no .txt report or route file")
    return files


def expand_inputs(args: Iterable[str | Path]) -> list[str | Path]:
    """The inputs one by one: each folder replaced by its files (:func:`folder_inputs`)."""
    out: list[str | Path] = []
    for arg in args:
        if str(arg) != "-" and Path(arg).is_dir():
            out.extend(folder_inputs(arg))
        else:
            out.append(arg)
    return out


def read_inputs(
    args: Iterable[str | Path], *, year: int | None = None, stdin=None, progress=None
) -> Report:
    """Read several inputs into one Report; no inputs means the embedded example.

    Folders are read file by file.  With more than one input (or a folder) the result is
    :func:`merge`'s: unique flight ids, labels naming the report, a warning for each
    report that describes no flight.  ``progress``, if given, is called as
    ``progress(done, total, name)`` before each input is read.
    """
    args = list(args)
    if not args:
        return read_example(year)
    items = expand_inputs(args)
    reports = []
    for n, item in enumerate(items):
        if progress is not None:
            progress(n, len(items), str(item))
        reports.append(read_input(item, year=year, stdin=stdin))
    if progress is not None:
        progress(len(items), len(items), "")
    if len(items) == 1 and items[0] is args[0]:
        return reports[0]
    names = [_file_name(item) for item in items]
    source = str(args[0]) if len(args) == 1 else ", ".join(str(a) for a in args)
    return merge(reports, source=source, names=names)


def _file_name(item: str | Path) -> str | None:
    """The file name of an input that is a file; None for route strings and stdin."""
    return Path(item).name if str(item) != "-" and Path(item).is_file() else None


def merge(reports: list[Report], source: str | None = None,
          names: list[str | None] | None = None) -> Report:
    """One Report from several, saying which input each flight came from.

    ``names[i]`` is the file name of ``reports[i]`` (None for a route string or standard
    input).  A flight read from a file gets the id ``<file stem>:<id>`` and a label naming
    the file (``report.txt``, ``report.txt f2`` when the report has several flights,
    ``flights.yaml: <its own label>``); other flights keep theirs.  Ids that would still
    repeat get a ``.2``, ``.3`` ... suffix.  A report without flights adds a warning.
    """
    names = list(names) if names is not None else [None] * len(reports)
    flights, warnings, seen = [], [], set()
    for rep, name in zip(reports, names):
        where = name or rep.source
        for f in rep.flights:
            fid = f"{Path(name).stem}:{f.id}" if name else f.id
            unique, n = fid, 2
            while unique in seen:
                unique, n = f"{fid}.{n}", n + 1
            seen.add(unique)
            flights.append(replace(f, id=unique, label=_label(f, rep, name)))
        warnings.extend(f"{where}: {w}" if where else w for w in rep.warnings)
        if not rep.flights:
            warnings.append(f"{where or 'an input'}: no flight found")
    if source is None:
        sources = [r.source for r in reports if r.source]
        source = ", ".join(sources) if sources else None
    return Report(flights=tuple(flights), warnings=tuple(warnings), source=source)


def _label(flight, report: Report, name: str | None) -> str | None:
    """A flight's label in a merged report: it names the file the flight came from."""
    if name is None:
        return flight.label or report.source
    if flight.label and flight.label not in (report.source, name):
        return f"{name}: {flight.label}"
    return f"{name} {flight.id}" if len(report.flights) > 1 else name


def input_name(args: list[str]) -> str:
    """A file-name stem for outputs made from ``args`` (``output/<name>.html``)."""
    if not args:
        return EXAMPLE_NAME
    first = str(args[0])
    if first == "-":
        return "stdin"
    if len(args) > 1 and all(_file_name(a) for a in args):  # reports/*.txt -> "reports"
        parents = {Path(a).resolve().parent for a in args}
        if len(parents) == 1 and parents.pop().name:
            return Path(args[0]).resolve().parent.name
    path = Path(first)
    if path.exists():
        name = path.stem if path.is_file() else path.name
    else:  # a route string
        name = "".join(c if c.isalnum() else "-" for c in first)[:60].strip("-")
    return name or "map"
