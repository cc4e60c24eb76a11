"""``python -m generator serve``: a local preview that regenerates the pages when a seed changes.

MkDocs' own dev server serves ``content/`` and reloads the browser when a page changes; a watchdog
observer on the seeds folder regenerates the pages, writing only the files that changed (each file
replaced in one step, so the dev server's watch on ``content/`` keeps working). A regeneration reads the
previous build exactly as ``build`` does (ids kept, "What changed" against it) and holds the build lock.
"""

from __future__ import annotations

import filecmp
import logging
import os
import re
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.errors import ConfigError, GeneratorError
from generator.link.changes import read_previous
from generator.pipeline import extract_facts, prepare_model
from generator.pages.render import render
from generator.publish.site import build_lock, check_site_config, staging

log = logging.getLogger(__name__)


def sync_tree(source: Path, target: Path) -> int:
    """Make ``target`` hold the files of ``source``: copy new and changed files, delete the others."""
    changed = 0
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    # Deepest first: the pages of sources/ and people/ are in place before the top-level files that list them
    # (facts.json, index.md), so a reader of a live build never follows a link to a page not yet written.
    for relative in sorted(wanted, key=lambda p: (-len(p.parts), p)):
        src, dst = source / relative, target / relative
        if not dst.exists() or not filecmp.cmp(src, dst, shallow=False):
            dst.parent.mkdir(parents=True, exist_ok=True)
            partial = dst.with_name(f".{dst.name}.partial")
            shutil.copyfile(src, partial)
            os.replace(partial, dst)  # a reader (or a killed process) never sees half a page
            changed += 1
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_file() and path.relative_to(target) not in wanted:
            path.unlink()
            changed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


class Regenerator(FileSystemEventHandler):
    """Rebuilds the pages after a burst of changes in the seeds folder (debounced)."""

    def __init__(self, seeds: Path, content: Path, nlp, delay: float = 0.5) -> None:
        self.seeds, self.content, self.nlp, self.delay = seeds, content, nlp, delay
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        # One regeneration at a time: a slow one that read the seeds before a later change must not
        # finish after the regeneration for that change and write stale pages over it.
        self._running = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or Path(str(event.src_path)).name.startswith("."):
            return
        with self._lock:
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self.regenerate)
            self._timer.daemon = True
            self._timer.start()

    def regenerate(self) -> int:
        with self._running:
            return self._regenerate()

    def _regenerate(self) -> int:
        try:
            with build_lock(self.content, wait=True):
                previous, previous_changes = read_previous(self.content)
                briefing = extract_facts(self.seeds, self.nlp, previous=previous)
                with staging(self.content) as stage:
                    render(briefing, stage, previous, previous_changes)
                    changed = sync_tree(stage, self.content)
        except GeneratorError as exc:
            log.error("not regenerated: %s", exc)
            return 0
        log.warning("regenerated: %d files changed", changed)
        return changed


class _Address(logging.Filter):
    """Hands the address MkDocs' dev server announces ("Serving on http://…") to ``on_ready``, once it
    is listening, and keeps the server's other chatter quiet."""

    def __init__(self, on_ready: Callable[[str], None]) -> None:
        super().__init__()
        self.on_ready = on_ready

    def filter(self, record: logging.LogRecord) -> bool:
        found = re.search(r"Serving on (\S+)", record.getMessage())  # MkDocs prefixes the time
        if found:
            self.on_ready(found.group(1))
        return record.levelno >= logging.WARNING


def serve(
    seeds: Path, content: Path, config_file: Path, port: int, model: str, host: str = "127.0.0.1",
    on_ready: Callable[[str], None] = lambda url: None,
) -> None:
    """Regenerate ``content`` from ``seeds`` now and on every change, and serve it on ``host:port``."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    check_site_config(config_file)  # before the model and the first regeneration, as build does
    nlp = prepare_model(model)
    regenerator = Regenerator(seeds, content, nlp)
    regenerator.regenerate()
    observer = Observer()
    observer.schedule(regenerator, str(seeds), recursive=True)
    observer.start()
    server_log = logging.getLogger("mkdocs.livereload")
    address = _Address(on_ready)
    server_log.addFilter(address)
    level = server_log.level
    server_log.setLevel(logging.INFO)
    try:
        mkdocs_serve(str(config_file), livereload=True, docs_dir=str(content.resolve()), dev_addr=f"{host}:{port}")
    except OSError as exc:
        raise ConfigError(
            f"cannot serve on {host}:{port} ({exc.strerror or exc}). Pick another port with --port, or stop "
            "what is using it."
        ) from exc
    finally:
        server_log.removeFilter(address)
        server_log.setLevel(level)
        observer.stop()
        observer.join()
