"""Find the places a text names: every span that is a known place, in text order.

The scan is deliberately strict, because its output becomes flight routes:

* a name must be written capitalised ("Dakar", "Cape Verde", "Bangui M'Poko"; small
  linking words such as "of", "de", "al" may stay lower case inside it);
* the words of a name must follow each other with only spaces between them (no comma,
  no sentence break);
* towns too small to be in GeoNames' cities15000 are not scanned, nor names on the stop
  list of common capitalised English words (``routes/data/gazetteer_stopwords.txt``:
  "March", "Chief", "Forces" ...), nor demonyms ("Russian" is not a place);
* an all-capitals token of 3 or 4 letters is read as an IATA or ICAO code when it is one,
  unless it is a common acronym (``routes/data/gazetteer_acronyms.txt``: "PMC", "NATO");
* phrases naming a capital ("the Senegalese capital", "capital of Venezuela",
  "Syria's capital") are places too;
* the longest name wins, matches never overlap, and a following "air base",
  "airport" ... joins the match (and makes it an airport);
* a name that is part of a longer name of something else is skipped: one followed by
  "palace", "street", "agreement" ..., and a one-word name next to a capitalised word
  that is not a place ("Lloyd Austin", "Washington Post").

Candidates come from :func:`routes.gazetteer.lookup`, so scan and lookup rank alike.

Examples
--------
>>> [m.text for m in scan("In March the An-124 flew from the Senegalese capital to Caracas.")]
['the Senegalese capital', 'Caracas']
>>> scan("They landed at Hmeimim air base.")[0].candidates[0].icao
'OSLK'
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Place
from .index import Index, get_index
from .lookup import QUERY_SUFFIXES, lookup
from .text import Token, tokens

__all__ = ["Match", "scan"]

#: Lower-case words allowed inside a capitalised name ("Bay of Islands", "Rio de Janeiro").
CONNECTORS = frozenset(
    "of de del da do dos das la le les el al and y sur on upon am der di du es en au aux "
    "bin ibn".split()
)
#: Lower-case words a capital phrase may start with.
PHRASE_STARTS = frozenset({"the", "capital"})
#: Abbreviations whose full stop does not end a name ("St. Petersburg").
_ABBREVIATIONS = frozenset({"st", "ste", "ft", "mt", "pt"})
#: Words after a name that show it names something else ("Miraflores palace").
NOT_A_PLACE_BEFORE = frozenset(
    "palace street square avenue road boulevard hotel prison stadium hospital university "
    "college school church cathedral mosque bridge park club group agreement accord "
    "declaration treaty protocol format process talks summit".split()
)
_FACILITIES = tuple(sorted((tuple(s.split()) for s in QUERY_SUFFIXES), key=len, reverse=True))
_MAX_WORDS = 8


@dataclass(frozen=True)
class Match:
    """A span ``text[start:end]`` of the scanned text that names a place.

    ``candidates`` are the places it may mean, best first (never empty).
    """

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]


def _joinable(text: str, toks: list[Token]) -> list[bool]:
    """``out[j]``: tokens j and j+1 may belong to one name."""
    out = []
    for a, b in zip(toks, toks[1:]):
        gap = text[a.end:b.start]
        ok = gap == "" or (gap.isspace() and gap.count("\n") < 2)
        if not ok and gap.startswith(".") and gap[1:].isspace() and a.key in _ABBREVIATIONS:
            ok = True
        out.append(ok)
    out.append(False)
    return out


def _caps_ok(window: list[Token]) -> bool:
    if not (window[0].capitalised and window[-1].capitalised):
        return False
    return all(t.capitalised or t.key in CONNECTORS for t in window[1:-1])


def _is_code(ix: Index, tok: Token) -> bool:
    word = tok.text
    if not (word.isalpha() and word.isupper() and len(word) in (3, 4)) or word in ix.acronyms:
        return False
    if len(word) == 3:
        return word in ix.iata
    pid = ix.icao.get(word)
    # 4-letter words are read as ICAO codes only for airports of some consequence.
    return pid is not None and (ix.rows[pid][6] is not None or ix.rows[pid][8] == "routes-aliases")


def _match_at(ix: Index, toks: list[Token], join: list[bool], i: int) -> int | None:
    """Token index just past the longest name starting at token ``i``, or None."""
    first = toks[i]
    if not (first.capitalised or first.key in PHRASE_STARTS):
        return None
    if first.text.isupper() and first.text in ix.acronyms:
        return None
    end = i
    while end < len(toks) - 1 and join[end] and end - i + 1 < min(ix.max_words, _MAX_WORDS):
        end += 1
    keys = []
    acc = ""
    for t in toks[i:end + 1]:
        acc = f"{acc} {t.key}" if acc else t.key
        keys.append(acc)
    for n in range(len(keys), 0, -1):
        key = keys[n - 1]
        if key in ix.phrases:
            return i + n
        window = toks[i:i + n]
        if key in ix.scan_keys and _caps_ok(window):
            if key in ix.caps_only and not all(t.text.replace(".", "").isupper() for t in window):
                continue
            if (n == 1 and first.text.isalpha() and first.text.isupper()
                    and len(first.text) in (3, 4) and not _is_code(ix, first)):
                continue  # an all-caps word that is neither a code nor a plain name
            return i + n
    if _is_code(ix, first):
        return i + 1
    return None


def _facility_end(toks: list[Token], join: list[bool], stop: int) -> int:
    """Token index past a following "air base", "airport" ..., or ``stop`` if none."""
    for words in _FACILITIES:
        j = stop
        for w in words:
            if j >= len(toks) or not join[j - 1] or toks[j].key != w:
                break
            j += 1
        else:
            return j
    return stop


def _part_of_a_name(ix: Index, tok: Token) -> bool:
    """A capitalised plain word that is not a place word: "Lloyd" in "Lloyd Austin"."""
    return (tok.capitalised and tok.text.isalpha() and len(tok.text) > 1
            and tok.key not in ix.stopwords and tok.key not in ix.demonyms)


def _names_something_else(ix: Index, toks: list[Token], join: list[bool], i: int, stop: int,
                          placed_until: int) -> bool:
    """True when the one-word name toks[i] is part of a longer name of something else:
    "Miraflores palace", "Lloyd Austin", "Washington Post"."""
    if stop < len(toks) and join[stop - 1] and toks[stop].key in NOT_A_PLACE_BEFORE:
        return True
    if stop - i != 1 or toks[i].text.isupper() or toks[i].key in ix.caps_only:
        return False
    if i > 0 and join[i - 1] and placed_until != i and _part_of_a_name(ix, toks[i - 1]):
        return True
    if (stop < len(toks) and join[stop - 1] and _part_of_a_name(ix, toks[stop])
            and _match_at(ix, toks, join, stop) is None):
        return True
    return False


def scan(text: str, limit: int = 5) -> list[Match]:
    """Every span of ``text`` that names a known place, in text order, without overlaps.

    Parameters
    ----------
    text
        Any text (a news report).
    limit
        At most this many candidates per match.

    Returns
    -------
    list of Match
    """
    ix = get_index()
    toks = tokens(text)
    join = _joinable(text, toks)
    out: list[Match] = []
    placed_until = -1  # token index just past the last match
    i = 0
    while i < len(toks):
        stop = _match_at(ix, toks, join, i)
        if stop is None:
            i += 1
            continue
        if _names_something_else(ix, toks, join, i, stop, placed_until):
            i = stop
            continue
        start = toks[i].start
        candidates: list[Place] = []
        ext = _facility_end(toks, join, stop)
        if ext > stop:
            candidates = [p for p in lookup(text[start:toks[ext - 1].end], limit=limit)
                          if p.kind == "airport"]
            if candidates:
                stop = ext
        if not candidates:
            candidates = lookup(text[start:toks[stop - 1].end], limit=limit)
        if candidates:
            end = toks[stop - 1].end
            out.append(Match(start, end, text[start:end], tuple(candidates)))
            i = placed_until = stop
        else:
            i += 1
    return out
