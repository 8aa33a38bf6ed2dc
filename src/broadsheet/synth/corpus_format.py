"""Parse the synthesizer's article markup (see :mod:`broadsheet.synth.corpus`) into records."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

SCRIPTS = ("hant", "hans", "en")
# Which text the pages are set from: "shipped" is the text every rule was tuned on;
# "heldout" is text written apart and never used for tuning (docs/synth.md).
CORPORA = {"shipped": "broadsheet.synth.corpus", "heldout": "broadsheet.synth.corpus_heldout",
           # text written for tuning the cues to conventions the shipped text does not use
           "varied": "broadsheet.synth.corpus_varied"}


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """One written article (or, with ``kind == "box"``, a framed bullet box)."""

    id: str
    kind: str  # "article" | "box"
    script: str
    headline: str
    decks: tuple[str, ...] = ()
    byline: str | None = None
    # (kind, text) with kind in paragraph | subhead | list_item, in reading order
    body: tuple[tuple[str, str], ...] = ()
    captions: tuple[tuple[str, str], ...] = ()  # (text, credit)
    signoff: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [text for kind, text in self.body if kind == "paragraph"]


@dataclass(slots=True)
class _Draft:
    id: str
    kind: str
    headline: str = ""
    decks: list[str] = field(default_factory=list)
    byline: str | None = None
    body: list[tuple[str, str]] = field(default_factory=list)
    captions: list[tuple[str, str]] = field(default_factory=list)
    signoff: str | None = None


class CorpusFormatError(ValueError):
    pass


def bare_credit(credit: str) -> str:
    """A credit as the gold holds it: without the brackets it may be written in, as printed
    (``（中通社圖片）`` -> ``中通社圖片``; the page contract keeps a credit's words, not its brackets)."""
    if len(credit) > 2 and credit[0] in "（(" and credit[-1] in "）)":
        return credit[1:-1]
    return credit


def parse_corpus(text: str, script: str) -> list[CorpusArticle]:
    drafts: list[_Draft] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("=== "):
            parts = line[4:].split()
            if len(parts) != 2 or parts[0] not in ("article", "box"):
                raise CorpusFormatError(f"{script} line {number}: expected '=== article|box <id>'")
            drafts.append(_Draft(id=parts[1], kind=parts[0]))
            continue
        if not drafts:
            raise CorpusFormatError(f"{script} line {number}: text before the first '===' header")
        draft = drafts[-1]
        if line.startswith("### "):
            draft.body.append(("subhead", line[4:].strip()))
        elif line.startswith("## "):
            draft.decks.append(line[3:].strip())
        elif line.startswith("# "):
            draft.headline = line[2:].strip()
        elif line.startswith("@ "):
            draft.byline = line[2:].strip()
        elif line.startswith("- "):
            draft.body.append(("list_item", line[2:].strip()))
        elif line.startswith("! "):
            caption, sep, credit = line[2:].partition("|")
            if not sep:
                raise CorpusFormatError(f"{script} line {number}: a caption needs 'text | credit'")
            draft.captions.append((caption.strip(), credit.strip()))
        elif line.startswith("~ "):
            draft.signoff = line[2:].strip()
        else:
            draft.body.append(("paragraph", line))
    articles = []
    for d in drafts:
        if not d.headline or not d.body:
            raise CorpusFormatError(f"{script} {d.id}: needs a headline and a body")
        articles.append(CorpusArticle(
            id=d.id, kind=d.kind, script=script, headline=d.headline, decks=tuple(d.decks),
            byline=d.byline, body=tuple(d.body), captions=tuple(d.captions), signoff=d.signoff,
        ))
    return articles


def load_corpus(script: str | None = None, corpus: str = "shipped") -> list[CorpusArticle]:
    """Every article and box of one corpus (default :mod:`broadsheet.synth.corpus`; ``"heldout"``
    is :mod:`broadsheet.synth.corpus_heldout`), optionally of one script."""
    if corpus not in CORPORA:
        raise CorpusFormatError(f"unknown corpus {corpus!r}; choose from {', '.join(CORPORA)}")
    scripts = SCRIPTS if script is None else (script,)
    out: list[CorpusArticle] = []
    for name in scripts:
        module = import_module(f"{CORPORA[corpus]}.{name}")
        out.extend(parse_corpus(module.TEXT, name))
    return out
