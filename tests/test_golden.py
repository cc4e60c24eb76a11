"""Golden files: the Markdown generated from the seeds, compared byte for byte.

After an intended change, regenerate them with `make golden` (UPDATE_GOLDEN=1) and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden" / "seeds"
pytestmark = [pytest.mark.model]


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_generated_pages_match_golden_files(built_site) -> None:
    generated = _files(built_site.content)
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(built_site.content, GOLDEN)
        pytest.skip(f"golden files written to {GOLDEN}")
    assert GOLDEN.is_dir(), "no golden files yet: run `make golden`"
    golden = _files(GOLDEN)
    assert sorted(generated) == sorted(golden), "pages added or removed: run `make golden` and review the diff"
    changed = [name for name in generated if generated[name] != golden[name]]
    assert not changed, f"pages differ from the golden files: {changed}; run `make golden` and review the diff"
