"""The search index keeps what readers look for and leaves out what only repeats text found elsewhere;
Zensical builds the same content with the same mkdocs.yml and honours the same exclusions."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.model, pytest.mark.site]
LEFT_OUT = ("backlinks", "mentions", "removed", "compare/#matrix", "compare/#differences", "compare/#by-source")


def _section(location: str) -> str:
    return location.partition("#")[2]


def _left_out(locations: list[str]) -> set[str]:
    found = {_section(loc) for loc in locations} | {loc for loc in locations if loc.startswith("compare/#")}
    return found & set(LEFT_OUT)


@pytest.fixture(scope="module")
def mkdocs_index(built_site) -> list[dict]:
    return json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_index_leaves_out_repeated_sections(mkdocs_index) -> None:
    assert not _left_out([d["location"] for d in mkdocs_index])
    text = " ".join(d["text"] for d in mkdocs_index)
    assert "Linked from" not in text and "pages link here" not in text
    assert "<svg" not in text and "Timeline chart of" not in text


def test_search_index_keeps_names_outlets_quotes_and_articles(mkdocs_index, built_site) -> None:
    facts = json.loads((built_site.content / "facts.json").read_text(encoding="utf-8"))
    titles = {d["title"] for d in mkdocs_index}
    for person in facts["people"]:
        assert person["name"] in titles, person["name"]  # each person page's h1
    text = " ".join(d["title"] + " " + d["text"] for d in mkdocs_index)
    for source in facts["sources"]:
        if source["outlet"]:
            assert source["outlet"] in text
    quote = next(q for q in facts["quotes"] if not q["partial"] and len(q["text"].split()) > 8)
    assert " ".join(quote["text"].split()[2:6]) in text
    article_sections = [d for d in mkdocs_index if d["location"].startswith("sources/") and _section(d["location"]) == "text"]
    assert len(article_sections) == len(facts["sources"])  # every article's text, once


def test_zensical_builds_the_same_content(built_site, tmp_path) -> None:
    zensical = Path(sys.executable).parent / "zensical"
    if not zensical.exists():
        pytest.skip("zensical is not installed (pip install -e '.[bench]')")
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(built_site.content, project / "content")  # Zensical wants docs_dir inside the project
    shutil.copytree(REPO / "overrides", project / "overrides")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    done = subprocess.run([str(zensical), "build", "-f", "mkdocs.yml"], cwd=project, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (project / "site" / "index.html").is_file()
    items = json.loads((project / "site" / "search.json").read_text(encoding="utf-8"))["items"]
    assert not _left_out([i["location"] for i in items])
    assert any("Peskov" in i["title"] for i in items)
