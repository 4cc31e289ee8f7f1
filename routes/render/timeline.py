"""The timeline: play/pause and a slider that fly the aircraft along their legs in order.

Reports give a date but rarely a time, so the schedule is an estimate and the control
says so: each dated flight leaves at 00:00 UTC on its date, flies each leg in the leg's
estimated time (:func:`routes.geodesy.estimate_hours`, from the aircraft's cruise speed)
and waits :data:`DWELL_H` hours at each stopover.  Flights without a date keep still;
with no dated flight at all there is no timeline.

While the slider is not at its end, a leg not yet begun is hidden, the leg being flown is
drawn up to the aircraft, which moves along the drawn geodesic and turns to its heading
on screen, and it waits at the stopover until the next leg begins.  At the end (where the
page opens) every leg and aircraft is back where the static map draws it.

Examples
--------
>>> from routes.model import Flight, Report
>>> schedule(Report(flights=(Flight("f1", ()),))) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from branca.element import MacroElement
from folium.template import Template

from ..geodesy import estimate_hours
from ..model import Flight, Report
from .assets import compact_js
from .escape import js_json, js_string

__all__ = ["DWELL_H", "LegTimes", "flight_start", "schedule", "Timeline"]

#: Hours assumed on the ground at each stopover (refuelling, crew rest).
DWELL_H = 2.0
#: Seconds that playing the whole timeline takes.
PLAY_SECONDS = 16
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class LegTimes:
    """When a leg leaves and arrives, in hours from 00:00 UTC of the earliest date."""

    flight: int  # index in the report
    leg: int  # 1-based
    depart_h: float
    arrive_h: float
    next_h: float | None  # when the flight's next leg leaves (None: last leg)


def flight_start(flight: Flight) -> date | None:
    """The flight's date, if it gives a whole one (``2019-03-23``), else None."""
    m = _ISO_DATE.match(flight.date or "")
    if not m:
        return None
    try:
        return date(*map(int, m.groups()))
    except ValueError:
        return None


def schedule(report: Report) -> tuple[date, tuple[LegTimes, ...]] | None:
    """The estimated schedule of every leg of the report's dated flights, with the date
    it counts from; None when no flight with legs has a date."""
    dated = [(i, f, flight_start(f)) for i, f in enumerate(report.flights)]
    dated = [(i, f, d) for i, f, d in dated if d is not None and f.legs]
    if not dated:
        return None
    t0 = min(d for _, _, d in dated)
    out = []
    for i, flight, day in dated:
        t = (day - t0).days * 24.0
        times = []
        for leg in flight.legs:
            hours = leg.duration_h if leg.duration_h is not None else estimate_hours(leg.distance_km)
            times.append((leg.index, t, t + hours))
            t += hours + DWELL_H
        for k, (index, dep, arr) in enumerate(times):
            nxt = times[k + 1][1] if k + 1 < len(times) else None
            out.append(LegTimes(i, index, round(dep, 4), round(arr, 4), None if nxt is None else round(nxt, 4)))
    return t0, tuple(out)


_TIMELINE_JS = compact_js(
    """
    (function (map, t0, legs) {
    var total = 0, t = null, playing = false, last = null, END = 1000;
    legs.forEach(function (g) {
        total = Math.max(total, g.arr);
        g.pts = g.line.getLatLngs().slice();
        g.home = g.plane.getLatLng();
    });
    var ctl = L.control({position: "bottomright"}), play, slider, clock;
    ctl.onAdd = function () {
        var div = L.DomUtil.create("div", "routes-panel routes-timeline");
        play = L.DomUtil.create("button", "routes-play", div);
        slider = L.DomUtil.create("input", "routes-slider", div);
        clock = L.DomUtil.create("span", "routes-clock", div);
        play.type = "button"; play.textContent = "\u25b6"; play.title = "Play";
        slider.type = "range"; slider.min = 0; slider.max = END; slider.value = END;
        slider.title = NOTE;
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
    };
    ctl.addTo(map);
    function stamp(h) {
        var d = new Date(Date.UTC(t0[0], t0[1] - 1, t0[2]) + Math.round(h * 60) * 60000);
        var two = function (n) { return (n < 10 ? "0" : "") + n; };
        return d.getUTCFullYear() + "-" + two(d.getUTCMonth() + 1) + "-" + two(d.getUTCDate())
            + " " + two(d.getUTCHours()) + ":" + two(d.getUTCMinutes()) + " UTC (est.)";
    }
    function turn(g, deg) {
        var el = g.plane.getElement(), icon = el && el.querySelector(".routes-plane");
        if (icon) {
            icon.style.transform = "rotate(" + deg.toFixed(1) + "deg)";
            icon.dataset.bearing = deg.toFixed(1);
        }
    }
    function show(g, on) {
        g.plane.setOpacity(on ? 1 : 0);
        if (g.arrow) { g.arrow.setOpacity(on ? 1 : 0); }
        if (g.outline) { g.outline.setStyle({opacity: on ? 0.75 : 0}); }
    }
    function draw(h) {
        t = h;
        slider.value = h === null ? END : Math.round(END * h / total);
        clock.textContent = stamp(h === null ? total : h);
        clock.dataset.hours = (h === null ? total : h).toFixed(2);
        legs.forEach(function (g) {
            if (h === null) {
                g.line.setLatLngs(g.pts); g.plane.setLatLng(g.home); turn(g, g.bearing);
                show(g, true); return;
            }
            if (h < g.dep) { g.line.setLatLngs([]); show(g, false); return; }
            var f = Math.min(1, (h - g.dep) / (g.arr - g.dep)), n = g.pts.length - 1;
            var x = f * n, i = Math.min(Math.floor(x), n - 1), u = x - i;
            var a = g.pts[i], b = g.pts[i + 1];
            var here = L.latLng(a.lat + u * (b.lat - a.lat), a.lng + u * (b.lng - a.lng));
            g.line.setLatLngs(g.pts.slice(0, i + 1).concat([here]));
            show(g, f >= 1);
            g.plane.setOpacity(g.next === null || h < g.next ? 1 : 0);
            g.plane.setLatLng(here);
            var pa = map.project(a), pb = map.project(b);
            turn(g, (Math.atan2(pb.x - pa.x, pa.y - pb.y) * 180 / Math.PI + 360) % 360);
        });
    }
    function frame(ts) {
        if (!playing) { return; }
        if (last !== null) { t = Math.min(total, t + (ts - last) / 1000 * total / SECONDS); }
        last = ts;
        if (t >= total) { stop(); draw(null); return; }
        draw(t);
        L.Util.requestAnimFrame(frame);
    }
    function stop() { playing = false; play.textContent = "\u25b6"; play.title = "Play"; }
    L.DomEvent.on(play, "click", function () {
        if (playing) { stop(); return; }
        playing = true; last = null; play.textContent = "\u275a\u275a"; play.title = "Pause";
        if (t === null) { t = 0; }
        L.Util.requestAnimFrame(frame);
    });
    L.DomEvent.on(slider, "input", function () {
        stop();
        var v = Number(slider.value);
        draw(v >= END ? null : total * v / END);
    });
    map.whenReady(function () { draw(null); });
    })(MAP, T0, [LEGS]);
    """
)


class Timeline(MacroElement):
    """The timeline control (bottom right): a play/pause button, a slider and a clock.

    Parameters
    ----------
    start : date
        The date the hours count from (00:00 UTC).
    legs : list of (LegTimes, LegParts)
        Each scheduled leg with the map elements drawn for it
        (:class:`routes.render.layers.LegParts`).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.code }}
        {% endmacro %}
        """
    )

    def __init__(self, start: date, legs: list):
        super().__init__()
        self._name = "Timeline"
        self.start = start
        self.legs = legs

    def render(self, **kwargs):
        from .planes import midpoint

        items = []
        for times, parts in self.legs:
            fields = {
                "line": parts.line.get_name(),
                "plane": parts.aircraft.get_name(),
                "arrow": parts.arrow.get_name() if parts.arrow is not None else "null",
                "outline": parts.outline.get_name() if parts.outline is not None else "null",
                "dep": js_json(times.depart_h),
                "arr": js_json(max(times.arrive_h, times.depart_h + 1e-3)),
                "next": js_json(times.next_h),
                "bearing": js_json(round(midpoint(parts.leg).bearing, 1)),
            }
            items.append("{" + ",".join(f"{k}:{v}" for k, v in fields.items()) + "}")
        note = (
            f"Estimated times: departure at 00:00 UTC on the reported date, "
            f"{DWELL_H:g} h at each stopover"
        )
        self.code = (
            _TIMELINE_JS.replace("NOTE", js_string(note))
            .replace("SECONDS", str(PLAY_SECONDS))
            .replace(
                "(MAP,T0,[LEGS])",
                f"({self._parent.get_name()},"
                f"{js_json([self.start.year, self.start.month, self.start.day])},"
                f"[{','.join(items)}])",
            )
        )
        super().render(**kwargs)
