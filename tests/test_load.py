"""LOAD stage: formats, sources.yaml, skipped files and errors that name the file."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.errors import SourceError
from generator.ingest.load import markdown_lines, read_sources
from generator.model import Metadata

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
MARCH_4 = dt.date(2025, 3, 4)


def seeds(tmp_path: Path, *fixtures: str, **files: str | bytes) -> Path:
    """A seeds folder holding copies of ``fixtures`` and the given ``files`` (name → content)."""
    folder = tmp_path / "seeds"
    folder.mkdir(exist_ok=True)
    for name in fixtures:
        shutil.copy(FIXTURES / name, folder / name)
    for name, content in files.items():
        path = folder / name.replace("__", ".")
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("fixture", "fmt", "given", "origins", "text_start"),
    [
        (
            "date_marker.txt",
            "txt",
            Metadata(published=MARCH_4),
            (("published", "date marker"),),
            "Officials in Geneva said on Tuesday",
        ),
        ("missing_date.txt", "txt", Metadata(), (), "Talks resume in Geneva\n\nOfficials said"),
        (
            "bom_crlf.txt",
            "txt",
            Metadata(published=MARCH_4),
            (("published", "date marker"),),
            "Officials said the talks would resume.\nThe mediator",
        ),
        (
            "front_matter.md",
            "md",
            Metadata(
                title="Ceasefire talks resume in Geneva",
                outlet="Example Times",
                url="https://example.com/news/geneva-talks",
                published=MARCH_4,
                author="Jane Roe",
            ),
            tuple((name, "front matter") for name in ("author", "outlet", "published", "title", "url")),
            "Ceasefire talks resume in Geneva\n\nOfficials said on Tuesday that the ceasefire talks would resume",
        ),
        (
            "saved_page.html",
            "html",
            Metadata(
                title="Ceasefire talks resume in Geneva",
                outlet="Example Times",
                url="https://example.com/news/geneva-talks",
                published=MARCH_4,
                author="Jane Roe",
            ),
            (("author", "page meta author"), ("outlet", "page site name"), ("published", "page meta date"),
             ("title", "page headline"), ("url", "page canonical link")),
            "Ceasefire talks resume in Geneva\nOfficials said on Tuesday",
        ),
    ],
)
def test_read_sources_reads_each_format(tmp_path, fixture, fmt, given, origins, text_start):
    (doc,) = read_sources(seeds(tmp_path, fixture))
    assert doc.id == Path(fixture).stem
    assert doc.path == fixture
    assert doc.format == fmt
    assert doc.given == given
    assert doc.origins == origins
    assert doc.text.startswith(text_start)
    assert "\r" not in doc.text and "\ufeff" not in doc.text


def test_read_sources_html_keeps_only_article_text(tmp_path):
    (doc,) = read_sources(seeds(tmp_path, "saved_page.html"))
    assert "Palais des Nations" in doc.text
    assert "alert(" not in doc.text
    assert "All rights reserved" not in doc.text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("one\ntwo\n\nthree", "one two\n\nthree"),
        ("# Heading #\nText", "Heading\n\nText"),
        ("See the [report](https://x.org/a_(b)) now.", "See the report now."),
        ("> “Quoted,” he said.", "“Quoted,” he said."),
        ("It was **very** __rare__.", "It was very rare."),
        ("Text\n![alt](https://x.org/i.png)\nMore", "Text\n\n![alt](https://x.org/i.png) More"),
        ("- one\n- two", "- one\n\n- two"),
        ("<b>kept as text</b> & more", "<b>kept as text</b> & more"),
    ],
)
def test_markdown_lines_gives_one_line_per_paragraph(body, expected):
    assert markdown_lines(body) == expected


@pytest.mark.parametrize("key", ["missing_date.txt", "missing_date"])
def test_sources_yaml_overrides_by_name_or_stem(tmp_path, key):
    folder = seeds(
        tmp_path,
        "missing_date.txt",
        "front_matter.md",
        sources__yaml=f"{key}:\n  published: 2025-03-01\n  outlet: Wire\nfront_matter:\n  title: Better title\n",
    )
    docs = {doc.id: doc for doc in read_sources(folder)}
    assert docs["missing_date"].given == Metadata(outlet="Wire", published=dt.date(2025, 3, 1))
    assert docs["missing_date"].origins == (("outlet", "sources.yaml"), ("published", "sources.yaml"))
    assert docs["front_matter"].given.title == "Better title"
    assert dict(docs["front_matter"].origins)["title"] == "sources.yaml"
    assert dict(docs["front_matter"].origins)["outlet"] == "front matter"
    assert docs["front_matter"].given.outlet == "Example Times"


def test_read_sources_skips_other_files_and_sorts_by_id(tmp_path):
    folder = seeds(
        tmp_path,
        "missing_date.txt",
        "date_marker.txt",
        README__md="# About these seeds\n",
        readme__txt="notes",
        **{".hidden.txt": "secret", "notes.pdf": b"%PDF", "backup.txt~": "old", "sources__yaml": ""},
    )
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.txt").write_text("Nested.", encoding="utf-8")
    assert [doc.id for doc in read_sources(folder)] == ["date_marker", "missing_date"]


def test_read_sources_keeps_html_in_text_files_as_text(tmp_path):
    folder = seeds(tmp_path, a__txt="He wrote <script>alert(1)</script> & left.\n")
    (doc,) = read_sources(folder)
    assert doc.text == "He wrote <script>alert(1)</script> & left.\n"


def test_front_matter_unknown_keys_are_ignored(tmp_path, caplog):
    folder = seeds(tmp_path, a__md="---\ntitle: T\ntags: [x]\ndate: 2025-03-04\n---\nText.\n")
    (doc,) = read_sources(folder)
    assert doc.given == Metadata(title="T", published=MARCH_4)
    assert "tags" in caplog.text


@pytest.mark.parametrize(
    ("fixtures", "files", "expected"),
    [
        (("bad_yaml.md",), {}, ["bad_yaml.md: front matter is not valid YAML (line 4", "Fix the YAML between"]),
        (("unclosed_front_matter.md",), {}, ["unclosed_front_matter.md: front matter", "closing '---'"]),
        (("bad_published.md",), {}, ["bad_published.md: front matter: 'published'", "YYYY-MM-DD"]),
        (("bad_date_marker.txt",), {}, ["bad_date_marker.txt: the date marker 'date 2025-02-30'", "date YYYY-MM-DD"]),
        (("not_utf8.txt",), {}, ["not_utf8.txt: not valid UTF-8", "Save the file as UTF-8"]),
        ((), {"x__html": "<html><body></body></html>"}, ["x.html: no article text found", ".txt file"]),
        ((), {"a__md": "---\npublished: 2025-02-30\n---\nText.\n"}, ["a.md: front matter has an impossible date"]),
        ((), {"a__md": "---\n- a list\n---\nText.\n"}, ["a.md: front matter must be 'key: value' lines"]),
        ((), {"a__md": "---\nurl: javascript:alert(1)\n---\nText.\n"}, ["a.md: front matter: the url", "http://"]),
        ((), {"a__txt": "A.", "a__md": "B."}, ["a.md and", "a.txt: two articles have the id 'a'", "Rename"]),
        ((), {}, ["no articles found", "Add the article files"]),
        ((), {"README__md": "# Seeds"}, ["no articles found"]),
        (
            ("missing_date.txt",),
            {"sources__yaml": "missing_date:\n  titel: Typo\n"},
            ["sources.yaml: the entry 'missing_date' has the unknown key 'titel'", "Use only: title, outlet"],
        ),
        (
            ("missing_date.txt",),
            {"sources__yaml": "gone.txt:\n  title: T\n"},
            ["sources.yaml: the entry 'gone.txt' names no article", "remove the entry"],
        ),
        (("missing_date.txt",), {"sources__yaml": "001:\n  title: T\n"}, ["Quote names that look like numbers"]),
        (("missing_date.txt",), {"sources__yaml": "a: [b\n"}, ["sources.yaml: the file is not valid YAML (line"]),
        (("missing_date.txt",), {"sources__yaml": "- a\n"}, ["sources.yaml: must map article file names"]),
        (
            ("missing_date.txt",),
            {"sources__yaml": "missing_date.txt: {title: A}\nmissing_date: {title: B}\n"},
            ["sources.yaml: the article 'missing_date' has two entries"],
        ),
        (
            ("missing_date.txt",),
            {"sources__yaml": "missing_date:\n  published: soon\n"},
            ["sources.yaml: the entry 'missing_date': 'published' must be a date"],
        ),
    ],
)
def test_read_sources_errors_name_the_file_and_the_fix(tmp_path, fixtures, files, expected):
    with pytest.raises(SourceError) as caught:
        read_sources(seeds(tmp_path, *fixtures, **files))
    for part in expected:
        assert part in str(caught.value)


def test_read_sources_missing_folder_is_an_error(tmp_path):
    with pytest.raises(SourceError, match="no such folder"):
        read_sources(tmp_path / "nope")
