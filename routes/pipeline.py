"""The whole pipeline in one call: read, geocode, compute legs.

>>> from routes import load
>>> report = load(["OSLK-GOOY-SVMI"])
>>> [round(leg.distance_km) for leg in report.flights[0].legs]
[5777, 5386]
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from . import geodesy
from .model import Report

__all__ = ["load", "locate"]


def locate(report: Report, geocoder=None) -> Report:
    """Geocode every stop of ``report`` (see :func:`routes.geocode.resolve`)."""
    from .geocode import resolve

    return resolve(report, geocoder)


def load(
    inputs: Iterable[str | Path] | str | Path = (),
    *,
    geocoder=None,
    year: int | None = None,
    max_step_km: float = geodesy.DEFAULT_STEP_KM,
) -> Report:
    """Read ``inputs`` (files, folders, route strings; none means the embedded example),
    geocode every place and compute the legs.

    Parameters
    ----------
    inputs
        One input or several: a news report or route file path, a folder, or a route
        string such as ``"OSLK-GOOY-SVMI"``.
    geocoder
        A geocoder from :func:`routes.geocode.make_geocoder`; the offline gazetteer if None.
    year
        The year of dates that the text gives without one.
    max_step_km
        Longest step between neighbouring points of the drawn geodesics.
    """
    from .inputs import read_inputs

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    report = read_inputs(inputs, year=year)
    return geodesy.compute(locate(report, geocoder), max_step_km=max_step_km)
