"""Rendering that never reads text from the report as a Jinja template.

branca's ``MacroElement.render`` puts the output of each element's macros into a new
``Element(output)``, which compiles that output as a Jinja template and renders it again
when the page is assembled.  The output holds text from the input (place names, evidence
sentences), so ``{{ ... }}`` in a news report would be evaluated in Python while the map
is built: at best altered text, at worst code run on the user's machine.

:class:`RoutesMap` renders its elements with :func:`literal_macros` in force, which puts
the macros' output into the page as it is.  It also saves compiling every piece of the
page a second time.

Examples
--------
>>> from routes.render.safe import RoutesMap
>>> m = RoutesMap(tiles=None)
>>> _ = folium.Marker([0, 0], tooltip='{{ "q" * 5 }}').add_to(m)
>>> html = m.get_root().render()
>>> '{{ "q" * 5 }}' in html, "qqqqq" in html
(True, False)
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import folium
from branca.element import Figure, MacroElement

from .assets import RawHTML

__all__ = ["RoutesMap", "literal_macros"]

_LOCK = threading.RLock()


def _render_literally(self: MacroElement, **kwargs) -> None:
    figure = self.get_root()
    if not isinstance(figure, Figure):
        raise TypeError("an element can only be rendered inside a Figure")
    macros = self._template.module.__dict__
    for part, target in (("header", figure.header), ("html", figure.html),
                         ("script", figure.script)):
        macro = macros.get(part)
        if macro is not None:
            target.add_child(RawHTML(macro(self, kwargs)), name=self.get_name())
    for element in self._children.values():
        element.render(**kwargs)


@contextmanager
def literal_macros() -> Iterator[None]:
    """Within the block, every MacroElement's output goes into the page as plain text.

    The method is patched on the class and restored on exit, under a lock; nested blocks
    are harmless.
    """
    with _LOCK:
        original = MacroElement.render
        MacroElement.render = _render_literally  # type: ignore[method-assign]
        try:
            yield
        finally:
            MacroElement.render = original  # type: ignore[method-assign]


class RoutesMap(folium.Map):
    """A folium Map whose page is assembled with :func:`literal_macros`.

    Every way of producing the page goes through ``render``: ``save``, the notebook's
    ``_repr_html_`` and :func:`routes.render.map_html`.
    """

    def render(self, **kwargs) -> None:
        with literal_macros():
            super().render(**kwargs)
