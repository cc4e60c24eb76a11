"""The site stage's page cache: the same site/ byte for byte whether pages were converted or restored.

The content is the repository's generated content/ plus a few pages written here (front matter, headings
with and without ids, tables, raw HTML anchors, links to anchors of other pages and of themselves, hover
preview targets). Built with no cache, a cold cache and a warm one, every file of site/ must be the same;
a changed page is converted again, a corrupt or foreign entry is ignored and rewritten, and a broken anchor
or link still fails the strict build when the page that holds it comes from the cache.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

from generator import cache_store
from generator.publish import page_chunks
from generator.errors import BuildError
from generator.publish.page_cache import FOLDER
from generator.publish.site import build_site

REPO = Path(__file__).resolve().parent.parent

EXTRA = {
    "sources/zz_generated_one.md": """---
title: Generated one
---

# A generated article {: #top }

Talks went on. See [the other article](zz_generated_two.md#findings) and [the top](#top),
[the people](../people/index.md) and [the quotes](../quotes.md).

## Findings

| Who | What |
|---|---|
| [Someone](../people/index.md) | said *something* & more <b>bold</b> |

<span id="raw-anchor"></span>Raw anchor text.
""",
    "sources/zz_generated_two.md": """# Second generated article

## Findings {: #findings }

Back to [the first](zz_generated_one.md#raw-anchor) and [its findings](zz_generated_one.md#findings).

## Findings

The same heading twice gets a second id. Unicode: “quoted” — Zürich.
""",
}


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(REPO / "content", folder)
    for name, text in EXTRA.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module", autouse=True)
def _fixed_build_date():
    """The pages' dates (sitemap.xml and its gzip header) are the build's date: one for every build here."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1735689600")
        yield


def _site(content: Path, out: Path, cache: Path | None, caplog) -> tuple[Path, str]:
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="generator.publish.page_cache"):
        build_site(REPO / "mkdocs.yml", content, out, "A test story", cache_dir=cache)
    summary = [r.getMessage() for r in caplog.records if r.getMessage().startswith("page cache:")]
    return out, summary[-1] if summary else ""


def _same_tree(a: Path, b: Path) -> None:
    files = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    assert any(name.endswith("sitemap.xml.gz") for name in files)
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def _pages(content: Path) -> int:
    return sum(1 for _ in content.rglob("*.md"))


@pytest.fixture(scope="module")
def reference(content, tmp_path_factory) -> Path:
    """The site built without any cache (a plain MkDocs build)."""
    out = tmp_path_factory.mktemp("reference") / "site"
    build_site(REPO / "mkdocs.yml", content, out, "A test story")
    return out


@pytest.fixture(scope="module")
def warm(content, tmp_path_factory) -> Path:
    """A page cache filled by one build of ``content`` (each test takes a copy)."""
    cache = tmp_path_factory.mktemp("warm") / "cache"
    build_site(REPO / "mkdocs.yml", content, cache.parent / "site", "A test story", cache_dir=cache)
    return cache


def _copy(cache: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(cache, tmp_path / "cache"))


def test_cold_and_warm_cache_give_the_same_site(content, reference, tmp_path, caplog) -> None:
    cache = tmp_path / "cache"
    cold, summary = _site(content, tmp_path / "cold", cache, caplog)
    assert summary.startswith(f"page cache: 0 pages restored, {_pages(content)} rendered")
    _same_tree(reference, cold)
    warm, summary = _site(content, tmp_path / "warm", cache, caplog)
    pages = _pages(content)
    assert summary.startswith(f"page cache: {pages} pages restored, 0 rendered; {pages} templates restored, 0")
    _same_tree(reference, warm)
    index = json.loads((warm / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("Zürich" in doc["text"] for doc in index["docs"])  # restored pages' search entries


def test_a_new_site_name_renders_every_template_but_converts_no_page(content, warm, tmp_path, caplog) -> None:
    cache = _copy(warm, tmp_path)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="generator.publish.page_cache"):
        build_site(REPO / "mkdocs.yml", content, tmp_path / "renamed", "Another title", cache_dir=cache)
    pages = _pages(content)
    assert f"page cache: {pages} pages restored, 0 rendered; 0 templates restored, {pages} rendered" in caplog.text
    plain = tmp_path / "plain"
    build_site(REPO / "mkdocs.yml", content, plain, "Another title")
    _same_tree(plain, tmp_path / "renamed")


def test_a_changed_page_is_converted_again(content, warm, tmp_path, caplog) -> None:
    cache = _copy(warm, tmp_path)
    changed = tmp_path / "changed"
    shutil.copytree(content, changed)
    page = changed / "sources" / "zz_generated_two.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Zürich", "Geneva"), encoding="utf-8")
    (changed / "sources" / "zz_added.md").write_text("# Added\n\nA page nobody links to.\n", encoding="utf-8")

    warm, summary = _site(changed, tmp_path / "warm", cache, caplog)
    assert summary.startswith(f"page cache: {_pages(content) - 1} pages restored, 2 rendered")
    assert "Geneva" in (warm / "sources" / "zz_generated_two" / "index.html").read_text(encoding="utf-8")
    _same_tree(_site(changed, tmp_path / "plain", None, caplog)[0], warm)


def test_a_page_whose_link_target_appears_is_converted_again(content, warm, tmp_path, caplog) -> None:
    cache = _copy(warm, tmp_path)
    changed = tmp_path / "changed"
    shutil.copytree(content, changed)
    (changed / "sources" / "zz_generated_one.md").rename(changed / "sources" / "zz_moved.md")
    two = changed / "sources" / "zz_generated_two.md"
    two.write_text(two.read_text(encoding="utf-8").replace("zz_generated_one.md", "zz_moved.md"), encoding="utf-8")
    one = changed / "sources" / "zz_moved.md"
    one.write_text(one.read_text(encoding="utf-8").replace("(#top)", "(zz_moved.md#top)"), encoding="utf-8")
    warm, _ = _site(changed, tmp_path / "warm", cache, caplog)
    _same_tree(_site(changed, tmp_path / "plain", None, caplog)[0], warm)


def test_corrupt_and_foreign_entries_are_ignored_and_rewritten(content, reference, warm, tmp_path, caplog) -> None:
    cache = _copy(warm, tmp_path)
    entries = sorted((cache / FOLDER).glob("*/*.json"))
    assert len(entries) == _pages(content)
    entries[0].write_bytes(entries[0].read_bytes()[:-20] + b"corrupted bytes here")  # digest mismatch
    body = json.loads(cache_store.unframe(entries[1].read_bytes()))
    entries[1].write_bytes(cache_store.frame(json.dumps({**body, "key": "another"}).encode()))  # foreign
    body = json.loads(cache_store.unframe(entries[2].read_bytes()))
    entries[2].write_bytes(cache_store.frame(json.dumps({**body, "content": 7}).encode()))  # wrong type

    warm, summary = _site(content, tmp_path / "warm", cache, caplog)
    assert summary.startswith(f"page cache: {_pages(content) - 3} pages restored, 3 rendered")
    _same_tree(reference, warm)
    for entry in entries[:3]:
        assert json.loads(cache_store.unframe(entry.read_bytes()))["content"]  # rewritten whole


def test_a_broken_anchor_fails_the_strict_build_from_a_warm_cache(content, warm, tmp_path, caplog) -> None:
    cache = _copy(warm, tmp_path)
    changed = tmp_path / "changed"
    shutil.copytree(content, changed)
    two = changed / "sources" / "zz_generated_two.md"  # zz_generated_one.md (cached) links to its #findings
    text = two.read_text(encoding="utf-8").replace("## Findings", "## Results").replace("#findings", "#results")
    two.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError):
        _site(changed, tmp_path / "broken-anchor", cache, caplog)
    assert "does not contain an anchor '#findings'" in caplog.text


def test_a_broken_link_fails_the_strict_build_from_a_warm_cache(content, warm, tmp_path, caplog) -> None:
    cache = _copy(warm, tmp_path)
    changed = tmp_path / "changed"
    shutil.copytree(content, changed)
    (changed / "sources" / "zz_generated_two.md").unlink()  # zz_generated_one.md (unchanged) links to it
    with pytest.raises(BuildError):
        _site(changed, tmp_path / "broken-link", cache, caplog)
    assert "zz_generated_two.md" in caplog.text
    assert not any((cache / FOLDER).glob("*/.tmp-*"))


def test_a_failed_build_writes_no_entry(content, tmp_path, caplog) -> None:
    changed = tmp_path / "changed"
    shutil.copytree(content, changed)
    (changed / "sources" / "zz_generated_two.md").unlink()
    cache = tmp_path / "cache"
    with pytest.raises(BuildError):
        _site(changed, tmp_path / "site", cache, caplog)
    assert not (cache / FOLDER).exists()


@pytest.fixture()
def cut_every_page(monkeypatch) -> None:
    """Every page that allows it is converted piece by piece (only long pages are, by default)."""
    monkeypatch.setattr(page_chunks, "CHUNK_MIN", 0)
    monkeypatch.setattr(page_chunks, "GROUP", 1)  # a piece per section


def test_pages_converted_piece_by_piece_give_the_same_site(content, reference, tmp_path, caplog,
                                                          cut_every_page) -> None:
    cut = [p for p in content.rglob("*.md") if page_chunks.chunks_of(_markdown(p))]
    assert len(cut) >= 5  # people pages, the quotes page, the generated articles…
    cache = tmp_path / "cache"
    _same_tree(reference, _site(content, tmp_path / "cold", cache, caplog)[0])
    assert list((cache / FOLDER).glob("*/*.pieces"))

    _site(content, tmp_path / "again", cache, caplog)  # unchanged: the pieces stay for the next version

    changed = tmp_path / "changed"
    shutil.copytree(content, changed)
    person = changed / "people" / "antonio-costa.md"  # cut before each of its headings
    text = person.read_text(encoding="utf-8")
    person.write_text(text.replace("European Council President. ", "President of the European Council. "),
                      encoding="utf-8")
    warm, summary = _site(changed, tmp_path / "warm", cache, caplog)
    pieces = len(page_chunks.chunks_of(_markdown(person)))
    assert f"{pieces - 1} pieces of long pages reused, 1 converted" in summary  # only the section that changed
    _same_tree(_site(changed, tmp_path / "plain", None, caplog)[0], warm)


def test_sections_are_grouped_into_pieces_by_their_text() -> None:
    sections = [f"## S{i} {{: #s{i} }}\n\ntext {i}" for i in range(200)]
    pieces = page_chunks._grouped(sections)
    assert "\n\n".join(pieces) == "\n\n".join(sections) and 10 < len(pieces) < 50
    changed = page_chunks._grouped(sections[:100] + ["## S100 {: #s100 }\n\nchanged"] + sections[101:])
    assert len(set(changed) - set(pieces)) <= 2  # the changed section's piece (and the next one, if it moved a cut)


def test_pieces_are_cut_only_where_they_convert_alone(monkeypatch) -> None:
    monkeypatch.setattr(page_chunks, "GROUP", 1)
    long = "x" * page_chunks.CHUNK_MIN
    assert page_chunks.chunks_of(f"# A {{: #a }}\n\n{long}\n\n## B {{: #b }}\n\ntext") == [
        f"# A {{: #a }}\n\n{long}", "## B {: #b }\n\ntext"]
    assert page_chunks.chunks_of(f"# A\n\n{long}\n\n## B {{: #b }}") is None  # a generated id
    assert page_chunks.chunks_of(f"# A {{: #a }}\n\n[x]: http://x\n\n{long}\n\n## B {{: #b }}") is None
    assert page_chunks.chunks_of(f"# A {{: #a }}\n\n<div>\n\n{long}\n\n## B {{: #b }}\n\n</div>") is None
    raw = f"# A {{: #a }}\n\n{long}\n\n<div>closed</div>\n\n## B {{: #b }}\n\ntext\n\n## C {{: #c }}"
    assert page_chunks.chunks_of(raw) == [f"# A {{: #a }}\n\n{long}\n\n<div>closed</div>\n\n## B {{: #b }}\n\ntext",
                                          "## C {: #c }"]


def _markdown(path: Path) -> str:
    from mkdocs.utils import meta

    return meta.get_data(path.read_text(encoding="utf-8"))[0]
