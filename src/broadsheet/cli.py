"""The ``broadsheet`` command: parses arguments and calls the library, nothing more.

Each subcommand lives in ``broadsheet.commands.<name>`` with ``register(subparsers)``
that adds its parser and sets ``func``. Exit codes: 0 done, 1 bad input,
2 usage, 3 scanned PDF (no text layer), 4 batch finished with some failures,
5 eval gate: a metric below its floor, 6 eval gate: the gold set changed.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys

from .errors import BroadsheetError

COMMANDS = ("restore", "demo", "bench", "synth", "eval", "batch", "inspect")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__
    from .extensions import compiled_summary

    # Raw text: the version line is printed as one line, not wrapped to the terminal's width.
    parser = argparse.ArgumentParser(prog="broadsheet", description="Restore newspaper pages into structured articles.",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"broadsheet {__version__} ({compiled_summary()})")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if importlib.util.find_spec(f"broadsheet.commands.{name}") is None:
            continue
        importlib.import_module(f"broadsheet.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except BroadsheetError as exc:
        print(f"broadsheet: error: {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("broadsheet: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except MemoryError:
        print("broadsheet: error: out of memory on this input", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
