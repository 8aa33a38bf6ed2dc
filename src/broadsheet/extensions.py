"""Which stages run compiled, and the guard that keeps a stale build from hiding a change.

setup.py compiles the pipeline's stages with Cython where it can and records, in
``_extensions.json`` beside this file, the digest of each source it compiled. Python imports
an extension module before a source of the same name, so a module edited since the build
would go on running its old compiled self: :func:`prefer_current_sources` puts a finder first
that imports such a module from its source instead (so does a compiled module the manifest
does not vouch for, such as one left from an earlier build). ``BROADSHEET_PURE=1`` runs
every stage from its source; the compiled and pure runs give the same output, which a test
compares.

This module itself is never compiled: it runs before any compiled one is imported.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST_NAME = "_extensions.json"


def source_of(module: str, package_dir: Path = PACKAGE_DIR) -> Path:
    """``broadsheet.layout.order`` -> ``<package_dir>/layout/order.py``."""
    return package_dir.joinpath(*module.split(".")[1:]).with_suffix(".py")


def compiled_modules(package_dir: Path = PACKAGE_DIR) -> set[str]:
    """The package's modules present as extension modules (the package and its subpackages)."""
    found = set()
    for path in [*package_dir.glob("*.*"), *package_dir.glob("*/*.*")]:
        # The first suffix that fits: ".cpython-311-x86_64-linux-gnu.so" before a bare ".so".
        suffix = next((s for s in importlib.machinery.EXTENSION_SUFFIXES if path.name.endswith(s)), None)
        if suffix is not None:
            parts = path.relative_to(package_dir).parts
            found.add(".".join((package_dir.name, *parts[:-1], parts[-1][: -len(suffix)])))
    return found


def built_digests(package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    """Each compiled module's source digest at build time; empty for a pure install."""
    try:
        return json.loads((package_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def modules_to_run_from_source(package_dir: Path = PACKAGE_DIR, pure: bool = False) -> set[str]:
    """The compiled modules that must not run: their source was edited since the build
    (or the manifest does not list them), or ``pure`` asks for sources throughout."""
    compiled = compiled_modules(package_dir)
    if pure:
        return compiled
    built = built_digests(package_dir)
    stale = set()
    for module in compiled:
        source = source_of(module, package_dir)
        try:
            current = hashlib.sha256(source.read_bytes()).hexdigest()
        except OSError:
            continue  # an install without sources: the compiled module is all there is
        if built.get(module) != current:
            stale.add(module)
    return stale


class SourceFirstFinder(importlib.abc.MetaPathFinder):
    """Imports the named modules from their ``.py`` sources, never from an extension."""

    def __init__(self, modules: set[str], package_dir: Path = PACKAGE_DIR) -> None:
        self.modules = frozenset(modules)
        self.package_dir = package_dir

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in self.modules:
            return None
        return importlib.util.spec_from_file_location(fullname, source_of(fullname, self.package_dir))


def _pure_requested() -> bool:
    return os.environ.get("BROADSHEET_PURE") == "1"


# The modules the guard sends to their sources, decided once, when the package is imported.
_RUN_FROM_SOURCE: set[str] = set()


def prefer_current_sources() -> set[str]:
    """Install the guard for every module that must run from its source; returns them."""
    _RUN_FROM_SOURCE.clear()
    _RUN_FROM_SOURCE.update(modules_to_run_from_source(pure=_pure_requested()))
    if _RUN_FROM_SOURCE and not any(isinstance(f, SourceFirstFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, SourceFirstFinder(_RUN_FROM_SOURCE))
    return set(_RUN_FROM_SOURCE)


def compiled_summary() -> str:
    """One line for benchmarks and ``--version``: how the stages run, and why (as the guard
    decided when the package was imported)."""
    compiled = compiled_modules()
    if not compiled:
        return "stages run as Python: not compiled at install"
    if _pure_requested():
        return f"{len(compiled)} stage modules compiled, run from source: BROADSHEET_PURE=1"
    line = f"{len(compiled) - len(_RUN_FROM_SOURCE)} of {len(compiled)} compiled stage modules in use"
    if _RUN_FROM_SOURCE:
        line += f"; {len(_RUN_FROM_SOURCE)} run from source (edited since the build)"
    return line
