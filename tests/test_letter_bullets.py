"""A list's bullets an extractor read as a letter (repair/letter_bullets.py)."""

import broadsheet
from broadsheet.read.text import split_lines
from broadsheet.repair.letter_bullets import map_bullets_read_as_letters


def _mapped(text: str) -> tuple[list[str], list]:
    lines, removed = map_bullets_read_as_letters(split_lines(text), text)
    return [line.string for line in lines], removed


def test_the_same_letter_opening_a_lists_lines_is_its_bullet():
    text = "新能源车下乡\n业内人士表示，乡村充电设施仍是短板。\nG 新建乡村充电桩：约10万个\nG 覆盖范围：中西部重点县\nG 购车补贴：最高5,000元\n"
    lines, removed = _mapped(text)
    assert lines[2:] == ["• 新建乡村充电桩：约10万个", "• 覆盖范围：中西部重点县", "• 购车补贴：最高5,000元"]
    assert [(text[r.start:r.end], r.replacement, r.reason) for r in removed] == [("G", "•", "map_bullets_read_as_letters")] * 3


def test_the_items_are_list_items_once_their_bullets_are_known():
    text = ("New fares at a glance\nI Cheung Chau ordinary: HK$15.90\nI Cheung Chau fast: HK$28.40\n"
            "I Lamma (Yung Shue Wan): HK$20.70\n")
    page = broadsheet.restore(text)
    items = [b.string for a in page.articles for b in a.blocks() if b.kind == "list_item"]
    assert items == ["Cheung Chau ordinary: HK$15.90", "Cheung Chau fast: HK$28.40", "Lamma (Yung Shue Wan): HK$20.70"]


def test_prose_opening_lines_on_a_word_of_one_letter_is_left_alone():
    text = ("The baker said the queue began at six.\nI think we sold out by nine, she said.\n"
            "A Lamma ferry brought more.\nI Cheung Chau, she added, was the same.\nA quiet day followed.\n")
    lines, removed = _mapped(text)
    assert removed == [] and lines == text.strip().split("\n")


def test_an_interviews_questions_and_answers_keep_their_letters():
    text = "Q How did you start?\nA With a folding board.\nQ Who taught you?\nA My grandmother.\nQ What next?\nA The world youth title.\n"
    assert _mapped(text)[1] == []


def test_a_letter_once_is_no_bullet():
    text = "Rooms on the B floor\nB Wing closes in May for repairs.\nThe rest stays open.\n"
    assert _mapped(text)[1] == []


def test_a_bullet_printed_twice_leaves_no_letter_behind():
    """Fake bold draws the bullet twice; the extractor may set the first copy on a line of its own."""
    text = "Les situations suivantes :\nh\nh Contexte évocateur : une diarrhée ;\nh\nh Anomalies au ionogramme ;\n"
    lines, removed = _mapped(text)
    assert lines[1:] == ["•", "• Contexte évocateur : une diarrhée ;", "•", "• Anomalies au ionogramme ;"]
    page = broadsheet.restore(text)
    assert [b.string for a in page.articles for b in a.blocks() if b.kind == "list_item"] == [
        "Contexte évocateur : une diarrhée ;", "Anomalies au ionogramme ;"]
