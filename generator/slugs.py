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
