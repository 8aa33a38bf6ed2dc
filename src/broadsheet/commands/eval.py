"""``broadsheet eval GOLD_DIR [--pred PRED_DIR | --run] [--json] [--html DIR] [--gate FLOORS] [--extractors ...]``

Exit codes: 0 scored (and every gated metric meets its floor), 1 bad input,
5 a metric is below its floor, 6 the gold set is not the one the floors were
pinned on. docs/eval.md has the metrics and the gate.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import BadInputError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "eval", help="score restored pages against a gold set (and gate on pinned floors)",
        description="Score predictions against GOLD_DIR (layout: docs/eval.md). Without --pred, runs the pipeline.",
        epilog="exit codes: 0 scored (all floors met), 1 bad input, 5 a metric below its floor, "
               "6 the gold set changed since the floors were pinned. Metrics and gate: docs/eval.md",
    )
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="gold set, e.g. eval/dev")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--pred", metavar="PRED_DIR", help="score PRED_DIR/<page_id>/<extractor>.json")
    source.add_argument("--run", action="store_true", help="run broadsheet and the baselines on every page (default)")
    p.add_argument("--extractors", nargs="+", metavar="NAME",
                   help="rows to score (space or comma separated); default: all that have inputs")
    p.add_argument("--workers", type=int, default=None, help="processes for --run (default 2)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="with --run: a row running longer than this on one page is scored empty as an error (default 120)")
    p.add_argument("--save-pred", metavar="DIR", help="with --run: also write each prediction as DIR/<page_id>/<extractor>.json")
    p.add_argument("--json", action="store_true", help="machine-readable results on standard output")
    p.add_argument("--html", metavar="DIR", help="write one HTML report per page and DIR/index.html, worst page first")
    p.add_argument("--html-extractor", default="pymupdf", metavar="NAME", help="text the HTML reports restore (default pymupdf)")
    p.add_argument("--gate", metavar="FLOORS", help="check every row against the floors pinned in FLOORS (eval/floors.json)")
    p.add_argument("--update-floors", action="store_true", help="with --gate: raise the floors to the current results")
    p.add_argument("--allow-regression", metavar="REASON",
                   help="with --update-floors: also lower floors / re-pin a changed gold set; REASON is recorded")
    p.set_defaults(func=run)


def _extractor_names(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    names = tuple(dict.fromkeys(n.strip() for v in values for n in v.split(",") if n.strip()))
    return names or None


def _print_errors(outcomes, stream) -> None:
    failed = [o for o in outcomes if o.error]
    if not failed:
        return
    print(f"{len(failed)} page run(s) failed and were scored as empty predictions:", file=stream)
    for outcome in failed[:10]:
        print(f"  {outcome.page_id} [{outcome.extractor}]: {outcome.error}", file=stream)
    if len(failed) > 10:
        print(f"  ... and {len(failed) - 10} more (see --json)", file=stream)


def _save_predictions(outcomes, out_dir: str) -> None:
    for outcome in outcomes:
        if outcome.prediction is None:
            continue
        path = Path(out_dir) / outcome.page_id / f"{outcome.extractor}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(outcome.prediction, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _repin_hint(args) -> str:
    return (f"broadsheet eval {args.gold_dir} --run --gate {args.gate} --update-floors "
            '--allow-regression "why the set changed"')


def _gate(args, rows, extractors, stream) -> tuple[int, dict | None]:
    from ..evaluate import gate

    fingerprint = gate.gold_set_fingerprint(args.gold_dir)
    written = gate.manifest_fingerprint(args.gold_dir)
    if written is not None and written != fingerprint:
        print(f"broadsheet: gate: note: MANIFEST.json records fingerprint {written}, but the files hash to "
              f"{fingerprint}: the set was edited after it was generated", file=stream)
    floors_path = Path(args.gate)
    floors = gate.load_floors(floors_path) if floors_path.exists() or not args.update_floors else None
    if args.update_floors:
        try:
            floors, moves = gate.update_floors(floors, rows, fingerprint, args.gold_dir, args.allow_regression)
        except BadInputError as exc:
            print(f"broadsheet: gate: {exc.one_line()}", file=stream)
            print(f"  pinned {floors.get('fingerprint')}\n  now    {fingerprint}", file=stream)
            return gate.EXIT_SET_CHANGED, None
        gate.save_floors(floors_path, floors)
        print(f"floors written to {floors_path} ({len(moves)} change(s))", file=stream)
        for line in moves:
            print(f"  {line}", file=stream)
    result = gate.check(rows, floors, fingerprint, extractors)
    if result.set_changed:
        print("broadsheet: gate: the gold set changed since the floors were pinned", file=stream)
        print(f"  pinned {result.pinned_fingerprint}\n  now    {result.fingerprint}", file=stream)
        print(f"  if the change is intended, re-pin the floors:\n    {_repin_hint(args)}", file=stream)
    elif result.breaches or result.missing_rows:
        print(f"broadsheet: gate: {len(result.breaches) + len(result.missing_rows)} floor(s) not met", file=stream)
        for breach in result.breaches:
            print(f"  {breach.describe()}", file=stream)
        for key in result.missing_rows:
            print(f"  {key}: row is pinned but produced no results", file=stream)
    else:
        print(f"broadsheet: gate: all floors met ({len(floors.get('floors') or {})} rows pinned)", file=stream)
    if result.unpinned_rows and not result.set_changed:
        print(f"  not gated (no floors yet): {', '.join(result.unpinned_rows)}", file=stream)
    return result.exit_code, result.to_dict()


def _check_options(args: argparse.Namespace, extractors: tuple[str, ...] | None) -> None:
    from ..evaluate.runner import EXTRACTORS, TEXT_EXTRACTORS

    if (args.update_floors or args.allow_regression) and not args.gate:
        raise BadInputError("--update-floors and --allow-regression need --gate FLOORS")
    if args.allow_regression is not None and not args.allow_regression.strip():
        raise BadInputError("--allow-regression needs a reason")
    if args.allow_regression and not args.update_floors:
        raise BadInputError("--allow-regression only applies with --update-floors")
    if args.save_pred and args.pred:
        raise BadInputError("--save-pred applies to --run, not --pred")
    if args.html and args.html_extractor not in TEXT_EXTRACTORS:
        raise BadInputError(f"--html-extractor must be one of {', '.join(TEXT_EXTRACTORS)}")
    unknown = [name for name in extractors or () if name not in EXTRACTORS]
    if unknown and not args.pred:
        raise BadInputError(f"unknown extractor(s) {', '.join(unknown)}; known: {', '.join(EXTRACTORS)}")


def _outcomes(args: argparse.Namespace, pages, extractors: tuple[str, ...] | None):
    from ..evaluate import runner

    if args.pred:
        return runner.score_prediction_files(pages, args.pred, extractors)
    outcomes = runner.run_pipeline(
        pages, extractors or runner.EXTRACTORS,
        workers=max(1, args.workers if args.workers is not None else runner.DEFAULT_WORKERS),
        keep_predictions=bool(args.save_pred), progress=runner.stderr_progress,
        timeout=args.timeout if args.timeout is not None else runner.DEFAULT_TIMEOUT,
    )
    if args.save_pred:
        _save_predictions(outcomes, args.save_pred)
    return outcomes


def _json_document(args, pages, outcomes, rows, gate_summary) -> dict:
    from ..evaluate.gate import gold_set_fingerprint

    by_page: dict[str, dict] = {}
    for outcome in outcomes:
        by_page.setdefault(outcome.page_id, {})[outcome.extractor] = {"metrics": outcome.metrics, "error": outcome.error}
    return {
        "gold_dir": args.gold_dir,
        "fingerprint": gold_set_fingerprint(args.gold_dir),
        "pages": [{"id": p.id, "script": p.script, "held_out": p.held_out, "results": by_page.get(p.id, {})}
                  for p in pages],
        "rows": [row.to_dict() for row in rows],
        "errors": sum(o.error is not None for o in outcomes),
        "gate": gate_summary,
    }


def run(args: argparse.Namespace) -> int:
    from ..evaluate import runner
    from ..evaluate.html_index import find_render_report, write_reports
    from ..evaluate.table import print_table

    extractors = _extractor_names(args.extractors)
    _check_options(args, extractors)
    pages = runner.load_gold_set(args.gold_dir)
    outcomes = _outcomes(args, pages, extractors)
    rows = runner.aggregate(pages, outcomes)

    info = sys.stderr
    if not args.json:
        print_table(rows, sys.stdout, title=f"broadsheet eval: {args.gold_dir} ({len(pages)} pages)")
    _print_errors(outcomes, info)

    if args.html:
        render_report = find_render_report()
        if render_report is None:
            print("broadsheet: --html skipped: broadsheet.write.report.render_report is not available yet", file=info)
        else:
            index = write_reports(pages, args.html, args.html_extractor, render_report)
            print(f"HTML reports: {index}", file=info)

    code, gate_summary = 0, None
    if args.gate:
        code, gate_summary = _gate(args, rows, extractors, info)
    if args.json:
        document = _json_document(args, pages, outcomes, rows, gate_summary)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return code
