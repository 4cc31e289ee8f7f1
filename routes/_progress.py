"""A one-line progress counter on a terminal, for long batches of inputs.

It writes to standard error only, only when that is a terminal, and only once the run is
long: more than :data:`MIN_ITEMS` inputs, or :data:`MIN_SECONDS` gone by.  The line is
rewritten in place (``\\r``) and erased when the work is done, so nothing of it stays
between the command's own lines, and standard output (``--json``) is never touched.
"""

from __future__ import annotations

import shutil
import sys
import time

__all__ = ["Progress", "MIN_ITEMS", "MIN_SECONDS"]

#: More inputs than this show progress from the start.
MIN_ITEMS = 20
#: Fewer inputs show progress once this much time has gone by.
MIN_SECONDS = 2.0


def _is_tty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # no isatty, or a closed stream
        return False


class Progress:
    """``progress(done, total, name)`` as :func:`routes.inputs.read_inputs` calls it.

    Use it as a context manager so that the line is erased however the work ends.

    >>> import io
    >>> with Progress(io.StringIO()) as p:  # not a terminal: silent
    ...     p(0, 50, "a.txt")
    >>> p.shown
    False
    """

    def __init__(self, stream=None, *, min_items: int = MIN_ITEMS,
                 min_seconds: float = MIN_SECONDS, clock=time.monotonic):
        self.stream = sys.stderr if stream is None else stream
        self.enabled = _is_tty(self.stream)
        self.min_items = min_items
        self.min_seconds = min_seconds
        self.clock = clock
        self.start = clock()
        self.shown = False
        self._width = 0

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled:
            return
        if not self.shown and total <= self.min_items and self.clock() - self.start < self.min_seconds:
            return
        text = f"routes: reading {done}/{total}" + (f" {name}" if name and done < total else "")
        self._write(text)

    def note(self, text: str) -> None:
        """Replace the line with ``text`` if progress is being shown (a later stage)."""
        if self.shown:
            self._write(f"routes: {text}")

    def _write(self, text: str) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns
        text = text[: max(columns - 1, 10)]
        pad = " " * max(self._width - len(text), 0)
        self.stream.write("\r" + text + pad)
        self.stream.flush()
        self._width = len(text)
        self.shown = True

    def close(self) -> None:
        """Erase the line (if one was shown)."""
        if self.shown and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
