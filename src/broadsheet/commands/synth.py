"""``broadsheet synth OUTDIR --pages N --seed S [--script hant|hans|en|mixed] [--corpus shipped|heldout|varied] [--jobs J]``"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..errors import BadInputError

SCRIPTS = ("hant", "hans", "en", "mixed")


def register(subparsers) -> None:
    p = subparsers.add_parser("synth", help="generate synthetic newspaper pages with gold (PDF, gold.json, texts)")
    p.add_argument("outdir", help="directory to write the pages and MANIFEST.json into")
    p.add_argument("--pages", type=int, default=36, help="number of pages (default: 36)")
    p.add_argument("--seed", type=int, default=20261126, help="seed; the same seed gives the same files")
    p.add_argument("--script", choices=SCRIPTS, default="mixed",
                   help="hant, hans, en, or mixed (about 40%% hant, 30%% hans, 30%% en)")
    p.add_argument("--corpus", choices=("shipped", "heldout", "varied"), default="shipped",
                   help="text to set the pages from: shipped (default; the text the rules were tuned on) or "
                        "heldout (text never used for tuning: score its pages in aggregate only) or varied (text written to "
                        "tune the cues to conventions the shipped text lacks)")
    p.add_argument("--jobs", type=int, default=1, help="pages generated in parallel (default: 1)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress lines")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..synth.generate import SynthError, generate_set
    from ..synth.typeset import MissingFontError
    from ..synth.extract import ExtractorError

    if args.pages < 1:
        raise BadInputError("--pages must be at least 1", args.outdir)
    if args.jobs < 1:
        raise BadInputError("--jobs must be at least 1", args.outdir)
    outdir = Path(args.outdir)
    if outdir.exists() and not outdir.is_dir():
        raise BadInputError("output path exists and is not a directory", args.outdir)
    started = time.perf_counter()
    done = 0

    def progress(page_id: str) -> None:
        nonlocal done
        done += 1
        if not args.quiet:
            print(f"[{done}/{args.pages}] {page_id}", file=sys.stderr)

    try:
        manifest = generate_set(outdir, args.pages, args.seed, args.script, jobs=args.jobs, progress=progress,
                                corpus=args.corpus)
    except (SynthError, MissingFontError, ExtractorError) as exc:
        raise BadInputError(str(exc), args.outdir) from None
    except OSError as exc:
        raise BadInputError(f"cannot write output: {exc.strerror}", args.outdir) from None
    elapsed = time.perf_counter() - started
    print(f"wrote {manifest['count']} pages to {outdir} in {elapsed:.1f}s (fingerprint {manifest['fingerprint'][:12]})")
    return 0
