"""Write docs/img/report.png, the README's picture of a report.

    /work/venv/bin/python tests/browser/make_screenshot.py [OUT.png]

Renders the report of the bundled sample page (broadsheet.samples) in headless
Chromium, with one paragraph clicked so the provenance link shows.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import broadsheet  # noqa: E402
from broadsheet.write.report import render_report  # noqa: E402

from browser.cdp import Chromium, find_chromium  # noqa: E402
from broadsheet.samples import sample_text  # noqa: E402

DEFAULT_OUT = HERE.parent.parent / "docs" / "img" / "report.png"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT_OUT
    executable = find_chromium()
    if executable is None:
        print("make_screenshot: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 1
    text = sample_text()
    page = broadsheet.restore(text, source="sample_page_zh_hant.txt")
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.html"
        report.write_text(render_report(page, text), encoding="utf-8")
        with Chromium(executable) as chromium:
            chromium.open(report, width=1280, height=900)
            chromium.evaluate("""(function () {
              var target = Array.from(document.querySelectorAll('.out-pane p.k-paragraph'))
                .filter(function (p) { return /署方發言人/.test(p.textContent); })[0];
              target.dispatchEvent(new MouseEvent('click', {bubbles: true}));
              var box = document.getElementById('show-kinds');
              box.checked = true;
              box.dispatchEvent(new Event('change'));
            })()""")
            png = chromium.screenshot()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(png)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
