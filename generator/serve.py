"""``python -m generator serve``: a local preview that regenerates the pages when a seed changes.

MkDocs' own dev server serves ``content/`` and reloads the browser when a page changes; a watchdog
observer on the seeds folder regenerates the pages, writing only the files that changed (in place, so
the dev server's watch on ``content/`` keeps working).
"""

from __future__ import annotations

import filecmp
import logging
import shutil
import threading
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.errors import GeneratorError
from generator.pipeline import extract_facts, prepare_model
from generator.pages.render import render
from generator.site import staging

log = logging.getLogger(__name__)


def sync_tree(source: Path, target: Path) -> int:
    """Make ``target`` hold the files of ``source``: copy new and changed files, delete the others."""
    changed = 0
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    for relative in sorted(wanted):
        src, dst = source / relative, target / relative
        if not dst.exists() or not filecmp.cmp(src, dst, shallow=False):
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
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
            briefing = extract_facts(self.seeds, self.nlp)
            with staging(self.content) as stage:
                render(briefing, stage)
                changed = sync_tree(stage, self.content)
        except GeneratorError as exc:
            log.error("not regenerated: %s", exc)
            return 0
        log.warning("regenerated: %d files changed", changed)
        return changed


def serve(seeds: Path, content: Path, config_file: Path, port: int, model: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    nlp = prepare_model(model)
    regenerator = Regenerator(seeds, content, nlp)
    regenerator.regenerate()
    observer = Observer()
    observer.schedule(regenerator, str(seeds), recursive=True)
    observer.start()
    try:
        mkdocs_serve(str(config_file), livereload=True, docs_dir=str(content.resolve()), dev_addr=f"127.0.0.1:{port}")
    finally:
        observer.stop()
        observer.join()
