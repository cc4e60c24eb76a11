"""The quote-grouping thresholds in the rules are the ones the dev statement pairs teach (benchmarks/grouping.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from generator.rules import load_rules

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def grouping():
    spec = importlib.util.spec_from_file_location("grouping_benchmark", REPO / "benchmarks" / "grouping.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_statement_pairs_are_annotated_and_split(grouping) -> None:
    raw = yaml.safe_load((REPO / "benchmarks" / "data" / "statement_pairs.yaml").read_text(encoding="utf-8"))["pairs"]
    assert len(raw) >= 150 and len({p["id"] for p in raw}) == len(raw)
    kinds = {"verbatim", "trimmed", "paraphrase", "translation", "different"}
    for p in raw:
        assert p["kind"] in kinds and p["same"] is (p["kind"] != "different"), p["id"]
        assert p["split"] == _ecbplus_split(p["topic"]) if "_ecb" in p["topic"] else p["split"] in ("dev", "test")
    same = [p for p in raw if p["same"]]
    assert sum(p["kind"] in ("paraphrase", "translation") for p in raw) * 2 >= len(same)


def _ecbplus_split(topic: str) -> str:
    """The split rule the data file states for ECB+: odd topic numbers dev, even ones test."""
    return "dev" if int(topic.split("_")[0]) % 2 else "test"


def test_rules_hold_what_the_dev_sweep_learns(grouping) -> None:
    pairs = grouping.load_pairs()
    dev = [p for p in pairs if p.split == "dev"]
    rules = dict(load_rules("quote_similarity"))
    chosen = grouping.learn(dev, rules).chosen
    assert {k: rules[k] for k in chosen} == chosen
