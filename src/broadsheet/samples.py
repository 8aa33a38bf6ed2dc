"""Sample pages bundled with the package (fictional news written for broadsheet)."""

from __future__ import annotations

import json
from importlib import resources

SAMPLE_PAGES = ("sample_page_zh_hant",)


def sample_text(name: str = "sample_page_zh_hant") -> str:
    return resources.files("broadsheet.data").joinpath(f"{name}.txt").read_text(encoding="utf-8")


def sample_gold(name: str = "sample_page_zh_hant") -> dict:
    return json.loads(resources.files("broadsheet.data").joinpath(f"{name}.gold.json").read_text(encoding="utf-8"))
