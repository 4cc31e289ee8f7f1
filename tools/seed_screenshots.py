"""Take the README's pictures of the seed map: ``docs/img/seed-map.png`` (the overview)
and ``docs/img/seed-popup.png`` (the first leg's aircraft with its popup open).

The map is the embedded example report (``routes/data/example_report.txt``, what
``routes map`` draws with no input), drawn offline by headless Chromium (see
:mod:`routes.render.snapshot`).

Usage::

    python tools/seed_screenshots.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

import routes
from routes.render import make_map
from routes.render.snapshot import save_png

SIZE = {"width": 1100, "height": 680}
OPEN_FIRST_AIRCRAFT = """() => new Promise(done => {
    const map = Object.values(window).find(v => v instanceof L.Map);
    let plane = null;
    map.eachLayer(l => {
        const el = l.getElement && l.getElement();
        if (!plane && el && el.classList.contains("routes-aircraft")) plane = l;
    });
    map.once("popupopen", () => setTimeout(done, 400));
    plane.openPopup();
})"""


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "docs" / "img"
    report = routes.load(())  # no input: the embedded example report
    m = make_map(report, title="Syria → Dakar → Caracas, 23 March 2019")
    for name, prepare in (("seed-map.png", None), ("seed-popup.png", OPEN_FIRST_AIRCRAFT)):
        path = save_png(m, out / name, prepare=prepare, **SIZE)
        print(f"{path} {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
