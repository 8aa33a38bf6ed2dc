"""Score the text path on gold re-printed as plain text by a simple "other engine".

The dev set's texts come from four real extractors run on our own PDFs; this
checks the same articles printed another way: CJK wrapped at a fixed number of
characters (English at twice that many), with or without blank lines between
blocks, or never wrapped (one line a paragraph). Run from the repository root:

    python tools/reprint_eval.py eval/dev --width 24 --blank
    python tools/reprint_eval.py eval/dev --width 0          # never wrapped
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import broadsheet
from broadsheet.evaluate.metrics import score_page

METRICS = ("block_f1", "article_f1", "headline_association", "paragraph_boundary_f1")


def wrap(text: str, width: int) -> list[str]:
    if width <= 0:
        return [text]
    if all(ord(ch) < 0x2E80 for ch in text):
        lines, line = [], ""
        for word in text.split():
            if line and len(line) + 1 + len(word) > 2 * width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return lines + [line]
    return [text[i : i + width] for i in range(0, len(text), width)]


def reprint(gold: dict, width: int, blank: bool) -> str:
    blocks: list[str] = []
    for article in gold["articles"]:
        blocks += [t for t in (article["headline"], *article["subheadlines"], article["byline"]) if t]
        for block in article["body"]:
            if block["kind"] == "paragraph":
                blocks.append("\n".join(wrap(block["text"], width)))
            else:
                blocks.append(("● " if block["kind"] == "list_item" else "") + block["text"])
        for caption in article["captions"]:
            blocks.append("▲" + caption["text"] + (" " + caption["credit"] if caption["credit"] else ""))
        blocks += [t for t in (article["signoff"], article["continues"]) if t]
    return ("\n\n" if blank else "\n").join(blocks) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dir")
    parser.add_argument("--width", type=int, default=24, help="CJK characters a line; 0 = never wrapped")
    parser.add_argument("--blank", action="store_true", help="a blank line between blocks")
    args = parser.parse_args()
    scores = []
    for gold_file in sorted(Path(args.gold_dir).glob("*/gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        scores.append(score_page(gold, broadsheet.restore(reprint(gold, args.width, args.blank)).to_dict()))
    averages = {m: sum(s[m] for s in scores if s.get(m) is not None) / max(1, sum(1 for s in scores if s.get(m) is not None))
                for m in METRICS}
    print(f"width={args.width} blank={args.blank} pages={len(scores)} "
          + " ".join(f"{m}={v:.3f}" for m, v in averages.items()))


if __name__ == "__main__":
    main()
