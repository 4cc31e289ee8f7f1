"""Shared fixtures: a headless Chromium for the browser tests, and hand-built reports."""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from routes.render.snapshot import CHROMIUM_ARGS, chromium_path

#: Debian's Chromium; ROUTES_CHROMIUM names another build (as for ``routes map --png``).
CHROMIUM = chromium_path()


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium driven by Playwright, shared by the session.

    Skipped when Chromium or Playwright is missing on a developer's machine; with the
    ``CI`` environment variable set, a missing browser is an error instead.
    """
    in_ci = bool(os.environ.get("CI"))
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if in_ci:
            raise
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        if in_ci:
            pytest.fail(f"{CHROMIUM} is missing; the browser tests must run in CI")
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium to run browser tests")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            yield b
        finally:
            b.close()


class OpenedPage:
    """A page opened from a file with every non-file request aborted, and what it logged."""

    def __init__(self, page):
        self.page = page
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.blocked: list[str] = []
        page.on("console", lambda m: self.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def open(self, path: Path) -> "OpenedPage":
        self.page.goto(Path(path).resolve().as_uri())
        self.page.wait_for_function("() => window.L !== undefined")
        # Our maps flag <body> once drawn and still (routes.render.elements.ReadyFlag);
        # clicks made before that may miss a marker that is still moving.
        self.page.wait_for_function("() => document.body.dataset.routesReady === '1'")
        return self

    @property
    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind == "error"] + self.errors


@pytest.fixture
def offline_page(browser):
    """A fresh page (1200 x 800) in a fresh context with the network cut off."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    try:
        yield OpenedPage(context.new_page())
    finally:
        context.close()


# --- hand-built reports for the render and browser tests ---------------------------------

PAYLOADS = (
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=1</script>",
    "${window.__pwned=1}",
    "`;window.__pwned=1;//",
    "\\`;window.__pwned=1;//",
    "\"'><svg onload=window.__pwned=1>",
)


def _place(name, lat, lon, kind="airport", code=None, **kw):
    from routes.model import Place

    return Place(name=name, lat=lat, lon=lon, kind=kind, code=code, **kw)


def _flight(fid, places, **facts):
    """A flight through ``places`` with legs computed, then given ``facts``.

    The facts are added after ``compute`` so that the leg times do not depend on the
    aircraft table.
    """
    from routes.geodesy import compute
    from routes.model import Flight, PlaceRef, Report, Stop, replace

    stops = tuple(Stop(ref=PlaceRef(text=p.mention or p.name), place=p) for p in places)
    (flight,) = compute(Report(flights=(Flight(id=fid, stops=stops),))).flights
    return replace(flight, **facts)


@pytest.fixture
def places():
    """Real coordinates: Damascus for Syria, Dakar (GOOY), Caracas (SVMI), PKC, ANC."""
    return {
        "syria": _place("Syria", 33.51, 36.29, "country", country="SY", mention="Syria"),
        "dakar": _place("Dakar", 14.67, -17.07, code="GOOY", iata="DSS", icao="GOOY", country="SN"),
        "caracas": _place(
            "Caracas", 10.60, -66.99, code="SVMI", iata="CCS", icao="SVMI", country="VE"
        ),
        "pkc": _place("Petropavlovsk-Kamchatsky", 53.17, 158.45, code="UHPP", country="RU"),
        "anc": _place("Anchorage", 61.17, -149.99, code="PANC", country="US"),
    }


@pytest.fixture
def syria_report(places):
    """The seed report's flight: Syria -> Dakar -> Caracas, two legs."""
    from routes.model import Evidence, Report

    flight = _flight(
        "f1",
        [places["syria"], places["dakar"], places["caracas"]],
        aircraft=("An-124", "Il-62"),
        personnel=99,
        cargo_tonnes=35.0,
        date="2019-03-23",
        commander="Vasily Tonkoshkurov",
        evidence=(Evidence("origin", "set off from Syria"), Evidence("stopover", "via Dakar")),
    )
    return Report(flights=(flight,), source="test")


@pytest.fixture
def two_flight_report(places):
    """Syria -> Dakar -> Caracas and a Pacific crossing PKC -> ANC."""
    from routes.model import Report

    f1 = _flight("f1", [places["syria"], places["dakar"], places["caracas"]])
    f2 = _flight("f2", [places["pkc"], places["anc"]], label="Pacific")
    return Report(flights=(f1, f2))


@pytest.fixture
def hostile_report(places):
    """Every text field of the report carries script payloads."""
    from routes.model import Evidence, Report, replace

    bad = " | ".join(PAYLOADS)
    syria = replace(places["syria"], name="Syria " + PAYLOADS[0], mention=PAYLOADS[1])
    dakar = replace(places["dakar"], name="Dakar " + PAYLOADS[2], code=PAYLOADS[3])
    caracas = replace(places["caracas"], name="Caracas " + PAYLOADS[4], country=PAYLOADS[5])
    flight = _flight(
        "f1",
        [syria, dakar, caracas],
        label="Flight " + bad,
        aircraft=(PAYLOADS[0], "An-124 " + PAYLOADS[3]),
        commander=bad,
        date=PAYLOADS[2],
        evidence=tuple(Evidence("origin", "said " + p) for p in PAYLOADS),
    )
    return Report(flights=(flight,))


# --- a local HTTP server for the online-geocoder tests ------------------------------------

@contextmanager
def serve_locally(handler):
    """A threaded HTTP server on 127.0.0.1 (a free port) answering with ``handler``;
    shut down and closed when the block ends."""
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    srv.daemon_threads, srv.block_on_close = True, False
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
