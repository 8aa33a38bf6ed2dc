"""Scoring restored pages against gold pages: metrics, baselines, the runner, the table and the CI gate.

The package is named ``evaluate`` (not ``eval``) so that it never shadows the builtin in an import.
"""

from .gate import EXIT_BELOW_FLOOR, EXIT_SET_CHANGED, check, gold_set_fingerprint, update_floors
from .metrics import METRICS, normalise, score_page
from .runner import EXTRACTORS, GoldPage, Outcome, Row, aggregate, load_gold_set, run_pipeline, score_prediction_files

__all__ = [
    "EXIT_BELOW_FLOOR",
    "EXIT_SET_CHANGED",
    "EXTRACTORS",
    "GoldPage",
    "METRICS",
    "Outcome",
    "Row",
    "aggregate",
    "check",
    "gold_set_fingerprint",
    "load_gold_set",
    "normalise",
    "run_pipeline",
    "score_page",
    "score_prediction_files",
    "update_floors",
]
