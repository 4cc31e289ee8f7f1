"""The text of popups, tooltips and layer names, as escaped HTML.

Every value from the report passes through :func:`~routes.render.escape.html_text`
here; the functions return markup that is safe to hand to Leaflet.

Examples
--------
>>> fmt_duration(6.84)
'6 h 50 min'
>>> fmt_latlon(14.67, -17.07)
'14.6700° N, 17.0700° W'
>>> compass(262.4)
'W'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Flight, Leg, Place
from .escape import html_text as esc

if TYPE_CHECKING:
    from ..range_check import RangeCheck

__all__ = [
    "flight_label",
    "fmt_duration",
    "fmt_latlon",
    "compass",
    "place_popup",
    "place_tooltip",
    "leg_popup",
    "leg_tooltip",
    "range_note",
    "aircraft_popup",
    "leg_label",
]

_POINTS = "N NNE NE ENE E ESE SE SSE S SSW SW WSW W WNW NW NNW".split()


def flight_label(flight: Flight) -> str:
    """The flight's name as plain (unescaped) text: its label, else its id, with the
    aircraft and date when known."""
    name = flight.label or flight.id
    extra = [", ".join(flight.aircraft)] if flight.aircraft else []
    if flight.date:
        extra.append(flight.date)
    return " · ".join([name, *extra])


def fmt_duration(hours: float | None) -> str:
    """Hours as ``'6 h 50 min'``; ``'unknown'`` for None."""
    if hours is None:
        return "unknown"
    minutes = round(hours * 60)
    return f"{minutes // 60} h {minutes % 60:02d} min"


def fmt_latlon(lat: float, lon: float) -> str:
    """Degrees with hemisphere letters; longitude brought into [-180, 180)."""
    lon = (lon + 180.0) % 360.0 - 180.0
    ns = "N" if lat >= 0 else "S"
    ew = "E" if lon >= 0 else "W"
    return f"{abs(lat):.4f}° {ns}, {abs(lon):.4f}° {ew}"


def compass(bearing: float) -> str:
    """The nearest of the 16 compass points to a bearing in degrees."""
    return _POINTS[round((bearing % 360.0) / 22.5) % 16]


def _rows(rows: list[tuple[str, str | None]]) -> str:
    """Table rows of (label, escaped value), skipping empty values."""
    cells = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows if value)
    return f"<table>{cells}</table>" if cells else ""


def place_popup(place: Place, role: str, flight: Flight) -> str:
    """Popup of a place marker: name, code, kind, country, coordinates, role, mention."""
    code = f' <span class="routes-code">{esc(place.code)}</span>' if place.code else ""
    mention = place.mention if place.mention and place.mention != place.name else None
    rows = [
        ("Kind", esc(place.kind)),
        ("Country", esc(place.country)),
        ("Coordinates", esc(fmt_latlon(place.lat, place.lon))),
        ("Role", f"{esc(role)} of {esc(flight_label(flight))}"),
        ("Mentioned as", f"“{esc(mention)}”" if mention else None),
        ("Source", esc(place.source)),
    ]
    return f'<div class="routes-popup"><h3>{esc(place.name)}{code}</h3>{_rows(rows)}</div>'


def place_tooltip(place: Place, role: str) -> str:
    """Tooltip of a place marker: ``Dakar (GOOY) · stopover``."""
    code = f" ({esc(place.code)})" if place.code else ""
    return f"<b>{esc(place.name)}</b>{code} · {esc(role)}"


def _speed_note(leg: Leg) -> str:
    if leg.duration_h is None:
        return ""
    if leg.speed_source in (None, "default"):
        return " (typical jet cruise speed)"
    return f" (cruise speed of {esc(leg.speed_source)})"


def _evidence(flight: Flight) -> str:
    if not flight.evidence:
        return ""
    items = "".join(
        f'<li><span class="routes-fact">{esc(e.fact)}:</span> {esc(e.text)}</li>'
        for e in flight.evidence
    )
    return f"<div><b>Evidence</b><ul>{items}</ul></div>"


def leg_popup(leg: Leg, flight: Flight, check: RangeCheck | None = None) -> str:
    """Popup of a leg: its ends, distance, bearings, estimated time, the range check, and
    the flight's facts and evidence."""
    n = len(flight.legs)
    name = esc(flight.label or flight.id)
    head = f"{name} · leg {leg.index} of {n}" if n else name
    route = f"{esc(leg.origin.name)} → {esc(leg.destination.name)}"
    cargo = f"{flight.cargo_tonnes:g} t" if flight.cargo_tonnes is not None else None
    rows = [
        ("Distance", f"{leg.distance_km:,.0f} km ({leg.distance_nm:,.0f} nm)"),
        (
            "Bearing",
            f"{leg.initial_bearing_deg:.0f}° ({compass(leg.initial_bearing_deg)}) initial, "
            f"{leg.final_bearing_deg:.0f}° ({compass(leg.final_bearing_deg)}) final",
        ),
        ("Est. time", esc(fmt_duration(leg.duration_h)) + _speed_note(leg)),
        ("Aircraft", esc(", ".join(flight.aircraft)) if flight.aircraft else None),
        ("Date", esc(flight.date)),
        ("Personnel", esc(flight.personnel)),
        ("Cargo", esc(cargo)),
        ("Commander", esc(flight.commander)),
        ("Range", range_note(check)),
    ]
    return (
        f'<div class="routes-popup"><h3>{head}</h3><div>{route}</div>'
        f"{_rows(rows)}{_evidence(flight)}</div>"
    )


def leg_tooltip(leg: Leg, flight: Flight) -> str:
    """Tooltip of a leg: ``f1 leg 1: Syria → Dakar · 5,080 km``."""
    return (
        f"<b>{esc(flight.label or flight.id)}</b> leg {leg.index}: "
        f"{esc(leg.origin.name)} → {esc(leg.destination.name)} · {leg.distance_km:,.0f} km"
    )


def range_note(check: RangeCheck | None) -> str | None:
    """The range check in words (markup); None when nothing is known.

    >>> from routes.range_check import RangeCheck
    >>> range_note(RangeCheck(False, 7000.0, "Il-62", 35.0, 10380.0))
    '<span class="routes-beyond">beyond range: 10,380 km against about 7,000 km (Il-62 with 35 t)</span>'
    """
    if check is None or check.ok is None:
        return None
    load = f"{check.payload_t:g} t" if check.payload_t is not None else "no payload reported"
    text = (
        f"{check.distance_km:,.0f} km against about {check.range_km:,.0f} km "
        f"({check.aircraft} with {load})"
    )
    if check.ok:
        return f"within range: {esc(text)}"
    return f'<span class="routes-beyond">beyond range: {esc(text)}</span>'


def _facts_with_evidence(flight: Flight) -> dict[str, str]:
    """For each fact name, the evidence sentences it came from (escaped, joined)."""
    found: dict[str, list[str]] = {}
    for e in flight.evidence:
        found.setdefault(e.fact, []).append(esc(e.text))
    return {
        fact: "".join(f'<div class="routes-ev">“{t}”</div>' for t in texts)
        for fact, texts in found.items()
    }


def aircraft_popup(leg: Leg, flight: Flight, check: RangeCheck | None = None) -> str:
    """Popup of the aircraft marker of a leg: the flight's facts, each with the evidence
    sentence it came from, the leg's distance and estimated time, and the range check."""
    n = len(flight.legs)
    head = f"{esc(flight.label or flight.id)} · leg {leg.index} of {n}"
    route = f"{esc(leg.origin.name)} to {esc(leg.destination.name)}"
    ev = _facts_with_evidence(flight)
    cargo = f"{flight.cargo_tonnes:g} t" if flight.cargo_tonnes is not None else None

    def fact(name: str, value) -> str | None:
        if value is None or value == "":
            return None
        return esc(value) + ev.get(name, "")

    rows = [
        ("Aircraft", fact("aircraft", ", ".join(flight.aircraft))),
        ("Personnel", fact("personnel", flight.personnel)),
        ("Cargo", fact("cargo", cargo)),
        ("Commander", fact("commander", flight.commander)),
        ("Date", fact("date", flight.date)),
        ("Distance", f"{leg.distance_km:,.0f} km ({leg.distance_nm:,.0f} nm)"),
        ("Est. time", esc(fmt_duration(leg.duration_h)) + _speed_note(leg)),
        ("Range", range_note(check)),
    ]
    return f'<div class="routes-popup"><h3>{head}</h3><div>{route}</div>{_rows(rows)}</div>'


def leg_label(leg: Leg, flight: Flight) -> str:
    """The short text drawn beside a leg's aircraft: ``1 · An-124/Il-62 · 35 t`` (markup)."""
    parts = [str(leg.index)]
    if flight.aircraft:
        parts.append("/".join(flight.aircraft))
    if flight.cargo_tonnes is not None:
        parts.append(f"{flight.cargo_tonnes:g} t")
    return esc(" · ".join(parts))
