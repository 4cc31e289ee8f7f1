"""The leg table: every leg of every flight with distance, bearing, time and range check,
with totals, in a collapsible panel of the page.

Examples
--------
>>> from routes.model import Report
>>> "no legs" in summary_html(Report(flights=()))
True
"""

from __future__ import annotations

from ..model import Report
from ..range_check import check_leg
from .escape import html_text as esc
from .popups import compass, fmt_duration
from .symbols import flight_style

__all__ = ["summary_html"]

_HEAD = ("Flight", "Leg", "From", "To", "km", "nm", "Bearing", "Time", "Range")


def _range_cell(check) -> str:
    if check.ok is None:
        return "–"
    return "ok" if check.ok else '<b class="routes-beyond">beyond</b>'


def _name(place) -> str:
    return f'<td class="routes-name">{esc(place.code or place.name)}</td>'


def summary_html(report: Report, open_: bool = False) -> str:
    """The panel's markup: a ``<details>`` element holding the table (every value escaped).

    Parameters
    ----------
    report : Report
        Flights with legs computed.
    open_ : bool
        Whether the table is shown when the page opens (else only its heading is).
    """
    rows = []
    all_km, all_h, n_legs = 0.0, 0.0, 0
    for i, flight in enumerate(report.flights):
        colour, _ = flight_style(i)
        km = hours = 0.0
        for leg in flight.legs:
            check = check_leg(leg, flight)
            rows.append(
                f'<tr><td class="routes-name" style="color:{colour}">'
                f"{esc(flight.label or flight.id)}</td><td>{leg.index}</td>"
                f"{_name(leg.origin)}{_name(leg.destination)}"
                f"<td>{leg.distance_km:,.0f}</td><td>{leg.distance_nm:,.0f}</td>"
                f"<td>{leg.initial_bearing_deg:.0f}° {compass(leg.initial_bearing_deg)}</td>"
                f"<td>{esc(fmt_duration(leg.duration_h))}</td><td>{_range_cell(check)}</td></tr>"
            )
            km += leg.distance_km
            hours += leg.duration_h or 0.0
        if len(flight.legs) > 1:
            rows.append(
                f'<tr class="routes-total"><td class="routes-name">{esc(flight.label or flight.id)}'
                f"</td><td></td><td></td><td>total</td><td>{km:,.0f}</td><td>{km / 1.852:,.0f}</td>"
                f"<td></td><td>{esc(fmt_duration(hours))}</td><td></td></tr>"
            )
        all_km, all_h, n_legs = all_km + km, all_h + hours, n_legs + len(flight.legs)
    if not n_legs:
        body = "<div>no legs</div>"
    else:
        if len(report.flights) > 1:
            rows.append(
                f'<tr class="routes-total"><td class="routes-name">all flights</td><td></td>'
                f"<td></td><td>total</td><td>{all_km:,.0f}</td><td>{all_km / 1.852:,.0f}</td>"
                f"<td></td><td>{esc(fmt_duration(all_h))}</td><td></td></tr>"
            )
        head = "".join(
            f'<th{" class=routes-name" if h in ("Flight", "From", "To") else ""}>{h}</th>'
            for h in _HEAD
        )
        body = f'<div class="routes-table"><table><tr>{head}</tr>{"".join(rows)}</table></div>'
    legs = "leg" if n_legs == 1 else "legs"
    summary = f"Legs: {n_legs} {legs}, {all_km:,.0f} km"
    return f'<details class="routes-summary"{" open" if open_ else ""}><summary>{summary}</summary>{body}</details>'
