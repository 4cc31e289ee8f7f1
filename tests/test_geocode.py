"""Geocoding: the geopy-shaped offline geocoder, resolve(), and the online fallback
exercised against a real HTTP server on 127.0.0.1 (no external network)."""

from __future__ import annotations

import json
import time
import warnings
from http.server import BaseHTTPRequestHandler

import pytest
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from pyproj import Geod

from routes.errors import InputError, PlaceNotFound, RoutesWarning
from routes.geocode import (
    GeocoderChain,
    OfflineGeocoder,
    geocode_names,
    make_geocoder,
    resolve,
)
from routes.model import Flight, Place, PlaceRef, Report, Stop

from conftest import serve_locally

WGS84 = Geod(ellps="WGS84")


def km(place, lat, lon) -> float:
    return WGS84.inv(place.lon, place.lat, lon, lat)[2] / 1000.0


def report(*refs: PlaceRef) -> Report:
    return Report(flights=(Flight(id="f1", stops=tuple(Stop(ref=r) for r in refs)),))


# --- offline geocoder ----------------------------------------------------------------------------

def test_offline_geocoder_returns_geopy_locations():
    g = OfflineGeocoder()
    assert isinstance(g, Geocoder)
    loc = g.geocode("Dakar")
    assert isinstance(loc, Location)
    assert abs(loc.latitude - 14.69) < 0.05 and abs(loc.longitude + 17.44) < 0.05
    place = loc.raw["place"]
    assert isinstance(place, Place) and place.country == "SN"
    assert {k: v for k, v in loc.raw.items() if k != "place"} == place.as_dict()
    several = g.geocode("Georgetown", exactly_one=False)
    assert isinstance(several, list) and several[0].raw["country"] == "GY" and len(several) > 1
    assert g.geocode("Georgetown", country_hint="MY").raw["country"] == "MY"
    assert g.geocode("Xqzvbnm") is None
    with pytest.raises(NotImplementedError):
        g.reverse("14.7, -17.5")


# --- resolve ----------------------------------------------------------------------------------------

def test_resolve_fills_places_alternatives_and_mentions():
    r = resolve(report(PlaceRef("OSLK"), PlaceRef("the Senegalese capital"), PlaceRef("Georgetown"),
                       PlaceRef("Simon Bolivar")))
    stops = r.flights[0].stops
    assert [s.place.code for s in stops[:1]] == ["OSLK"]
    assert stops[1].place.name == "Dakar" and stops[1].place.mention == "the Senegalese capital"
    assert stops[2].place.country == "GY"
    assert 1 <= len(stops[2].alternatives) <= 5
    assert all(a.mention == "Georgetown" for a in stops[2].alternatives)
    assert stops[3].place.icao == "SVMI"
    assert r.flights[0].stops[0].ref.text == "OSLK"  # the reference is kept


def test_resolve_uses_the_country_hint():
    r = resolve(report(PlaceRef("Georgetown", country_hint="MY"), PlaceRef("Moscow", country_hint="US")))
    assert [s.place.country for s in r.flights[0].stops] == ["MY", "US"]


def test_resolve_takes_given_coordinates_as_points():
    r = resolve(report(PlaceRef("camp", lat=10.5, lon=-66.9, where="r.csv:2"), PlaceRef("DKR")))
    p = r.flights[0].stops[0].place
    assert (p.kind, p.name, p.lat, p.lon, p.source, p.mention) == ("point", "camp", 10.5, -66.9, "input", "camp")


@pytest.mark.parametrize("lat, lon, bad", [(91.0, 0.0, "91.0"), (0.0, -180.5, "-180.5"), (-90.01, 10.0, "-90.01")])
def test_resolve_rejects_coordinates_out_of_range(lat, lon, bad):
    with pytest.raises(InputError) as e:
        resolve(report(PlaceRef("x", lat=lat, lon=lon, where="routes.csv:4")))
    assert "routes.csv:4" in str(e.value) and bad in str(e.value)


def test_resolve_unknown_name_raises_with_suggestions():
    with pytest.raises(PlaceNotFound) as e:
        resolve(report(PlaceRef("DKR"), PlaceRef("Caracsa", where="routes.csv:3")))
    assert e.value.name == "Caracsa" and e.value.where == "routes.csv:3"
    assert "Caracas" in e.value.suggestions and "routes.csv:3" in str(e.value)
    assert isinstance(e.value, LookupError)


class CountingGeocoder(OfflineGeocoder):
    """The offline geocoder, counting the questions it is asked."""

    def __init__(self):
        super().__init__()
        self.calls = 0

    def geocode(self, query, exactly_one=True, timeout=None, country_hint=None):
        self.calls += 1
        return super().geocode(query, exactly_one=exactly_one, timeout=timeout, country_hint=country_hint)


def test_resolve_asks_once_per_distinct_name_and_hint():
    names = ["DKR", "CCS", "Havana", "Moscow"]
    refs = [PlaceRef(names[i % 4], country_hint="US" if i % 8 == 7 else None) for i in range(400)]
    g = CountingGeocoder()
    r = resolve(report(*refs), geocoder=g)
    assert g.calls == 5  # four names, and Moscow once more with the US hint
    stops = r.flights[0].stops
    assert stops[3].place.country == "RU" and stops[7].place.country == "US"


def test_resolve_accepts_any_geopy_geocoder():
    class PlainGeopy(Geocoder):  # a geocoder that knows nothing of routes' Place
        def geocode(self, query, exactly_one=True, timeout=None):
            loc = Location("Somewhere, Nowhere", (1.5, 2.5), {"name": "Somewhere"})
            return loc if exactly_one else [loc]

    p = resolve(report(PlaceRef("Somewhere")), geocoder=PlainGeopy()).flights[0].stops[0].place
    assert (p.name, p.lat, p.lon, p.mention) == ("Somewhere", 1.5, 2.5, "Somewhere")


def test_geocode_names():
    out = geocode_names(["CCS", "Georgetown", "Xqzvbnm"])
    assert out[0]["query"] == "CCS" and out[0]["place"]["icao"] == "SVMI"
    assert out[0]["place"]["mention"] == "CCS"
    assert out[1]["place"]["country"] == "GY" and out[1]["alternatives"]
    assert out[2] == {"query": "Xqzvbnm", "place": None, "alternatives": []}
    json.dumps(out)  # plain JSON


# --- online chain against a local server ------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    mode = "ok"
    requests = 0

    def do_GET(self):  # noqa: N802 (http.server's name)
        type(self).requests += 1
        if self.mode == "slow":
            time.sleep(1.0)
        if self.mode == "500":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"internal error")
            return
        if self.mode == "garbage":
            body = b"<html>not json</html>"
        elif self.mode == "badjson":
            body = json.dumps([{"lat": "north", "lon": None}]).encode()
        else:
            body = json.dumps([{
                "lat": "-34.6037", "lon": "-58.3816", "display_name": "Nowhereville, Argentina",
                "name": "Nowhereville", "class": "place", "type": "city", "addresstype": "city",
                "address": {"city": "Nowhereville", "country_code": "ar"},
            }]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client timed out

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Handler.mode, Handler.requests = "ok", 0
    with serve_locally(Handler) as srv:
        yield srv


def local_nominatim(srv, timeout=5):
    return Nominatim(domain=f"127.0.0.1:{srv.server_address[1]}", scheme="http",
                     user_agent="routes-tests", timeout=timeout)


def test_online_answers_what_the_gazetteer_lacks_and_caches_it(server, tmp_path):
    g = make_geocoder(online_geocoder=local_nominatim(server), cache_dir=tmp_path, min_delay_seconds=0)
    assert isinstance(g, GeocoderChain)
    assert g.geocode("Dakar").raw["place"].source == "geonames"  # offline first: no request
    assert Handler.requests == 0
    loc = g.geocode("Nowhereville")
    p = loc.raw["place"]
    assert (p.name, p.country, p.kind, p.source) == ("Nowhereville", "AR", "city", "nominatim")
    assert Handler.requests == 1
    cache = json.loads((tmp_path / "geocode-nominatim.json").read_text())
    assert any(k.startswith("Nowhereville") for k in cache)
    server.shutdown()  # answered from the disk cache by a new chain
    g2 = make_geocoder(online_geocoder=local_nominatim(server), cache_dir=tmp_path, min_delay_seconds=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert g2.geocode("Nowhereville").raw["place"].country == "AR"


@pytest.mark.parametrize("mode", ["500", "garbage", "badjson", "slow"])
def test_online_failure_falls_back_to_offline_with_one_warning(server, tmp_path, mode):
    Handler.mode = mode
    online = local_nominatim(server, timeout=0.15)
    g = make_geocoder(online_geocoder=online, cache_dir=tmp_path, order="online-first", min_delay_seconds=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = resolve(report(PlaceRef("DKR"), PlaceRef("Caracas"), PlaceRef("Hmeimim")), geocoder=g)
    assert [s.place.source for s in r.flights[0].stops] == ["airportsdata", "geonames", "airportsdata"]
    assert km(r.flights[0].stops[1].place, 10.49, -66.88) < 5
    ours = [w for w in caught if issubclass(w.category, RoutesWarning)]
    assert len(ours) == 1 and "offline" in str(ours[0].message)
    assert Handler.requests >= 3  # each place was asked online, and each failure fell back
    asked = Handler.requests
    assert g.geocode("Moscow").raw["country"] == "RU"  # after 3 failures in a row: offline only
    assert Handler.requests == asked
    assert not (tmp_path / "geocode-nominatim.json").exists()  # failures are not cached


def test_a_corrupt_online_cache_is_ignored_and_rewritten(server, tmp_path):
    (tmp_path / "geocode-nominatim.json").write_text("{not json")
    g = make_geocoder(online_geocoder=local_nominatim(server), cache_dir=tmp_path, min_delay_seconds=0)
    assert g.geocode("Nowhereville").raw["country"] == "AR"
    assert "Nowhereville" in next(iter(json.loads((tmp_path / "geocode-nominatim.json").read_text())))


def test_make_geocoder_rejects_an_unknown_order():
    with pytest.raises(InputError):
        make_geocoder(order="sideways")
