"""LOAD stage: read the article files of a seeds folder into RawDocuments.

Formats: ``.txt`` (with an optional ``date YYYY-MM-DD`` marker at the very start), ``.md`` (with
optional YAML front matter) and ``.html`` saved pages (article text and metadata extracted by
trafilatura, offline). An optional ``sources.yaml`` gives or overrides metadata per file.
Metadata precedence: sources.yaml, then what the file itself declares. Nothing is inferred here.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from generator.errors import SourceError
from generator.ingest.decode import NotText, decode, normalise_text
from generator.ingest.webpage import iter_fields, read_page
from generator.model import Metadata, RawDocument, Skipped
from generator.rules import load_rules
from generator.slugs import source_ids

log = logging.getLogger(__name__)

FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
METADATA_FILE = "sources.yaml"
FIELDS = tuple(field.name for field in fields(Metadata))
FIELD_ALIASES = {"date": "published"}  # front matter often says `date:` (Jekyll, Hugo)

DATE_MARKER = re.compile(r"\A[ \t]*date:?[ \t]+(?P<value>\d+[-/.]\d+[-/.]\d+)(?:[ \t]+|(?=\n)|\Z)")
FRONT_MATTER_START = re.compile(r"\A---[ \t]*\n")
FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)

# Markdown syntax that is not part of what the article says.
MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
MD_QUOTE = re.compile(r"^>[ \t]?")
MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"\n]*\")?\)")
MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
MD_OWN_LINE = re.compile(r"^(?:[-*+][ \t]|\d+[.)][ \t]|!\[|<|#)")


# ------------------------------------------------------------------ entry


@dataclass(frozen=True)
class Loaded:
    """What the load stage read: the usable documents (sorted by id) and the files it skipped."""

    documents: tuple[RawDocument, ...]
    skipped: tuple[Skipped, ...] = ()


def load_sources(seeds_dir: Path) -> Loaded:
    """LOAD stage entry: every article in ``seeds_dir``; a file that cannot be used is skipped, not fatal.

    Problems with the folder itself or with ``sources.yaml`` stop the build (SourceError)."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise SourceError(f"{seeds_dir}: no such folder. Pass the folder that holds the article files.")
    files = article_files(seeds_dir)
    if not files:
        kinds = ", ".join(sorted(FORMATS))
        raise SourceError(
            f"{seeds_dir}: no articles found (looked for {kinds} files). Add the article files to the folder."
        )
    ids = source_ids([printable(path.name) for path in files])
    overrides = read_overrides(seeds_dir / METADATA_FILE, files)
    documents: list[RawDocument] = []
    skipped: list[Skipped] = []
    for path in files:
        loaded = load_document(path, seeds_dir, ids[printable(path.name)], overrides.get(path.name, {}))
        (skipped if isinstance(loaded, Skipped) else documents).append(loaded)
    for record in skipped:
        log.warning("%s", record.message)
    log.info("loaded %d sources from %s (%d skipped)", len(documents), seeds_dir, len(skipped))
    return Loaded(tuple(sorted(documents, key=lambda doc: doc.id)), tuple(skipped))


def read_sources(seeds_dir: Path) -> tuple[RawDocument, ...]:
    """The usable articles of ``seeds_dir`` (``load_sources`` without the list of skipped files)."""
    return load_sources(seeds_dir).documents


def printable(name: str) -> str:
    """A file name as text that can be written anywhere: bytes of the name that are not UTF-8 (which
    Python keeps as lone surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def article_files(seeds_dir: Path) -> list[Path]:
    """The article files of the folder (not sources.yaml, READMEs, dotfiles or other kinds), by name."""
    files = []
    for path in sorted(seeds_dir.iterdir()):
        skipped = (
            not path.is_file()
            or path.name.startswith(".")
            or path.name == METADATA_FILE
            or path.stem.casefold() == "readme"
            or path.suffix.casefold() not in FORMATS
        )
        if skipped:
            log.debug("skipping %s", path)
        else:
            files.append(path)
    return files


# --------------------------------------------------------------- reading


def read_text(path: Path) -> str:
    """A file's text: any encoding (a guessed one is named in a warning), line ends as "\n", no control
    characters. Raises SourceError when the file cannot be read or is not text."""
    try:
        size = path.stat().st_size
        limit = load_rules("input")["files"]["max_bytes"]
        if size > limit:
            raise SourceError(
                f"{path}: the file is {size / 1e6:.0f} MB, larger than the {limit / 1e6:.0f} MB an article may be. "
                "Keep only the article's text in it."
            )
        decoded = decode(path.read_bytes())
    except NotText as exc:
        raise SourceError(f"{path}: {exc}. Save the article's text as a UTF-8 .txt file.") from exc
    except OSError as exc:
        raise SourceError(
            f"{path}: cannot be read ({exc.strerror}). Check that the file exists and is readable."
        ) from exc
    if decoded.detected:
        log.warning("%s: not UTF-8; read as %s. Check its accents and quotation marks on its source page, "
                    "or save it as UTF-8.", printable(path.name), decoded.encoding)
    return normalise_text(decoded.text)


def load_document(path: Path, seeds_dir: Path, source_id: str, override: dict[str, Any]) -> RawDocument | Skipped:
    """One article file, or a Skipped record saying why it cannot be used and what to do."""
    name = printable(path.relative_to(seeds_dir).as_posix())
    try:
        return read_document(path, seeds_dir, override, source_id)
    except SourceError as exc:
        return Skipped(path=name, reason=printable(str(exc).removeprefix(f"{path}: ")), fix="")


def read_document(
    path: Path, seeds_dir: Path, override: dict[str, Any], source_id: str | None = None
) -> RawDocument:
    """One article file, with the metadata it declares updated by its sources.yaml entry. ``source_id``:
    its id among the folder's files (``source_ids``); alone, the slug of its own name."""
    if source_id is None:
        source_id = source_ids([printable(path.name)])[printable(path.name)]
    fmt = FORMATS[path.suffix.casefold()]
    raw = read_text(path)
    if not raw.strip():
        raise SourceError(f"{path}: the file is empty. Paste the article's text into it, or remove it.")
    body, declared, origin, furniture = _read_format(fmt, raw, path)
    values = {**declared, **override}
    return RawDocument(
        id=source_id,
        path=printable(path.relative_to(seeds_dir).as_posix()),
        format=fmt,
        text=body,
        given=Metadata(**values),
        origins=_origins(values, override, origin),
        furniture_chars=furniture,
    )


def _read_format(fmt: str, raw: str, path: Path) -> tuple[str, dict[str, Any], str | tuple[tuple[str, str], ...], int]:
    """A file's text read by its format: the body, the metadata it declares, where that metadata came from
    (``_origins``) and the characters of furniture its markup named (0 but for HTML)."""
    if fmt == "html":
        return read_html(raw, path)
    body, declared, origin = {"txt": read_txt, "md": read_md}[fmt](raw, path)
    return body, declared, origin, 0


def _origins(values: dict[str, Any], override: dict[str, Any],
             origin: str | tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Where each metadata field came from, sorted by field: sources.yaml, else the origin the file gives it."""
    # an HTML page says where each of its fields came from ("page JSON-LD"); the other formats name one origin
    where = dict(origin) if isinstance(origin, tuple) else {}
    default = origin if isinstance(origin, str) else "html metadata"
    origins = {name: ("sources.yaml" if name in override else where.get(name, default)) for name in values}
    return tuple(sorted(origins.items()))


def read_txt(raw: str, path: Path) -> tuple[str, dict[str, Any], str]:
    """A plain-text article: its body, and its date marker ("date 2025-02-27 First paragraph...") if any."""
    match = DATE_MARKER.match(raw)
    if not match:
        return raw, {}, "date marker"
    try:
        published = dt.date.fromisoformat(match.group("value"))
    except ValueError:
        published = None
    if published is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", match.group("value")):
        raise SourceError(
            f"{path}: the date marker {match.group().strip()!r} is not a valid date. "
            "Write it as 'date YYYY-MM-DD' at the very start of the file, or remove it."
        )
    return raw[match.end():], {"published": published}, "date marker"


def read_md(raw: str, path: Path) -> tuple[str, dict[str, Any], str]:
    """A Markdown article: its front matter and its body as one line per paragraph."""
    declared: dict[str, Any] = {}
    body = raw
    start = FRONT_MATTER_START.match(raw)
    if start:
        end = FRONT_MATTER_END.search(raw, start.end())
        if not end:
            raise SourceError(
                f"{path}: front matter starts with '---' but has no closing '---' line. "
                "Add a '---' line after the metadata, or remove the opening one."
            )
        declared = front_matter(raw[start.end():end.start()], path)
        body = raw[end.end():]
    return markdown_lines(body), declared, "front matter"


def read_html(raw: str, path: Path) -> tuple[str, dict[str, Any], tuple[tuple[str, str], ...], int]:
    """A saved web page: the article text, the metadata the page declares and the characters of furniture its
    markup named (never fetches anything)."""
    page = read_page(raw)
    if not page.text.strip():
        raise SourceError(
            f"{path}: no article text found in the page. Save the complete page again, "
            "or paste the article's text into a .txt file."
        )
    origins = tuple((name, f"page {how}") for name, how in page.origins)
    return page.text, dict(iter_fields(page)), origins, page.furniture_chars


# ---------------------------------------------------------------- markdown


def markdown_lines(body: str) -> str:
    """Markdown as one line per paragraph: soft-wrapped lines joined, headings, quotes and links as text.

    Anything else (HTML included) stays as written: it is text, escaped when rendered.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for raw_line in body.split("\n"):
        line = raw_line.strip()
        if not line:
            paragraphs.append(" ".join(current))
            current = []
            continue
        if MD_OWN_LINE.match(line):
            paragraphs.append(" ".join(current))
            current = []
        heading = MD_HEADING.match(line)
        line = heading.group(1) if heading else MD_QUOTE.sub("", line).rstrip("\\").strip()
        line = MD_STRONG.sub(r"\2", MD_LINK.sub(r"\1", line))
        current.append(line)
        if heading:
            paragraphs.append(" ".join(current))
            current = []
    paragraphs.append(" ".join(current))
    return "\n\n".join(p for p in paragraphs if p.strip())


# ---------------------------------------------------------------- metadata


def parse_yaml(text: str, where: str, first_line: int, fix: str) -> Any:
    """YAML text, or a SourceError naming the file and line (``first_line``: the file line of the text's line 1)."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        at = f"line {mark.line + first_line}: " if mark is not None else ""
        raise SourceError(f"{where}: {fix[0]} is not valid YAML ({at}{problem}). {fix[1]}") from exc
    except ValueError as exc:  # PyYAML raises it for an impossible date such as 2025-02-30
        raise SourceError(f"{where}: {fix[0]} has an impossible date ({exc}). {fix[1]}") from exc


def front_matter(text: str, path: Path) -> dict[str, Any]:
    """The metadata of a Markdown file's front matter; unknown keys are ignored with a warning."""
    data = parse_yaml(
        text, str(path), 2, ("front matter", "Fix the YAML between the '---' lines or remove it.")
    )
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(
            f"{path}: front matter must be 'key: value' lines ({', '.join(FIELDS)}). "
            "Fix the YAML between the '---' lines or remove it."
        )
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = FIELD_ALIASES.get(str(key), str(key))
        if name not in FIELDS:
            log.warning("%s: ignoring the front matter key %r (known keys: %s)", path, key, ", ".join(FIELDS))
            continue
        if name in values and str(key) in FIELD_ALIASES:
            continue  # `published` wins over its alias
        coerced = coerce_field(name, value, f"{path}: front matter")
        if coerced is not None:
            values[name] = coerced
    return values


def read_overrides(path: Path, files: list[Path]) -> dict[str, dict[str, Any]]:
    """sources.yaml: metadata per article, keyed by file name or stem. Returns values by file name."""
    if not path.is_file():
        return {}
    where = str(path)
    data = parse_yaml(read_text(path), where, 1, ("the file", "Fix the YAML, or remove the file."))
    if data is None:
        return {}
    articles = _Articles.of(files, path.parent)
    if not isinstance(data, dict):
        raise SourceError(
            f"{where}: must map article file names to metadata, e.g. '{articles.example}: {{title: ..., outlet: ...}}'."
        )
    overrides: dict[str, dict[str, Any]] = {}
    for key, entry in data.items():
        name = _article_of(key, articles, where)
        if name in overrides:
            raise SourceError(f"{where}: the article {name!r} has two entries. Merge them into one.")
        overrides[name] = _entry_values(str(key), entry, where)
    return overrides


@dataclass(frozen=True)
class _Articles:
    """The article files a sources.yaml entry may name, by file name or by stem, and one to show in messages."""

    names: frozenset[str]
    by_stem: Mapping[str, list[str]]
    example: str
    folder: Path

    @classmethod
    def of(cls, files: Sequence[Path], folder: Path) -> _Articles:
        by_stem: dict[str, list[str]] = {}
        for file in files:
            by_stem.setdefault(file.stem, []).append(file.name)
        return cls(frozenset(file.name for file in files), by_stem, files[0].name, folder)


def _article_of(key: Any, articles: _Articles, where: str) -> str:
    """The file name a sources.yaml key names: a file name, or the stem of exactly one file (else an error)."""
    if str(key) in articles.names:
        return str(key)
    same_stem = articles.by_stem.get(str(key), [])
    if len(same_stem) > 1:
        raise SourceError(
            f"{where}: the entry {str(key)!r} names several files ({', '.join(same_stem)}). "
            "Use the full file name."
        )
    if same_stem:
        return same_stem[0]
    hint = " Quote names that look like numbers ('001')." if isinstance(key, (int, float)) else ""
    raise SourceError(
        f"{where}: the entry {str(key)!r} names no article in {articles.folder}. "
        f"Use an article's file name or stem (e.g. {articles.example!r}), or remove the entry.{hint}"
    )


def _entry_values(key: str, entry: Any, where: str) -> dict[str, Any]:
    """A sources.yaml entry's values, checked (a mapping of known fields, ``FIELDS``) and converted
    (``coerce_field``); empty values left out."""
    if entry is None:
        entry = {}
    if not isinstance(entry, dict):
        raise SourceError(
            f"{where}: the entry {key!r} must be 'key: value' pairs ({', '.join(FIELDS)}), not {entry!r}."
        )
    unknown = sorted(str(field) for field in entry if str(field) not in FIELDS)
    if unknown:
        raise SourceError(
            f"{where}: the entry {key!r} has the unknown key {unknown[0]!r}. "
            f"Use only: {', '.join(FIELDS)}."
        )
    context = f"{where}: the entry {key!r}"
    return {
        str(field): coerced
        for field, value in entry.items()
        if (coerced := coerce_field(str(field), value, context)) is not None
    }


def coerce_field(name: str, value: Any, context: str) -> Any:
    """A metadata value checked and converted to its field's type; None when empty."""
    if value is None:
        return None
    if name == "published":
        return coerce_date(value, context)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise SourceError(f"{context}: {name!r} must be text, not {value!r}. Write it as a plain string.")
    text = " ".join(str(value).split())
    if not text:
        return None
    if name == "url" and not is_web_url(text):
        raise SourceError(f"{context}: the url {text!r} must start with http:// or https://. Fix or remove it.")
    return text


def coerce_date(value: Any, context: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.datetime.fromisoformat(str(value).strip()).date()
    except ValueError:
        pass
    raise SourceError(f"{context}: 'published' must be a date written YYYY-MM-DD, not {value!r}.")


def is_web_url(text: str) -> bool:
    # Links end up in pages: only web links, never javascript: or data: URLs.
    return re.match(r"https?://[^\s/]+", text, re.IGNORECASE) is not None
