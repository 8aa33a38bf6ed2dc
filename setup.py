"""Compiles broadsheet's pipeline stages with Cython, where a C compiler is at hand.

The stages stay plain Python: Cython compiles the same sources, its annotations not read
as C types, so a compiled module computes exactly what its source does, by the same Python
objects, without the interpreter's dispatch between them. That takes an eighth off the PDF
path's instructions and a sixth to a fifth off the text path's time (README, Speed). Where
no compiler is at hand the build warns and installs the sources alone; so does a build with
``BROADSHEET_PURE=1`` set, without the warning.

Each compiled module's source digest goes into ``_extensions.json`` beside the package, and
``broadsheet.extensions`` imports a compiled module only while its source still has that
digest: an edited source runs as Python until the next build.
"""

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "src" / "broadsheet"
MANIFEST = "_extensions.json"

# The read -> repair -> segment -> classify -> assemble stages and the model they share:
# the code a page's restoring runs. Commands, writers, eval and the synthesizer stay Python.
STAGE_PACKAGES = ("layout", "repair", "read")
STAGE_MODULES = ("assemble", "charclass", "classify", "cues", "geometry", "model", "pipeline", "script", "segment")


def stage_sources() -> list[Path]:
    sources = [PACKAGE / f"{name}.py" for name in STAGE_MODULES]
    for package in STAGE_PACKAGES:
        sources += sorted(p for p in (PACKAGE / package).glob("*.py") if p.name != "__init__.py")
    return sources


def module_name(source: Path) -> str:
    return ".".join(source.relative_to(ROOT / "src").with_suffix("").parts)


def source_digest(source: Path) -> str:
    return hashlib.sha256(source.read_bytes()).hexdigest()


def extensions() -> list:
    if os.environ.get("BROADSHEET_PURE") == "1":
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("broadsheet: Cython is not installed; installing the pure-Python stages", file=sys.stderr)
        return []
    from setuptools import Extension

    modules = [Extension(module_name(s), [str(s.relative_to(ROOT))]) for s in stage_sources()]
    return cythonize(
        modules,
        build_dir="build/cython",
        nthreads=os.cpu_count() or 1,
        quiet=True,
        # annotation_typing off: an annotation documents, it does not turn a float into a
        # C double or refuse a subclass, so the compiled module keeps Python's semantics.
        compiler_directives={"language_level": 3, "annotation_typing": False},
    )


class OptionalBuildExt(build_ext):
    """Builds what compiles and leaves the rest as Python: a missing compiler or header
    never stops an install. Records each built module's source digest in the manifest."""

    def finalize_options(self):
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self):
        self.built: dict[str, str] = {}
        super().run()
        self._write_manifest()

    def build_extensions(self):
        if self.compiler.compiler_type == "unix":
            for ext in self.extensions:
                # No debug info: it doubles the .so files and slows the build, and a
                # traceback still names the Python source line.
                ext.extra_compile_args = ["-g0"]
        try:
            super().build_extensions()
        except Exception as error:  # no compiler at all
            self._warn(error)

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as error:  # one module that does not compile stays Python
            self._warn(error, ext.name)
            return
        self.built[ext.name] = source_digest(ROOT / "src" / Path(*ext.name.split(".")).with_suffix(".py"))

    def _write_manifest(self):
        # Beside the built modules: the source tree for an editable install (setuptools
        # copies the modules there), the build tree for a wheel.
        if self.inplace:
            package_dir = Path(self.get_finalized_command("build_py").get_package_dir("broadsheet"))
        else:
            package_dir = Path(self.build_lib) / "broadsheet"
        target = package_dir / MANIFEST
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(dict(sorted(self.built.items())), indent=1) + "\n")

    @staticmethod
    def _warn(error: Exception, name: str = "the stages") -> None:
        print(f"broadsheet: could not compile {name} ({error}); it runs as Python", file=sys.stderr)


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
