"""The rules files (generator/rules/*.yaml) as data: what every loader of them takes for granted."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

RULE_FILES = sorted(p.name for p in resources.files("generator.rules").iterdir() if p.name.endswith(".yaml"))


def _booleans_in_lists(value, path: str) -> list[str]:
    """Where a list holds a boolean: YAML reads a bare no, yes, on or off as one, so the word is lost."""
    if isinstance(value, dict):
        return [hit for key, item in value.items() for hit in _booleans_in_lists(item, f"{path}.{key}")]
    if isinstance(value, list):
        own = [f"{path}[{i}] = {item}" for i, item in enumerate(value) if isinstance(item, bool)]
        return own + [hit for item in value for hit in _booleans_in_lists(item, path)]
    return []


@pytest.mark.parametrize("name", RULE_FILES)
def test_word_lists_hold_no_booleans(name: str) -> None:
    data = yaml.safe_load(resources.files("generator.rules").joinpath(name).read_text(encoding="utf-8"))
    assert _booleans_in_lists(data, name) == [], 'quote "no", "yes", "on" and "off" in rule word lists'
