"""Shared fixtures. Keep this small: module-specific fixtures belong in their test module."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuiltSite:
    seeds: Path
    content: Path
    site: Path
    report: object  # generator.pipeline.BuildReport


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The seed articles built once per test session into a temporary content/ and site/."""
    from generator.pipeline import BuildOptions, build

    tmp = tmp_path_factory.mktemp("built")
    options = BuildOptions(
        seeds_dir=REPO / "seeds",
        content_dir=tmp / "content",
        site_dir=tmp / "site",
        config_file=REPO / "mkdocs.yml",
    )
    report = build(options)
    return BuiltSite(seeds=options.seeds_dir, content=options.content_dir, site=options.site_dir, report=report)


@pytest.fixture(scope="session")
def seeds_briefing():
    """The seeds through load → clean → extract → link (no pages), once per test session."""
    from generator.pipeline import extract_facts, prepare_model

    return extract_facts(REPO / "seeds", prepare_model("en_core_web_sm"))
