"""Deterministic element ids for folium maps.

branca gives every element a random id (``uuid``-like hex from ``os.urandom``), which
becomes part of the JavaScript variable names, so the same map renders differently every
time.  :func:`deterministic_ids` replaces the id generator, for the duration of a
``with`` block, by a counter hashed with a seed: the same input then gives byte-identical
HTML, while two maps built from different inputs still get different names.

Examples
--------
>>> import folium
>>> with deterministic_ids("demo"):
...     a = folium.Map(tiles=None).get_name()
>>> with deterministic_ids("demo"):
...     b = folium.Map(tiles=None).get_name()
>>> a == b
True
"""

from __future__ import annotations

import hashlib
import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from branca.element import Element

__all__ = ["deterministic_ids", "seed_digest"]

_LOCK = threading.RLock()


def seed_digest(*parts: object) -> str:
    """A short stable digest of ``parts`` (their ``repr``), for use as an id seed."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:8]


@contextmanager
def deterministic_ids(seed: str = "") -> Iterator[None]:
    """Within the block, new branca/folium elements get ids ``<digest><counter>``.

    The original generator is restored on exit, also after an exception.  Blocks are
    serialised with a lock, since the generator is patched on the class.  Nested blocks
    keep the outermost block's numbering.
    """
    with _LOCK:
        current = Element.__dict__.get("_generate_id")
        if getattr(getattr(current, "__func__", None), "__routes_deterministic__", False):
            yield
            return
        prefix = seed_digest(seed)
        counter = itertools.count(1)

        def _generate_id(cls) -> str:
            return f"{prefix}{next(counter):04x}"

        _generate_id.__routes_deterministic__ = True  # type: ignore[attr-defined]
        Element._generate_id = classmethod(_generate_id)  # type: ignore[method-assign]
        try:
            yield
        finally:
            Element._generate_id = current  # type: ignore[method-assign]
