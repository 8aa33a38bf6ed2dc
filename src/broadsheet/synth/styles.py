"""Typographic house styles and page furniture, one per script.

Names of papers, editors and sections are invented for broadsheet.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

LANGUAGE = {"hant": "zh-Hant", "hans": "zh-Hans", "en": "en"}


@dataclass(frozen=True, slots=True)
class Style:
    script: str
    cjk: bool
    body_font: str
    body_size: float
    leading: float  # line advance as a multiple of the size
    head_font: str
    deck_font: str
    byline_font: str
    subhead_font: str
    caption_font: str
    credit_font: str
    quote_font: str
    furniture_font: str
    list_marker: str
    caption_marker: str  # drawn before a caption, never part of its gold text
    justify: bool = False  # spread full paragraph lines to the column measure

    @property
    def body_advance(self) -> float:
        return self.body_size * self.leading


def make_style(script: str, rng: random.Random) -> Style:
    if script == "en":
        head = rng.choice(("tibo", "hebo"))
        return Style(
            script=script, cjk=False, body_font="tiro", body_size=rng.choice((8.5, 9.0, 9.5)),
            leading=rng.choice((1.2, 1.25, 1.3)), head_font=head, deck_font="tiit", byline_font="hebo",
            subhead_font=head, caption_font=rng.choice(("helv", "tiro")), credit_font="hebo",
            quote_font="tiit", furniture_font="helv", list_marker="•", caption_marker=rng.choice(("", "", "• ")),
            justify=rng.random() < 0.6,
        )
    return Style(
        script=script, cjk=True, body_font="cjk", body_size=rng.choice((8.5, 9.0, 9.5)),
        leading=rng.choice((1.4, 1.5, 1.6)), head_font="cjk", deck_font="cjk", byline_font="cjk",
        subhead_font="cjk", caption_font="cjk", credit_font="cjk", quote_font="cjk", furniture_font="cjk",
        list_marker=rng.choice(("●", "■", "◆")), caption_marker=rng.choice(("▲", "▲", "■", "")),
        justify=rng.random() < 0.6,
    )


PAPERS = {
    "hant": ("維城日報", "半島晨報", "嶺南時報"),
    "hans": ("南江日报", "城市早报", "北岸晚报"),
    "en": ("THE HARBOUR COURIER", "The Riverside Chronicle", "EASTGATE DAILY"),
}
SECTIONS = {
    "hant": ("港聞", "要聞", "社會", "經濟", "體育", "副刊", "兩岸"),
    "hans": ("要闻", "社会", "经济", "文体", "民生", "城市"),
    "en": ("Metro", "Business", "Nation", "Sport", "Culture", "World"),
}
EDITORS = {"hant": ("劉洋", "陳曉", "周敏", "林峰", "馬麗", "孫浩"), "hans": ("刘洋", "陈晓", "周敏", "林峰", "马丽", "孙浩")}
WEEKDAYS = {"hant": "日一二三四五六", "hans": "日一二三四五六"}

# Continuation pointers as printed: (continues, continued_from) choices per script.
CONTINUES = {
    "hant": ("（轉A{n}版）", "續見A{n}版", "下轉第{z}版"),
    "hans": ("（转第{z}版）", "下转A{n}版", "转A{n}版"),
    "en": ("Continued on A{n}", "See Page A{n}", "Continued on Page {n}"),
}
CONTINUED_FROM = {
    "hant": ("（接A1版）", "上接第一版", "接A{n}版"),
    "hans": ("（上接第一版）", "接A{n}版", "上接A{n}版"),
    "en": ("Continued from A1", "From Page 1", "Continued from Page {n}"),
}
ZH_NUMERALS = "零一二三四五六七八九十"

# Labels a news-in-brief column may carry (page furniture, like a section name).
BRIEF_LABELS = {
    "hant": ("簡訊", "新聞簡報", "快訊", "要聞速遞"),
    "hans": ("简讯", "新闻速览", "快讯", "本地简报"),
    "en": ("IN BRIEF", "News in Brief", "BRIEFLY", "AROUND THE REGION"),
}


def pointer(template: str, rng: random.Random) -> str:
    n = rng.randint(2, 9)
    return template.format(n=n, z=ZH_NUMERALS[n])


def page_date(rng: random.Random) -> dt.date:
    return dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 364))


def format_date(date: dt.date, script: str) -> str:
    if script == "en":
        return date.strftime("%A, %B ") + f"{date.day}, {date.year}"
    weekday = WEEKDAYS[script][(date.weekday() + 1) % 7]
    return f"{date.year}年{date.month}月{date.day}日　星期{weekday}"


@dataclass(frozen=True, slots=True)
class Furniture:
    """Strings of the page's top band (left to right) and optional bottom line."""

    top: tuple[str, ...]
    bottom: str | None


def make_furniture(script: str, rng: random.Random) -> Furniture:
    paper = rng.choice(PAPERS[script])
    section = rng.choice(SECTIONS[script])
    date = format_date(page_date(rng), script)
    number = rng.randint(2, 16)
    if script == "en":
        folio = rng.choice((f"A{number}", f"B{number}", str(number)))
        top = (folio, section.upper() if rng.random() < 0.5 else section, paper, date)
    else:
        folio = rng.choice((f"A{number}", f"第{number}版", f"B{number}"))
        top = (folio, section, paper, date)
    bottom = None
    if script == "hans" and rng.random() < 0.7:
        a, b = rng.sample(EDITORS["hans"], 2)
        bottom = f"责任编辑：{a}　美术编辑：{b}"
    elif script == "hant" and rng.random() < 0.4:
        a = rng.choice(EDITORS["hant"])
        bottom = f"責任編輯：{a}"
    elif script == "en" and rng.random() < 0.4:
        bottom = f"{paper} | {date} | {folio}"
    return Furniture(top=top, bottom=bottom)
