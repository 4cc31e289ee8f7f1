"""Text normalisation shared by the index and its queries: tokens, folding, name keys.

Every name the gazetteer knows is stored under a *key*: its tokens, each folded (lower
case, accents and apostrophes removed, a few transliteration variants merged), joined
by single spaces.  A query, or a window of words in a news text, is turned into a key
the same way, so matching is a dictionary look-up.

Examples
--------
>>> name_key("Maiquetía")
'maiquetia'
>>> name_key("Chkalovskiy") == name_key("Chkalovsky") == name_key("Chkalovskii")
True
>>> name_key("Khmeimim") == name_key("Hmeimim")
True
>>> name_key("Bangui M'Poko") == name_key("Bangui MPoko")
True
>>> name_key("Venezuela's capital")
"venezuela 's capital"
>>> [t.text for t in tokens("St. Petersburg, U.S. base")]
['St', 'Petersburg', 'U.S.', 'base']
>>> [t.text for t in tokens("route DKR-CCS via Ivanovo-Severny")]
['route', 'DKR', 'CCS', 'via', 'Ivanovo-Severny']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Token", "tokens", "fold", "fold_token", "name_key", "is_latin", "POSSESSIVE"]

#: The folded form of a possessive ending, kept as a token of its own.
POSSESSIVE = "'s"

# Letters that NFKD does not decompose into ASCII.
_SPECIAL = str.maketrans(
    {
        "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
        "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "ð": "d",
        "ʻ": "'", "ʼ": "'", "‘": "'", "’": "'", "`": "'", "´": "'", "ʿ": "'", "ʾ": "'",
        "‐": "-", "‑": "-", "–": "-", "—": "-",
    }
)

# A word: letters/digits with inner apostrophes or hyphens (M'Poko, Ivanovo-Severny),
# or an abbreviation written with dots (U.S., U.K.).
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’ʼ‘\-‐‑][^\W_]+)*", re.UNICODE)
# Letters outside Latin, Latin-1, Latin Extended-A/B and Latin Extended Additional.
_NON_LATIN = re.compile(r"[^\u0000-\u024F\u02B0-\u02FF\u1E00-\u1EFF\u2000-\u206F]")
_CODE = re.compile(r"[A-Z]{3,4}")
_POSS = re.compile(r"['’ʼ‘]s$", re.IGNORECASE)

# Transliteration variants merged in keys (applied to each folded word).
_ENDINGS = (("skiy", "sky"), ("skii", "sky"), ("skij", "sky"), ("skyi", "sky"), ("iy", "y"))


_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez)[-\u2010\u2011][A-Z]")


@dataclass(frozen=True)
class Token:
    """A word of a text: its characters ``text[start:end]`` and its folded ``key``."""

    text: str
    start: int
    end: int
    key: str

    @property
    def capitalised(self) -> bool:
        # An Arabic article written in lower case before a capital counts: "al-Khadim".
        return self.text[:1].isupper() or self.text[:1].isdigit() or bool(_ARTICLE.match(self.text))


def fold(text: str) -> str:
    """Lower case ASCII approximation: accents and special letters folded.

    >>> fold("São Tomé")
    'sao tome'
    """
    if text.isascii():
        return text.lower()
    text = text.translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def fold_token(word: str) -> str:
    """The key of one word: folded, apostrophes and dots removed, hyphens to spaces,
    transliteration variants merged (-skiy/-sky, kh/h)."""
    if _POSS.fullmatch(word):
        return POSSESSIVE
    w = fold(word).replace("'", "").replace(".", "")
    parts = []
    for p in w.replace("-", " ").split():
        for end, repl in _ENDINGS:
            if p.endswith(end) and len(p) > len(end) + 2:
                p = p[: -len(end)] + repl
                break
        p = p.replace("kh", "h")
        parts.append(p)
    return " ".join(parts)


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with their positions; a possessive ``'s`` is its own token."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        poss = _POSS.search(word)
        if poss and len(word) > 2:
            cut = start + poss.start()
            out.append(Token(word[: poss.start()], start, cut, fold_token(word[: poss.start()])))
            out.append(Token(word[poss.start():], cut, end, POSSESSIVE))
            continue
        if "-" in word and all(_CODE.fullmatch(p) for p in word.split("-")):
            # a route written with codes: DKR-CCS, OSLK-GOOY-SVMI
            for part in re.finditer(r"[A-Z]+", word):
                out.append(Token(part.group(), start + part.start(), start + part.end(),
                                 fold_token(part.group())))
            continue
        key = fold_token(word)
        if key:
            out.append(Token(word, start, end, key))
    return out


def name_key(text: str) -> str:
    """The index key of a name or query: its folded tokens joined by spaces."""
    words = _TOKEN.findall(text)
    if not any(q in text for q in "'’ʼ‘"):
        return " ".join(k for k in map(fold_token, words) if k)
    parts = []
    for word in words:
        poss = _POSS.search(word)
        if poss and len(word) > 2:
            parts.append(fold_token(word[: poss.start()]))
            parts.append(POSSESSIVE)
        else:
            parts.append(fold_token(word))
    return " ".join(p for p in parts if p)


def is_latin(text: str) -> bool:
    """True when ``text`` folds to ASCII letters (so a Latin-script name, not Cyrillic,
    Arabic, CJK ...)."""
    if _NON_LATIN.search(text):
        return False
    f = fold(text)
    return f.isascii() and any(c.isalpha() for c in f)
