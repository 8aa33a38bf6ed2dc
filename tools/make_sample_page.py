"""Writes the bundled sample page: fictional news, wrapped at a narrow column and
given, by hand-placed rules, each artifact broadsheet repairs. Run from the repo root:

    python tools/make_sample_page.py

The gold file beside it (sample_page_zh_hant.gold.json) is written and checked by hand.
"""

from pathlib import Path

WIDTH = 18
KANGXI_WALK = "\u2f8f"  # ⾏, as some CJK fonts map 行


def wrap(text: str, width: int = WIDTH, blank_after: set[int] = frozenset(), spaced: set[int] = frozenset()) -> str:
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    out = []
    for number, line in enumerate(lines):
        out.append(" ".join(line) if number in spaced else line)
        if number in blank_after:
            out.append("")
    return "\n".join(out)


def double(text: str, chunks: list[int]) -> str:
    """Shadow doubling as extractors emit it: each chunk printed twice in a row."""
    out, pos = [], 0
    for size in chunks:
        out.append(text[pos : pos + size] * 2)
        pos += size
    out.append(text[pos:] * 2 if pos < len(text) else "")
    return "".join(out)


HARBOUR_1 = ("本報訊（記者 陳嘉欣 香港報道）東區海濱長廊延伸工程昨日獲立法會工務小組委員會通過撥款，"
             "涉及開支約十九億元。土木工程拓展署表示，工程將於明年第一季動工，分三期進" + KANGXI_WALK + "，預計2028年全線完工。")
HARBOUR_2 = ("署方發言人指出，新段長廊全長三點二公里，沿途設有單車徑、休憩亭及兩個寵物公園。"
             "居民常常反映現有長廊在北角一段中斷，要繞道英皇道才能繼續前往筲箕灣，「這次終於可以一路走到底。」")
HARBOUR_3 = ("區議員黃志強表示，社區對工程期待已久，但希望署方在施工期間減少噪音，"
             "「我們要求研究研究晚間施工的安排，謝謝各方體諒。」他又指，2020年首次諮詢時已有逾千名居民聯署支持。")
LIBRARY_1 = "館方表示，自11月11日起，中央圖書館及六間分館將延長開放時間至晚上十時，以配合學生溫習需要。"
LIBRARY_2 = ("不少家長常常帶同子女到館溫習，館內自修室座位經常爆滿。"
             "有中學生說：「考試前一星期，每晚都要排隊——有時排到八點才有位。」")
TEAHOUSE = ("灣仔一間經營逾半世紀的老字號茶樓，經過一年翻新後昨日重開，早上七時已有數十名街坊在門外等候。"
            "東主梁先生說，裝修期間不斷收到熟客來電問何時重開……「大家高高興興回來飲茶，比甚麼都重要。」")

# The harbour story is cut by a bullet box: its third paragraph starts mid-column
# after the box, and its photo caption (shadowed throughout) lands below it.
# The library story's headline comes out at the foot of the page, after the
# tea-house story whose headline was set vertically.
PAGE = "\n".join([
    "A4　港聞",
    "2026年11月26日　星期四",
    "",
    double("海濱長廊延伸工程明年動工", [4]),
    "全長三點二公里　預計2028年完工",
    "",
    wrap(HARBOUR_1, blank_after={1}),
    "",
    wrap(HARBOUR_2),
    "",
    "工程要點",
    "●全長三點二公里，分三期施工",
    "●設單車徑及兩個寵物公園",
    "●預計2028年全線完工",
    wrap(HARBOUR_3),
    "▲▲" + double("圖為市民在現有海濱長廊散步", [2]) + "。。 資料圖片資料圖片",
    "",
    wrap(LIBRARY_1),
    "",
    wrap(LIBRARY_2, spaced={1}),
    "●記者 李志明 報道",
    "",
    "\n".join("茶樓重開"),
    "",
    wrap(TEAHOUSE),
    "接A6版",
    "",
    double("公共圖書館延長開放時間", [5]),
    "",
])

if __name__ == "__main__":
    target = Path("src/broadsheet/data/sample_page_zh_hant.txt")
    target.write_text(PAGE, encoding="utf-8")
    print(f"wrote {target} ({len(PAGE)} characters)")
