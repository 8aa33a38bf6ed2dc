"""What a line says about its own role, from its words alone.

Newspapers mark bylines, captions, credits, sign-offs and continuation lines
with a small set of conventions; these patterns name them for Chinese
(Traditional and Simplified) and English papers. They are cues, not verdicts:
segmentation and assembly weigh them against layout.
"""

from __future__ import annotations

from collections.abc import Iterable

import re

import regex

from .wordlists import in_chinese_word, in_common_chinese_word

# Forms with no Unicode property class (\p{Han}) are compiled with the standard library's
# re, which runs them two to three times as fast as regex does: every line of a page is
# tried against them (on the dev PDFs' lines: FURNITURE 13.3 ms against 4.5 ms).
#
# Every line of a page is asked about several forms, and most open on a character no match
# of a form can open on: each form's ``*_OPENINGS`` lists those characters (read off its
# alternatives, and checked against the pattern in tests/test_cues.py), so that a line is
# tried only against the forms it can match, by a test that costs a fraction of the try.

BULLET_MARKS = "●•◆◇■□▪‧・◎○★☆※►▶▸▹✓✔➤"
CAPTION_MARKS = "▲△▼▽◀◄"

_AGENCIES_ZH = r"新華社|新华社|中新社|中央社|中通社|美聯社|美联社|路透社|法新社|彭博社|共同社|韓聯社|韩联社|歐新社|欧新社|塔斯社|法廣|美聯社圖片|路透社圖片"
_AGENCIES_EN = (r"AFP|AP|Reuters|Getty Images|EPA|EPA-EFE|Bloomberg|Xinhua|Associated Press|Shutterstock|AFP/Getty Images|Pool|Handout|File photo|File"
                # as the wires print their own names, in capitals, and the Asian agencies
                r"|REUTERS|XINHUA|BLOOMBERG|EFE|Kyodo|KYODO|Yonhap|YONHAP|Kyodo News|AAP|ANP|Imaginechina|ZUMA Press|NurPhoto|SOPA Images"
                # a picture the people in the story gave the paper, as Australian papers credit it
                r"|Supplied|SUPPLIED")
# A wire service or picture agency named alone in brackets: (Reuters), （新華社）.
BRACKETED_AGENCY = regex.compile(rf"[（(]\s*(?:{_AGENCIES_ZH}|{_AGENCIES_EN})\s*[）)]$")

_CREDIT_LEADS = (
    r"|(?:圖|图|照片|圖片|图片|攝影|摄影)\s*[／/]\s*\S.{0,24}|(?:圖片來源|图片来源|圖源|图源|照片來源|照片来源)\s*[:：]\s*\S.{0,24}"
    r"|(?<=[（(]\s*)(?:取自|翻攝自|翻摄自|擷取自|撷取自|截自|翻攝|翻摄)\S.{0,24}(?=\s*[）)])"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s*/\s*(?:The\s+|THE\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}(?:\s+via\s+Getty\s+Images)?"
    r"|(?:[A-Z]{1,6}\s+)?(?:PHOTOS?|PICTURES?)\s*:\s*\S.{0,50}"
    r"|(?:(?:Photo|Photograph|Image|Picture)s?\s+(?:courtesy|Courtesy|COURTESY)(?:\s+of)?|(?:Courtesy|COURTESY)\s+(?:of|OF)|(?:Courtesy|COURTESY)\s*:)\s+\S.{0,50}"
)
# A file picture, as Taiwan's and mainland papers credit it, and China Foto Press.
_FILE_PICTURE = r"資料照片?|资料照片?|檔案照片?|档案照片?|CFP"
CREDIT = regex.compile(
    r"^(?:[（(]\s*)?(?:"
    rf"(?:{_AGENCIES_ZH})(?:圖片|图片|照片)?"
    rf"|資料圖片|资料图片|資料圖|资料图|{_FILE_PICTURE}|網上圖片|网上图片|網絡圖片|网络图片|視覺中國|视觉中国|東方IC|东方IC|人民視覺|人民视觉|IC\s?Photo|受訪者供圖|受访者供图|受訪者提供|受访者提供|視頻截圖|视频截图|本報記者\S{{0,6}}[攝摄]|"
    r"[\p{Han}\s]{1,12}[攝摄](?:影)?|[\p{Han}]{1,8}供圖|[\p{Han}]{1,8}供图|[\p{Han}]{1,8}提供"
    # A wire's picture handed on (新华社发; 新华社发 王某摄, its photographer in brackets or not);
    # a paper's photographer named with the paper (香港文匯報記者 葉詠詩 攝).
    rf"|(?:{_AGENCIES_ZH})(?:發|发)(?:\s*[（(]?[\p{{Han}}\s]{{1,8}}[攝摄][）)]?)?|[\p{{Han}}\s]{{4,8}}(?:記者|记者)\s?[\p{{Han}}\s]{{2,8}}[攝摄]"
    rf"|(?:Photo|Photograph|Picture|Image|Credit|Illustration|Graphic|Artwork)s?\s*(?:[:：]|by)\s*.{{1,60}}|(?:{_AGENCIES_EN})(?:\s*(?:photo|Photo|PHOTO))?(?:\s*/\s*\S.{{0,40}})?(?:\s+via\s+Getty\s+Images)?"
    # A picture handed out by whoever it names: Museum handout, Police Handout photo.
    r"|(?:[A-Z][\w.&'’-]*\s+){1,3}(?:handout|Handout|HANDOUT)(?:\s+(?:photo|Photo|image|Image))?"
    # Credits that open on their lead: 圖／X, 图/视觉中国, 图片来源：X; the photographer and
    # the paper or wire (Jane Fong/Bloomberg via Getty Images, KELVIN CHNG/THE STRAITS TIMES);
    # ST PHOTO: X; Photo courtesy of X; and in brackets only, where a picture was taken from
    # (（取自臉書）, （翻攝畫面）): unbracketed, 取自 opens running text as well.
    + _CREDIT_LEADS +
    r")(?:\s*[）)])?$"
)
# What a credit can open on: a bracket, a space, or the first letter of one of the English
# forms; a Chinese form, which may open on any ideograph, ends (before an optional closing
# bracket, and a final newline ``$`` lets past) on one of the ending characters.
CREDIT_OPENINGS = "（(ABCDEFGHIJKLMNOPQRSTUVWXYZ圖图照攝摄"
CREDIT_CHINESE_ENDINGS = "社廣片圖图國国C覺觉供攝摄影發发照P）)\n"


# A credit opening on a Latin capital is in an English form (or CFP, IC Photo): it opens on
# the form's word or a wire's name, or holds the slash of a photographer and paper
# (Jane Fong/Bloomberg), the colon of a lead (ST PHOTO: X) or a handout. Most English lines
# open on a capital, and the form costs the most to try of all.
_CREDIT_LATIN_OPENINGS = ("Photo", "Picture", "Image", "Credit", "Illustration", "Graphic", "Artwork", "Courtesy",
                          "COURTESY", "CFP", "IC", *_AGENCIES_EN.split("|"))


def may_be_credit(line: str) -> bool:
    """Whether :data:`CREDIT` can match ``line`` at all, told by its first and last
    characters, and for a line opening on a Latin capital by its first word or a mark in it."""
    first = line[:1]
    if "A" <= first <= "Z":
        return line.startswith(_CREDIT_LATIN_OPENINGS) or "/" in line or ":" in line or "andout" in line \
            or "ANDOUT" in line
    return first in CREDIT_OPENINGS or first.isspace() or line[-1:] in CREDIT_CHINESE_ENDINGS


# A credit closing a caption: "…在廣場上集會。 新華社" or "... (Reuters)".
# The groups of TRAILING_CREDIT (and of the PDF path's own credit forms) that hold the credit.
CREDIT_GROUPS = ("credit", "paren_en", "bare")
TRAILING_CREDIT = regex.compile(
    rf"(?:\s*[（(]\s*(?P<credit>[^（）()]{{1,24}}(?:攝|摄|供圖|供图|圖片|图片)|{_FILE_PICTURE}|"
    rf"(?:{_AGENCIES_ZH}|{_AGENCIES_EN})"
    # and the credits that open on their lead (（图/视觉中国）, （图片来源：市图书馆）, （取自臉書）)
    r"|(?:圖|图|圖片來源|图片来源|圖源|图源)\s*[／/:：]\s*[^（）()]{1,20}|(?:取自|翻攝自|翻摄自|翻攝|翻摄|截自)[^（）()]{1,20}"
    r")\s*[）)]"
    # (an extractor may part the bracket from the credit it holds: "Singapore. ( REUTERS/Edgar Su)")
    r"|\s*\(\s*(?P<paren_en>[A-Z][\w.&'’/ -]{0,39}[\w.]|(?:Photo|Picture)s?\s+courtesy\s+of\s+[^()]{1,50}?|"
    r"(?:[A-Z]{1,6}\s+)?(?:PHOTOS?|PICTURES?)\s*:\s*[A-Z][\w.'’ -]{0,39}[\w.])\s*\)"
    # Never between 記者 and the name it introduces (記者 王五 攝).
    rf"|(?<![記记]者)\s+(?P<bare>(?:{_AGENCIES_ZH})(?:圖片|图片|發|发)?|資料圖片|资料图片|網上圖片|网上图片"
    # a paper's photographer named with the paper (　香港文匯報記者 葉詠詩 攝), 圖／X
    r"|\p{Han}{1,6}(?:記者|记者)\s?\p{Han}{2,4}\s?[攝摄]|(?:圖|图)\s?[／/]\s?[^\s（）()。]{1,16}"
    rf"|(?:記者|记者)?\s?[\p{{Han}}]{{1,6}}\s?[攝摄]|(?:{_AGENCIES_EN})(?:\s+Photo)?(?:/[A-Z][\w ]{{1,30}})?|(?:Photo|Picture)s?\s*[:：]\s*\S.{{0,40}}|(?:Photo|Picture)s?\s+courtesy\s+of\s+\S.{{0,50}}|(?:Photo|Picture)s?\s+by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}})"
    # the photographer and the paper or wire, after the caption's last sentence only
    # (… swing bridge. Jane Fong/Bloomberg via Getty Images; never … in Sham Shui Po. AP Photo/…)
    r"|(?<=[.!?][\"”’]?)\s+(?P<bare>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3}\s*/\s*(?:The\s+|THE\s+)?[A-Z][\w.'’&-]*"
    r"(?:\s+[A-Z][\w.'’&-]*){0,3}(?:\s+via\s+Getty\s+Images)?"
    # a paper's lead in capitals and the photographer (… the trial. ST PHOTO: KELVIN LIM)
    r"|(?:[A-Z]{1,6}\s+)?(?:PHOTOS?|PICTURES?)\s*:\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))$"
)

# "Photo: Lakeside Times" — a lead-in naming no more than a source: a credit, not a caption.
NAMED_SOURCE = re.compile(r"^(?:Photo|Picture|Image|Photograph)s?\s*(?:[:：]|by)\s*(?:[A-Z][\w.'’&-]*\s?){1,4}"
                          # and the paper or wire the photographer works for: Photo: Tom Baxter/The Ledger
                          r"(?:/\s?(?:[A-Z][\w.'’&-]*\s?){1,4})?$")
NAMED_SOURCE_OPENINGS = "PI"

CAPTION_LEAD = re.compile(
    rf"^(?:[{CAPTION_MARKS}]|圖為|图为|圖：|图：|上圖|上图|下圖|下图|左圖|左图|右圖|右图|圖左|圖右|图左|图右|"
    r"(?:圖|图)\s?\d+[：:\s]|(?:Photo|Pictured|Picture|Above|Below|Top|Bottom|Left|Right|Inset|FILE PHOTO)\s*[:：]|"
    r"(?:Photo|Picture):)"
)
CAPTION_LEAD_OPENINGS = CAPTION_MARKS + "圖图上下左右PABTLRIF"

# Wire services whose datelines open a story (新华社北京3月5日电, 中央社台北15日電).
_WIRES_ZH = r"新華社|新华社|中新社|中新網|中新网|中央社|中通社|路透社|法新社|美聯社|美联社|共同社"

# What follows 記者 when it opens a sentence (记者从铁路部门获悉, 記者昨日在現場看到), not a name.
_REPORTER_DOES = (r"(?!從|从|在|近日|日前|今天|今日|昨天|昨日|前日|獲悉|获悉|了解|走訪|走访|來到|来到|看到|發現|发现|注意到"
                  r"|跟隨|跟随|實地|实地|採訪|采访|通過|通过|調查|调查|專訪|专访)")

# The wires an English byline names after its reporter (Jane Doe, The Associated Press).
_WIRES_EN = ("The Associated Press", "Associated Press", "Reuters", "Bloomberg", "Agence France-Presse", "AFP",
             "Kyodo News", "Xinhua", "The New York Times", "The Washington Post")
BYLINE = regex.compile(
    r"^(?:"
    r"(?:本報訊|本报讯|本報專訊|本报专讯|綜合報道|综合报道)"
    r"|\S{0,6}(?:報|报)(?:訊|讯)(?:[（(][^）)]{1,30}[）)])?$"
    # Taiwan's papers set the reporter's line in tortoise-shell brackets (〔記者林文／台北報導〕);
    # Macau's open on 【本報消息】.
    r"|[【〔［][^】〕］]{1,16}(?:訊|讯|電|电|報導|报导|報道|报道|消息)[】〕］]"
    # A wire's dateline: the month may be left out (中央社記者林佳慧台北15日電), a special
    # correspondent's is 專電, and Taiwan's papers bracket it. A PDF's text may space the
    # figures from the characters (新华社南京7 月28 日电).
    rf"|[（(]?(?:{_WIRES_ZH})\S{{0,12}}?(?:\d{{1,2}}\s?月\s?)?\d{{1,2}}\s?日(?:專|专)?(?:電|电)"
    rf"|(?:本報|本报)(?:記者|记者)\s*{_REPORTER_DOES}\S{{2,10}}"
    # A special or resident correspondent (本報特派記者 王五, 本报驻京记者 李四), and a wire's
    # reporters on a line of their own (新华社记者 张三 李四: a space sets the names apart, as
    # running text, 新华社记者从…获悉, does not).
    r"|(?:本報|本报)(?:特派|特約|特约|[駐驻]\S{1,4})(?:記者|记者)\s*\p{Han}{2,4}(?:\s*[、\s]\s*\p{Han}{2,4})*\s*(?:報道|报道|報導|报导)?$"
    rf"|(?:{_WIRES_ZH})(?:特派|[駐驻]\S{{1,4}})?(?:記者|记者)\s+\p{{Han}}{{2,4}}(?:\s*[、\s]\s*\p{{Han}}{{2,4}})*$"
    # A marked reporter's line (□本报记者 马晓东 文/图, ■香港文匯報記者 葉詠詩): the mark is
    # the paper's, the paper's name may lead, a correspondent (通讯员) may follow.
    # (the paper may lead without a mark too: 人民日報記者 王五, 本報實習記者 陳大文; a
    # correspondent may come first: 本报通讯员 张三 记者 李四)
    r"|(?:[□■◎]\s*(?:\p{Han}{1,5}(?:報|报))?)?(?:本報|本报)?(?:(?:通訊員|通讯员)\s*\p{Han}{2,4}\s+)?"
    r"(?:特約|特约|實習|实习|見習|见习|特派)?(?:記者|记者)\s*" + _REPORTER_DOES
    + r"\p{Han}{2,4}(?:\s*[、\s／/]\s*\p{Han}{2,4})*"
    # (a correspondent after the reporter, where the extractor kept no space: 记者何雨欣通讯员张伟)
    r"(?:\s*(?:通訊員|通讯员)\s*\p{Han}{2,4})?"
    r"\s*(?:報道|报道|報導|报导|攝|摄|文[/／](?:圖|图)|攝影報道|摄影报道)?$"
    r"|(?:文|撰文|圖文|图文|文[、/／](?:圖|图))\s*[／/:：]\s*\S{2,12}(?:\s+\p{Han}{2,4})?(?:\s+(?:攝影|摄影|圖|图)\s*[／/:：]\s*\S{2,12})?$"
    r"|(?:編譯|编译)\s*[／/]\s*\p{Han}{2,4}(?:\s*、\s*\p{Han}{2,4})*$"
    # Another paper's reporter, the name set apart (人民日報記者 王五, 明報記者 陳大文: run on,
    # 據報記者王五說 is running text).
    r"|\p{Han}{1,4}(?:報|报)(?:特約|特约|實習|实习|見習|见习|特派|[駐驻]\S{1,4})?(?:記者|记者)[ \u3000]+\p{Han}{2,4}(?:[ \u3000、]+\p{Han}{2,4})*$"
    # Taiwan's correspondents and translators, with where they filed from (特派員王五／東京報導,
    # 駐歐特派員王五／布魯塞爾報導, 編譯王五／綜合外電報導).
    r"|(?:[駐驻]\S{1,4})?(?:特派員|特派员|編譯|编译)\s*\p{Han}{2,4}(?:\s*、\s*\p{Han}{2,4})*\s*[／/]\s*\S{2,10}(?:報導|报导|報道|报道)$"
    # Singapore's papers: the name, 报道, and the reporter's address (游润恬 报道 yourt@sph.com.sg).
    r"|\p{Han}{2,4}(?:\s*[、和]\s*\p{Han}{2,4})*\s+(?:報道|报道|報導|报导)(?:\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?$"
    # By in capitals as well (BY MARIA LOPEZ AND DAVID CHEN), or a story's "Story by", "Text and
    # photos by"; a reporter may be placed where they filed from (By Emily Tsang in Hong Kong).
    r"|(?:By|BY|(?:Story|Text|Words|Report|Reporting|Analysis)(?:\s+and\s+(?:photos?|pictures?))?\s+by)\s+"
    r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|AND|&)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*"
    r"(?:\s+(?:and|AND|&))?(?:\s+in\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?(?:\s*[|,/].{0,40})?"
    r"(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?$"
    # A wire's reporter (Jane Doe, The Associated Press), and a story written for the paper.
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*,\s*(?:" + "|".join(_WIRES_EN) + r")$"
    r"|Special\s+to\s+[Tt]he\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}$"
    # A story with no reporter's name: From staff reports, Staff and wire reports.
    r"|(?:From\s+(?:staff|wire|news|Staff|Wire|News)|Staff|Wire|News)(?:\s+and\s+(?:[Ss]taff|[Ww]ire|[Nn]ews))?\s+(?:reports|services)$"
    # A name and the desk it writes for, in capitals: Sarah Whitfield, Education Correspondent.
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*[,|/]\s*(?:[A-Z][\w-]+\s+){0,3}"
    r"(?:Correspondent|Reporter|Writer|Editor|Columnist|Bureau Chief|Staff Writer)s?$"
    # The wire's dateline, its date too (LONDON, March 5 (Reuters) -; TAIPEI, Taiwan (AP) —).
    r"|[A-Z][A-Z .'-]{1,30}(?:,\s*[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+)?(?:\s+\d{1,2})?)?\s*\(\s*(?:Reuters|AP|AFP|Bloomberg|Xinhua|CNN|Kyodo|Yonhap|dpa|UPI|Bernama|AAP)\s*\)\s*(?:[-—–]|$)"
    r")"
)
# What a byline can open on, but for the ``…報訊`` form, whose 訊 stands within its first eight characters.
BYLINE_OPENINGS = "本綜综【〔［（(□■◎特實实見见新中路法美共記记文撰圖图編编駐驻通ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# The Singapore form opens on the reporter's name: a line is tried on it only when it reads 报道.
_REPORTED = ("報道", "报道", "報導", "报导")


def may_be_byline(line: str) -> bool:
    """Whether :data:`BYLINE` can match ``line`` at all."""
    # The four words spelled out: a generator over _REPORTED costs more than the tests.
    return (line[:1] in BYLINE_OPENINGS or "訊" in line[1:8] or "讯" in line[1:8]
            or "報道" in line or "报道" in line or "報導" in line or "报导" in line)


# The forms of BYLINE a line opening on a Latin capital can match: By …, Story (Text, Words,
# Report, Analysis) by …, From staff reports (Staff, Wire, News), a name and its desk
# (Sarah Whitfield, Education Correspondent), a wire's dateline (LONDON, March 5 (Reuters) -),
# and the …報訊 form. Most English lines open on a capital, and the form's English
# alternatives cost the most to try on them.
_LATIN_BYLINE_OPENINGS = ("By", "BY", "Story", "Text", "Words", "Report", "Analysis", "From", "Staff", "Wire", "News",
                          "Special to")
_DESKS = ("Correspondent", "Reporter", "Writer", "Editor", "Columnist", "Bureau Chief")


def byline_may_match(line: str) -> bool:
    """Whether :data:`BYLINE` can match the whole of ``line``: :func:`may_be_byline`, but a
    line opening on a Latin capital only when it opens on a word the English forms open on,
    names a desk, holds a bracket (a dateline's wire) or is the …報訊 form. (The first line
    of a byline wrapped over two, "Sarah Whitfield," over "Education Correspondent", passes
    :func:`may_be_byline`, not this: the form matches only the lines run together.)"""
    first = line[:1]
    if "A" <= first <= "Z":
        return (line.startswith(_LATIN_BYLINE_OPENINGS) or "(" in line or "訊" in line[1:8] or "讯" in line[1:8]
                or any(desk in line for desk in _DESKS) or line.endswith(_WIRES_EN))
    # may_be_byline's test, written out: every line of a page is asked. (記者 after a paper's
    # name: 人民日報記者 王五.)
    return (first in BYLINE_OPENINGS or "訊" in line[1:8] or "讯" in line[1:8]
            or "報道" in line or "报道" in line or "報導" in line or "报导" in line
            or "記者" in line[2:8] or "记者" in line[2:8])


BYLINE_OPENING = regex.compile(
    r"^(?:"
    r"(?:[□■◎]\s*)?(?:本報|本报)?(?:記者|记者)\s*[\p{Han}、 ／/]{2,16}?\s*(?:報道|报道|報導|报导|文[/／](?:圖|图))(?=\S)"
    r"|"
    r"(?:本報訊|本报讯|本報專訊|本报专讯)(?:[（(][^）)]{0,30}[）)])?"
    r"|\S{0,6}(?:報|报)(?:訊|讯)[（(][^）)]{1,30}[）)]"
    r"|[【〔［][^】〕］]{1,16}(?:訊|讯|電|电|報導|报导|報道|报道|消息)[】〕］]"
    r"|[（(](?:中央社|新華社|新华社|中新社)[\p{Han}]{0,10}(?:\d{1,2}月)?\d{1,2}日(?:專|专)?(?:電|电)[）)]"
    # (a PDF's text may space the figures from the characters: 10月16 日电)
    r"|(?:新華社|新华社|中新社|中新網|中新网|中央社|中通社)[\p{Han}]{0,10}(?:\d{1,2}\s?月\s?)?\d{1,2}\s?日(?:專|专)?(?:電|电)(?:\s*[（(][^）)]{1,30}[）)])?"
    r"|\p{Han}{2,4}\s+(?:報道|报道|報導|报导)\s*[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|[A-Z][A-Z .'-]{1,30}(?:,\s*[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+)?(?:\s+\d{1,2})?)?\s*\((?:Reuters|AP|AFP|Bloomberg|Xinhua|Kyodo|Yonhap|dpa|UPI|Bernama|AAP)\)\s*[-—–]{1,2}"
    r")\s*"
)

# A reporter's line without 报道 run into the story's first line (本报记者 孙晓梅 市轨道…,
# 记者 何雨欣 通讯员 张伟为期…): the words that lead to the last name, which opens on a Han
# character after them.
_REPORTER_LEAD = regex.compile(
    r"^(?:[□■◎]\s*)?(?:本報|本报)?(?:記者|记者)(?:[ \u3000]+(?:\p{Han}{2,3}[ \u3000]+(?:通訊員|通讯员)[ \u3000]*)?"
    # (an extractor that lost the white between them: 记者何雨欣通讯员张伟为期…, the second
    # role word parting the first name from the rest)
    r"|\p{Han}{2,3}(?:通訊員|通讯员))(?=\p{Han})")
_HAN_RUN = regex.compile(r"\p{Han}+")
_RUN_IN_TEXT = regex.compile(r"[ \u3000]+\p{Han}{4}")
# A byline's words after the name reach this far at most (a place, then 报道).
MAX_BYLINE_TAIL = 12
# A Chinese name's characters after its surname.
MIN_GIVEN_NAME, MAX_GIVEN_NAME = 1, 2
# Characters that open what a subject does (王芳在…, 张伟表示 aside) and seldom end a name.
_OPENS_A_PREDICATE = "在是將将於于對对說说從从已也昨今曾"
# The story after the name: a character at least (a narrow column may hold only one beside
# the name: 本报记者 孙晓梅市轨道 / 交通集团…), so a name of three and one more, never a name
# of four alone (欧阳晓梅).
MIN_RUN_IN_STORY = 1


def reporter_run_in_end(string: str) -> int | None:
    """Where a reporter's name run into the story's first line ends. Set apart by a space, the
    name is the characters before it; run on with none, a name of three characters (the
    commonest) unless its third opens what the subject does (王芳在…) or makes a common word
    with the story's next that its second and third do not (张伟为期: 为期, not 伟为)."""
    # (the word asked first: most lines hold none, and the form costs more than the test)
    if "記者" not in string and "记者" not in string:
        return None
    lead = _REPORTER_LEAD.match(string)
    if lead is None:
        return None
    start = lead.end()
    # (記者 陳志明 香港報道 is a whole byline, the place it was filed from after the name.)
    if any(word in string[start:start + MAX_BYLINE_TAIL] for word in _REPORTED):
        return None
    run = _HAN_RUN.match(string, start).group()
    name_lengths = range(1 + MIN_GIVEN_NAME, 2 + MAX_GIVEN_NAME)
    if len(run) in name_lengths and _RUN_IN_TEXT.match(string, start + len(run)):
        return start + len(run)
    if len(run) < 2 + MAX_GIVEN_NAME + MIN_RUN_IN_STORY:
        return None
    if run[2] in _OPENS_A_PREDICATE or (in_common_chinese_word(run[2:4]) and not in_chinese_word(run[1:3])):
        return start + 2
    return start + 3


def byline_opening_end(string: str) -> int | None:
    """Where a byline the story's first line opens on ends (:data:`BYLINE_OPENING`, or a
    reporter's name run in): None where none opens it."""
    match = BYLINE_OPENING.match(string)
    return match.end() if match is not None else reporter_run_in_end(string)


# Who else reported or edited the story, as an English sign-off opens.
_SIGNOFF_LEADS_EN = ("Additional reporting by", "Reporting by", "Editing by", "Writing by", "Compiled by", "Edited by",
                     "With reporting by", "With additional reporting by", "Additional reporting from")
SIGNOFF = regex.compile(
    r"^(?:"
    rf"[{BULLET_MARKS}]?\s*(?:香港文匯報|本報|本报)?(?:實習|实习|特約|特约|駐\S{{1,4}})?(?:記者|记者|通訊員|通讯员)\s*[\p{{Han}}、\s]{{2,24}}(?:報道|报道|報導|报导|整理|綜合報道|综合报道)"
    r"|(?:整理|撰文|編譯|编译|綜合|综合)\s*[：:]\s*\S.{0,30}"
    r"|[（(](?:本報|本报|綜合|综合|記者|记者|香港文匯報|\S{1,6}社)?\S{0,12}(?:報道|报道|報導|报导|綜合|综合|電|电|稿)[）)]"
    r"|[（(【](?:完|全文完|終|终|END|End)[）)】]"
    # The desk's editor in brackets, as Taiwan's CNA and mainland sites close a story
    # (（編輯：陳培煌）1150315, 【编辑：孙静波】), or the reporter alone (（本報記者 何詠欣）).
    r"|[（(【](?:責任編輯|责任编辑|責編|责编|編輯|编辑|校對|校对|審校|审校|編審|编审)\s*[：:]\s*[\p{Han}\s、]{2,12}[）)】](?:\s*\d{4,8})?"
    # (the paper named: a bare （记者 王晓东） is a wire dateline's reporter, wrapped)
    r"|[（(【](?:\p{Han}{1,5}(?:報|报)|本報|本报)(?:特約|特约|實習|实习)?(?:記者|记者)\s*\p{Han}{2,4}(?:\s*[、\s]\s*\p{Han}{2,4})*[）)】]"
    r"|[（(](?:據|据)\p{Han}{2,12}[）)]"
    # The paper a story was taken from, in brackets: （联合早报）, （明報）
    r"|[（(]\p{Han}{1,6}(?:報|报)[）)]"
    # Its editor and who checked it, as news sites close a story: 编辑：王晓 审核：李敏
    r"|(?:責任編輯|责任编辑|編輯|编辑)\s*[：:]\s*\p{Han}{2,4}\s*(?:審核|审核|審校|审校|校對|校对)\s*[：:]\s*\p{Han}{2,4}"
    # Who compiled or translated it, in brackets: （記者 王五 整理）, （李四 編譯）
    r"|[（(](?:(?:記者|记者|編譯|编译)\s*)?[\p{Han}、\s]{2,12}(?:整理|編譯|编译)[）)]"
    # A wire's name after a dash (— Bloomberg, -- Reuters), and a dash may lead the notes below.
    r"|[-—–]{1,2}\s*(?:With\s+|with\s+)?(?:wire services|wire reports|Reuters|AP|AFP|Bloomberg|Xinhua|The Associated Press|Associated Press|Agencies|agencies|Agence France-Presse|Kyodo|Yonhap|dpa|Staff and agencies|The New York Times|The Washington Post)"
    r"|(?:[-—–]{1,2}\s*)?[（(]?(?:" + "|".join(_SIGNOFF_LEADS_EN) + r")\b.{0,80}?[）)]?"
    # USA Today's form: Contributing: Jane Doe, The Associated Press
    r"|Contributing\s*:\s*[A-Z].{1,80}"
    r")$"
)
# What a sign-off can open on, besides a space.
SIGNOFF_OPENINGS = BULLET_MARKS + "香本實实特駐記记通整撰編编責责綜综（(【-—–AREWC"
# A sign-off opening on a Latin capital opens on one of the English leads, or USA Today's.
_SIGNOFF_LATIN_OPENINGS = (*_SIGNOFF_LEADS_EN, "Contributing")


def may_be_signoff(line: str) -> bool:
    """Whether :data:`SIGNOFF` can match ``line`` at all: it opens on one of the openings or
    a space, and on a Latin capital only as one of the English forms does."""
    first = line[:1]
    if "A" <= first <= "Z":
        return line.startswith(_SIGNOFF_LATIN_OPENINGS)
    return first in SIGNOFF_OPENINGS or first.isspace()

# A note closing an English story, whatever it opens on: who else reported it (The Associated
# Press contributed to this report.), and how to reach its reporter (tbaxter@ledger.com,
# Contact Tom Baxter at tbaxter@ledger.com). Tried only on a line holding its key words or an @.
SIGNOFF_NOTE = re.compile(
    r"^(?:[-—–]{1,2}\s*)?(?:"
    r"[A-Z][^.!?]{1,80}?\s+contributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\.?"
    # (the address in ASCII: a story's CJK text run on after it is no part of it,
    # yoopq@zaobao.com.sg环境局在…)
    r"|(?:(?:Contact|Email|E-mail|Reach|Write to)\s+[^@]{1,40}?\s+(?:at\s+|on\s+)?)?[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.?"
    # and where to follow them (Follow Tom Baxter on X: @tbaxter), or who they are (Tom Baxter
    # is a staff writer at The Ledger.), a line of its own under the text.
    r"|Follow\s+[^@]{1,40}?\s+on\s+(?:X|Twitter|Instagram|Threads|Bluesky|Facebook)\b.{0,40}"
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+is\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist)\b[^.!?]{0,80}\."
    r")$"
)


def may_be_signoff_note(line: str) -> bool:
    """Whether :data:`SIGNOFF_NOTE` can match ``line`` at all."""
    return "@" in line or "contributed" in line or line.startswith("Follow ") or " is a" in line or " is the " in line


_BARE_ADDRESS = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.?")


def is_bare_address(line: str) -> bool:
    """An e-mail address alone on its line: a story's sign-off after its last sentence, but
    the wrapped end of a sentence after a line that breaks off ("may be emailed to: 9-" /
    "ANM-Seattle-ACO-AMOC-Requests@faa.gov."). Callers judge by the line before."""
    return "@" in line and _BARE_ADDRESS.fullmatch(line.strip()) is not None

# Jump lines of the European papers (Italian, French, German, Spanish, Portuguese, Dutch),
# in any case: "a pagina 8", "alle pagine 20 e 21", "suite page 5", "Fortsetzung Seite 3",
# "continúa en la página 4"; and where a story comes from: "segue da pagina 1".
_PAGE_EU = r"(?:pagin[ae]|pages?|p\.|seiten?|página|pág\.|blz\.)\s*[A-Z]?\d+(?:\s*(?:e|et|und|y|en|-|–|,)\s*\d+)*"
_TO_EU = (
    r"(?:(?:segue|continua|prosegue)\s+)?(?:a|alla|alle)\s+" + _PAGE_EU
    + r"|(?:lire\s+la\s+)?suite\s+(?:en\s+)?" + _PAGE_EU + r"|(?:voir|lire)\s+(?:en\s+)?" + _PAGE_EU
    + r"|(?:fortsetzung|weiter|mehr)\s+(?:auf\s+)?" + _PAGE_EU
    + r"|(?:sigue|continúa|continua|pasa)\s+(?:en|a|na)\s+(?:la\s+)?" + _PAGE_EU
    + r"|(?:lees\s+verder|vervolg)\s+(?:op\s+)?" + _PAGE_EU
)
_FROM_EU = (
    r"(?:segue|continua)\s+da(?:lla)?\s+" + _PAGE_EU + r"|suite\s+de\s+la\s+" + _PAGE_EU
    + r"|fortsetzung\s+von\s+" + _PAGE_EU + r"|viene\s+de\s+(?:la\s+)?" + _PAGE_EU
    + r"|continuação\s+da\s+" + _PAGE_EU + r"|vervolg\s+van\s+" + _PAGE_EU
)

CONTINUATION = re.compile(
    # A bullet or arrow may stand before a jump line set under a summary ("• a pagina 8").
    r"^(?:[•●■▶►→»]\s*)?[（(【\[]?\s*(?:"
    r"(?P<to>(?:下轉|下转|轉|转|續見|续见|續|续|接)(?:第)?\s*[A-Z]?\s*[\d一二三四五六七八九十]+\s*(?:版|頁|页))"
    r"|(?P<from>(?:上接|接|承|續|续)(?:第)?\s*[A-Z]?\s*[\d一二三四五六七八九十]+\s*(?:版|頁|页)(?:\S{0,4})?)"
    r"|(?P<to_en>(?:(?:Continued|Continues|See|Turn to|More)\s+(?:on|to)\s+(?:page|Page|PAGE|p\.)?|(?:See|Turn to)\s+(?:page|Page|PAGE|p\.))\s*[A-Z]?\d+[A-Z]?\S{0,20})"
    r"|(?P<from_en>(?:(?:Continued|Continues)\s+from\s+(?:page|Page|PAGE|p\.)?|From\s+(?:page|Page|PAGE|p\.))\s*[A-Z]?\d+[A-Z]?\S{0,20})"
    rf"|(?P<from_eu>(?i:{_FROM_EU}))|(?P<to_eu>(?i:{_TO_EU}))"
    r")\s*[）)】\]]?$"
)
# What a jump line can open on, besides a space (ſ: re's IGNORECASE matches it for s).
CONTINUATION_OPENINGS = "•●■▶►→»（(【[上下承接續续轉转ACFLMPSTVWacflmpsvwſ"


# Every jump line names its page by a figure (7, A7, 十二); most lines that open on a jump
# line's character hold none, which a search of the line tells faster than the form's try.
PAGE_FIGURE = re.compile(r"[\d一二三四五六七八九十]")


def may_be_continuation(line: str) -> bool:
    """Whether :data:`CONTINUATION` can match ``line`` at all, told by its first character
    and a figure in it."""
    first = line[:1]
    return (first in CONTINUATION_OPENINGS or first.isspace()) and PAGE_FIGURE.search(line) is not None


_SECTIONS = (
    "要聞|要闻|港聞|港闻|本地|國際|国际|中國|中国|兩岸|两岸|內地|内地|財經|财经|經濟|经济|體育|体育|娛樂|娱乐|"
    "副刊|社評|社评|評論|评论|文化|教育|科技|健康|地產|地产|社會|社会|時事|时事|綜合|综合|論壇|论坛|專題|专题|"
    "新聞|新闻|法治|民生|觀點|观点|軍事|军事|旅遊|旅游|汽車|汽车|生活|天氣|天气|文體|文体|城市|都市|港澳|台海|環球|环球|"
    "國內|国内|大灣區|大湾区|科教|醫療|医疗|房產|房产|讀書|读书|藝術|艺术|"
    # Standing heads over a column of briefs.
    "快訊|快讯|簡訊|简讯|短訊|短讯|要聞簡報|要闻简报"
)
_MONTHS_EN = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# Weekdays and months of the European papers' mastheads (Italian, French, German, Spanish,
# Portuguese, Dutch), matched in any case: LUNDI 3 MARS 2025 as well as lunedì 3 marzo 2025.
_WEEKDAYS_EU = (
    r"(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lunes|martes|miércoles|jueves|viernes"
    r"|sábado|domingo|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|maandag|dinsdag|woensdag"
    r"|donderdag|vrijdag|zaterdag|zondag)"
)
_MONTHS_EU = (
    r"(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|janvier|février"
    r"|mars|avril|mai|juin|juillet|août|septembre|octobre|décembre|januar|jänner|februar|märz|april|juni|juli"
    r"|oktober|dezember|enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro"
    r"|março|maio|junho|julho|setembro|outubro|dezembro|januari|februari|maart|mei|augustus|oktober|august|september"
    r"|november)"
)
_DATE_EU = rf"(?i:(?:{_WEEKDAYS_EU},?\s+)?\d{{1,2}}\.?(?:\s+de)?\s+{_MONTHS_EU}(?:\s+de)?\s+\d{{4}})"
# A month's date, as a monthly or a page's running head prints it (2023 年 5 月, May 2023), or a
# day's in figures (2026-07-17, 2026/7/17, 2026.07.17): alone on a line, it dates the page.
_MONTH_OR_NUMERIC_DATE = (
    r"\d{4}\s*年\s*\d{1,2}\s*月"
    rf"|{_MONTHS_EN}\s+\d{{4}}"
    r"|\d{4}\s*(?:-\s*\d{1,2}\s*-|/\s*\d{1,2}\s*/|\.\s*\d{1,2}\s*\.|／\s*\d{1,2}\s*／)\s*\d{1,2}(?:\s*[（(]?(?:星期|週|周)[一二三四五六日天][）)]?)?"
)
# A line that is a date and nothing else: a masthead's or a folio's, never a headline, at
# whatever size it is set.
DATE_LINE = re.compile(
    r"^(?:"
    rf"{_DATE_EU}"
    rf"|(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:{_MONTHS_EN}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTHS_EN},?)\s+\d{{4}}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[（(]?(?:星期|週|周)[一二三四五六日天][）)]?)?"
    rf"|{_MONTH_OR_NUMERIC_DATE}"
    r")$"
)
_PAPER_NAME = r"(?:The\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+(?:Daily|Times|Post|Herald|Gazette|Tribune|Chronicle|Courier|Journal|News)"
_CAPITALS_HEAD = r"[A-Z][A-Z&]{2,15}(?:\s[A-Z&]{2,15}){0,2}"
_FURNITURE = re.compile(
    r"^(?:"
    r"\S{1,4}[日晨晚早時时商週周都][報报]"
    rf"|{_PAPER_NAME}"
    r"|[A-Z]?\d{1,3}(?:\s*[|｜/／]?\s*(?:" + _SECTIONS + r"))?"
    r"|第?\s*[A-Z]?\s*[\d一二三四五六七八九十]{1,3}\s*版(?:\s*[|｜/／]?\s*\S{0,8})?"
    r"|(?:" + _SECTIONS + r")(?:\s*[|｜/／]?\s*[A-Z]?\d{1,3})?(?:版)?"
    r"|(?:[A-Z]\d{1,3}\s+)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[（(]?(?:星期|週|周)[一二三四五六日天][）)]?)?(?:\s+\S{1,12}){0,3}"
    rf"|(?:[A-Z]\d{{1,3}}\s+)?(?:{_MONTH_OR_NUMERIC_DATE})"
    # The weekday the folio sets apart from its date (an extractor reading the row in pieces).
    r"|[（(]?(?:星期|週|周|禮拜|礼拜)[一二三四五六日天][）)]?"
    r"|(?:[A-Z]\d{1,3}\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}.{0,40}"
    r"|(?:[A-Z]\d{1,3}\s+)?[A-Z][a-z]+\s+\d{1,2},\s+\d{4}(?:\s*[|｜]\s*.{0,30})?"
    # Day before month, as British and most European papers print it: Friday, 4 December 2026
    r"|(?:[A-Z]\d{1,3}\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?\d{1,2}\s+" + _MONTHS_EN + r",?\s+\d{4}.{0,40}"
    rf"|(?:[A-Z]\d{{1,3}}\s+)?{_DATE_EU}(?:\s*[|｜·•/—–-]\s*.{{0,40}})?"
    r"|(?:Page|PAGE|p\.)\s*[A-Z]?\d{1,3}(?:\s*[|｜].{0,30})?"
    # A page's number of the document's pages: Page 1 of 2, 第1页，共2页, 页数 1 / 2, 頁碼：3
    r"|(?:Page|PAGE)\s*\d{1,3}\s*(?:/|of|OF)\s*\d{1,3}"
    r"|第\s*\d{1,3}\s*[页頁](?:\s*[，,/／]?\s*共\s*\d{1,3}\s*[页頁])?"
    r"|(?:页数|頁數|页码|頁碼)\s*[:：]?\s*\d{1,3}(?:\s*[/／]\s*\d{1,3})?"
    r"|[A-Z]\d{1,3}\s*[|｜·•]\s*.{1,30}"
    rf"|{_CAPITALS_HEAD}"
    r")$"
)
# The forms above that name no figure (a folio, a date, an edition), but for a paper's name
# and a section's, which are short: what a longer line holding no figure is tried on.
_FURNITURE_WITHOUT_FIGURES = re.compile(rf"^(?:{_PAPER_NAME}|{_CAPITALS_HEAD})$")
# Rows whose parts a vertical bar sets apart ("Metro | Friday | A3"): tried only on lines
# holding a bar, for on every other line they fail, at the most cost of all the forms.
_FURNITURE_BARRED = re.compile(r"^(?:[^|｜]{1,40}(?:\s[|｜]\s[^|｜]{1,40}){2,4}|.{1,30}\s*[|｜]\s*[A-Z]?\d{1,3})$")


# What a line of _FURNITURE longer than its shortest form (a paper's name, 維城日報: at most six
# characters) can open on, besides a space or a digit: a Latin capital, the first letter of a
# European weekday in either case (ſ: re's IGNORECASE matches it for s), p., 第 or a numeral,
# a Chinese weekday's first character (or the bracket before it), or the first character
# of a section's name.
_FURNITURE_OPENINGS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZdfgjlmpqstvwzſ第一二三四五六七八九十页頁星週周禮礼（(" + "".join(name[0] for name in _SECTIONS.split("|")))
_SHORT_FURNITURE = 7  # the six characters and a final newline, which ``$`` lets past


def is_furniture(line: str) -> bool:
    """The line is page furniture: a paper's name, a folio, a section, a date."""
    first = line[:1]
    # Tried only on a line that can be furniture: most lines of a page open on no such character.
    short = len(line) <= _SHORT_FURNITURE
    opens_as_furniture = first in _FURNITURE_OPENINGS or first.isdigit() or first.isspace()
    # A short line opening on any other character can be only a paper's name (維城日報),
    # which ends on 報: a short line of text (記者 王五) is not tried at all.
    if opens_as_furniture or short and ("報" in line or "报" in line):
        # A longer line with no figure is tried on the two forms it can match, not on all.
        form = _FURNITURE if short or PAGE_FIGURE.search(line) else _FURNITURE_WITHOUT_FIGURES
        if form.match(line) is not None:
            return True
    return ("|" in line or "｜" in line) and _FURNITURE_BARRED.match(line) is not None


# A page's staff line names two or more roles: 责任编辑：陈晓　美术编辑：马丽
_ROLE = r"(?:責任編輯|责任编辑|美術編輯|美术编辑|版面設計|版面设计|校對|校对|美編|美编|編輯|编辑|攝影|摄影|Editor|Designer)\s*[：:]"
# The page's editors are page furniture; 整理 (compiled by) signs off one article.
STAFF_LINE = re.compile(rf"^(?:{_ROLE}\s*\S+\s*)+$")
STAFF_LINE_OPENINGS = "責责美版校編编攝摄ED"
_SECTION_NAMES_EN = (
    "News|Business|Sport|Sports|World|Opinion|Culture|Metro|Local|Arts|Science|Technology|Tech|"
    "Health|Travel|Lifestyle|Weather|Comment|Features|Education|Politics|Property|Markets|Money|City|Region|Nation"
)
SECTION_EN = re.compile(rf"^(?:{_SECTION_NAMES_EN})$")
_SECTIONS_EN = frozenset(_SECTION_NAMES_EN.split("|"))


def is_section_en(line: str) -> bool:
    """Whether :data:`SECTION_EN` matches ``line``: the line is an English section's name
    (before a final newline, which ``$`` lets past). Every short line of a page is asked:
    a set answers it for less than a try of the form."""
    return (line[:-1] if line.endswith("\n") else line) in _SECTIONS_EN


# Words a story's first line, set in capitals, may open on.
_CAPITALS_OPENING_WORDS = frozenset("the a an in on at it he she they we as for after when this that".split())


def name_carried_below(above: str, word: str, elsewhere: Iterable[str]) -> bool:
    """Is ``word``, alone on the line under ``above``, the last word of a name that line
    breaks off, where no measure tells (a justified column an extractor broke at every
    word)? In capitals under a line in capitals (BY MARIA LOPEZ AND DAVID / CHEN), or a
    name the page prints whole in one of ``elsewhere`` (By Emily Tsang in Hong / Kong: Hong
    Kong), or a place's after "in". Mixed case alone gives no such sign: By Priya Raman /
    High winds brought…"""
    above, word = above.strip(), word.strip()
    words = above.split()
    if not words or not word[:1].isupper() or not word.isalpha() or not words[-1][:1].isupper():
        return False
    if above.isupper() and word.isupper():
        return len(word) > 1 and word.lower() not in _CAPITALS_OPENING_WORDS
    # A place's name after "in" breaks off as a name does (in Hong / Kong, in New / York): no
    # story's first line or headline is one such word (A / century-old… is a word of one letter).
    if len(words) >= 3 and words[-2] == "in" and len(word) > 1 and word[1:].islower():
        return True
    pair = f"{words[-1]} {word}"
    return any(pair in string for string in elsewhere)
