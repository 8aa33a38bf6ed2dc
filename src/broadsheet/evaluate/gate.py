"""The CI gate: per-row metric floors pinned in a file, over a fingerprinted gold set.

The floors file (eval/floors.json)::

    {"gold_dir": "eval/dev", "fingerprint": "<sha256>", "slack": 0.005,
     "floors": {"pymupdf": {"block_f1": {"min": 0.81}, "char_bag_error": {"max": 0.06}, ...}, ...},
     "history": [{"date", "action", "reason"?, "lowered"?: [...]}]}

A floor is a minimum for a higher-is-better metric and a maximum for
char_bag_error. Baseline rows (pymupdf4llm, baseline-*) are reported but not
pinned: they measure other people's code, and a library upgrade that moves
them is no regression of ours. Floors only move up (``--update-floors``); moving one down,
or re-pinning after the gold set changed, takes ``--allow-regression REASON``
and the reason is kept in ``history``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import BadInputError
from .metrics import METRIC_BY_NAME
from .runner import BASELINES, Row

EXIT_BELOW_FLOOR = 5
EXIT_SET_CHANGED = 6
DEFAULT_SLACK = 0.005
# Floors are stored to this many decimals, rounded in the lenient direction.
DECIMALS = 4
_TOLERANCE = 1e-9


def gold_set_fingerprint(gold_dir: str | Path) -> str:
    """sha256 of a gold set, by the recipe MANIFEST.json's "fingerprint" is written with.

    Every file under ``gold_dir`` except MANIFEST.json (which stores the
    fingerprint), in sorted path order: the relative POSIX path, NUL, the
    file's bytes, NUL. It must stay the same recipe as
    ``broadsheet.synth.generate.fingerprint`` (a test holds them together), so
    that a recomputed fingerprint can be compared with the manifest's.
    """
    root = Path(gold_dir)
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != "MANIFEST.json"):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


def manifest_fingerprint(gold_dir: str | Path) -> str | None:
    manifest = Path(gold_dir) / "MANIFEST.json"
    if not manifest.is_file():
        return None
    try:
        value = json.loads(manifest.read_text(encoding="utf-8")).get("fingerprint")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def load_floors(path: str | Path) -> dict:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInputError("no floors file; pin one with --update-floors", str(path)) from None
    except (OSError, ValueError) as exc:
        raise BadInputError(f"cannot read floors: {exc}", str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("floors"), dict):
        raise BadInputError('floors file needs a "floors" object', str(path))
    return data


_ONE_BOUND = re.compile(r'\{\s*"(min|max)": ([-0-9.eE]+)\s*\}')


def save_floors(path: str | Path, floors: dict) -> None:
    """Indented JSON with each ``{"min": x}`` on its metric's line, so a moved floor is a one-line diff."""
    text = _ONE_BOUND.sub(r'{"\1": \2}', json.dumps(floors, ensure_ascii=False, indent=2))
    Path(path).write_text(text + "\n", encoding="utf-8")


@dataclass(slots=True)
class Breach:
    row: str
    metric: str
    value: float | None
    bound: float
    direction: str  # "min" | "max"

    def describe(self) -> str:
        if self.value is None:
            return f"{self.row}: {self.metric} has no value (floor {self.direction} {self.bound})"
        relation = "below its floor" if self.direction == "min" else "above its ceiling"
        return f"{self.row}: {self.metric} = {self.value:.4f} is {relation} {self.bound}"


@dataclass(slots=True)
class GateResult:
    pinned_fingerprint: str | None
    fingerprint: str
    breaches: list[Breach] = field(default_factory=list)
    missing_rows: list[str] = field(default_factory=list)
    unpinned_rows: list[str] = field(default_factory=list)

    @property
    def set_changed(self) -> bool:
        return self.pinned_fingerprint != self.fingerprint

    @property
    def exit_code(self) -> int:
        if self.set_changed:
            return EXIT_SET_CHANGED
        if self.breaches or self.missing_rows:
            return EXIT_BELOW_FLOOR
        return 0

    def to_dict(self) -> dict:
        return {
            "exit_code": self.exit_code,
            "pinned_fingerprint": self.pinned_fingerprint,
            "fingerprint": self.fingerprint,
            "breaches": [b.describe() for b in self.breaches],
            "missing_rows": self.missing_rows,
            "unpinned_rows": self.unpinned_rows,
        }


def _bound_of(spec) -> tuple[str, float]:
    if isinstance(spec, dict) and len(spec) == 1:
        ((direction, bound),) = spec.items()
        if direction in ("min", "max") and isinstance(bound, (int, float)):
            return direction, float(bound)
    raise BadInputError(f'a floor must look like {{"min": 0.8}} or {{"max": 0.05}}, got {spec!r}')


def check(rows: list[Row], floors: dict, fingerprint: str, extractors: tuple[str, ...] | None = None) -> GateResult:
    """Compare rows with pinned floors.

    A pinned row that is missing from the results counts against the gate when
    its extractor was asked for (a row that silently stops running must not
    pass); ``extractors=None`` means every extractor was.
    """
    result = GateResult(floors.get("fingerprint"), fingerprint)
    by_key = {row.key: row for row in rows}
    pinned = floors.get("floors") or {}
    for key, metrics in pinned.items():
        row = by_key.get(key)
        if row is None:
            extractor = key.split(":", 1)[0]
            if extractors is None or extractor in extractors:
                result.missing_rows.append(key)
            continue
        for name, spec in metrics.items():
            direction, bound = _bound_of(spec)
            value = row.metrics.get(name)
            ok = value is not None and (
                value >= bound - _TOLERANCE if direction == "min" else value <= bound + _TOLERANCE
            )
            if not ok:
                result.breaches.append(Breach(key, name, value, bound, direction))
    result.unpinned_rows = [row.key for row in rows if row.key not in pinned and row.extractor not in BASELINES]
    return result


def _target(name: str, value: float, slack: float) -> tuple[str, float]:
    """The floor the current value earns: ``slack`` on the lenient side, rounded leniently."""
    scale = 10**DECIMALS
    if METRIC_BY_NAME[name].higher_is_better:
        return "min", max(0.0, math.floor((value - slack) * scale + _TOLERANCE) / scale)
    return "max", math.ceil((value + slack) * scale - _TOLERANCE) / scale


def update_floors(
    floors: dict | None,
    rows: list[Row],
    fingerprint: str,
    gold_dir: str,
    reason: str | None = None,
) -> tuple[dict, list[str]]:
    """Floors raised to the current results; with a ``reason``, the floors the results fail
    lowered to them as well (a floor a result still meets stands).

    Returns the new floors document and the lines describing what moved.
    Re-pinning a changed gold set needs a reason too (BadInputError otherwise)
    and pins every row afresh, dropping rows of the old set.
    """
    fresh = floors is None
    floors = json.loads(json.dumps(floors)) if floors else {}
    old_fingerprint = floors.get("fingerprint")
    if not fresh and old_fingerprint != fingerprint and not reason:
        raise BadInputError(
            "the gold set changed since the floors were pinned; re-pin with "
            '--update-floors --allow-regression "why the set changed"'
        )
    slack = float(floors.get("slack", DEFAULT_SLACK))
    set_changed = not fresh and old_fingerprint != fingerprint
    # Floors of another gold set say nothing about this one: start them afresh (history stays).
    pinned: dict = {} if set_changed else (floors.get("floors") or {})
    moved: list[str] = []
    kept: list[str] = []
    lowered: list[str] = []
    for row in rows:
        if row.extractor in BASELINES:
            continue
        current = pinned.setdefault(row.key, {})
        for name, value in row.metrics.items():
            if value is None or name not in METRIC_BY_NAME:
                continue
            direction, bound = _target(name, value, slack)
            if name not in current:
                current[name] = {direction: bound}
                if not set_changed and not fresh:
                    moved.append(f"{row.key} {name}: pinned {direction} {bound}")
                continue
            old_direction, old_bound = _bound_of(current[name])
            tighter = bound > old_bound if direction == "min" else bound < old_bound
            if old_direction != direction or tighter:
                current[name] = {direction: bound}
                moved.append(f"{row.key} {name}: {old_bound} -> {bound}")
            elif bound != old_bound:
                if reason:
                    # A reason lowers only the floors the results fail; one still met stands.
                    if (value < old_bound) if direction == "min" else (value > old_bound):
                        current[name] = {direction: bound}
                        lowered.append(f"{row.key} {name}: {old_bound} -> {bound}")
                else:
                    kept.append(
                        f"{row.key} {name}: kept {old_bound} (current {value:.4f}, with the slack {bound}); "
                        "lowering needs --allow-regression REASON"
                    )
    floors["gold_dir"] = gold_dir
    floors["fingerprint"] = fingerprint
    floors["slack"] = slack
    floors["floors"] = pinned
    entry: dict = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    if fresh:
        entry["action"] = "pin"
    elif reason:
        entry["action"] = "allow-regression"
        entry["reason"] = reason
        if set_changed:
            entry["set_changed"] = {"from": old_fingerprint, "to": fingerprint}
        else:
            entry["lowered"] = lowered
    else:
        entry["action"] = "raise"
    if fresh or reason or moved:
        floors.setdefault("history", []).append(entry)
    if fresh or set_changed:
        moved.append(f"pinned {len(pinned)} rows afresh" if set_changed else f"pinned {len(pinned)} rows")
    return floors, moved + lowered + kept
