"""The README documents every key of a real facts.json."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def _keys(value, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            found.add(key)
            _keys(inner, found)
    elif isinstance(value, list):
        for inner in value:
            _keys(inner, found)
    return found


def _facts_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("### facts.json", 1)[1].split("\n## ", 1)[0]


@pytest.mark.model
def test_every_key_of_the_seeds_facts_json_is_in_the_readme(seeds_briefing) -> None:
    from generator.pages.export import facts_json

    documented = set(re.findall(r'"(\w+)"', _facts_section()))
    missing = sorted(_keys(facts_json(seeds_briefing), set()) - documented)
    assert missing == [], f"document these facts.json keys in the README's facts.json section: {missing}"
