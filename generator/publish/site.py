"""The site stage: MkDocs (mkdocs-material) builds the HTML site from the content folder, strictly."""

from __future__ import annotations

import ctypes
import fcntl
import logging
import os
import shutil
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from collections.abc import Iterator
from pathlib import Path

from generator.errors import BuildError, ConfigError

log = logging.getLogger(__name__)


def load_site_config(
    config_file: Path, content_dir: Path, site_dir: Path, *, strict: bool = True, site_name: str | None = None,
):
    """MkDocs' configuration of ``config_file`` for ``content_dir`` into ``site_dir``; ConfigError when it is
    missing or not valid."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not config_file.is_file():
        raise ConfigError(f"{config_file}: MkDocs configuration not found. Run from the project folder or pass --config.")
    overrides = {"site_name": site_name} if site_name else {}
    try:
        return load_config(
            str(config_file), docs_dir=str(content_dir.resolve()), site_dir=str(site_dir.resolve()), strict=strict,
            **overrides,
        )
    except (ConfigurationError, Abort, SystemExit) as exc:  # MkDocs logs what is wrong, then aborts
        raise ConfigError(
            f"{config_file}: the MkDocs configuration is not valid ({exc}); the message above names the setting. "
            "Fix mkdocs.yml."
        ) from exc


def check_site_config(config_file: Path) -> None:
    """Fail before any article is read when the site could not be built: the configuration is loaded (theme,
    plugins, settings checked) against an empty folder, and nothing is written."""
    with tempfile.TemporaryDirectory(prefix="generator-config-") as scratch:
        (Path(scratch) / "content").mkdir()
        load_site_config(config_file, Path(scratch) / "content", Path(scratch) / "site")


def build_site(
    config_file: Path, content_dir: Path, site_dir: Path, site_name: str | None = None, *,
    cache_dir: Path | None = None, strict: bool = True,
) -> None:
    """``mkdocs build --strict`` of ``content_dir`` into ``site_dir`` (which may exist and is replaced).

    ``site_name`` (the story's title, see ``generator/link/story.py``) replaces ``mkdocs.yml``'s when given; it
    must hold no HTML-special character (``generator.pages.base.theme_text``): the theme writes it raw.

    With ``cache_dir``, pages are restored from and kept in its page cache (``generator/publish/page_cache.py``),
    written only when the build succeeded; the site is the same byte for byte.

    Broken links and anchors are warnings that strict mode turns into errors (mkdocs.yml ``validation``);
    ``strict=False`` only for measuring a site that has them.
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, ConfigurationError

    from generator.publish.page_cache import PageCache

    config = load_site_config(config_file, content_dir, site_dir, strict=strict, site_name=site_name)
    try:
        cache = PageCache(cache_dir) if cache_dir is not None else None
        if cache is not None:
            config.plugins["generator/page-cache"] = cache
        build(config)
        if cache is not None:
            cache.save()
    except ConfigurationError as exc:
        raise ConfigError(f"{config_file}: {exc}. Fix the MkDocs configuration.") from exc
    except (Abort, SystemExit) as exc:
        raise BuildError(
            f"mkdocs build --strict failed ({exc}); the messages above name the page and the link. "
            "Fix the template or the generator that wrote it."
        ) from exc


def default_mode(directory: bool) -> int:
    """The mode a new file or folder gets under the process's umask (0o644 / 0o755 under 022)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return (0o777 if directory else 0o666) & ~mask


@contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A fresh sibling folder to write ``target`` into; use ``swap`` once everything succeeded.

    On error the staging folder is removed and ``target`` stays as it was. The folder gets the usual
    permissions (tempfile makes it private, which a web server running as another user cannot read).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f"{STAGE_PREFIX}{target.name}.new-", dir=target.parent))
    stage.chmod(default_mode(directory=True))
    try:
        yield stage
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)


STAGE_PREFIX = "."


def _old(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the system
    or file system cannot. The standard library has no binding for it, hence ctypes."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def swap(stage: Path, target: Path) -> None:
    """Replace ``target`` by ``stage`` so that ``target`` is whole at every moment, even if the process
    is killed: one atomic exchange where the file system allows it, else two renames (and ``recover``
    puts the previous folder back if a build died between them)."""
    if target.exists() and exchange(stage, target):
        shutil.rmtree(stage)
        return
    old = _old(target)
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    stage.rename(target)
    if old.exists():
        shutil.rmtree(old)


def recover(target: Path) -> None:
    """Tidy what a killed build left next to ``target``: put the previous folder back if it was moved
    aside, and remove staging folders. Call only while holding the build lock."""
    old = _old(target)
    if old.exists() and not target.exists():
        log.info("%s: an interrupted build left it aside; putting the previous %s back", old, target.name)
        old.rename(target)
    leftovers = [old] + sorted(target.parent.glob(f"{STAGE_PREFIX}{target.name}.new-*"))
    for path in leftovers:
        if path.exists():
            shutil.rmtree(path, ignore_errors=True)


def _lock_file(target: Path) -> Path:
    return target.parent / f".{target.name}.lock"


@contextmanager
def build_lock(*targets: Path | None, wait: bool = False) -> Iterator[None]:
    """Hold the lock of each output folder (a ``.NAME.lock`` file next to it) while building.

    A second build into the same folders stops with an error naming the process that holds the lock
    (``wait=True``: waits for it instead). The system releases the lock when its process dies, even when
    killed, so a lock is never left stale.
    """
    with ExitStack() as stack:
        for target in sorted({Path(os.path.abspath(t)) for t in targets if t is not None}):
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = stack.enter_context(open(_lock_file(target), "a+", encoding="utf-8"))
            _acquire(handle, target, wait)
            recover(target)
        yield


def _acquire(handle, target: Path, wait: bool) -> None:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        raise BuildError(
            f"another build (process {holder}) is writing {target} right now "
            f"(lock {_lock_file(target)}). Wait for it to finish, then build again."
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
