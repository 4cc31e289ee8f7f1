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
   aircraft (or "a second plane", "separately") other than the current flight's;
5. :mod:`.order` puts each flight's places in flight order;
6. numbers, dates, aircraft and commanders go to the flight whose clauses hold them
   (clauses without a place go to the flight told just before them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..aircraft import find_in_text
from ..model import Evidence, Flight, PlaceRef, Report, Stop
from .dates import DateMention, find_dates, in_dateline, text_year
from .numbers import cargo_mentions, personnel_mentions
from .order import Stopish, flight_order
from .people import find_commanders
from .places import Mention, place_mentions, same_place
from .roles import Role, background_clause, bound_for, chain_roles, hypothetical, negated_or_modal, role_of
from .sentences import Span, clauses, sentences

__all__ = ["read_text"]

_SPLIT = re.compile(
    r"\b(?:(?:a|the)\s+second\s+(?:\w+\s+)?(?:plane|aircraft|jet|transport|flight|airliner|freighter|one)"
    r"|another\s+(?:\w+\s+)?(?:plane|aircraft|jet|transport|flight|one)|separately|the\s+other\s+(?:plane|aircraft|jet)"
    r"|(?:a|the)\s+separate\s+(?:[\w-]+\s+){0,3}?(?:plane|aircraft|jet|transport|flight|airliner|freighter|charter))\b",
    re.I,
)


@dataclass
class Event:
    mention: Mention
    role: Role
    clause: int


@dataclass
class Draft:
    """A flight being gathered: its events and the clauses whose facts it takes."""

    events: list[Event] = field(default_factory=list)
    clauses: list[int] = field(default_factory=list)
    event_clauses: list[int] = field(default_factory=list)
    parent: "Draft | None" = None
    kind: str = "main"  # main, return, next (leaves where the last ended), split
    implicit_origin: Mention | None = None
    implicit_destination: Mention | None = None

    def types(self, aircraft_by_clause) -> set[str]:
        return {t.designation for c in self.clauses for _, _, t in aircraft_by_clause.get(c, [])}

    def route(self) -> list[Stopish]:
        # Where it was headed: dropped when it was diverted, else the end of the route.
        diverted = any(e.role.diverted for e in self.events)
        stops = [
            Stopish(e.mention, e.role.role, e.mention.start + (10**8 if e.role.intended else 0),
                    e.role.earlier, e.role.continuing, e.role.and_back, e.role.returning, payload=e)
            for e in self.events if not (e.role.intended and diverted)
        ]
        if self.implicit_origin is not None and not any(s.role == "origin" for s in stops):
            stops.append(Stopish(self.implicit_origin, "origin", -1, payload=None))
        if self.implicit_destination is not None and not any(s.role == "destination" for s in stops):
            stops.append(Stopish(self.implicit_destination, "destination", 10**9, payload=None))
        return flight_order(stops, same=same_place, redundant=_redundant)

    def final(self) -> Mention | None:
        route = self.route()
        if route and route[-1].role != "origin":
            return route[-1].key
        return None


def _redundant(m: Mention, others: list[Mention]) -> bool:
    """A country with a finer place of the same country on the flight says nothing more."""
    return m.kind == "country" and any(o.kind != "country" and o.country == m.country for o in others)


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
    warnings: list[str] = []
    sents = sentences(text)
    clause_spans: list[Span] = [c for s in sents for c in clauses(text, s)]
    main_year = text_year(text) or year
    background = [background_clause(text, c, main_year) for c in clause_spans]

    def clause_of(pos: int) -> int:
        for i, c in enumerate(clause_spans):
            if c.start <= pos < c.end:
                return i
        return max((i for i, c in enumerate(clause_spans) if c.start <= pos), default=0)

    aircraft = find_in_text(text)
    commanders = find_commanders(text)
    exclude = [(a, b) for a, b, _ in aircraft] + [(c.start, c.end) for c in commanders]
    mentions = place_mentions(text, exclude=exclude)
    by_clause = _group(aircraft, lambda a: clause_of(a[0]))
    events_by_clause: dict[int, list[Event]] = {}
    for ci, clause in enumerate(clause_spans):
        if background[ci]:
            continue
        previous = None
        in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
        chained = chain_roles(text, clause, in_clause)
        for m in in_clause:
            role = chained.get(id(m)) or role_of(text, clause, m, previous) or bound_for(text, m)
            if role is not None and negated_or_modal(text, clause, role.cue_start, m.phrase_start):
                role = None
            previous = (m, role)
            if role is not None:
                events_by_clause.setdefault(ci, []).append(Event(m, role, ci))

    # Aircraft only hoped for or planned ("a second flight ... could leave") fly nothing.
    for ci, clause in enumerate(clause_spans):
        if ci in by_clause and ci not in events_by_clause and hypothetical(text, clause):
            del by_clause[ci]
    drafts = _gather(text, clause_spans, background, events_by_clause, by_clause)
    dates = [d for d in find_dates(text, year) if not background[clause_of(d.start)] and not in_dateline(text, d)]
    people = [q for q in personnel_mentions(text) if not background[clause_of(q.start)]]
    cargo = [q for q in cargo_mentions(text) if not background[clause_of(q.start)]]
    leaders = [c for c in commanders if not background[clause_of(c.cue_start)]]

    flights: list[Flight] = []
    dated: dict[int, DateMention] = {}
    for draft in drafts:
        route = draft.route()
        if len(route) < 2:
            continue
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
        types = tuple(dict.fromkeys(t.designation for _, _, t in kinds))
        evidence += [Evidence("aircraft", text[a:b], a, b, source) for a, b, _ in kinds if clause_of(a) in in_draft]
        personnel, cargo_t, date, leader = None, None, None, None
        counts = [q for q in people if clause_of(q.start) in in_draft]
        pick = next((q for q in counts if q.kind == "personnel" and not q.subset), None) or next(
            (q for q in counts if q.kind == "crew"), None)
        if pick:
            personnel = int(pick.value)
            evidence.append(Evidence("personnel", pick.text, pick.start, pick.end, source))
        load = next((q for q in cargo if clause_of(q.start) in in_draft), None)
        if load:
            cargo_t = load.value
            evidence.append(Evidence("cargo", load.text, load.start, load.end, source))
        own = [d for d in dates if clause_of(d.start) in set(draft.event_clauses)]
        own = own or [d for d in dates if clause_of(d.start) in in_draft]
        known = sorted((d for d in own if d.iso), key=lambda d: d.iso)
        if not own and draft.kind == "split" and id(draft.parent) in dated:
            known = [dated[id(draft.parent)]]  # "a second plane" on the day already told
        if known:
            dated[id(draft)] = known[0]
        if known:
            date = known[0].iso
            evidence.append(Evidence("date", known[0].text, known[0].start, known[0].end, source))
        elif own:
            evidence.append(Evidence("date", own[0].text, own[0].start, own[0].end, source))
            warnings.append(f"{fid}: the date {own[0].text!r} has no year; pass year= to date it")
        lead = next((c for c in leaders if clause_of(c.cue_start) in in_draft), None)
        if lead:
            leader = lead.name
            evidence.append(Evidence("commander", lead.text, lead.start, lead.end, source))
        flights.append(Flight(id=fid, stops=tuple(stops), aircraft=types, personnel=personnel,
                              cargo_tonnes=cargo_t, date=date, commander=leader,
                              evidence=tuple(sorted(evidence, key=lambda e: e.start or 0))))
    return Report(flights=tuple(flights), warnings=tuple(warnings), source=source, text=text)


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
    for ci, clause in enumerate(clause_spans):
        if background[ci]:
            continue
        events = events_by_clause.get(ci, [])
        types = {t.designation for _, _, t in by_clause.get(ci, [])}
        if not events:
            if current is None:
                pending.append(ci)
            else:
                current.clauses.append(ci)
            continue
        target = _choose(text, clause, current, drafts, events, types, by_clause)
        if target is not current and target not in drafts:
            drafts.append(target)
            if len(drafts) == 1:
                target.clauses.extend(pending)
                pending = []
        target.events.extend(events)
        target.clauses.append(ci)
        target.event_clauses.append(ci)
        current = target
    for d in drafts:
        if d.kind == "split" and d.parent is not None and not any(e.role.role == "origin" for e in d.events):
            origin = next((s.key for s in d.parent.route() if s.role == "origin"), None)
            d.implicit_origin = origin
        # "An An-124 arrived separately from Khartoum": it arrived where the flight told
        # before it did.
        if (d.kind == "split" and d.parent is not None and not any(e.role.role == "destination" for e in d.events)
                and any(_ARRIVED.search(clause_spans[c].text) for c in d.event_clauses)):
            d.implicit_destination = d.parent.final()
    return drafts


_RETURN_CUE = re.compile(
    r"\b(?:flew|flown|flies|fly|flying|headed|heads|went|came|travell?ed|set\s+off|left)\s+back\b"
    r"|\breturn(?:ed|s|ing)?\b(?!\s+(?:to|from)\b)|\b(?:the|its|their|a)\s+return\s+(?:flight|leg|journey|trip)\b"
    r"|\b(?:on\s+the\s+way|on\s+its\s+way)\s+(?:back|home)\b", re.I)
_ARRIVED = re.compile(r"\b(?:arrived|arrives|arriving|landed|lands|landing|touched\s+down)\b(?!\s+(?:in|at|on)\b)", re.I)


def _new_origin(current: Draft, events: list[Event]) -> bool:
    """Whether ``events`` start from a place other than the origin ``current`` already has
    (told as happening now, not "had left X earlier"), and it is no place of the flight."""
    origins = [e.mention for e in current.events if e.role.role == "origin"]
    if not origins:
        return False
    placed = [e.mention for e in current.events]
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


def _choose(text, clause, current, drafts, events, types, by_clause) -> Draft:
    if current is None:
        return Draft()
    has_dest = any(e.role.role == "destination" for e in current.events)
    if any(e.role.returning for e in events) and current.events:
        final = current.final()
        return Draft(parent=current, kind="return", implicit_origin=final)
    # "The same plane flew back on Saturday, with a stop in Hurghada, landing at Minsk":
    # the way back told before its places.
    first = min(e.mention.phrase_start for e in events)
    back = _RETURN_CUE.search(text, clause.start, first)
    if back and has_dest and not any(e.role.role == "origin" for e in events):
        return Draft(parent=current, kind="return", implicit_origin=current.final())
    final = current.final()
    if final is not None and any(e.role.role == "origin" and same_place(e.mention, final) for e in events):
        return Draft(parent=current, kind="next")
    # A second departure from elsewhere once the flight has begun and ended: another flight
    # ("the troops were flown from Ivanovo ... a contingent took off from Machulishchy").
    if has_dest and _new_origin(current, events):
        return Draft(parent=current, kind="split")
    mine = current.types(by_clause)
    if types and mine and not (types & mine) and has_dest:
        for d in drafts:
            if types & d.types(by_clause):
                return d
        return Draft(parent=current, kind="split")
    if has_dest and _SPLIT.search(clause.text) and not re.search(r"\bboth\b", clause.text, re.I):
        return Draft(parent=current, kind="split")
    return current
