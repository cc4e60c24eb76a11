"""Shared fixtures. Keep this small: module-specific fixtures belong in their test module."""

from __future__ import annotations

import os
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


# Headless Debian Chromium driven by Playwright, one per session (Playwright's sync API allows one at a time).
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium keeps trying to reach Google's hosts, which this
# machine's closed network refuses. Playwright's launch() gives every browser a fresh temporary profile.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        # a failure, not a skip: a run without a browser has not tested the site
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (make test does it with apt-get)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
