"""URL ids. A slug is lowercase ASCII letters, digits and single hyphens, so it is safe in a path and an anchor."""

from __future__ import annotations

import hashlib
import re

from unidecode import unidecode

from generator.model import Slug


def slugify(text: str, max_length: int = 60) -> Slug:
    """"Dmitry Peskov" → "dmitry-peskov"; never empty (falls back to a short hash)."""
    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    return Slug(slug or "x-" + short_hash(text))


def short_hash(*parts: str, length: int = 8) -> str:
    """A stable hex digest of the parts: ids that do not move when other items are added."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


SAFE_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


def source_ids(names: list[str]) -> dict[str, Slug]:
    """File name → source id, for the files of one folder.

    The id is the file's stem when that is already a safe id ("000_cb0d55bf.txt" → "000_cb0d55bf"),
    else the ASCII slug of the stem ("Putin – Ёлка story 🎉.txt" → "putin-elka-story"). Files that would
    share an id are told apart deterministically: a file whose stem is the id itself keeps it (else the
    first by name), the others get a suffix from a hash of their own file name ("a.md" → "a",
    "a.txt" → "a-<hash>"), which no other file changes.
    """
    wanted: dict[str, list[tuple[bool, str]]] = {}
    for name in names:
        stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
        slug = stem if SAFE_ID.fullmatch(stem) else slugify(stem)
        wanted.setdefault(slug, []).append((stem != slug, name))
    ids: dict[str, Slug] = {}
    taken = set(wanted)
    for slug, ranked in sorted(wanted.items()):
        group = [name for _, name in sorted(ranked)]
        ids[group[0]] = Slug(slug)
        for name in group[1:]:
            length = 6
            while (candidate := f"{slug}-{short_hash(name, length=length)}") in taken:
                length += 2
            taken.add(candidate)
            ids[name] = Slug(candidate)
    return ids
