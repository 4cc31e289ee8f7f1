"""Who led the people aboard: "headed by ...", "led by ...", "under the command of ...",
"under Squadron Leader ...", "the mission chief, ...", "chef de mission ...".

The name is the last run of capitalised words after the cue, with titles and ranks taken
off ("the Chief of Staff of the Ground Forces Vasily Tonkoshkurov" gives "Vasily
Tonkoshkurov"; "Lt. Gen. John Smith" gives "John Smith").  A cue followed by no name
("headed by the Russian ambassador") gives nothing.

Examples
--------
>>> c = find_commanders("99 servicemen headed by the Chief of Staff of the Ground Forces Vasily Tonkoshkurov.")
>>> c[0].name, c[0].text
('Vasily Tonkoshkurov', 'Vasily Tonkoshkurov')
>>> find_commanders("The team is led by Colonel Oleg Sokolov, who headed similar missions.")[0].name
'Oleg Sokolov'
>>> find_commanders("The delegation was headed by the Russian ambassador.")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Commander", "find_commanders"]

_CUE = re.compile(
    r"\b(?:headed|led|lead|commanded|guided|accompanied)\s+by\b|\bunder\s+the\s+(?:command|leadership|orders)\s+of\b"
    r"|\b(?:commander|leader|head)\s+of\s+the\s+(?:group|delegation|mission|contingent|team)(?:\s+(?:is|was))?,?"
    # "the detachment under Squadron Leader X": "under" and a rank
    r"|\bunder\s+(?=(?-i:Squadron\s+Leader|Wing\s+Commander|Group\s+Captain|Flight\s+Lieutenant|Lieutenant|Colonel"
    r"|General|Major|Captain|Commander|Brigadier|Admiral|Commodore|Air\s+Commodore|Lt|Col|Maj|Capt|Gen|Cdr|Sqn)\b)"
    # "the mission chief, Colonel X", "chef de mission X", "head of mission X"
    r"|\b(?:mission|team|delegation|detachment|contingent|expedition|aircraft)\s+(?:chief|leader|head|commander)\b,?"
    r"|\b(?:chef|chief|head)\s+(?:de|of)\s+mission\b,?"
    # the one in command of the aircraft: "the aircraft's captain, Squadron Leader Tom Aldridge"
    r"|\b(?:aircraft|plane|jet|flight|airliner)['\u2019]s\s+(?:captain|commander|pilot)\b,?"
    r"|\b(?:captain|commander)\s+of\s+the\s+(?:aircraft|plane|jet|flight|airliner)\b,?",
    re.IGNORECASE,
)
#: Words of titles and ranks, never part of a name.
TITLES = frozenset(
    """general gen colonel col lieutenant lt major maj captain capt admiral adm commander cmdr
    chief staff deputy first prime minister defence defense foreign head director ground air
    aerospace forces force army navy naval ministry president vice ambassador senior sergeant
    sgt brigadier brig marshal mr mrs ms dr doctor professor prof rear secretary emergencies
    department special operations command military district southern western eastern central
    northern russian state security service services national guard airborne troops division
    brigade regiment squadron group interior affairs health emergency situations commissioner
    governor mayor envoy representative spokesman spokeswoman officer the of and
    colonel-general lieutenant-general major-general general-lieutenant general-major
    general-colonel rear-admiral vice-admiral deputy-minister his her its
    lieutenant-colonel lieutenant-commander sub-lieutenant squadron-leader wing-commander
    group-captain flight-lieutenant air-commodore commodore leader wing flight pilot
    chairman chairwoman chair speaker manager station comandante commandant general-in-chief
    energy agriculture industry trade finance economy economic education culture transport
    justice communications labour labor science sports tourism fisheries lands mines environment
    infrastructure development housing commerce duma parliament assembly senate congress
    council committee commission corporation agency company superintendent inspector
    social action family women welfare solidarity protection civil relief disaster risk
    management humanitarian reconstruction promotion""".split()
)
_NAME_WORD = re.compile(r"[A-Z][a-z\u00E0-\u024F]+(?:[-'][A-Z]?[a-z\u00E0-\u024F]+)*\.?|[A-Z]\.")
_PHRASE_END = re.compile(
    r"[,;()]|(?<!\b[A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bMaj)(?<!\bCapt)(?<!\bAdm)(?<!\bSgt)(?<!\bSt)(?<!\bdr)"
    r"\.(?:\s|$)|\s(?:who|which|and|on|at|in|to|with|from|arrived|landed|flew|said)\s"
)
#: A rank followed by its corps or status in brackets: "Colonel (Med)", "Lt Col (retd)".
_RANK_BRACKET = re.compile(r"^(\s*(?:[A-Z][\w.-]*\s+){0,2}?(?i:colonel|col\.?|major|maj\.?|captain|capt\.?|general|gen\.?|lieutenant|lt\.?|commander|admiral|brigadier))"
                           r"\s*\([A-Za-z.]{1,8}\)")
#: Bodies that a "led by" names the ruler of, not the leader of a group aboard.
_RULERS = re.compile(
    r"\b(?:junta|juntas|authorities|government|governments|regime|administration|opposition|party|coalition"
    r"|council|parliament|country|state|cabinet|military\s+rulers|rebels|militia)"
    # its name may follow: "the Government of Reconciliation and National Unity, headed by"
    r"(?-i:\s+(?:of|for|and)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s*)+)*\s*,?\s*(?:\w+\s+){0,1}$",
    re.IGNORECASE,
)
_STAFF_AFTER = re.compile(
    r"\s+(?:workers|staff|staffers|employees|volunteers|members|personnel|officials|official|medics|doctors|nurses"
    r"|rescuers|specialists|experts|troops|soldiers|servicemen|teams?|crews?|representatives|delegates|aid\s+workers)\b")
_PARTICLES = frozenset({"de", "da", "van", "von", "der", "bin", "al", "el", "la", "di", "du"})


@dataclass(frozen=True)
class Commander:
    """A commander's name and where it was."""

    start: int
    end: int
    text: str
    name: str
    cue_start: int


def _name_after(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The name in ``text[start:end]``: the last capitalised run, titles removed."""
    runs: list[list[re.Match]] = []
    pos = start
    for m in re.finditer(r"\S+", text[start:end]):
        word = m.group()
        a = start + m.start()
        nm = _NAME_WORD.fullmatch(word.rstrip(",;:"))
        if nm and not word.lower().rstrip(".,") in TITLES:
            if runs and runs[-1] and pos == a - 1 and text[pos:a].isspace():
                runs[-1].append((a, a + len(word.rstrip(",;:"))))
            else:
                runs.append([(a, a + len(word.rstrip(",;:")))])
            pos = a + len(word.rstrip(",;:"))
            if word[-1:] in ",;:":
                pos = -10
        elif word.lower() in _PARTICLES and runs and runs[-1]:
            runs[-1].append((a, a + len(word)))
            pos = a + len(word)
        else:
            runs.append([])
            pos = -10
    # "15 Red Crescent workers": a body's name before the people it sends names no one.
    runs = [r for r in runs if r and not _STAFF_AFTER.match(text, r[-1][1])]
    if not runs:
        return None
    # The last run of two words or more ("Station Manager Gareth Holloway of the Fire and
    # Rescue Service"), else the last run.
    run = next((r for r in reversed(runs) if len(r) >= 2), runs[-1])
    while run and text[run[-1][0]:run[-1][1]].lower() in _PARTICLES:
        run = run[:-1]
    a, b = run[0][0], run[-1][1]
    name = text[a:b].rstrip(".")
    if len(run) < 2 and not re.search(r"\b(?:General|Gen\.|Colonel|Col\.|Major|Maj\.|Captain|Admiral|Dr\.|Lieutenant|Lt\.)\s*$", text[start:a]):
        return None
    return a, a + len(name), name


def _surname_told_before(text: str, at: int, end: int, start: int) -> tuple[int, int, str] | None:
    """"headed by Kishida" after "Prime Minister Fumio Kishida": the surname alone, its span,
    and the full name the text gave before."""
    one = re.fullmatch(r"\s*([A-Z][\w'\u2019-]+)[\s,]*", text[at:end])
    if one is None:
        return None
    surname = one.group(1)
    told = [x for x in re.finditer(r"(?:[A-Z][\w.'\u2019-]*\s+){1,3}" + re.escape(surname) + r"\b", text, 0)
            if x.end() <= at and x.start() >= start]
    for x in reversed(told):
        full = _name_after(text, x.start(), x.end())
        if full is not None and full[2].split()[-1] == surname:
            return at + one.start(1), at + one.end(1), full[2]
    return None


def find_commanders(text: str, start: int = 0, end: int | None = None) -> list[Commander]:
    """Commanders named in ``text[start:end]``, in text order."""
    end = len(text) if end is None else end
    out = []
    for m in _CUE.finditer(text, start, end):
        if _RULERS.search(text[max(start, m.start() - 100):m.start()]):
            continue  # "the junta led by General Tiani" rules a country, it leads no one aboard
        # The name phrase runs to the end of the clause.
        # "led by Colonel (Med) dr. X": a corps in brackets after a rank is part of the title.
        stop = _PHRASE_END.search(_RANK_BRACKET.sub(lambda b: b.group(1) + " " * (len(b.group()) - len(b.group(1))),
                                                    text[m.end():end]))
        phrase_end = m.end() + stop.start() if stop else end
        found = _name_after(text, m.end(), phrase_end)
        # "headed by the deputy director of the Federal Service for ... , Lieutenant General
        # Oleg Bestuzhev": a title told with "the" ends at a comma, and the name follows it.
        titled = re.match(r"\s*(?:the|a|an|his|her|its|their|our|[A-Z][\w.-]*['\u2019]s)\s+[a-z]", text[m.end():phrase_end])
        comma = re.match(r"[^,.;:()\n]{0,160}?,", text[m.end():end]) if titled else None
        if titled and comma:
            after = m.end() + comma.end()
            rest = _PHRASE_END.search(text[after:end])
            named = _name_after(text, after, after + rest.start() if rest else end)
            between = text[after:named[0]].split() if named is not None else ["?"]
            if named is not None and all(w.lower().strip(".") in TITLES for w in between):
                found = named
        if found is None and text[phrase_end:phrase_end + 1] == "," and re.match(
                r"\s*(?:the|a|an|his|her|its|[A-Z][a-z]+)\b", text[m.end():phrase_end]):
            # "headed by the first deputy director of the corporation, Andrei Shevchuk": the
            # name follows its title after a comma.
            rest = _PHRASE_END.search(text[phrase_end + 1:end])
            found = _name_after(text, phrase_end + 1, phrase_end + 1 + rest.start() if rest else end)
        if found is None:
            found = _surname_told_before(text, m.end(), phrase_end, start)
        if found is None:
            continue
        a, b, name = found
        out.append(Commander(a, b, text[a:b], name, m.start()))
    for m in _NAME_THEN_ROLE.finditer(text, start, end):
        # "said Capt. Maria Delgado, the aircraft commander": the name before its role.
        found = _name_after(text, m.start("name"), m.end("name"))
        if found is None or any(c.start <= found[0] < c.end for c in out):
            continue
        a, b, name = found
        out.append(Commander(a, b, text[a:b], name, m.start("role")))
    for m in _LED_THE.finditer(text, start, end):
        # "Their conductor, Aigerim Sadvakasova, who led the party": the name before the verb.
        found = _name_after(text, m.start(), m.start("name") + len(m.group("name")))
        titled = re.fullmatch(r"((?:\S+\s+)+)(\S+)", m.group("name"))
        if found is None and titled and all(w.lower().rstrip(".") in TITLES for w in titled.group(1).split()):
            a = m.start("name") + titled.start(2)
            found = (a, a + len(titled.group(2)), titled.group(2))  # "Minister Yoon": the surname alone
        if found is None or any(c.start <= found[0] < c.end for c in out):
            continue
        a, b, name = found
        if " " not in name:
            # "Minister Yoon" after "Veterans Minister Yoon Seo-jin": the full name told before.
            full = next((c.name for c in reversed(out) if c.start < a and name in c.name.split()), None)
            if full is None:
                continue
            name = full
        out.append(Commander(a, b, text[a:b], name, m.start("verb")))
    return sorted(out, key=lambda c: c.start)


#: A name, then "who led the party", "again headed the delegation".
_LED_THE = re.compile(
    r"(?P<name>(?-i:[A-Z][\w'\u2019-]+)(?:\s+(?-i:[A-Z][\w'\u2019-]+)){0,3}),?\s+(?:who\s+)?(?:again\s+|also\s+|personally\s+)?"
    r"(?P<verb>led|headed|commanded)\s+(?:the|this|our|their)\s+(?:whole\s+)?(?:party|group|delegation|team|mission|contingent|detachment)\b")

#: A name, then its role aboard: "Capt. Maria Delgado, the aircraft commander", "Major Ito,
#: the mission's leader".
_NAME_THEN_ROLE = re.compile(
    r"(?P<name>(?-i:[A-Z][\w'\u2019.-]*)(?:\s+(?-i:[A-Z][\w'\u2019.-]*)){1,4}),\s+(?P<role>(?:the|their|its|our)\s+"
    r"(?:(?:aircraft|mission|detachment|contingent|team|delegation)(?:['\u2019]s)?\s+(?:commander|captain|leader|chief|head)"
    r"|(?:aircraft|plane|jet)(?:['\u2019]s)?\s+(?:captain|commander|pilot)))\b", re.I)
