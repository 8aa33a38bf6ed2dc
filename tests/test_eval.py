"""The scorer, the baselines, the runner and the gate of ``broadsheet eval``.

The known-bad prediction below is scored by hand in each test's comments, so
a change in a metric's definition shows up as a changed number here.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import time
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.cli import main
from broadsheet.evaluate import gate, metrics, runner
from broadsheet.evaluate.baselines import blank_lines_baseline, markdown_to_page, pymupdf_blocks_baseline
from broadsheet.evaluate.html_index import write_reports
from broadsheet.evaluate.table import plain_table

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def article(headline=None, body=(), captions=(), byline=None):
    return {"headline": headline, "subheadlines": [], "byline": byline,
            "body": [{"kind": kind, "text": text} for kind, text in body],
            "captions": [{"text": text, "credit": credit} for text, credit in captions],
            "signoff": None, "continues": None, "continued_from": None}


# Normalised lengths (whitespace removed): headline "RainClosesPier" 14, byline 8,
# P0a "Thepiershutatnoon." 18, P0b "BackbyFriday." 13, caption 16 + credit 10,
# headline "MarketMovesIndoors" 18, P1a "Stallsgotothehall." 18, "Fruit" 5, "Bread" 5,
# P2a "Notice:theferryrunslate." 24.  Total 149.
GOLD = {
    "articles": [
        article("Rain Closes Pier", byline="By Ann Lee",
                body=[("paragraph", "The pier shut at noon."), ("paragraph", "Back by Friday.")],
                captions=[("Waves hit the rail.", "Photo: Bo Li")]),
        article("Market Moves Indoors",
                body=[("paragraph", "Stalls go to the hall."), ("list_item", "Fruit"), ("list_item", "Bread")]),
        article(None, body=[("paragraph", "Notice: the ferry runs late.")]),
    ],
    "unassigned": [],
}

# Three faults: "Back by Friday." dropped; the headline "Market Moves Indoors" moved
# onto the third article; "go" doubled and left in ("Stalls go go to the hall.").
BAD = {
    "articles": [
        article("Rain Closes Pier", byline="By Ann Lee", body=[("paragraph", "The pier shut at noon.")],
                captions=[("Waves hit the rail.", "Photo: Bo Li")]),
        article(None, body=[("paragraph", "Stalls go go to the hall."), ("list_item", "Fruit"), ("list_item", "Bread")]),
        article("Market Moves Indoors", body=[("paragraph", "Notice: the ferry runs late.")]),
    ],
    "unassigned": [],
}


def approx(fraction: Fraction):
    return pytest.approx(float(fraction), abs=1e-12)


# -- metrics -------------------------------------------------------------------

def test_gold_as_prediction_scores_perfectly():
    scores = metrics.score_page(GOLD, copy.deepcopy(GOLD))
    assert scores == {
        "char_bag_error": 0.0, "block_f1": 1.0, "article_f1": 1.0, "headline_association": 1.0,
        "paragraph_boundary_f1": 1.0, "caption_recall": 1.0, "caption_precision": 1.0, "credit_recall": 1.0,
        "byline_recall": 1.0, "list_item_recall": 1.0, "cjk_space_error": None,
    }


def test_fixture_gold_scores_perfectly_against_itself():
    for page in runner.load_gold_set(FIXTURES):
        scores = metrics.score_page(page.gold, page.gold)
        assert scores["char_bag_error"] == 0.0
        assert scores["cjk_space_error"] in (0.0, None)
        assert all(v == 1.0 for k, v in scores.items() if k not in ("char_bag_error", "cjk_space_error") and v is not None), page.id


def test_char_bag_error_counts_lost_and_doubled_characters():
    # Lost: the 13 chars of "BackbyFriday."; doubled: "g", "o" (no overlap with the lost ones).
    assert metrics.char_bag_error(GOLD, BAD) == approx(Fraction(13 + 2, 149))


def test_cjk_space_error_by_hand():
    """Gold: a headline in two halves (one space, 夜市重開 遊客回流: 8 CJK characters) and a
    line of running text (以2小時41分衝線。: 7). The prediction loses the headline's space
    and adds two after figures: 3 / 15. The English page has no CJK text: not applicable."""
    gold = {"articles": [article("夜市重開 遊客回流", body=[("paragraph", "以2小時41分衝線。")])], "unassigned": []}
    pred = {"articles": [article("夜市重開遊客回流", body=[("paragraph", "以2 小時41 分衝線。")])], "unassigned": []}
    assert metrics.cjk_space_error(gold, pred) == approx(Fraction(3, 15))
    assert metrics.cjk_space_error(gold, copy.deepcopy(gold)) == 0.0
    # A space between Latin words is no CJK space error.
    latin = copy.deepcopy(gold)
    latin["articles"][0]["body"].append({"kind": "paragraph", "text": "Night market"})
    assert metrics.cjk_space_error(gold, latin) == 0.0
    assert metrics.cjk_space_error(GOLD, BAD) is None
    # Line breaks are no spaces, whether or not the field also holds a space.
    broken = copy.deepcopy(gold)
    broken["articles"][0]["body"][0]["text"] = "以2小時41\n分衝線。"
    broken["articles"][0]["headline"] = "夜市重開 遊客\n回流"
    assert metrics.cjk_space_error(gold, broken) == 0.0


def test_char_bag_error_ignores_order_and_whitespace():
    shuffled = copy.deepcopy(GOLD)
    shuffled["articles"].reverse()
    shuffled["articles"][0]["body"][0]["text"] = "Notice:  the\nferry runs late."
    assert metrics.char_bag_error(GOLD, shuffled) == 0.0


def test_char_bag_error_counts_unassigned_and_credit_text():
    moved = copy.deepcopy(GOLD)
    credit = moved["articles"][0]["captions"][0].pop("credit")
    moved["unassigned"].append({"kind": "credit", "text": credit})
    assert metrics.char_bag_error(GOLD, moved) == 0.0
    assert metrics.char_bag_error(GOLD, {"articles": [], "unassigned": []}) == 1.0


def test_block_f1_by_hand():
    # Gold 9 blocks (2 headlines, 6 body items, 1 caption); pred 8; exact in common 7
    # (all but the dropped P0b and the doubled P1a). The moved headline still matches:
    # block F1 does not look at articles.
    precision, recall, f1 = metrics.block_prf(GOLD, BAD)
    assert (precision, recall) == (approx(Fraction(7, 8)), approx(Fraction(7, 9)))
    assert f1 == approx(Fraction(14, 17))


def test_article_bcubed_by_hand():
    # Gold clusters A0={H0,P0a,P0b,C0}, A1={H1,P1a,L1,L2}, A2={P2a}. P1a finds its doubled
    # copy fuzzily (ratio 94.7); P0b is found nowhere and stands alone. Predicted clusters:
    # {H0,P0a,C0}, {P0b}, {P1a,L1,L2}, {H1,P2a}.
    # precision per item: 1,1,1 | 1 | 1/2 (H1) | 1,1,1 | 1/2 (P2a)      -> 8/9
    # recall per item:    3/4 x3 | 1/4 | 1/4 (H1) | 3/4 x3 | 1 (P2a)  -> 6/9
    precision, recall, f1 = metrics.article_bcubed(GOLD, BAD)
    assert (precision, recall) == (approx(Fraction(8, 9)), approx(Fraction(2, 3)))
    assert f1 == approx(Fraction(16, 21))


def test_headline_association_by_hand():
    # "Rain Closes Pier": 18 of its 31 body chars are under it (P0b was dropped).
    # "Market Moves Indoors": its 28 body chars sit in another article: 0.
    assert metrics.headline_association(GOLD, BAD) == approx(Fraction(18, 31) / 2)


def test_paragraph_boundary_f1_by_hand():
    # Gold ends: 6 body items. Pred ends: 5, all gold ends ("go go" is before the last 10 chars).
    assert metrics.paragraph_boundary_f1(GOLD, BAD) == approx(Fraction(10, 11))


def test_caption_byline_and_list_scores_unaffected_by_those_faults():
    assert metrics.caption_recall(GOLD, BAD) == 1.0
    assert metrics.caption_precision(GOLD, BAD) == 1.0
    assert metrics.byline_recall(GOLD, BAD) == 1.0
    assert metrics.list_item_recall(GOLD, BAD) == 1.0


def test_merged_paragraphs_keep_headline_association_but_lose_a_boundary():
    merged = copy.deepcopy(GOLD)
    body = merged["articles"][0]["body"]
    body[:] = [{"kind": "paragraph", "text": body[0]["text"] + " " + body[1]["text"]}]
    # Both paragraphs are substrings of the article's body under the right headline.
    assert metrics.headline_association(GOLD, merged) == 1.0
    # The end of "The pier shut at noon." is gone: 5 of 6 gold ends, no extra end.
    assert metrics.paragraph_boundary_f1(GOLD, merged) == approx(Fraction(10, 11))
    # Neither half matches the merged block (ratio < 90), so both stand alone:
    # precision stays 1; recall: H0,C0 2/4 each; P0a,P0b 1/4 each; the other five 1.
    precision, recall, _f1 = metrics.article_bcubed(GOLD, merged)
    assert precision == 1.0
    assert recall == approx((Fraction(2, 4) * 2 + Fraction(1, 4) * 2 + 5) / 9)


def test_split_caption_credit_and_missing_kinds():
    wrong = copy.deepcopy(GOLD)
    wrong["articles"][0]["captions"] = [{"text": "Waves hit the rail. Photo: Bo Li", "credit": None}]
    wrong["articles"][1]["body"][1]["kind"] = "paragraph"
    assert metrics.caption_recall(GOLD, wrong) == 0.0
    assert metrics.caption_precision(GOLD, wrong) == 0.0
    assert metrics.list_item_recall(GOLD, wrong) == 0.5
    no_captions = {"articles": [article("x", body=[("paragraph", "y")])], "unassigned": []}
    assert metrics.caption_recall(no_captions, no_captions) is None
    assert metrics.caption_precision(GOLD, no_captions) is None


def test_credit_recall_by_hand():
    assert metrics.credit_recall(GOLD, GOLD) == 1.0
    # The one gold credit left unassigned, then kept on the caption but cut short.
    unassigned = copy.deepcopy(GOLD)
    unassigned["unassigned"].append({"kind": "credit", "text": unassigned["articles"][0]["captions"][0].pop("credit")})
    assert metrics.credit_recall(GOLD, unassigned) == 0.0
    cut = copy.deepcopy(GOLD)
    cut["articles"][0]["captions"][0]["credit"] = "Bo Li"
    assert metrics.credit_recall(GOLD, cut) == 0.0
    # On another article's caption of the same text, the credit still names its photo.
    moved = copy.deepcopy(GOLD)
    moved["articles"][1]["captions"] = moved["articles"][0].pop("captions")
    assert metrics.credit_recall(GOLD, moved) == 1.0
    no_credits = {"articles": [article("x", body=[("paragraph", "y")], captions=[("A photo.", None)])], "unassigned": []}
    assert metrics.credit_recall(no_credits, GOLD) is None


def test_exact_matches_are_taken_before_fuzzy_ones():
    # "abcdefghij" would fuzzily match "abcdefghijk" first in order; the exact pair must win.
    assert metrics.match_texts(["abcdefghijk", "abcdefghij"], ["abcdefghij", "abcdefghijk"]) == [1, 0]
    assert metrics.match_texts(["abcdefghijkl"], ["zzzz"]) == [None]


# -- baselines -----------------------------------------------------------------

def test_blank_lines_baseline_is_one_article_of_chunks():
    page = blank_lines_baseline("Title line\n\nfirst para\ncontinues here\n \nsecond\n")
    assert [a["headline"] for a in page["articles"]] == [None]
    assert [b["text"] for b in page["articles"][0]["body"]] == ["Title line", "first para continues here", "second"]


def test_markdown_headings_open_articles():
    page = markdown_to_page(
        "intro text\n\n# **Big** **News**\n\nfirst _line_\nsame para\n\n - one\n- two\nwraps on\n\nafter\n---\n## Next\nbody")
    assert [a["headline"] for a in page["articles"]] == [None, "Big News", "Next"]
    assert page["articles"][1]["body"] == [
        {"kind": "paragraph", "text": "first line same para"},
        {"kind": "list_item", "text": "one"}, {"kind": "list_item", "text": "two wraps on"},
        {"kind": "paragraph", "text": "after"},
    ]
    assert page["articles"][2]["body"] == [{"kind": "paragraph", "text": "body"}]


def test_pymupdf_blocks_baseline_reads_blocks_top_to_bottom(tmp_path):
    import pymupdf

    path = tmp_path / "page.pdf"
    with pymupdf.open() as document:
        pdf_page = document.new_page()
        pdf_page.insert_text((72, 300), "Lower block text")
        pdf_page.insert_text((72, 100), "Upper block text")
        document.save(path)
    page = pymupdf_blocks_baseline(path)
    assert [b["text"] for b in page["articles"][0]["body"]] == ["Upper block text", "Lower block text"]


# -- runner ----------------------------------------------------------------------

def test_fixture_set_loads_with_meta():
    pages = runner.load_gold_set(FIXTURES)
    assert {(p.script, p.held_out) for p in pages} == {("en", False), ("hant", False), ("hans", True)}


def test_failing_row_scores_as_empty_and_is_counted(monkeypatch):
    page = runner.load_gold_set(FIXTURES)[0]

    def explode(page, extractor):
        if extractor == "pdftotext":
            raise RuntimeError("boom")
        return copy.deepcopy(page.gold)

    monkeypatch.setattr(runner, "predict", explode)
    outcomes = {o.extractor: o for o in runner.run_page(page, ("pymupdf", "pdftotext"))}
    assert outcomes["pymupdf"].error is None and outcomes["pymupdf"].metrics["block_f1"] == 1.0
    assert outcomes["pdftotext"].error == "RuntimeError: boom"
    assert outcomes["pdftotext"].metrics["char_bag_error"] == 1.0
    assert outcomes["pdftotext"].metrics["block_f1"] == 0.0


def test_a_row_that_hangs_is_stopped_and_counted(monkeypatch):
    page = runner.load_gold_set(FIXTURES)[0]

    def hang(page, extractor):
        time.sleep(5)
        return copy.deepcopy(page.gold)

    monkeypatch.setattr(runner, "predict", hang)
    started = time.monotonic()
    (outcome,) = runner.run_page(page, ("pymupdf",), timeout=0.2)
    assert time.monotonic() - started < 2
    assert outcome.error == "RowTimeout: no result after 0.2 s"
    assert outcome.metrics["block_f1"] == 0.0


def test_a_crashing_worker_costs_only_its_page(monkeypatch):
    def crash_on_hans(page, extractor):
        if page.id == "hans-bike-lane":
            os._exit(3)  # what a segfault in a C library looks like to the pool
        return copy.deepcopy(page.gold)

    monkeypatch.setattr(runner, "predict", crash_on_hans)  # forked workers inherit the patch
    pages = runner.load_gold_set(FIXTURES)
    outcomes = {o.page_id: o for o in runner.run_pipeline(pages, ("pymupdf",), workers=2)}
    assert outcomes["hans-bike-lane"].error == "worker process crashed"
    assert outcomes["en-ferry-library"].error is None and outcomes["en-ferry-library"].metrics["block_f1"] == 1.0
    assert outcomes["hant-allotment"].error is None


def test_run_pipeline_in_a_pool_scores_every_page_and_row():
    pages = runner.load_gold_set(FIXTURES)
    outcomes = runner.run_pipeline(pages, ("pymupdf", "baseline-blank-lines"), workers=2)
    assert sorted((o.page_id, o.extractor) for o in outcomes) == sorted(
        (p.id, e) for p in pages for e in ("pymupdf", "baseline-blank-lines"))
    assert not [o.error for o in outcomes if o.error]
    rows = {row.key: row for row in runner.aggregate(pages, outcomes)}
    assert rows["pymupdf"].pages == 3 and rows["pymupdf:held-out"].pages == 1 and rows["pymupdf:hant"].pages == 1
    # The baseline has no headlines, so it cannot associate any.
    assert rows["baseline-blank-lines"].metrics["headline_association"] == 0.0


def test_aggregate_averages_pages_and_skips_not_applicable():
    pages = runner.load_gold_set(FIXTURES)
    values = {"en-ferry-library": 0.5, "hant-allotment": 1.0, "hans-bike-lane": None}
    outcomes = [runner.Outcome(pid, "pymupdf", {"block_f1": 0.25, "caption_recall": v}) for pid, v in values.items()]
    rows = {row.key: row for row in runner.aggregate(pages, outcomes)}
    assert rows["pymupdf"].metrics["caption_recall"] == 0.75
    assert rows["pymupdf:tuned"].metrics["caption_recall"] == 0.75
    assert rows["pymupdf:held-out"].metrics["caption_recall"] is None
    assert rows["pymupdf"].metrics["block_f1"] == 0.25


def write_gold_as_predictions(pred_dir: Path, extractors=("pymupdf", "pdftotext")) -> None:
    for page in runner.load_gold_set(FIXTURES):
        for extractor in extractors:
            path = pred_dir / page.id / f"{extractor}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(page.gold, ensure_ascii=False), encoding="utf-8")


def test_missing_prediction_file_is_an_error_row(tmp_path):
    write_gold_as_predictions(tmp_path)
    (tmp_path / "hans-bike-lane" / "pdftotext.json").unlink()
    outcomes = runner.score_prediction_files(runner.load_gold_set(FIXTURES), tmp_path)
    errors = [(o.page_id, o.extractor, o.error) for o in outcomes if o.error]
    assert errors == [("hans-bike-lane", "pdftotext", "no prediction file")]


# -- command, table, html ----------------------------------------------------------

def test_eval_json_output_for_predictions(tmp_path, capsys):
    write_gold_as_predictions(tmp_path)
    assert main(["eval", str(FIXTURES), "--pred", str(tmp_path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    rows = {row["key"]: row for row in result["rows"]}
    assert set(rows) >= {"pymupdf", "pdftotext", "pymupdf:en", "pymupdf:hans", "pymupdf:held-out", "pdftotext:tuned"}
    assert rows["pymupdf"]["metrics"]["block_f1"] == 1.0 and rows["pymupdf"]["errors"] == 0
    assert result["fingerprint"] == gate.gold_set_fingerprint(FIXTURES)
    assert result["pages"][0]["results"]["pdftotext"]["error"] is None


def test_eval_run_prints_a_plain_table_when_not_a_terminal(capsys):
    assert main(["eval", str(FIXTURES), "--run", "--extractors", "pymupdf,baseline-blank-lines", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "[by extractor]" in out and "[by script]" in out and "[held-out vs tuned]" in out
    assert "\npymupdf:held-out " in out


def test_saved_predictions_score_the_same_when_read_back(tmp_path, capsys):
    saved = tmp_path / "pred"
    run = ["eval", str(FIXTURES), "--json", "--extractors", "pymupdf", "baseline-blank-lines"]
    assert main([*run, "--run", "--workers", "1", "--save-pred", str(saved)]) == 0
    ran = json.loads(capsys.readouterr().out)["rows"]
    assert sorted(p.name for p in (saved / "hant-allotment").iterdir()) == ["baseline-blank-lines.json", "pymupdf.json"]
    assert main([*run, "--pred", str(saved)]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == ran


def test_eval_rejects_unknown_extractor():
    assert main(["eval", str(FIXTURES), "--run", "--extractors", "ocr"]) == 1


def test_plain_table_marks_not_applicable():
    row = runner.Row("pymupdf", "pymupdf", "extractor", "all", 2, 1, {"block_f1": 0.5, "caption_recall": None})
    text = plain_table([row])
    assert "0.500" in text and "—" in text


def test_html_index_lists_worst_page_first(tmp_path):
    pages = runner.load_gold_set(FIXTURES)
    seen = []

    def render_report(page, raw_text, gold, metrics, pdf_path):
        seen.append((page.source, gold is not None, pdf_path))
        return f"<html>{len(raw_text)}</html>"

    index = write_reports(pages, tmp_path, "pymupdf", render_report)
    html = index.read_text(encoding="utf-8")
    assert len(seen) == 3 and all(has_gold and pdf is None for _src, has_gold, pdf in seen)
    listed = re.findall(r'<tr><td><a href="([^"]+)\.html">[^<]*</a></td><td>([^<]*)</td><td>([0-9.]+)</td>', html)
    assert {(page_id, subset) for page_id, subset, _score in listed} == {
        ("en-ferry-library", "en"), ("hant-allotment", "hant"), ("hans-bike-lane", "hans held-out")}
    scores = [float(score) for _page_id, _subset, score in listed]
    assert scores == sorted(scores)
    assert (tmp_path / "en-ferry-library.html").read_text(encoding="utf-8").startswith("<html>")


def test_html_is_skipped_with_a_message_when_render_report_is_missing(tmp_path, capsys, monkeypatch):
    import broadsheet.evaluate.html_index as html_index

    monkeypatch.setattr(html_index, "find_render_report", lambda: None)
    write_gold_as_predictions(tmp_path / "pred")
    assert main(["eval", str(FIXTURES), "--pred", str(tmp_path / "pred"), "--html", str(tmp_path / "html")]) == 0
    assert "--html skipped" in capsys.readouterr().err
    assert not (tmp_path / "html").exists()


# -- gate ----------------------------------------------------------------------------

@pytest.fixture
def gold_copy(tmp_path):
    directory = tmp_path / "gold"
    shutil.copytree(FIXTURES, directory)
    return directory


def eval_gate(gold_dir, pred_dir, floors, *extra):
    return main(["eval", str(gold_dir), "--pred", str(pred_dir), "--gate", str(floors), *extra])


def test_fixture_manifest_fingerprint_is_current():
    manifest = json.loads((FIXTURES / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["fingerprint"] == gate.gold_set_fingerprint(FIXTURES)


def test_fingerprint_is_the_synthesizer_recipe():
    generate = pytest.importorskip("broadsheet.synth.generate")
    assert gate.gold_set_fingerprint(FIXTURES) == generate.fingerprint(FIXTURES)


def test_gate_passes_then_fails_below_a_floor(gold_copy, tmp_path, capsys):
    pred = tmp_path / "pred"
    write_gold_as_predictions(pred)
    floors = tmp_path / "floors.json"
    assert eval_gate(gold_copy, pred, floors, "--update-floors") == 0
    pinned = json.loads(floors.read_text(encoding="utf-8"))
    assert pinned["fingerprint"] == gate.gold_set_fingerprint(gold_copy)
    assert pinned["floors"]["pymupdf"]["block_f1"] == {"min": 0.995}
    assert pinned["floors"]["pymupdf"]["char_bag_error"] == {"max": 0.005}
    assert eval_gate(gold_copy, pred, floors) == 0
    # Drop one paragraph of one page's pymupdf prediction: block F1 falls under 0.995.
    path = pred / "en-ferry-library" / "pymupdf.json"
    broken = json.loads(path.read_text(encoding="utf-8"))
    del broken["articles"][0]["body"][1]
    path.write_text(json.dumps(broken), encoding="utf-8")
    capsys.readouterr()
    assert eval_gate(gold_copy, pred, floors) == gate.EXIT_BELOW_FLOOR == 5
    err = capsys.readouterr().err
    assert "pymupdf: block_f1 = " in err and "pymupdf:en: char_bag_error" in err
    assert "pdftotext:" not in err.split("not met")[1].split("not gated")[0]


def test_gate_reports_a_changed_gold_set(gold_copy, tmp_path, capsys):
    pred = tmp_path / "pred"
    write_gold_as_predictions(pred)
    floors = tmp_path / "floors.json"
    assert eval_gate(gold_copy, pred, floors, "--update-floors") == 0
    (gold_copy / "hant-allotment" / "text" / "pymupdf.txt").write_text("changed\n", encoding="utf-8")
    capsys.readouterr()
    assert eval_gate(gold_copy, pred, floors) == gate.EXIT_SET_CHANGED == 6
    err = capsys.readouterr().err
    assert "gold set changed" in err and "--allow-regression" in err
    assert "edited after it was generated" in err  # MANIFEST.json still holds the old fingerprint
    # Re-pinning a changed set needs a reason; with one, the new set is pinned afresh
    # (a row only the old set had is dropped).
    stale = json.loads(floors.read_text(encoding="utf-8"))
    stale["floors"]["pdfminer"] = {"block_f1": {"min": 0.9}}
    gate.save_floors(floors, stale)
    assert eval_gate(gold_copy, pred, floors, "--update-floors") == 6
    assert eval_gate(gold_copy, pred, floors, "--update-floors", "--allow-regression", "text re-extracted") == 0
    pinned = json.loads(floors.read_text(encoding="utf-8"))
    assert pinned["fingerprint"] == gate.gold_set_fingerprint(gold_copy)
    assert "pdfminer" not in pinned["floors"] and "pymupdf:hant" in pinned["floors"]
    assert pinned["history"][-1]["reason"] == "text re-extracted"
    assert pinned["history"][-1]["set_changed"]["to"] == pinned["fingerprint"]


def test_floors_only_rise_unless_a_regression_is_allowed(gold_copy, tmp_path):
    pred = tmp_path / "pred"
    write_gold_as_predictions(pred)
    floors = tmp_path / "floors.json"
    assert eval_gate(gold_copy, pred, floors, "--update-floors") == 0
    for page_id in ("en-ferry-library", "hant-allotment", "hans-bike-lane"):
        path = pred / page_id / "pymupdf.json"
        worse = json.loads(path.read_text(encoding="utf-8"))
        worse["articles"][0]["headline"] = None
        path.write_text(json.dumps(worse, ensure_ascii=False), encoding="utf-8")
    # Updating without a reason keeps the higher floors, so the gate still fails.
    assert eval_gate(gold_copy, pred, floors, "--update-floors") == 5
    assert json.loads(floors.read_text())["floors"]["pymupdf"]["headline_association"] == {"min": 0.995}
    assert eval_gate(gold_copy, pred, floors, "--update-floors", "--allow-regression", "headlines moved to decks") == 0
    pinned = json.loads(floors.read_text())
    assert pinned["floors"]["pymupdf"]["headline_association"]["min"] < 0.995
    assert pinned["floors"]["pdftotext"]["headline_association"] == {"min": 0.995}
    assert pinned["history"][-1]["reason"] == "headlines moved to decks"
    assert any(line.startswith("pymupdf headline_association") for line in pinned["history"][-1]["lowered"])


def test_an_allowed_regression_lowers_only_the_floors_the_results_fail(gold_copy, tmp_path):
    pred = tmp_path / "pred"
    write_gold_as_predictions(pred)
    floors = tmp_path / "floors.json"
    assert eval_gate(gold_copy, pred, floors, "--update-floors") == 0
    pinned = json.loads(floors.read_text())
    pinned["floors"]["pdftotext"]["block_f1"] = {"min": 0.999}  # met (1.0), above 1.0 less the slack
    gate.save_floors(floors, pinned)
    for page_id in ("en-ferry-library", "hant-allotment", "hans-bike-lane"):
        path = pred / page_id / "pymupdf.json"
        worse = json.loads(path.read_text(encoding="utf-8"))
        worse["articles"][0]["headline"] = None
        path.write_text(json.dumps(worse, ensure_ascii=False), encoding="utf-8")
    assert eval_gate(gold_copy, pred, floors, "--update-floors", "--allow-regression", "headlines moved to decks") == 0
    pinned = json.loads(floors.read_text())
    assert pinned["floors"]["pdftotext"]["block_f1"] == {"min": 0.999}
    assert not any(line.startswith("pdftotext ") for line in pinned["history"][-1]["lowered"])


def test_a_pinned_row_that_stops_running_fails_the_gate(gold_copy, tmp_path, capsys):
    pred = tmp_path / "pred"
    write_gold_as_predictions(pred)
    floors = tmp_path / "floors.json"
    assert eval_gate(gold_copy, pred, floors, "--update-floors") == 0
    for page_id in ("en-ferry-library", "hant-allotment", "hans-bike-lane"):
        (pred / page_id / "pdftotext.json").unlink()
    capsys.readouterr()
    assert eval_gate(gold_copy, pred, floors) == 5
    assert "pdftotext: row is pinned but produced no results" in capsys.readouterr().err
    # Rows left out on purpose with --extractors are not held against the gate.
    assert eval_gate(gold_copy, pred, floors, "--extractors", "pymupdf") == 0


def test_committed_floors_file_is_well_formed():
    floors = json.loads((Path(__file__).parents[1] / "eval" / "floors.json").read_text(encoding="utf-8"))
    assert isinstance(floors["fingerprint"], str) and len(floors["fingerprint"]) == 64
    for row, pinned in floors["floors"].items():
        for name, spec in pinned.items():
            direction = "min" if metrics.METRIC_BY_NAME[name].higher_is_better else "max"
            assert list(spec) == [direction], (row, name)


def test_baseline_rows_are_reported_but_not_pinned(gold_copy, tmp_path):
    pred = tmp_path / "pred"
    write_gold_as_predictions(pred, ("pymupdf", "baseline-blank-lines", "pymupdf4llm"))
    floors = tmp_path / "floors.json"
    assert eval_gate(gold_copy, pred, floors, "--update-floors") == 0
    pinned = json.loads(floors.read_text())["floors"]
    assert "pymupdf" in pinned and "pymupdf:hans" in pinned
    assert not [key for key in pinned if key.startswith(("baseline-", "pymupdf4llm"))]


# -- properties ----------------------------------------------------------------------

_texts = st.text(alphabet="ab 港聞x.\n", min_size=0, max_size=12)
_articles = st.builds(
    lambda headline, byline, body, captions: article(headline or None, body=body, captions=captions, byline=byline or None),
    _texts, _texts,
    st.lists(st.tuples(st.sampled_from(["paragraph", "subhead", "list_item"]), _texts), max_size=4),
    st.lists(st.tuples(_texts, st.one_of(st.none(), _texts)), max_size=2),
)
_pages = st.builds(lambda articles: {"articles": articles, "unassigned": []}, st.lists(_articles, max_size=4))


@settings(max_examples=60, deadline=None)
@given(_pages)
def test_any_gold_scores_perfectly_against_itself(page):
    scores = metrics.score_page(page, copy.deepcopy(page))
    assert scores.pop("char_bag_error") == 0.0
    assert scores.pop("cjk_space_error") in (None, 0.0)
    assert all(value in (None, 1.0) for value in scores.values()), scores


@settings(max_examples=60, deadline=None)
@given(_pages, _pages)
def test_block_precision_is_recall_with_roles_swapped(gold, pred):
    precision, recall, f1 = metrics.block_prf(gold, pred)
    assert metrics.block_prf(pred, gold)[:2] == (recall, precision)
    assert 0.0 <= f1 <= 1.0


@settings(max_examples=60, deadline=None)
@given(_pages)
def test_char_bag_error_ignores_article_order(page):
    reordered = {"articles": list(reversed(page["articles"])), "unassigned": []}
    assert metrics.char_bag_error(page, reordered) == 0.0
