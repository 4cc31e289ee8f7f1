"""The on-disk form of the gazetteer index: one SQLite file, read on demand.

Unpickling the whole index (60,000 places, 230,000 names) costs a fifth of a second in
every process, more than the rest of a small map.  Here the large parts (the place rows
with their scores, the name table, the suggestible names, the scan keys, the airport
codes and the airports of each city) stay in SQLite tables and are read one key at a time through small mapping views, while the small
parts (codes, phrases, demonyms ...) are one pickled blob.  A process that looks up a few
names reads a few pages.

The file is written to a temporary name and moved into place, so a reader never sees half
of it; a file that cannot be read as such is reported as None and rebuilt by the caller.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import fields
from pathlib import Path

__all__ = ["write_store", "read_store", "LARGE_FIELDS"]

#: Index fields kept in tables; every other field goes into the pickled blob.
LARGE_FIELDS = ("rows", "score", "names", "display", "scan_keys", "city_airports", "iata", "icao")

_SCHEMA = """
CREATE TABLE rows (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, kind TEXT,
                   country TEXT, code TEXT, iata TEXT, icao TEXT, source TEXT,
                   population INTEGER, score REAL);
CREATE TABLE names (k TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID;
CREATE TABLE display (k TEXT PRIMARY KEY, shown TEXT) WITHOUT ROWID;
CREATE TABLE scan (k TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE city_airports (k TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID;
CREATE TABLE iata (k TEXT PRIMARY KEY, id INTEGER) WITHOUT ROWID;
CREATE TABLE icao (k TEXT PRIMARY KEY, id INTEGER) WITHOUT ROWID;
CREATE TABLE meta (format INTEGER, small BLOB);
"""


def write_store(path: Path, ix) -> None:
    """Write index ``ix`` to ``path`` atomically (an OSError leaves no file behind)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript(_SCHEMA)
            con.executemany(
                "INSERT INTO rows VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                ((i, *row, score) for i, (row, score) in enumerate(zip(ix.rows, ix.score))),
            )
            for table in ("names", "city_airports"):
                con.executemany(
                    f"INSERT INTO {table} VALUES (?,?)",
                    ((k, ",".join(map(str, ids))) for k, ids in getattr(ix, table).items()),
                )
            for table in ("iata", "icao"):
                con.executemany(f"INSERT INTO {table} VALUES (?,?)", getattr(ix, table).items())
            con.executemany("INSERT INTO display VALUES (?,?)", ix.display.items())
            con.executemany("INSERT INTO scan VALUES (?)", ((k,) for k in ix.scan_keys))
            small = {f.name: getattr(ix, f.name) for f in fields(ix) if f.name not in LARGE_FIELDS}
            con.execute("INSERT INTO meta VALUES (?,?)",
                        (ix.format, pickle.dumps(small, protocol=pickle.HIGHEST_PROTOCOL)))
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def read_store(path: Path, index_type, expected_format: int):
    """The index in ``path`` with table-backed views, or None if it is missing, damaged
    or of another format."""
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                              check_same_thread=False)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        fmt, blob = con.execute("SELECT format, small FROM meta").fetchone()
        if fmt != expected_format or pages * page_size != path.stat().st_size:  # cut short
            con.close()
            return None
        small = pickle.loads(blob)
        return index_type(
            rows=_Rows(con), score=_Scores(con), names=_IdLists(con, "names"),
            city_airports=_IdLists(con, "city_airports"), iata=_Codes(con, "iata"),
            icao=_Codes(con, "icao"), display=_Display(con, "display"), scan_keys=_Keys(con), **small,
        )
    except (sqlite3.Error, OSError, pickle.UnpicklingError, TypeError, ValueError, EOFError,
            AttributeError, ImportError):
        return None


class _Table:
    def __init__(self, con: sqlite3.Connection):
        self._con = con
        self._memo: dict = {}


class _Rows(_Table, Sequence):
    """``rows[id]``: a place row tuple, as built."""

    def __getitem__(self, pid: int) -> tuple:
        row = self._memo.get(pid)
        if row is None:
            found = self._con.execute(
                "SELECT name, lat, lon, kind, country, code, iata, icao, source, population "
                "FROM rows WHERE id=?", (pid,)).fetchone()
            if found is None:
                raise IndexError(pid)
            row = self._memo[pid] = tuple(found)
        return row

    def __len__(self) -> int:
        return self._con.execute("SELECT count(*) FROM rows").fetchone()[0]


class _Scores(_Rows):
    """``score[id]``: a place's ranking score."""

    def __getitem__(self, pid: int) -> float:
        score = self._memo.get(pid)
        if score is None:
            found = self._con.execute("SELECT score FROM rows WHERE id=?", (pid,)).fetchone()
            if found is None:
                raise IndexError(pid)
            score = self._memo[pid] = found[0]
        return score


class _Keyed(_Table, Mapping):
    """A table of one key column ``k`` and one value column, as a read-only mapping."""

    def __init__(self, con: sqlite3.Connection, table: str):
        super().__init__(con)
        self._table = table  # one of the names in _SCHEMA, never user text

    def _decode(self, value):
        return value

    def __getitem__(self, key: str):
        if key not in self._memo:
            found = self._con.execute(
                f"SELECT * FROM {self._table} WHERE k=?", (key,)).fetchone()
            self._memo[key] = None if found is None else self._decode(found[1])
        value = self._memo[key]
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return (k for (k,) in self._con.execute(f"SELECT k FROM {self._table} ORDER BY k"))

    def __len__(self) -> int:
        return self._con.execute(f"SELECT count(*) FROM {self._table}").fetchone()[0]


class _IdLists(_Keyed):
    """``names[key]`` or ``city_airports[key]``: place ids, best first."""

    def _decode(self, value: str) -> tuple[int, ...] | None:
        return tuple(map(int, value.split(","))) if value else None


class _Codes(_Keyed):
    """``iata[code]`` or ``icao[code]``: the id of the airport with that code."""


class _Display(_Keyed):
    """``display[key]``: how to show a suggestible name."""


class _Keys(_Table):
    """``key in scan_keys``: whether scan() may report a name found in text."""

    def __contains__(self, key: object) -> bool:
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self._con.execute(
                "SELECT 1 FROM scan WHERE k=?", (key,)).fetchone() is not None
        return hit

    def __iter__(self) -> Iterator[str]:
        return (k for (k,) in self._con.execute("SELECT k FROM scan ORDER BY k"))

    def __len__(self) -> int:
        return self._con.execute("SELECT count(*) FROM scan").fetchone()[0]
