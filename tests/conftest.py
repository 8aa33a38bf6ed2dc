import json
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"


def load_cases(name: str) -> list[dict]:
    return json.loads((CASES / name).read_text(encoding="utf-8"))


def all_text_fields(page_dict: dict) -> list[str]:
    """Every text field of a page in the contract, for character accounting."""
    out: list[str] = []
    for article in page_dict["articles"]:
        for key in ("headline", "byline", "signoff", "continues", "continued_from"):
            if article[key]:
                out.append(article[key])
        out.extend(article["subheadlines"])
        out.extend(block["text"] for block in article["body"])
        for caption in article["captions"]:
            out.append(caption["text"])
            if caption["credit"]:
                out.append(caption["credit"])
    for block in page_dict["unassigned"]:
        out.append(block["text"])
        if block.get("credit"):
            out.append(block["credit"])
    return out


@pytest.fixture
def cases():
    return load_cases
