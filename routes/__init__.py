"""routes: read flight reports and route lists, draw their great-circle legs.

The public API, loaded on first use so that ``import routes`` stays cheap::

    >>> import routes
    >>> report = routes.load("OSLK-GOOY-SVMI")
    >>> [s.place.code for s in report.flights[0].stops]
    ['OSLK', 'GOOY', 'SVMI']
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# name -> module that defines it
_EXPORTS = {
    "Evidence": "model", "Flight": "model", "Leg": "model", "Place": "model",
    "PlaceRef": "model", "Report": "model", "Stop": "model",
    "RoutesError": "errors", "InputError": "errors", "PlaceNotFound": "errors",
    "NoFlightsFound": "errors", "GeocoderUnavailable": "errors",
    "load": "pipeline", "locate": "pipeline",
    "read_inputs": "inputs", "read_example": "inputs",
    "read_text": "extract",
    "parse_route_string": "routefile", "read_route_file": "routefile",
    "lookup": "gazetteer",
    "OfflineGeocoder": "geocoders", "make_geocoder": "geocoders", "resolve": "geocode",
    "compute": "geodesy", "geodesic_line": "geodesy", "geodesic_circle": "geodesy",
    "make_map": "render", "save_map": "render",
    "legs_frame": "export", "places_frame": "export", "to_geojson": "export",
    "to_json": "export", "to_csv": "export",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'routes' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"routes.{module}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return __all__
