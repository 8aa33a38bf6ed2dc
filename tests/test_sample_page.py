"""End to end: the bundled sample page against its hand-checked gold."""

import json

import broadsheet
from broadsheet.samples import sample_gold, sample_text


def _without_provenance(value):
    if isinstance(value, dict):
        return {k: _without_provenance(v) for k, v in value.items() if k not in ("spans", "credit_spans")}
    if isinstance(value, list):
        return [_without_provenance(v) for v in value]
    return value


def test_sample_page_matches_gold():
    page = broadsheet.restore(sample_text(), source="sample_page_zh_hant.txt")
    assert _without_provenance(json.loads(page.to_json())) == sample_gold()


def test_sample_page_carries_every_artifact():
    reasons = {r["reason"] for r in sample_gold()["removed"]}
    assert {"undouble_shadow_runs", "drop_justify_spaces", "strip_bullet_marker", "map_compat_ideographs"} <= reasons
    text = sample_text()
    assert "\n\n" in text and "\n茶\n樓\n" in text  # blank lines and a vertical headline
