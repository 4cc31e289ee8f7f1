"""``--online`` against a misbehaving Nominatim: a real HTTP server on 127.0.0.1.

``ROUTES_NOMINATIM_URL`` points the command at the local server and ``ROUTES_CACHE_DIR`` at a
scratch folder.  Whatever the server does (answers slowly, 429, 500, garbage, or nothing
because the port is closed) the run ends on the offline gazetteer with one warning, and
the on-disk answer cache is never left corrupt.  tests/test_geocode.py covers the chain
itself in-process; these tests run the command as a user does.
"""

from __future__ import annotations

import json
import shutil
import socket
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from routes.errors import InputError
from routes.geocode import OnlineGeocoder, make_geocoder
from routes.gazetteer.index import cache_path

from conftest import serve_locally
from test_bad_input import cli, one_line_error

#: What the fake Nominatim knows (made-up coordinates, far from the real airports, so the
#: test can tell an online answer from the gazetteer's).
ANSWERS = {
    "SVO": {"lat": "50.0", "lon": "30.0", "name": "Online Sheremetyevo", "country_code": "ru"},
    "HAV": {"lat": "20.0", "lon": "-80.0", "name": "Online Havana", "country_code": "cu"},
}


class FakeNominatim(BaseHTTPRequestHandler):
    mode = "ok"
    queries: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        query = parse_qs(urlparse(self.path).query).get("q", [""])[0]
        type(self).queries.append(query)
        if self.mode == "slow":
            time.sleep(3.0)  # geopy's default timeout is 1 s
        if self.mode in ("429", "500"):
            self.send_response(int(self.mode))
            self.send_header("Retry-After", "1")
            self.end_headers()
            self.wfile.write(b"go away")
            return
        if self.mode == "garbage":
            body = b"\x89PNG\r\n\x1a\n\x00\x00 not json at all"
        else:
            a = ANSWERS.get(query)
            body = json.dumps([] if a is None else [{
                "lat": a["lat"], "lon": a["lon"], "name": a["name"],
                "display_name": a["name"], "class": "aeroway", "type": "aerodrome",
                "address": {"country_code": a["country_code"]},
            }]).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting

    def log_message(self, *args):
        pass


@pytest.fixture
def nominatim():
    FakeNominatim.mode, FakeNominatim.queries = "ok", []
    with serve_locally(FakeNominatim) as srv:
        yield f"http://127.0.0.1:{srv.server_address[1]}"


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there any more


@pytest.fixture
def cache(tmp_path):
    """A scratch cache folder, seeded with the gazetteer's index so it is not rebuilt."""
    folder = tmp_path / "cache"
    folder.mkdir()
    index = cache_path()
    if index.exists():
        shutil.copy(index, folder / index.name)
    return folder


def online_legs(url: str, cache: Path, cwd: Path, *more: str):
    env = {"ROUTES_NOMINATIM_URL": url, "ROUTES_CACHE_DIR": str(cache)}
    return cli("legs", "SVO-HAV", "--online", *more, cwd=cwd, env=env)


def codes(stdout: str) -> list[tuple[str, str]]:
    (flight,) = json.loads(stdout)["flights"]
    return [(leg["from"]["name"], leg["to"]["name"]) for leg in flight["legs"]]


OFFLINE = [("Sheremetyevo International Airport", "Jose Marti International Airport")]


@pytest.mark.parametrize("mode", ["429", "500", "garbage", "slow", "closed"])
def test_a_failing_service_falls_back_offline_with_one_warning(tmp_path, nominatim, cache, mode):
    FakeNominatim.mode = mode
    url = closed_port_url() if mode == "closed" else nominatim
    (cache / "geocode-nominatim.json").write_text('{"Dakar\\u001f": []}', encoding="utf-8")
    started = time.monotonic()
    proc = online_legs(url, cache, tmp_path, "--json")
    assert proc.returncode == 0, proc.stderr
    assert codes(proc.stdout) == OFFLINE
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("routes: warning: online geocoding failed, using the offline gazetteer")
    if mode != "closed":
        assert FakeNominatim.queries[:1] == ["SVO"]
    assert time.monotonic() - started < 60
    # failures are not cached, and the cache there before is left as it was
    assert (cache / "geocode-nominatim.json").read_text(encoding="utf-8") == '{"Dakar\\u001f": []}'
    assert not [p for p in cache.iterdir() if p.suffix == ".tmp"]


def test_online_answers_are_used_then_served_from_the_cache(tmp_path, nominatim, cache):
    proc = online_legs(nominatim, cache, tmp_path, "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert codes(proc.stdout) == [("Online Sheremetyevo", "Online Havana")]
    assert FakeNominatim.queries == ["SVO", "HAV"]
    saved = json.loads((cache / "geocode-nominatim.json").read_text(encoding="utf-8"))
    assert {k.split("\x1f")[0] for k in saved} == {"SVO", "HAV"}
    again = online_legs(closed_port_url(), cache, tmp_path, "--csv")  # the service is gone
    assert again.returncode == 0, again.stderr
    assert again.stderr == ""  # every answer came from the cache: no request, no warning
    assert "Online Sheremetyevo" in again.stdout and "Online Havana" in again.stdout


@pytest.mark.parametrize("content", [
    "{not json",
    '{"SVO\\u001f": [{"lat": 50.0',  # cut off mid-write by an older version
    "[1, 2, 3]",
    '{"SVO\\u001f": [{"name": "x"}], "HAV\\u001f": "nonsense"}',
    '{"SVO\\u001f": [{"name": "x", "lat": 95, "lon": 0, "kind": "city"}]}',
    '{"SVO\\u001f": [{"name": "x", "lat": "north", "lon": 0, "kind": "city"}]}',
])
def test_a_corrupt_cache_is_ignored_and_rebuilt(tmp_path, nominatim, cache, content):
    (cache / "geocode-nominatim.json").write_text(content, encoding="utf-8")
    proc = online_legs(nominatim, cache, tmp_path, "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert codes(proc.stdout) == [("Online Sheremetyevo", "Online Havana")]
    saved = json.loads((cache / "geocode-nominatim.json").read_text(encoding="utf-8"))
    assert saved["SVO\x1f"][0]["lat"] == 50.0


def test_a_failed_cache_write_keeps_the_old_cache(tmp_path, nominatim, monkeypatch):
    import routes.geocoders as geocode

    old = '{"Dakar\\u001f": []}'
    (tmp_path / "geocode-nominatim.json").write_text(old, encoding="utf-8")
    monkeypatch.setenv("ROUTES_NOMINATIM_URL", nominatim)
    g = make_geocoder(online=True, cache_dir=tmp_path, order="online-first", min_delay_seconds=0)

    def half_then_fail(obj, fh, **kw):
        fh.write('{"SVO\\u001f": [')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(geocode.json, "dump", half_then_fail)
    assert g.geocode("SVO").raw["name"] == "Online Sheremetyevo"  # the answer is still used
    assert (tmp_path / "geocode-nominatim.json").read_text(encoding="utf-8") == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["geocode-nominatim.json"]


@pytest.mark.parametrize("url", ["ftp://example.org", "127.0.0.1:8080", "http://"])
def test_a_bad_service_url_is_bad_input(tmp_path, url, monkeypatch):
    line = one_line_error(cli("legs", "SVO-HAV", "--online", cwd=tmp_path,
                              env={"ROUTES_NOMINATIM_URL": url}))
    assert "ROUTES_NOMINATIM_URL" in line and "http(s) URL" in line
    monkeypatch.setenv("ROUTES_NOMINATIM_URL", url)
    with pytest.raises(InputError):
        OnlineGeocoder(cache_dir=False)
