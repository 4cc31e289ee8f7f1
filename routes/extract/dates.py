"""Dates in news text: absolute, partial (no year) and relative to another date.

* "23 March 2019", "March 23, 2019", "2019-03-23", "23.03.2019": complete dates.
* "March 23", "on 23 March": the year comes from :func:`text_year` (a year written in the
  same sentence, else the dateline, else the first complete date of the text, else the
  first year mentioned), else from the caller, else the date stays unknown.
* "a day earlier", "the previous evening", "the next day", "two days later": counted from
  the nearest date written before them.
* "today", "this afternoon", "yesterday": the day the report was filed (its dateline, else
  its first complete date), or the day before.  A date that names another event ("the
  attacks of 7 October") is none of a flight's, and "the next morning" after a weekday is
  not counted from an older date.
* Weekdays ("on Sunday", "last Tuesday") and a bare day of the month ("on the 14th") are
  counted back from the day the report was published (:func:`published`: its dateline or
  a date in its heading lines): the latest such day on or before it ("last Tuesday" in
  Tuesday's paper is a week back; "the 14th" is the nearest 14th).  Without a publication
  date they stay unresolved.
* A dateline's date ("MOSCOW, 11 July 2014 -") is when the report was filed: it gives the
  year, and anchors "two days later", but :func:`in_dateline` tells the reader it is no
  flight's date.

Examples
--------
>>> [(d.text, d.iso) for d in find_dates("On March 23, 2019 it landed; it left two days later.")]
[('March 23, 2019', '2019-03-23'), ('two days later', '2019-03-25')]
>>> [(d.text, d.iso) for d in find_dates("It arrived on 5 June.", year=2020)]
[('5 June', '2020-06-05')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .numbers import parse_number

__all__ = ["DateMention", "find_dates", "text_year", "in_dateline", "published", "MONTHS", "WEEKDAY_NAMES"]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

_PATTERNS = [
    re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
    re.compile(rf"\b(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>{_YEAR})\b"),
    # "14/03/2025": day first, as outside the US (month first only when the day could not be).
    re.compile(rf"\b(?P<d>0?[1-9]|[12]\d|3[01])/(?P<m>0?[1-9]|[12]\d|3[01])/(?P<y>{_YEAR})\b"),
    re.compile(rf"\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<mn>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b"),
    re.compile(rf"\b(?P<mn>{_MONTH})\s+(?P<d>{_DAY})(?!\d)(?:,?\s+(?P<y>{_YEAR}))?\b"),
]
_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_ORDINALS.update({f"twenty-{w}": 20 + i for w, i in list(_ORDINALS.items())[:9]})
_ORDINALS.update({"thirtieth": 30, "thirty-first": 31})
#: "the first of February": a day written as an ordinal word.
_ORDINAL_DATE = re.compile(
    r"\bthe\s+(?P<dw>" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + rf")\s+of\s+(?P<mn>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b",
    re.I)
_RELATIVE = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|\d)\s+days?\s+(?P<dir>earlier|later|(?:before|after)(?=\s+(?:that|this|the)\b))"
    r"|the\s+(?P<prev>previous|next|following)\s+(?:day|morning|afternoon|evening|night)"
    r"|the\s+day\s+(?P<dir2>before|after)"
    r"|(?P<same>later\s+(?:that|the\s+same)\s+day|the\s+same\s+day|that\s+(?:afternoon|evening|night|morning)|later\s+in\s+the\s+day|on\s+the\s+same\s+day)"
    r"|(?P<today>(?:earlier\s+|later\s+)?today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<yesterday>yesterday))\b",
    re.IGNORECASE,
)
_EVENT_OF = re.compile(
    r"\b(?:attacks?|coup|earthquakes?|quakes?|elections?|revolution|war|invasion|uprising|bombings?|massacre"
    r"|offensive|raid|explosion|blast|crash|referendum|independence)\s+(?:of|on)\s+$", re.I)
#: The days of the week as a regular-expression alternation, Monday first.
WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY = re.compile(rf"\b(?:{WEEKDAY_NAMES})\b")
_WEEKDAYS = tuple(WEEKDAY_NAMES.lower().split("|"))  # index = date.weekday()
#: A weekday told as the day of something ("on Sunday", "last Tuesday", "Monday evening"),
#: not as part of a full date ("Thursday, 6 March 2025").
_ON_WEEKDAY = re.compile(
    rf"\b(?:(?P<last>last|this\s+past)\s+)?(?P<wd>{WEEKDAY_NAMES})\b"
    rf"(?!,?\s+(?:the\s+)?(?:\d|{_MONTH}))(?!['\u2019]s\b)")  # "Saturday's elections": an event's day
#: Words before a weekday that put it ahead of the report: "is scheduled for Saturday", "next Monday".
_AHEAD = re.compile(r"\b(?:(?:scheduled|planned|set|due|expected|slated|booked)\s+(?:for|on)|next|coming)\s+(?:on\s+)?$", re.I)
#: "on the 14th": a day of the month without its month.
_ON_THE_DAY = re.compile(r"\bon\s+the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])")
_UPPER = "A-Z\u00C0-\u00DE"
_DATELINE = re.compile(rf"^\s*[A-Z][A-Za-z\u00C0-\u024F .'-]*,\s*(?P<date>.{{0,40}}?\b{_YEAR})\b")
#: A year closing an event's name: "Golden Dragon 2024", "Flintlock 2025".
_NAMED_YEAR = re.compile(rf"\b(?!(?:In|On|By|Of|Since|Until|From|Before|After)\b)[A-Z][A-Za-z]+\s+(?P<y>{_YEAR})(?![\d-])")
_YEAR_WORD = re.compile(rf"(?<![\d-]){_YEAR}(?![\d-])")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s|$)|\n\s*\n")


@dataclass(frozen=True)
class DateMention:
    """A date in the text; ``iso`` is None when the year (or the anchor) is unknown."""

    start: int
    end: int
    text: str
    iso: str | None
    month_day: tuple[int, int] | None = None
    relative: bool = False


def text_year(text: str, before: int | None = None) -> int | None:
    """The year a report is about: the dateline's, else the first complete date's, else the
    first year written."""
    head = _DATELINE.match(text)
    if head:
        y = _YEAR_WORD.search(head.group("date"))
        if y:
            return int(y.group())
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if m.group("y"):
                return int(m.group("y"))
    for m in _YEAR_WORD.finditer(text):
        if not _since(text, m.start()):
            return int(m.group())
    return None


def _since(text: str, pos: int) -> bool:
    """Whether the year at ``pos`` starts a period still running ("since 1962", "since the
    2021 elections"): the report is from a later year than that one."""
    return bool(re.search(r"\bsince\s+(?:the\s+|early\s+|late\s+|mid-?)?$", text[max(0, pos - 20):pos], re.I))


#: "MOSCOW, ", "SAL, Cape Verde, " (a capitals place, its country may follow).
_DATELINE_HEAD = re.compile(rf"\s*[{_UPPER}][{_UPPER} .'\u2019-]+(?:,\s*[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){{0,3}})?"
                            rf"(?:\s*\([^)]*\))?,\s*(?:(?:{WEEKDAY_NAMES}),?\s+)?")
#: A dateline on a line of its own, the place as written: "Punta Arenas, " before the date.
_PLACE_DATE_LINE = re.compile(r"[ \t]*[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,3}(?:,[ \t]*[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,2})?"
                              rf",[ \t]*(?:(?:{WEEKDAY_NAMES}),?[ \t]+)?")
_DASH_TAIL = re.compile(r"[ \t]*(?:\([^)]*\)[ \t]*)?(?:[-\u2013\u2014]{1,2})[ \t]")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:[-\u2013\u2014]{1,2}|:|\n|$|\.\s)")


def in_dateline(text: str, date: DateMention) -> bool:
    """Whether ``date`` is the date of a dateline: "MOSCOW, 11 July 2014 -" at the start of
    a line, the place in capitals.

    >>> t = "MOSCOW, 11 July 2014 - It landed on 10 July."
    >>> [in_dateline(t, d) for d in find_dates(t)]
    [True, False]
    """
    line_start = text.rfind("\n", 0, date.start) + 1
    if _PLACE_DATE_LINE.fullmatch(text, line_start, date.start) and re.match(r"[ \t]*(?:\n|$)", text[date.end:]):
        return True  # a line of its own: "Addis Ababa, April 24, 2025"
    if _PLACE_DATE_LINE.fullmatch(text, line_start, date.start) and _DASH_TAIL.match(text, date.end):
        return True  # the place as written, then a dash: "Wunstorf, 14 March 2024 – The ..."
    return bool(_DATELINE_HEAD.fullmatch(text, line_start, date.start)
                and _DATELINE_TAIL.match(text, date.end))


def _month(m: re.Match) -> int:
    if "mn" in m.groupdict() and m.group("mn"):
        return MONTHS[m.group("mn").lower().rstrip(".")]
    return int(m.group("m"))


def _valid(y: int, mo: int, d: int) -> str | None:
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str, year: int | None = None) -> list[DateMention]:
    """Every date mention in ``text`` in text order, resolved where possible.

    ``year`` is used for dates written without one when the text itself gives no year.
    """
    default_year = text_year(text) or year
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            day = int(re.match(r"\d+", m.group("d")).group())
            mo = _month(m)
            if mo > 12 and day <= 12:
                day, mo = mo, day  # "03/14/2025": written month first
            if m.group("y"):
                y: int | None = int(m.group("y"))
            else:
                # A year written in the same sentence wins over the report's year.
                ends_before = [e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())]
                sent_start = ends_before[-1] if ends_before else 0
                after = _SENTENCE_END.search(text, m.end())
                sent_end = after.start() if after else len(text)
                near = next((n for n in _YEAR_WORD.finditer(text, sent_start, sent_end) if not _since(text, n.start())), None)
                y = int(near.group()) if near else default_year
            iso = _valid(y, mo, day) if y else None
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), m.group(), iso, (mo, day)))
    for m in _ORDINAL_DATE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        mo, day = MONTHS[m.group("mn").lower().rstrip(".")], _ORDINALS[m.group("dw").lower()]
        y = int(m.group("y")) if m.group("y") else default_year
        taken.append((m.start(), m.end()))
        found.append(DateMention(m.start(), m.end(), m.group(), _valid(y, mo, day) if y else None, (mo, day)))
    found.sort(key=lambda d: d.start)
    # Dates of other events: "following the attacks of 7 October".
    found = [d for d in found if not _EVENT_OF.search(text, max(0, d.start - 40), d.start)]
    pub = published(text, found)
    if pub is not None:
        found = sorted(found + _counted_back(text, pub, taken), key=lambda d: d.start)
    out = list(found)
    filed = next((d for d in found if in_dateline(text, d) and d.iso), None) or next(
        (d for d in found if d.iso and _YEAR_WORD.search(d.text)), None)
    for m in _RELATIVE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if m.group("today") or m.group("yesterday"):
            # "today", "this afternoon": the day the report was filed; "yesterday" the one before.
            iso = filed.iso if filed is not None and filed.start < m.start() else None
            if iso and m.group("yesterday"):
                iso = (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()
            out.append(DateMention(m.start(), m.end(), m.group(), iso, None, relative=True))
            continue
        # The nearest date told before, "yesterday" included ("yesterday ... that afternoon").
        told = sorted(found + [d for d in out if d.relative and d.iso and d.text.lower() == "yesterday"],
                      key=lambda d: d.start)
        anchor = next((d for d in reversed(told) if d.start < m.start() and d.iso), None)
        if anchor is None:
            anchor = next((d for d in found if d.iso), None)
        if anchor is not None and anchor.start < m.start() and _WEEKDAY.search(text, anchor.end, m.start()):
            anchor = None  # "late on Tuesday ... the next morning": counted from a weekday
        if m.group("same"):
            delta = 0
        elif m.group("prev") or m.group("dir2"):
            word = (m.group("prev") or m.group("dir2")).lower()
            delta = -1 if word in ("previous", "before") else 1
        else:
            n = parse_number(m.group("n")) if m.group("n").lower() != "a" else 1.0
            delta = int(n or 1) * (-1 if m.group("dir").lower() in ("earlier", "before") else 1)
        iso = None
        if anchor is not None and anchor.iso:
            iso = (dt.date.fromisoformat(anchor.iso) + dt.timedelta(days=delta)).isoformat()
        out.append(DateMention(m.start(), m.end(), m.group(), iso, None, relative=True))
    return sorted(out, key=lambda d: d.start)


def published(text: str, found: list[DateMention] | None = None) -> DateMention | None:
    """The day the report was published: its dateline's date, else a complete date on one
    of its first heading lines ("Live updates | Thursday, 6 March 2025")."""
    found = find_dates(text) if found is None else found
    full = [d for d in found if d.iso and _YEAR_WORD.search(d.text)]
    head = next((d for d in full if in_dateline(text, d)), None)
    if head is not None:
        return head
    # "PHNOM PENH, May 9 (Xinhua)": a dateline without its year, when the lead paragraph
    # names this year's event ("the Golden Dragon 2024 exercise"); a bare year may be
    # background ("flew there in 2022").
    head = next((d for d in found if d.iso and not d.relative and in_dateline(text, d)), None)
    if head is not None:
        para = re.search(r"\n\s*\n|$", text[head.end:])
        lead = text[head.end:head.end + para.start()]
        if any(y.group("y") == head.iso[:4] for y in _NAMED_YEAR.finditer(lead)):
            return head
        # ("LIMA, Feb. 6 ... the fires, which broke out on February 2, 2024"): a complete date
        # of the weeks just before the dateline's day dates it too.
        day0 = dt.date.fromisoformat(head.iso)
        if any(0 <= (day0 - dt.date.fromisoformat(d.iso)).days <= 60 for d in full if d.start > head.end):
            return head
    lines = [ln for ln in text[:600].split("\n") if ln.strip()][:3]
    end = 0
    for ln in lines:
        end = text.find(ln, end) + len(ln)
        if len(ln) > 120:
            break
        hit = next((d for d in full if d.end <= end), None)
        if hit is not None:
            return hit
    return None


def _counted_back(text: str, pub: DateMention, taken: list[tuple[int, int]]) -> list[DateMention]:
    """Weekdays ("on Sunday", "last Tuesday") and days of the month ("on the 14th"), dated
    back from the publication date."""
    day0 = dt.date.fromisoformat(pub.iso)
    out = []
    for m in _ON_WEEKDAY.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        back = (day0.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
        if m.group("last") and back == 0:
            back = 7  # "last Friday" in Friday's paper: a week ago
        if _AHEAD.search(text, max(0, m.start() - 40), m.start()):
            back = -((_WEEKDAYS.index(m.group("wd").lower()) - day0.weekday()) % 7 or 7)  # "scheduled for Saturday": the next one
        day = day0 - dt.timedelta(days=back)
        out.append(DateMention(m.start(), m.end(), m.group(), day.isoformat(), (day.month, day.day), relative=True))
    for m in _ON_THE_DAY.finditer(text):
        # The nearest such day: "on the 14th" in a paper of the 16th, "touchdown on the 12th"
        # in a thread of the 11th.
        d = int(m.group("d"))
        first = day0.replace(day=1)
        months = [(first - dt.timedelta(days=1)).replace(day=1), first, (first + dt.timedelta(days=32)).replace(day=1)]
        days = [dt.date.fromisoformat(iso) for mo in months if (iso := _valid(mo.year, mo.month, d))]
        if days:
            day = min(days, key=lambda x: abs((x - day0).days))
            out.append(DateMention(m.start(), m.end(), m.group(), day.isoformat(), (day.month, d), relative=True))
    return out
