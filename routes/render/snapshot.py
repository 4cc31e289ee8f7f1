"""A picture of the map: the self-contained page rendered to PNG by headless Chromium.

Playwright drives the Chromium at ``$ROUTES_CHROMIUM`` (Debian's ``/usr/bin/chromium`` by
default).  Every request that is not for the page's own file is refused, so the picture
shows exactly what the offline page shows; the shot is taken once the page says it is
drawn (``data-routes-ready`` on ``<body>``, set by :class:`routes.render.elements.ReadyFlag`)
and two more frames have passed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import folium

from .._io import check_output_path, write_bytes_atomic
from ..errors import RoutesError
from .output import map_html

__all__ = ["SnapshotUnavailable", "chromium_path", "check_available", "save_png"]

DEFAULT_CHROMIUM = "/usr/bin/chromium"
#: Chromium switches for a headless run in a container with no network.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)
TIMEOUT_MS = 30_000


class SnapshotUnavailable(RoutesError, RuntimeError):
    """Playwright or Chromium, needed for ``--png``, is missing or failed to start."""


def chromium_path() -> Path:
    """The Chromium to run: ``$ROUTES_CHROMIUM`` if set, else Debian's."""
    return Path(os.environ.get("ROUTES_CHROMIUM") or DEFAULT_CHROMIUM)


def check_available() -> None:
    """Raise :class:`SnapshotUnavailable` (one line saying what to install) unless
    Playwright can be imported and Chromium is where :func:`chromium_path` says."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise SnapshotUnavailable(
            "--png needs Playwright: pip install playwright (Chromium comes from the system)"
        ) from None
    browser_path = chromium_path()
    if not browser_path.exists():
        raise SnapshotUnavailable(
            f"--png needs Chromium, not found at {browser_path}; install it "
            "(apt-get install chromium) or set ROUTES_CHROMIUM to its path"
        )


def _refuse_network(route) -> None:
    if route.request.url.startswith("file://"):
        route.continue_()
    else:
        route.abort()


def save_png(
    m: folium.Map | str,
    path: str | os.PathLike,
    *,
    width: int = 1200,
    height: int = 800,
    scale: float = 1.0,
    prepare: str | None = None,
) -> Path:
    """Render the map (or a page's HTML) to a PNG file and return its path.

    Parameters
    ----------
    m : folium.Map or str
        A map from :func:`routes.render.make_map`, or the HTML of a saved page.  A map is
        rendered self-contained, so no network is needed.
    path : path-like
        Where to write the PNG; missing parent folders are created.
    width, height : int
        The browser window, in CSS pixels.
    scale : float
        Device pixel ratio (2 gives a picture twice as wide and high).
    prepare : str, optional
        A JavaScript function run in the page before the picture (to open a popup,
        say); the picture waits for the promise it returns, if any.

    Raises
    ------
    SnapshotUnavailable
        Playwright is not installed, Chromium is missing, or the page never finished.
    """
    check_available()
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    browser_path = chromium_path()
    html = m if isinstance(m, str) else map_html(m, self_contained=True)
    out = Path(path)
    check_output_path(out, make_parents=True)
    with tempfile.TemporaryDirectory(prefix="routes-png-") as tmp:
        page_file = Path(tmp) / "map.html"
        page_file.write_text(html, encoding="utf-8")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(browser_path), args=list(CHROMIUM_ARGS))
                try:
                    context = browser.new_context(
                        viewport={"width": width, "height": height}, device_scale_factor=scale
                    )
                    page = context.new_page()
                    page.route("**/*", _refuse_network)
                    page.goto(page_file.as_uri(), timeout=TIMEOUT_MS)
                    page.wait_for_load_state("load")
                    if "routesReady" in html:  # pages from make_map say when they are drawn
                        page.wait_for_function(
                            "() => document.body.dataset.routesReady === '1'", timeout=TIMEOUT_MS
                        )
                    if prepare:
                        page.evaluate(prepare)
                    page.evaluate(
                        "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
                    )
                    png = page.screenshot(full_page=False)
                finally:
                    browser.close()
        except PlaywrightError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise SnapshotUnavailable(f"Chromium could not draw the map: {first}") from None
    write_bytes_atomic(out, png, make_parents=True)
    return out
