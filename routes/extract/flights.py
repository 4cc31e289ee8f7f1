"""From a news text to flights: events per clause, grouped into flights, facts attached.

The steps, each in its own module:

1. :mod:`.sentences` cuts the text into sentences and clauses;
2. :mod:`.places` finds place mentions (through the gazetteer), :mod:`routes.aircraft`
   aircraft types, :mod:`.numbers` people and cargo, :mod:`.dates` dates and
   :mod:`.people` commanders;
3. :mod:`.roles` gives each place its role from the cues of its clause, and drops clauses
   about other times, denials and conjecture;
4. here, clauses with route events are grouped into flights: a new flight starts with a
   return ("flew back to Moscow"), a departure from where the last flight ended, or an
   aircraft (or "a second plane", "separately") other than the current flight's, or one
   of the current flight's aircraft going on alone ("the Hercules went on to Mount Hagen");
5. :mod:`.order` puts each flight's places in flight order;
6. numbers, dates, aircraft and commanders go to the flight whose clauses hold them
   (clauses without a place go to the flight told just before them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from ..aircraft import find_in_text
from ..model import Evidence, Flight, PlaceRef, Report, Stop
from .dates import WEEKDAY_NAMES, DateMention, find_dates, in_dateline, text_year
from .numbers import cargo_mentions, personnel_mentions
from .order import Stopish, flight_order
from .people import find_commanders
from .places import Mention, place_mentions, same_place
from .roles import MOVEMENT, Role, background_asides, background_clause, bound_for, chain_roles, hypothetical, negated_or_modal, role_of
from .sentences import Span, clauses, newest_first_entries, sentences, words

__all__ = ["read_text"]

_SPLIT = re.compile(
    r"\b(?:(?:a|the)\s+second\s+(?:\w+\s+)?(?:plane|aircraft|jet|transport|flight|airliner|freighter|one)"
    r"|(?:a|the)\s+(?:second|third|fourth)\s+(?:[\w-]+\s+)?[A-Z]{1,3}-?\d{2,3}[\w-]*"
    r"|another\s+(?:\w+\s+)?(?:plane|aircraft|jet|transport|flight|one)|separately|the\s+other\s+(?:plane|aircraft|jet)"
    r"|(?:a|the)\s+separate\s+(?:[\w-]+\s+){0,3}?(?:plane|aircraft|jet|transport|flight|airliner|freighter|charter))\b",
    re.I,
)


@dataclass
class Event:
    mention: Mention
    role: Role
    clause: int
    position: int | None = None  # where it goes in text order, when not where it was told


@dataclass
class Draft:
    """A flight being gathered: its events and the clauses whose facts it takes."""

    events: list[Event] = field(default_factory=list)
    clauses: list[int] = field(default_factory=list)
    event_clauses: list[int] = field(default_factory=list)
    parent: "Draft | None" = None
    kind: str = "main"  # main, return, next (leaves where the last ended), split, before (flown earlier)
    implicit_origin: Mention | None = None
    implicit_destination: Mention | None = None
    #: Clauses shared with another flight ("flew to X and came back with 343 people"): the
    #: part of the clause that is this flight's, for its counts and weights.
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: The one aircraft of several that flew on alone: the flight's only type.
    alone: frozenset = frozenset()

    def types(self, aircraft_by_clause) -> set[str]:
        return {t.designation for c in self.clauses for _, _, t in aircraft_by_clause.get(c, [])}

    def route(self) -> list[Stopish]:
        # Where it was headed: dropped when it was diverted, else the end of the route.
        diverted = any(e.role.diverted for e in self.events)
        stops = [
            Stopish(e.mention, e.role.role, (e.mention.start if e.position is None else e.position)
                    + (10**8 if e.role.intended else 0),
                    e.role.earlier, e.role.continuing, e.role.and_back, e.role.returning, payload=e)
            for e in self.events if not (e.role.intended and diverted)
        ]
        if self.implicit_origin is not None and not any(s.role == "origin" for s in stops):
            stops.append(Stopish(self.implicit_origin, "origin", -1, payload=None))
        if self.implicit_destination is not None and not any(s.role == "destination" for s in stops):
            stops.append(Stopish(self.implicit_destination, "destination", 10**9, payload=None))
        return flight_order(_second_origins(stops), same=same_place, redundant=_redundant)

    def final(self) -> Mention | None:
        route = self.route()
        if route and route[-1].role != "origin":
            return route[-1].key
        return None


def _redundant(m: Mention, others: list[Mention]) -> bool:
    """A country with a finer place of the same country on the flight says nothing more."""
    return m.kind == "country" and any(o.kind != "country" and o.country == m.country for o in others)


def _second_origins(stops: list[Stopish]) -> list[Stopish]:
    """A flight starts at one place: a country told as a start besides a finer origin
    ("took off from Entebbe ... carrying 231 evacuees from South Sudan") is where the
    people came from."""
    finer = [s for s in stops if s.role == "origin" and s.key.kind != "country"]
    return [s for s in stops if not (finer and s.role == "origin" and s.key.kind == "country")]


def read_text(text: str, *, source: str | None = None, year: int | None = None) -> Report:
    """Read the flights a news report describes.

    Parameters
    ----------
    text
        The report.
    source
        Its name (file name), kept on the report and on every evidence.
    year
        The year to use for dates written without one when the text gives none.

    Returns
    -------
    Report
        Flights in the order the report's events happened, with stops whose ``ref`` is the
        place as named (``place`` is filled later by :func:`routes.geocode.resolve`), and
        the evidence of every fact.  A text that describes no flight gives no flights.

    Examples
    --------
    >>> r = read_text("An An-124 flew from Chkalovsky to Bamako on 17 June 2022 with 38 tonnes of cargo.")
    >>> f = r.flights[0]
    >>> [s.ref.text for s in f.stops], f.aircraft, f.cargo_tonnes, f.date
    (['Chkalovsky', 'Bamako'], ('An-124',), 38.0, '2022-06-17')
    >>> read_text("Moscow and Caracas signed an agreement.").flights
    ()
    """
    entries = newest_first_entries(text)
    if entries:
        return _oldest_first(text, entries, source=source, year=year)
    warnings: list[str] = []
    sents = sentences(text)
    clause_spans: list[Span] = [c for s in sents for c in clauses(text, s)]
    main_year = text_year(text) or year
    background = [background_clause(text, c, main_year) for c in clause_spans]
    # A question asks, it tells nothing: "Was there a stop in Istanbul?"
    asked = [c for s in sents if re.search(r"\?[\"'\u201d\u2019)]*$", s.text) for c in clauses(text, s)]
    background = [bg or c in asked for bg, c in zip(background, clause_spans)]
    for a, b in _denied_spans(text):
        background = [bg or (a <= c.start < b) for bg, c in zip(background, clause_spans)]

    def clause_of(pos: int) -> int:
        for i, c in enumerate(clause_spans):
            if c.start <= pos < c.end:
                return i
        return max((i for i, c in enumerate(clause_spans) if c.start <= pos), default=0)

    aircraft = find_in_text(text)
    commanders = find_commanders(text)
    compared = [a for a in aircraft if _COMPARED.search(text, max(0, a[0] - 40), a[0])]
    aircraft = [a for a in aircraft if a not in compared]
    exclude = [(a, b) for a, b, _ in aircraft + compared] + [(c.start, c.end) for c in commanders]
    mentions = place_mentions(text, exclude=exclude)
    by_clause = _group(aircraft, lambda a: clause_of(a[0]))
    events_by_clause: dict[int, list[Event]] = {}
    for ci, clause in enumerate(clause_spans):
        if background[ci]:
            continue
        previous = None
        asides = background_asides(text, clause, main_year)
        in_clause = [m for m in mentions if clause.start <= m.start < clause.end
                     and not any(a <= m.start < b for a, b in asides)]
        chained = chain_roles(text, clause, in_clause)
        if _AFTER_STAY.match(text, clause.start) and any(m.start < clause.end for m in in_clause):
            _stay_was_a_stop(text, mentions, clause, events_by_clause, clause_of, background)
        for m in in_clause:
            role = chained.get(id(m)) or role_of(text, clause, m, previous) or bound_for(text, m)
            if role is not None and m.kind == "city" and m.phrase_end == m.end and _AREA_NEXT.match(text, m.end):
                role = None  # "help arrives in Valparaíso region": an area, no place landed at
            if role is not None and negated_or_modal(text, clause, role.cue_start, m.phrase_start):
                role = None
            previous = (m, role)
            if role is not None:
                told = events_by_clause.setdefault(ci, [])
                position = None
                before = told or events_by_clause.get(ci - 1, [])
                if role.role == "stopover" and before and _AFTER_STOP.search(text, clause.start, m.phrase_start):
                    # "spent a night at Ramstein, where ..., after making a fuel stop at Shannon":
                    # Shannon came first.
                    position = (before[-1].mention.start if before[-1].position is None else before[-1].position) - 1
                elif _BEFORE_THAT.match(text, clause.start, m.phrase_start) and not told:
                    # "Before that it had started its journey at Hmeimim": told last, flown first.
                    earlier = [e for es in events_by_clause.values() for e in es if e is not None]
                    if earlier:
                        position = min(e.mention.start if e.position is None else e.position for e in earlier) - 1
                told.append(Event(m, role, ci, position))

    _headline_defers(text, clause_spans, events_by_clause)
    # Aircraft only hoped for or planned ("a second flight ... could leave") fly nothing.
    for ci, clause in enumerate(clause_spans):
        sentence = next((s for s in sents if s.start <= clause.start < s.end), clause)
        if ci in by_clause and ci not in events_by_clause and (
                hypothetical(text, clause) or _GROUNDED.search(text, sentence.start, sentence.end)):
            del by_clause[ci]
    drafts = _gather(text, clause_spans, background, events_by_clause, by_clause)
    dates = [d for d in find_dates(text, year) if not background[clause_of(d.start)] and not in_dateline(text, d)]
    people = [q for q in personnel_mentions(text) if not background[clause_of(q.start)]
              and not _WISHED.search(clause_spans[clause_of(q.start)].text)]
    stamped = _timeline_dates(text, clause_spans, dates, clause_of)
    cargo = [q for q in cargo_mentions(text) if not background[clause_of(q.start)]]
    # A leader's clause is about other times only by what comes before the name ("said the
    # mission chief, X, referring to the floods of 2024" still names this flight's chief).
    leaders = [c for c in commanders if not background[clause_of(c.cue_start)]
               or not background_clause(text, Span(clause_spans[clause_of(c.cue_start)].start, c.end,
                                                    text[clause_spans[clause_of(c.cue_start)].start:c.end]), main_year)]

    flights: list[Flight] = []
    dated: dict[int, DateMention] = {}
    for draft in drafts:
        route = draft.route()
        if len(route) < 2 or (len(route) == 2 and same_place(route[0].key, route[1].key)):
            continue  # (from a place back to itself with no stop: no leg flown)
        fid = f"f{len(flights) + 1}"
        evidence: list[Evidence] = []
        stops = []
        for s in route:
            m: Mention = s.key
            stops.append(Stop(ref=PlaceRef(text=m.text, start=m.start, end=m.end, country_hint=m.country_hint),
                              role=s.role, alternatives=()))
            ev = s.payload
            if ev is not None:
                a = ev.role.cue_start if ev.role.cue_start >= m.phrase_start - 120 else m.phrase_start
                a = min(a, m.phrase_start)
                evidence.append(Evidence(s.role, text[a:m.phrase_end], a, m.phrase_end, source))
        in_draft = set(draft.clauses)
        kinds = [t for c in draft.clauses for t in by_clause.get(c, [])]
        if not kinds and draft.parent is not None:
            kinds = [t for c in draft.parent.clauses for t in by_clause.get(c, [])]
        if not kinds and aircraft and not any(v for c, v in by_clause.items() if not background[c]):
            kinds = aircraft[:1]  # the aircraft the report opens with, told in an aside
        if draft.alone:
            kinds = [k for k in kinds if k[2].designation in draft.alone]
        types = tuple(dict.fromkeys(t.designation for _, _, t in kinds))
        evidence += [Evidence("aircraft", text[a:b], a, b, source) for a, b, _ in kinds if clause_of(a) in in_draft]
        personnel, cargo_t, date, leader = None, None, None, None
        def mine(pos: int) -> bool:
            c = clause_of(pos)
            return c in in_draft and (c not in draft.spans or draft.spans[c][0] <= pos < draft.spans[c][1])

        counts = [q for q in people if mine(q.start)]
        pick = next((q for q in counts if q.kind == "personnel" and not q.subset), None) or next(
            (q for q in counts if q.kind == "crew"), None)
        if pick:
            personnel = int(pick.value)
            evidence.append(Evidence("personnel", pick.text, pick.start, pick.end, source))
            # "87 American citizens and 36 nationals of other countries": one count in parts.
            last = pick
            for q in counts:
                if q.start > last.start and q.kind == "personnel" and not q.subset \
                        and re.fullmatch(r"\s*(?:,|,?\s+and|\s+plus)\s+", text[last.end:q.start]):
                    personnel += int(q.value)
                    evidence.append(Evidence("personnel", q.text, q.start, q.end, source))
                    last = q
        load = next((q for q in cargo if mine(q.start)), None)
        if load:
            cargo_t = load.value
            evidence.append(Evidence("cargo", load.text, load.start, load.end, source))
        own = [d for d in dates if clause_of(d.start) in set(draft.event_clauses)]
        if draft.event_clauses and stamped.get(min(draft.event_clauses)) is not None:
            own = own or [stamped[min(draft.event_clauses)]]  # a timeline's entry: the day it is under
        # Else a date of a clause that tells a move or names the aircraft ("India on Sunday sent
        # 11 tonnes aboard a C-130J"), before one of other events ("the quake struck on Friday").
        own = own or [d for d in dates if clause_of(d.start) in in_draft and _tells_a_move(text, clause_spans[clause_of(d.start)], by_clause.get(clause_of(d.start)))]
        own = own or [d for d in dates if clause_of(d.start) in in_draft]
        known = sorted((d for d in own if d.iso), key=lambda d: d.iso)
        if not own and draft.kind == "split" and id(draft.parent) in dated:
            known = [dated[id(draft.parent)]]  # "a second plane" on the day already told
        if (not own and _is_return(draft) and draft.parent is not None and id(draft.parent) in dated
                and any(_SAME_DAY.search(clause_spans[c].text) for c in draft.clauses)):
            known = [dated[id(draft.parent)]]  # "two hours on the ground, then flew back": the same day
        if known and draft.parent is not None and id(draft.parent) in dated and draft.kind != "before":
            known[0] = _not_before(known[0], dated[id(draft.parent)])
        if known:
            dated[id(draft)] = known[0]
        if known:
            date = known[0].iso
            evidence.append(Evidence("date", known[0].text, known[0].start, known[0].end, source))
        elif own:
            evidence.append(Evidence("date", own[0].text, own[0].start, own[0].end, source))
            warnings.append(f"{fid}: the date {own[0].text!r} has no year; pass year= to date it")
        lead = next((c for c in leaders if _told_in(clause_of(c.cue_start), background) in in_draft), None)
        if lead is None and draft.kind == "return" and draft.parent is not None:
            # "commanded by Sana Durrani, who flew both legs": the way back's too.
            lead = next((c for c in leaders if _told_in(clause_of(c.cue_start), background) in set(draft.parent.clauses)
                         and _BOTH_LEGS.match(text, c.end)), None)
        if lead:
            leader = lead.name
            evidence.append(Evidence("commander", lead.text, lead.start, lead.end, source))
        flights.append(Flight(id=fid, stops=tuple(stops), aircraft=types, personnel=personnel,
                              cargo_tonnes=cargo_t, date=date, commander=leader,
                              evidence=tuple(sorted(evidence, key=lambda e: e.start or 0))))
    return Report(flights=tuple(flights), warnings=tuple(warnings), source=source, text=text)


def _oldest_first(text: str, entries: list[Span], *, source, year) -> Report:
    """A live blog told newest first is read oldest entry first (flights in the order they
    flew, "the C-17 has taken off from Entebbe" after "the C-130J has landed at Entebbe"),
    and every position is mapped back to the text as given."""
    head = text[:entries[0].start]
    parts = [(0, head)] + [(e.start, e.text.rstrip() + "\n\n") for e in reversed(entries)]
    moved, pieces, at = [], [], 0
    for old, piece in parts:
        moved.append((at, at + len(piece), old - at))
        pieces.append(piece)
        at += len(piece)

    def back(pos):
        if pos is None:
            return None
        return next((pos + shift for a, b, shift in moved if a <= pos < b), pos + moved[-1][2])

    def back_end(pos):
        return None if pos is None else back(pos - 1) + 1

    report = read_text("".join(pieces), source=source, year=year)
    flights = []
    for f in report.flights:
        stops = tuple(replace(s, ref=replace(s.ref, start=back(s.ref.start), end=back_end(s.ref.end))) for s in f.stops)
        evidence = tuple(replace(e, start=back(e.start), end=back_end(e.end)) for e in f.evidence)
        flights.append(replace(f, stops=stops, evidence=evidence))
    return replace(report, flights=tuple(flights), text=text)


def _headline_defers(text, clause_spans, events_by_clause) -> None:
    """A headline sums up ("How Poland's evacuation flight from Beirut unfolded"): a place
    it names that the body tells with a role of its own is the body's, in the body's order."""
    line_end = text.find("\n")
    if line_end < 0 or re.search(r"[.!?\"\u201d]\s*$", text[:line_end]):
        return
    head = [ci for ci, c in enumerate(clause_spans) if c.start < line_end]
    body = [e for ci, es in events_by_clause.items() if ci not in head for e in es]
    # A body that tells where the flight left from and landed, by town or airfield: the
    # countries the headline names are the trip's plan ("leaves for Philippines, Malaysia").
    told = {e.role.role for e in body if e.mention.kind in ("city", "airport")} >= {"origin", "destination"}
    for ci in head:
        if ci in events_by_clause:
            kept = [e for e in events_by_clause[ci] if not any(same_place(e.mention, b.mention) for b in body)
                    and not (told and e.mention.kind == "country")]
            if kept:
                events_by_clause[ci] = kept
            else:
                del events_by_clause[ci]


#: People who only want to go: "Around 200 people say they want to leave".
_WISHED = re.compile(r"\b(?:say|says|said)\s+(?:that\s+)?(?:they|he|she)\s+(?:want|wish|hope|would\s+like|plan)\b"
                     # "some 3,000 citizens have asked to leave": people waiting, not carried
                     r"|\b(?:have|has|had)\s+(?:\w+\s+)?(?:asked|applied|registered|signed\s+up|requested)\s+to\s+(?:leave|be\s+evacuated|go|return)\b", re.I)
#: What a time stamp of a timeline holds besides its date: "- Thu 3 Oct, 05:50", "Sun, 08:55 local."
_STAMP_REST = re.compile(
    r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\b|\b\d{1,2}[:.]\d{2}\b"
    r"|\b(?:local(?:\s+time)?|[ap]\.?m\.?|GMT|UTC|Z|CEST|CET|BST)\b|[\W_]", re.I)


def _timeline_dates(text, clause_spans, dates, clause_of) -> dict:
    """In a timeline or a diary (entries under time stamps: "- Thu 3 Oct, 05:50", "10:35"),
    the day each clause is under: the date of the last stamp before it, or of the last
    dated stamp when that one gives only a time.  Empty for other texts."""
    stamps = []
    for ci, c in enumerate(clause_spans):
        own = [d for d in dates if c.start <= d.start < c.end]
        rest = c.text
        for d in own:
            rest = rest.replace(d.text, "")
        if _STAMP_REST.sub("", rest) == "" and re.search(r"\d{1,2}[:.]\d{2}", c.text):
            stamps.append((ci, next((d for d in own if d.iso), None)))
    if len(stamps) < 3:
        return {}
    out, day, k = {}, None, 0
    for ci in range(len(clause_spans)):
        while k < len(stamps) and stamps[k][0] <= ci:
            day = stamps[k][1] or day
            k += 1
        out[ci] = day
    return out


def _tells_a_move(text: str, clause: Span, aircraft) -> bool:
    """Whether a clause tells a movement (a verb or noun of moving) or names an aircraft."""
    return bool(aircraft) or bool({w.low for w in words(text, clause.start, clause.end)} & MOVEMENT)


def _told_in(ci: int, background: list[bool]) -> int:
    """The clause a fact of clause ``ci`` goes with: itself, or when that clause is about
    other times, the last clause before it that is not."""
    while ci > 0 and background[ci]:
        ci -= 1
    return ci


def _not_before(day: DateMention, earlier: DateMention) -> DateMention:
    """A weekday counted back from the dateline ("on Saturday") for a flight that followed
    one already dated is the first such weekday from that flight's day on, not one before."""
    if not (day.relative and day.iso and earlier.iso and day.iso < earlier.iso and _WEEKDAY_WORD.search(day.text)
            and not day.text.lower().startswith("last")):
        return day
    d, e = dt.date.fromisoformat(day.iso), dt.date.fromisoformat(earlier.iso)
    d += dt.timedelta(days=7 * -(-(e - d).days // 7))
    return DateMention(day.start, day.end, day.text, d.isoformat(), (d.month, d.day), relative=True)


_WEEKDAY_WORD = re.compile(rf"\b(?:{WEEKDAY_NAMES})\b", re.I)


def _group(items, key) -> dict[int, list]:
    out: dict[int, list] = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out


def _gather(text, clause_spans, background, events_by_clause, by_clause) -> list[Draft]:
    """Group the clauses into flight drafts (see module notes)."""
    drafts: list[Draft] = []
    current: Draft | None = None
    pending: list[int] = []
    told_back: list[int] = []  # "The return was Monday": clauses about a way back not told yet
    for ci, clause in enumerate(clause_spans):
        if current is not None and _STORY_HEAD.match(text, clause.start) and text[:clause.start].rstrip(" \t").endswith("\n"):
            # A bulletin's next item ("ITALY. Forty-four people ..."): another story, so
            # no flight goes on from the one before.
            current, pending = None, []
        if background[ci]:
            continue
        events = events_by_clause.get(ci, [])
        types = {t.designation for _, _, t in by_clause.get(ci, [])}
        if not events:
            back = next((d for d in reversed(drafts) if d is not current and _is_return(d)), None)
            if (current is not None and back is None and not _is_return(current) and current.final() is not None
                    and _RETURN_NOUN.match(clause.text)):
                told_back.append(ci)
            if current is None or (current.events and _AGAIN.search(clause.text)):
                # ("took off again with 18 people": the next leg's, told before its places)
                pending.append(ci)
            elif back is not None and not _is_return(current) and _RETURN_CUE.search(clause.text):
                back.clauses.append(ci)  # "The return flight carried 47 passengers"
            elif (back is None and not _is_return(current) and not _heads_home(current) and _BACK_LEG.search(clause.text)
                  and not hypothetical(text, clause) and current.final() is not None
                  and any(e.role.role == "origin" for e in current.events)):
                # "On the return leg, the Il-76 brought home 27 citizens": the way back,
                # from where the flight ended to where it began, told without places.
                origin = next(s.key for s in current.route() if s.role == "origin")
                current = Draft(parent=current, kind="return", implicit_origin=current.final(),
                                implicit_destination=origin, clauses=[ci])
                drafts.append(current)
            else:
                current.clauses.append(ci)
            continue
        parts = _legs_of_clause(text, events)
        for k, part in enumerate(parts):
            target = _choose(text, clause, current, drafts, part, types, by_clause)
            if len(parts) > 1:
                lo = parts[k - 1][-1].mention.phrase_end if k else clause.start
                hi = part[-1].mention.phrase_end if k + 1 < len(parts) else clause.end
                target.spans[ci] = (lo, hi)
            if target is not current and target not in drafts:
                drafts.append(target)
                if pending:
                    target.clauses.extend(pending)
                    pending = []
                if told_back and (target.kind == "return" or _heads_home(target)) and target.parent is not None:
                    # "The return was Monday ... Beijing back to Chaklala": the way back's date.
                    target.parent.clauses = [c for c in target.parent.clauses if c not in told_back]
                    target.clauses.extend(told_back)
            if pending and target is current:
                target.clauses.extend(pending)
                pending = []
            told_back = []
            if target is current and target.events and (_ONWARD.search(clause.text) or any(e.role.chained for e in part)):
                # "From Andersen it went onward to Clark": the same flight goes on.
                final = current.final()
                part = [e for e in part if not (e.role.role == "origin" and final is not None
                                                and same_place(e.mention, final))]
            target.events.extend(part)
            if ci not in target.clauses:
                target.clauses.append(ci)
                target.event_clauses.append(ci)
            current = target
    _lead_sums_up(drafts)
    for d in list(drafts):
        if d.kind == "before" and d.parent in drafts:
            drafts.remove(d)
            drafts.insert(drafts.index(d.parent), d)  # flights in the order they flew
    for d in drafts:
        # The way back told first ("landed back at Vnukovo on 15 July"), then the flight out
        # ("four days earlier it had taken off from Vnukovo for Pyongyang"): the way back
        # starts where the flight out ended.
        if _is_return(d) and d.implicit_origin is None and not any(e.role.role == "origin" for e in d.events):
            out = next((x for x in drafts if x.parent is d and any(e.role.role == "origin" and e.role.earlier
                                                                  for e in x.events)), None)
            if out is not None:
                d.implicit_origin = out.final()
                drafts.remove(out)
                drafts.insert(drafts.index(d), out)  # flights in the order they flew
        if d.kind == "split" and d.parent is not None and not any(e.role.role == "origin" for e in d.events):
            origin = next((s.key for s in d.parent.route() if s.role == "origin"), None)
            d.implicit_origin = origin
        # "An An-124 arrived separately from Khartoum": it arrived where the flight told
        # before it did.
        if (d.kind == "split" and d.parent is not None and not any(e.role.role == "destination" for e in d.events)
                and any(_ARRIVED.search(clause_spans[c].text) for c in d.event_clauses)):
            d.implicit_destination = d.parent.final()
        # "landed at the same airport", "went from the same airfield": the place of the
        # flight told before.
        if d.parent is not None and d.kind in ("split", "next"):
            told = " ".join(clause_spans[c].text for c in d.event_clauses)
            if not any(e.role.role == "destination" for e in d.events) and _SAME_AT.search(told):
                d.implicit_destination = d.parent.final()
            if not any(e.role.role == "origin" for e in d.events) and _SAME_FROM.search(told):
                d.implicit_origin = next((s.key for s in d.parent.route() if s.role == "origin"), None)
    return drafts


def _lead_sums_up(drafts: list[Draft]) -> None:
    """A report that opens with the plane back home ("returned to Astana on Saturday with 84
    people") and then tells the trip from there ("flew out of Astana on Friday ... took off
    from Amman ... before continuing to the capital"): the opening sums up the trip.  It is
    no flight of its own; its facts go with the way back, which ends at that home."""
    # (a headline told before it may stand first: "brings home 84 citizens via Jordan")
    lead = next((d for d in drafts[:2] if any(e.role.role == "destination" for e in d.events)), None)
    if lead is None or lead is drafts[-1] or any(e.role.role == "origin" for d in drafts[:drafts.index(lead) + 1]
                                                 for e in d.events):
        return
    dests = [e for e in lead.events if e.role.role == "destination"]
    if not all(e.role.returning for e in dests):
        return
    home = dests[-1].mention
    nxt = drafts.index(lead) + 1
    chain = [d for d in drafts[nxt:nxt + 1] if d.parent is lead and d.kind == "next"
             and any(e.role.role == "origin" and same_place(e.mention, home) for e in d.events)]
    if not chain:
        return
    for d in drafts[nxt + 1:]:
        if d.parent in chain and d.kind in ("next", "return"):
            chain.append(d)
    last = chain[-1]
    if last is chain[0] or not any(e.role.role == "destination" for e in last.events):
        return  # no way back told: the opening is all there is of it
    if last.final() is None or not same_place(last.final(), home):
        return
    last.clauses[:0] = [c for c in lead.clauses if c not in last.clauses]
    last.event_clauses[:0] = [c for c in lead.event_clauses if c not in last.event_clauses]
    drafts.remove(lead)


#: A way back told by the hour, not the day: "after two hours on the ground", "at 10:12 UTC", "later that day".
_SAME_DAY = re.compile(r"\b(?:\d{1,2}[:.]\d{2}\s*(?:UTC|GMT|Z|local)\b|(?:an?|one|two|three|four|five|six|few|several)\s+hours?\b"
                       r"|(?:the\s+)?same\s+(?:day|afternoon|evening|night)\b|later\s+(?:that|the\s+same)\s+day\b)", re.I)
#: The heading of a bulletin's item: "SOMALIA. Two Egyptian ...", "SPORT. Egypt have ...".
_STORY_HEAD = re.compile(r"[A-Z][A-Z'\u2019&-]+(?:\s+[A-Z][A-Z'\u2019&-]+){0,3}\.\s+[A-Z]")
_AREA_NEXT = re.compile(r"\s+(?:region|area|province|district|department)\b", re.I)
_LANDED = re.compile(r"(?:landed|lands|landing|arrived|arrives|arriving|touched\s+down)\b", re.I)
_RETURN_CUE = re.compile(
    r"\b(?:flew|flown|flies|fly|flying|headed|heads|went|came|travell?ed|set\s+off|left)\s+back\b"
    r"|\breturn(?:ed|s|ing)?\b(?!\s+(?:to|from)\b)|\b(?:the|its|their|a)\s+return\s+(?:flight|leg|journey|trip)\b"
    r"|\b(?:on\s+the\s+way|on\s+its\s+way)\s+(?:back|home)\b", re.I)
#: An aircraft named only to compare: "small compared with the American C-17 force".
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|comparable\s+(?:with|to)|equivalent\s+(?:of|to)|than|unlike|similar\s+to|such\s+as|like"
                       # "the KC-30, a military version of the Airbus A330": the type it is built on
                       r"|(?:version|variant|derivative|development|conversion)\s+of|based\s+on|derived\s+from)\s+(?:the|a|an|its|their)?\s*"
                       r"(?:[A-Z][\w-]*\s+){0,3}$")
#: A flight back told without its places: "on the return leg", "the return flight carried".
_BACK_LEG = re.compile(r"\b(?:on\s+)?(?:the|its|their)\s+(?:return|homeward)\s+(?:flight|leg|journey|trip)\b", re.I)
_SAME = r"(?:the\s+)?(?:very\s+)?same\s+(?:airport|airfield|air\s*base|base|aerodrome|airstrip|place|city|destination)\b"
_SAME_AT = re.compile(r"\b(?:arrived|arrives|arriving|landed|lands|landing|touched\s+down|flew|flown|went|go|goes|came|headed)"
                      r"\s+(?:\w+\s+){0,2}?(?:at|in|to|into)\s+" + _SAME, re.I)
_SAME_FROM = re.compile(r"\b(?:from|left|leaves|leave|departed|departs)\s+" + _SAME, re.I)
#: A second take-off: "took off again", "left again" (the next leg starts).
_AGAIN = re.compile(r"\b(?:(?:took|taking|takes)\s+off|(?:lifted|lifting)\s+off|left|leaving|departed|departing|(?:set|setting)\s+off|was\s+airborne)\s+again\b", re.I)
_ARRIVED = re.compile(r"\b(?:arrived|arrives|arriving|landed|lands|landing|touched\s+down)\b(?!\s+(?:in|at|on)\b)", re.I)


def _new_origin(current: Draft, events: list[Event]) -> bool:
    """Whether ``events`` start from a place other than the origin ``current`` already has
    (told as happening now, not "had left X earlier"), and it is no place of the flight."""
    origins = [e.mention for e in current.events if e.role.role == "origin"]
    implied = [current.implicit_origin] if current.implicit_origin is not None else []
    origins += implied  # a return starts where the flight before it ended
    if not origins:
        return False
    placed = [e.mention for e in current.events] + implied
    for e in events:
        if e.role.role != "origin" or e.role.returning or e.role.earlier:
            continue
        m = e.mention
        if any(same_place(m, p) or _within(m, p) or _within(p, m) for p in placed):
            continue
        return True
    return False


def _within(a: Mention, b: Mention) -> bool:
    """Whether ``a`` is a country that holds ``b``."""
    return a.kind == "country" and a.country is not None and a.country == b.country


#: "After a night on the island, the jet flew on to Rota": the place told just before was a stop.
_AFTER_STAY = re.compile(
    r"\W*after\s+(?:a|an|one|two|three|several|a\s+few)\s+(?:brief\s+|short\s+)?(?:night|nights|overnight\s+stay|stay|day|days|hours|rest)\s+"
    r"(?:on\s+the\s+island|there|on\s+the\s+ground\s+there|in\s+the\s+(?:city|town|capital))\s*,", re.I)


def _stay_was_a_stop(text, mentions, clause, events_by_clause, clause_of, background) -> None:
    """The place named last before ``clause`` (and on no route yet) becomes a stop."""
    told = {id(e.mention) for es in events_by_clause.values() for e in es}
    before = [m for m in mentions if m.end <= clause.start and m.kind in ("airport", "city")
              and not re.search(r",\s*(?:who|whose)\b[^,.;\"\u201d]*$", text[max(0, m.start - 120):m.start])]
    if not before or id(before[-1]) in told:
        return
    m = before[-1]
    ci = clause_of(m.start)
    if background[ci] or ci not in events_by_clause and not any(events_by_clause.get(c) for c in range(ci)):
        return
    events_by_clause.setdefault(ci, []).append(Event(m, Role("stopover", m.phrase_start), ci, None))


#: A flat denial: "No Russian military plane has landed in Venezuela".
_NO_PLANE = re.compile(
    r"\b[Nn]o\s+(?:[\w-]+\s+){0,3}?(?:plane|planes|aircraft|flight|flights|jet|jets|airliner)\s+(?:has|have|had)\s+"
    r"(?:ever\s+|yet\s+)?(?:landed|arrived|flown|touched\s+down)\b")


def _denied_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraph before a flat denial that no plane landed: the claims it
    answers ("tracking data showed ... heading to Caracas. 'No Russian plane has landed'")."""
    out = []
    for m in _NO_PLANE.finditer(text):
        para = max(text.rfind("\n\n", 0, m.start()), 0)
        out.append((para, m.end()))
    return out


_BEFORE_THAT = re.compile(r"\W*(?:before\s+(?:that|this|then)|prior\s+to\s+(?:that|this))\b", re.I)
_AFTER_STOP = re.compile(r"\bafter\s+(?:making\s+|having\s+made\s+)?(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:stop|stopover|stop-over|layover|landing)\s+(?:at|in)\s+(?:the\s+)?$", re.I)
#: An aircraft that did not fly: "its departure was postponed", "it has not flown yet".
_GROUNDED = re.compile(
    r"\b(?:departure|flight|take-?off|trip)\s+(?:was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:postponed|cancell?ed|delayed|called\s+off|scrapped)"
    r"|\b(?:has|have|had)\s+not\s+(?:yet\s+)?(?:flown|left|taken\s+off|departed)\b|\bnever\s+(?:took\s+off|left|flew)\b", re.I)
_BOTH_LEGS = re.compile(r"[^.;]{0,40}?\b(?:both\s+(?:legs|ways|flights|directions)|there\s+and\s+back|the\s+round\s+trip)\b", re.I)
#: A clause that opens on the way back: "The return was Monday", "OMAR: The return flight left at dawn".
_RETURN_NOUN = re.compile(r"\W*(?:[A-Z]+:\s*)?(?:the|its|their)\s+(?:return|homeward)\b(?:\s+(?:flight|leg|journey|trip))?"
                          r"\s+(?:was|came|took\s+place|happened|followed|left|departed)\b", re.I)


def _heads_home(d: Draft) -> bool:
    """Whether a flight from where the last one ended was headed (or went) back to where
    that one began ("the return filing, UACC RKSM"): it is already the way home."""
    if d.kind != "next" or d.parent is None:
        return False
    home = next((s.key for s in d.parent.route() if s.role == "origin"), None)
    return home is not None and any(e.role.role == "destination" and same_place(e.mention, home) for e in d.events)


def _is_return(d: Draft) -> bool:
    """Whether the draft is a flight back."""
    return d.kind == "return" or (bool(d.events) and all(e.role.returning for e in d.events
                                                         if e.role.role == "destination")
                                  and any(e.role.role == "destination" for e in d.events))


_ONWARD = re.compile(r"\b(?:onward|onwards|on\s+to|continued|continuing|continues|proceeded)\b"
                     # a log of one journey's legs: "Leg 2: departed PHIK", "the second leg left Hickam"
                     r"|^\W*leg\s+\d+\b|\b(?:second|third|fourth|next|final|last|onward)\s+leg\b", re.I)


def _legs_of_clause(text: str, events: list[Event]) -> list[list[Event]]:
    """A clause that tells a flight and then its way back ("fly from Amman to Port Sudan,
    and same day come back to Marka") is cut before the return; "flew on to Havana before
    returning to Moscow" stays one flight."""
    for i, e in enumerate(events):
        if i and e.role.returning and e.role.role == "destination" and any(
                x.role.role == "destination" and not x.role.returning for x in events[:i]):
            gap = text[events[i - 1].mention.phrase_end:e.mention.phrase_start]
            if re.search(r"\b(?:and|then)\b", gap) and not re.search(r"\b(?:before|after)\b", gap):
                return [events[:i], events[i:]]
    return [events]


def _choose(text, clause, current, drafts, events, types, by_clause) -> Draft:
    if current is None:
        return Draft()
    if current.events and any(e.role.chained for e in current.events):
        final = current.final()
        if final is not None and any(e.role.chained and e.role.role == "origin" and same_place(e.mention, final)
                                     for e in events):
            return current  # the next line of a written routing: "WIHH - WIMM", "WIMM - VCBI"
    home = next((e.mention for e in current.events if e.role.role == "origin"), None)
    # "took off from Amman ... before continuing to Astana", where the flight began: the way back.
    homeward = home is not None and any(e.role.role == "destination" and same_place(e.mention, home) for e in events)
    if current.events and _ONWARD.search(clause.text) and not any(e.role.returning for e in events) and not homeward:
        final = current.final()
        if final is not None and any(e.role.role == "origin" and same_place(e.mention, final) for e in events) \
                and not (types and current.types(by_clause) and not (types & current.types(by_clause))):
            return current
    has_dest = any(e.role.role == "destination" for e in current.events)
    if current.events and all(e.role.continuing and e.role.returning for e in events if e.role.role == "destination") \
            and any(e.role.role == "destination" for e in events) and not any(e.role.role == "origin" for e in events):
        return current  # "continued home to Wunstorf": the same flight's last leg
    if any(e.role.returning for e in events) and current.events:
        final = current.final()
        return Draft(parent=current, kind="return", implicit_origin=final)
    # "The same plane flew back on Saturday, with a stop in Hurghada, landing at Minsk":
    # the way back told before its places.
    first = min(e.mention.phrase_start for e in events)
    back = _RETURN_CUE.search(text, clause.start, first)
    # "took off again for Cologne", where it began: a second take-off home is the way back.
    back = back or (homeward and _AGAIN.search(text, clause.start, first))
    if back and has_dest and not any(e.role.role == "origin" for e in events):
        return Draft(parent=current, kind="return", implicit_origin=current.final())
    # "took off from Machulishchy ... landed in Ashgabat ... the plane landed at Minsk
    # National Airport": an arrival back where the flight began is the way back.
    home = next((e.mention for e in current.events if e.role.role == "origin"), None)
    final = current.final()
    if (has_dest and home is not None and final is not None and not same_place(final, home) and events
            and all(e.role.role == "destination" and not e.role.earlier and not e.role.intended for e in events)
            and any(same_place(e.mention, home) and _LANDED.match(text, e.role.cue_start) for e in events)):
        return Draft(parent=current, kind="return", implicit_origin=final)
    final = current.final()
    if final is not None and any(e.role.role == "origin" and same_place(e.mention, final) for e in events):
        return Draft(parent=current, kind="next")
    # "The same aircraft had left Rio on Wednesday bound for Lebanon": a departure told in
    # the pluperfect from a place not on the flight told so far is a flight flown before it.
    if has_dest and any(e.role.role == "origin" for e in current.events) and any(
            e.role.role == "origin" and e.role.earlier and not e.role.returning
            and not any(same_place(e.mention, x.mention) or _within(e.mention, x.mention) or _within(x.mention, e.mention)
                        for x in current.events) for e in events) and any(e.role.role != "origin" for e in events):
        return Draft(parent=current, kind="before")
    # A second departure from elsewhere once the flight has begun and ended: another flight
    # ("the troops were flown from Ivanovo ... a contingent took off from Machulishchy").
    if has_dest and _new_origin(current, events):
        return Draft(parent=current, kind="split")
    mine = current.types(by_clause)
    if has_dest and types and len(mine) > 1 and types < mine and not any(e.role.role == "origin" for e in events):
        # Two aircraft flew together, then "the Hercules went on to Mount Hagen": one of
        # them flies on alone, a flight of its own from where they landed.
        return Draft(parent=current, kind="next", implicit_origin=current.final(), alone=frozenset(types))
    if types and mine and not (types & mine) and has_dest:
        for d in drafts:
            if types & d.types(by_clause):
                return d
        return Draft(parent=current, kind="split")
    if has_dest and _SPLIT.search(clause.text) and not re.search(r"\bboth\b", clause.text, re.I):
        return Draft(parent=current, kind="split")
    return current
