"""``broadsheet inspect INPUT [-o report.html] [--gold GOLD.json] [--encoding ENC] [--pages 1-3,7]``

Restores the input and writes one self-contained HTML report of what was done:
the raw input with every removal marked, the restored articles linked to it,
the page image for a PDF, and a diff against a gold file when one is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import BadInputError


def register(subparsers) -> None:
    p = subparsers.add_parser("inspect", help="write an HTML report showing what broadsheet did to a page")
    p.add_argument("path", help="extracted page text, a PDF, or - for standard input")
    p.add_argument("-o", "--output", help="HTML file to write (default: INPUT's name + .report.html, here)")
    p.add_argument("--gold", help="gold JSON in the output contract (a page, or a PDF's pages) to diff against")
    p.add_argument("--encoding", help="text encoding of the input (default: detected)")
    p.add_argument("--pages", help="PDF pages to read, e.g. 1-3,7 (default: all)")
    p.set_defaults(func=run)


def default_output(path: str) -> Path:
    name = "stdin" if path == "-" else Path(path).name
    return Path.cwd() / f"{name}.report.html"


def load_gold(path: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInputError("no such gold file", path) from None
    except OSError as exc:
        raise BadInputError(f"cannot read gold file: {exc.strerror}", path) from None
    except UnicodeDecodeError:
        raise BadInputError("gold file is not UTF-8 JSON", path) from None
    except json.JSONDecodeError as exc:
        raise BadInputError(f"gold file is not valid JSON (line {exc.lineno}, column {exc.colno})", path) from None
    if not isinstance(data, dict) or not ("articles" in data or "pages" in data):
        raise BadInputError('gold file has neither "articles" nor "pages"', path)
    return data


def run(args: argparse.Namespace) -> int:
    from ..api import restore_bytes, restore_file
    from ..model import Document
    from ..write.report import render_document_report, render_report

    gold = load_gold(args.gold) if args.gold else None
    if args.path == "-":
        result = restore_bytes(sys.stdin.buffer.read(), "<stdin>", args.encoding)
    else:
        result = restore_file(args.path, encoding=args.encoding, pages=args.pages)
    if isinstance(result, Document):
        report = render_document_report(result, gold=gold, pdf_path=args.path)
    else:
        report = render_report(result, result.input_text, gold=gold)
    out = Path(args.output) if args.output else default_output(args.path)
    try:
        out.write_text(report, encoding="utf-8")
    except OSError as exc:
        raise BadInputError(f"cannot write report: {exc.strerror}", str(out)) from None
    print(out)
    return 0
