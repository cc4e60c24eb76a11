"""`serve` regenerates the pages when a seed is added, changed or removed (the MkDocs dev server then
reloads the browser). The watchdog observer is real; the dev server is MkDocs' own and not started here."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from watchdog.observers import Observer

from generator.serve import Regenerator, sync_tree

REPO = Path(__file__).resolve().parent.parent


def test_sync_tree_copies_changes_and_deletes_the_rest(tmp_path) -> None:
    new, old = tmp_path / "new", tmp_path / "old"
    (new / "people").mkdir(parents=True)
    (new / "index.md").write_text("same")
    (new / "people" / "a.md").write_text("changed")
    (old / "people").mkdir(parents=True)
    (old / "index.md").write_text("same")
    (old / "people" / "a.md").write_text("before")
    (old / "people" / "gone.md").write_text("x")
    assert sync_tree(new, old) == 2
    assert (old / "people" / "a.md").read_text() == "changed"
    assert not (old / "people" / "gone.md").exists()


def _sources(content: Path) -> list[str]:
    return [s["id"] for s in json.loads((content / "facts.json").read_text())["sources"]]


def _wait_for(predicate, seconds: float = 30) -> bool:
    """Poll ``predicate`` until it holds. A page missing meanwhile is "not yet": a seed rewritten in place is empty
    for a moment, the watcher may regenerate then (the empty seed skipped, its page gone) and again once written."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except FileNotFoundError:
            pass
        time.sleep(0.2)
    return False


@pytest.mark.model
def test_seed_added_changed_removed_regenerates_pages(tmp_path) -> None:
    from generator.pipeline import prepare_model

    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    shutil.copy(REPO / "seeds" / "003_7dbb398b42a4f2d2.txt", seeds)
    regenerator = Regenerator(seeds, content, prepare_model("en_core_web_sm"), delay=0.2)
    regenerator.regenerate()
    assert _sources(content) == ["003_7dbb398b42a4f2d2"]
    observer = Observer()
    observer.schedule(regenerator, str(seeds), recursive=True)
    observer.start()
    try:
        shutil.copy(REPO / "seeds" / "004_28dc85c1b7e8a53d.txt", seeds)
        assert _wait_for(lambda: _sources(content) == ["003_7dbb398b42a4f2d2", "004_28dc85c1b7e8a53d"])
        assert (content / "sources" / "004_28dc85c1b7e8a53d.md").is_file()
        (seeds / "004_28dc85c1b7e8a53d.txt").write_text(
            "date 2025-03-01 Jane Placeholder-Smith said nothing new at the meeting in Geneva on Saturday, "
            "and the two delegations agreed only to meet again later in the spring, officials said.\n")
        assert _wait_for(lambda: "nothing new" in (content / "sources" / "004_28dc85c1b7e8a53d.md").read_text())
        (seeds / "004_28dc85c1b7e8a53d.txt").unlink()
        assert _wait_for(lambda: not (content / "sources" / "004_28dc85c1b7e8a53d.md").exists())
        assert _sources(content) == ["003_7dbb398b42a4f2d2"]
    finally:
        observer.stop()
        observer.join()


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.model
@pytest.mark.site
def test_serve_reads_the_previous_build_prints_its_address_and_keeps_committed_content(tmp_path) -> None:
    """A content/ built (and committed) earlier from the same seeds is served as it is: serve must not
    rewrite "What changed" as a first build, nor move any id."""
    import os
    import signal
    import subprocess
    import sys
    import urllib.request

    from generator.pipeline import BuildOptions, build

    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    for name in ("002_6c490909435b3305.txt", "004_28dc85c1b7e8a53d.txt"):
        shutil.copy(REPO / "seeds" / name, seeds)
    build(BuildOptions(seeds_dir=seeds, content_dir=content, build_site=False))
    shutil.copy(REPO / "seeds" / "003_7dbb398b42a4f2d2.txt", seeds)  # a new source since that build
    build(BuildOptions(seeds_dir=seeds, content_dir=content, build_site=False))
    committed = {p.relative_to(content): p.read_bytes() for p in content.rglob("*") if p.is_file()}
    assert b"first build" not in committed[Path("changes.md")]

    port = _free_port()
    command = [sys.executable, "-m", "generator", "serve", "--seeds", str(seeds), "--content", str(content),
               "--config", str(REPO / "mkdocs.yml"), "--port", str(port)]
    # Ctrl+C's default action for serve, even when this test runs in a background job, whose shell ignores SIGINT
    # (inherited, serve would never stop: the failure seen in a full run started in the background).
    process = subprocess.Popen(command, cwd=REPO, env=dict(os.environ, PYTHONPATH=str(REPO)), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        line = process.stdout.readline()
        assert line.startswith(f"Serving {content} on http://127.0.0.1:{port}/"), (line, process.stderr.read() if process.poll() is not None else "")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/changes/", timeout=30) as response:
            page = response.read().decode("utf-8")
        assert "003" in page or "Mutual desire" in page  # the change list of the last build, not a first build
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)  # Ctrl+C stops serve; a timeout fails the test ...
        except subprocess.TimeoutExpired:
            # The threads' stacks say where serve waits.
            process.send_signal(signal.SIGUSR1)
            time.sleep(2)
            process.kill()
            pytest.fail("serve did not stop within 60 s of Ctrl+C; its threads:\n" + process.communicate()[1][-6000:])
        finally:
            if process.poll() is None:  # ... without leaving the server running after the test run
                process.kill()
                process.wait()
    after = {p.relative_to(content): p.read_bytes() for p in content.rglob("*") if p.is_file()}
    assert after == committed


def test_serve_help_documents_every_option_and_binds_localhost(capsys) -> None:
    from generator.cli import main, parser

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    text = capsys.readouterr().out
    options = parser()._subparsers._group_actions[0].choices["serve"]._actions  # noqa: SLF001
    for action in options:
        assert action.help, action.option_strings
    for option in ("--seeds", "--content", "--config", "--host", "--port", "--model"):
        assert option in text
    assert "default 127.0.0.1" in text
    assert parser().parse_args(["serve"]).host == "127.0.0.1"
