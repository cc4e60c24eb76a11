"""The command line: exit codes, the summary line, and errors that say what to do."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main

REPO = Path(__file__).resolve().parent.parent


def test_missing_model_says_how_to_install(tmp_path, capsys) -> None:
    (tmp_path / "a.txt").write_text("date 2024-01-01 Text.\n")
    code = main(["extract", str(tmp_path), "--model", "xx_no_such_model"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("Error: ")
    assert "xx_no_such_model" in err and "install" in err.lower()


def test_empty_seeds_folder_is_an_error(tmp_path, capsys) -> None:
    code = main(["build", "--seeds", str(tmp_path), "--content", str(tmp_path / "c"), "--no-site", "-q"])
    err = capsys.readouterr().err
    assert code == 1
    assert str(tmp_path) in err


@pytest.mark.model
def test_extract_writes_facts_json(tmp_path, capsys) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(REPO / "seeds" / "004_28dc85c1b7e8a53d.txt", seeds)
    out = tmp_path / "facts.json"
    assert main(["extract", str(seeds), "--out", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["schema"] == 2
    assert [s["id"] for s in data["sources"]] == ["004_28dc85c1b7e8a53d"]
    assert "vladimir-putin" in {p["id"] for p in data["people"]}
    assert capsys.readouterr().out.startswith(f"Wrote {out}: 1 source")


@pytest.mark.model
@pytest.mark.site
def test_build_prints_one_summary_line(tmp_path, capsys) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(REPO / "seeds" / "003_7dbb398b42a4f2d2.txt", seeds)
    code = main(["build", "--seeds", str(seeds), "--content", str(tmp_path / "content"), "--site", str(tmp_path / "site"),
                 "--config", str(REPO / "mkdocs.yml")])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    assert len(out) == 1 and out[0].startswith("Built ") and "from 1 source" in out[0]
    assert (tmp_path / "site" / "index.html").is_file()


def test_top_level_help_speaks_to_users(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "briefing site" in out and "COMMAND --help" in out
    assert "The only place that prints" not in out and "Command line:" not in out


@pytest.mark.model
def test_build_summary_counts_skipped_files_and_strict_fails(tmp_path, capsys, caplog) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(REPO / "seeds" / "004_28dc85c1b7e8a53d.txt", seeds)
    (seeds / "empty.txt").write_bytes(b"")
    args = ["build", "--seeds", str(seeds), "--content", str(tmp_path / "content"), "--no-site"]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "from 1 source (1 skipped) with 1 warning " in captured.out
    assert "empty.txt: skipped, the file is empty" in caplog.text  # on stderr outside pytest
    assert main(args + ["--strict"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: 1 warnings with --strict") and "empty.txt" in err and "Traceback" not in err


def test_an_internal_error_is_one_line_not_a_traceback(tmp_path, capsys, monkeypatch) -> None:
    import generator.pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(generator.pipeline, "build", broken)
    assert main(["build", "--seeds", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: internal error (RuntimeError: boom). This is a bug") and "Traceback" not in err
