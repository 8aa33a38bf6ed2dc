"""One output record per restored page, with the same fields and types in every record.

A record is the page contract's articles and unassigned blocks plus the batch's
own fields::

    {"id", "page", "language", "articles", "unassigned", "removed_counts", "source"}

Columnar readers (pyarrow, Hugging Face ``datasets``) fix a column's type from
the records they see first, so a field that is sometimes missing, or a struct
whose keys vary, breaks the load thousands of records later. Every record here
is therefore normalised to :func:`record_schema`: optional fields are always
present (``null`` when absent: a text page's blocks have ``"page": null,
"bbox": null``), the per-field ``spans`` object always has all its keys, and
``removed_counts`` always has one key per removal reason the pipeline can give
(zero when unused). The schema is the one the Parquet writer uses, and the one
to pass as ``features`` to ``datasets`` for a corpus whose first records lack
some optional field entirely (see docs/batch.md).
"""

from __future__ import annotations

from functools import lru_cache
from collections.abc import Callable

from ..model import Page
from ..repair import REPAIRS

# Reasons the pipeline gives besides the repairs' own names (stages outside REPAIRS).
OTHER_REMOVAL_REASONS = ("drop_later_copies", "join_wrapped_lines", "strip_bullet_marker")
# A reason not listed above (a stage added later) is counted here rather than
# adding a key some records lack; tests/test_batch.py fails when that happens on
# the sample page, so the list gets updated.
UNLISTED_REASON = "other"

ARTICLE_TEXT_FIELDS = ("headline", "byline", "signoff", "continues", "continued_from")
SPAN_FIELDS = ARTICLE_TEXT_FIELDS + ("subheadlines",)


def removal_reasons() -> tuple[str, ...]:
    return tuple(REPAIRS) + OTHER_REMOVAL_REASONS + (UNLISTED_REASON,)


def _block(block: dict) -> dict:
    return {"kind": block["kind"], "text": block["text"], "spans": block.get("spans", []),
            "page": block.get("page"), "bbox": block.get("bbox")}


def _caption(caption: dict) -> dict:
    return {"text": caption["text"], "credit": caption.get("credit"), "spans": caption.get("spans", []),
            "credit_spans": caption.get("credit_spans"), "page": caption.get("page"), "bbox": caption.get("bbox")}


def _article(article: dict) -> dict:
    spans = article.get("spans") or {}
    out = {name: article.get(name) for name in ARTICLE_TEXT_FIELDS}
    out["subheadlines"] = list(article.get("subheadlines") or [])
    out["body"] = [_block(b) for b in article.get("body", [])]
    out["captions"] = [_caption(c) for c in article.get("captions", [])]
    out["spans"] = {name: spans.get(name) for name in SPAN_FIELDS}
    return {key: out[key] for key in ("headline", "subheadlines", "byline", "body", "captions", "signoff",
                                      "continues", "continued_from", "spans")}


def count_removals(removed: list[dict]) -> dict[str, int]:
    counts = dict.fromkeys(removal_reasons(), 0)
    for removal in removed:
        reason = removal.get("reason")
        counts[reason if reason in counts else UNLISTED_REASON] += 1
    return counts


def page_record(page: Page, record_id: str, source: str, convert: Callable[[str], str] | None = None) -> dict:
    """The batch record of one restored page (page 1 for a text page)."""
    contract = page.to_dict()
    record = {
        "id": record_id,
        "page": page.number if page.number is not None else 1,
        "language": contract.get("language"),
        "articles": [_article(a) for a in contract["articles"]],
        "unassigned": [_block(b) for b in contract["unassigned"]],
        "removed_counts": count_removals(contract["removed"]),
        "source": source,
    }
    if convert is not None:
        convert_record_text(record, convert)
    return record


def convert_record_text(record: dict, convert: Callable[[str], str]) -> None:
    """Apply a script conversion (OpenCC) to every text field, in place.

    Spans keep pointing at the original input: they are provenance, and a
    conversion that changes a phrase's length does not move the source.
    """

    def text(value: str | None) -> str | None:
        return convert(value) if value else value

    for article in record["articles"]:
        for name in ARTICLE_TEXT_FIELDS:
            article[name] = text(article[name])
        article["subheadlines"] = [text(s) for s in article["subheadlines"]]
        for block in article["body"]:
            block["text"] = text(block["text"])
        for caption in article["captions"]:
            caption["text"] = text(caption["text"])
            caption["credit"] = text(caption["credit"])
    for block in record["unassigned"]:
        block["text"] = text(block["text"])


@lru_cache(maxsize=1)
def record_schema():
    """The pyarrow schema every record conforms to (needs the ``parquet`` extra)."""
    import pyarrow as pa

    spans = pa.list_(pa.list_(pa.int64()))
    bbox = pa.list_(pa.float64())
    block = pa.struct([("kind", pa.string()), ("text", pa.string()), ("spans", spans),
                       ("page", pa.int64()), ("bbox", bbox)])
    caption = pa.struct([("text", pa.string()), ("credit", pa.string()), ("spans", spans),
                         ("credit_spans", spans), ("page", pa.int64()), ("bbox", bbox)])
    article_spans = pa.struct([(name, spans) for name in ARTICLE_TEXT_FIELDS] + [("subheadlines", pa.list_(spans))])
    article = pa.struct([
        ("headline", pa.string()), ("subheadlines", pa.list_(pa.string())), ("byline", pa.string()),
        ("body", pa.list_(block)), ("captions", pa.list_(caption)), ("signoff", pa.string()),
        ("continues", pa.string()), ("continued_from", pa.string()), ("spans", article_spans),
    ])
    return pa.schema([
        ("id", pa.string()),
        ("page", pa.int64()),
        ("language", pa.string()),
        ("articles", pa.list_(article)),
        ("unassigned", pa.list_(block)),
        ("removed_counts", pa.struct([(reason, pa.int64()) for reason in removal_reasons()])),
        ("source", pa.string()),
    ])
