"""Building blocks of the route-file readers: checking and converting values, and places.

Each ``to_*`` function takes the raw value (a string from CSV, or whatever YAML/JSON gave), where it
was (``routes.csv:4``) and the field's name, and returns the clean value or ``None`` for an
empty one; a bad value raises :class:`~routes.errors.InputError` naming the value, the
place and what would be valid.

Examples
--------
>>> to_date("23 March 2019", "r.csv:2")
'2019-03-23'
>>> to_int("1,200", "r.csv:2", "personnel")
1200
>>> to_aircraft("An-124; Il-62 / Il-76", "r.csv:2")
('An-124', 'Il-62', 'Il-76')
"""

from __future__ import annotations

import datetime as dt
import math
import re
import reprlib
from typing import TYPE_CHECKING

from .errors import InputError
from .model import Flight, PlaceRef, Stop

if TYPE_CHECKING:
    import yaml

__all__ = [
    "is_empty", "to_int", "to_float", "to_date", "to_aircraft", "to_text", "to_coord",
    "CONVERTERS", "make_flight", "norm_name", "coord_pair", "coord_name", "Locator", "at",
    "kind_of", "shown", "check_strings",
]

_MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|[+-]?\.\d+")


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number(value: object, where: str, field: str, valid: str) -> float | None:
    if is_empty(value):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InputError(f"{where}: {field} {shown(value)} is not a number; {valid}")
    shown = value.strip() if isinstance(value, str) else value
    if isinstance(value, str):
        s = value.strip().replace("_", "").replace("\u202f", "").replace("\u00a0", "")
        if not _NUMBER.fullmatch(s):
            raise InputError(f"{where}: {field} {shown!r} is not a number; {valid}")
        value = float(s.replace(",", ""))
    number = float(value)
    if not math.isfinite(number) or number < 0:
        raise InputError(f"{where}: {field} {shown!r} must be zero or more; {valid}")
    return number


def to_int(value: object, where: str, field: str = "personnel") -> int | None:
    """A count of zero or more (``99``, ``1,200``, ``99.0``), or None if empty."""
    valid = "give a whole number such as 99, or leave it empty"
    number = _number(value, where, field, valid)
    if number is None:
        return None
    if number != int(number):
        raise InputError(f"{where}: {field} {shown(value)} is not a whole number; {valid}")
    return int(number)


def to_float(value: object, where: str, field: str = "cargo_tonnes") -> float | None:
    """A quantity of zero or more (``35``, ``35.5``), or None if empty."""
    valid = "give metric tonnes such as 35 or 35.5, or leave it empty"
    return _number(value, where, field, valid)


def to_date(value: object, where: str, field: str = "date") -> str | None:
    """An ISO date ``YYYY-MM-DD`` from the common ways of writing one, or None if empty.

    Accepted: ``2019-03-23`` (with or without a time after it), ``2019/03/23``,
    ``23.03.2019``, ``23 March 2019``, ``March 23, 2019``, ``23 Mar 2019``, and ``23/03/2019``
    or ``03/23/2019`` when the day is over 12 (else the order is ambiguous).

    >>> to_date("March 23, 2019", "x"), to_date("23/03/2019", "x")
    ('2019-03-23', '2019-03-23')
    """
    if is_empty(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    valid = "write it as YYYY-MM-DD, e.g. 2019-03-23"
    s = " ".join(str(value).split())
    ymd: tuple[int, int, int] | None = None
    if m := re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?", s):
        ymd = (int(m[1]), int(m[2]), int(m[3]))
    elif m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s):
        ymd = (int(m[3]), int(m[2]), int(m[1]))
    elif m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? (\d{4})", s):
        ymd = (int(m[3]), _month(m[2], s, where, field), int(m[1]))
    elif m := re.fullmatch(r"([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", s):
        ymd = (int(m[3]), _month(m[1], s, where, field), int(m[2]))
    elif m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s):
        a, b = int(m[1]), int(m[2])
        if a > 12 >= b:
            ymd = (int(m[3]), b, a)
        elif b > 12 >= a or a == b:
            ymd = (int(m[3]), a, b)
        else:
            raise InputError(f"{where}: {field} {s!r} is ambiguous (day/month or month/day); {valid}")
    if ymd is None:
        raise InputError(f"{where}: {field} {s!r} is not a date; {valid}")
    try:
        return dt.date(*ymd).isoformat()
    except ValueError:
        raise InputError(f"{where}: {field} {s!r} is not a real date; {valid}") from None


def _month(name: str, s: str, where: str, field: str) -> int:
    try:
        return _MONTHS[name.lower()]
    except KeyError:
        raise InputError(
            f"{where}: {field} {s!r} has no month {name!r}; write it as YYYY-MM-DD, e.g. 2019-03-23"
        ) from None


def to_aircraft(value: object, where: str, field: str = "aircraft") -> tuple[str, ...]:
    """Aircraft types: a list, or one string with ``;`` ``/`` ``+`` or ``,`` between types."""
    if is_empty(value):
        return ()
    if isinstance(value, (list, tuple)):
        items = [str(x).strip() for x in value if not is_empty(x)]
        if any(isinstance(x, (dict, list)) for x in value):
            raise InputError(f"{where}: {field} must be a list of type names, e.g. [An-124, Il-62]")
    elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
        items = [x.strip() for x in re.split(r"[;/+,]", str(value))]
    else:
        raise InputError(f"{where}: {field} {shown(value)} is not a type name; e.g. An-124; Il-62")
    out: list[str] = []
    for item in items:
        item = " ".join(item.split())
        if item and item not in out:
            out.append(item)
    return tuple(out)


def to_text(value: object, where: str, field: str) -> str | None:
    """A short free text (a commander's name), or None if empty."""
    if is_empty(value):
        return None
    if isinstance(value, (dict, list, tuple, bool)):
        raise InputError(f"{where}: {field} must be a plain text, not {shown(value)}")
    return " ".join(str(value).split())


def to_coord(value: object, where: str, field: str) -> float | None:
    """A latitude (``field`` containing "lat") or longitude in WGS84 degrees, or None."""
    is_lat = "lat" in field
    limit = 90.0 if is_lat else 180.0
    valid = f"{'latitude' if is_lat else 'longitude'} is decimal degrees from -{limit:g} to {limit:g}"
    if is_empty(value):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InputError(f"{where}: {field} {shown(value)} is not a number; {valid}")
    try:
        number = float(value)
    except ValueError:
        raise InputError(f"{where}: {field} {str(value).strip()!r} is not a number; {valid}") from None
    if not math.isfinite(number) or abs(number) > limit:
        raise InputError(f"{where}: {field} {shown(value)} is out of range; {valid}")
    return number


# ---------------------------------------------------------------- building blocks of readers

#: The flight fields every reader takes, with their converters.
CONVERTERS = (
    ("aircraft", to_aircraft),
    ("date", to_date),
    ("personnel", to_int),
    ("cargo_tonnes", to_float),
    ("commander", to_text),
)


def make_flight(fid: str, refs: list[PlaceRef], *, evidence=(), **fields) -> Flight:
    """A Flight through ``refs`` with stop roles origin, stopover..., destination."""
    last = len(refs) - 1
    stops = tuple(
        Stop(ref=r, role="origin" if i == 0 else "destination" if i == last else "stopover")
        for i, r in enumerate(refs)
    )
    return Flight(id=fid, stops=stops, evidence=tuple(evidence), **fields)


def norm_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def coord_pair(lat: object, lon: object, where: str, prefix: str) -> tuple[float | None, float | None]:
    la = to_coord(lat, where, f"{prefix}lat")
    lo = to_coord(lon, where, f"{prefix}lon")
    if (la is None) != (lo is None):
        raise InputError(f"{where}: {prefix}lat and {prefix}lon go together; give both or neither")
    return la, lo


def coord_name(lat: float, lon: float) -> str:
    """The name of an unnamed point: ``"lat,lon"`` to 4 decimals."""
    return f"{round(lat, 4):g},{round(lon, 4):g}"


class Locator:
    """Line numbers (and raw scalar text) of values, from a YAML node tree."""

    def __init__(self, root: yaml.Node | None):
        self.root = root

    def node(self, path: tuple) -> yaml.Node | None:
        if self.root is None:
            return None
        import yaml  # loaded already: the tree came from yaml.compose

        node = self.root
        for key in path:
            if isinstance(node, yaml.MappingNode):
                node = next(
                    (val for k, val in node.value
                     if isinstance(k, yaml.ScalarNode) and k.value == str(key)),
                    None,
                )
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
            else:
                return None
        return node

    def line(self, path: tuple) -> int | None:
        """The line of the value at ``path``, else of its nearest enclosing value."""
        for end in range(len(path), -1, -1):
            node = self.node(path[:end])
            if node is not None:
                return node.start_mark.line + 1
        return None

    def raw(self, path: tuple) -> str | None:
        node = self.node(path)
        if node is None:
            return None
        import yaml

        return node.value if isinstance(node, yaml.ScalarNode) else None


def at(source: str, loc: Locator, path: tuple) -> str:
    line = loc.line(path)
    if line is not None:
        return f"{source}:{line}"
    if not path:
        return source
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return f"{source} ({text})"


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 80
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict, _REPR.maxtuple = 2, 4, 4, 4


def shown(value: object) -> str:
    """``repr(value)`` cut short for a message: a value nested or long (a YAML alias bomb,
    a megabyte cell) is shown by its start, so an error stays one readable line.

    >>> shown([[[1, 2, 3, 4, 5, 6]]])
    '[[[...]]]'
    >>> len(shown("x" * 10_000)) <= 80
    True
    """
    return _REPR.repr(value)


#: Characters no text value may hold: C0 controls but tab and line ends, and lone surrogates
#: (JSON's "\\ud800" escapes give them; they cannot be written as UTF-8 nor put in XML).
_BAD_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def check_strings(data: object, source: str, loc: Locator) -> None:
    """Raise InputError at the first key or text in parsed YAML/JSON ``data`` holding a
    control character or a lone surrogate (see :data:`_BAD_CHAR`).

    Containers shared through YAML aliases are visited once.

    >>> check_strings({"flights": [{"id": "a\\x07"}]}, "r.json", Locator(None))
    Traceback (most recent call last):
    ...
    routes.errors.InputError: r.json (flights[0].id): text 'a\\x07' holds the control character U+0007; remove it
    """
    seen: set[int] = set()
    stack: list[tuple[object, tuple]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            bad = _BAD_CHAR.search(value)
            if bad is not None:
                what = "control character" if bad.group() < "\ud800" else "lone surrogate"
                raise InputError(
                    f"{at(source, loc, path)}: text {shown(value)} holds the {what} "
                    f"U+{ord(bad.group()):04X}; remove it"
                )
        elif isinstance(value, (dict, list)):
            if id(value) in seen:
                continue
            seen.add(id(value))
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in reversed(list(items)):
                stack.append((item, path + (key,)))
                if isinstance(key, str):
                    stack.append((key, path))


def kind_of(value: object) -> str:
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return f"text {value[:40]!r}"
    return type(value).__name__

