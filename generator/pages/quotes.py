"""The quotes page: who said what, grouped by speaker and by statement.

Quotes of one statement (a QuoteGroup) are shown together: which outlets carry it ("reported by 3 of 5 outlets"),
each outlet's wording with a word-level diff against the group's fullest wording, and the source sentence. Every
quote and every group has its own anchor (its stable id), so ``quotes.md#q-…`` and ``quotes.md#g-…`` can be shared.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.model import Briefing, Quote, QuoteGroup
from generator.pages.base import (
    QUOTES_PATH, Link, Page, escape_md, outlet_count, outlet_labels, paragraph_anchor, plural, sentence_text, shorten,
    source_path, theme_text,
)
from generator.link.quote_groups import similarity, word_diff

DIFF_MIN_CONTAINMENT = 0.5  # below this the two wordings are different sentences of the statement: no diff


def diff_markup(reference: str, wording: str) -> Markup:
    """``wording`` with the words it adds in <ins> and the words of ``reference`` it lacks in <del>.

    Words of the reference outside the stretch the wording covers (a partial quote) are left out, not struck.
    """
    tokens = list(word_diff(reference, wording))
    while tokens and tokens[0].op == "delete":
        tokens.pop(0)
    while tokens and tokens[-1].op == "delete":
        tokens.pop()
    parts = []
    for token in tokens:
        text = escape_md(token.text)
        if token.op == "insert":
            parts.append(Markup("<ins>{}</ins>").format(text))
        elif token.op == "delete":
            parts.append(Markup("<del>{}</del>").format(text))
        else:
            parts.append(text)
    return Markup(" ").join(parts)


NUMBERS = ("the same", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _distance(quote: Quote) -> str:
    """Where an indirectly found speaker was named, counted in sentences back from the quote."""
    if quote.speaker_named_in is None:
        return ""
    back = quote.sentence - quote.speaker_named_in
    if back <= 0:
        return ", named in the same sentence"
    count = NUMBERS[back] if back < len(NUMBERS) else str(back)
    return f", named {count} sentence{'s' if back > 1 else ''} before"


def attribution_note(quote: Quote, speaker: str | None) -> str | None:
    """How the speaker of a quote was found, for a reader to check ("he → Andrew Scheer, named two sentences
    before"); None when the reporting clause names the speaker."""
    written = quote.speaker_text or ""
    who = speaker or quote.speaker_name
    if quote.speaker_via in (None, "cue"):
        return None
    if quote.speaker_via == "carried":
        return f"no attribution of its own: continues the quotes of {who or written}{_distance(quote)}"
    if quote.speaker_via == "colon":
        return f"introduced with a colon by {written}" + (f" → {who}" if who and who != written else "")
    if who is None:
        reason = "no person of that gender and number named before" if quote.speaker_via == "pronoun" else "nobody named"
        return f"{written}: {reason}"
    if quote.speaker_via == "organisation":
        named_there = quote.speaker_start is not None and quote.speaker_start <= (quote.speaker_name_start or -1) < (quote.speaker_end or 0)
        return f"{written}: an organisation" if named_there else f"{written} → {who} (an organisation){_distance(quote)}"
    return f"{written} → {who}{_distance(quote)}"


def note_markup(quote: Quote, speaker: str | None) -> Markup:
    """' <abbr title="he → Andrew Scheer, named two sentences before">via pronoun</abbr>', or nothing."""
    note = attribution_note(quote, speaker)
    if note is None:
        return Markup("")
    # theme_text leaves no quotation mark, angle bracket or ampersand: safe in the attribute, no entity needed
    return Markup(' <abbr title="{}">via {}</abbr>').format(Markup(theme_text(note)), quote.speaker_via)


def _variant(briefing: Briefing, quote: Quote, reference: str | None, names: dict[str, str]) -> dict:
    source = briefing.source(quote.source)
    if reference and similarity(reference, quote.text).containment < DIFF_MIN_CONTAINMENT:
        reference = None
    return {
        "quote": quote,
        "source": source,
        "anchor": paragraph_anchor(briefing, quote.source, quote.sentence),
        "sentence": sentence_text(briefing, quote.source, quote.sentence),
        "wording": diff_markup(reference, quote.text) if reference and reference != quote.text else escape_md(quote.text),
        "compared": bool(reference and reference != quote.text),
        "note": note_markup(quote, names.get(quote.speaker) if quote.speaker else None),
    }


def _group(briefing: Briefing, group: QuoteGroup, quotes: dict[str, Quote], names: dict[str, str]) -> dict:
    members = [quotes[qid] for qid in group.quotes if qid in quotes]
    return {
        "group": group,
        "text": shorten(group.text or members[0].text, 140),
        "outlets": outlet_labels(briefing, {q.source for q in members}),
        "reported_by": f"reported by {outlet_count(briefing, group.sources)}",
        "variants": [_variant(briefing, q, group.text, names) for q in sorted(members, key=lambda q: q.text != group.text)],
    }


def quote_pages(briefing: Briefing) -> list[Page]:
    people = {p.id: p for p in briefing.people}
    names: dict[str, str] = {}
    for p in briefing.people:
        names.setdefault(p.id, p.name)  # the first person with the id, as a scan would find
    quotes = {q.id: q for q in briefing.quotes}
    groups_of: dict[str, list[QuoteGroup]] = {}
    for group in briefing.quote_groups:
        key = group.speaker or f"~{group.speaker_text or 'unknown'}"
        groups_of.setdefault(key, []).append(group)
    single_of: dict[str, list[Quote]] = {}
    for quote in briefing.quotes:
        if quote.group is None:
            key = quote.speaker or f"~{quote.speaker_name or quote.speaker_text or 'unknown'}"
            single_of.setdefault(key, []).append(quote)

    rows = []
    for key in sorted(set(groups_of) | set(single_of), key=lambda k: (k.startswith("~"), _name(k, people).lower(), k)):
        person = people.get(key)
        rows.append({
            "person": person,
            "name": _name(key, people),
            "groups": [_group(briefing, g, quotes, names) for g in groups_of.get(key, [])],
            "quotes": [_variant(briefing, q, None, names) for q in sorted(single_of.get(key, []), key=lambda q: (q.source, q.start))],
        })
    links = tuple(
        Link(source_path(q.source), q.id, q.text, q.group or q.id) for q in briefing.quotes
    )
    shared = sum(1 for g in briefing.quote_groups if len(g.sources) > 1)
    return [Page(
        path=QUOTES_PATH,
        template="quotes.md.j2",
        title="Quotes",
        description=(
            f"{plural(len(briefing.quotes), 'quote')} from the sources, by speaker; "
            f"{plural(shared, 'statement')} reported by more than one outlet."
        ),
        context={
            "speakers": rows,
            "shared": shared,
            "statements": len(briefing.quote_groups) + sum(1 for q in briefing.quotes if q.group is None),
        },
        links=links,
    )]


def _name(key: str, people: dict) -> str:
    person = people.get(key)
    if person is not None:
        return person.name
    name = key[1:] if key.startswith("~") else key
    return "Unattributed" if name == "unknown" else name
