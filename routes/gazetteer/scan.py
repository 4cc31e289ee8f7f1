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
  that is not a place ("Lloyd Austin", "Washington Post"), or after a compass word that
  makes it a region ("Latin America", "South America");
* an airfield the index does not offer to scan is still found by its facility word:
  "Al-Azraq air base", "Vnukovo-2 airport", "RAF Akrotiri", "Joint Base Charleston",
  "Belgrade's Nikola Tesla airport" (whatever :func:`lookup` resolves to an airport);
* an air base written by its number first ("air base 123 Orléans-Bricy") is found by its
  name and "air base";
* places joined by hyphens are read one by one ("a Moscow-Caracas charter"), and a place
  before a lower-case hyphenated word is read alone ("Caracas-bound");
* a one-word name that is more often something else needs a cue before it ("to",
  "from", "in", "left", a list or a possessive): an airport named like a common word
  ("Atlantic", "Boeing"), a town of under 100,000 people or a town whose name looks like a
  surname or is an alternate name ("Sokolov", "Colina", "Borisov"), and a country's
  other-language name ("Rossiya").  Aliases, codes and capitalised acronyms need none.

Candidates come from :func:`routes.gazetteer.lookup`, so scan and lookup rank alike.

Examples
--------
>>> [m.text for m in scan("In March the An-124 flew from the Senegalese capital to Caracas.")]
['the Senegalese capital', 'Caracas']
>>> scan("They landed at Hmeimim air base.")[0].candidates[0].icao
'OSLK'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Place
from .index import NAME_PREFIXES, Index, get_index
from .lookup import QUERY_SUFFIXES, lookup
from .text import POSSESSIVE, Token, fold_token, name_key, tokens

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
_PREFIXES = tuple(sorted((tuple(p.split()) for p in NAME_PREFIXES), key=len, reverse=True)) + (("#", "wing"),)
#: A prefix word standing for a number: Canada names its bases by wing ("8 Wing Trenton").
_ANY_NUMBER = "#"
#: First words of base prefixes: common words ("Air", "Joint") that may open a base's name.
_PREFIX_STARTS = frozenset(p[0] for p in _PREFIXES)
_MAX_WORDS = 8
#: One-word base prefixes ("NAS", "RAF", "CFB"); some are also airport codes.
_WORD_PREFIXES = frozenset(p for p in NAME_PREFIXES if " " not in p)
#: Words that say what kind of airfield, not which: a name made only of them names none.
_GENERIC_WORDS = frozenset("""national international regional municipal military civil main new old
    airport air base airbase airfield aerodrome field intl""".split())
#: Words right before a one-word name that show it is a place of a route ("flew to X").
CUES = frozenset(
    """to from in at via for into towards toward near outside of off onto through and or
    left leaving leaves leave departed departing departs depart quit reached reaching reaches
    transited transiting visited visiting visit""".split()
)
#: Capitalised words that turn a following country into a wider region ("Latin America").
REGION_WORDS = frozenset("north south east west central latin sub-saharan".split())
#: Endings of Slavic and Spanish surnames; towns named so are read as places only after a cue.
_SURNAME = re.compile(r"(?:ov|ev|ova|eva|in|ina|sky|skaya|enko|vich|ez|es)$")
#: What may stand between two places of a list, a chain or a possessive.
_LINK = re.compile(r"\s*(?:,|and|or|&|/|[-\u2010\u2011\u2013\u2014]|->|\u2192|['\u2019]s)?\s*(?:and\s+|then\s+)?")
_HYPHEN = re.compile(r"[-\u2010\u2011]")
_NUMBERED = re.compile(r"(.+) \d{1,2}")
#: A facility word after a name, past an adjective or two: "Boufarik military air base".
_FACILITY_AFTER = re.compile(
    r"\s+(?:(?:military|naval|air\s+force|main|old|new|international|civil|army|government)\s+){1,2}"
    r"(?i:air\s*base|airbase|airfield|airport|aerodrome|airstrip)\b")
_CHAIN_NEXT = re.compile(r"\s?(?:[-\u2010\u2011\u2013\u2014]|->|\u2192)\s?[A-Z]")


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
        if not ok and gap.startswith(".") and gap[1:].isspace() and (
                a.key in _ABBREVIATIONS or (len(a.text) == 1 and a.text.isupper())):
            ok = True  # "St. Petersburg", "Augusto C. Sandino"
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
    # 4-letter words are read as ICAO codes only for airports of some consequence (an IATA
    # code, the alias table, or an air base: "landed YAMB", RAAF Base Amberley).
    return pid is not None and (ix.rows[pid][6] is not None or ix.rows[pid][8] == "routes-aliases"
                                or bool(_AIR_BASE_NAME.search(ix.rows[pid][0])))


_AIR_BASE_NAME = re.compile(r"\b(?:AB|AFB|Air\s*Base|Airbase|RAAF|RAF|Air\s+Force)\b", re.I)


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
        if n > 1 and all(t.key in _GENERIC_WORDS for t in window):
            continue  # "National Airport", "International Airport": no name, only kind words
        if key in ix.scan_keys and _caps_ok(window):
            if key in ix.caps_only and not all(t.text.replace(".", "").isupper() for t in window):
                continue
            if (n == 1 and first.text.isalpha() and first.text.isupper()
                    and len(first.text) in (3, 4) and not _is_code(ix, first) and key not in ix.alias_ids):
                continue  # an all-caps word that is neither a code nor a plain name (nor a code of the alias table)
            return i + n
    if _is_code(ix, first):
        return i + 1
    numbered = _NUMBERED.fullmatch(first.key)
    if numbered and numbered.group(1) in ix.scan_keys and first.capitalised:
        return i + 1  # "Vnukovo-2", "Engels-2": an airfield numbered after its place
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


def _split_hyphenated(ix: Index, toks: list[Token]) -> list[Token]:
    """Tokens with hyphenated route chains cut apart: "Moscow-Caracas" is two places, and
    "Caracas-bound" a place and a word; "Ivanovo-Severny", "Guinea-Bissau" stay whole."""
    out: list[Token] = []
    for t in toks:
        if not _HYPHEN.search(t.text) or t.key in ix.scan_keys or t.key in ix.phrases:
            out.append(t)
            continue
        parts = [(m.start(), m.end()) for m in re.finditer(r"[^-\u2010\u2011]+", t.text)]
        words = [t.text[a:b] for a, b in parts]
        if words[-1].isdigit():  # a numbered airfield: "Vnukovo-2"
            out.append(t)
            continue
        pieces = [Token(w, t.start + a, t.start + b, fold_token(w)) for w, (a, b) in zip(words, parts)]
        caps = [w[:1].isupper() for w in words]
        if all(caps) and sum(p.key in ix.scan_keys or _is_code(ix, p) for p in pieces) >= 2:
            out.extend(pieces)
        elif not caps[-1] and all(caps[:-1]) and len(pieces) > 1:
            head = Token(t.text[:parts[-2][1]], t.start, t.start + parts[-2][1],
                         fold_token(t.text[:parts[-2][1]]))
            if head.key in ix.scan_keys:
                out.extend([head, pieces[-1]])
            else:
                out.append(t)
        else:
            out.append(t)
    return out


def _airports(text: str, start: int, end: int, limit: int) -> list[Place]:
    return [p for p in lookup(text[start:end], limit=limit) if p.kind == "airport"]


def _facility_run(ix: Index, text: str, toks: list[Token], join: list[bool], i: int,
                  limit: int) -> tuple[int, list[Place]] | None:
    """An airfield named by its facility word though its name alone is not scanned:
    "RAF Akrotiri", "Joint Base Charleston", "Al-Azraq air base", "Vnukovo-2 airport"."""
    first = toks[i]
    numbered = first.text.isdigit() and len(first.text) <= 2
    if not (first.capitalised or numbered) or first.key in ix.stopwords and first.key not in _PREFIX_STARTS:
        return None
    for words in _PREFIXES:
        j = i
        for w in words:
            if j >= len(toks) or (j > i and not join[j - 1]):
                break
            if w == _ANY_NUMBER:
                if not toks[j].text.isdigit():
                    break
            elif toks[j].key != w or not toks[j].capitalised:
                break
            j += 1
        else:
            for n in range(3, 0, -1):
                stop = j + n
                if stop > len(toks) or not all(join[k] for k in range(i, stop - 1)):
                    continue
                # a common word may stand inside a base's name ("RAF Mount Pleasant"), not alone
                if not all(t.capitalised for t in toks[j:stop]) or all(t.key in ix.stopwords for t in toks[j:stop]):
                    continue
                ext = _facility_end(toks, join, stop)
                found = _airports(text, first.start, toks[ext - 1].end, limit)
                if found:
                    return ext, found
            return None
    run = i
    while (run + 1 < len(toks) and join[run] and run - i < 3
           and (toks[run + 1].capitalised or toks[run + 1].key in CONNECTORS)
           and toks[run + 1].key not in ix.stopwords):
        run += 1
    for stop in range(run + 1, i, -1):
        if not toks[stop - 1].capitalised:
            continue
        if stop - i == 1 and first.key in ix.demonyms:
            continue  # "the French air base in Djibouti" says whose base, not its name
        ext = _facility_end(toks, join, stop)
        if ext == stop:
            continue
        found = _airports(text, first.start, toks[ext - 1].end, limit)
        if found:
            return ext, found
    return None


def _weak(ix: Index, tok: Token, place: Place) -> bool:
    """A one-word name that is more often something else than this place (module notes)."""
    if tok.text.isupper() or tok.key in ix.alias_ids or place.source == "routes-aliases":
        return False
    if place.kind == "airport":
        return True
    if place.kind == "city":
        pop = place.population or 0
        other = name_key(place.name) != tok.key
        return pop < 100_000 or (pop < 300_000 and (other or bool(_SURNAME.search(tok.key))))
    if place.kind == "country":
        own = name_key(place.name)
        return tok.key not in (own, own[4:] if own.startswith("the ") else own)
    return False


def _cued(text: str, toks: list[Token], i: int, previous: "Match | None") -> bool:
    """Whether a cue word, a list or a possessive stands right before token ``i``."""
    if previous is not None and _LINK.fullmatch(text[previous.end:toks[i].start]):
        return True
    if i + 1 < len(toks) and toks[i + 1].start == toks[i].end + 1 and toks[i + 1].key in ("bound", "based"):
        return True
    if _CHAIN_NEXT.match(text, toks[i].end):  # the first place of a chain: "Mozdok-Hmeimim"
        return True
    if _FACILITY_AFTER.match(text, toks[i].end):  # "the Boufarik military air base"
        return True
    return i > 0 and toks[i - 1].key in CUES


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
    toks = _split_hyphenated(ix, tokens(text))
    join = _joinable(text, toks)
    out: list[Match] = []
    placed_until = -1  # token index just past the last match
    i = 0
    while i < len(toks):
        numbered = _numbered_base(text, toks, join, i, limit)
        if numbered is not None:
            stop, candidates = numbered
            start, end = toks[i].start, toks[stop - 1].end
            out.append(Match(start, end, text[start:end], tuple(candidates)))
            i = placed_until = stop
            continue
        stop = _match_at(ix, toks, join, i)
        if (stop is not None and stop - i == 1 and toks[i].key in _WORD_PREFIXES
                and i + 1 < len(toks) and join[i] and toks[i + 1].capitalised):
            stop = None  # "NAS Sigonella": the prefix of a base's name, not Nassau's code
        if stop is None or (stop - i == 1 and toks[i].key in ix.stopwords):
            run = _facility_run(ix, text, toks, join, i, limit)
            if run is not None:
                stop, candidates = run
                start, end = toks[i].start, toks[stop - 1].end
                out.append(Match(start, end, text[start:end], tuple(candidates)))
                i = placed_until = stop
                continue
            possessive = _possessive_airport(text, toks, join, i, out, placed_until, limit)
            if possessive is not None:
                out[-1], i = possessive
                placed_until = i
                continue
            i += 1
            continue
        if _names_something_else(ix, toks, join, i, stop, placed_until):
            run = _facility_run(ix, text, toks, join, i, limit)  # "Budapest Liszt Ferenc airport"
            if run is not None:
                stop, candidates = run
                start, end = toks[i].start, toks[stop - 1].end
                out.append(Match(start, end, text[start:end], tuple(candidates)))
                i = placed_until = stop
            else:
                i = stop
            continue
        start = toks[i].start
        candidates: list[Place] = []
        ext = _facility_end(toks, join, stop)
        if ext > stop:
            candidates = _airports(text, start, toks[ext - 1].end, limit)
            if candidates:
                stop = ext
        if not candidates:
            candidates = lookup(text[start:toks[stop - 1].end], limit=limit)
            if (candidates and stop - i == 1 and _weak(ix, toks[i], candidates[0])
                    and not _cued(text, toks, i, out[-1] if out else None)):
                i = stop
                continue
            pair = _small_town_pair(ix, text, toks, join, i, stop, candidates)
            if pair is not None:
                i = pair
                continue
            if (candidates and stop - i == 1 and candidates[0].kind == "country" and i > 0
                    and join[i - 1] and toks[i - 1].capitalised and toks[i - 1].key in REGION_WORDS):
                i = stop
                continue
        if candidates:
            end = toks[stop - 1].end
            out.append(Match(start, end, text[start:end], tuple(candidates)))
            i = placed_until = stop
        else:
            i += 1
    return out


def _small_town_pair(ix: Index, text: str, toks: list[Token], join: list[bool], i: int, stop: int,
                     candidates: list[Place]) -> int | None:
    """Two small towns' names side by side ("Cabo Delgado"): one name of something the
    gazetteer does not hold (a province), not two places; the token index past both."""
    if not (candidates and stop - i == 1 and stop < len(toks) and join[i] and text[toks[i].end:toks[stop].start] == " "):
        return None
    nxt = toks[stop]
    if not nxt.capitalised or _match_at(ix, toks, join, stop) != stop + 1:
        return None
    others = lookup(nxt.text, limit=1)
    small = [(toks[i], candidates[0]), (nxt, others[0] if others else None)]
    if all(p is not None and p.kind == "city" and _weak(ix, t, p) for t, p in small):
        return stop + 1
    return None


def _numbered_base(text: str, toks: list[Token], join: list[bool], i: int, limit: int) -> tuple[int, list[Place]] | None:
    """An air base written by its number before its name, as French reports do: "air base
    123 Orléans-Bricy", "BA 125 Istres"."""
    if i < 2 or not toks[i].capitalised or not toks[i - 1].text.isdigit() or toks[i - 2].key not in ("base", "ba"):
        return None
    run = i
    while run + 1 < len(toks) and join[run] and run - i < 2 and toks[run + 1].capitalised:
        run += 1
    for stop in range(run + 1, i, -1):
        found = _airports(f"{text[toks[i].start:toks[stop - 1].end]} air base", 0, None, limit)
        if found:
            return stop, found
    return None


def _possessive_airport(text: str, toks: list[Token], join: list[bool], i: int, out: list[Match],
                        placed_until: int, limit: int) -> tuple[Match, int] | None:
    """"Belgrade's Nikola Tesla airport": the city's airport named after the possessive,
    as one match (when the name alone is not a known place)."""
    if not out or i < 2 or toks[i - 1].key != POSSESSIVE or placed_until != i - 1 or not toks[i].capitalised:
        return None
    run = i
    while run + 1 < len(toks) and join[run] and run - i < 3 and toks[run + 1].capitalised:
        run += 1
    for stop in range(run + 1, i, -1):
        ext = _facility_end(toks, join, stop)
        found = _airports(text, out[-1].start, toks[ext - 1].end, limit)
        if found:
            end = toks[ext - 1].end
            return Match(out[-1].start, end, text[out[-1].start:end], tuple(found)), ext
    return None
