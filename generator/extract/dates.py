"""Temporal expressions: find them in a parsed article and normalise them to calendar values.

Candidates are spaCy's DATE/TIME entities plus the patterns of ``rules/dates.yaml`` for what the small model
misses ("on Thursday", "six days later"). Each candidate is normalised relative to the reference date (the
source's publication date, or the story's date for an undated source):

* our own code for what no library does: weekdays by the tense of the clause ("met on Thursday" → the previous
  Thursday or the same day; "is expected to meet … on Friday" → the next Friday), "N units ago",
  "last/this/next week|month|year", ranges, quarters, seasons, decades, and expressions anchored to the
  previous date of the sentence or paragraph ("… on 12 February and a meeting six days later" → 18 February);
* dateparser (with ``RELATIVE_BASE`` and ``PREFER_DATES_FROM`` set by tense, applied only to candidate spans)
  for explicit dates ("12 February", "June 2024", "February 27, 2025").

Durations ("six hours of talks"), ages and frequencies ("every week") are kept with ``value=None`` and a
``kind`` that stops them from becoming events.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

from generator.model import DateMention, Sentence, Source
from generator.rules import load_rules

# Granularities whose values are calendar periods (they can date events), finest first.
CALENDAR = ("day", "week", "month", "quarter", "season", "year", "decade", "range")


@dataclass(frozen=True)
class Resolution:
    """What a temporal expression means relative to a reference date."""

    value: str | None
    granularity: str | None
    rule: str
    kind: str = "date"  # "date", "duration", "set", "age", "ref"
    anchored: bool = False  # resolved against the anchor date, not the reference date
    relative: bool = True  # depends on the reference (or anchor) date


def rules() -> dict[str, Any]:
    return load_rules("dates")


# ----------------------------------------------------------------------- values


def day_value(day: dt.date) -> str:
    return day.isoformat()


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a calendar value covers; None for vague or malformed values."""
    if not value:
        return None
    if "/" in value:
        left, right = value.split("/", 1)
        a, b = interval(left), interval(right)
        return (a[0], b[1]) if a and b else None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return (monday + dt.timedelta(days=5) if m[3] else monday), monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
            year, q = int(m[1]), int(m[2])
            first = dt.date(year, 3 * q - 2, 1)
            last_month = 3 * q
            return first, dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            year = int(m[1])
            a, b = SEASON_MONTHS[m[2]]
            by, bm = add_months(year, 1, b - 1)
            return dt.date(year, a, 1), dt.date(by, bm, calendar.monthrange(by, bm)[1])
        if m := re.fullmatch(r"(\d{4})", value):
            year = int(m[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if m := re.fullmatch(r"(\d{3})", value):
            year = int(m[1]) * 10
            return dt.date(year, 1, 1), dt.date(year + 9, 12, 31)
    except ValueError:
        return None
    return None


# ------------------------------------------------------------------ normalising


def _clean(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\s+", " ", text).strip(" ,.;:\"“”()")
    return re.sub(r"'s$", "", text)


def _number(word: str) -> int | None:
    word = word.strip()
    if word.isdigit():
        return int(word)
    numbers = rules()["numbers"]
    if word in numbers:
        return numbers[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and all(p in numbers for p in parts):  # "twenty-five"
        return numbers[parts[0]] + numbers[parts[1]]
    return None


NUMBER = r"(\d+|[a-z]+(?:[- ][a-z]+)?)"


def _shift(reference: dt.date, unit: str, amount: int) -> tuple[str, str]:
    """The value ``amount`` units from ``reference``, at the unit's granularity (days/weeks ago → a day)."""
    if unit in ("day", "hour", "minute", "second"):
        return day_value(reference + dt.timedelta(days=amount)), "day"
    if unit in ("week", "fortnight"):
        days = 7 * amount * (2 if unit == "fortnight" else 1)
        return day_value(reference + dt.timedelta(days=days)), "day"
    if unit == "month":
        year, month = add_months(reference.year, reference.month, amount)
        return month_value(year, month), "month"
    if unit == "year":
        return f"{reference.year + amount:04d}", "year"
    if unit == "decade":
        return f"{reference.year + 10 * amount:04d}", "year"
    if unit == "century":
        return f"{reference.year + 100 * amount:04d}", "year"
    raise ValueError(unit)


def _period(reference: dt.date, unit: str, offset: int) -> tuple[str, str] | None:
    """"last week", "this month", "next year": the whole period ``offset`` periods from the reference."""
    if unit == "week":
        return week_value(reference + dt.timedelta(days=7 * offset)), "week"
    if unit == "weekend":
        return week_value(reference + dt.timedelta(days=7 * offset)) + "-WE", "week"
    if unit == "month":
        return month_value(*add_months(reference.year, reference.month, offset)), "month"
    if unit == "year":
        return f"{reference.year + offset:04d}", "year"
    if unit == "quarter":
        index = reference.year * 4 + (reference.month - 1) // 3 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}", "quarter"
    if unit == "decade":
        return f"{reference.year // 10 + offset:03d}", "decade"
    return None


def _pick_day(reference: dt.date, candidates: list[dt.date], tense: str | None) -> dt.date:
    """Among candidate days, the one the tense points to: past → latest on or before the reference,
    future → earliest on or after it, otherwise the nearest."""
    if tense == "past":
        before = [d for d in candidates if d <= reference]
        if before:
            return max(before)
    if tense == "future":
        after = [d for d in candidates if d >= reference]
        if after:
            return min(after)
    return min(candidates, key=lambda d: (abs((d - reference).days), d > reference))


def _tense_rule(tense: str | None) -> str:
    return {"past": "past tense", "future": "future tense", "present": "present tense"}.get(tense or "", "no tense")


def _weekday(reference: dt.date, weekday: int, tense: str | None, relative: str | None) -> tuple[dt.date, str]:
    back = (reference.weekday() - weekday) % 7
    forward = (weekday - reference.weekday()) % 7
    if relative in ("last", "past", "previous"):
        return reference - dt.timedelta(days=back or 7), "'last': the previous one"
    if relative == "next":
        return reference + dt.timedelta(days=forward or 7), "'next': the next one"
    if tense == "past":
        return reference - dt.timedelta(days=back), "past tense: the same day or the previous one"
    if tense == "future":
        return reference + dt.timedelta(days=forward), "future tense: the same day or the next one"
    if back <= forward:
        return reference - dt.timedelta(days=back), f"{_tense_rule(tense)}: the nearest one"
    return reference + dt.timedelta(days=forward), f"{_tense_rule(tense)}: the nearest one"


def _month_without_year(reference: dt.date, month: int, tense: str | None, relative: str | None) -> tuple[int, str]:
    if relative in ("last", "past", "previous"):
        year = reference.year if month < reference.month else reference.year - 1
        return year, "'last': the previous one"
    if relative == "next":
        year = reference.year if month > reference.month else reference.year + 1
        return year, "'next': the next one"
    if relative == "this":
        return reference.year, "'this': this year"
    firsts = [dt.date(reference.year + d, month, 1) for d in (-1, 0, 1)]
    if tense == "past":
        year = max(d.year for d in firsts if (d.year, d.month) <= (reference.year, reference.month))
    elif tense == "future":
        year = min(d.year for d in firsts if (d.year, d.month) >= (reference.year, reference.month))
    else:
        year = min(firsts, key=lambda d: (abs((d.year - reference.year) * 12 + d.month - reference.month), d > reference)).year
    return year, f"{_tense_rule(tense)}: year chosen by tense"


def _strip_prepositions(text: str) -> tuple[str, str | None]:
    preps = set(rules()["prepositions"])
    first = None
    while True:
        word, _, rest = text.partition(" ")
        if rest and word in preps:
            first = first or word
            text = rest
        else:
            return text, first


def normalise(
    text: str,
    reference: dt.date | None,
    tense: str | None = None,
    anchor: dt.date | None = None,
    before: str = "",
    after: str = "",
) -> Resolution:
    """Normalise one temporal expression.

    ``reference``: the date relative expressions are resolved against (None: they stay unresolved).
    ``tense``: "past", "future", "present" or None, of the clause the expression belongs to.
    ``anchor``: the previous date of the sentence/paragraph, for "six days later".
    ``before``/``after``: the words just outside the expression ("for", "old"), to spot durations and ages.
    """
    r = rules()
    t = _clean(text)
    before, after = _clean(before), _clean(after)
    t, prep = _strip_prepositions(t)
    if t.startswith("the "):
        bare_t = t[4:]
    else:
        bare_t = t
    words = t.split()

    # Frequencies and ages are not dates.
    if set(words) & set(r["frequency_words"]) or re.search(r"\b(a|an|per) (day|week|month|year)$", t) and words[0] not in ("a", "an"):
        return Resolution(None, None, "frequency", kind="set", relative=False)
    if before in r["age_before"] or any(after.startswith(w) for w in r["age_after"]) or t.endswith(" old"):
        return Resolution(None, None, "age", kind="age", relative=False)
    if m := re.fullmatch(rf"{NUMBER}-(year|month|week|day|hour|minute)s?(-old)?", t):
        if _number(m[1]) is not None:
            return Resolution(None, None, "age" if m[3] else "duration", kind="age" if m[3] else "duration", relative=False)

    # Ranges: "between February and March 2022", "from 2014 to 2016", "2014-2016".
    if m := re.fullmatch(r"(?:between |from )?(.+?) ?(?: and | to | until | till | through |-) ?(.+)", t):
        if prep in ("between", "from") or t.startswith(("between ", "from ")) or re.fullmatch(r"\d{4} ?- ?\d{2,4}", t):
            range_res = _range(m[1], m[2], reference, tense)
            if range_res:
                return range_res

    # Vague references.
    for ref_value, phrases in r["vague"].items():
        if t in phrases or bare_t in phrases:
            return Resolution(ref_value, "ref", "vague reference", kind="ref", relative=False)

    if reference is None and not re.search(r"\b\d{4}\b|'\d\d\b", t):
        return Resolution(None, None, "relative expression; no publication date to resolve it", relative=True)

    # today, yesterday, tomorrow
    if t in r["relative_days"]:
        offset = r["relative_days"][t]
        return Resolution(day_value(reference + dt.timedelta(days=offset)), "day", f"'{t}': {offset:+d} day(s)")

    # the same day, the next day: relative to the anchor when there is one
    if t in r["anchored_days"]:
        offset = r["anchored_days"][t]
        base = anchor or reference
        return Resolution(day_value(base + dt.timedelta(days=offset)), "day",
                          f"{offset:+d} day(s) from the {'previous date' if anchor else 'reference date'}",
                          anchored=anchor is not None)

    # N units ago / later / earlier
    if m := re.fullmatch(rf"(?:about |some |around |nearly |almost |more than |over |just |only )?{NUMBER} ([a-z]+) (ago|later|earlier|before|after|afterwards|afterward|on|prior)", t):
        amount, unit = _number(m[1]), r["units"].get(m[2])
        if amount is not None and unit and unit not in ("weekend", "quarter"):
            if m[3] == "ago":
                value, gran = _shift(reference, unit, -amount)
                return Resolution(value, gran, f"{amount} {unit}(s) before the reference date")
            if anchor is None:
                return Resolution(None, None, "anchored expression without an earlier date to count from")
            direction = r["anchor_directions"][m[3]]
            value, gran = _shift(anchor, unit, direction * amount)
            return Resolution(value, gran, f"{amount} {unit}(s) {'after' if direction > 0 else 'before'} the previous date",
                              anchored=True)

    # Durations: "six hours", "25 years", "the past nine days", "over the past decade", "several months".
    quantifier = r"(?:(?:about|some|around|nearly|almost|more than|over|under|less than|at least|just|only|another|the) )?"
    if m := re.fullmatch(rf"{quantifier}(?:(?:past|last|next|first|coming|previous|following|few|several|many|recent) )?(?:{NUMBER} )?([a-z]+)", t):
        unit = r["units"].get(m[2])
        has_number = m[1] is not None and _number(m[1]) is not None
        plural = m[2].endswith("s") and unit is not None
        if unit and (has_number or plural or unit in ("hour", "minute", "second")):
            return Resolution(None, None, "duration", kind="duration", relative=False)
        if unit and (prep in r["duration_prepositions"] or before in r["duration_prepositions"]) and re.match(r"(the )?(past|last|next|coming)", t):
            return Resolution(None, None, "duration", kind="duration", relative=False)

    # "early June", "the end of last year": a part of a period takes the period's value.
    modifier = None
    for mod in sorted(r["period_modifiers"], key=len, reverse=True):
        if t.startswith(mod + " ") or (mod.endswith("-") and t.startswith(mod)):
            modifier = mod.rstrip("-")
            t = t[len(mod):].strip()
            t = t[4:] if t.startswith("the ") and t not in ("the year", "the month", "the week") else t
            break
    note = f" ('{modifier}' keeps the period)" if modifier else ""

    # "October of next year", "the first quarter of last year": put the year in.
    if reference is not None and (m := re.search(r"\b(?:of |in )?(last|this|next) year$", t)) and m.start() > 0:
        year = reference.year + r["relative_words"][m[1]]
        t = f"{t[: m.start()].strip()} {year}"

    # last week, this month, next year, the previous year
    if m := re.fullmatch(r"(?:the )?(last|past|previous|preceding|this|current|coming|next|following|same) ?(week|weekend|month|year|quarter|decade)", t):
        offset = 0 if m[1] == "same" else r["relative_words"][m[1]]
        res = _period(reference, m[2], offset)
        if res:
            return Resolution(res[0], res[1], f"'{m[1]} {m[2]}' from the reference date{note}")
    if m := re.fullmatch(r"(?:the )?(?:entire |whole |full )?(year|month|week)", t):
        if modifier or re.match(r"(the )?(entire|whole|full) ", t):  # "the beginning of the year", "the entire year"
            res = _period(reference, m[1], 0)
            return Resolution(res[0], res[1], f"this {m[1]}{note}")

    # "until Friday", "by 6 March": a limit, as often ahead as behind; take the nearest.
    if prep in ("by", "until", "till") and tense == "past":
        tense = None

    # "the weekend", "last weekend"
    if m := re.fullmatch(r"(?:(last|this|next|the|past|coming) )?weekend", t):
        saturday = reference + dt.timedelta(days=(5 - reference.weekday()) % 7)
        if m[1] in ("last", "past") or (m[1] in ("the", None) and tense == "past"):
            saturday -= dt.timedelta(days=7) if saturday > reference else dt.timedelta(0)
        elif m[1] == "next" and reference.weekday() >= 5:
            saturday += dt.timedelta(days=7)
        return Resolution(week_value(saturday) + "-WE", "week", f"weekend, {_tense_rule(tense)}")

    # Weekdays: "Thursday", "last Friday", "Monday morning"
    if m := re.fullmatch(r"(?:(last|this|next|past) )?([a-z]+)(?: (?:morning|afternoon|evening|night))?", t):
        if m[2] in r["weekdays"]:
            day, how = _weekday(reference, r["weekdays"][m[2]], tense, m[1])
            return Resolution(day_value(day), "day", f"weekday, {how}")

    # Months without a year: "October", "last October", "since last October"
    if m := re.fullmatch(r"(?:(last|this|next|past) )?([a-z]+)", t):
        if m[2] in r["months"] and not (m[2] == "may" and not m[1]):
            month = r["months"][m[2]]
            year, how = _month_without_year(reference, month, tense, m[1])
            return Resolution(month_value(year, month), "month", f"month, {how}{note}")

    # Quarters: "the fourth quarter of 2005", "third-quarter", "the last quarter"
    if m := re.fullmatch(r"(?:the )?([a-z0-9]+)[- ]quarter(?:(?: of| in)? (.+))?", t):
        ordinals = r["ordinals"]
        if m[1] in ("last", "previous", "past") and not m[2]:
            value, gran = _period(reference, "quarter", -1)
            return Resolution(value, gran, "'last quarter': the previous quarter")
        if m[1] in ordinals:
            q = ordinals[m[1]]
            year = _year_of(m[2], reference, tense) if m[2] else None
            if m[2] and year is None:
                return Resolution(None, None, "quarter of an unknown year")
            how = "quarter"
            if year is None:
                # The nearest such quarter: reports look back at the last one or ahead to the next one
                # about equally, whatever the tense ("the fourth quarter" in August → this year's).
                def distance(y: int) -> int:
                    first, last = interval(f"{y:04d}-Q{q}")
                    return 0 if first <= reference <= last else min(abs((first - reference).days), abs((reference - last).days))
                year = min((reference.year - 1, reference.year, reference.year + 1), key=lambda y: (distance(y), -y if tense == "past" else y))
                how = "quarter without a year: the nearest one"
            return Resolution(f"{year:04d}-Q{q}", "quarter", how, relative=not m[2] or not re.search(r"\d{4}", m[2]))

    # Seasons: "spring", "last autumn", "the summer of 2008"
    if m := re.fullmatch(r"(?:(last|this|next) )?(?:the )?([a-z]+)(?: of)?(?: (\d{4}))?", t):
        if m[2] in r["seasons"]:
            code = r["seasons"][m[2]]
            if m[3]:
                year = int(m[3])
            else:
                year = reference.year + {"last": -1, "next": 1}.get(m[1] or "", 0)
            return Resolution(f"{year:04d}-{code}", "season", "season", relative=not m[3])

    # Decades: "the 1990s", "the '90s", "70s"
    if m := re.fullmatch(r"(?:the )?(?:early |late |mid-?)?'?(\d|\d{3})0'?s", t):
        digits = m[1]
        decade = digits if len(digits) == 3 else ("19" if int(digits) >= 3 else "20") + digits
        return Resolution(decade, "decade", "decade", relative=len(digits) == 1)

    # Bare years: "2014", "'82", "fiscal 2007"
    if m := re.fullmatch(r"(?:(?:fiscal|calendar|the year|fy) ?)?(\d{4})", t):
        if 1000 <= int(m[1]) <= 2199:
            return Resolution(m[1], "year", f"year{note}", relative=False)
    if m := re.fullmatch(r"'(\d\d)", t):
        year = int(m[1])
        return Resolution(f"{1900 + year if year >= 30 else 2000 + year:04d}", "year", "two-digit year", relative=False)

    return _dateparser(t, reference, tense, note)


def _year_of(text: str, reference: dt.date | None, tense: str | None) -> int | None:
    res = normalise(text, reference, tense)
    if res.value and res.granularity == "year":
        return int(res.value)
    return None


def _range(left: str, right: str, reference: dt.date | None, tense: str | None) -> Resolution | None:
    end = normalise(right, reference, tense)
    if not end.value or end.granularity not in CALENDAR or end.granularity == "range":
        return None
    start = normalise(left, reference, tense)
    year = re.match(r"\d{4}", end.value)
    if left.strip().isdigit() and len(left.strip()) <= 2 and end.granularity == "day":  # "12 to 14 March"
        start = Resolution(f"{end.value[:8]}{int(left):02d}", "day", "day of the same month")
    elif year and not re.search(r"\d{4}", left) and end.granularity in ("day", "month"):
        with_year = normalise(f"{left} {year[0]}", reference, tense)
        if with_year.value:
            start = with_year
    if not start.value or start.granularity not in CALENDAR or start.granularity == "range":
        return None
    if start.value > end.value and year and start.value[:4] == end.value[:4] and start.granularity == end.granularity:
        # "between December and March 2022": the start is in the previous year
        start = normalise(f"{left} {int(year[0]) - 1}", reference, tense) if end.granularity in ("day", "month") else start
    return Resolution(f"{start.value}/{end.value}", "range", "range: from the first date to the second",
                      relative=start.relative or end.relative)


@lru_cache(maxsize=64)
def _parser(base: dt.date, prefer: str) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": prefer,
            "RETURN_TIME_AS_PERIOD": True,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


def _dateparser(t: str, reference: dt.date | None, tense: str | None, note: str) -> Resolution:
    has_year = re.search(r"\b\d{4}\b", t) is not None
    if reference is None and not has_year:
        return Resolution(None, None, "relative expression; no publication date to resolve it")
    if re.fullmatch(r"[a-z' -]+", t) and not any(w in rules()["months"] or w in rules()["weekdays"] for w in t.split()):
        # No month, weekday or digit: dateparser would guess ("a later time" → today); leave it.
        return Resolution(None, None, "not a calendar date")
    base = reference or dt.date(2000, 1, 1)
    prefer = {"past": "past", "future": "future"}.get(tense or "", "current_period")
    if has_year:
        prefer = "current_period"
    try:
        data = _parser(base, prefer).get_date_data(t)
    except (ValueError, OverflowError):
        return Resolution(None, None, "not understood")
    if data is None or data.date_obj is None:
        return Resolution(None, None, "not understood")
    day = data.date_obj.date()
    period = data.period or "day"
    relative = not has_year
    if period == "time":
        period = "day"
    if not has_year and reference and period in ("day", "month") and re.search(r"[a-z]", t):
        # dateparser's year for "12 February" follows PREFER_DATES_FROM strictly; choose by tense ourselves,
        # allowing the reference day itself.
        months = rules()["months"]
        if any(w in months for w in re.findall(r"[a-z]+", t)):
            candidates = []
            for year in (base.year - 1, base.year, base.year + 1):
                try:
                    candidates.append(day.replace(year=year) if period == "day" else dt.date(year, day.month, 1))
                except ValueError:
                    continue
            if period == "month":
                ref = dt.date(base.year, base.month, 1)
                day = _pick_day(ref, candidates, tense)
            else:
                day = _pick_day(base, candidates, tense)
    if period == "day":
        value, gran = day_value(day), "day"
    elif period == "week":
        value, gran = week_value(day), "week"
    elif period == "month":
        value, gran = month_value(day.year, day.month), "month"
    else:
        value, gran = f"{day.year:04d}", "year"
    how = "explicit date" if has_year else f"date without a year, {_tense_rule(tense)}"
    return Resolution(value, gran, f"{how} (dateparser){note}", relative=relative)


# -------------------------------------------------------------------- the Doc side


def _compiled_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"\b(?:{p})\b", re.IGNORECASE) for p in rules()["patterns"])


_PATTERNS: tuple[re.Pattern[str], ...] | None = None


def candidate_spans(doc: Doc) -> list[Span]:
    """DATE/TIME entities and pattern matches, merged: spans inside a longer one are dropped, overlapping
    spans joined."""
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = _compiled_patterns()
    ranges: list[tuple[int, int]] = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    for pattern in _PATTERNS:
        for m in pattern.finditer(doc.text):
            ranges.append(m.span())
    spans: list[Span] = []
    for start, end in sorted(_split_ranges(doc.text, ranges)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        if spans and span.start < spans[-1].end:
            if span.end > spans[-1].end and span.sent == spans[-1].sent:
                spans[-1] = doc[spans[-1].start : span.end]
            continue
        spans.append(span)
    return [_trim(s) for s in spans if _trim(s) is not None]


# Where one candidate holds two expressions: a line break, or a comma not followed by a year
# ("on November 11, three days later"; but "June 6, 2005" stays whole).
_SPLIT = re.compile(r"\s*\n\s*|,(?!\s*\d{4}\b)\s*")


def _split_ranges(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in ranges:
        pos = start
        for m in _SPLIT.finditer(text, start, end):
            if m.start() > pos:
                out.append((pos, m.start()))
            pos = m.end()
        if end > pos:
            out.append((pos, end))
    return out


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].tag_ == "POS"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end] if end > start else None


def _with_preposition(span: Span) -> Span:
    """Take in a preposition just before the span ("on Thursday", "since last October")."""
    preps = set(rules()["prepositions"])
    if span.start > 0:
        prev = span.doc[span.start - 1]
        if prev.lower_ in preps and prev.sent == span.sent:
            return span.doc[span.start - 1 : span.end]
    return span


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    r = rules()
    future_aux = set(r["future_auxiliaries"])
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in future_aux for a in auxes):
        return "future"
    if any(a.lower_ == "going" for a in auxes) or (verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)):
        return "future"
    has_to = any(a.tag_ == "TO" for a in auxes)
    if has_to and verb.dep_ in ("xcomp", "advcl", "ccomp", "acl", "relcl") and depth < 3:
        head = verb.head
        if head.lemma_.lower() in r["future_governors"]:
            return "future"
        if head.pos_ in ("VERB", "AUX", "ADJ") and head.i != verb.i:
            return _verb_tense(head, depth + 1)
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN":
        if any(a.lower_ in ("has", "have", "had", "'s", "'ve") for a in auxes) or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if verb.lemma_.lower() in r["future_governors"] and any(c.dep_ == "xcomp" for c in verb.children):
            return "future"
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):  # "is expected", "are set"
            return "present"
        return "past"  # reduced passive: "the talks, held in Saudi Arabia last week"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        if verb.lemma_ == "be" and any(c.lemma_.lower() in r["future_governors"] for c in verb.children if c.dep_ in ("acomp", "attr")):
            return "future"
        return "present"
    if verb.tag_ == "VBG" and depth < 3 and verb.head.i != verb.i:  # "beginning with …": the governing verb's tense
        return _verb_tense(verb.head, depth + 1)
    return None


def _governor(span: Span) -> Token | None:
    """The word the expression modifies: the first ancestor outside the span that is not a preposition."""
    tok = span.root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.i >= span.start and tok.i < span.end:
            continue
        if tok.pos_ == "ADP" or tok.dep_ == "prep":
            continue
        return tok
    return None


def tense_of(span: Span) -> str | None:
    """The tense of the clause a temporal expression belongs to: "past", "future", "present" or None when it
    hangs off a noun ("a summit on 6 March")."""
    gov = _governor(span)
    if gov is None:
        return None
    if gov.pos_ in ("VERB", "AUX"):
        return _verb_tense(gov)
    if gov.pos_ == "ADJ" and gov.lemma_.lower() in rules()["future_governors"]:  # "due on Friday"
        return "future"
    return None


SKIP_DEPS = {"conj", "cc", "parataxis", "advcl", "relcl", "appos"}


def clause_of(span: Span) -> tuple[int, int]:
    """Character offsets of the clause a temporal expression dates: the governing verb (or event noun) with its
    dependents, without coordinated or adverbial clauses that do not contain the expression."""
    sent = span.sent
    gov = _governor(span)
    head = None
    if gov is not None:
        if gov.pos_ in ("NOUN", "PROPN") and len(list(gov.subtree)) >= 4:
            head = gov
        else:
            head = gov
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head
    if head is None:
        return sent.start_char, sent.end_char
    keep = set()
    stack = [head]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        for child in tok.children:
            if child.dep_ in SKIP_DEPS and not (child.left_edge.i <= span.start and span.end - 1 <= child.right_edge.i):
                continue
            stack.append(child)
    keep |= set(range(span.start, span.end))
    lo, hi = min(keep), max(keep)
    doc = span.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ in ("cc", "mark")):
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def extract_dates(
    doc: Doc,
    source: Source,
    sentences: tuple[Sentence, ...],
    reference: dt.date | None,
    reference_origin: str = "published",
) -> tuple[DateMention, ...]:
    """Every temporal expression of ``doc`` (a parse of ``source.text``), normalised against ``reference``.

    ``reference_origin`` ("published" or "story") is recorded in ``resolved_from`` of expressions that depend
    on the reference date; anchored ones ("six days later") record the id of the mention they count from.
    """
    sentence_of = {}
    for i, sent in enumerate(doc.sents):
        sentence_of[sent.start] = i
    mentions: list[DateMention] = []
    for span in candidate_spans(doc):
        shown = _with_preposition(span)
        sent_index = sentence_of.get(span.sent.start, 0)
        sentence = sentences[sent_index] if sent_index < len(sentences) else None
        paragraph = sentence.paragraph if sentence else None
        anchor = _anchor(mentions, sent_index, paragraph, sentences)
        before = doc[shown.start - 1].text if shown.start > 0 else ""
        after = doc[span.end].text if span.end < len(doc) else ""
        tense = tense_of(span)
        res = normalise(shown.text, reference, tense, anchor.date if anchor else None, before, after)
        kind = res.kind
        if kind == "date" and not any(t.pos_ in ("VERB", "AUX") for t in span.sent):
            kind = "dateline"
        if res.anchored and anchor is not None:
            resolved_from = anchor.mention.id
        else:
            resolved_from = reference_origin
        clause_start, clause_end = clause_of(span)
        keywords = _keywords(doc.char_span(clause_start, clause_end, alignment_mode="expand") or span.sent, shown)
        mentions.append(
            DateMention(
                source=source.id,
                text=shown.text,
                start=shown.start_char,
                end=shown.end_char,
                sentence=sent_index,
                value=res.value,
                granularity=res.granularity,
                resolved_from=resolved_from,
                rule=res.rule,
                id=f"{source.id}-d{len(mentions) + 1}",
                kind=kind,
                clause_start=clause_start,
                clause_end=clause_end,
                keywords=keywords,
            )
        )
    return tuple(mentions)


def _keywords(clause: Span, date: Span) -> tuple[str, ...]:
    """Content-word lemmas of a clause, without the date itself and without reporting verbs."""
    ignore = set(rules()["timeline"]["ignore_lemmas"])
    words = set()
    for tok in clause:
        if date.start <= tok.i < date.end or tok.is_stop or not tok.is_alpha or len(tok.text) < 3:
            continue
        if tok.pos_ not in ("NOUN", "PROPN", "VERB", "NUM"):  # adjectives describe; they do not identify
            continue
        if tok.ent_type_ in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
            continue  # names are matched as people and entities, not as words
        lemma = tok.lemma_.lower()
        if lemma in ignore or lemma in rules()["weekdays"] or lemma in rules()["months"]:
            continue
        words.add(lemma)
    return tuple(sorted(words))


@dataclass(frozen=True)
class _Anchor:
    mention: DateMention
    date: dt.date


def _anchor(
    mentions: list[DateMention], sentence: int, paragraph: int | None, sentences: tuple[Sentence, ...]
) -> _Anchor | None:
    """The previous day-level date in the same sentence, else in the same paragraph."""
    for same_sentence in (True, False):
        for m in reversed(mentions):
            if m.kind != "date" or m.granularity != "day" or not m.value:
                continue
            if same_sentence and m.sentence != sentence:
                continue
            if not same_sentence:
                m_par = sentences[m.sentence].paragraph if m.sentence < len(sentences) else None
                if paragraph is None or m_par != paragraph:
                    continue
            return _Anchor(m, dt.date.fromisoformat(m.value))
    return None
