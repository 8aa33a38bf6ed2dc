"""The varied tuning corpus: text written to vary bylines, datelines, credits and sign-offs."""

from __future__ import annotations

import json

import pytest

from broadsheet.synth import load_corpus
from broadsheet.synth.corpus_format import SCRIPTS
from broadsheet.synth.typeset import missing_glyphs


def _texts(article) -> list[str]:
    return [article.headline, *article.decks, *(text for _, text in article.body),
            *(text for text, _ in article.captions)]


@pytest.mark.parametrize("script", SCRIPTS)
def test_varied_corpus_parses_with_six_articles_and_a_box_per_script(script):
    corpus = load_corpus(script, "varied")
    assert len([a for a in corpus if a.kind == "article"]) >= 6
    assert any(a.kind == "box" for a in corpus)
    assert all(a.script == script for a in corpus)
    assert len({a.id for a in corpus}) == len(corpus)


def test_varied_corpus_shares_nothing_with_the_shipped_one():
    shipped, varied = load_corpus(), load_corpus(corpus="varied")
    assert not {a.id for a in shipped} & {a.id for a in varied}
    assert not {t for a in shipped for t in _texts(a)} & {t for a in varied for t in _texts(a)}
    # its bylines, credits and sign-offs are other conventions than the shipped text's
    assert not {a.byline for a in shipped if a.byline} & {a.byline for a in varied if a.byline}
    assert not {c for a in shipped for _, c in a.captions} & {c for a in varied for _, c in a.captions}


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_varied_character_has_a_glyph_in_its_font(script):
    text = "".join(json.dumps([a.headline, a.decks, a.byline, a.body, a.captions, a.signoff], ensure_ascii=False)
                   for a in load_corpus(script, "varied"))
    assert missing_glyphs(text.replace("\\n", ""), "tiro" if script == "en" else "cjk") == set()
