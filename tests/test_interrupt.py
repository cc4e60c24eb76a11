"""Builds stopped at any moment, and two builds at once: content/ and site/ stay whole.

A build is a subprocess killed with SIGKILL (nothing of it runs afterwards) at several points: loading
the model, extracting, rendering into the staging folder, MkDocs writing the site. Each time the previous
content/ and site/ must be exactly as they were, and the next build must succeed and leave nothing behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.publish.site import build_lock, exchange, recover, swap

REPO = Path(__file__).resolve().parent.parent
SEEDS = ("002_6c490909435b3305.txt", "004_28dc85c1b7e8a53d.txt")


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def start_build(root: Path, seeds: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "generator", "build", "-q", "--seeds", str(seeds), "--content",
               str(root / "content"), "--site", str(root / "site"), "--config", str(REPO / "mkdocs.yml")]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(predicate: Callable[[], bool], process: subprocess.Popen, timeout: float = 240) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.005)
    return False


def _lock_holder(root: Path, process: subprocess.Popen) -> bool:
    lock = root / ".content.lock"
    return lock.is_file() and lock.read_text().strip() == str(process.pid)


KILL_POINTS: dict[str, Callable[[Path, subprocess.Popen], bool]] = {
    "at once": lambda root, p: True,
    "holding the lock": _lock_holder,
    "rendering": lambda root, p: any(root.glob(".content.new-*/*")),
    "mkdocs started": lambda root, p: any(root.glob(".site.new-*")),
    "mkdocs writing pages": lambda root, p: any(root.glob(".site.new-*/sources/*/index.html")),
}


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("good")
    seeds = root / "seeds"
    seeds.mkdir()
    for name in SEEDS:
        shutil.copy(REPO / "seeds" / name, seeds / name)
    process = start_build(root, seeds)
    assert process.wait(timeout=300) == 0, process.stderr.read()
    return root


@pytest.mark.model
@pytest.mark.site
def test_a_build_killed_at_any_point_leaves_the_previous_site_whole(good_build: Path, tmp_path: Path) -> None:
    root = tmp_path / "out"
    shutil.copytree(good_build, root)
    seeds = root / "seeds"
    (seeds / "extra.txt").write_text((REPO / "tests" / "fixtures" / "sources" / "geneva_talks.txt").read_text())
    before = tree(root / "content"), tree(root / "site")
    hit = []
    for name, point in KILL_POINTS.items():
        process = start_build(root, seeds)
        if wait_for(lambda: point(root, process), process):
            hit.append(name)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert (tree(root / "content"), tree(root / "site")) == before, f"killed {name}"
    assert hit == list(KILL_POINTS), "the build finished before some kill points were reached"
    process = start_build(root, seeds)
    assert process.wait(timeout=300) == 0, process.stderr.read()
    assert (root / "content" / "sources" / "extra.md").is_file()
    assert (root / "site" / "sources" / "extra" / "index.html").is_file()
    left = sorted(p.name for p in root.iterdir() if p.name.startswith("."))
    assert left == [".content.lock", ".site.lock"]


@pytest.mark.model
@pytest.mark.site
def test_a_second_build_into_the_same_folders_stops_with_a_clear_message(good_build: Path, tmp_path: Path) -> None:
    from generator.pipeline import BuildOptions, build

    root = tmp_path / "out"
    shutil.copytree(good_build, root)
    first = start_build(root, root / "seeds")
    assert wait_for(lambda: _lock_holder(root, first), first)
    with pytest.raises(BuildError) as error:
        build(BuildOptions(seeds_dir=root / "seeds", content_dir=root / "content", site_dir=root / "site",
                           config_file=REPO / "mkdocs.yml"), nlp=object())  # never reaches the model
    assert f"another build (process {first.pid}) is writing" in str(error.value)
    assert "Wait for it to finish, then build again" in str(error.value)
    assert first.wait(timeout=300) == 0, first.stderr.read()


def test_the_lock_is_free_again_when_its_holder_is_done(tmp_path: Path) -> None:
    with build_lock(tmp_path / "content", tmp_path / "site"):
        with pytest.raises(BuildError):
            with build_lock(tmp_path / "site"):
                pass
    with build_lock(tmp_path / "content", tmp_path / "site"):
        pass


def test_recover_puts_back_a_folder_a_killed_build_left_aside(tmp_path: Path) -> None:
    """A build killed between the two renames of the fallback swap: the next build restores the folder."""
    old = tmp_path / ".content.old"
    old.mkdir()
    (old / "index.md").write_text("previous\n")
    stage = tmp_path / ".content.new-abc"
    stage.mkdir()
    recover(tmp_path / "content")
    assert (tmp_path / "content" / "index.md").read_text() == "previous\n"
    assert not old.exists() and not stage.exists()


@pytest.mark.parametrize("atomic", [True, False])
def test_swap_replaces_the_folder(tmp_path: Path, monkeypatch, atomic: bool) -> None:
    if not atomic:
        monkeypatch.setattr("generator.publish.site.exchange", lambda a, b: False)
    target, stage = tmp_path / "site", tmp_path / ".site.new-x"
    target.mkdir()
    (target / "old.html").write_text("old")
    stage.mkdir()
    (stage / "new.html").write_text("new")
    swap(stage, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert [p.name for p in target.iterdir()] == ["new.html"]


def test_exchange_is_atomic_on_this_file_system(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a")
    if not exchange(a, b):
        pytest.skip("this file system has no atomic exchange; swap uses two renames and recover()")
    assert (b / "x").read_text() == "a" and not (a / "x").exists()
