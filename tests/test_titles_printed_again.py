"""A title the page printed a second time away from the first (assemble._drop_titles_printed_again)."""

from broadsheet.assemble import _drop_titles_printed_again
from broadsheet.model import DECK, HEADLINE, PARAGRAPH, Article, Block, SourcedText

SOURCE = ""


def _block(kind: str, string: str) -> Block:
    """A block read from its own stretch of the input, in the order blocks are made."""
    global SOURCE
    start = len(SOURCE)
    SOURCE += string + "\n"
    return Block(kind, SourcedText.from_input(SOURCE, start, start + len(string)))


def _story(headline: str | None, decks: tuple[str, ...] = (), body: int = 1) -> Article:
    return Article(headline=_block(HEADLINE, headline) if headline else None,
                   subheadlines=[_block(DECK, deck) for deck in decks],
                   body=[_block(PARAGRAPH, f"這是第{k}段正文，內容與標題無關。") for k in range(body)])


def _titles(articles: list[Article]) -> list[list[str]]:
    return [[t.string for t in (a.headline, *a.subheadlines) if t is not None] for a in articles]


def test_an_ocr_layers_copy_of_a_headline_is_removed_and_the_headline_over_the_story_stays():
    copy = _story(None, ("渣華道馬拉松破紀錄三萬人冒雨起步",), body=0)
    story = _story("渣華道馬拉松破紀錄　三萬人冒雨起步")
    removed = []
    _drop_titles_printed_again([copy, story], removed)
    assert _titles([copy, story]) == [[], ["渣華道馬拉松破紀錄　三萬人冒雨起步"]]
    assert {r.reason for r in removed} == {"repeated_title"}
    assert "".join(r.text for r in removed) == "渣華道馬拉松破紀錄三萬人冒雨起步"


def test_two_headlines_run_together_in_a_deck_are_a_copy():
    first = _story("渣華道馬拉松破紀錄　三萬人冒雨起步", ("渣華道馬拉松破紀錄三萬人冒雨起步新收費要點",))
    box = _story("新收費要點")
    removed = []
    _drop_titles_printed_again([first, box], removed)
    assert _titles([first, box]) == [["渣華道馬拉松破紀錄　三萬人冒雨起步"], ["新收費要點"]]


def test_a_piece_of_a_headline_heading_nothing_is_a_copy():
    story = _story("社區長者食堂開進老小區　一頓午飯只要十元")
    pieces = [_story(piece, body=0) for piece in ("堂開進老小", "飯只要十元")]
    _drop_titles_printed_again([story, *pieces], [])
    assert _titles([story, *pieces]) == [["社區長者食堂開進老小區　一頓午飯只要十元"], [], []]


def test_phrases_a_stack_of_decks_repeats_are_running_text_and_stay():
    decks = ("以下この条において同じ", "進行することができること", "進行することができること", "道路の横断を",
             "以下この条において同じ")
    stack = _story("交通の方法に関する規定", decks)
    _drop_titles_printed_again([stack], [])
    assert _titles([stack])[0][1:] == list(decks)


def test_a_title_holding_a_clause_is_running_text_and_stays():
    first = _story("今年首十個月，消防處共處理約480宗山嶺救援個案")
    second = _story(None, ("今年首十個月，消防處共處理約480宗山嶺救援個案",), body=0)
    _drop_titles_printed_again([first, second], [])
    assert _titles([first, second])[1] == ["今年首十個月，消防處共處理約480宗山嶺救援個案"]


def test_a_short_english_title_repeated_is_chance():
    first, second = _story("In brief"), _story("In brief")
    _drop_titles_printed_again([first, second], [])
    assert _titles([first, second]) == [["In brief"], ["In brief"]]


def test_a_paragraph_of_headlines_run_together_is_a_copy():
    box = _story("How to save water", body=0)
    story = _story("Late collapse costs county side the title")
    copies = _block(PARAGRAPH, "How to save water Late collapse costs county side the title")
    text = _block(PARAGRAPH, "How to save water and money at home")
    box.body = [copies, text]
    removed = []
    _drop_titles_printed_again([box, story], removed)
    assert [b.string for b in box.body] == ["How to save water and money at home"]
    assert copies.string == ""
    assert "".join(r.text for r in removed) == "How to save water Late collapse costs county side the title"


def test_a_paragraph_that_only_repeats_a_headline_is_a_copy_and_running_text_is_not():
    story = _story("本地電影票房破億　導演：多謝觀眾捧場", body=0)
    copy = _block(PARAGRAPH, "本地電影票房破億導演：多謝觀眾捧場")
    lede = _block(PARAGRAPH, "本地電影票房破億，導演：多謝觀眾捧場")
    story.body = [copy, lede]
    _drop_titles_printed_again([story], [])
    assert [b.string for b in story.body] == ["本地電影票房破億，導演：多謝觀眾捧場"]


def test_a_text_is_found_inside_a_longer_one_and_not_in_its_own_copy():
    from broadsheet.assemble import _found_in_a_longer_one

    found = _found_in_a_longer_one(["只求有扇窗", "只求有扇窗", "我們常常說，只求有扇窗。", "另一段"])
    assert found("只求有扇窗") and not found("另一段") and not found("我們常常說，只求有扇窗。")
    assert not _found_in_a_longer_one(["只求有扇窗", "只求有扇窗"])("只求有扇窗")


def test_a_deck_repeating_two_words_of_its_headline_is_a_copy_and_a_word_inside_a_word_is_not():
    from broadsheet.assemble import _drop_repeated_decks

    story = _story("Rooftop beehives buzz on office towers", ("Rooftop beehives",))
    _drop_repeated_decks(story, [])
    assert story.subheadlines == []
    story = _story("Heart Fairground opens in May", ("Art Fair",))
    _drop_repeated_decks(story, [])
    assert [d.string for d in story.subheadlines] == ["Art Fair"]
