"""Turn a map into HTML, self-contained or linking Leaflet from a CDN, and write it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import folium

from .._io import write_text_atomic
from .assets import use_assets
from .ids import deterministic_ids

__all__ = ["map_html", "save_map"]


def map_html(m: folium.Map, self_contained: bool = True) -> str:
    """The map's page as one HTML string.

    Parameters
    ----------
    m : folium.Map
        A map from :func:`routes.render.make_map` (or any folium map).
    self_contained : bool, default True
        Inline Leaflet's JavaScript and CSS so the page opens with no network; with
        False, link them from a CDN.  folium's other default links (jQuery, Bootstrap,
        Font Awesome) are left out either way.
    """
    with deterministic_ids(m.get_name()):
        use_assets(m, self_contained=self_contained)
        return _tidy(m.get_root().render())


_PAGE_END = re.compile(r"</script>\s*</html>\s*$")


def _tidy(page: str) -> str:
    r"""The page with the indentation and blank lines of folium's templates taken out of
    the map's own (last) script.  Every string in that script is a one-line JSON or
    JavaScript literal, so removing whitespace at line starts changes no value.

    Plain string searches rather than one regular expression over the page: a map of
    100,000 legs is a 20 MB page, and a pattern that scans it character by character
    with a look-ahead costs seconds and gigabytes.

    >>> _tidy("<html><script>\n    var a = 1;\n\n    f(a);\n</script>\n</html>\n")
    '<html><script>\nvar a = 1;\nf(a);\n</script>\n</html>\n'
    """
    end = _PAGE_END.search(page, max(0, len(page) - 200))
    if end is None:
        return page
    start = page.rfind("<script>", 0, end.start())
    if start < 0:
        return page
    body_start = start + len("<script>")
    lines = (line.strip() for line in page[body_start:end.start()].splitlines())
    body = "\n".join(line for line in lines if line)
    return f"{page[:body_start]}\n{body}\n{page[end.start():]}"


def save_map(m: folium.Map, path: str | os.PathLike, *, self_contained: bool = True) -> Path:
    """Write the map's page to ``path`` atomically and return the path.

    The HTML goes to a temporary file in the same folder, which then replaces ``path``,
    so a reader never sees half a page and a failed write leaves an existing file whole.
    Missing parent folders are created.

    Raises
    ------
    routes.errors.InputError
        ``path`` is a folder, under a file, or cannot be written.
    """
    path = Path(path)
    write_text_atomic(path, map_html(m, self_contained=self_contained), make_parents=True)
    return path
