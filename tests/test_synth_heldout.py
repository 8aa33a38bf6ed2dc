"""The held-out text corpus: written apart from the shipped one, never used for tuning."""

from __future__ import annotations

import json

import pytest

from broadsheet.synth import build_page, load_corpus, plan_set
from broadsheet.synth.corpus_format import SCRIPTS, CorpusFormatError
from broadsheet.synth.typeset import missing_glyphs


def _texts(article) -> list[str]:
    return [article.headline, *article.decks, *(text for _, text in article.body),
            *(text for text, _ in article.captions)]


@pytest.mark.parametrize("script", SCRIPTS)
def test_held_out_corpus_parses_with_six_articles_and_a_box_per_script(script):
    corpus = load_corpus(script, "heldout")
    articles = [a for a in corpus if a.kind == "article"]
    assert len(articles) >= 6
    assert any(a.kind == "box" for a in corpus)
    assert all(a.script == script for a in corpus)
    assert len({a.id for a in corpus}) == len(corpus)


def test_held_out_corpus_shares_no_paragraph_or_id_with_the_shipped_one():
    shipped, held = load_corpus(), load_corpus(corpus="heldout")
    assert not {a.id for a in shipped} & {a.id for a in held}
    shipped_paragraphs = {text for a in shipped for kind, text in a.body if kind == "paragraph"}
    held_paragraphs = {text for a in held for kind, text in a.body if kind == "paragraph"}
    assert held_paragraphs and not shipped_paragraphs & held_paragraphs
    # nor a headline or a caption
    assert not {t for a in shipped for t in _texts(a)} & {t for a in held for t in _texts(a)}


def test_held_out_corpus_varies_the_conventions_and_keeps_genuine_repetitions():
    held = load_corpus(corpus="heldout")
    text = json.dumps([[a.headline, a.body, a.captions, a.byline, a.signoff] for a in held], ensure_ascii=False)
    for repeated in ("謝謝", "天天", "研究研究", "2020年", "——", "……"):
        assert repeated in text, repeated
    bylines = {a.byline for a in held if a.byline}
    signoffs = {a.signoff for a in held if a.signoff}
    credits = {credit for a in held for _, credit in a.captions}
    assert "【本報訊】" in bylines and any("／" in b and "報導" in b for b in bylines)
    assert any(b.startswith("By ") and " and " in b for b in bylines)
    assert any(s.startswith("(Reporting by") for s in signoffs) and "（完）" in signoffs
    assert any(c.startswith("圖／") for c in credits) and "AFP via Getty Images" in credits
    assert any(a.byline is None for a in held) and any(not a.decks for a in held if a.kind == "article")
    assert any(len(a.body) <= 2 for a in held if a.kind == "article")
    assert any(len(a.body) >= 10 for a in held if a.kind == "article")


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_held_out_character_has_a_glyph_in_its_font(script):
    text = "".join(json.dumps([a.headline, a.decks, a.byline, a.body, a.captions, a.signoff], ensure_ascii=False)
                   for a in load_corpus(script, "heldout"))
    assert missing_glyphs(text.replace("\\n", ""), "tiro" if script == "en" else "cjk") == set()


def test_unknown_corpus_is_refused():
    with pytest.raises(CorpusFormatError):
        load_corpus("en", "nonesuch")


def test_held_out_page_records_its_corpus_and_shipped_pages_do_not():
    shipped, held = plan_set(3, 77, "en"), plan_set(3, 77, "en", "heldout")
    # the same plan, only the text differs
    assert [(p.layout, p.shadow, p.seed) for p in shipped] == [(p.layout, p.shadow, p.seed) for p in held]
    page = build_page(held[0])
    assert page.meta["corpus"] == "heldout" and page.gold["meta"]["corpus"] == "heldout"
    headlines = {a.headline for a in load_corpus("en", "heldout")}
    assert page.gold["articles"] and all(a["headline"] in headlines for a in page.gold["articles"])
    assert "corpus" not in build_page(shipped[0]).meta


def test_a_credit_written_in_brackets_is_printed_in_them_and_gold_keeps_it_without():
    from broadsheet.synth.corpus_format import bare_credit

    assert bare_credit("（中通社圖片）") == "中通社圖片" and bare_credit("(AP)") == "AP"
    assert bare_credit("圖／讀者提供") == "圖／讀者提供" and bare_credit("（）") == "（）"
    bracketed = [(a, credit) for a in load_corpus(corpus="heldout") for _, credit in a.captions
                 if bare_credit(credit) != credit]
    assert bracketed  # the held-out text has one, the shipped text none
    assert not [c for a in load_corpus() for _, c in a.captions if bare_credit(c) != c]
