"""Reading and writing text files safely: size limit, encodings, atomic replacement.

Readers call :func:`read_text`, which refuses folders and huge files and decodes UTF-8
(with or without a byte order mark), UTF-16 and UTF-32 with a byte order mark, and, with a
warning, single-byte text that is not UTF-8 (read as Windows-1252).  Writers call
:func:`write_text_atomic`, which never leaves a half-written file behind.

Examples
--------
>>> import os, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = os.path.join(folder, "legs.csv")
...     write_text_atomic(path, "flight,from,to\\nf1,SVO,HAV\\n")
...     read_text(path)
('flight,from,to\\nf1,SVO,HAV\\n', ())
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from pathlib import Path

from .errors import InputError

__all__ = ["MAX_INPUT_BYTES", "read_text", "decode_bytes", "write_text_atomic"]

#: Largest input file read, in bytes (50 MB): route lists and news reports are far smaller.
MAX_INPUT_BYTES = 50 * 1024 * 1024

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(
    path: str | os.PathLike, *, encoding: str | None = None, limit: int = MAX_INPUT_BYTES
) -> tuple[str, tuple[str, ...]]:
    """The text of a file and any warnings about how it was decoded.

    Parameters
    ----------
    path : str or path-like
        The file to read.
    encoding : str, optional
        A Python codec name; by default the encoding is detected (see :func:`decode_bytes`).
    limit : int
        Largest file size accepted, in bytes.

    Raises
    ------
    InputError
        The file is missing, a folder, unreadable, larger than ``limit`` or not text.
    """
    name = os.fspath(path)
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{name} is a folder; give a route file (.csv .yaml .yml .json .geojson)")
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    if size > limit:
        raise InputError(
            f"{name} is {size / 1e6:.1f} MB; the limit for an input file is {limit / 1e6:.0f} MB"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    return decode_bytes(data, name, encoding=encoding)


def decode_bytes(
    data: bytes, name: str = "input", *, encoding: str | None = None
) -> tuple[str, tuple[str, ...]]:
    """Decode ``data``: the given encoding, else a byte order mark, else UTF-8.

    Bytes that are not UTF-8 but look like single-byte text (no NUL or stray control bytes)
    are read as Windows-1252 (Latin-1 for the five bytes it leaves undefined), with a
    warning.  Line endings are left as they are.

    >>> decode_bytes("Asunción".encode("utf-16"))
    ('Asunción', ())
    >>> text, warnings = decode_bytes("Asunción".encode("cp1252"), "r.csv")
    >>> text, warnings[0][:27]
    ('Asunción', 'r.csv is not UTF-8 (byte 0x')
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}; try utf-8, utf-16 or cp1252") from None
        try:
            return data.decode(encoding), ()
        except UnicodeDecodeError as exc:
            raise InputError(_decode_message(data, name, exc, encoding)) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), ()
            except UnicodeDecodeError as exc:
                raise InputError(_decode_message(data, name, exc, codec)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = _where(data, exc)
    else:
        if "\x00" in text:
            _refuse_binary(data, name, "")
        return text, ()
    _refuse_binary(data, name, f" and not UTF-8 ({problem})")
    return data.decode("latin-1").translate(_CP1252), (
        f"{name} is not UTF-8 ({problem}); read it as Windows-1252/Latin-1 - "
        f"check the accented names, or save the file as UTF-8",
    )


#: Windows-1252 differs from Latin-1 only in 0x80-0x9f, where it has printable characters.
_CP1252 = {
    i: bytes([i]).decode("cp1252")
    for i in range(0x80, 0xA0)
    if i not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _refuse_binary(data: bytes, name: str, also: str) -> None:
    """Raise if ``data`` holds control bytes no text file has (NUL, ...)."""
    found = re.search(rb"[\x00-\x08\x0b\x0e-\x1f]", data)
    if found is None:
        return
    bad = found.start()
    line = data[:bad].count(b"\n") + 1
    hint = "save it as UTF-8 text"
    half = max(len(data) // 2, 1)
    if data[1::2].count(0) > half // 2:
        hint = "it looks like UTF-16 without a byte order mark: give the encoding utf-16-le"
    elif data[0::2].count(0) > half // 2:
        hint = "it looks like UTF-16 without a byte order mark: give the encoding utf-16-be"
    raise InputError(f"{name}: not a text file (byte 0x{data[bad]:02x} at line {line}){also}; {hint}")


def _where(data: bytes, exc: UnicodeDecodeError) -> str:
    line = data[: exc.start].count(b"\n") + 1
    return f"byte 0x{data[exc.start]:02x} at line {line}"


def _decode_message(data: bytes, name: str, exc: UnicodeDecodeError, codec: str) -> str:
    return f"{name}: cannot decode as {codec} ({_where(data, exc)}); give the file's encoding"


def write_text_atomic(
    path: str | os.PathLike, text: str, *, encoding: str = "utf-8", make_parents: bool = False
) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder.

    The temporary file is renamed over ``path`` only once it is completely written, so a
    failure leaves either the old file or none, never a half-written one.  Line endings are
    written as they are in ``text``.

    Parameters
    ----------
    path : str or path-like
        The file to write.
    text : str
        The content.
    encoding : str
        The encoding of the file.
    make_parents : bool
        Create missing parent folders (``output/``) instead of failing.

    Raises
    ------
    InputError
        ``path`` is a folder, its folder does not exist, or it cannot be written.
    """
    name = os.fspath(path)
    p = Path(path)
    if p.is_dir():
        raise InputError(f"cannot write {name}: it is a folder; give a file name")
    parent = p.parent
    if not parent.exists():
        if not make_parents:
            raise InputError(f"cannot write {name}: folder {os.fspath(parent)} does not exist")
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot create folder {os.fspath(parent)}: {exc.strerror or exc}") from None
    elif not parent.is_dir():
        raise InputError(f"cannot write {name}: {os.fspath(parent)} is not a folder")
    data = text.encode(encoding)
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{p.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write {name}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(p))
        os.replace(tmp, p)
    except OSError as exc:
        _remove(tmp)
        raise InputError(f"cannot write {name}: {exc.strerror or exc}") from None
    except BaseException:
        _remove(tmp)
        raise


def _mode_for(p: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 minus umask."""
    try:
        return p.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
