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
from dataclasses import fields
from pathlib import Path
from typing import Any

import yaml

from generator.errors import SourceError
from generator.ingest.webpage import iter_fields, read_page
from generator.model import Metadata, RawDocument

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


def read_sources(seeds_dir: Path) -> tuple[RawDocument, ...]:
    """LOAD stage entry: every article in ``seeds_dir``, sorted by id (the file stem)."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise SourceError(f"{seeds_dir}: no such folder. Pass the folder that holds the article files.")
    files = article_files(seeds_dir)
    if not files:
        kinds = ", ".join(sorted(FORMATS))
        raise SourceError(
            f"{seeds_dir}: no articles found (looked for {kinds} files). Add the article files to the folder."
        )
    check_unique_ids(files)
    overrides = read_overrides(seeds_dir / METADATA_FILE, files)
    docs = tuple(read_document(path, seeds_dir, overrides.get(path.stem, {})) for path in files)
    log.info("loaded %d sources from %s", len(docs), seeds_dir)
    return tuple(sorted(docs, key=lambda doc: doc.id))


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


def check_unique_ids(files: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for path in files:
        if path.stem in seen:
            raise SourceError(
                f"{seen[path.stem]} and {path}: two articles have the id {path.stem!r}. Rename one of them."
            )
        seen[path.stem] = path


# --------------------------------------------------------------- reading


def read_text(path: Path) -> str:
    """A file's text as UTF-8 (a byte-order mark is dropped), with newlines normalised to "\\n"."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{path}: not valid UTF-8 (byte 0x{exc.object[exc.start]:02x} at position {exc.start}). "
            "Save the file as UTF-8."
        ) from exc
    except OSError as exc:
        raise SourceError(
            f"{path}: cannot be read ({exc.strerror}). Check that the file exists and is readable."
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_document(path: Path, seeds_dir: Path, override: dict[str, Any]) -> RawDocument:
    """One article file, with the metadata it declares updated by its sources.yaml entry."""
    fmt = FORMATS[path.suffix.casefold()]
    raw = read_text(path)
    readers = {"txt": read_txt, "md": read_md, "html": read_html}
    body, declared, origin = readers[fmt](raw, path)
    values = {**declared, **override}
    # an HTML page says where each of its fields came from ("page JSON-LD"); the other formats name one origin
    where = dict(origin) if isinstance(origin, tuple) else {}
    default = origin if isinstance(origin, str) else "html metadata"
    origins = {name: ("sources.yaml" if name in override else where.get(name, default)) for name in values}
    return RawDocument(
        id=path.stem,
        path=path.relative_to(seeds_dir).as_posix(),
        format=fmt,
        text=body,
        given=Metadata(**values),
        origins=tuple(sorted(origins.items())),
    )


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


def read_html(raw: str, path: Path) -> tuple[str, dict[str, Any], tuple[tuple[str, str], ...]]:
    """A saved web page: the article text and the metadata the page declares (never fetches anything)."""
    page = read_page(raw)
    if not page.text.strip():
        raise SourceError(
            f"{path}: no article text found in the page. Save the complete page again, "
            "or paste the article's text into a .txt file."
        )
    return page.text, dict(iter_fields(page)), tuple((name, f"page {how}") for name, how in page.origins)


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
    """sources.yaml: metadata per article, keyed by file name or stem. Returns values by stem."""
    if not path.is_file():
        return {}
    where = str(path)
    fix = "Fix the YAML, or remove the file."
    data = parse_yaml(read_text(path), where, 1, ("the file", fix))
    if data is None:
        return {}
    example = files[0].name
    if not isinstance(data, dict):
        raise SourceError(
            f"{where}: must map article file names to metadata, e.g. '{example}: {{title: ..., outlet: ...}}'."
        )
    stems = {file.stem for file in files}
    by_name = {file.name: file.stem for file in files}
    overrides: dict[str, dict[str, Any]] = {}
    for key, entry in data.items():
        stem = by_name.get(str(key)) or (str(key) if str(key) in stems else None)
        if stem is None:
            hint = " Quote names that look like numbers ('001')." if isinstance(key, (int, float)) else ""
            raise SourceError(
                f"{where}: the entry {str(key)!r} names no article in {path.parent}. "
                f"Use an article's file name or stem (e.g. {example!r}), or remove the entry.{hint}"
            )
        if stem in overrides:
            raise SourceError(f"{where}: the article {stem!r} has two entries. Merge them into one.")
        if entry is None:
            entry = {}
        if not isinstance(entry, dict):
            raise SourceError(
                f"{where}: the entry {str(key)!r} must be 'key: value' pairs ({', '.join(FIELDS)}), not {entry!r}."
            )
        unknown = sorted(str(name) for name in entry if str(name) not in FIELDS)
        if unknown:
            raise SourceError(
                f"{where}: the entry {str(key)!r} has the unknown key {unknown[0]!r}. "
                f"Use only: {', '.join(FIELDS)}."
            )
        context = f"{where}: the entry {str(key)!r}"
        overrides[stem] = {
            str(name): coerced
            for name, value in entry.items()
            if (coerced := coerce_field(str(name), value, context)) is not None
        }
    return overrides


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
