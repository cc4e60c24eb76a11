"""The timeline page: every dated event in date order, with a chart drawn as inline SVG.

Each entry shows the outlets that report it, each source sentence (linked to its paragraph), the original
expression and how it was resolved ("'on Thursday' in FT, published 2025-02-27 → 2025-02-27"), and flags for
upcoming events and dates the outlets disagree on. The chart is SVG written here: no script, no request.
"""

from __future__ import annotations

import re

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import NamedTuple

from markupsafe import Markup

from generator.extract.dates import interval
from generator.model import Briefing, Event, EventSource, Person, SourceFacts
from generator.pages.base import (
    DANGLING, TIMELINE_PATH, Link, Page, outlet_labels, person_path, plural, shorten, source_path,
)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


REFS = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}


def display_date(value: str) -> str:
    """A TimeML value as a reader says it: "Thursday 27 February 2025", "week 9 of 2025", "June 2024",
    "the 1990s", "the 20th century", "first half of 2008", "fiscal year 2007", "five years"."""
    said = _display_not_interval(value)
    if said is not None:
        return said
    bounds = interval(value)
    return value if bounds is None else _display_interval(value, *bounds)


def _display_not_interval(value: str) -> str | None:
    """A range, a reference to the present, past or future, a time of day, a duration or a part of a fiscal year
    as a reader says it; None for any other value."""
    if "/" in value:
        left, right = value.split("/", 1)
        return f"{display_date(left)} – {display_date(right)}"
    if value in REFS:
        return REFS[value]
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(?:(\d{2}:\d{2})|([A-Z]{2}))", value):
        day = display_date(m[1])
        return f"{day}, {m[2]}" if m[2] else f"{day}, {PARTS_OF_DAY.get(m[3], m[3])}"
    if m := re.fullmatch(r"P(T?)(\d+|X)([A-Z]+)", value):
        return _display_duration(m[2], m[3], bool(m[1]))
    if m := re.fullmatch(r"FY(\d{4})-([QH])(\d)", value):  # a quarter or half of a fiscal year
        part = f"Q{m[3]}" if m[2] == "Q" else f"{'first' if m[3] == '1' else 'second'} half"
        return f"{part} of fiscal year {m[1]}"
    return None


def _display_interval(value: str, first: dt.date, last: dt.date) -> str:
    """A value that names one stretch of time (a day, season, week, quarter, half, fiscal year, month, decade or
    century) from ``first`` to ``last`` as a reader says it; the rules are tried in order."""
    parts = value.split("-")
    if len(value) == 10:
        return f"{first:%A} {first.day} {MONTHS[first.month - 1]} {first.year}"
    if len(parts) == 2 and parts[1] in SEASONS:  # before weeks: winter is "-WI"
        return f"{SEASONS[parts[1]]} {parts[0]}"
    if week := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        span = f"{first.day} {MONTHS[first.month - 1][:3]} – {last.day} {MONTHS[last.month - 1][:3]}"
        return f"{'weekend' if week.group(3) else 'week'} {int(week.group(2))} of {week.group(1)} ({span})"
    if re.fullmatch(r"\d{4}-Q\d", value):
        return f"Q{parts[1][1]} {parts[0]}"
    if re.fullmatch(r"\d{4}-H\d", value):
        return f"{'first' if parts[1] == 'H1' else 'second'} half of {parts[0]}"
    if value.startswith("FY"):
        return f"fiscal year {value[2:]}"
    if len(value) == 7:
        return f"{MONTHS[first.month - 1]} {first.year}"
    if len(value) == 3:
        return f"the {value}0s"
    if len(value) == 2:
        return f"the {_ordinal(int(value) + 1)} century"
    return value


UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second", "Q": "quarter",
         "WE": "weekend"}


def _display_duration(amount: str, unit: str, time: bool) -> str:
    name = "minute" if time and unit == "M" else UNITS.get(unit, unit)
    if amount == "X":
        return f"some {name}s"
    return f"{amount} {name}" + ("" if amount == "1" else "s")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _story_dates(briefing: Briefing) -> dict[str, tuple[dt.date | None, str]]:
    """For each source, the date its relative expressions were resolved against, and how it is described."""
    from collections import Counter

    published = Counter(s.published for s in briefing.sources if s.published)
    story = max(published.items(), key=lambda kv: (kv[1], kv[0]))[0] if published else None
    out = {}
    for s in briefing.sources:
        if s.published:
            out[s.id] = (s.published, f"published {s.published.isoformat()}")
        elif story:
            out[s.id] = (story, f"undated; story date {story.isoformat()}")
        else:
            out[s.id] = (None, "undated")
    return out


def _resolution(report: EventSource, label: str, reference: str, anchors: dict[str, tuple[str, str]]) -> str:
    """"'on Thursday' in FT, published 2025-02-27 → 2025-02-27 (weekday, past tense: …)"."""
    if not report.date_text:  # an undated clause that joined the event (link/timeline.py)
        return f"no date in {label}: the same action as the dated reports, so the same event"
    how = f"‘{report.date_text}’ in {label}"
    if report.resolved_from in anchors:
        anchor_text, anchor_value = anchors[report.resolved_from]
        how += f", counted from ‘{anchor_text}’ ({anchor_value})"
    else:
        how += f", {reference}"
    how += f" → {display_date(report.date)}" if report.date else " → ?"
    if report.rule:
        how += f" ({report.rule})"
    return how


def timeline_pages(briefing: Briefing) -> list[Page]:
    """The timeline page: an entry per event in date order (``_entry``), the chart, the sources without a date."""
    lookup = _lookup(briefing)
    entries = [_entry(event, briefing, lookup) for event in sorted(briefing.events, key=_sort_key)]
    return [Page(
        path=TIMELINE_PATH,
        template="timeline.md.j2",
        title="Timeline",
        description=_description(briefing, len(entries)),
        context={
            "events": entries,
            "chart": timeline_chart(briefing.events, _story_date(briefing)),
            "undated": [s for s in briefing.sources if not s.published],
            "story_date": _story_date(briefing),
        },
        links=tuple(link for entry in entries for link in _entry_links(entry)),
    )]


@dataclass(frozen=True)
class _Lookup:
    """What the entries look up in the briefing: each source's facts, the date its relative expressions were read
    against (``_story_dates``), each date mention's text and value, people by id, each date mention's event."""

    facts: Mapping[str, SourceFacts]
    references: Mapping[str, tuple[dt.date | None, str]]
    anchors: Mapping[str, tuple[str, str]]
    people: Mapping[str, Person]
    mention_event: Mapping[str, str]


def _lookup(briefing: Briefing) -> _Lookup:
    """The briefing indexed for the timeline's entries."""
    return _Lookup(
        facts={f.source.id: f for f in briefing.facts},
        references=_story_dates(briefing),
        anchors={m.id: (m.text, m.value or "?") for f in briefing.facts for m in f.dates},
        people={p.id: p for p in briefing.people},
        mention_event={r.mention: e.id for e in briefing.events for r in e.reports if r.mention},
    )


def _entry(event: Event, briefing: Briefing, lookup: _Lookup) -> dict:
    """An event's entry: when, a heading, its outlets, each report (``_report_entry``), its people, the dates the
    outlets disagree on."""
    reports = [_report_entry(r, event, briefing, lookup) for r in event.reports]
    return {
        "event": event,
        "when": display_date(event.date),
        "title": _title(event, lookup.facts),
        "outlets": outlet_labels(briefing, {x["source"].id for x in reports}),
        "reports": reports,
        "people": [lookup.people[p] for p in event.people if p in lookup.people],
        "dates": [display_date(d) for d in event.dates],
    }


def _report_entry(r: EventSource, event: Event, briefing: Briefing, lookup: _Lookup) -> dict:
    """One report of an event: its source, the paragraph it stands in, how its date was read, the event its date
    was counted from, whether its date is not the event's."""
    source = briefing.source(r.source)
    sentence = lookup.facts[r.source].sentences[r.sentence]
    return {
        "report": r,
        "source": source,
        "anchor": f"p{sentence.paragraph + 1}",
        "resolution": _resolution(r, source.label, lookup.references[r.source][1], lookup.anchors),
        "anchor_event": lookup.mention_event.get(r.resolved_from) if r.resolved_from in lookup.anchors else None,
        "disagrees": r.date != event.date and event.disputed,
    }


def _entry_links(entry: dict) -> list[Link]:
    """The links an entry writes: to each report's paragraph, then to each of its people."""
    event = entry["event"]
    return ([Link(source_path(x["source"]), x["anchor"], x["report"].text, event.id) for x in entry["reports"]]
            + [Link(person_path(p), None, event.text, event.id) for p in entry["people"]])


def _description(briefing: Briefing, entries: int) -> str:
    """The page's description: "12 dated events in date order, 2 upcoming, 1 with dates the outlets disagree on"."""
    upcoming = sum(e.upcoming for e in briefing.events)
    disputed = sum(e.disputed for e in briefing.events)
    description = f"{plural(entries, 'dated event')} in date order"
    if upcoming:
        description += f", {upcoming} upcoming"
    if disputed:
        description += f", {disputed} with dates the outlets disagree on"
    return description + "."


def _title(event: Event, facts: dict) -> str:
    """A short heading: the dated clause of the representative sentence (else the sentence, shortened)."""
    for r in event.reports:
        if r.text != event.text or r.source not in facts:
            continue
        f = facts[r.source]
        for m in f.dates:
            if m.id == r.mention and m.clause_start is not None and m.clause_end is not None:
                clause = _closed(" ".join(f.source.text[m.clause_start : m.clause_end].split()))
                if len(clause.split()) >= 4 and not _cut_short(clause):
                    return shorten(clause[:1].upper() + clause[1:], 110)
    return shorten(event.text, 110)


_PAIRS = {"(": ")", "[": "]", "“": "”"}


def _cut_short(clause: str) -> bool:
    """Whether a clause cut by the parser ends on a function word ("describing the leader as"): the heading is
    then the sentence."""
    words = re.findall(r"[\w’']+", clause.lower())
    return bool(words) and words[-1] in DANGLING


def _closed(clause: str) -> str:
    """The clause without a bracket or quotation it opens and does not close ("a report published this week (June
    13" → "a report published this week"): a clause can end inside one; a heading must not show half of it."""
    for opening, closing in _PAIRS.items():
        if clause.count(opening) > clause.count(closing):
            clause = clause[: clause.rindex(opening)].rstrip(" ,;:–—-")
        elif clause.count(closing) > clause.count(opening):
            clause = clause[clause.index(closing) + 1 :].lstrip(" ,;:–—-")
    return clause


def _sort_key(event: Event) -> tuple:
    bounds = interval(event.date) or (dt.date.max, dt.date.max)
    return (bounds[0], bounds[1], event.id)


def _story_date(briefing: Briefing) -> dt.date | None:
    dates = [s.published for s in briefing.sources if s.published]
    return max(dates) if dates else None


# ----------------------------------------------------------------------------------------------- chart

WIDTH = 860
LEFT = 110
RIGHT = 20
RECENT_DAYS = 60  # events within this many days of the story date get the day-scale lane


LANE_HEIGHT = 90

_Dated = tuple[Event, tuple[dt.date, dt.date]]  # an event and its date's first and last day


def timeline_chart(events: tuple[Event, ...] | list[Event], story_date: dt.date | None) -> Markup:
    """Two lanes of inline SVG: the story's recent weeks on a day scale, and the background on a year scale.

    Each event is a dot (a bar for a week, month or longer period) linking to its entry; upcoming events are
    hollow, disputed ones ringed in red. Article text enters the SVG only through ``html.escape``.
    """
    dated = [(e, interval(e.date)) for e in events]
    dated = [(e, b) for e, b in dated if b is not None]
    if not dated:
        return Markup("")
    lanes = _lanes(dated, story_date)
    out = _svg_start(len(dated), 20 + LANE_HEIGHT * len(lanes))
    for index, lane in enumerate(lanes):
        out.extend(_lane_svg(lane, 10 + index * LANE_HEIGHT, story_date))
    out.append("</svg>")
    # One line: a blank line would end the raw HTML block in Markdown.
    return Markup('<div class="timeline-figure" data-search-exclude="chart" style="overflow-x:auto">' + "".join(out) + "</div>")


class _Lane(NamedTuple):
    """One lane of the chart: its name, the first and last day of its axis, its events, its scale ("day", "year")."""

    name: str
    lo: dt.date
    hi: dt.date
    items: list[_Dated]
    scale: str


def _lanes(dated: list[_Dated], story_date: dt.date | None) -> list[_Lane]:
    """The lanes: "Background" (events starting before the story's last ``RECENT_DAYS``), on a year scale from
    the first event's year to the year after the last (or the story's), then "This story" on a day scale, a day
    either side of its events and the story date. A lane without events is left out."""
    end_of_story = max([b[1] for _, b in dated] + ([story_date] if story_date else []))
    recent_start = (story_date or end_of_story) - dt.timedelta(days=RECENT_DAYS)
    recent = [(e, b) for e, b in dated if b[0] >= recent_start]
    background = [(e, b) for e, b in dated if b[0] < recent_start]
    lanes = []
    if background:
        lo = dt.date(min(b[0] for _, b in background).year, 1, 1)
        hi_year = max(b[1] for _, b in background).year
        hi = dt.date(max(hi_year, (story_date or end_of_story).year) + 1, 1, 1)
        lanes.append(_Lane("Background", lo, hi, background, "year"))
    if recent:
        lo = min(b[0] for _, b in recent) - dt.timedelta(days=1)
        hi = max([b[1] for _, b in recent] + ([story_date] if story_date else [])) + dt.timedelta(days=1)
        lanes.append(_Lane("This story", lo, hi, recent, "day"))
    return lanes


def _svg_start(events: int, height: int) -> list[str]:
    """The chart's opening tag and its title."""
    return [
        # a group, not role="img": an image may not hold the links to the events (axe: nested-interactive)
        f'<svg class="timeline-chart" role="group" aria-label="Timeline chart of {events} events" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'style="max-width:100%;height:auto" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" '
        f'font-size="11">',
        f"<title>Timeline chart of {events} events</title>",
    ]


def _lane_svg(lane: _Lane, top: int, story_date: dt.date | None) -> list[str]:
    """A lane from ``top`` down: its name, its axis and ticks, the story date's dashed line when on the axis, the
    events' marks."""
    axis_y = top + 55
    out = [f'<text x="4" y="{axis_y + 4}" font-weight="bold">{escape(lane.name, quote=False)}</text>',
           f'<line x1="{LEFT}" y1="{axis_y}" x2="{WIDTH - RIGHT}" y2="{axis_y}" stroke="#888"/>']
    out.extend(_ticks(lane.lo, lane.hi, axis_y, lane.scale))
    if story_date and lane.lo <= story_date <= lane.hi:
        x = _x(story_date, lane.lo, lane.hi)
        out.append(f'<line x1="{x:.1f}" y1="{top + 5}" x2="{x:.1f}" y2="{axis_y + 6}" stroke="#3f51b5" '
                   f'stroke-dasharray="3,3"/>')
        out.append(f'<text x="{x - 3:.1f}" y="{top + 12}" fill="#3f51b5" text-anchor="end">story date</text>')
    out.extend(_marks(lane.items, lane.lo, lane.hi, axis_y))
    return out


def _x(day: dt.date, lo: dt.date, hi: dt.date) -> float:
    total = max(1, (hi - lo).days)
    return LEFT + (WIDTH - LEFT - RIGHT) * (day - lo).days / total


def _ticks(lo: dt.date, hi: dt.date, y: int, scale: str) -> list[str]:
    out = []
    if scale == "year":
        years = hi.year - lo.year
        step = max(1, round(years / 8))
        for year in range(lo.year, hi.year + 1, step):
            x = _x(dt.date(year, 1, 1), lo, hi)
            out.append(f'<line x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 4}" stroke="#888"/>')
            out.append(f'<text x="{x:.1f}" y="{y + 16}" text-anchor="middle">{year}</text>')
    else:
        days = (hi - lo).days
        step = max(1, round(days / 8))
        day = lo
        while day <= hi:
            x = _x(day, lo, hi)
            out.append(f'<line x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 4}" stroke="#888"/>')
            out.append(f'<text x="{x:.1f}" y="{y + 16}" text-anchor="middle">{day.day} {MONTHS[day.month - 1][:3]}</text>')
            day += dt.timedelta(days=step)
    return out


def _marks(items: list[tuple[Event, tuple[dt.date, dt.date]]], lo: dt.date, hi: dt.date, y: int) -> list[str]:
    out = []
    rows: dict[int, float] = {}  # stack marks that would overlap
    for event, (first, last) in sorted(items, key=lambda item: (item[1][0], item[0].id)):
        x1, x2 = _x(first, lo, hi), _x(last + dt.timedelta(days=1), lo, hi)
        row = 0
        while rows.get(row, -1e9) > x1 - 6:
            row += 1
        rows[row] = max(x2, x1 + 6)
        cy = y - 10 - 9 * (row % 5)
        tip = escape(f"{display_date(event.date)}: {shorten(event.text, 120)} ({plural(len(event.sources), 'source')})"
                     + (" — upcoming" if event.upcoming else "") + (" — dates disputed" if event.disputed else ""),
                     quote=False)  # element text: quotes need no escaping (and stay readable in the Markdown)
        stroke = ' stroke="#d32f2f" stroke-width="2"' if event.disputed else ' stroke="#3f51b5"'
        fill = "white" if event.upcoming else "#3f51b5"
        href = f"#{escape(event.id)}"
        if x2 - x1 > 8:
            shape = (f'<rect x="{x1:.1f}" y="{cy - 3}" width="{x2 - x1:.1f}" height="6" rx="3" fill="{fill}" '
                     f'fill-opacity="0.5"{stroke}/>')
        else:
            r = 3 + min(len(event.sources), 5)
            shape = f'<circle cx="{(x1 + x2) / 2:.1f}" cy="{cy}" r="{r / 2 + 1.5:.1f}" fill="{fill}"{stroke}/>'
        out.append(f'<a href="{href}"><title>{tip}</title>{shape}</a>')
    return out
