"""``broadsheet restore PATH|- [--format json|markdown|text] [-o OUT] [--encoding ENC] [--pages 1-3,7]``"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import BadInputError

FORMATS = ("json", "markdown", "text")


def register(subparsers) -> None:
    p = subparsers.add_parser("restore", help="restore one page (text) or a PDF into articles")
    p.add_argument("path", help="extracted page text, a PDF, or - for standard input")
    p.add_argument("--format", "-f", choices=FORMATS, default="json")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--encoding", help="text encoding of the input (default: detected)")
    p.add_argument("--pages", help="PDF pages to read, e.g. 1-3,7 (default: all)")
    p.add_argument("--compact", action="store_true", help="JSON on one line")
    p.set_defaults(func=run)


def render(result, fmt: str, compact: bool = False) -> str:
    if fmt == "markdown":
        return result.to_markdown()
    if fmt == "text":
        return result.to_text()
    return result.to_json(indent=None if compact else 2) + "\n"


def run(args: argparse.Namespace) -> int:
    from ..api import restore_bytes, restore_file

    if args.path == "-":
        data = sys.stdin.buffer.read()
        result = restore_bytes(data, "<stdin>", args.encoding)
    else:
        result = restore_file(args.path, encoding=args.encoding, pages=args.pages)
    out = render(result, args.format, args.compact)
    if args.output:
        try:
            Path(args.output).write_text(out, encoding="utf-8")
        except OSError as exc:
            raise BadInputError(f"cannot write output: {exc.strerror}", args.output) from None
    else:
        sys.stdout.write(out)
    return 0
