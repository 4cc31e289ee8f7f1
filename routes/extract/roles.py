"""The role a place mention plays on a route, from the cue words around it.

A place is on a route only when a cue ties it to a flight:

* origin: "set off from", "took off from", "departed (from)", "left X", "flew out of",
  "originated in", "loaded in", "picked up ... in", "from X to Y";
* stopover: "via", "stopover in", "stopped (over) in", "refuelled in", "transited",
  "made a stop at", "layover at", "X, where it refuelled", "touched down in X en route";
* destination: "arrived in/at/to", "landed in/at", "touched down at", "reached X",
  "headed to", "bound for", "flew to", "delivered ... to", "returned to" (a return flight),
  "on to" / "then to" (a further leg).

The preposition in front of the noun phrase decides what kind of cue to look for: "from"
and "to" need a verb of movement somewhere before them in the clause ("took 96 citizens to
X"), while "in"/"at"/"for" need the cue right before them, with only time words between
("landed on Sunday evening at X"), so that "a source in Caracas" or "aid for Lebanon" are
not stops.  Clauses that deny ("did not land in"), hedge or look ahead ("could be bound
for", "will travel on to") give no role, nor do clauses about other times ("similar flights
last year", "regularly").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .places import Mention
from .sentences import Span, words

__all__ = ["Role", "role_of", "chain_roles", "bound_for", "background_clause", "background_asides", "negated_or_modal", "hypothetical",
           "MOVEMENT"]

ORIGIN, STOPOVER, DESTINATION = "origin", "stopover", "destination"

MOVEMENT = frozenset(
    """fly flew flown flying flies flight flights headed heading heads head bound sent send sending
    dispatched deployed delivered delivering delivers returned return returning returns back continued
    continuing continues continue proceeded proceeding went travelled traveled travel travelling traveling
    took taken taking takes carried carrying carries brought bringing transported transporting airlifted
    airlift ferried ferrying evacuated evacuating evacuate moved relocated redeployed departed departing
    departs depart left leaving leaves leave set off out journey route hop leg arrived arriving arrive
    arrives landed landing land came coming come comes en way transferred shipped diverted rerouted redirected
    onward onwards flown-in airborne go goes""".split()
)
#: Cues that put the place right after "in"/"at"/"on" on the route, and which role they give.
AT_CUES = {
    **dict.fromkeys(
        "arrived arrive arrives arriving arrival landed land lands landing touched touching touchdown ground "
        "down ended terminated spotted seen photographed parked unloaded".split(), DESTINATION),
    **dict.fromkeys(
        "stopover stopovers stop-over stop stops stopped stopping refuel refuels refuelled refueled "
        "refuelling refueling layover transit transited transiting stayed overnight spent halt halted "
        # "called at Bole to unload": a call on the way
        "called calling calls".split(), STOPOVER),
    **dict.fromkeys("originated originating originates loaded boarded embarked positioned pre-positioned "
                    "prepositioned stationed staged".split(), ORIGIN),
}
#: Cues for "for": "left Moscow for Havana", "bound for Germany".
FOR_CUES = frozenset(
    "departed departing departs depart left leaving leaves leave off out bound headed heading head "
    "set sailed flight flights".split()
)
#: Words that may stand between a cue and "in"/"at"/"for": times and adverbs.
FILLERS = frozenset(
    """on the a an same day morning afternoon evening night later earlier early late safely shortly
    finally eventually again also then first briefly there hours hour minutes after before midnight
    noon midday of that this successfully reportedly yesterday today tonight soon just both together
    all around about am pm a.m p.m local time gmt utc monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec planes plane aircraft jet jets it they
    in brief short technical refuelling refueling intermediate scheduled unscheduled fuel
    its their hop instead straight directly non-stop nonstop over within few several couple
    back way south north east west southward northward eastward westward across home night nights
    for one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
    sixty seventy eighty ninety hundred half roughly approximately some
    twice once thrice along
    air base airbase airport airfield""".split()  # "stopped twice along the way, at"; "left an air base in X for Y"
)
#: Words right before "to" that make it no movement ("according to", "ambassador to").
TO_BLOCKERS = frozenset(
    """according due close closer next prior contrary owing thanks belongs belonged belonging
    ambassador envoy visit visits relating related similar compared addition threat ties relations
    access respect regard reference allegiance neighbouring adjacent adjoining exports sanctions
    support aid assistance operations headquarters offices office activities business businesses
    production rain rains rainfall downpours winds gusts snow snowfall storms flooding floods damage
    devastation destruction""".split()  # weather brought to places: "bringing rain to X"
)
#: Blockers that are also what a flight carries: "aid to Lebanon" is no movement, but
#: "delivered 40 tonnes of aid to Damascus" is.
CARRIED_TO = frozenset("aid assistance support".split())
_CARRY = frozenset(
    """delivered delivering delivers brought bringing carried carrying carries flew flown airlifted
    transported transporting ferried shipped sent dispatched""".split()
)
#: People nouns before "from": "the group from Russia" says who, not where the flight began.
PROVENANCE = frozenset(
    """group delegation team troops servicemen soldiers specialists experts officials official
    diplomats citizens nationals people members personnel contractors mercenaries doctors
    instructors advisers advisors journalists media reports report companies company forces
    military man men women guests visitors delegates representatives workers volunteers students
    tourists refugees ambassador minister president leader envoy pilgrims passengers observers
    evacuees fans athletes players monitors inspectors old native natives resident residents""".split()
)
#: Nouns before "from" that say who spoke or acted, never where a flight began, even after a
#: verb of movement ("delivered fuel despite warnings from Washington").
NOT_MOVED = frozenset(
    """warning warnings attention criticism pressure objections objection protest protests condemnation
    approval permission order orders request requests invitation invitations call calls demand demands
    statement statements response reaction reactions message messages letter letters threats threat
    opposition resistance scrutiny concern concerns complaints complaint praise congratulations
    interference sanctions""".split()
)
#: Verbs of where people are from ("who came from", "who hail from").
_HAIL = frozenset("came come comes hail hails hailed originate originated".split())
_DIRECT = {
    **dict.fromkeys("left leaving leave leaves departed departing departs depart quit vacated".split(), ORIGIN),
    # "arrived PHIK", "landed YAMB": a tracker's log leaves out the preposition
    **dict.fromkeys("reached reaching reach reaches arrived landed".split(), DESTINATION),
    **dict.fromkeys("transited transiting".split(), STOPOVER),
}
#: Loads that travel on by themselves: "a mail shipment bound for Bahrain".
_CONSIGNMENTS = frozenset("shipment shipments consignment consignments mail parcel parcels package packages freight".split())
#: Cues of a destination headed for, not yet reached ("bound for", "en route to").
_INTENDED = frozenset("bound headed heading heads head route way destined".split())
_HEADED = re.compile(r"\b(?:en\s+route|(?<!-)bound|head(?:ed|ing)|on\s+(?:its|their|the)\s+way|destined)\b", re.I)
_DIVERSION = re.compile(r"\b(?:divert\w*|re-?rout\w*|redirect\w*|forced\s+to\s+land|emergency\s+landing)\b", re.I)
#: Movement that says nothing of the way taken ("leave Niger through Chad").
_LEAVING = frozenset("left leave leaves leaving moved relocated took taken taking takes out back".split())
_FLEW = frozenset("flew flies fly flying flown travelled traveled routed".split())
_CONTINUE = re.compile(r"\b(?:on|onward|onwards|then|continued|continuing|continues|finally|further|next|proceeded)\b", re.I)
_RETURN = re.compile(r"\b(?:back|returned|return|returning|returns|home)\b", re.I)
_NEGATION = re.compile(
    r"\b(?:not|never|nor|no\s+longer|denied|denies|deny|denying|refused|without|instead\s+of|rather\s+than|cancell?ed|avoid\w*"
    r"|bypass\w*|barred|prevented|unable|failed)\b|n't\b"
    # "no aircraft has left Japan", "No stop in Urumqi"
    r"|\bno\s+(?:[\w-]+\s+){0,2}?(?:plane|planes|aircraft|flight|flights|jet|jets|stop|stops|stopover|stopovers|landing|landings)\b"
    # "carriers have stopped flying to Israel": a service ended
    r"|\b(?:stopped|ceased|halted|suspended|paused)\s+(?:all\s+|its\s+|their\s+)?(?:flying|flights|operating|operations|services?)\b",
    re.I,
)
_MODAL = re.compile(
    r"\b(?:(?-i:may)|might|could|would|will|shall|should|'ll|can)\b|\bspeculat\w*|\brumou?r\w*|\bpossibl[ey]\b"
    r"|\bperhaps\b|\bif\b|\bunconfirmed\b|\bconsider\w*|\bbeing\s+(?:prepared|considered|planned|readied|made\s+ready|lined\s+up|arranged)\b"
    r"|\bpropos\w+|\bthreaten\w*|\bwhether\b|\b(?:is|are|was|were)\s+(?:due|expected|scheduled|set|slated|supposed|going|planned|planning|likely)\s+to\b"
    r"|\b(?:is|are)\s+(?:\w+ly\s+)?expected\b|\b(?:is|are|was|were)\s+(?:\w+ly\s+)?to\s+(?!(?:the|a|an|its|their|his|her|this|that)\b)(?-i:[a-z]+)\b"
    r"|\bplan(?:s|ned|ning)?\s+to\b|\bintend\w*\s+to\b|\bexpected\s+to\b|\b(?:a|the|an)\s+planned\b"
    r"|\b(?:waiting|hoping|seeking|trying|wants?|wanted|asked|asking|requested)\b"
    r"|\b(?:attempt(?:s|ed|ing)?|tried|tries)\s+to\b|\ban\s+attempt\b|\b(?:claims|allegations?|alleged(?:ly)?|purported(?:ly)?)\b"
    r"|\b(?:claimed|claiming)\s+(?:that\s+)?(?:the|a|an|its|it|they)\b|\b(?:offer(?:s|ed|ing)?|agreed|promised|pledged|vowed)\s+to\b"
    r"|\b(?:had|has|have)\s+(?:\w+ly\s+)?(?:been\s+)?(?:scheduled|planned|intended|envisaged)\b"
    r"|\b(?:denied|denies|deny|dismissed|rejected|refuted)\s+(?:\w+\s+){0,3}?(?:reports?|claims?|suggestions?|rumou?rs?|accounts?)\b"
    r"|\b(?:most|the\s+bulk|the\s+rest|the\s+remainder|much)\s+of\s+(?:the|its|their)\s+(?:contingent|force|forces|troops|deployment)\b"
    r"|\b(?:website|blog|tabloid|thread|site|outlet)\s+(?:said|says|claimed|claims|alleged|alleges|reported|wrote)\b"
    # "floated the idea of flying instead to Amman": a thought, no flight
    r"|\b(?:idea|option|possibility|prospect)\s+of\b"
    # "analysts expect the next delivery to go to Luanda", "Claim: a KC-390 flew ...", "is on
    # standby to move teams", "had originally intended to refuel in Juba"
    r"|\bexpect(?:s|ing)?\b|\bexpected\s+(?:\w+\s+){0,2}?to\b|\bclaim\s*:|\bon\s+stand-?by\b|\b(?:stands?|stood|is|are|was|were)\s+ready\s+to\b|\boriginally\b"
    r"|\b(?:urged|advised|encouraged|told|invited)\s+to\b",
    re.I,
)
_BACKGROUND = re.compile(
    r"\b(?:regularly|frequently|routinely|usually|often|repeatedly|similar|such\s+(?:flights|deliveries|deployments|trips|visits)"
    # (not "last week's earthquake": the time of a noun, not of the clause)
    r"|last\s+(?:year|month|week)(?!['\u2019]s)|in\s+the\s+past|years\s+ago|twice\s+before|once\s+before"
    # how it used to go: "until now, troops had travelled via Paris"
    r"|until\s+(?:now|recently)|up\s+(?:to|until)\s+now"
    r"|(?:earlier|previous|original)\s+version\b"
    # other shipments than the one told: "earlier consignments went to Malawi"
    r"|\b(?:earlier|previous|prior|past)\s+(?:[\w-]+\s+){0,2}?(?:consignments|shipments|deliveries|batches|flights|airlifts"
    r"|missions|rotations|deployments|evacuations)\b"
    r"|previously(?!\s+(?:owned|operated|used|registered|known|named|called|belong\w*|leased|flown\s+by))"
    r"|(?:comes?|came)\s+(?:just\s+|only\s+|shortly\s+|days\s+|weeks\s+|months\s+)?(?:after|amid|as)"
    r"|earlier\s+(?:this|in\s+the)\s+(?:year|month|week)|(?:the\s+)?previous\s+(?:year|month|week)|in\s+recent\s+(?:years|months|weeks)"
    r"|since\s+(?:19|20)\d\d|since\s+the\s+(?:start|beginning|outbreak|onset)\b|every\s+(?:week|month|year)|each\s+(?:week|month|year)"
    r"|one\s+of\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|dozens\s+of\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:flights|movements|sorties|missions|deliveries|rotations|airlifts|trips|shipments))\b"
    # airline services, no flight flown: "regular connections to Baku via Istanbul"
    r"|regular\s+(?:connections|services|routes|links|flights)|(?:scheduled|commercial)\s+(?:connections|services|routes|links)"
    # a tally that counts this flight among others: "this is the fourth C-17 from Dover to land since Tuesday"
    # ("it was the ministry's second flight to Beirut in two weeks": a count over a stretch of time)
    r"|(?:this|it|that)\s+(?:is|was|marks|marked)\s+(?:the\s+)?(?:[\w-]+['\u2019]s?\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"\b[^.;]{0,80}?\b(?:since|so\s+far|to\s+date|(?:in|within|over)\s+(?:the\s+(?:past|last)\s+)?(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?)\b"
    r"|this\s+(?:year|month|week))|for\s+context"
    # a tally of many flights: "the command has so far flown more than a dozen missions into Manila"
    r"|\b(?:has|have|had)\s+(?:so\s+far\s+|now\s+|already\s+)?(?:flown|completed|conducted|operated|carried\s+out|made)\s+"
    r"(?:more\s+than\s+|over\s+|some\s+|about\s+|at\s+least\s+|nearly\s+|almost\s+)?(?:a\s+dozen|dozens\s+of|several|many|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:missions|flights|sorties|rotations|airlifts|trips)\b"
    # other aircraft than the one told: "several others have gone from Ramstein"
    r"|(?:several|many|numerous|a\s+few|dozens\s+of)\s+others\s+(?:have|had)\b"
    r"|(?<!\bof\s)(?<!\bfrom\s)\b(?:[Dd]ozens|[Ss]everal|[Mm]any|[Oo]ther|[Nn]umerous|[Vv]arious|[Mm]ost)\s+(?:\w+\s+)?(?:countries|governments|nations|states|allies|donors|airlines)\b",
    re.I,
)
#: Movement that is no flight.
_SURFACE = re.compile(
    r"\b(?:by|on\s+(?:a|the))\s+(?:train|rail|road|sea|ship|boat|ferry|bus|buses|coach|coaches|minibus|minibuses|van|vans|truck|trucks|lorry|lorries|car|cars|land|convoy)\b"
    r"|\b(?:overland|by\s+rail)\b|\b(?:trucked|driven|bussed|bused|railed|marched|walked|hiked)\b"
    r"|\b(?:road|roads|highway|railway|rail\s+line|drive|trek|walk)\s+from\b"
    r"|\b(?:aboard|on\s+board|onboard)\s+(?:[\w-]+\s+){0,3}?(?:ships?|vessels?|boats?|ferr(?:y|ies)|frigates?|warships?"
    r"|destroyers?|trains?|buses|coaches)\b|\bby\s+(?:ships?|vessels?|boats?|ferr(?:y|ies)|trains?|coaches|sea|water)\b"
    r"|\b(?:ships?|vessels?|boats?|frigates?|warships?|destroyers?|corvettes?|tankers?)\s+(?:(?:had|has|have|was|were|is|are|been)\s+)*"
    r"(?:dispatched|despatched|sent|deployed|sailed|steamed|left|departed|carrying|carried|ferrying|ferried|delivering|delivered|bringing|brought)\b", re.I)
#: Money moved: "funds had been transferred from X to Y", "payments were wired to".
_MONEY_MOVED = re.compile(
    r"\b(?:funds|money|cash|assets|payments?|reserves|revenues?|dollars|euros|billion|million)\b(?:\s+[\w,]+){0,3}?\s+"
    r"(?:(?:had|has|have|was|were|been|being|is|are)\s+)*(?:transferred|wired|moved|sent|remitted|paid|released|channell?ed)\b", re.I)
_YEAR = re.compile(r"(?<![\d-])(?:19[5-9]\d|20\d\d)(?![\d-])")
_CALLED_OFF = re.compile(
    r"(?:(?!\b(?:but|yet|and\s+then)\b)[^,;]){0,60}?(?:,[^,;.]{0,60},\s*)?"  # an aside: "Landing at X, 130 km away, was considered"
    r"\b(?:was|were|is|are|has\s+been|had\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:cancell?ed|called\s+off|scrapped|aborted"
    r"|postponed|shelved|abandoned|dropped|denied|refused|blocked|(?:being\s+)?(?:considered|discussed|weighed|mooted|studied)"
    # "a stop in Larnaca had been planned", "a flight via Addis Ababa was 'equally possible'"
    r"|planned|scheduled|envisaged|foreseen|(?:equally\s+|also\s+|quite\s+)?[\"'\u201c\u2018]?(?:possible|likely|an\s+option))\b"
    # a headline: "Russian aid flight to Bangladesh called off"
    r"|[^,;]{0,30}?\s(?:called\s+off|cancell?ed|scrapped|axed)\s*$", re.I)

#: A claim the report itself says it could not confirm.
_UNVERIFIED = re.compile(
    r"[^.;]{0,80}?\b(?:could\s+not|cannot|can't|couldn't|can\s+not|has\s+not|have\s+not|had\s+not|was\s+not|were\s+not)\s+"
    r"(?:yet\s+)?(?:be\s+|been\s+)?(?:independently\s+)?(?:verified|confirmed|corroborated)\b", re.I)


@dataclass(frozen=True)
class Role:
    """The role found for one mention, and the cue that gave it."""

    role: str
    cue_start: int
    returning: bool = False  # "flew back to", "returned to": a return flight
    continuing: bool = False  # "then on to": a further leg after the last place
    earlier: bool = False  # pluperfect or "earlier": told after, happened before
    and_back: bool = False  # "to Sochi and back": the flight returns to its origin
    intended: bool = False  # "a Havana-bound plane", "en route to": where it was headed
    diverted: bool = False  # "diverted to Shannon": the flight went elsewhere than intended
    chained: bool = False  # a place of a written route ("WIMM - VCBI"): lines of one routing


#: A relative clause set off by commas: "The plane, which earlier this month had been seen
#: in Bamako, set off from ...", or about people at the end of a clause ("212 people on
#: board, tourists who were caught up in last week's earthquake"), or about an event at the
#: end of a clause ("for towns hit by the cyclone that swept the coast earlier this month").
_ASIDE = re.compile(r"(?:^|,)\s*(?:which|who)\b[^,;]*,|\s(?:who|whom)\s+(?:were|had|have|are)\b[^,;]*$"
                    r"|\s(?:that|which)\s+(?:struck|hit|swept|ravaged|devastated|battered|flooded|killed|began|started"
                    r"|broke\s+out|erupted)\b[^,;]*$"
                    # "for districts where heavy rain triggered floods last week": the disaster's time
                    r"|\s(?:where|when)\s+[^,;]*?\b(?:struck|hit|swept|ravaged|devastated|battered|flooded|killed|triggered"
                    r"|caused|unleashed|destroyed|damaged)\b[^,;]*$")
_PLUPERFECT_PAST = re.compile(
    r"^(?=.*\bhad\b)(?=.*\b(?:earlier|before|ago|already|previously|once)\b)", re.I | re.S)


def background_asides(text: str, clause: Span, main_year: int | None = None) -> list[tuple[int, int]]:
    """Spans of relative clauses inside ``clause`` about other times ("The aircraft, which
    had brought aid to Guatemala City a week earlier, departed from Dover"): their places
    are on no route, and their time words do not make the whole clause background."""
    out = []
    for m in _ASIDE.finditer(text[clause.start:clause.end]):
        body = m.group()
        years = {int(y) for y in _YEAR.findall(body)}
        if _BACKGROUND.search(body) or _PLUPERFECT_PAST.search(body) or (main_year and years and main_year not in years):
            out.append((clause.start + m.start(), clause.start + m.end()))
    return out


#: People fleeing or crossing borders, told without any aircraft.
_CROWDS = re.compile(
    r"\bmade\s+(?:their|his|her|its)\s+own\s+way\b|\b(?:displaced|refugees|fled|fleeing|asylum[- ]seekers|crossed\s+(?:into|over)|border\s+crossings?)\b"
    r"|\b(?:many|most|some|others|thousands|hundreds|millions)\s+(?:of\s+them\s+)?(?:have|had)\s+(?:since\s+|also\s+)?"
    r"(?:travell?ed|moved|gone|walked|made\s+their\s+way)\b", re.I)
_AIR_WORDS = re.compile(
    r"\b(?:plane|planes|aircraft|airliner|jet|jets|flight|flights|flew|flown|fly|flying|airlift\w*|air\s*bridge|airport"
    r"|airfield|air\s*base|charter|transport|cargo|freighter|helicopter|[A-Z]{1,3}-?\d{2,3}\w*)\b", re.I)


def background_clause(text: str, clause: Span, main_year: int | None) -> bool:
    """Whether a clause is about other times or habits ("similar flights in 2018")."""
    body = text[clause.start:clause.end]
    asides = background_asides(text, clause, main_year)
    if asides:
        # Blank out the asides (same length, so positions keep).
        chars = list(body)
        for a, b in asides:
            chars[a - clause.start:b - clause.start] = " " * (b - a)
        body = "".join(chars)
        if not body.strip(" ,"):
            return True
    for m in _BACKGROUND.finditer(body):
        # "spare parts for equipment previously supplied to Venezuela": a noun's past, not
        # the clause's.
        if m.group().lower() == "previously" and re.search(r"\b(?!(?:had|has|have|was|were|been|is|are)\b)[a-z]+\s+$", body[:m.start()]) \
                and re.match(r"\s+\w+(?:ed|en|wn|ld|ught)\b", body[m.end():]):
            continue
        return True
    if _CROWDS.search(body) and not _AIR_WORDS.search(body):
        return True  # "displaced people have arrived from Khartoum": people on the move, no flight
    years = {int(y) for y in _YEAR.findall(body)}
    return bool(main_year and years and main_year not in years)


def negated_or_modal(text: str, clause: Span, cue_start: int, place_start: int) -> bool:
    """Whether the clause denies or hedges the movement to this place, or tells one made
    on the ground or by sea ("were sent to the Kursk region by train")."""
    # "it could not make the crossing in one go, and the crew put down at Lajes": a hedge
    # told of another subject before ", and the crew" is not this movement's.
    own = clause.start
    for m in _NEW_SUBJECT.finditer(text, clause.start, min(cue_start, place_start)):
        own = m.end()
    if _MODAL.search(text, own, place_start):
        return True
    lo, hi = _part_of_clause(text, clause, place_start)
    if _SURFACE.search(text, lo, hi):
        return True
    cue_word = re.match(r"[\w-]+", text[cue_start:place_start])
    if cue_start >= place_start - 12 and not (cue_word and cue_word.group().lower() in MOVEMENT | AT_CUES.keys()):
        # "From the Cuban capital the president is due to travel on": the verb comes after
        # (not when a verb before the place told the move: "landed in X, ... trying to leave").
        verb = re.search(r"\b(?:flew|flown|fly|travel\w*|head\w*|continu\w*|went|go|proceed\w*|return\w*|leave|left|depart\w*)\b",
                         text[place_start:clause.end])
        if verb and _MODAL.search(text, place_start, place_start + verb.end()):
            return True
    if _MONEY_MOVED.search(text, max(clause.start, cue_start - 80), max(cue_start, place_start)):
        return True  # "$6 billion in funds had been transferred from Seoul to Doha": no flight
    window_start = max(clause.start, cue_start - 30)
    if _UNVERIFIED.match(text, place_start, clause.end):
        return True  # "reports that a plane diverted to Tartus could not be verified"
    if _CALLED_OFF.match(text, place_start, clause.end):
        return True  # "a planned hop to Managua was cancelled"
    if _NO_RECORD.search(text, clause.start, place_start):
        return True  # "it had no record of a military aircraft landing at N'Djamena"
    return bool(_NEGATION.search(text, window_start, place_start))


#: Where a clause goes on to another movement: "landed in Port Harcourt, and from there the
#: materials went by road", "flew to X before being bussed to Y".
_NEXT_MOVE = re.compile(r",\s+(?:and|but|then)\b|\b(?:before|after|and\s+then|(?:and\s+)?from\s+there|thence)\b", re.I)


def _part_of_clause(text: str, clause: Span, pos: int) -> tuple[int, int]:
    """The stretch of ``clause`` around ``pos`` between two movements told in it."""
    lo, hi = clause.start, clause.end
    for m in _NEXT_MOVE.finditer(text, clause.start, clause.end):
        if m.end() <= pos:
            lo = m.start()
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


_NEW_SUBJECT = re.compile(r",\s+(?:and|but)\s+(?=(?:the|it|they|its|their)\s)", re.I)
_NO_RECORD = re.compile(r"\bno\s+(?:record|sign|trace|evidence|indication)s?\s+of\b", re.I)


_DETERMINERS = frozenset("the a an its their his her this that these those".split())


def hypothetical(text: str, clause: Span) -> bool:
    """Whether the clause hedges or looks ahead anywhere ("is being prepared and could leave")."""
    return bool(_MODAL.search(text, clause.start, clause.end))


def _left_words(text: str, clause: Span, mention: Mention):
    """The words of the clause before the noun phrase, without its determiner and without
    capitalised words of the name the gazetteer left out ("from RAF Brize Norton")."""
    ws = words(text, clause.start, mention.phrase_start)
    for _ in range(2):
        if len(ws) > 1 and ws[-1].text[:1].isupper() and ws[-1].low not in AT_CUES and ws[-1].low not in _DIRECT \
                and ws[-1].low not in ("from", "to", "via", "in", "at", "for") and ws[-1].start > clause.start:
            ws = ws[:-1]
    while ws and ws[-1].low in _DETERMINERS:
        ws = ws[:-1]
    # "bound for flood-stricken Bosnia", "to cyclone-hit Bangladesh": the state of the place
    # (but "evacuated from war-torn Sudan" names the country left, not a flight's start).
    while len(ws) > 1 and _STRICKEN.fullmatch(ws[-1].low) and ws[-2].low != "from":
        ws = ws[:-1]
    return ws


#: A departure from a numbered unit or wing at a place: "took off from Group 10 at".
_UNIT_AT = re.compile(r"\b(?:took\s+off|departed|left|flew|taken\s+off)\s+from\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,3}\d{1,3}\s+at\s*$")
_STRICKEN = re.compile(r"[a-z]+-(?:stricken|hit|torn|ravaged|affected|battered|struck|damaged|devastated|ridden)")


def _nearest(ws, i: int, pool, allow_gap: bool) -> int | None:
    """Index of the nearest word before ``i`` in ``pool``; with ``allow_gap`` False only
    filler words may stand between."""
    for j in range(i - 1, -1, -1):
        w = ws[j].low
        if w in pool:
            return j
        # Names may stand between too: "left Moscow for Havana", "departed Vnukovo (VKO) for",
        # "took off from Kabul for Tashkent".
        # "landed at Wing 6 in Don Mueang", "at Terminal 2 in": a numbered part of the place
        # (a named place there is the arrival: "at El Arish airport in Egypt").
        named_at = (w == "at" and j + 3 == i and ws[j + 1].text[:1].isupper() and ws[j + 2].text.isdigit())
        if not allow_gap and not (w in FILLERS or w.isdigit() or ws[j].text[:1].isupper() or w == "from" or named_at
                                  or re.fullmatch(r"\d+(?:st|nd|rd|th)|\w+ly", w)):
            return None
    return None


_FINAL_DESTINATION = re.compile(
    r"\b(?:its|the|their|his|her)\s+(?:final|ultimate|last)\s+(?:destination|stop)\s*(?:(?:was|is|being|became)\s+)?[,:]?\s*$", re.I)
#: A stop named by what it was: "the first stop was Recife", "our next stopover: Gander".
_NAMED_STOP = re.compile(
    r"\b(?:its|the|their|our|my|his|her)\s+(?:first|second|third|next|only|one|intermediate|refuell?ing|fuel|technical)\s+"
    r"(?:stop|stopover|stop-over|layover|fuel\s+stop|refuell?ing\s+stop)\s*(?:(?:was|is|being|came\s+at|came\s+in)\s+)?[,:]?\s*(?:at\s+|in\s+)?$"
    # a tracker's note: "First landing: DAAT", "Next stop: Gander"
    r"|(?:^|[.:;]\s*|\s)(?:first|second|third|next|intermediate)\s+(?:landing|stop|stopover)\s*:\s*$", re.I)
#: Landing told by the runway: "settled onto the runway of", "touched down on the runway at".
_ONTO_RUNWAY = re.compile(r"\b(?:settled|touched\s+down|landed|put\s+down|set\s+down|rolled|came\s+down)\s+(?:\w+\s+){0,2}?"
                          r"(?:on|onto|upon)\s+(?:the\s+)?(?:\w+\s+)?(?:runway|tarmac|apron|airstrip)\s+(?:of|at)\s+(?:the\s+)?$", re.I)
#: Cues that end a flight at the place after "at"/"in", whatever word stands last:
#: "rolled to a stop at", "stepped off the A330 at", and one that makes a stop: "took on fuel in".
_HALTED_AT = re.compile(r"\b(?:rolled|came|taxied|coasted|slowed|drew)\s+to\s+a\s+(?:\w+\s+)?(?:stop|halt|standstill)\s+(?:at|in)\s*$", re.I)
_STEPPED_OFF = re.compile(r"\b(?:stepped|stepping|climbed|got|disembarked|walked)\s+(?:off|out\s+of|down\s+from)\b(?:(?!\b(?:to|and|then|flew|via|from)\b)[^.;,]){0,50}\s(?:at|in)\s*$", re.I)
#: "after a crew change at Ramstein": a stop on the way.
_CREW_CHANGE = re.compile(r"\b(?:crew|pilot)[- ](?:change|swap|rotation|rest)\s+(?:stop\s+)?(?:at|in)\s*$", re.I)
#: "a flight that began at Chkalovsky": where the flight set off.
_THAT_BEGAN = re.compile(r"\b(?:flight|journey|trip|route|voyage|airlift)\s+(?:that|which)\s+(?:had\s+)?"
                         r"(?:began|begun|started|commenced|originated)\s+(?:\w+\s+)?(?:in|at)\s*$", re.I)
#: A stop told as a noun with its verb after: "a technical landing was realised at",
#: "a refuelling stop was made in".
_STOP_MADE = re.compile(r"\b(?:technical|refuell?ing|fuel|intermediate|transit|stopover)\s+(?:landing|stop|halt)\s+"
                        r"(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:made|realised|realized|carried\s+out|performed"
                        r"|conducted|effected|undertaken)\s+(?:\w+\s+){0,2}?(?:at|in)\s*$", re.I)
#: People boarding: "climbed the rear ramp of a C-295 at", "filed aboard the jet at".
_CLIMBED_ON = re.compile(r"\b(?:climbed|clambered|walked|filed|trooped|hurried)\s+(?:up\s+)?(?:aboard|on\s*board|into|onto"
                         r"|(?:up\s+)?the\s+(?:\w+\s+)?(?:ramp|steps|stairs|gangway))\b(?:(?!\b(?:to|and|then|flew|via|from)\b)[^.;]){0,60}"
                         r"\s(?:at|in)\s*$", re.I)
#: "Wheels up from Abu Dhabi": the take-off.
_WHEELS_UP = re.compile(r"\bwheels[- ]up\b", re.I)
#: Verbs that put the place after "through" on the way: "staged through Mahé".
_STAGED = frozenset("staged staging stages routed routing".split())
#: "dropped into Baku for fuel": a landing on the way (aviation slang).
#: Verbs before "off" that make the place after it the origin: "lifted off KDOV".
_LIFT_OFF = frozenset("lifted lifts lifting took takes taking".split())
_DROPPED_IN = frozenset("dropped dropping drops popped popping pops".split())
#: Verbs of staying before "on the ground": "remained on the ground at", "were kept on the ground".
_KEPT = re.compile(r"\blast\s+(?:recorded|seen|spotted|tracked|observed|reported)\s+on\s+the\s*$|\b(?:remain\w*|stay\w*|stuck|kept|keep\w*|held|sat|sitting|sits|wait\w*|grounded)\s+(?:\w+\s+)?on\s+the\s*$", re.I)
_TOOK_FUEL = re.compile(r"\b(?:(?:took|take|takes|taking|picked\s+up|loaded|topped\s+up)\s+(?:on\s+)?(?:more\s+|extra\s+|additional\s+)?fuel"
                        r"|topped\s+up(?:\s+again)?)\s+(?:at|in|on)\s*$", re.I)


#: People who moved on their own before boarding: "evacuees who had fled Khartoum", "people
#: who crossed into Jordan".
_OWN_WAY = re.compile(r"\bwho\s+(?:had\s+|have\s+|has\s+)?(?:(?:already|earlier|just|recently|previously)\s+)?"
                      r"(?:left|fled|escaped|crossed|walked|travell?ed|driven|drove|made\s+their\s+way)\b"
                      r"(?:\s+(?:from|out\s+of|into|to|through|across|over|via))?\s+(?:the\s+)?$", re.I)


def role_of(text: str, clause: Span, mention: Mention, previous: tuple[Mention, Role | None] | None = None) -> Role | None:
    """The route role of ``mention`` in ``clause``, or None when no cue ties it to a flight.

    ``previous`` is the mention before it in the same clause with its role, for lists
    ("via Algiers and Dakar").
    """
    ws = _left_words(text, clause, mention)
    right = text[mention.phrase_end:clause.end]
    final = _FINAL_DESTINATION.search(text[max(clause.start, mention.phrase_start - 80):mention.phrase_start])
    if final:
        # "Its final destination was Bangui", "heading to its final destination, VHHH".
        return Role(DESTINATION, mention.phrase_start - 80 + final.start() if mention.phrase_start - 80 > clause.start
                    else clause.start + final.start(), continuing=True)
    if _ONTO_RUNWAY.search(text[max(clause.start, mention.phrase_start - 80):mention.phrase_start]):
        # "settled onto the runway of the new Chinggis Khaan airport"
        return Role(DESTINATION, max(clause.start, mention.phrase_start - 80))
    stop = _NAMED_STOP.search(text[max(clause.start, mention.phrase_start - 80):mention.phrase_start])
    if stop:
        # "The first stop was Recife", "our only stopover: Gander".
        return Role(STOPOVER, max(clause.start, mention.phrase_start - 80) + stop.start())
    if _OWN_WAY.search(text[max(clause.start, mention.phrase_start - 80):mention.phrase_start]):
        return None  # "with 84 people who had left Israel": the people's own way, not the flight's
    role = _by_preposition(text, clause, mention, ws, previous)
    if role is None:
        return None
    # What follows can make a stop of an arrival: "landed in Dakar to refuel", ", where it refuelled".
    if role.role == DESTINATION and re.match(
        r"\W*(?:(?:,\s*)?where\s+(?:it|they|the\s+\w+)\s+(?:refuel|stopp|made\s+a\s+(?:\w+\s+)?stop|spent|overnighted"
        r"|(?:rested|stayed|waited|slept)\s+(?:\w+\s+)?(?:overnight|the\s+night|for\s+the\s+night))"
        r"|(?:(?:on|in)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+){1,3})?"  # "put down in Iqaluit on Baffin Island to refuel"
        r"(?:to\s+refuel|for\s+(?:refuel|a\s+refuel|fuel|a\s+(?:technical|refuelling|short)\s+stop))|en\s+route|on\s+(?:its|their|the)\s+way)",
        right + text[clause.end:clause.end + 40] if right.strip() == "" else right,
        re.I,
    ):
        role = replace(role, role=STOPOVER, intended=False)
    if role.role == DESTINATION and re.match(r"\s+and\s+back\b", right, re.I):
        role = replace(role, and_back=True)
    before = text[clause.start:mention.start]
    for a, b in background_asides(text, clause):
        if b <= mention.start:
            before = before[:a - clause.start] + " " * (b - a) + before[b - clause.start:]
    earlier = bool(re.search(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|own|eft|ook|ent)\b|\bearlier\b|\bbefore\s+that\b", before))
    if earlier != role.earlier:
        role = replace(role, earlier=earlier)
    if _DIVERSION.search(text, clause.start, mention.start):
        role = replace(role, diverted=True)
    return role


#: A base named by what it is next to: "from the air force's Group 10 base next to".
_BESIDE = re.compile(r"\b(?:from|at|to|in|into)\s+(?:[\w'\u2019-]+\s+){0,5}?(?:base|airbase|air\s+base|airfield|aerodrome|terminal|hangars?)"
                     r"\s+(?:next\s+to|near|beside|close\s+to|adjacent\s+to|outside)\s+(?:the\s+)?$", re.I)


#: Between two places of a written route: "Moscow-Caracas", "Moscow–Havana", "UUMU → OSLK".
_CHAIN_GAP = re.compile(r"[-\u2010\u2011\u2013\u2014/]|[ \t]+[-\u2013\u2014][ \t]+|\s*(?:\u2192|->|=>|>|\u2013>)\s*")
_ARROW = re.compile(r"\u2192|->|=>|>")
#: Nouns after a written route that make it a flight: "the Moscow-Havana flight".
_ROUTE_NOUN = re.compile(
    r"\W{0,2}(?:(?:[\w-]+\s+){0,2}?)(?:flights?|charters?|route|service|legs?|airlift|run|trips?|sorties?"
    r"|shuttle|air\s+bridge|hops?|rotations?|missions?)\b", re.I)
#: Verbs before a written route that make it a flight: "flew Bamako-Niamey".
_ROUTE_VERB = re.compile(
    r"\b(?:flew|flies|fly|flying|flown|operated|operates|operating|ran|runs|plied|plies|travell?ed|routed"
    r"|went|shuttled|hopped|took|taking|completed|made)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$", re.I)


def chain_roles(text: str, clause: Span, mentions: list[Mention]) -> dict[int, Role]:
    """Roles of places written as a route, ``{id(mention): role}``: places joined by
    hyphens, dashes or arrows ("a Moscow–Tashkent–Kabul charter", "flew Bamako-Niamey",
    "UUMU → OSLK → HLLM") are origin, stops and destination, when arrows join them, a
    flight noun follows or a flying verb comes before."""
    out: dict[int, Role] = {}
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and _CHAIN_GAP.fullmatch(text[mentions[j].phrase_end:mentions[j + 1].phrase_start]):
            j += 1
        if j > i:
            chain = mentions[i:j + 1]
            gaps = [text[a.phrase_end:b.phrase_start] for a, b in zip(chain, chain[1:])]
            # (not "HLLB/BEN": two codes of one airport)
            codes = (all(_CODE_WORD.fullmatch(text[m.start:m.end]) and m.kind == "airport" for m in chain)
                     and all(re.fullmatch(r"\s*[-\u2013\u2014]\s*", g) for g in gaps)
                     and not any(a.place == b.place for a, b in zip(chain, chain[1:])))
            route = (any(_ARROW.search(g) for g in gaps)
                     or _ROUTE_NOUN.match(text, chain[-1].phrase_end, clause.end)
                     or _ROUTE_VERB.search(text[clause.start:chain[0].phrase_start])
                     or codes)  # "WIHH - WIMM": airport codes joined by dashes are a leg
            if route:
                cue = chain[0].phrase_start
                out[id(chain[0])] = Role(ORIGIN, cue, chained=codes)
                for m in chain[1:-1]:
                    out[id(m)] = Role(STOPOVER, cue, chained=codes)
                out[id(chain[-1])] = Role(DESTINATION, cue, chained=codes)
        elif i + 1 < len(mentions):
            # A filed flight plan: "RKSM UACC 0100Z 14AUG" (departure, destination, time):
            # where the flight was to go.
            a, b = mentions[i], mentions[i + 1]
            if (all(_CODE_WORD.fullmatch(text[m.start:m.end]) and m.kind == "airport" for m in (a, b))
                    and re.fullmatch(r"[ \t]+", text[a.end:b.start]) and _FILED_TIME.match(text, b.end)):
                out[id(a)] = Role(ORIGIN, a.start)
                out[id(b)] = Role(DESTINATION, a.start, intended=True)
                i += 2
                continue
        i = j + 1
    return out


_CODE_WORD = re.compile(r"[A-Z]{3,4}")
#: The time group of a filed flight plan after its two airports: " 0100Z", " 0030Z 15AUG".
_FILED_TIME = re.compile(r"[ \t]+\d{4}\s?Z\b")


def bound_for(text: str, mention: Mention) -> Role | None:
    """"A Havana-bound Il-76": the destination the flight was meant for."""
    if re.match(r"[-\u2010\u2011]bound\b", text[mention.end:mention.end + 7], re.I):
        return Role(DESTINATION, mention.start, intended=True)
    return None


def _only_services(text: str, clause: Span) -> bool:
    """Whether the clause's only word of movement is the plural "flights" ("seats on flights
    to Toronto", "more flights from X to Y are planned"): flights in general, none flown."""
    moved = {w.low for w in words(text, clause.start, clause.end)} & MOVEMENT
    return moved == {"flights"}


def _by_preposition(text, clause, mention, ws, previous) -> Role | None:
    n = len(ws)
    if n == 0:
        return None
    beside = _BESIDE.search(text, max(clause.start, mention.phrase_start - 100), mention.phrase_start)
    if beside and ws[-1].start > beside.start():
        # "took off from the Group 10 base next to Santiago airport": the base's cue is the place's.
        k = next((i for i, w in enumerate(ws) if w.start == beside.start()), None)
        if k is not None:
            return _by_preposition(text, clause, mention, ws[:k + 1], previous)
    last = ws[-1].low
    if last in ("into", "to") and n > 1 and ws[-2].low in ("route", "routes", "corridor", "corridors", "crossing", "crossings"):
        return None  # "the land route into Gaza": a way on the ground, no arrival of the flight
    # Lists: "via Algiers and Dakar", "to Minsk, then to Belgrade" handled by their own cue.
    if last in ("and", "or") or text[ws[-1].end:mention.phrase_start].strip() == ",":
        if previous is not None and previous[1] is not None:
            between = text[previous[0].phrase_end:mention.phrase_start]
            # ("stops at Hickam, Hawaii, and Andersen": a region the gazetteer lacks names the first's area)
            if re.fullmatch(r"\s*(?:,\s*)?(?:and\s+|or\s+)?", between) or re.fullmatch(
                    r",\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)?\s*,\s*(?:and|or)\s+", between):
                p = previous[1]
                return Role(p.role, p.cue_start, p.returning, p.continuing, p.earlier)
        if last in ("and", "or"):
            return None
    if last == "of" and n > 2 and ws[-2].low == "way" and ws[-3].low == "by":
        return Role(STOPOVER, ws[-3].start)  # "by way of Olenya"
    if last in ("after", "following", "with"):
        # Headlines and asides: "lands in Caracas after Syria flight", "after a Dakar stopover".
        right = text[mention.phrase_end:clause.end]
        if re.match(r"\s+(?:(?:brief|short|technical|refuell?ing|fuel)\s+)?(?:stopover|stop-over|stop|layover|refuell?ing\s+stop)\b", right, re.I):
            return Role(STOPOVER, ws[-1].start)
        if last != "with" and re.match(r"\s+(?:flight|trip|journey|hop|leg)\b", right, re.I):
            return Role(ORIGIN, ws[-1].start)
        return None
    # "between X and Y" is read as a route only with a movement verb.
    if last in ("from", "of") and (last == "from" or (n > 1 and ws[-2].low == "out")):
        if n > 1 and ws[-2].low in PROVENANCE and text[ws[-2].end:ws[-1].start].strip() == "" \
                and not any(w.low in MOVEMENT for w in ws[:-2]):
            return None  # "the group from Russia arrived", but "evacuated citizens from Sudan"
        if n > 1 and ws[-2].low in NOT_MOVED:
            return None
        if n > 2 and ws[-2].low in _HAIL and (ws[-3].low in ("who", "that", "originally", "all", "mostly", "mainly")
                                             or ws[-3].low in PROVENANCE):
            return None  # "observers, who came from Minsk and Brest": home towns, no route
        if n > 1 and ws[-2].low in ("originally", "hailing", "natives", "native"):
            return None  # "a teacher originally from Lyon"
        if n > 1 and ws[-2].low == "back":
            return Role(ORIGIN, ws[-2].start, returning=True)
        clause_words = {w.low for w in words(text, clause.start, clause.end)}
        if last == "of":
            clause_words = clause_words - {"out"}  # "pulled its troops out of Mali" is no flight
        if clause_words & MOVEMENT or _WHEELS_UP.search(text, clause.start, ws[-1].start):
            cue = _nearest(ws, n - 1, MOVEMENT, True)
            return Role(ORIGIN, ws[cue].start if cue is not None else ws[-1].start,
                        returning=bool(cue is not None and ws[cue].low in ("returned", "returning", "return")))
        return None
    if last in ("from", "to", "towards", "toward", "into", "for") and _only_services(text, clause):
        return None  # "add seats on flights to Toronto": services, not the flight told
    if last in ("to", "towards", "toward", "into") or (last == "for" and n > 1):
        if n > 1 and ws[-2].low in TO_BLOCKERS and not (
                ws[-2].low in CARRIED_TO and any(w.low in _CARRY for w in ws[:-2])):
            return None
        if last == "for":
            cue = _nearest(ws, n - 1, FOR_CUES, False)
            if cue is None:
                return None
            if ws[cue].low == "bound" and cue > 0 and ws[cue - 1].low in _CONSIGNMENTS:
                return None  # "took on fuel and a mail shipment bound for Bahrain": the load's way on
        else:
            pool = MOVEMENT | {"from"} | (_DROPPED_IN if last == "into" else frozenset())
            cue = _nearest(ws, n - 1, pool, True)
            if cue is None:
                return None
        gap = text[ws[cue].start:mention.phrase_start]
        returning = bool(_RETURN.search(gap)) or ws[cue].low in ("returned", "returning", "return", "returns")
        continuing = bool(_CONTINUE.search(text[ws[cue].end:mention.phrase_start])) or ws[cue].low in ("continued", "continuing", "proceeded")
        # "heading east, into LERT": "into" tells the arrival, not only the heading.
        intended = last != "into" and (ws[cue].low in _INTENDED or bool(_HEADED.search(text, ws[max(0, n - 8)].start, ws[-1].start)))
        return Role(DESTINATION, ws[cue].start, returning=returning, continuing=continuing, intended=intended)
    if last in ("via", "through", "transiting", "transited"):
        if last == "through" and not ({w.low for w in ws} & (MOVEMENT - _LEAVING | _STAGED)):
            return None  # "French soldiers leave Niger through Chad": no route of a flight
        return Role(STOPOVER, ws[-1].start)
    if last in ("in", "at", "on", "into"):
        if last == "on" and not re.search(r"\bisland\b", text[ws[-1].end:mention.start]):
            return None
        # "landed in Queretaro, Mexico, and in Cordoba": the list goes on with its own "in".
        if n > 1 and previous is not None and previous[1] is not None and re.fullmatch(
                r"[\s,]*(?:and|or)\s+(?:then\s+|later\s+|also\s+)?(?:in|at)\s+(?:the\s+)?",
                text[previous[0].phrase_end:mention.phrase_start]):
            p = previous[1]
            return Role(p.role, ws[-1].start, p.returning, p.continuing, p.earlier)
        # "began its journey in Maiquetia".
        if re.search(r"\b(?:began|begun|begins|begin|started|starts|start|commenced)\s+(?:(?:its|their|the|his|her)\s+)?"
                     r"(?:\w+\s+)?(?:journey|flight|trip|route|tour|voyage|airlift|day)\s+(?:in|at)\s*$",
                     text[clause.start:ws[-1].end], re.I):
            return Role(ORIGIN, ws[-1].start)
        before = text[clause.start:ws[-1].end]
        if _HALTED_AT.search(before) or _STEPPED_OFF.search(before):
            return Role(DESTINATION, ws[-1].start)
        if _STOP_MADE.search(before):
            return Role(STOPOVER, ws[-1].start)  # "a technical landing was made at Baku"
        if _CLIMBED_ON.search(before) or _WHEELS_UP.search(before):
            return Role(ORIGIN, ws[-1].start)  # "climbed the rear ramp of a C-295 at Astana"
        if _TOOK_FUEL.search(before) or _CREW_CHANGE.search(before):
            return Role(STOPOVER, ws[-1].start)
        if _THAT_BEGAN.search(before):
            return Role(ORIGIN, ws[-1].start)
        if _UNIT_AT.search(before):
            return Role(ORIGIN, ws[-1].start)  # "took off from Group 10 at Pudahuel": a unit based there
        cue = _nearest(ws, n - 1, AT_CUES.keys(), False)
        if cue is not None:
            if ws[cue].low in ("down",) and cue > 0 and ws[cue - 1].low not in ("touched", "touching", "came", "set", "put", "puts", "putting"):
                return None
            if ws[cue].low == "ground" and not re.search(r"\bon\s+the\s+ground\b", text[ws[cue].start - 8:ws[cue].end]):
                return None
            if ws[cue].low == "ground" and _KEPT.search(text, max(clause.start, ws[cue].start - 40), ws[cue].start):
                return None  # "remained on the ground at Santa Lucía": still where it was, no arrival
            if ws[cue].low in ("landing", "landed", "land", "lands") and cue > 0 and ws[cue - 1].low in (
                    "intermediate", "technical", "refuelling", "refueling", "transit", "stopover", "interim"):
                return Role(STOPOVER, ws[cue - 1].start)  # "made an intermediate landing at Hmeimim"
            back = AT_CUES[ws[cue].low] == DESTINATION and any(w.low in ("back", "home") for w in ws[cue + 1:])
            return Role(AT_CUES[ws[cue].low], ws[cue].start, returning=back)  # "landed back at Vnukovo"
        # "picked up 101 people in Khartoum": the object stands between cue and place.
        # ("boarded an Air and Space Force A330 at": an "and" inside a name joins no move)
        m = re.search(r"\b(?:picked\s+up|collected|embarked|boarded)\b(?:(?!\b(?:to|and(?!\s+[A-Z])|then|flew|via)\b)[^.;]){0,60}$",
                      text[clause.start:ws[-1].start])
        if m:
            return Role(ORIGIN, clause.start + m.start())
        return None
    if last == "off" and n > 1 and (ws[-2].low in _LIFT_OFF or re.match(r"\s+at\s+\d{1,2}:?\d{2}\s*Z\b", text[mention.phrase_end:])):
        return Role(ORIGIN, ws[-2].start)  # "lifted off KDOV", "off Souda at 19:24Z"
    if last in _DIRECT:
        # (but "personnel departed RAF Brize Norton": leaving an airfield is a flight)
        if (_DIRECT[last] == ORIGIN and n > 1 and ws[-2].low in PROVENANCE and mention.kind != "airport"
                and not _AIR_WORDS.search(text, clause.start, clause.end)):
            return None  # "French soldiers leave Niger": a withdrawal, no flight told
        return Role(_DIRECT[last], ws[-1].start)
    if last in _FLEW and re.match(r"\s+(?:to|for|on\s+to)\s", text[mention.phrase_end:clause.end]):
        return Role(ORIGIN, ws[-1].start)  # "flew Moscow to Kaliningrad"
    if text[ws[-1].end:mention.phrase_start].strip() in ("-", "\u2013", "\u2014") and previous and previous[1]:
        return Role(DESTINATION, previous[1].cue_start)
    return None
