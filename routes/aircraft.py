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
    "gulfstream": "",
    "kawasaki": "",
}
#: Maker words that may stand in front of a designation in text ("Antonov An-124").
_MAKER_WORDS = frozenset(
    "antonov ilyushin tupolev yakovlev beriev boeing airbus lockheed martin mcdonnell douglas "
    "xian embraer casa beechcraft beech gulfstream kawasaki".split()
)
#: A variant written after a designation, inside its last word: Il-76MD, Tu-95MS, C-130J, Tu-160s.
_LETTER_VARIANT = re.compile(r"(?<=\d)(?:[A-Z]{1,3}\d?|s)$")
#: A numeric variant after a hyphen: Il-96-300, 747-400F.
_NUMBER_VARIANT = re.compile(r"\d{2,3}[A-Z]{0,2}$")
#: Words of text: runs of letters and digits (what stands between them is looked at apart).
_ATOM = re.compile(r"[^\W_]+")
_HYPHENS = "-\u2010\u2011\u2013"
_HYPHEN_CLASS = r"\-\u2010\u2011\u2013"
_MAX_ATOMS = 7
#: Cyrillic letters of designation prefixes written in Russian ("Ан-124", "Ил-76", "Ту-154",
#: "Ми-8", "Су-24", "Ка-52", "Бе-200"), read as the Latin letters they stand for.
_CYRILLIC = str.maketrans("АнИлТуМиСКаБеДВ", "AnIlTuMiSKaBeDV")
_NAME_AFTER = re.compile(
    r"\s+(?:Super\s+)?(?:Ruslan|Antei|Globemaster(?:\s+III)?|Galaxy|Hercules|Atlas|Mriya"
    r"|Stratotanker|Millennium|Kunpeng)\b"
)

#: A surname after a one-word name ("Ruslan Yakupov"): the name is a person's.
_PERSON_NAME = re.compile(
    r" (?!(?:Super|III|II|Airlines?|Air|Cargo|Aviation|Airways|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul"
    r"|Aug|Sep|Sept|Oct|Nov|Dec)\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b(?![-\d])")


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
            elif len(words) == 1:
                out.append(word)  # a maker alone ("Tupolev") names no type
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


def _text_key(name: str) -> str:
    """How a name is matched in text: lower case, apostrophes and hyphens dropped, spaces
    kept ("An-124" -> "an124", "Antonov 124" -> "antonov 124", "Xi'an Y-20" -> "xian y20")."""
    return " ".join(re.sub(rf"['\u2019{_HYPHEN_CLASS}]", "", name.lower()).split())


@functools.cache
def _text_names() -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """Text keys of every designation, alias and name: ``key -> ((first character,
    designation, takes a variant), ...)``.  Names that are only digits ("747") are left
    out: alone, they are too often a plain number."""
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for kind in types():
        for name in (kind.designation, *kind.aliases, kind.name):
            if name.isdigit():
                continue
            entry = (name[0], kind.designation, name[-1].isdigit() or name.endswith("M"))
            bucket = out.setdefault(_text_key(name), [])
            if entry not in bucket:
                bucket.append(entry)
    return {k: tuple(v) for k, v in out.items()}


def _keys(text: str, atoms: list[re.Match], i: int, j: int):
    """The text keys atoms ``i..j`` may stand for: a hyphen between two atoms may be part of
    a designation ("An-124", joined) or stand for a space ("Antonov-124")."""
    keys = [atoms[i].group().lower()]
    for a, b in zip(atoms[i:j], atoms[i + 1:j + 1]):
        gap = text[a.end():b.start()]
        word = b.group().lower()
        if gap in ("'", "\u2019"):
            keys = [k + word for k in keys]
        elif gap and gap in _HYPHENS:
            keys = [k + sep + word for k in keys for sep in ("", " ")]
        elif (gap == " " and a is atoms[i] and a.group().isalpha() and len(a.group()) <= 3 and word[:1].isdigit()
              and not re.match(r"-[^\W\d]", text[b.end():b.end() + 2])):  # not "An 18-year-old"
            keys = [k + sep + word for k in keys for sep in ("", " ")]  # "An 124-100", "Il 76"
        else:
            keys = [k + " " + word for k in keys]
    return keys


def _joined(text: str, a: re.Match, b: re.Match) -> bool:
    """Whether two neighbouring atoms may belong to one aircraft name."""
    gap = text[a.end():b.start()]
    return gap in ("'", "\u2019") or (len(gap) == 1 and gap in _HYPHENS) or (
        gap.isspace() and gap.count("\n") < 2 and len(gap) < 3)


def _name_at(text: str, atoms: list[re.Match], i: int, last: int) -> tuple[int, str] | None:
    """The longest aircraft name starting at atom ``i`` (ending at or before ``last``):
    ``(index of its last atom, designation)``."""
    names = _text_names()
    first = atoms[i].group()[0]
    for j in range(last, i - 1, -1):
        for key in _keys(text, atoms, i, j):
            for lead, designation, _ in names.get(key, ()):
                if lead == first:
                    return j, designation
        # A variant in the last word: "Il-76MD", "Tu-160s", or after a hyphen: "Il-96-300".
        word = atoms[j].group()
        v = _LETTER_VARIANT.search(word)
        if v and v.start() > 0:
            stem = text[atoms[i].start():atoms[j].start() + v.start()]
            hit = _variant_of(stem, first)
            if hit:
                return j, hit
        gap = text[atoms[j - 1].end():atoms[j].start()] if j > i else ""
        if len(gap) == 1 and gap in _HYPHENS and _NUMBER_VARIANT.fullmatch(word):
            for key in _keys(text, atoms, i, j - 1):
                for lead, designation, takes in names.get(key, ()):
                    if lead == first and takes:
                        return j, designation
    return None


def _variant_of(stem: str, first: str) -> str | None:
    keys = {_text_key(stem), _text_key(re.sub(rf"[{_HYPHEN_CLASS}]", " ", stem))}
    if re.fullmatch(r"[^\W\d]{1,3} \d+", stem):
        keys.add(_text_key(stem.replace(" ", "")))  # "Tu 154M"
    for key in keys:
        for lead, designation, takes in _text_names().get(key, ()):
            if lead == first and takes:
                return designation
    return None


def find_in_text(text: str) -> list[tuple[int, int, AircraftType]]:
    """The aircraft types mentioned in ``text``: ``(start, end, type)`` in text order.

    ``text[start:end]`` is the mention as written, maker word included ("Antonov An-124").
    Names are matched word by word against the table (no regex per name): the first letter
    as written ("be 200" is no Be-200), the rest in either case, hyphens optional where a
    designation has them ("AN124", "A-400M"), and a variant may follow ("Il-76MD").
    """
    by_designation = {k.designation: k for k in types()}
    text = text.translate(_CYRILLIC)  # "Ан-124", "Ил-76": same length, same spans
    atoms = list(_ATOM.finditer(text))
    out: list[tuple[int, int, AircraftType]] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if not (a.group()[0].isupper() or a.group()[0].isdigit()) or (
                a.start() > 0 and (text[a.start() - 1] in _HYPHENS or text[a.start() - 1].isalnum())):
            i += 1
            continue
        last = i
        while last + 1 < len(atoms) and last - i < _MAX_ATOMS - 1 and _joined(text, atoms[last], atoms[last + 1]):
            last += 1
        found = None
        # A maker word in front ("Antonov An-124", "Lockheed Martin C-130J") joins the match.
        k = i
        while k < last and atoms[k].group().lower() in _MAKER_WORDS:
            k += 1
            hit = _name_at(text, atoms, k, last)
            if hit:
                found = hit
                break
        if found is None:
            found = _name_at(text, atoms, i, last)
        if found is None:
            i += 1
            continue
        j, designation = found
        end = atoms[j].end()
        if j == i and _PERSON_NAME.match(text, end) and a.group().isalpha() and not a.group().isupper():
            # "Colonel Ruslan Yakupov": a given name that is also a type's nickname.
            i += 1
            continue
        # Take the type's own name when it follows ("An-124 Ruslan", "C-17 Globemaster III").
        follow = _NAME_AFTER.match(text, end)
        if follow:
            end = follow.end()
        out.append((a.start(), end, by_designation[designation]))
        i = j + 1
        while i < len(atoms) and atoms[i].start() < end:
            i += 1
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
