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

__all__ = [
    "MAX_INPUT_BYTES", "input_limit", "read_text", "read_stream", "decode_bytes",
    "check_output_path", "write_text_atomic",
]

#: Largest input read, in bytes (50 MiB, about 52 MB), unless ``$ROUTES_MAX_INPUT_MB`` says
#: otherwise: route lists and news reports are far smaller.
MAX_INPUT_BYTES = 50 * 1024 * 1024
#: The environment variable that sets the input limit, in megabytes (10**6 bytes).
LIMIT_ENV = "ROUTES_MAX_INPUT_MB"


def input_limit() -> int:
    """The largest input accepted, in bytes: ``$ROUTES_MAX_INPUT_MB`` megabytes, else
    :data:`MAX_INPUT_BYTES` (read at each call, so tests and users can change it)."""
    env = os.environ.get(LIMIT_ENV, "").strip()
    if not env:
        return MAX_INPUT_BYTES
    try:
        mb = float(env)
    except ValueError:
        mb = -1.0
    if not (mb > 0 and mb < 1e9):
        raise InputError(f"{LIMIT_ENV}={env!r} is not a size; give megabytes, e.g. {LIMIT_ENV}=200")
    return int(mb * 1_000_000)


def _size(n: int) -> str:
    return f"{n:,} bytes" if n < 100_000 else f"{n / 1e6:.1f} MB"


def _too_big(name: str, size: int | None, limit: int) -> InputError:
    shown = f"{limit / 1e6:.0f} MB" if limit >= 1_000_000 else _size(limit)
    if size is None:  # a stream: its size is unknown until read
        return InputError(f"{name} holds more than {shown}, the limit for an input; "
                          f"set {LIMIT_ENV} to change it")
    return InputError(
        f"{name} is {_size(size)}; the limit for an input file is {shown}; "
        f"set {LIMIT_ENV} to change it"
    )

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(
    path: str | os.PathLike, *, encoding: str | None = None, limit: int | None = None
) -> tuple[str, tuple[str, ...]]:
    """The text of a file and any warnings about how it was decoded.

    Parameters
    ----------
    path : str or path-like
        The file to read.
    encoding : str, optional
        A Python codec name; by default the encoding is detected (see :func:`decode_bytes`).
    limit : int, optional
        Largest file size accepted, in bytes (default :func:`input_limit`).

    Raises
    ------
    InputError
        The file is missing, a folder, unreadable, larger than ``limit`` or not text.
        Pipes and devices (``/dev/stdin``) are read up to ``limit`` bytes.
    """
    name = os.fspath(path)
    p = Path(path)
    limit = input_limit() if limit is None else limit
    if p.is_dir():
        raise InputError(f"{name} is a folder; give a route file (.csv .yaml .yml .json .geojson)")
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    if size > limit:
        raise _too_big(name, size, limit)
    try:
        with p.open("rb") as fh:
            data = fh.read(limit + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise _too_big(name, None, limit)
    return decode_bytes(data, name, encoding=encoding)


def read_stream(stream, name: str = "<stdin>", *, limit: int | None = None) -> tuple[str, tuple[str, ...]]:
    """The text of an open stream (standard input), decoded as :func:`read_text` does.

    At most ``limit`` bytes are read (default :func:`input_limit`); a longer stream is
    refused.  A text stream without a byte buffer is taken as it is.

    >>> import io
    >>> read_stream(io.BytesIO("SVO-HAV".encode("utf-16")))
    ('SVO-HAV', ())
    """
    limit = input_limit() if limit is None else limit
    source = getattr(stream, "buffer", stream)
    try:
        data = source.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise _too_big(name, None, limit)
    if isinstance(data, str):
        return data, ()
    return decode_bytes(data, name)


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
            return _text_only(data.decode(encoding), name), ()
        except UnicodeDecodeError as exc:
            raise InputError(_decode_message(data, name, exc, encoding)) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _text_only(data.decode(codec).lstrip("\ufeff"), name), ()
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


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _text_only(text: str, name: str) -> str:
    """``text``, unless it holds control characters no text file has (decoded UTF-16 too)."""
    found = _CONTROL.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise InputError(
            f"{name}: not a text file (character U+{ord(found.group()):04X} at line {line}); "
            f"save it as UTF-8 text"
        )
    return text


def _refuse_binary(data: bytes, name: str, also: str) -> None:
    """Raise if ``data`` holds control bytes no text file has (NUL, ...)."""
    found = re.search(rb"[\x00-\x08\x0b\x0e-\x1f]", data)
    if found is None:
        return
    bad = found.start()
    line = data[:bad].count(b"\n") + 1
    hint = "save it as UTF-8 text"
    half = max(len(data) // 2, 1)
    odd, even = data[1::2].count(0), data[0::2].count(0)
    utf16 = ("it looks like UTF-16 without a byte order mark: give the encoding {}, or save "
             "it as UTF-8 or as UTF-16 with a byte order mark")
    if odd > half // 2 and even < half // 4:
        hint = utf16.format("utf-16-le")
    elif even > half // 2 and odd < half // 4:
        hint = utf16.format("utf-16-be")
    raise InputError(f"{name}: not a text file (byte 0x{data[bad]:02x} at line {line}){also}; {hint}")


def _where(data: bytes, exc: UnicodeDecodeError) -> str:
    line = data[: exc.start].count(b"\n") + 1
    return f"byte 0x{data[exc.start]:02x} at line {line}"


def _decode_message(data: bytes, name: str, exc: UnicodeDecodeError, codec: str) -> str:
    return f"{name}: cannot decode as {codec} ({_where(data, exc)}); give the file's encoding"


def check_output_path(path: str | os.PathLike, *, make_parents: bool = False) -> None:
    """Raise InputError unless a file can be written at ``path``: not a folder, its folder
    existing (or creatable with ``make_parents``) and writable.

    Writers call it before long work, so that a bad ``-o`` fails at once and cleanly.

    >>> check_output_path("/")
    Traceback (most recent call last):
    ...
    routes.errors.InputError: cannot write /: it names a folder; give a file name
    """
    name = os.fspath(path)
    p = Path(path)
    if name.endswith(("/", os.sep)) or p.is_dir():
        raise InputError(f"cannot write {name}: it names a folder; give a file name")
    if p.exists() and not p.is_file():
        raise InputError(f"cannot write {name}: it is not a regular file")
    folder = p.parent
    while not folder.exists() and make_parents and folder != folder.parent:
        folder = folder.parent  # the nearest existing ancestor is where folders are made
    if not folder.exists():
        raise InputError(f"cannot write {name}: folder {os.fspath(p.parent)} does not exist")
    if not folder.is_dir():
        raise InputError(f"cannot write {name}: {os.fspath(folder)} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"cannot write {name}: folder {os.fspath(folder)} is not writable")


def write_text_atomic(
    path: str | os.PathLike, text: str, *, encoding: str = "utf-8", make_parents: bool = False
) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`write_bytes_atomic`)."""
    write_bytes_atomic(path, text.encode(encoding), make_parents=make_parents)


def write_bytes_atomic(
    path: str | os.PathLike, data: bytes, *, make_parents: bool = False
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The temporary file is renamed over ``path`` only once it is completely written, so a
    failure leaves either the old file or none, never a half-written one.  Line endings are
    written as they are in ``text``.

    Parameters
    ----------
    path : str or path-like
        The file to write.
    data : bytes
        The content.
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
            raise InputError(
                f"cannot write {name}: cannot create folder {os.fspath(parent)}: "
                f"{exc.strerror or exc}"
            ) from None
    elif not parent.is_dir():
        raise InputError(f"cannot write {name}: {os.fspath(parent)} is not a folder")
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
