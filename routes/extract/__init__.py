"""News text -> flights: places with roles, flight order, aircraft, people, cargo, dates.

The one entry point is :func:`read_text`; the modules beside it each handle one concern
(:mod:`.sentences`, :mod:`.places`, :mod:`.roles`, :mod:`.order`, :mod:`.numbers`,
:mod:`.dates`, :mod:`.people`, :mod:`.flights`).

Decisions a reader of the output should know:

* ``personnel`` counts the people carried ("99 servicemen"); a crew count is used only
  when the report gives no other.  Parts of a count ("including 40 children") are not it.
* ``cargo_tonnes`` is metric: bare "tons" are metric tonnes; short tons, long tons, pounds
  and kilograms are converted.
* ``date`` is the earliest date the report ties to the flight (its departure when both
  are told).  A date without a year takes the text's year (dateline, first full date,
  first year written), else the ``year`` argument; with neither it stays None and a
  warning says so.  "Yesterday", "on Tuesday", "last Tuesday" and "on the 14th" are counted
  back from the publication date (dateline or heading).
* A return ("flew back to Moscow on March 25") is a flight of its own, from where the last
  flight ended, also when told first ("landed back at Vnukovo ... four days earlier it had
  taken off from Vnukovo for Pyongyang") or in the same clause ("flew to Port Sudan and came
  back to Amman"); "to Sochi and back" and "before returning to Moscow" end one flight.
  An opening that only says the plane came home ("returned to Astana with 84 people"),
  followed by the trip told from there, sums it up: its facts go with the way back.
* Asides about the aircraft's past ("The plane, which earlier this month had been seen in
  Bamako, ...") are on no route.
* Places denied ("did not land in Havana"), hedged or planned ("could be bound for",
  "will travel on to") and clauses about other times ("similar flights last year") are
  left out.
"""

from __future__ import annotations

from .flights import read_text

__all__ = ["read_text"]
