"""No text is ever lost: every input character is in the output or in `removed`.

The property is checked by offsets, not only as a bag of characters: each
non-whitespace input offset is covered exactly once, by an output span or by a
removal, and output text equals the input at its spans (but for recorded
replacements).
"""

from collections import Counter

from conftest import all_text_fields
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import broadsheet
from broadsheet.samples import sample_text

_PIECES = [
    "張三與李四", "會談", "，", "。", "、", "「", "」", "謝謝", "研究", "●", "▲", "■", "　", " ", "  ", "\n", "\n\n",
    "本報訊（記者 王五 廣州報道）", "資料圖片", "新華社", "記者", "報道", "整理：", "接A2版", "圖為",
    "2020", "年", "11月11日", "——", "……", "The ", "economy", "eco-\n", "nomy", "By Jane Doe\n",
    "Photo: ", "AFP", "(Reuters) -", "\u2f8f", "\uf900", "\u2e9f", "a", "Z", "-", "\t", "\r\n", "ー", "한",
    "●記者 王五 報道\n", "記者 李四 報道\n", "（本報綜合報道）\n", "上接A1版\n", "接A2版\n", "整理：李明\n",
    "（網上圖片）", "（記者 王五 攝）", " 資料圖片", "(Reuters)", "。\n", "Photo: AFP\n", "■ ",
]
page_texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=60).map("".join)


def spans_of(page_dict: dict) -> list[tuple[int, int, str]]:
    out = []
    for article in page_dict["articles"]:
        for key, spans in article["spans"].items():
            if key == "subheadlines":
                for item in spans:
                    out.extend((a, b, key) for a, b in item)
            else:
                out.extend((a, b, key) for a, b in spans)
        for block in article["body"]:
            out.extend((a, b, "body") for a, b in block["spans"])
        for caption in article["captions"]:
            out.extend((a, b, "caption") for a, b in caption["spans"])
            out.extend((a, b, "credit") for a, b in caption.get("credit_spans", []))
    for block in page_dict["unassigned"]:
        out.extend((a, b, "unassigned") for a, b in block["spans"])
        out.extend((a, b, "credit") for a, b in block.get("credit_spans", []))
    return out


def check_accounting(text: str) -> None:
    page = broadsheet.restore(text)
    d = page.to_dict()
    replaced = {r["start"]: r["replacement"] for r in d["removed"] if "replacement" in r}
    covered = Counter()
    for a, b, _field in spans_of(d):
        for offset in range(a, b):
            covered[offset] += 1
    for removal in d["removed"]:
        assert text[removal["start"] : removal["end"]] == removal["text"]
        if "replacement" in removal:
            continue
        for offset in range(removal["start"], removal["end"]):
            covered[offset] += 1
    for offset, ch in enumerate(text):
        if ch.isspace():
            assert covered[offset] <= 1
            continue
        assert covered[offset] == 1, (offset, ch, covered[offset])
    # And as a bag: output characters plus removed ones are the input's.
    out_chars = Counter(ch for ch in "".join(all_text_fields(d)) if not ch.isspace())
    removed_chars = Counter("".join(r["text"] for r in d["removed"] if "replacement" not in r))
    expected = Counter(ch for offset, ch in enumerate(text) if not ch.isspace())
    for offset, new in replaced.items():
        expected[text[offset]] -= 1
        expected[new] += 1
    got = out_chars + removed_chars
    assert +Counter({k: v for k, v in got.items() if not k.isspace()}) == +expected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_texts)
def test_every_character_is_accounted_for(text):
    check_accounting(text)


def test_sample_page_is_accounted_for():
    check_accounting(sample_text())
