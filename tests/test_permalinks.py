"""Links that last: build with four seeds, then with all five; every URL and anchor still resolves to the
same thing. Also the "What changed" page and its determinism across rebuilds."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.pipeline import BuildOptions, build

REPO = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.model, pytest.mark.site]


@pytest.fixture(scope="module")
def nlp():
    from generator.pipeline import prepare_model

    return prepare_model("en_core_web_sm")


def _build(nlp, seeds: Path, out: Path) -> dict:
    build(BuildOptions(seeds_dir=seeds, content_dir=out / "content", site_dir=out / "site", config_file=REPO / "mkdocs.yml"), nlp=nlp)
    return json.loads((out / "content" / "facts.json").read_text(encoding="utf-8"))


def _anchors(site: Path, url: str) -> tuple[str, set[str]] | None:
    page, _, _ = url.partition("#")
    html_file = site / page / "index.html"
    if not html_file.is_file():
        return None
    html = html_file.read_text(encoding="utf-8")
    return html, set(re.findall(r'id="([^"]+)"', html))


def _resolves(site: Path, url: str) -> bool:
    found = _anchors(site, url)
    if found is None:
        return False
    anchor = url.partition("#")[2]
    return not anchor or anchor in found[1]


@pytest.mark.parametrize("left_out", ["002_6c490909435b3305.txt", "000_cb0d55bfe899f860.txt"])
def test_urls_of_a_smaller_build_still_resolve_after_adding_a_source(nlp, tmp_path, left_out) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    held_back = seeds / left_out
    kept = held_back.read_bytes()
    held_back.unlink()
    out = tmp_path / "out"
    before = _build(nlp, seeds, out)
    held_back.write_bytes(kept)
    after = _build(nlp, seeds, out)
    site = out / "site"

    people_after = {p["id"]: p for p in after["people"]}
    for person in before["people"]:
        assert person["id"] in people_after, f"person page {person['url']} ({person['name']}) disappeared"
        assert set(person["aliases"]) <= set(people_after[person["id"]]["aliases"]), person["id"]
        assert _resolves(site, person["url"])
    quotes_after = {q["id"]: q for q in after["quotes"]}
    for quote in before["quotes"]:
        assert quote["id"] in quotes_after and quotes_after[quote["id"]]["text"] == quote["text"]
        assert _resolves(site, quote["url"]), quote["url"]
    groups_after = {g["id"]: g for g in after["quote_groups"]}
    for group in before["quote_groups"]:
        assert group["id"] in groups_after, group
        assert set(group["quotes"]) <= set(groups_after[group["id"]]["quotes"])
        assert _resolves(site, group["url"])
    events_after = {e["id"]: e for e in after["events"]}
    for event in before["events"]:
        assert event["id"] in events_after, (event["id"], event["text"])
        reports_before = {(r["source"], r["text"]) for r in event["reports"]}
        reports_after = {(r["source"], r["text"]) for r in events_after[event["id"]]["reports"]}
        assert reports_before & reports_after, event["id"]
        assert _resolves(site, event["url"])
    positions_after = {p["id"]: p for p in after["positions"]}
    for position in before["positions"]:
        assert position["id"] in positions_after
        assert positions_after[position["id"]]["text"] == position["text"]
        assert _resolves(site, f"positions/#{position['id']}")


def test_what_changed_lists_the_added_source_and_stays_put_on_rebuild(nlp, tmp_path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    extra = seeds / "004_28dc85c1b7e8a53d.txt"
    kept = extra.read_bytes()
    extra.unlink()
    out = tmp_path / "out"
    _build(nlp, seeds, out)
    first = (out / "content" / "changes.md").read_text(encoding="utf-8")
    assert "first build" in first
    extra.write_bytes(kept)
    _build(nlp, seeds, out)
    changes = json.loads((out / "content" / "changes.json").read_text(encoding="utf-8"))
    assert [item[0] for item in changes["added"]["sources"]] == ["004_28dc85c1b7e8a53d"]
    assert changes["removed"]["sources"] == []
    facts = json.loads((out / "content" / "facts.json").read_text(encoding="utf-8"))
    new_quotes = {q["id"] for q in facts["quotes"] if q["source"] == "004_28dc85c1b7e8a53d"}
    assert new_quotes and {item[0] for item in changes["added"]["quotes"]} == new_quotes  # exactly the new source's
    page = (out / "content" / "changes.md").read_text(encoding="utf-8")
    assert "Added:" in page and "sources/004_28dc85c1b7e8a53d.md" in page
    snapshot = {p: p.read_bytes() for p in (out / "content").rglob("*") if p.is_file()}
    _build(nlp, seeds, out)  # nothing new: same bytes, the change list is kept
    assert snapshot == {p: p.read_bytes() for p in (out / "content").rglob("*") if p.is_file()}
    extra.unlink()
    _build(nlp, seeds, out)
    changes = json.loads((out / "content" / "changes.json").read_text(encoding="utf-8"))
    assert [item[0] for item in changes["removed"]["sources"]] == ["004_28dc85c1b7e8a53d"]


def test_a_position_keeps_its_id_when_its_stance_word_is_reworded() -> None:
    """A rule change that renames a stance ("says not" → "denies") must not break a shared link to it."""
    from generator.link.permalinks import inherit_ids
    from generator.model import Briefing, Position

    text = "The ministry said the bridge is not on the agenda."
    supports = Position("pos-new2", "ministry", ("ministry",), "bridge", "supports", "It backs the plan.", "s1")
    now = Briefing((), (), (), (), positions=(
        Position("pos-new1", "ministry", ("ministry",), "bridge", "denies", text, "s1"), supports))
    previous = {"positions": [
        {"id": "pos-old1", "actor": "ministry", "stance": "says not", "text": text, "source": "s1"},
        {"id": "pos-old2", "actor": "ministry", "stance": "supports", "text": "It backs the plan.", "source": "s1"},
    ]}
    ids = {p.stance: p.id for p in inherit_ids(now, previous).positions}
    assert ids == {"denies": "pos-old1", "supports": "pos-old2"}
