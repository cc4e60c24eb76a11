"""LOAD stage: formats, sources.yaml, skipped files and errors that name the file."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from generator.errors import SourceError
from generator.ingest.load import load_sources, markdown_lines, read_sources
from generator.model import Metadata
from generator.slugs import short_hash, source_ids

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
MARCH_4 = dt.date(2025, 3, 4)
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 8


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
        (("bad_yaml.md",), {}, ["bad_yaml.md: skipped, front matter is not valid YAML (line 4", "Fix the YAML between"]),
        (("unclosed_front_matter.md",), {}, ["unclosed_front_matter.md: skipped, front matter", "closing '---'"]),
        (("bad_published.md",), {}, ["bad_published.md: skipped, front matter: 'published'", "YYYY-MM-DD"]),
        (("bad_date_marker.txt",), {}, ["bad_date_marker.txt: skipped, the date marker 'date 2025-02-30'", "date YYYY-MM-DD"]),
        ((), {"x__html": "<html><body></body></html>"}, ["x.html: skipped, no article text found", ".txt file"]),
        ((), {"a__md": "---\npublished: 2025-02-30\n---\nText.\n"}, ["a.md: skipped, front matter has an impossible date"]),
        ((), {"a__md": "---\n- a list\n---\nText.\n"}, ["a.md: skipped, front matter must be 'key: value' lines"]),
        ((), {"a__md": "---\nurl: javascript:alert(1)\n---\nText.\n"}, ["a.md: skipped, front matter: the url", "http://"]),
        ((), {"empty__txt": ""}, ["empty.txt: skipped, the file is empty", "Paste the article's text"]),
        ((), {"blank__md": " \n\t\n"}, ["blank.md: skipped, the file is empty"]),
        ((), {"photo__txt": PNG}, ["photo.txt: skipped, it", "Save the article's text as a UTF-8 .txt file"]),
        ((), {"zeros__txt": b"\x00" * 500}, ["zeros.txt: skipped, it holds binary data"]),
        ((), {"u16__txt": b"\xff\xfe" + b"\x00\xd8"}, ["u16.txt: skipped, it starts with a utf-16 byte-order mark"]),
    ],
)
def test_unusable_files_are_skipped_with_a_reason_and_a_fix(tmp_path, fixtures, files, expected, caplog):
    folder = seeds(tmp_path, "missing_date.txt", *fixtures, **files)
    loaded = load_sources(folder)
    assert [doc.path for doc in loaded.documents] == ["missing_date.txt"]
    (skipped,) = loaded.skipped
    for part in expected:
        assert part in skipped.message
    assert skipped.message in caplog.text  # the warning the build counts (and --strict makes fatal)


@pytest.mark.parametrize(
    ("fixtures", "files", "expected"),
    [
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
            ["sources.yaml: the article 'missing_date.txt' has two entries"],
        ),
        (
            ("missing_date.txt",),
            {"sources__yaml": "missing_date:\n  published: soon\n"},
            ["sources.yaml: the entry 'missing_date': 'published' must be a date"],
        ),
        (
            (),
            {"a__md": "Text.", "a__txt": "Text.", "sources__yaml": "a: {title: T}\n"},
            ["sources.yaml: the entry 'a' names several files (a.md, a.txt)", "Use the full file name"],
        ),
        (("missing_date.txt",), {"sources__yaml": PNG}, ["sources.yaml: it", "UTF-8"]),
    ],
)
def test_configuration_errors_stop_the_load(tmp_path, fixtures, files, expected):
    with pytest.raises(SourceError) as caught:
        load_sources(seeds(tmp_path, *fixtures, **files))
    for part in expected:
        assert part in str(caught.value)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["000_cb0d55bf.txt"], ["000_cb0d55bf"]),  # already safe: unchanged, so existing links stay
        (["my story.txt"], ["my-story"]),
        (["Putin – Ёлка story 🎉.txt"], ["putin-iolka-story"]),
        (["Report.TXT"], ["report"]),
        (["🎉.txt"], ["x-" + short_hash("🎉")]),
        (["a.md", "a.txt"], ["a", "a-" + short_hash("a.txt", length=6)]),
        (["My Story.txt", "my story.md", "my-story.html"], [  # the file named like the id keeps it
            "my-story-" + short_hash("My Story.txt", length=6), "my-story-" + short_hash("my story.md", length=6),
            "my-story"]),
        (["B.txt", "b!.txt"], ["b", "b-" + short_hash("b!.txt", length=6)]),
    ],
)
def test_source_ids_are_ascii_slugs_of_any_file_name(names, expected):
    ids = source_ids(names)
    assert [ids[name] for name in names] == expected
    assert source_ids(list(reversed(names))) == ids  # the order the folder lists them in does not matter
    for source_id in ids.values():
        assert re.fullmatch(r"[a-z0-9][a-z0-9_-]*", source_id)


def test_sources_keep_their_original_file_name(tmp_path):
    folder = seeds(tmp_path, **{"Putin – Ёлка story 🎉__txt": "Text.", "sources__yaml": "Putin – Ёлка story 🎉.txt: {outlet: Ёлка}\n"})
    (doc,) = read_sources(folder)
    assert (doc.id, doc.path, doc.given.outlet) == ("putin-iolka-story", "Putin – Ёлка story 🎉.txt", "Ёлка")


TEXT = "Le président a déclaré « nous ne céderons pas » lundi, selon l’agence.\nDeuxième paragraphe : été, café."


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (TEXT.encode("utf-8"), None),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), None),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), None),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), None),
        (TEXT.replace("’", "'").encode("cp1252"), "read as cp1252"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), None),
        (TEXT.replace("\n", "\r").encode("utf-8"), None),
        (TEXT.replace("présid", "pr\x00ésid\x1b").replace("lundi", "lun\u200bdi\u202e").encode("utf-8"), None),
    ],
)
def test_any_encoding_and_line_end_reads_as_the_same_text(tmp_path, data, warning, caplog):
    (doc,) = read_sources(seeds(tmp_path, a__txt=data))
    assert doc.text == TEXT.replace("’", "'") if warning else doc.text == TEXT
    assert (warning in caplog.text) if warning else "WARNING" not in caplog.text


def test_cyrillic_legacy_encoding_is_detected(tmp_path, caplog):
    text = "Путин заявил, что переговоры продолжатся в понедельник, сообщает агентство."
    (doc,) = read_sources(seeds(tmp_path, a__txt=text.encode("cp1251")))
    assert doc.text == text
    assert "a.txt: not UTF-8; read as cp1251" in caplog.text


def test_read_sources_missing_folder_is_an_error(tmp_path):
    with pytest.raises(SourceError, match="no such folder"):
        read_sources(tmp_path / "nope")


def test_files_over_the_size_limit_are_skipped(tmp_path, monkeypatch):
    from generator.rules import load_rules

    monkeypatch.setitem(load_rules("input")["files"], "max_bytes", 1000)
    loaded = load_sources(seeds(tmp_path, "missing_date.txt", big__txt="Word. " * 1000))
    (skipped,) = loaded.skipped
    assert skipped.path == "big.txt" and "larger than" in skipped.reason and "Keep only the article's text" in skipped.reason


def test_an_unreadable_file_is_skipped(tmp_path, monkeypatch):
    folder = seeds(tmp_path, "missing_date.txt", locked__txt="Text.")
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)  # root reads any file: refuse this one by hand
    (skipped,) = load_sources(folder).skipped
    assert skipped.message == ("locked.txt: skipped, cannot be read (Permission denied). "
                               "Check that the file exists and is readable.")
