"""Pages written for the report tests (and the README screenshot); none is copied from a newspaper.

Each page carries several of the artifacts the repairs undo, so its report has
removals of many reasons to mark: shadowed runs, doubled punctuation, a line
printed twice, justification spaces, bullet marks, a line-end hyphen and a
Kangxi radical standing in for an ideograph.
"""

from __future__ import annotations

from pathlib import Path

# Traditional Chinese and English on one page.
MIXED_PAGE = """A2 要聞

市議會通過新預算市議會通過新預算

記者王小明／台北報導

市議會今日三讀通過明年度總預算，，總額較去年增加百分之五。議長表示，此次預算⾏政部門
提出的教育與交通項目均獲保留。

● 教育經費增加三成
● 交通建設延後兩年

　　反對黨議員批評預算審查過於倉促，要求下次會期重新檢討。

▲ 議員在議場內舉手表決。（李大同攝）

River Bridge Reopens After Repairs

By Jane Doe

The old river bridge reopened on Monday after eight months of repair work, city engi-
neers said. Traffic is expected to return to normal by the end of the week.

Residents welcomed the news. "It was a long wait," said one shop owner near the
eastern end of the bridge.

Continued on Page 3
"""

# Simplified Chinese: a justified, spaced-out line, a line printed twice, and a
# compatibility ideograph outside the Basic Multilingual Plane (U+2F800 for 丽),
# which is two UTF-16 units in the browser and one code point in Python.
SIMPLIFIED_PAGE = """社区图书馆延长开放时间

本报讯　社区图书馆自下月起延长开放时间，周末开放至晚上九点。
馆 方 表 示 ， 此 举 是 为 了 方 便 上 班 族 借 阅 图 书 。
馆 方 表 示 ， 此 举 是 为 了 方 便 上 班 族 借 阅 图 书 。

图书馆还将增设自习区，并提供免费无线网络。读者可以通过网站预约座位。馆长\U0002F800明说，新区下月开放。
"""

# Text that looks like markup must stay text; CRLF line ends and a form feed
# check that the raw pane keeps every code point.
HOSTILE_PAGE = (
    "Council <script>window.__pwned = 1</script> Votes\r\n\r\n"
    'The clerk typed <img src=x onerror="window.__pwned = 2"> into the minutes, and &amp; too.\r\n'
    "Members said the record would be corrected on Friday.\r\n\f\r\n"
    "第二頁：議員表示，會議紀錄將於週五更正（𠀋字不在基本平面）。\r\n"
)


def long_page(paragraphs: int = 160) -> str:
    """Tens of kilobytes of alternating Chinese and English paragraphs, each distinct."""
    parts = ["長篇測試頁：市政建設進度報告", ""]
    for i in range(paragraphs):
        parts.append(f"第{i + 1}段：市政府今日公布第{i + 1}期交通改善計畫，，預計投入經費{(i + 1) * 13}萬元，"
                     "將在明年完成主要路段的拓寬工程。")
        parts.append("")
        parts.append(f"Paragraph {i + 1}: the council voted {i + 7} to {i + 3} on a plan to widen the main road, "
                     "officials said on Tuesday.")
        parts.append("")
    return "\n".join(parts)


def write_pdf(path: Path) -> list[tuple[str, float, bool]]:
    """A one-page PDF of short lines (Traditional Chinese, then English); returns what it drew."""
    import pymupdf

    lines = [
        ("市議會通過新預算", 20, True),
        ("記者王小明／台北報導", 10, True),
        ("市議會今日三讀通過明年度總預算，總額較去年增加百分之五。", 10, True),
        ("議長表示，教育與交通項目均獲保留。", 10, True),
        ("", 10, False),
        ("River Bridge Reopens", 16, False),
        ("The old river bridge reopened on Monday after eight months.", 10, False),
        ("Traffic is expected to return to normal this week.", 10, False),
    ]
    doc = pymupdf.open()
    page = doc.new_page(width=460, height=320)
    y = 40.0
    for text, size, cjk in lines:
        if text:
            page.insert_text((30, y), text, fontsize=size, fontname="china-t" if cjk else "helv")
        y += size + (16 if size > 12 else 10)
    doc.save(path)
    doc.close()
    return lines


def restore_pdf_lines(path: Path, number: int = 1):
    """The PDF's page restored from its text lines with their boxes, without the PDF reader.

    The tests draw boxes from a Page whose blocks carry bboxes; building the
    lines here keeps them independent of ``broadsheet.read.pdf``.
    """
    import pymupdf

    from broadsheet.model import Line, SourcedText
    from broadsheet.pipeline import restore_lines

    texts: list[str] = []
    boxes = []
    with pymupdf.open(path) as pdf:
        for block in pdf[number - 1].get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                texts.append("".join(span["text"] for span in line["spans"]))
                boxes.append(tuple(line["bbox"]))
    source = ""
    model_lines = []
    for index, (text, bbox) in enumerate(zip(texts, boxes, strict=True)):
        start = len(source)
        source += text + "\n"
        blank = 1 if index and bbox[1] - boxes[index - 1][3] > 20 else 0
        model_lines.append(Line(SourcedText.from_input(source, start, start + len(text)), page=number,
                                bbox=bbox, size=bbox[3] - bbox[1], blank_before=blank))
    return restore_lines(model_lines, source, str(path), number=number), source
