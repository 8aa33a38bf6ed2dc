"""The compiled stages (setup.py, Cython) against their sources, and the stale-build guard."""

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from broadsheet import extensions

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "eval" / "dev"
# Pages of each script, and the extractors' texts of one: the PDF path and the text path.
PDF_PAGES = ["p0001-hans", "p0002-hant", "p0005-en", "p0012-hant"]
TEXT_PAGE = "p0003-hant"

RESTORE_ALL = """
import json, sys
from pathlib import Path
from broadsheet.read.pdf import restore_pdf
from broadsheet.api import restore
from broadsheet.write.json import document_to_json, page_to_json
import broadsheet.layout.order as order
out = {"order_file": order.__file__}
for pdf in sys.argv[2:]:
    out[pdf] = document_to_json(restore_pdf(pdf), indent=None)
for text in sorted(Path(sys.argv[1]).glob("*.txt")):
    out[str(text)] = page_to_json(restore(text.read_text(encoding="utf-8")), indent=None)
print(json.dumps(out))
"""


def _restored(pure: bool) -> dict:
    env = dict(os.environ, BROADSHEET_PURE="1" if pure else "0")
    pdfs = [str(DEV / page / "page.pdf") for page in PDF_PAGES]
    run = subprocess.run([sys.executable, "-c", RESTORE_ALL, str(DEV / TEXT_PAGE / "text"), *pdfs],
                         env=env, capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


@pytest.mark.skipif(not extensions.compiled_modules(), reason="the stages were not compiled at install")
def test_compiled_stages_restore_exactly_what_their_sources_do():
    compiled, pure = _restored(pure=False), _restored(pure=True)
    assert not compiled.pop("order_file").endswith(".py")
    assert pure.pop("order_file").endswith(".py")
    assert len(compiled) == len(PDF_PAGES) + 4
    assert compiled == pure


def _package(tmp_path: Path, modules: dict[str, str]) -> Path:
    """A package ``fakepkg`` whose modules each have a source and a stand-in extension file."""
    package = tmp_path / "fakepkg"
    (package / "sub").mkdir(parents=True)
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    for relative, text in modules.items():
        source = package / relative
        source.write_text(text, encoding="utf-8")
        source.with_name(source.stem + suffix).write_bytes(b"")
    return package


def test_a_module_edited_since_the_build_runs_from_its_source(tmp_path):
    package = _package(tmp_path, {"kept.py": "A = 1\n", "sub/edited.py": "B = 2\n", "sub/unlisted.py": "C = 3\n"})
    digest = hashlib.sha256(b"A = 1\n").hexdigest()
    (package / extensions.MANIFEST_NAME).write_text(json.dumps({
        "fakepkg.kept": digest,
        "fakepkg.sub.edited": hashlib.sha256(b"B = 1\n").hexdigest(),  # built from an older text
    }))
    assert extensions.compiled_modules(package) == {"fakepkg.kept", "fakepkg.sub.edited", "fakepkg.sub.unlisted"}
    assert extensions.modules_to_run_from_source(package) == {"fakepkg.sub.edited", "fakepkg.sub.unlisted"}
    assert extensions.modules_to_run_from_source(package, pure=True) == extensions.compiled_modules(package)


def test_the_guard_imports_the_source_in_place_of_the_extension(tmp_path):
    package = _package(tmp_path, {"sub/edited.py": "VALUE = 'from source'\n"})
    finder = extensions.SourceFirstFinder({"fakepkg.sub.edited"}, package)
    spec = finder.find_spec("fakepkg.sub.edited")
    assert spec.origin == str(package / "sub" / "edited.py")
    assert finder.find_spec("fakepkg.sub.other") is None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.VALUE == "from source"


def test_version_names_how_the_stages_run(capsys):
    from broadsheet.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("broadsheet ")
    assert extensions.compiled_summary() in out
