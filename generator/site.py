"""The site stage: MkDocs (mkdocs-material) builds the HTML site from the content folder, strictly."""

from __future__ import annotations

import logging
import shutil
import tempfile
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path

from generator.errors import BuildError, ConfigError

log = logging.getLogger(__name__)


def build_site(config_file: Path, content_dir: Path, site_dir: Path, site_name: str | None = None) -> None:
    """``mkdocs build --strict`` of ``content_dir`` into ``site_dir`` (which may exist and is replaced).

    ``site_name`` (the story's title, see ``generator/link/story.py``) replaces ``mkdocs.yml``'s when given; it
    must hold no HTML-special character (``generator.pages.base.theme_text``): the theme writes it raw.

    Broken links and anchors are warnings that strict mode turns into errors (mkdocs.yml ``validation``).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not config_file.is_file():
        raise ConfigError(f"{config_file}: MkDocs configuration not found. Run from the project folder or pass --config.")
    try:
        overrides = {"site_name": site_name} if site_name else {}
        config = load_config(
            str(config_file), docs_dir=str(content_dir.resolve()), site_dir=str(site_dir.resolve()), strict=True,
            **overrides,
        )
        build(config)
    except ConfigurationError as exc:
        raise ConfigError(f"{config_file}: {exc}. Fix the MkDocs configuration.") from exc
    except (Abort, SystemExit) as exc:
        raise BuildError(
            f"mkdocs build --strict failed ({exc}); the messages above name the page and the link. "
            "Fix the template or the generator that wrote it."
        ) from exc


@contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A fresh sibling folder to write ``target`` into; use ``swap`` once everything succeeded.

    On error the staging folder is removed and ``target`` stays as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        yield stage
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)


def swap(stage: Path, target: Path) -> None:
    """Replace ``target`` by ``stage`` with two renames, so a reader never sees a half-written folder."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    stage.rename(target)
    if old.exists():
        shutil.rmtree(old)
