"""The exception tree of routes.

Every error the library raises on purpose derives from :class:`RoutesError`; each child
also derives from the builtin it resembles, so callers can catch either.  The CLI turns a
``RoutesError`` into one line on stderr and exit status 2.
"""

from __future__ import annotations

__all__ = [
    "RoutesError",
    "InputError",
    "PlaceNotFound",
    "NoFlightsFound",
    "GeocoderUnavailable",
    "RoutesWarning",
]


class RoutesError(Exception):
    """Root of every error routes raises on purpose."""


class InputError(RoutesError, ValueError):
    """The input cannot be read: bad syntax, bad value, unreadable file.

    The message names the value and where it was (``file:line``) and, where it helps,
    what would be valid.
    """


class PlaceNotFound(RoutesError, LookupError):
    """A place name or code is not in the gazetteer (nor in any geocoder asked)."""

    def __init__(self, name: str, where: str | None = None, suggestions: tuple[str, ...] = ()):
        self.name = name
        self.where = where
        self.suggestions = tuple(suggestions)
        msg = f"unknown place {name!r}"
        if where:
            msg = f"{where}: {msg}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(msg)


class NoFlightsFound(InputError):
    """The input describes no flight."""


class GeocoderUnavailable(RoutesError, ConnectionError):
    """An online geocoder could not answer; callers fall back to the offline gazetteer."""


class RoutesWarning(UserWarning):
    """Something worked around rather than failed (e.g. an online geocoder fell back to the
    offline gazetteer); issued through :func:`warnings.warn`."""
