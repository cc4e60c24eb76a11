"""What the build's caches share: entries on disk as a line with their SHA-256 then the body, written
atomically, touched when used, and removed when stale.

An entry whose digest does not match its body is corrupt: ``unframe`` raises ValueError and the caller
ignores the entry (and rewrites it). A cache that cannot be written only costs time: ``write`` logs and
goes on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)


def frame(body: bytes) -> bytes:
    return hashlib.sha256(body).hexdigest().encode() + b"\n" + body


def unframe(data: bytes) -> bytes:
    """The body of a framed entry; ValueError when its digest does not match (a corrupt entry)."""
    digest, _, body = data.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != digest:
        raise ValueError("checksum mismatch")
    return body


def document(data: bytes, format: int, key: str | None = None) -> dict:
    """The JSON body of a framed entry; ValueError when it is corrupt, of another format or (with ``key``) for
    another key."""
    body = json.loads(unframe(data))
    if body.get("format") != format or (key is not None and body.get("key") != key):
        raise ValueError("entry of another format or key")
    return body


def entry_path(folder: Path, key: str, suffix: str = ".json") -> Path:
    return folder / key[:2] / f"{key}{suffix}"


def write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.info("could not write the cache entry %s (%s); the build goes on without it", path, exc)


def touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only cache still serves its entries


def prune(folder: Path, max_age_days: float) -> int:
    """Remove the entries under ``folder`` no build used for ``max_age_days`` (and stale temporary files)."""
    limit = time.time() - max_age_days * 86400
    return _remove(path for path in folder.glob("*/*") if _older(path, limit))


def keep_only(folder: Path, paths: Iterable[Path]) -> int:
    """Remove the entries under ``folder`` other than ``paths`` (and temporary files)."""
    kept = set(paths)
    return _remove(path for path in folder.glob("*/*") if path not in kept)


def _older(path: Path, limit: float) -> bool:
    try:
        return path.stat().st_mtime < limit
    except OSError:
        return False


def _remove(paths: Iterable[Path]) -> int:
    removed = 0
    for path in paths:
        try:
            path.unlink()
            removed += 1
        except OSError:
            continue
    return removed
