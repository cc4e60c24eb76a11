"""CLEAN stage: strip web furniture, complete the metadata and split each article into paragraphs.

Every non-empty line of a document is a paragraph candidate. Furniture rules
(``generator/rules/furniture.yaml``) remove whole short lines, so a real sentence is never cut;
what they remove is kept as ``Removed`` records. The headline and byline then leave the body for
the metadata (see ``generator.ingest.metadata``). The cleaned text is the remaining lines, each with its
whitespace collapsed, joined by blank lines; nothing else in the article's wording is changed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from generator.errors import ConfigError
from generator.ingest.outlets import outlet_name
from generator.ingest.metadata import infer_metadata, looks_like_title
from generator.ingest.screen import drop_repeated_paragraphs, merge_duplicates, not_an_article
from generator.model import Paragraph, RawDocument, Removed, Skipped, Source
from generator.rules import load_rules

log = logging.getLogger(__name__)

RULE_KEYS = {"name", "exact", "pattern", "inline", "menu", "min_items", "repeated", "max_words", "follow",
             "max_follow", "follow_words"}
# Decoration around a short line that does not change what it says ("Trending:", "READ MORE »").
EDGES = re.compile(r"^[\s|»›>•·:\-–—]+|[\s|»›>•·:.!\-–—]+$")
MENU_SEPARATORS = re.compile(r"[|·•/»]")
VAR = re.compile(r"\{\{(\w+)\}\}")

Line = tuple[int, str]  # (line number in the raw text, the line with its whitespace collapsed)


@dataclass(frozen=True)
class Rule:
    """One furniture rule from furniture.yaml (see the comment at its top for the fields)."""

    name: str
    exact: frozenset[str] = frozenset()
    patterns: tuple[re.Pattern[str], ...] = ()
    inline: tuple[re.Pattern[str], ...] = ()
    menu: tuple[tuple[str, ...], ...] = ()
    min_items: int = 2
    repeated: str | None = None  # "both" or "second": which copies of a repeated line go
    max_words: int = 25
    follow: str | tuple[re.Pattern[str], ...] | None = None
    max_follow: int = 8
    follow_words: int = 16

    def matches(self, line: str) -> bool:
        """Whether this rule removes the whole ``line``."""
        if len(line.split()) > self.max_words:
            return False
        if self.exact and exact_key(line) in self.exact:
            return True
        if any(pattern.fullmatch(line) for pattern in self.patterns):
            return True
        return bool(self.menu) and is_menu(line, self.menu, self.min_items)

    def fits_repeat(self, line: str) -> bool:
        """Whether this repeat rule applies to ``line`` (its length, and its pattern if it has one)."""
        return len(line.split()) <= self.max_words and (
            not self.patterns or any(pattern.fullmatch(line) for pattern in self.patterns)
        )

    def follows(self, line: str) -> bool:
        """Whether ``line``, coming after a match, goes with it (a link title under "Read more:")."""
        if self.follow == "title":
            return looks_like_title(line, self.follow_words)
        return bool(self.follow) and len(line.split()) <= self.max_words and any(
            pattern.fullmatch(line) for pattern in self.follow
        )


# ------------------------------------------------------------------ rules


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space."""
    return " ".join(text.split())


def exact_key(line: str) -> str:
    return normalise_space(EDGES.sub("", line)).casefold()


def is_menu(line: str, items: Sequence[tuple[str, ...]], min_items: int) -> bool:
    """Whether ``line`` is made only of menu ``items`` (word tuples, longest first), at least ``min_items``."""
    words = MENU_SEPARATORS.sub(" ", line).casefold().split()
    position = count = 0
    while position < len(words):
        item = next((item for item in items if tuple(words[position : position + len(item)]) == item), None)
        if item is None:
            return False
        position += len(item)
        count += 1
    return count >= min_items


def _alternation(value: str) -> str:
    words = sorted({word.strip() for word in value.split("|") if word.strip()}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(word) for word in words)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _compile(rule_name: str, patterns: Any, variables: dict[str, str]) -> tuple[re.Pattern[str], ...]:
    def expand(match: re.Match[str]) -> str:
        if match.group(1) not in variables:
            raise ConfigError(f"furniture.yaml: rule {rule_name!r} uses unknown variable {{{{{match.group(1)}}}}}.")
        return f"(?:{_alternation(variables[match.group(1)])})"

    compiled = []
    for pattern in _as_list(patterns):
        try:
            compiled.append(re.compile(VAR.sub(expand, str(pattern)), re.IGNORECASE))
        except re.error as exc:
            raise ConfigError(f"furniture.yaml: rule {rule_name!r} has a bad regex {pattern!r}: {exc}") from exc
    return tuple(compiled)


def _menu_items(items: Any, variables: dict[str, str]) -> tuple[tuple[str, ...], ...]:
    words: set[str] = set()
    for item in _as_list(items):
        variable = VAR.fullmatch(str(item))
        words.update(variables[variable.group(1)].split("|") if variable else [str(item)])
    tuples = {tuple(word.casefold().split()) for word in words if word.strip()}
    return tuple(sorted(tuples, key=lambda t: (-len(t), t)))


def compile_rule(spec: dict[str, Any], variables: dict[str, str]) -> Rule:
    """A Rule from one entry of furniture.yaml."""
    name = str(spec.get("name", ""))
    unknown = set(spec) - RULE_KEYS
    if not name or unknown:
        raise ConfigError(f"furniture.yaml: rule {spec!r} needs a name and only the keys {sorted(RULE_KEYS)}.")
    follow = spec.get("follow")
    repeated = spec.get("repeated")
    if repeated not in (None, "both", "second"):
        raise ConfigError(f"furniture.yaml: rule {name!r}: `repeated` must be 'both' or 'second', not {repeated!r}.")
    return Rule(
        name=name,
        exact=frozenset(exact_key(str(text)) for text in _as_list(spec.get("exact", []))),
        patterns=_compile(name, spec.get("pattern", []), variables),
        inline=_compile(name, spec.get("inline", []), variables),
        menu=_menu_items(spec.get("menu", []), variables),
        min_items=int(spec.get("min_items", 2)),
        repeated=repeated,
        max_words=int(spec.get("max_words", 25)),
        follow=follow if follow in (None, "title") else _compile(name, follow, variables),
        max_follow=int(spec.get("max_follow", 8)),
        follow_words=int(spec.get("follow_words", 16)),
    )


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[Rule, ...]:
    """The furniture rules, in the order they are tried."""
    data = load_rules("furniture")
    variables = {name: str(value) for name, value in (data.get("vars") or {}).items()}
    return tuple(compile_rule(spec, variables) for spec in data["rules"])


@lru_cache(maxsize=1)
def confusables() -> dict[int, str]:
    """furniture.yaml's `confusables`: letters of other scripts that look like Latin ones, as a str.translate table.

    A table of its own, not a library: Unidecode (installed) reads letters by sound (Cyrillic р → r, not p), and
    Unicode's full TR39 confusables list (the confusable-homoglyphs package) would be a new dependency for a few
    dozen letters."""
    data = load_rules("furniture").get("confusables") or {}
    try:
        return {ord(str(letter)): str(latin) for table in data.values() for letter, latin in table.items()}
    except (AttributeError, TypeError) as exc:
        raise ConfigError(f"furniture.yaml: `confusables` must map scripts to tables of letters ({exc}).") from exc


MIXED_WORD = re.compile(r"[^\W\d_]+")


def as_rules_read(line: str) -> str:
    """``line`` as the furniture rules match it: when a word mixes Latin letters with look-alikes of another script
    ("Аdvеrtіѕе"), those letters are read as the Latin ones; any other line is unchanged."""
    table = confusables()
    if not table or line.isascii():
        return line

    def disguised(word: str) -> bool:
        return any(ord(c) in table for c in word) and any("a" <= c.casefold() <= "z" for c in word)

    if not any(disguised(m.group()) for m in MIXED_WORD.finditer(line)):
        return line
    return line.translate(table)


# -------------------------------------------------------------- furniture


def _cut_inline(line: str, rules: Sequence[Rule]) -> tuple[str, list[Removed]]:
    cuts = []
    for rule in rules:
        for pattern in rule.inline:
            cuts.extend(Removed(match.group(), rule.name) for match in pattern.finditer(line))
            line = pattern.sub(" ", line)
    return normalise_space(line), cuts


def _next_line(lines: Sequence[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i]), None)


def scan_furniture(text: str, rules: Sequence[Rule] | None = None) -> tuple[list[Line], list[tuple[int, Removed]]]:
    """Split ``text`` into kept lines and removed furniture, both tagged with their line number."""
    rules = furniture_rules() if rules is None else rules
    line_rules = [rule for rule in rules if not rule.repeated and (rule.exact or rule.patterns or rule.menu)]
    repeat_rules = [rule for rule in rules if rule.repeated]
    lines = [normalise_space(line) for line in text.splitlines()]
    kept: list[Line] = []
    removed: list[tuple[int, Removed]] = []
    i = 0
    while i < len(lines):
        line, cuts = _cut_inline(lines[i], rules) if lines[i] else ("", [])
        removed.extend((i, cut) for cut in cuts)
        if not line:
            i += 1
            continue
        probe = as_rules_read(line)
        rule = next((rule for rule in line_rules if rule.matches(probe)), None)
        if rule:
            removed.append((i, Removed(line, rule.name)))
            i = _take_following(lines, i + 1, rule, removed)
            continue
        nxt = _next_line(lines, i + 1)
        repeat = next((r for r in repeat_rules if r.fits_repeat(line)), None)
        if repeat and nxt is not None and lines[nxt] == line:
            if repeat.repeated == "both":
                removed.append((i, Removed(line, repeat.name)))
            else:
                kept.append((i, line))
            removed.append((nxt, Removed(line, repeat.name)))
            i = nxt + 1
            continue
        kept.append((i, line))
        i += 1
    return kept, removed


def _take_following(lines: Sequence[str], start: int, rule: Rule, removed: list[tuple[int, Removed]]) -> int:
    """Remove the lines after a match that go with it; return where scanning resumes."""
    taken = 0
    position = start
    while rule.follow and taken < rule.max_follow:
        nxt = _next_line(lines, position)
        if nxt is None or not rule.follows(lines[nxt]):
            break
        removed.append((nxt, Removed(lines[nxt], rule.name)))
        taken += 1
        position = nxt + 1
    return position


# ------------------------------------------------------------- whole-document rules


@lru_cache(maxsize=1)
def document_rules() -> dict[str, Any]:
    """The whole-document rules of furniture.yaml (dateline, pull_quote, link_list, trailing_labels,
    furniture_warning)."""
    data = load_rules("furniture")
    try:
        return {
            "dateline": re.compile(str(data["dateline"])),
            "pull_quote": dict(data["pull_quote"]),
            "link_list": dict(data["link_list"]),
            "trailing_labels": dict(data["trailing_labels"]),
            "trailing_bio": {**data["trailing_bio"], "pattern": re.compile(str(data["trailing_bio"]["pattern"]), re.IGNORECASE)},
            "furniture_warning": float(data["furniture_warning"]),
        }
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ConfigError(f"furniture.yaml: the whole-document rules are missing or wrong ({exc}).") from exc


def join_datelines(kept: list[Line]) -> list[Line]:
    """A dateline alone on its line ("WASHINGTON —") joined to the paragraph it opens."""
    dateline = document_rules()["dateline"]
    joined: list[Line] = []
    carry: str | None = None
    for number, line in kept:
        if carry is not None:
            line = f"{carry} {line}"
            carry = None
        elif dateline.fullmatch(line) and len(line.split()) <= 8:
            carry = line
            continue
        joined.append((number, line))
    if carry is not None:
        joined.append((kept[-1][0], carry))
    return joined


BULLET = re.compile(r"^[-•*·–]\s+")
QUOTE_MARKS = "\"'“”‘’«»„"


def quote_key(text: str) -> str:
    return " ".join(re.sub(rf"[{QUOTE_MARKS}.,;:!?…—–-]+", " ", text.casefold()).split())


def remove_pull_quotes(kept: list[Line], removed: list[tuple[int, Removed]]) -> list[Line]:
    """Pull quotes: a short line whose words stand again, in order, inside a longer paragraph of the article."""
    limits = document_rules()["pull_quote"]
    keys = [quote_key(line) for _, line in kept]
    result = []
    for k, (number, line) in enumerate(kept):
        words = len(keys[k].split())
        repeated = k > 0 and limits["min_words"] <= words <= limits["max_words"] and any(
            j != k and len(other) > len(keys[k]) and f" {keys[k]} " in f" {other} " for j, other in enumerate(keys)
        )
        if repeated:
            removed.append((number, Removed(line, "pull quote")))
        else:
            result.append((number, line))
    return result


def remove_link_lists(kept: list[Line], removed: list[tuple[int, Removed]]) -> list[Line]:
    """Lists of links (related headlines): several title-like lines in a row, below the top of the article."""
    limits = document_rules()["link_list"]
    titles = [
        k >= limits["skip_top"] and looks_like_title(BULLET.sub("", line), limits["max_words"], 2)
        for k, (_, line) in enumerate(kept)
    ]
    drop: set[int] = set()
    k = 0
    while k < len(kept):
        end = k
        while end < len(kept) and titles[end]:
            end += 1
        if end - k >= limits["min_lines"]:
            drop.update(range(k, end))
        k = max(end, k + 1)
    removed.extend((kept[k][0], Removed(kept[k][1], "link list")) for k in sorted(drop))
    return [item for k, item in enumerate(kept) if k not in drop]


def remove_trailing_labels(kept: list[Line], removed: list[tuple[int, Removed]]) -> list[Line]:
    """Title-like lines that end the text ("Related Videos", "More from author", a headline without its story):
    an article ends with a sentence, so a heading with nothing after it is a page's furniture."""
    limits = document_rules()["trailing_labels"]
    end = len(kept)
    while (
        end > limits["min_body_lines"]
        and len(kept) - end < limits["max_lines"]
        and not re.search(limits["not_label"], kept[end - 1][1])
        and looks_like_title(BULLET.sub("", kept[end - 1][1]), limits["max_words"])
    ):
        end -= 1
    removed.extend((number, Removed(line, "trailing label")) for number, line in kept[end:])
    return kept[:end]


def bio_name(line: str) -> str | None:
    """The name a closing author biography opens with ("Jane Roe is an award-winning journalist …" → Jane Roe; "Roe
    & Doe write about film for The Example" → Roe & Doe)."""
    match = document_rules()["trailing_bio"]["pattern"].fullmatch(line.strip())
    if not match or len(line.split()) > document_rules()["trailing_bio"]["max_words"]:
        return None
    return match.group("name") or match.group("names")


def remove_trailing_bio(kept: list[Line], removed: list[tuple[int, Removed]]) -> list[Line]:
    """The author's biography among the last lines ("Jane Roe is an award-winning journalist and the author of …")."""
    limits = document_rules()["trailing_bio"]
    first = max(limits["min_body_lines"], len(kept) - limits["max_lines"])
    bios = {
        k for k in range(first, len(kept))
        if bio_name(kept[k][1])
    }
    removed.extend((kept[k][0], Removed(kept[k][1], "author bio")) for k in sorted(bios))
    return [item for k, item in enumerate(kept) if k not in bios]


def furniture_share(kept: Sequence[Line], removed: Sequence[tuple[int, Removed]], pruned: int = 0) -> float:
    """The share of a document's characters that is furniture: what cleaning removed, what a saved page's
    markup named as furniture (``pruned``), and the kept lines after the first that read like link titles or
    labels rather than sentences ("Related Videos", "More from author")."""
    gone = sum(len(record.text) for _, record in removed) + pruned
    labels = sum(len(line) for k, (_, line) in enumerate(kept) if k > 0 and looks_like_title(line, 16))
    total = gone + sum(len(line) for _, line in kept)
    return (gone + labels) / total if total else 0.0


def repeated_headlines(kept: Sequence[Line], inference: Any) -> dict[int, str]:
    """Lines that repeat the title, except the headline opening the text: a headline scraped twice, or scraped
    again below the article's first paragraph (a page's header placed after its lead)."""
    title = inference.metadata.title
    if not title:
        return {}
    key = quote_key(title)
    matches = [k for k, (_, line) in enumerate(kept) if quote_key(line) == key]
    headline = next((k for k, why in inference.taken if why == "headline"), None)
    if headline is None:
        taken = {k for k, _ in inference.taken}
        opening = next((k for k in range(len(kept)) if k not in taken), None)
        headline = matches[0] if matches and matches[0] == opening else None
    return {k: "headline repeated" for k in matches if k != headline}


def clean_lines(text: str) -> tuple[list[Line], list[tuple[int, Removed]]]:
    """Line rules, then whole-document rules: datelines joined, pull quotes, link lists and trailing labels
    removed."""
    kept, removed = scan_furniture(text)
    kept = join_datelines(kept)
    kept = remove_pull_quotes(kept, removed)
    kept = remove_link_lists(kept, removed)
    kept = remove_trailing_labels(kept, removed)
    kept = remove_trailing_bio(kept, removed)
    return kept, removed


def remove_furniture(text: str) -> tuple[tuple[str, ...], tuple[Removed, ...]]:
    """The lines of ``text`` that are not furniture, and the furniture removed, in document order."""
    kept, removed = clean_lines(text)
    removed.sort(key=lambda item: item[0])
    return tuple(line for _, line in kept), tuple(record for _, record in removed)


# ------------------------------------------------------------- paragraphs


def build_paragraphs(lines: Sequence[str]) -> tuple[str, tuple[Paragraph, ...]]:
    """The cleaned text (lines joined by blank lines) and its paragraphs with their offsets."""
    paragraphs = []
    start = 0
    for index, line in enumerate(lines):
        paragraphs.append(Paragraph(index=index, start=start, end=start + len(line), text=line))
        start += len(line) + 2
    return "\n\n".join(lines), tuple(paragraphs)


def clean_document(doc: RawDocument) -> Source | Skipped:
    """One article without its furniture, with its metadata completed and its paragraphs (or Skipped
    when nothing of it is left)."""
    kept, removed = clean_lines(doc.text)
    share = furniture_share(kept, removed, doc.furniture_chars)
    if share >= document_rules()["furniture_warning"]:
        log.warning(
            "%s: %.0f%% of the page's text is web furniture (menus, links, promos); check that the file holds the "
            "article, or paste the article's text into a .txt file.", doc.path, 100 * share,
        )
    inference = infer_metadata([line for _, line in kept], doc.given, doc.origins, fallback_title=doc.id)
    # The headline becomes the title and stays the first paragraph of the text: headlines carry quotes
    # ("Russia, US talks 'inspire certain hopes', says Putin") and facts that must keep their offsets.
    # The byline is furniture once its name and date are in the metadata.
    taken = {k: why for k, why in inference.taken if why != "headline"}
    taken.update(repeated_headlines(kept, inference))
    removed.extend((kept[k][0], Removed(kept[k][1], why)) for k, why in taken.items() if why != "headline")
    removed.sort(key=lambda item: item[0])
    body = [line for k, (_, line) in enumerate(kept) if k not in taken]
    if not body:
        return Skipped(
            path=doc.path,
            reason="no article text is left after removing web furniture",
            fix="Make sure the file holds the article's text, not only a page's menus and links.",
        )
    text, paragraphs = build_paragraphs(body)
    meta = inference.metadata
    return Source(
        id=doc.id,
        path=doc.path,
        format=doc.format,
        title=meta.title or doc.id,
        outlet=outlet_name(meta.outlet, meta.url),
        url=meta.url,
        author=meta.author,
        published=meta.published,
        text=text,
        paragraphs=paragraphs,
        removed=tuple(record for _, record in removed),
        origins=inference.origins,
    )


@dataclass(frozen=True)
class Cleaned:
    """What the clean stage keeps: one source per article (sorted by id), and the files it skipped."""

    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...] = ()


def clean_sources(docs: Iterable[RawDocument]) -> Cleaned:
    """CLEAN stage entry: every document cleaned; repeated paragraphs counted once; sources that are not
    articles skipped; the same article in several files kept once (see ``generator.ingest.screen``)."""
    sources: list[Source] = []
    skipped: list[Skipped] = []
    for doc in sorted(docs, key=lambda doc: doc.id):
        cleaned = clean_document(doc)
        if isinstance(cleaned, Source):
            cleaned = drop_repeated_paragraphs(cleaned)
            cleaned = not_an_article(cleaned) or cleaned
        (sources if isinstance(cleaned, Source) else skipped).append(cleaned)
    for record in skipped:
        log.warning("%s", record.message)
    kept = merge_duplicates(sources)
    log.info(
        "cleaned %d sources: %d paragraphs kept, %d pieces of furniture removed, %d skipped",
        len(kept),
        sum(len(s.paragraphs) for s in kept),
        sum(len(s.removed) for s in kept),
        len(skipped),
    )
    return Cleaned(kept, tuple(skipped))


def clean_documents(docs: Iterable[RawDocument]) -> tuple[Source, ...]:
    """The cleaned sources of ``docs`` (``clean_sources`` without the list of skipped files)."""
    return clean_sources(docs).sources
