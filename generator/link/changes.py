"""What changed since the previous build: the sources, people, quotes and events added and removed.

The previous build is the ``facts.json`` (and ``changes.json``) already in the content folder; ``content/``
is kept in the repository, so in CI it is the last committed build. A rebuild from the same seeds finds
nothing new and keeps the previous change list, so the output stays byte-identical however often it runs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.errors import SourceError


KINDS = ("sources", "people", "quotes", "events")


@dataclass(frozen=True)
class Item:
    id: str
    label: str


@dataclass(frozen=True)
class Changes:
    """Added and removed items per kind, and the date of the newest source, compared with the previous build."""

    previous: bool  # whether a previous build was found
    added: tuple[tuple[str, tuple[Item, ...]], ...]
    removed: tuple[tuple[str, tuple[Item, ...]], ...]
    newest_source: str | None

    @property
    def empty(self) -> bool:
        return not any(items for _, items in self.added) and not any(items for _, items in self.removed)

    def as_json(self) -> dict[str, Any]:
        return {
            "previous": self.previous,
            "newest_source": self.newest_source,
            "added": {kind: [[i.id, i.label] for i in items] for kind, items in self.added},
            "removed": {kind: [[i.id, i.label] for i in items] for kind, items in self.removed},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Changes":
        def items(part: Mapping[str, Any]) -> tuple[tuple[str, tuple[Item, ...]], ...]:
            return tuple((kind, tuple(Item(i, label) for i, label in part.get(kind, []))) for kind in KINDS)

        return cls(bool(data.get("previous")), items(data.get("added", {})), items(data.get("removed", {})),
                   data.get("newest_source"))


def read_previous(content_dir: Path) -> tuple[dict[str, Any] | None, Changes | None]:
    """The previous build's facts.json and change list, if the content folder has them."""
    facts_file, changes_file = content_dir / "facts.json", content_dir / "changes.json"
    facts = _read_json(facts_file) if facts_file.is_file() else None
    changes = Changes.from_json(_read_json(changes_file)) if changes_file.is_file() else None
    return facts, changes


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SourceError(
            f"{path}: the previous build's file cannot be read ({exc}). Delete it (the next build starts a new change list)."
        ) from exc


def _labels(facts: Mapping[str, Any], kind: str) -> dict[str, str]:
    label_key = {"sources": "title", "people": "name", "quotes": "text", "events": "text"}[kind]
    return {item["id"]: str(item.get(label_key) or item["id"]) for item in facts.get(kind, [])}


def diff_facts(previous: Mapping[str, Any] | None, current: Mapping[str, Any],
               previous_changes: Changes | None = None) -> Changes:
    """What ``current`` adds to and removes from ``previous``; with nothing new, the previous change list."""
    newest = max((s["published"] for s in current.get("sources", []) if s.get("published")), default=None)
    if previous is None:
        return Changes(False, tuple((k, ()) for k in KINDS), tuple((k, ()) for k in KINDS), newest)
    added, removed = [], []
    for kind in KINDS:
        before, after = _labels(previous, kind), _labels(current, kind)
        added.append((kind, tuple(Item(i, after[i]) for i in sorted(set(after) - set(before)))))
        removed.append((kind, tuple(Item(i, before[i]) for i in sorted(set(before) - set(after)))))
    changes = Changes(True, tuple(added), tuple(removed), newest)
    if changes.empty and previous_changes is not None:
        return replace(previous_changes, newest_source=newest)
    return changes
