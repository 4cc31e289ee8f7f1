"""Escaping for every place where text from the input reaches the map page.

Place names, mentions, aircraft, commanders, evidence sentences, flight labels and the
title all come from untrusted input.  They reach the page through exactly two kinds of
sink, and each has one function here:

* HTML markup (popup and tooltip bodies, the legend, layer names in the layer control,
  which Leaflet sets with ``innerHTML``, the page ``<title>``): :func:`html_text`.
* JavaScript inside the inline ``<script>`` (the markup above is handed to Leaflet as a
  string literal): :func:`js_string` / :func:`js_json`.

The renderer never puts text into folium's own ``Popup`` or ``Tooltip``: the first wraps
content in a JS template literal (where `` ` `` and ``${...}`` are live) and needs jQuery,
the second inserts text into the template literal unescaped.

Examples
--------
>>> html_text('<img src=x onerror=alert(1)>')
'&lt;img src=x onerror=alert(1)&gt;'
>>> js_string('</script><script>alert(1)</script>')
'"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"'
>>> js_string('`${alert(1)}`')
'"`${alert(1)}`"'
"""

from __future__ import annotations

import html
import json
from typing import Any

__all__ = ["html_text", "js_string", "js_json", "script_safe_json"]

# Characters that could end the <script> element, open an HTML comment or entity, or end
# a line in older JavaScript engines; JSON leaves them as they are.
_JS_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "'": "\\u0027",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def html_text(value: Any) -> str:
    """``value`` as text for HTML content or a quoted attribute value.

    ``None`` gives the empty string; anything else is converted with ``str``.
    """
    if value is None:
        return ""
    return html.escape(str(value), quote=True)


def js_json(value: Any) -> str:
    """``value`` as a JSON literal that is safe inside an inline ``<script>`` element.

    The result is a double-quoted (or structured) JSON value, so backticks, ``${`` and
    backslashes are inert; ``<``, ``>``, ``&`` and ``'`` are written as ``\\uXXXX`` escapes
    so that ``</script>`` or ``<!--`` can never appear in the page source.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return script_safe_json(text)


def script_safe_json(text: str) -> str:
    """JSON text made safe inside an inline ``<script>`` as :func:`js_json` makes it, for
    JSON that is already text (the packaged basemap): no decode and re-encode.

    The characters escaped can only stand inside JSON strings, where ``\\uXXXX`` means
    the same character, so the value is unchanged.
    """
    # str.replace per character: several times faster than str.translate on the
    # megabytes of a large map's data, and no replacement adds a character replaced later
    for char, escaped in _JS_UNSAFE.items():
        if char in text:
            text = text.replace(char, escaped)
    return text


def js_string(value: Any) -> str:
    """``str(value)`` as a JavaScript string literal, safe inside an inline ``<script>``."""
    return js_json("" if value is None else str(value))
