"""Structured route inputs: route strings, CSV, YAML, JSON and GeoJSON route files.

Every reader returns a :class:`~routes.model.Report` whose flights have stops with a
:class:`~routes.model.PlaceRef` (the place as written, ``place=None``); coordinates given in
the input are kept on the ``PlaceRef`` and win over geocoding.  Each ``PlaceRef.where``
names the file and line (``routes.csv:4``) so later errors can point at it.  Bad input
raises :class:`~routes.errors.InputError` with one line naming what is wrong, where, and
what would be valid; recoverable oddities (unknown columns) become ``Report.warnings``.

Route strings (Great Circle Mapper syntax)
------------------------------------------
``-`` joins the places of a flight, ``,`` (or a new line) separates flights, and ``/``
fans out from the previous place: ``SVO-HAV/MGA`` is two flights, SVO-HAV and SVO-MGA, so
the legs of a flight always join end to start.  Places after a fan-out continue every
branch (``A-B/C-D`` is A-B-D and A-C-D).  Places are codes or names; names may contain
spaces (``New York-London``).

Hyphenated names are ambiguous: ``Port-au-Prince`` could be three places.  A piece that is a
lower-case particle (``au``, ``de``, ``sur``, ``upon``, ``on`` ...) between two others joins
them into one name, so ``Port-au-Prince-Havana`` is two places and ``Port-au-Prince`` alone
is one place (not a route).  Other hyphenated names (``Winston-Salem``,
``Petropavlovsk-Kamchatsky``) must be written in double quotes or as codes, or the caller
passes ``known=`` (a predicate saying whether a joined name is a place).

GeoJSON
-------
LineString features are flights through their vertices (named by ``properties.stops``, else
by a named Point feature at the same position, else ``"lat,lon"``).  Features with ``from``
and ``to`` properties, as :func:`routes.export.to_geojson` writes, are single legs, chained
into flights by their ``flight`` property.  A collection of Point features only is read as
one flight through the points in feature order, with a warning.

Examples
--------
>>> r = parse_route_string("SVO-HAV/MGA, Moscow-Caracas")
>>> [[s.ref.text for s in f.stops] for f in r.flights]
[['SVO', 'HAV'], ['SVO', 'MGA'], ['Moscow', 'Caracas']]
>>> [f.id for f in r.flights]
['f1', 'f2', 'f3']
>>> r = read_csv_text("flight,from,to,aircraft\\nf1,Syria,Dakar,An-124;Il-62\\nf1,Dakar,Caracas,\\n")
>>> [s.ref.text for s in r.flights[0].stops], r.flights[0].aircraft
(['Syria', 'Dakar', 'Caracas'], ('An-124', 'Il-62'))
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import _values as v
from ._csvroutes import read_csv
from ._geojsonroutes import from_geojson
from ._io import read_text
from ._values import CONVERTERS, Locator, at, coord_name, coord_pair, kind_of, make_flight
from .errors import InputError

if TYPE_CHECKING:
    import yaml
from .model import Evidence, Flight, PlaceRef, Report, replace

__all__ = [
    "ROUTE_FILE_SUFFIXES",
    "parse_route_string",
    "looks_like_route_string",
    "read_route_file",
    "read_csv_text",
    "read_yaml_text",
    "read_json_text",
    "read_geojson_text",
]

#: File name endings the route-file readers accept.
ROUTE_FILE_SUFFIXES = (".csv", ".yaml", ".yml", ".json", ".geojson")
FLIGHT_KEYS = ("id", "route", "aircraft", "date", "personnel", "cargo_tonnes", "commander", "label")
#: Most flights one route string may fan out into.
MAX_BRANCHES = 100
#: Lower-case words that join the pieces around them into one hyphenated name.
_PARTICLES = frozenset(
    "au aux en de des du di da del della la le les lès sur sous upon on am an der im y el".split()
)

_Piece = tuple[str, int, int]  # text, start, end offsets in the route string


def _scan(text: str, source: str) -> list[tuple[list[list[_Piece]], int, int]]:
    """Split into flights (``,`` or new line), groups (``-``) and alternatives (``/``)."""
    flights: list[tuple[list[list[_Piece]], int, int]] = []
    groups: list[list[_Piece]] = [[]]
    buf: list[str] = []
    start = seg_start = 0
    quoted_at: int | None = None

    def close_piece() -> None:
        raw = "".join(buf)
        body = raw.strip()
        if '"' in body.strip('"'):  # quotes may only wrap a whole name
            raise InputError(f"{_where(text, source, start)}: stray quote in {body!r}")
        lead = len(raw) - len(raw.lstrip())
        groups[-1].append((" ".join(body.replace('"', " ").split()), start + lead, start + lead + len(body)))
        buf.clear()

    for i, ch in enumerate(text + "\n"):
        if quoted_at is not None:
            if ch == '"':
                quoted_at = None
            elif ch == "\n" and i == len(text):
                raise InputError(
                    f"{_where(text, source, quoted_at)}: unclosed quote; close it with '\"'"
                )
            buf.append(ch)
            continue
        if ch == '"':
            quoted_at = i
            buf.append(ch)
        elif ch in "-/,\n":
            close_piece()
            start = i + 1
            if ch == "/":
                continue
            if ch == "-":
                groups.append([])
                continue
            if any(p[0] for g in groups for p in g):
                flights.append((groups, seg_start, i))
            groups = [[]]
            seg_start = i + 1
        else:
            buf.append(ch)
    return flights


def _join_names(groups: list[list[_Piece]], known: Callable[[str], bool] | None) -> list[list[_Piece]]:
    """Rejoin hyphenated names split at ``-``: known names first, then particles."""
    out = list(groups)
    single = lambda g: len(g) == 1 and g[0][0]  # noqa: E731
    if known is not None:
        i = 0
        while i < len(out):
            for j in range(min(len(out), i + 4), i + 1, -1):
                if all(single(g) for g in out[i:j]):
                    name = "-".join(g[0][0] for g in out[i:j])
                    if known(name):
                        out[i:j] = [[(name, out[i][0][1], out[j - 1][0][2])]]
                        break
            i += 1
    i = 1
    while i < len(out) - 1:
        if single(out[i]) and out[i][0][0] in _PARTICLES and single(out[i - 1]) and single(out[i + 1]):
            a, p, b = out[i - 1][0], out[i][0], out[i + 1][0]
            out[i - 1 : i + 2] = [[(f"{a[0]}-{p[0]}-{b[0]}", a[1], b[2])]]
        else:
            i += 1
    return out


def _where(text: str, source: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    if "\n" in text.strip():
        return f"{source}, line {line}, column {column}"
    return f"{source}, column {column}"


def parse_route_string(
    text: str, source: str = "route string", *, known: Callable[[str], bool] | None = None
) -> Report:
    """Read a route string in Great Circle Mapper syntax.

    Parameters
    ----------
    text : str
        Places joined by ``-``; ``,`` or new lines separate flights; ``/`` fans out from the
        previous place.  Double quotes keep a hyphenated name whole (``"Winston-Salem"-ATL``).
    source : str
        The input's name, used in messages and ``PlaceRef.where``.
    known : callable, optional
        ``known(name) -> bool``: whether a hyphenated name (``Petropavlovsk-Kamchatsky``) is
        one place; consecutive pieces it accepts are joined (longest first).

    Returns
    -------
    Report
        One flight per route and per fan-out branch, ids ``f1``, ``f2``, ... in order.

    Examples
    --------
    >>> r = parse_route_string("DAM-DKR-CCS")
    >>> [(s.ref.text, s.role) for s in r.flights[0].stops]
    [('DAM', 'origin'), ('DKR', 'stopover'), ('CCS', 'destination')]
    >>> [s.ref.text for s in parse_route_string("Port-au-Prince-Havana").flights[0].stops]
    ['Port-au-Prince', 'Havana']
    """
    if not text.strip():
        raise InputError(f"{source}: empty route string; write places joined by '-', e.g. SVO-HAV")
    flights: list[Flight] = []
    for groups, s0, s1 in _scan(text, source):
        segment = text[s0:s1].strip()
        for group in groups:
            for name, a, _ in group:
                if not name:
                    raise InputError(
                        f"{_where(text, source, a)}: empty place in {segment!r}; "
                        f"write places joined by '-', e.g. SVO-HAV/MGA"
                    )
        groups = _join_names(groups, known)
        branches: list[list[_Piece]] = [[]]
        for group in groups:
            branches = [b + [alt] for b in branches for alt in group]
            if len(branches) > MAX_BRANCHES:
                raise InputError(
                    f"{_where(text, source, s0)}: {segment!r} fans out into more than "
                    f"{MAX_BRANCHES} routes; split it into several routes"
                )
        if len(branches[0]) < 2:
            raise InputError(
                f"{_where(text, source, s0)}: {segment!r} names only one place; a route needs "
                f"two or more places joined by '-', e.g. SVO-HAV"
            )
        for branch in branches:
            refs = [
                PlaceRef(text=n, where=_where(text, source, a), start=a, end=b) for n, a, b in branch
            ]
            evidence = Evidence(fact="route", text=segment, start=s0, end=s1, source=source)
            label = "-".join(r.text for r in refs)
            flights.append(make_flight(f"f{len(flights) + 1}", refs, evidence=[evidence], label=label))
    if not flights:
        raise InputError(f"{source}: no route in {v.shown(text.strip())}; write places joined by '-', e.g. SVO-HAV")
    return Report(flights=tuple(flights), source=source, text=text, meta={"format": "route string"})


_WORD = re.compile(r"[^\W_][\w'’.]*", re.UNICODE)


def looks_like_route_string(text: str) -> bool:
    """Whether ``text`` reads as a route string rather than a file name or news text.

    True for one line of names or codes joined by ``-`` (with ``,`` and ``/``), each piece a
    few capitalised words or a code (not a bare number: ``An-124`` is an aircraft), without
    sentence punctuation, that parses as routes of two or more places.  A lone hyphenated
    name (``Port-au-Prince``) is one place, so not a route string.  Callers should test for
    an existing file first.

    Examples
    --------
    >>> looks_like_route_string("OSLK-GOOY-SVMI"), looks_like_route_string("svo-hav/mga")
    (True, True)
    >>> looks_like_route_string("Moscow-Havana, Moscow-Managua")
    True
    >>> looks_like_route_string("Russian-made planes landed in Caracas.")
    False
    >>> looks_like_route_string("routes.csv"), looks_like_route_string("Port-au-Prince")
    (False, False)
    """
    s = text.strip()
    if not s or "\n" in s or len(s) > 2000 or "-" not in s or s.endswith("."):
        return False
    if s.lower().endswith(ROUTE_FILE_SUFFIXES + (".txt", ".md", ".html", ".htm")):
        return False
    if re.search(r"[!?;:()\[\]{}<>|\\=@#$%^*~`+&]", s):
        return False
    for segment in s.split(","):
        if not segment.strip():
            continue
        if "-" not in segment:
            return False
        for piece in re.split(r"[-/]", segment.replace('"', "")):
            words = piece.split()
            if not words or len(words) > 4 or len(piece.strip()) > 40 or piece.strip().isdigit():
                return False  # An-124, C-17 and Tu-154 are aircraft, not routes
            for w in words:
                if not _WORD.fullmatch(w):
                    return False
                code_like = re.fullmatch(r"[a-z0-9]{2,4}", w)
                if not (w[0].isupper() or w[0].isdigit() or w in _PARTICLES or code_like):
                    return False
    try:
        parse_route_string(s)
    except InputError:
        return False
    return True


# ---------------------------------------------------------------------------- dispatch

def read_route_file(path: str | os.PathLike, *, encoding: str | None = None) -> Report:
    """Read a route file, choosing the reader by its extension.

    Parameters
    ----------
    path : str or path-like
        A ``.csv``, ``.yaml``/``.yml``, ``.json`` or ``.geojson`` file (at most 50 MB).
    encoding : str, optional
        The file's encoding; by default UTF-8 (with or without BOM) or UTF-16/32 with BOM,
        and Windows-1252 with a warning when the bytes are not UTF-8.

    Raises
    ------
    InputError
        Unknown extension, unreadable file, or bad content (the message names file:line).
    """
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    readers = {
        ".csv": read_csv_text, ".yaml": read_yaml_text, ".yml": read_yaml_text,
        ".json": read_json_text, ".geojson": read_geojson_text,
    }
    if suffix not in readers:
        raise InputError(
            f"{name}: unknown route file type {suffix or '(no extension)'!r}; "
            f"use one of {', '.join(ROUTE_FILE_SUFFIXES)}"
        )
    text, warnings = read_text(path, encoding=encoding)
    report = readers[suffix](text, name)
    return _with_warnings(report, warnings, prepend=True)


def _with_warnings(report: Report, warnings, prepend: bool = False) -> Report:
    if not warnings:
        return report
    both = (*warnings, *report.warnings) if prepend else (*report.warnings, *warnings)
    return Report(flights=report.flights, warnings=tuple(both), source=report.source,
                  text=report.text, meta=report.meta)


# ---------------------------------------------------------------------------- CSV

def read_csv_text(text: str, source: str = "route.csv") -> Report:
    """Read CSV route text: header ``flight,from,to`` and one row per leg.

    Optional columns: ``aircraft`` (types separated by ``;``, ``/``, ``+`` or ``,``),
    ``date``, ``personnel``, ``cargo_tonnes``, ``commander``, ``from_lat``, ``from_lon``,
    ``to_lat``, ``to_lon``.  Rows of one flight are its legs in order and must join end to
    start.  Flight fields come from the first row of the flight that gives them.  Blank
    rows and rows whose first cell starts with ``#`` are skipped.  A header without commas
    but with ``;`` or tabs sets that delimiter.

    Examples
    --------
    >>> r = read_csv_text("flight,from,to,to_lat,to_lon\\nf1,SVO,Somewhere,10.5,-20\\n", "x.csv")
    >>> r.flights[0].stops[1].ref
    PlaceRef(text='Somewhere', lat=10.5, lon=-20.0, where='x.csv:2', start=None, end=None, country_hint=None)
    """
    return read_csv(text, source)


# ---------------------------------------------------------------------------- YAML and JSON

def _yaml_message(exc: yaml.YAMLError, source: str) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None)
    if mark is None or problem is None:
        return f"{source}: YAML does not parse: {' '.join(str(exc).split())}"
    msg = f"{source}:{mark.line + 1}:{mark.column + 1}: YAML does not parse: {problem}"
    context, cmark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and cmark is not None:
        msg += f" ({context} on line {cmark.line + 1})"
    return msg + "; check the indentation, colons and brackets"


def read_yaml_text(text: str, source: str = "route.yaml") -> Report:
    """Read YAML route text: ``flights: [{id, route: [A, B, C], aircraft, date, ...}]``.

    A route item is a name or code, or a mapping ``{name: X, lat: .., lon: ..}``; a route
    may also be one route string (``route: SVO-HAV``).  Places get ``where`` = file:line.

    Examples
    --------
    >>> doc = '''
    ... flights:
    ...   - id: f1
    ...     route: [Syria, Dakar, {name: Caracas, lat: 10.6, lon: -66.99}]
    ...     date: 2019-03-23
    ...     personnel: 99
    ... '''
    >>> f = read_yaml_text(doc, "seed.yaml").flights[0]
    >>> f.date, f.personnel, f.stops[2].ref.lat, f.stops[2].ref.where
    ('2019-03-23', 99, 10.6, 'seed.yaml:4')
    """
    import yaml  # only route files need it; a news report should not pay for it

    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{source}: the file is empty; expected 'flights:' with one item per flight")
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise InputError(_yaml_message(exc, source)) from None
    except RecursionError:
        raise InputError(f"{source}: the YAML is nested too deeply to be a route file") from None
    v.check_strings(data, source, Locator(root))
    return _from_data(data, source, Locator(root), "yaml")


def _json_load(text: str, source: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}:{exc.lineno}:{exc.colno}: JSON does not parse: {exc.msg}; "
            f"check the commas, quotes and brackets"
        ) from None
    except RecursionError:
        raise InputError(f"{source}: the JSON is nested too deeply to be a route file") from None


def _json_document(text: str, source: str, expected: str) -> tuple[object, Locator]:
    """The parsed JSON of a route file, with line numbers for its values; its strings
    checked.  ``expected`` says what an empty file should have held."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{source}: the file is empty; expected {expected}")
    data = _json_load(text, source)
    loc = _json_locator(text)
    v.check_strings(data, source, loc)
    return data, loc


def _json_locator(text: str) -> Locator:
    """JSON is (nearly always) YAML, so YAML's node marks give line numbers."""
    import yaml

    if len(text) > 5_000_000:
        return Locator(None)
    try:
        return Locator(yaml.compose(text, Loader=yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        return Locator(None)


def read_json_text(text: str, source: str = "route.json") -> Report:
    """Read JSON route text: the YAML structure, or GeoJSON (by its ``type``).

    >>> r = read_json_text('{"flights": [{"route": ["SVO", "HAV"], "cargo_tonnes": 35}]}')
    >>> r.flights[0].id, r.flights[0].cargo_tonnes
    ('f1', 35.0)
    """
    data, loc = _json_document(text, source, '{"flights": [...]} or GeoJSON')
    if isinstance(data, dict) and data.get("type") in ("FeatureCollection", "Feature"):
        return from_geojson(data, source, loc)
    return _from_data(data, source, loc, "json")


def read_geojson_text(text: str, source: str = "route.geojson") -> Report:
    """Read a GeoJSON FeatureCollection (or one Feature) of flights (see the module notes).

    Examples
    --------
    >>> doc = {"type": "Feature", "properties": {"id": "a", "stops": ["PKC", "ANC"]},
    ...        "geometry": {"type": "LineString", "coordinates": [[158.45, 53.17], [-149.99, 61.17]]}}
    >>> f = read_geojson_text(json.dumps(doc)).flights[0]
    >>> f.id, [(s.ref.text, s.ref.lat, s.ref.lon) for s in f.stops]
    ('a', [('PKC', 53.17, 158.45), ('ANC', 61.17, -149.99)])
    """
    data, loc = _json_document(text, source, "a GeoJSON FeatureCollection")
    return from_geojson(data, source, loc)


_EXTRA_TOP = ("title", "description", "source", "notes")


def _from_data(data: object, source: str, loc: Locator, fmt: str) -> Report:
    def here(*path):
        return at(source, loc, path)

    example = "flights: [{id: f1, route: [SVO, HAV]}]"
    if data is None:
        raise InputError(f"{source}: the file has no data; expected {example}")
    if not isinstance(data, dict):
        raise InputError(
            f"{here()}: the top level is a {kind_of(data)}; expected a mapping with a 'flights' "
            f"list, e.g. {example}"
        )
    if "flights" not in data:
        keys = ", ".join(repr(str(k)) for k in data) or "nothing"
        raise InputError(f"{here()}: no 'flights' at the top level (found {keys}); expected {example}")
    warnings: list[str] = []
    other = [str(k) for k in data if k != "flights" and k not in _EXTRA_TOP]
    if other:
        warnings.append(f"{here()}: ignoring top-level key(s) {', '.join(map(repr, other))}")
    items = data["flights"] if data["flights"] is not None else []
    if not isinstance(items, list):
        raise InputError(
            f"{here('flights')}: 'flights' is a {kind_of(items)}; expected a list with one item per flight"
        )
    flights: list[Flight] = []
    seen: dict[str, str] = {}
    for i, item in enumerate(items):
        w = here("flights", i)
        if not isinstance(item, dict):
            raise InputError(
                f"{w}: flight {i + 1} is a {kind_of(item)}; expected a mapping such as "
                f"{{id: f1, route: [SVO, HAV]}}"
            )
        unknown = [str(k) for k in item if k not in FLIGHT_KEYS]
        if unknown:
            warnings.append(
                f"{w}: ignoring unknown key(s) {', '.join(map(repr, unknown))}; "
                f"known: {', '.join(FLIGHT_KEYS)}"
            )
        fid = v.to_text(item.get("id"), here("flights", i, "id"), "id") or f"f{i + 1}"
        if fid in seen:
            raise InputError(f"{w}: flight id {fid!r} is used twice (first at {seen[fid]}); give each flight its own id")
        seen[fid] = w
        refs = _data_refs(item.get("route"), fid, ("flights", i, "route"), source, loc, warnings)
        fields = {
            name: convert(item.get(name), here("flights", i, name), name)
            for name, convert in CONVERTERS
        }
        label = v.to_text(item.get("label"), here("flights", i, "label"), "label")
        flights.append(make_flight(fid, refs, label=label, **fields))
    if not flights:
        warnings.append(f"{source}: 'flights' is empty; the file describes no flight")
    meta = {"format": fmt, **{k: data[k] for k in _EXTRA_TOP if k in data}}
    return Report(flights=tuple(flights), warnings=tuple(warnings), source=source, meta=meta)


def _data_refs(route, fid: str, path: tuple, source: str, loc: Locator, warnings) -> list[PlaceRef]:
    where = at(source, loc, path)
    valid = "give a list of two or more places, e.g. route: [SVO, HAV]"
    if route is None:
        raise InputError(f"{where}: flight {fid} has no route; {valid}")
    if isinstance(route, str):
        sub = parse_route_string(route, source=where)
        if len(sub.flights) != 1:
            raise InputError(f"{where}: flight {fid}'s route {v.shown(route)} is several routes; {valid}")
        return [replace(s.ref, where=where, start=None, end=None) for s in sub.flights[0].stops]
    if not isinstance(route, list):
        raise InputError(f"{where}: flight {fid}'s route is a {kind_of(route)}; {valid}")
    refs = []
    for j, item in enumerate(route):
        w = at(source, loc, path + (j,))
        if isinstance(item, dict):
            unknown = [str(k) for k in item if k not in ("name", "code", "lat", "lon")]
            if unknown:
                warnings.append(f"{w}: ignoring unknown key(s) {', '.join(map(repr, unknown))}; known: name, code, lat, lon")
            lat, lon = coord_pair(item.get("lat"), item.get("lon"), w, "")
            name = v.to_text(item.get("name", item.get("code")), w, "name")
            if name is None and lat is None:
                raise InputError(f"{w}: a route place needs a name or lat and lon, e.g. {{name: Dakar}}")
            refs.append(PlaceRef(text=name or coord_name(lat, lon), lat=lat, lon=lon, where=w))
        elif isinstance(item, (str, int, float)):
            # YAML 1.1 reads NO (Norway) as false and 747 as a number: keep the text as written.
            raw = item if isinstance(item, str) else loc.raw(path + (j,)) or str(item)
            name = " ".join(raw.split())
            if not name:
                raise InputError(f"{w}: empty place in flight {fid}'s route; {valid}")
            refs.append(PlaceRef(text=name, where=w))
        else:
            raise InputError(f"{w}: route place {v.shown(item)} is not a name or {{name, lat, lon}}; {valid}")
    if len(refs) < 2:
        raise InputError(f"{where}: flight {fid}'s route has {len(refs)} place(s); {valid}")
    return refs

