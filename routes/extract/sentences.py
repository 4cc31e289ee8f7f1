"""Sentences, clauses and words of a news text, as character spans of the original.

Every span keeps ``start``/``end`` into the text it came from, so facts found later can
cite ``text[start:end]`` exactly.

Examples
--------
>>> text = "The U.S. Air Force C-17 left at 9 a.m. It landed in Rzeszow; crews rested."
>>> [text[s.start:s.end] for s in sentences(text)]
['The U.S. Air Force C-17 left at 9 a.m.', 'It landed in Rzeszow; crews rested.']
>>> [c.text for c in clauses(text, sentences(text)[1])]
['It landed in Rzeszow', 'crews rested.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Span", "Word", "sentences", "clauses", "words", "sentence_of", "newest_first_entries"]

#: Words written with a full stop that do not end a sentence.
ABBREVIATIONS = frozenset(
    """a.m p.m u.s u.k u.n e.u st mt ft gen lt col maj capt cmdr adm sgt brig dr mr mrs ms
    prof no nos approx jan feb mar apr jun jul aug sep sept oct nov dec vs etc inc ltd co corp
    jr sr rep sen gov pres""".split()
)

_END = re.compile(r"[.!?]+[\"'\u201d\u2019)]*(?=\s+|$)")
_PARAGRAPH = re.compile(
    r"\n\s*\n|\n(?=[A-Z][A-Z ,]+\d{4}\s*[-\u2013\u2014]{1,2})"
    # a list: a line after one ending with a colon, a bulleted line, a route line of codes
    # ("WIHH - WIMM (tech stop)")
    r"|(?<=:)[ \t]*\n|\n(?=[ \t]*(?:[-\u2022*\u2013\u2014][ \t]|[A-Z]{3,4}[ \t]*(?:[-\u2013\u2014/>]|\u2192)[ \t]*[A-Z]{3,4}\b))")
#: Where a clause ends: a semicolon, or a comma or dash before a word opening a new clause.
_CLAUSE = re.compile(
    r";\s*|(?<![A-Z]{3})\s+[\u2013\u2014-]{1,2}\s+|(?<=[A-Z]{3})\s+[\u2013\u2014-]{1,2}\s+(?![A-Z]{3,4}\b)|,\s+(?=(?:while|whereas|but|although|though|where|which|who|whose"
    r"|and\s+(?:then\s+)?(?:it|they|the\s+(?:\w+\s+){1,2}?(?:was|were|is|are|had|has)))\b)|\s+(?=(?:while|whereas)\b)"
)
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['\u2019.-][A-Za-z\u00C0-\u024F]+)*\.?|\d+(?:[.,]\d+)*(?:-\w+)?")


@dataclass(frozen=True)
class Span:
    """A stretch of the text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Word:
    """A word with its position and its lower-case form (no trailing full stop)."""

    start: int
    end: int
    text: str
    low: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial, not a sentence."""
    m = re.search(r"([A-Za-z.]+)$", text[:dot])
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and text[dot - 1].isupper():  # "Augusto C. Sandino"
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))  # "U.S", "e.g"


def sentences(text: str) -> list[Span]:
    """The sentences of ``text``; paragraph breaks and datelines always end one."""
    cuts = {0, len(text)}
    for m in _PARAGRAPH.finditer(text):
        cuts.add(m.start())
    for m in _END.finditer(text):
        dot = m.start()
        after = text[m.end():].lstrip()
        if text[dot] == "." and _is_abbreviation(text, dot):
            # "U.S. Air Force": an abbreviation ends a sentence only before a clear opener.
            if not re.match(r"(?:The|It|They|A|An|On|In|He|She|Both)\b", after):
                continue
        if after[:1].islower():
            continue
        cuts.add(m.end())
    out = []
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:]):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk:
            out.append(Span(a + lead, a + lead + len(chunk), chunk))
    return out


def clauses(text: str, sentence: Span) -> list[Span]:
    """The clauses of one sentence (split at semicolons, dashes, "while", ", which" ...)."""
    out = []
    pos = sentence.start
    for m in _CLAUSE.finditer(text, sentence.start, sentence.end):
        if m.start() > pos:
            out.append(Span(pos, m.start(), text[pos:m.start()]))
        pos = m.end()
    if pos < sentence.end:
        out.append(Span(pos, sentence.end, text[pos:sentence.end]))
    return out


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]`` with positions in ``text``."""
    end = len(text) if end is None else end
    out = []
    for m in _WORD.finditer(text, start, end):
        w = m.group()
        low = w.lower().rstrip(".") if not re.fullmatch(r"(?:[A-Za-z]\.)+", w) else w.lower()
        out.append(Word(m.start(), m.end(), w, low.replace("\u2019", "'")))
    return out


def sentence_of(spans: list[Span], pos: int) -> int:
    """The index of the span that contains position ``pos`` (the last before it otherwise)."""
    best = 0
    for i, s in enumerate(spans):
        if s.start <= pos:
            best = i
        if s.start <= pos < s.end:
            return i
    return best


#: A live blog's time stamp on a line of its own: "23:42 IST", "17.48", "9:05 GMT".
_STAMP = re.compile(r"(?m)^[ \t]*(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:[ \t]*(?:[A-Z]{2,5}|local(?:\s+time)?|[ap]\.?m\.?))?[ \t]*$")


def newest_first_entries(text: str) -> list[Span] | None:
    """The entries of a live blog told newest first (three or more time-stamped entries,
    the times falling), each from its stamp to the next; None for any other text."""
    stamps = list(_STAMP.finditer(text))
    times = [int(m.group("h")) * 60 + int(m.group("m")) for m in stamps]
    if len(stamps) < 3 or any(a <= b for a, b in zip(times, times[1:])):
        return None
    ends = [m.start() for m in stamps[1:]] + [len(text)]
    return [Span(m.start(), e, text[m.start():e]) for m, e in zip(stamps, ends)]
