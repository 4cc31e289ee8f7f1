"""Aircraft types: names and aliases, cruise speed, range and payload.

The table is ``routes/data/aircraft.csv`` (sources in its header).  It is read on first use
and cached.  :func:`lookup` is tolerant of spelling (``AN124``, ``Ilyushin-62``,
``Il-62M``, ``Boeing 747-400F``); :func:`find_in_text` finds the types a text mentions.

Examples
--------
>>> lookup("Antonov An-124 Ruslan").designation
'An-124'
>>> lookup("Il-62M").designation, lookup("747").designation
('Il-62', 'Boeing 747')
>>> [(text[s:e], t.designation) for text in ["An Il-76MD and a C-17 landed."]
...  for s, e, t in find_in_text(text)]
[('Il-76MD', 'Il-76'), ('C-17', 'C-17')]
>>> round(range_km_at(lookup("C-17"), 0.0))
11540
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources

__all__ = ["AircraftType", "types", "lookup", "find_in_text", "range_km_at"]

Kilometres = float
Tonnes = float

#: Manufacturer words and the prefix their designations use ("Ilyushin 62" is "Il-62").
_MAKERS = {
    "antonov": "an",
    "ilyushin": "il",
    "tupolev": "tu",
    "yakovlev": "yak",
    "beriev": "be",
    "boeing": "",
    "airbus": "",
    "lockheed": "",
    "martin": "",
    "mcdonnell": "",
    "douglas": "",
    "xian": "",
    "shaanxi": "",
    "embraer": "",
    "casa": "",
    "transall": "",
}
_MAKER_RE = r"(?:Antonov|Ilyushin|Tupolev|Yakovlev|Beriev|Boeing|Airbus|Lockheed(?:\s+Martin)?|McDonnell\s+Douglas|Xian|Xi'an|Embraer|CASA)"
#: A variant suffix after a designation: Il-96-300, 747-400F, Il-62M, Tu-95MS, C-130J, Tu-160s.
_VARIANT = r"(?:-\d{2,3}[A-Z]{0,2}\b|[A-Z]{1,3}\d?(?![a-z])|s\b)?"
_NAME_AFTER = re.compile(
    r"\s+(?:Super\s+)?(?:Ruslan|Antei|Globemaster(?:\s+III)?|Galaxy|Hercules|Atlas|Mriya"
    r"|Stratotanker|Millennium|Kunpeng)\b"
)


@dataclass(frozen=True)
class AircraftType:
    """One aircraft type and its rough performance figures."""

    designation: str  # canonical: "An-124", "Il-62", "Boeing 747"
    name: str
    aliases: tuple[str, ...]
    role: str
    cruise_kmh: float
    range_km: Kilometres  # with max_payload_t on board
    ferry_range_km: Kilometres  # empty
    max_payload_t: Tonnes
    source: str


@functools.cache
def types() -> tuple[AircraftType, ...]:
    """Every type in ``routes/data/aircraft.csv``, in file order."""
    text = resources.files("routes.data").joinpath("aircraft.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO("\n".join(l for l in text.splitlines() if not l.startswith("#"))))
    return tuple(
        AircraftType(
            designation=r["designation"],
            name=r["name"],
            aliases=tuple(a.strip() for a in r["aliases"].split("|") if a.strip()),
            role=r["role"],
            cruise_kmh=float(r["cruise_kmh"]),
            range_km=float(r["range_km"]),
            ferry_range_km=float(r["ferry_range_km"]),
            max_payload_t=float(r["max_payload_t"]),
            source=r["source"],
        )
        for r in rows
    )


def _compact(name: str) -> str:
    """Lower case, maker words turned into prefixes, and nothing but letters and digits."""
    words = re.split(r"[\s_]+", name.strip().lower().replace("xi'an", "xian"))
    out = []
    for i, word in enumerate(words):
        head = re.match(r"[a-z]+", word)
        if head and head.group() in _MAKERS:
            # "Antonov An-124" keeps one prefix; "Ilyushin-62" becomes "il62".
            nxt = words[i + 1] if i + 1 < len(words) else ""
            rest = word[head.end():]
            prefix = _MAKERS[head.group()]
            if rest or (nxt and nxt[:1].isdigit()):
                out.append(prefix + rest)
            continue
        out.append(word)
    return re.sub(r"[^a-z0-9]", "", "".join(out))


@functools.cache
def _index() -> dict[str, AircraftType]:
    index: dict[str, AircraftType] = {}
    for kind in types():
        for name in (kind.designation, kind.name, *kind.aliases):
            index.setdefault(_compact(name), kind)
    return index


def _pattern(name: str) -> str:
    """A regex for one name as written in news text: hyphens optional between letters and
    digits, spaces flexible, the maker word optional in front."""
    parts = re.findall(r"[A-Za-z']+|\d+|[^A-Za-z\d\s]+|\s+", name)
    out = []
    for prev, part in zip([None, *parts], parts):
        if part.isspace():
            out.append(r"[\s-]+")
        elif part == "-":
            out.append(r"[-\u2010\u2011\u2013]?")
        elif re.fullmatch(r"[^A-Za-z\d]+", part):
            out.append(re.escape(part))
        else:
            if prev is not None and not prev.isspace() and prev != "-":
                out.append(r"[-\u2010\u2011\u2013]?")  # "A400M" or "A-400M"
            # First letter as written (case-sensitive: keeps "be 200" out), the rest either case.
            out.append(re.escape(part[0]) + "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in part[1:]))
    return "".join(out)


@functools.cache
def _text_regex() -> re.Pattern[str]:
    names: list[tuple[str, str]] = []
    for kind in types():
        for name in (kind.designation, *kind.aliases):
            if name.isdigit():
                continue  # "747" alone is too often a plain number
            names.append((name, kind.designation))
        if kind.name not in {n for n, _ in names}:
            names.append((kind.name, kind.designation))
    names.sort(key=lambda n: -len(n[0]))
    groups = []
    for i, (name, _) in enumerate(names):
        tail = _VARIANT if name[-1].isdigit() or name.endswith("M") else ""
        groups.append(f"(?P<n{i}>{_pattern(name)}{tail})")
    regex = rf"(?<![\w-])(?:{_MAKER_RE}[\s-]+)?(?:{'|'.join(groups)})(?![\w])"
    _text_regex.names = names  # type: ignore[attr-defined]
    return re.compile(regex)


def find_in_text(text: str) -> list[tuple[int, int, AircraftType]]:
    """The aircraft types mentioned in ``text``: ``(start, end, type)`` in text order.

    ``text[start:end]`` is the mention as written, maker word included ("Antonov An-124").
    """
    regex = _text_regex()
    names = _text_regex.names  # type: ignore[attr-defined]
    by_designation = {k.designation: k for k in types()}
    out: list[tuple[int, int, AircraftType]] = []
    for m in regex.finditer(text):
        if out and m.start() < out[-1][1]:
            continue  # inside the type name taken with the previous mention
        group = next(g for g, v in m.groupdict().items() if v is not None)
        kind = by_designation[names[int(group[1:])][1]]
        end = m.end()
        # Take the type's own name when it follows ("An-124 Ruslan", "C-17 Globemaster III").
        follow = _NAME_AFTER.match(text, end)
        if follow:
            end = follow.end()
        out.append((m.start(), end, kind))
    return out


def lookup(name: str) -> AircraftType | None:
    """The aircraft type called ``name`` (designation, name, alias or variant), else None.

    Examples
    --------
    >>> lookup("AN124").designation, lookup("Ilyushin-62").designation
    ('An-124', 'Il-62')
    >>> lookup("C-17 Globemaster III").designation, lookup("Tu-95MS").designation
    ('C-17', 'Tu-95')
    >>> lookup("Cessna 172") is None
    True
    """
    if not name or not name.strip():
        return None
    hit = _index().get(_compact(name))
    if hit is not None:
        return hit
    found = find_in_text(name.strip())
    if found:
        return found[0][2]
    # "IL76MD", "TU154M": a known designation followed by variant letters.
    compact = _compact(name)
    m = re.fullmatch(r"([a-z]*\d+)[a-z]{1,3}\d?", compact)
    if m and m.group(1) in _index():
        return _index()[m.group(1)]
    return None


def range_km_at(kind: AircraftType, payload_t: float | None) -> Kilometres:
    """A rough range estimate for ``kind`` carrying ``payload_t`` tonnes.

    Linear interpolation between the ferry range (no payload) and the range with maximum
    payload; real payload-range curves are not straight lines and depend on fuel reserves,
    winds and altitude, so treat the figure as an order of magnitude for plausibility checks.
    ``None`` counts as no payload; payloads beyond the maximum give the range at maximum.

    Examples
    --------
    >>> c17 = lookup("C-17")
    >>> range_km_at(c17, c17.max_payload_t) == c17.range_km
    True
    >>> c17.range_km < range_km_at(c17, 35.0) < c17.ferry_range_km
    True
    """
    payload = max(0.0, min(float(payload_t or 0.0), kind.max_payload_t))
    share = payload / kind.max_payload_t if kind.max_payload_t else 1.0
    return kind.ferry_range_km - (kind.ferry_range_km - kind.range_km) * share
