"""What a folder of articles can hold, built into folders that already hold a good site.

Each case is the seeds plus one odd file (the table in the README, "Bad input and what you get"): the build
goes on, skips what cannot be used with a warning naming the file, says so in its summary and on the
sources page's build report, and leaves content/ and site/ readable by a web server. ``--strict`` makes a
skipped file fatal, and then the good site is left as it was.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.errors import StrictError
from generator.pipeline import BuildOptions, build

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "sources"
SEEDS = ("002_6c490909435b3305.txt", "004_28dc85c1b7e8a53d.txt")  # two seeds keep each build short
GENEVA = (FIXTURES / "geneva_talks.txt").read_text(encoding="utf-8")
pytestmark = [pytest.mark.model, pytest.mark.site]


@pytest.fixture(scope="module")
def nlp():
    from generator.pipeline import prepare_model

    return prepare_model("en_core_web_sm")


@pytest.fixture(scope="module")
def good_site(tmp_path_factory, nlp) -> Path:
    """content/ and site/ of a good build of the two seeds (each test copies them)."""
    root = tmp_path_factory.mktemp("good")
    seeds = root / "seeds"
    seeds.mkdir()
    for name in SEEDS:
        shutil.copy(REPO / "seeds" / name, seeds / name)
    build(BuildOptions(seeds_dir=seeds, content_dir=root / "content", site_dir=root / "site",
                       config_file=REPO / "mkdocs.yml"), nlp=nlp)
    return root


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@dataclass(frozen=True)
class Case:
    name: str  # the odd file's name
    content: Callable[[], bytes]
    skipped: str | None = None  # what the build report says about a skipped file
    warning: str | None = None  # a warning the build gives (the file is used)
    page: str | None = None  # the source page the file becomes (content path)
    on_page: tuple[str, ...] = ()  # what that page shows


def _binary() -> bytes:
    return bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 40


def _login_page() -> bytes:
    return (
        b"<!doctype html><html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a></nav>"
        b"<main><h1>Sign in</h1><form><label>Email <input name=email></label><label>Password "
        b"<input type=password></label><button>Sign in</button></form><p><a href='/reset'>Forgot your "
        b"password?</a></p></main><footer>Terms | Privacy | Help</footer></body></html>"
    )


def _huge() -> bytes:  # over the limit the test sets (nlp.max_length = 3000): parsed in pieces
    return (GENEVA + "\n\n" + "\n\n".join(
        f"Paragraph {n}: the mediator, Anna Lindqvist, said on Tuesday that “talks will go on”, officials said."
        for n in range(120))).encode("utf-8")


CASES = [
    Case("Putin – Ёлка story 🎉.txt", lambda: GENEVA.encode(), page="sources/putin-iolka-story.md",
         on_page=("Putin – Ёлка story 🎉.txt",)),
    Case("my story.txt", lambda: GENEVA.encode(), page="sources/my-story.md", on_page=("my story.txt",)),
    Case("Capitals.TXT", lambda: GENEVA.encode(), page="sources/capitals.md", on_page=("Capitals.TXT",)),
    # a name whose bytes are not UTF-8 (Latin-1 "café"), and one with a line break in it
    Case("caf\udce9 story.txt", lambda: GENEVA.encode(), page="sources/caf-story.md", on_page=("caf\ufffd story.txt",)),
    Case("new\nline.txt", lambda: GENEVA.encode(), page="sources/new-line.md", on_page=("new line.txt",)),
    Case("empty.txt", lambda: b"", skipped="empty.txt | the file is empty"),
    Case("photo.txt", _binary, skipped="photo.txt | it"),
    Case("windows.txt", lambda: GENEVA.replace("“", '"').replace("”", '"').replace("Lindqvist", "Lindqvïst").encode("cp1252"),
         warning="windows.txt: not UTF-8; read as cp1252", page="sources/windows.md", on_page=("Lindqvïst",)),
    Case("login.html", _login_page, skipped="login.html | "),
    Case("broken.md", lambda: b"---\ntitle: [unclosed\n---\n" + GENEVA.encode(), skipped="broken.md | front matter is not valid YAML"),
    Case("copy of 002.txt", lambda: (REPO / "seeds" / SEEDS[0]).read_bytes(),
         warning="copy of 002.txt holds the same article as 002_6c490909435b3305.txt",
         page="sources/002_6c490909435b3305.md", on_page=("Also published as", "copy of 002.txt")),
    Case("huge.txt", _huge, warning="huge.txt: ", page="sources/huge.md", on_page=("Paragraph 119",)),
]


def _escaped(text: str) -> str:
    """How the Markdown pages write text from a file (escape_md), to look for it on a page."""
    from generator.pages.base import escape_md

    return str(escape_md(text))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_one_odd_file_never_takes_the_story_down(case: Case, good_site: Path, tmp_path: Path, nlp, monkeypatch) -> None:
    seeds, content, site = tmp_path / "seeds", tmp_path / "content", tmp_path / "site"
    shutil.copytree(good_site / "seeds", seeds)
    shutil.copytree(good_site / "content", content)
    shutil.copytree(good_site / "site", site)
    (seeds / case.name).write_bytes(case.content())
    if case.name == "huge.txt":
        monkeypatch.setattr(nlp, "max_length", 3000)
    old = os.umask(0o022)
    try:
        report = build(BuildOptions(seeds_dir=seeds, content_dir=content, site_dir=site, config_file=REPO / "mkdocs.yml"), nlp=nlp)
    finally:
        os.umask(old)

    index = (content / "sources" / "index.md").read_text(encoding="utf-8")
    if case.skipped:
        assert report.skipped == 1 and "(1 skipped)" in report.summary()
        assert "## Build report" in index
        path, why = case.skipped.split(" | ")
        assert f"| {_escaped(path)} | {_escaped(why)}" in index
        assert report.sources == 2
    else:
        assert report.skipped == 0
    if case.warning:
        assert any(case.warning in w for w in report.warnings), report.warnings
        assert _escaped(case.warning) in index  # the build report lists the warning
    if case.page:
        page = (content / case.page).read_text(encoding="utf-8")
        for text in case.on_page:
            assert _escaped(text) in page or text in page
        html = site / case.page.removesuffix(".md") / "index.html"
        assert html.is_file()
    for seed in SEEDS:  # the rest of the story is there
        assert (site / "sources" / seed.removesuffix(".txt") / "index.html").is_file()
    _assert_readable(content)
    _assert_readable(site)


def _assert_readable(root: Path) -> None:
    """Directories 755 and files 644 (the umask of 022 the test sets), the folder itself included."""
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))


@pytest.mark.parametrize("case", [c for c in CASES if c.skipped][:3], ids=lambda c: c.name)
def test_strict_makes_a_skipped_file_fatal_and_keeps_the_good_site(case: Case, good_site: Path, tmp_path: Path, nlp) -> None:
    seeds, content, site = tmp_path / "seeds", tmp_path / "content", tmp_path / "site"
    shutil.copytree(good_site / "seeds", seeds)
    shutil.copytree(good_site / "content", content)
    shutil.copytree(good_site / "site", site)
    before = tree(content), tree(site)
    (seeds / case.name).write_bytes(case.content())
    with pytest.raises(StrictError) as error:
        build(BuildOptions(seeds_dir=seeds, content_dir=content, site_dir=site, config_file=REPO / "mkdocs.yml",
                           strict=True), nlp=nlp)
    assert f"{case.name}: skipped" in str(error.value)
    assert (tree(content), tree(site)) == before


def test_a_folder_of_only_unusable_files_is_an_error(tmp_path: Path, nlp) -> None:
    from generator.errors import SourceError

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "photo.txt").write_bytes(_binary())
    with pytest.raises(SourceError) as error:
        build(BuildOptions(seeds_dir=seeds, content_dir=tmp_path / "content", build_site=False), nlp=nlp)
    assert "none of its 2 article files can be used" in str(error.value)
    assert "empty.txt: skipped, the file is empty" in str(error.value)


def test_an_article_the_extraction_fails_on_is_skipped_not_the_story(good_site: Path, tmp_path: Path, nlp, monkeypatch) -> None:
    """A bug met on one article (here: extraction raising on it) skips that article with a warning naming it;
    the story is built from the others, and --strict makes it fatal."""
    import generator.extract.batch as batch

    real = batch.extract_doc

    def failing(doc, source, *args):
        if source.path == SEEDS[0]:
            raise ValueError("a bug met on this article")
        return real(doc, source, *args)

    monkeypatch.setattr(batch, "extract_doc", failing)
    seeds, content, site = tmp_path / "seeds", tmp_path / "content", tmp_path / "site"
    shutil.copytree(good_site / "seeds", seeds)
    options = BuildOptions(seeds_dir=seeds, content_dir=content, site_dir=site, config_file=REPO / "mkdocs.yml")
    report = build(options, nlp=nlp)
    assert report.sources == 1 and report.skipped == 1 and "(1 skipped)" in report.summary()
    index = (content / "sources" / "index.md").read_text(encoding="utf-8")
    assert "## Build report" in index and "a bug met on this article" in index
    assert not (content / "sources" / SEEDS[0].replace(".txt", ".md")).exists()
    assert (content / "sources" / SEEDS[1].replace(".txt", ".md")).is_file()
    with pytest.raises(StrictError) as error:
        build(BuildOptions(seeds_dir=seeds, content_dir=tmp_path / "c2", site_dir=tmp_path / "s2",
                           config_file=REPO / "mkdocs.yml", strict=True), nlp=nlp)
    assert f"{SEEDS[0]}: skipped, its facts could not be extracted (ValueError: a bug met on this article)" in str(error.value)
