"""The CSV route-file reader (see :func:`routes.routefile.read_csv_text`)."""

from __future__ import annotations

import csv
import io
import re

from ._values import CONVERTERS, coord_pair, make_flight, norm_name
from .errors import InputError
from .model import Evidence, PlaceRef, Report, replace

__all__ = ["CSV_REQUIRED", "CSV_OPTIONAL", "read_csv"]

CSV_REQUIRED = ("flight", "from", "to")
CSV_OPTIONAL = (
    "aircraft", "date", "personnel", "cargo_tonnes", "commander",
    "from_lat", "from_lon", "to_lat", "to_lon",
)


def read_csv(text: str, source: str) -> Report:
    """Read CSV route text (documented at :func:`routes.routefile.read_csv_text`)."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(
            f"{source}: the file is empty; expected a header 'flight,from,to' and one row per leg"
        )
    header, hline, rows = _csv_rows(text, source)
    warnings: list[str] = []
    unknown = [c for c in header if c and c not in CSV_REQUIRED + CSV_OPTIONAL]
    if unknown:
        warnings.append(
            f"{source}:{hline}: ignoring unknown column(s) {', '.join(map(repr, unknown))}; "
            f"known columns: {', '.join(CSV_REQUIRED + CSV_OPTIONAL)}"
        )
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    by_id: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for line, row in rows:
        where = f"{source}:{line}"
        if not row["flight"]:
            raise InputError(
                f"{where}: column 'flight' is empty; give a flight id (rows with the same id "
                f"are the legs of one flight)"
            )
        for col in ("from", "to"):
            if not row[col]:
                raise InputError(f"{where}: column {col!r} is empty; give a place name or an IATA/ICAO code")
        by_id.setdefault(row["flight"], []).append((line, row))
    flights = []
    for fid, legs in by_id.items():
        refs = _csv_refs(fid, legs, source, warnings)
        fields = _csv_fields(fid, legs, source, warnings)
        evidence = []
        for line, _ in legs:
            a = starts[line - 1]
            b = starts[line] if line < len(starts) else len(text)
            while b > a and text[b - 1] in "\r\n":
                b -= 1
            evidence.append(Evidence(fact="route", text=text[a:b], start=a, end=b, source=source))
        flights.append(make_flight(fid, refs, evidence=evidence, **fields))
    if not flights:
        warnings.append(f"{source}: no rows after the header; the file describes no flight")
    return Report(flights=tuple(flights), warnings=tuple(warnings), source=source,
                  meta={"format": "csv"})



def _column(cell: str) -> str:
    return re.sub(r"[\s\-]+", "_", cell.strip().lstrip("\ufeff").lower())


def _csv_rows(text: str, source: str) -> tuple[list[str], int, list[tuple[int, dict[str, str]]]]:
    """The normalised header, its line, and (line, {column: stripped cell}) for each row."""
    first = next(
        (ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")), ""
    )
    delimiter = "," if "," in first else ";" if ";" in first else "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    hline = 0
    rows: list[tuple[int, dict[str, str]]] = []
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if "end of data" in str(exc):
                raise InputError(
                    f"{source}:{line}: unclosed quote in this row; end the quoted field with '\"'"
                ) from None
            if reader.line_num > line:
                raise InputError(
                    f"{source}:{line}: a quoted field runs on to line {reader.line_num}; "
                    f"is a closing quote missing?"
                ) from None
            raise InputError(
                f"{source}:{reader.line_num}: {exc}; put whole fields in double quotes and "
                f"double any quote inside them"
            ) from None
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if reader.line_num > line or any("\n" in c or "\r" in c for c in cells):
            raise InputError(
                f"{source}:{line}: a quoted field runs on to line {reader.line_num}; "
                f"is a closing quote missing?"
            )
        if header is None:
            header, hline = [_column(c) for c in cells], line
            _check_header(header, hline, source)
            continue
        n = len(header)
        if len(cells) > n and not any(c.strip() for c in cells[n:]):
            cells = cells[:n]
        if len(cells) < n:
            raise InputError(
                f"{source}:{line}: {len(cells)} fields but the header (line {hline}) has {n}; "
                f"missing {', '.join(header[len(cells):])}; give every column, empty if unknown"
            )
        if len(cells) > n:
            raise InputError(
                f"{source}:{line}: {len(cells)} fields but the header (line {hline}) has {n} "
                f"({', '.join(header)}); put values containing {delimiter!r} in double quotes"
            )
        rows.append((line, {h: c.strip() for h, c in zip(header, cells) if h}))
    if header is None:
        raise InputError(
            f"{source}: no header; expected a header 'flight,from,to' and one row per leg"
        )
    return header, hline, rows


def _check_header(header: list[str], hline: int, source: str) -> None:
    seen = [h for h in header if h]
    twice = sorted({h for h in seen if seen.count(h) > 1})
    if twice:
        raise InputError(f"{source}:{hline}: column {twice[0]!r} appears twice in the header")
    missing = [c for c in CSV_REQUIRED if c not in header]
    if missing:
        found = ", ".join(repr(h) for h in header) or "nothing"
        raise InputError(
            f"{source}:{hline}: missing column {', '.join(map(repr, missing))}; the header has "
            f"{found}; required: {', '.join(CSV_REQUIRED)} (optional: {', '.join(CSV_OPTIONAL)})"
        )


def _csv_refs(fid: str, legs, source: str, warnings: list[str]) -> list[PlaceRef]:
    refs: list[PlaceRef] = []
    prev_line = 0
    for k, (line, row) in enumerate(legs):
        where = f"{source}:{line}"
        flat, flon = coord_pair(row.get("from_lat"), row.get("from_lon"), where, "from_")
        tlat, tlon = coord_pair(row.get("to_lat"), row.get("to_lon"), where, "to_")
        if k == 0:
            refs.append(PlaceRef(text=row["from"], lat=flat, lon=flon, where=where))
        else:
            last = refs[-1]
            if norm_name(last.text) != norm_name(row["from"]):
                raise InputError(
                    f"{where}: flight {fid} continues from {row['from']!r} but its leg on line "
                    f"{prev_line} ended at {last.text!r}; a flight's rows must join end to start "
                    f"(use another flight id for a separate route)"
                )
            if flat is not None and flon is not None:
                if last.lat is None:
                    refs[-1] = replace(last, lat=flat, lon=flon)
                elif abs(last.lat - flat) > 0.01 or abs(last.lon - flon) > 0.01:
                    warnings.append(
                        f"{where}: {row['from']!r} is at {flat:g},{flon:g} here but "
                        f"{last.lat:g},{last.lon:g} on line {prev_line}; using line {prev_line}"
                    )
        refs.append(PlaceRef(text=row["to"], lat=tlat, lon=tlon, where=where))
        prev_line = line
    return refs



def _csv_fields(fid: str, legs, source: str, warnings: list[str]) -> dict:
    """Flight fields from the first row giving each; a different later value is warned."""
    fields: dict = {}
    for name, convert in CONVERTERS:
        first_line = 0
        for line, row in legs:
            value = convert(row.get(name), f"{source}:{line}", name)
            if value is None or value == ():
                continue
            if name not in fields:
                fields[name], first_line = value, line
            elif value != fields[name]:
                warnings.append(
                    f"{source}:{line}: flight {fid} has {name} {value!r} here but "
                    f"{fields[name]!r} on line {first_line}; using line {first_line}"
                )
    return fields


