"""Joining wrapped lines and finding paragraph boundaries, through restore()."""

import broadsheet
from broadsheet.read.text import split_lines
from broadsheet.segment import segment_lines


def paragraphs(text: str) -> list[str]:
    page = broadsheet.restore(text)
    return [b.string for a in page.articles for b in a.body]


def test_cjk_lines_join_without_space():
    text = "居民常常反映現有長廊在北角一段中斷，要繞\n道英皇道才能繼續前往筲箕灣，非常不便。\n"
    assert paragraphs(text) == ["居民常常反映現有長廊在北角一段中斷，要繞道英皇道才能繼續前往筲箕灣，非常不便。"]


def test_english_lines_join_with_space_and_split_words_lose_their_hyphen():
    text = ("The city's economy grew faster than the eco-\n"
            "nomy of its neighbours, a well-\n"
            "known pattern that officials\n"
            "expected to continue next year.\n")
    assert paragraphs(text) == [
        "The city's economy grew faster than the economy of its neighbours, a well-known pattern "
        "that officials expected to continue next year."
    ]
    removed = broadsheet.restore(text).removed
    assert [(r.text, r.reason) for r in removed] == [("-", "join_wrapped_lines")]


def test_a_word_hyphenated_with_u2010_at_a_line_end_is_one_word_again():
    """Some producers (WeasyPrint) hyphenate with U+2010 HYPHEN, not the ASCII hyphen."""
    text = ("The water author\u2010\n"
            "ity urged households in the val\u2010\n"
            "ley to cut back on water this summer.\n")
    assert paragraphs(text) == ["The water authority urged households in the valley to cut back on water this summer."]
    assert [(r.text, r.reason) for r in broadsheet.restore(text).removed] == [("\u2010", "join_wrapped_lines")] * 2


def test_a_soft_hyphen_ending_a_line_breaks_a_word_that_joins_tight():
    # Typst, among others, writes the hyphens it breaks words with as U+00AD in the text
    # layer: the soft hyphen is the only trace of the break, and the word is one again. A
    # line ending on it reads as the line without it (a masthead broken so is still one).
    text = ("The hives produced honey, much of it sold in build\u00ad\n"
            "ing lobbies or given to staff on neighbour\u00ad\n"
            "ing floors, and a bee\u00adkeeper said so.\n")
    assert paragraphs(text) == [
        "The hives produced honey, much of it sold in building lobbies or given to staff on "
        "neighbouring floors, and a beekeeper said so."
    ]
    removed = broadsheet.restore(text).removed
    assert [(r.text, r.reason) for r in removed] == [("\u00ad", "drop_invisible_marks")] * 3


def test_a_compounds_own_hyphen_at_a_line_end_joins_tight():
    """``mid-`` at a line's end and ``December`` at the next one's start is ``mid-December``:
    a hyphen glued to a word or a number is never a spaced dash, whatever follows."""
    text = ("Forecasters expect some relief in mid-\n"
            "December, and the ban will hold until the post-\n"
            "2020 low is passed and the 12-\n"
            "metre gauge reads full again, officials said.\n")
    assert paragraphs(text) == [
        "Forecasters expect some relief in mid-December, and the ban will hold until the post-2020 low "
        "is passed and the 12-metre gauge reads full again, officials said."]


def test_a_line_end_hyphen_is_settled_by_the_words_of_the_pages_language():
    """Italian, French or German text is split at line ends as English is: the page's
    language's words decide (``poliziot-`` + ``ti`` is one word), and a compound of that
    language keeps its hyphen."""
    text = ("Il consiglio comunale ha approvato ieri sera il nuovo piano per il traffico e per i "
            "parcheggi del centro storico. Secondo il sindaco, i poliziot-\n"
            "ti della polizia locale saranno presenti in tutte le piazze della città durante il fine "
            "settimana, e il servizio sarà esteso anche alle zone italo-\n"
            "francesi del confine, dove il traffico è molto intenso in questi mesi.\n")
    [paragraph] = paragraphs(text)
    assert "i poliziotti della polizia locale" in paragraph
    assert "alle zone italo-francesi del confine" in paragraph
    assert broadsheet.restore(text).language == "it"


def test_blank_lines_inside_paragraphs_are_not_boundaries():
    text = ("東區海濱長廊延伸工程昨日獲立法會工務小組\n\n委員會通過撥款，涉及開支約十九億元。土木\n"
            "工程拓展署表示，工程將於明年第一季動工，\n\n分三期進行。\n\n"
            "署方發言人指出，新段長廊全長三點二公里，\n沿途設有單車徑、休憩亭及兩個寵物公園。\n")
    assert paragraphs(text) == [
        "東區海濱長廊延伸工程昨日獲立法會工務小組委員會通過撥款，涉及開支約十九億元。土木工程拓展署表示，工程將於明年第一季動工，分三期進行。",
        "署方發言人指出，新段長廊全長三點二公里，沿途設有單車徑、休憩亭及兩個寵物公園。",
    ]


def test_no_blank_lines_at_all_paragraphs_end_at_short_sentence_lines():
    text = ("東區海濱長廊延伸工程昨日獲立法會工務小組\n委員會通過撥款，涉及開支約十九億元。土木\n"
            "工程拓展署表示，工程將於明年第一季動工，\n分三期進行。\n"
            "署方發言人指出，新段長廊全長三點二公里，\n沿途設有單車徑、休憩亭及兩個寵物公園。\n")
    assert len(paragraphs(text)) == 2


def test_indented_first_lines_start_paragraphs():
    text = ("　　東區海濱長廊延伸工程昨日獲立法會工務小\n組委員會通過撥款，涉及開支約十九億元。土木\n"
            "　　署方發言人指出，新段長廊全長三點二公里，\n沿途設有單車徑、休憩亭及兩個寵物公園。\n")
    assert len(paragraphs(text)) == 2


def test_text_never_wrapped_keeps_one_block_a_line():
    """Some extractors give a whole paragraph per line: every line is then a block."""
    text = "\n".join([
        "海濱長廊延伸工程明年動工",
        "全長三點二公里　預計2028年完工",
        "東區海濱長廊延伸工程昨日獲立法會工務小組委員會通過撥款，涉及開支約十九億元。",
        "署方發言人指出，新段長廊全長三點二公里，沿途設有單車徑、休憩亭及兩個寵物公園，居民常常反映現有長廊在北角一段中斷。",
        "區議員黃志強表示，社區對工程期待已久。",
        "他又指，2020年首次諮詢時已有逾千名居民聯署支持，希望工程可以早日完成，方便區內居民。",
        "工程將於明年第一季動工，分三期進行，預計2028年全線完工，屆時會舉行開幕儀式。",
        "土木工程拓展署表示，施工期間會盡量減少對居民的影響，並會定期向區議會匯報進度。",
    ]) + "\n"
    page = broadsheet.restore(text)
    article = page.articles[0]
    assert article.headline.string == "海濱長廊延伸工程明年動工"
    assert [d.string for d in article.subheadlines] == ["全長三點二公里　預計2028年完工"]
    assert len(article.body) == 6


def test_a_full_stop_inside_a_justified_line_broken_word_by_word_ends_no_paragraph():
    """PyMuPDF ends a line at every wide justification gap: a word a line. A paragraph's
    last line is not justified, so a full stop inside such a run ends only a sentence."""
    text = ("The ferry operator said a single trip to the island would cost\n"
            "HK$15.90,\nup\nfrom\nHK$14.80.\nFast-ferry\nfares\nwill\nclimb\nto\n"
            "HK$28.40 from January.\n"
            "Commuter groups reacted angrily.\n"
            "They said the rise would fall hardest on older residents.\n")
    assert paragraphs(text) == [
        "The ferry operator said a single trip to the island would cost HK$15.90, up from HK$14.80. "
        "Fast-ferry fares will climb to HK$28.40 from January.",
        "Commuter groups reacted angrily.",
        "They said the rise would fall hardest on older residents.",
    ]


def test_a_spaced_dash_broken_at_the_line_keeps_its_spaces():
    assert paragraphs("Every donor gets a free loaf\n— and a card, the baker said.\n") == [
        "Every donor gets a free loaf — and a card, the baker said."]
    assert paragraphs("Every donor gets a free loaf—\nand a card, the baker said.\n") == [
        "Every donor gets a free loaf—and a card, the baker said."]
    assert paragraphs("街坊問到新店甚麼時候開張，店主笑着說——\n我們會繼續努力，也會準時開門。\n") == [
        "街坊問到新店甚麼時候開張，店主笑着說——我們會繼續努力，也會準時開門。"]


def test_a_bare_number_inside_a_sentence_broken_word_by_word_is_no_page_number():
    text = ("The museum said it had\nwelcomed more\nthan\n340\nvisitors\non\nits\nfirst\nnight.\n")
    page = broadsheet.restore(text)
    assert paragraphs(text) == ["The museum said it had welcomed more than 340 visitors on its first night."]
    assert not [b for b in page.unassigned if b.kind == "furniture"]


def test_a_bare_number_on_its_own_between_stories_stays_page_furniture():
    page = broadsheet.restore("14\nThe museum said it had welcomed more than\n340 visitors on its first night.\n")
    assert [b.string for b in page.unassigned if b.kind == "furniture"] == ["14"]


def test_a_sentence_case_subhead_after_a_full_stop_stands_alone():
    text = ("The new pool will open in June\nafter two years of building.\nLonger hours\n"
            "The council said it would keep\nthe pool open until ten at night.\n")
    assert paragraphs(text) == ["The new pool will open in June after two years of building.", "Longer hours",
                                "The council said it would keep the pool open until ten at night."]


def test_a_short_line_that_stops_on_a_name_or_a_small_word_is_no_subhead():
    text = ("The new pool will open in June\nafter two years of building.\nThe manager told\n"
            "Councillor Ray Lee it was ready.\nA swimming coach from\nRiverside said she was pleased.\n")
    assert paragraphs(text) == ["The new pool will open in June after two years of building.",
                                "The manager told Councillor Ray Lee it was ready.",
                                "A swimming coach from Riverside said she was pleased."]


def test_a_folio_set_on_one_line_is_page_furniture():
    for folio in ("C3 港聞 海濱日報 2026年6月5日 星期五", "B2 METRO THE LAKESIDE TIMES Friday, June 5, 2026"):
        page = broadsheet.restore(folio + "\nThe museum said it had welcomed more than\n340 visitors on its first night.\n")
        assert [b.string for b in page.unassigned if b.kind == "furniture"] == [folio]
        assert all(a.headline is None for a in page.articles)


def test_a_headline_that_happens_to_open_with_a_section_word_is_no_folio():
    page = broadsheet.restore("Sport club wins title\n\nThe museum said it had welcomed more than\n340 visitors on its first night.\n")
    assert not [b for b in page.unassigned if b.kind == "furniture"]


def test_a_line_well_short_of_a_bulleted_item_s_first_line_ends_the_item():
    text = ("■ 多喝開水，少喝含糖飲品\n■ 避免正午時段在戶外活動\n■ 室內冷氣溫度不宜低於二十六度\n"
            "海濱長廊延伸工程\n明年動工\n")
    page = broadsheet.restore(text)
    items = [b.string for a in page.articles for b in a.body if b.kind == "list_item"]
    assert items == ["多喝開水，少喝含糖飲品", "避免正午時段在戶外活動", "室內冷氣溫度不宜低於二十六度海濱長廊延伸工程"]
    assert "明年動工" not in items[-1]


def test_a_bulleted_item_wrapped_at_its_measure_keeps_its_second_line():
    text = "■ 新建鄉村充電樁：約\n十萬個\n■ 覆蓋範圍：中西部重\n點縣\n"
    page = broadsheet.restore(text)
    assert [b.string for a in page.articles for b in a.body] == ["新建鄉村充電樁：約十萬個", "覆蓋範圍：中西部重點縣"]



def block_openings(text: str) -> list[str]:
    """The first line of each block the segmenter makes of the text."""
    return [block.lines[0].string for block in segment_lines(split_lines(text))]


def test_a_paragraph_set_in_after_a_full_line_cut_mid_sentence_starts_a_new_block():
    """Column pieces drawn out of order: one piece ends on a full line mid-sentence (the
    column's foot), the next opens a paragraph of another story, set in and followed by
    full lines. A wrapped line would not stop short before 醒市民, so the two stay apart."""
    text = ("圖書館昨日宣\n布，由下月起延長\n開放時間至晚上十\n一時。館方表示，\n班族及學生，讓他\n"
            "消防處今日提\n醒市民，行山前應\n查看天氣報告，並\n帶備足夠食水。\n")
    assert block_openings(text) == ["圖書館昨日宣", "消防處今日提"]


def test_a_line_cut_short_before_a_number_it_could_not_break_runs_on():
    """A wrapped line stops short before a number that did not fit (約 / 2,500人): that is
    no paragraph opening, however set in it looks."""
    text = ("教育局昨日公\n布，新學年將有十\n二間學校參加，受\n惠學生人數約\n"
            "2,500人，較去年\n增加三成，局方會\n繼續檢討成效。\n")
    assert block_openings(text) == ["教育局昨日公"]


def test_a_closed_compound_a_typesetter_broke_at_its_seam_is_one_word_again():
    """Hyphenation patterns break a closed compound where its parts meet (``school-girl``,
    ``water-front``): both halves are common words, yet the whole is one word a reader
    knows, and the hyphen is the typesetter's."""
    text = ("An 11-year-old school-\n"
            "girl won the regional title on the water-\n"
            "front, writing her moves in a hand-\n"
            "written notebook.\n")
    assert paragraphs(text) == [
        "An 11-year-old schoolgirl won the regional title on the waterfront, writing her moves in a "
        "handwritten notebook."
    ]


def test_a_title_abbreviation_at_a_lines_end_goes_on_to_the_name():
    text = ("The night clinic will open on Monday, the city said.\nDr.\n"
            "Elena Russo, the clinic's medical director, said the service would run for two years.\n")
    assert paragraphs(text) == [
        "The night clinic will open on Monday, the city said.",
        "Dr. Elena Russo, the clinic's medical director, said the service would run for two years.",
    ]


def test_long_words_alone_in_a_narrow_ragged_column_still_end_a_paragraph_at_a_full_stop():
    """A narrow ragged column sets a long word or two alone on a line; a full stop among them
    is no justified line broken word by word when the words would not fit one line."""
    text = ("The skeleton that has\ngreeted visitors at\nthe Natural\nHistory Museum\nsince 1965,\nreturned to the\n"
            "main hall on\nSaturday after a\ntwo-year\nrestoration.\nConservators\nreplaced 140\nplaster bones with\n"
            "lightweight resin\ncasts last year.\n")
    assert paragraphs(text) == [
        "The skeleton that has greeted visitors at the Natural History Museum since 1965, returned to the main hall "
        "on Saturday after a two-year restoration.",
        "Conservators replaced 140 plaster bones with lightweight resin casts last year."]


def test_words_alone_that_fit_one_line_of_the_column_are_a_justified_line_broken_at_its_gaps():
    """Three words alone in a row that fit one line of the column (Margaret / Bell. / "Then)
    are a justified line broken at its gaps: the full stop among them ends no paragraph."""
    text = ("Owners Tom and\nMargaret Bell had planned\nto close in December after\nboth of their ovens failed a\n"
            "safety\ninspection.\n\"We\nthought that was it,\" said\nMargaret\nBell.\n\"Then\n"
            "people just kept giving, and\nwe still can't quite believe\nit.\"\n")
    assert len(paragraphs(text)) == 1
