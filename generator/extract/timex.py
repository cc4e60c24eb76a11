"""TimeML (TIMEX3) values of temporal expressions: a table of small named rules over plain text.

``normalise(text, reference, tense, anchor, before, after)`` reads one expression (found by
``generator.extract.dates``) against a reference date (the publication date) and returns its TimeML value
(``2013``, ``2013-03``, ``2013-03-22``, ``2013-W12``, ``2013-Q2``, ``2013-H1``, ``2013-SU``, ``FY2013``, ``199``,
``19``, ``2013-03-22TMO``, ``P5Y``, ``PRESENT_REF``…; a range as the ISO 8601 interval ``2009/2010``), its TimeML type
(DATE, TIME, DURATION, SET), how it was resolved in words and the name of the rule that resolved it.

``RULES`` lists the rules in the order they are tried; each is a small pure function of an ``Expr`` that returns
a ``Resolution`` (done), a rewritten ``Expr`` ("early June" → "June", kept as a note), or None (not this rule).

* our own code for what no library does: TimeML values, weekdays, months and seasons by the tense of the clause
  and by "last", "next", "since", "until" ("met on Thursday" → the previous Thursday or the same day; "is
  expected to meet … on Friday" → the next Friday), "N units ago", ranges ("1957-58"), centuries, decades,
  quarters, halves, fiscal years, and expressions anchored to the previous date of the sentence or paragraph
  ("… on 12 February and a meeting six days later" → 18 February);
* dateparser (with ``RELATIVE_BASE`` and ``PREFER_DATES_FROM`` set by tense, applied only to the expression)
  for explicit dates ("12 February", "June 2024", "February 27, 2025", "7/8/07").

No spaCy here: the tense and the words around the expression come from the caller.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Callable, Union

from dateparser.date import DateDataParser
from dateutil.easter import easter

from generator.rules import load_rules

# Granularities whose values are calendar periods (they can date events), finest first.
CALENDAR = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century", "range")


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


def _month_span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """First day of month ``first`` to the last day of month ``last`` (months past 12 run into the next year)."""
    ly, lm = add_months(year, 1, last - 1)
    return dt.date(year, first, 1), dt.date(ly, lm, calendar.monthrange(ly, lm)[1])


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

# TimeML value shapes and the days they cover; tried in order by ``interval``.
_INTERVALS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[dt.date, dt.date]]], ...] = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?"), lambda m: (dt.date(int(m[1]), int(m[2]), int(m[3])),) * 2),
    (re.compile(r"(\d{4})-W(\d{2})(-WE)?"), lambda m: (
        dt.date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1), dt.date.fromisocalendar(int(m[1]), int(m[2]), 7))),
    (re.compile(r"(\d{4})-(\d{2})"), lambda m: _month_span(int(m[1]), int(m[2]), int(m[2]))),
    (re.compile(r"(?:FY)?(\d{4})-Q(\d)"), lambda m: _month_span(int(m[1]), 3 * int(m[2]) - 2, 3 * int(m[2]))),
    (re.compile(r"(?:FY)?(\d{4})-H(\d)"), lambda m: _month_span(int(m[1]), 6 * int(m[2]) - 5, 6 * int(m[2]))),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), lambda m: _month_span(int(m[1]), *SEASON_MONTHS[m[2]])),
    (re.compile(r"(?:FY)?(\d{4})"), lambda m: (dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31))),
    (re.compile(r"(\d{3})"), lambda m: (dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31))),
    (re.compile(r"(\d{2})"), lambda m: (dt.date(max(1, int(m[1]) * 100), 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31))),
)


def interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a calendar value covers; None for vague, duration or malformed values."""
    if not value:
        return None
    if "/" in value:
        left, right = value.split("/", 1)
        a, b = interval(left), interval(right)
        return (a[0], b[1]) if a and b else None
    for pattern, bounds in _INTERVALS:
        if m := pattern.fullmatch(value):
            try:
                return bounds(m)
            except ValueError:
                return None
    return None


def duration_value(amount: int | None, unit: str) -> str:
    """TimeML duration: P5Y, P3M, PT6H, P10Y (a decade); ``None`` amount → an unknown number (PXY)."""
    code, per_unit = rules()["duration_codes"][unit]
    n = "X" if amount is None else str(amount * per_unit)
    return f"PT{n}{code[1:]}" if code.startswith("T") else f"P{n}{code}"


# ------------------------------------------------------------------ normalising


@dataclass(frozen=True)
class Resolution:
    """What a temporal expression means relative to a reference date.

    ``value`` is its TimeML value (``2025-02-27``, ``2025-Q1``, ``199``, ``P5Y``, ``PAST_REF``…; a range is an ISO
    8601 interval ``2009/2010``), ``type`` its TimeML type, ``rule`` how it was resolved (in words, for readers) and
    ``name`` the rule of ``RULES`` that resolved it. ``points_to`` is the calendar value a duration counted from
    the reference date ends on ("in five years" → the year five years on).
    """

    value: str | None
    granularity: str | None
    rule: str
    kind: str = "date"  # "date", "duration", "set", "age", "ref", "time", "none"
    anchored: bool = False  # resolved against the anchor date, not the reference date
    relative: bool = True  # depends on the reference (or anchor) date
    type: str | None = "DATE"  # TimeML: DATE, TIME, DURATION, SET; None for what is no temporal expression
    points_to: str | None = None
    name: str = ""
    from_period: bool = False  # resolved against the period named before ("a year earlier" after "the third quarter")


def not_temporal(how: str, kind: str = "none") -> Resolution:
    return Resolution(None, None, how, kind=kind, relative=False, type=None)


def _clean(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\s+", " ", text).strip(" ,.;:\"“”()")
    # text re-joined from tokens writes "a 90 - day stint", "9 a. m.": the words as usually written
    text = re.sub(r"(?<=\w) - (?=\w)", "-", text)
    text = re.sub(r"(?<=\d) / (?=\d)", "/", text)
    text = re.sub(r"\b([ap])\. m\b", r"\1.m", text)
    text = re.sub(r"(?<=\b\d)(?<!\d\d\d): (?=\d\d\b)|(?<=\b\d\d): (?=\d\d\b)", ":", text)  # "3: 30 am"
    text = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.", r"\1", text)  # "dec. 18"
    return re.sub(r"(?<!\d0)'s$", "", text)  # "2023's", but "the 2000's" is a decade


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    word = word.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", word):  # "50,000"
        word = word.replace(",", "")
    if word.isdigit():
        return int(word)
    numbers = rules()["numbers"]
    if word in numbers:
        return numbers[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and all(p in numbers for p in parts):  # "twenty-five"
        return numbers[parts[0]] + numbers[parts[1]]
    return None


NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+|[a-z]+(?:[- ][a-z]+)?)"
# A day of a month without a year as outlets write it ("June 4", "Nov. 8", "4th June").
MONTH_DAY = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?"
             r"|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?")
WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


@dataclass(frozen=True)
class Expr:
    """One expression on its way through the rules: its cleaned text and what it is read against."""

    text: str  # lower case, without leading prepositions and surrounding punctuation
    prep: str | None  # the first preposition taken off ("since", "by", "in")
    reference: dt.date | None
    tense: str | None
    anchor: dt.date | None
    before: str  # the words just before the expression, as written (a few tokens)
    after: str  # the words just after it
    modifier: str | None = None  # "early", "the end of": kept as a note, the period keeps its value
    period: str | None = None  # the previous period-level value of the sentence/paragraph ("2023-Q3", "FY2022")
    written: str = ""  # the expression as written (capitals kept)
    sentence: str = ""  # the sentence it stands in, as written ("" when unknown)
    document: str = ""  # the whole text it stands in ("" when unknown)

    @property
    def bare(self) -> str:
        return self.text[4:] if self.text.startswith("the ") else self.text

    @property
    def words(self) -> list[str]:
        return self.text.split()

    @property
    def last_before(self) -> str:
        words = _clean(self.before).split()
        return words[-1] if words else ""

    @property
    def note(self) -> str:
        return f" ('{self.modifier}' keeps the period)" if self.modifier else ""


def _shift(reference: dt.date, unit: str, amount: int, weeks_as_days: bool = True) -> tuple[str, str]:
    """The value ``amount`` units from ``reference``, at the unit's granularity (days → a day; weeks → the week
    with ``weeks_as_days`` False: TimeML gives a value the granularity of the expression, "two weeks ago" →
    2023-W43, "a week earlier" after a day → that day's week a week back (HeidelTime date_r21c), "two decades
    ago" → 200)."""
    if unit in ("day", "hour", "minute", "second"):
        return day_value(reference + dt.timedelta(days=amount)), "day"
    if unit in ("week", "fortnight"):
        day = reference + dt.timedelta(days=7 * amount * (2 if unit == "fortnight" else 1))
        return (day_value(day), "day") if weeks_as_days else (week_value(day), "week")
    if unit == "month":
        year, month = add_months(reference.year, reference.month, amount)
        return month_value(year, month), "month"
    if unit == "year":
        return f"{reference.year + amount:04d}", "year"
    if unit == "decade":
        return (f"{reference.year + 10 * amount:04d}", "year") if weeks_as_days else (
            f"{(reference.year + 10 * amount) // 10:03d}", "decade")
    if unit == "century":
        return (f"{reference.year + 100 * amount:04d}", "year") if weeks_as_days else (
            f"{(reference.year + 100 * amount) // 100:02d}", "century")
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
    if unit == "century":
        return f"{reference.year // 100 + offset:02d}", "century"
    return None


def _pick(reference: dt.date, candidates: list[dt.date], tense: str | None) -> dt.date:
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


def _direction(e: Expr, relative: str | None = None) -> tuple[str | None, str]:
    """Which way a month, season or weekday without a year looks: "last"/"since" back, "next" ahead, "this"
    the current one, limits ("until", "by") and everything else by the tense of the clause."""
    if relative in ("last", "past", "previous"):
        return "past", "'last': the previous one"
    if relative == "next":
        return "future", "'next': the next one"
    if relative == "this":
        return "this", "'this': the current one"
    if e.prep in rules()["looking_back"] and not (e.prep == "after" and e.tense == "future"):
        return "past", f"'{e.prep}': the previous one"
    if e.prep in rules()["limits"] and e.tense == "past":
        return "past", f"'{e.prep}' in a past-tense clause: the previous one"
    if e.prep in rules()["limits"] and e.tense is None:
        return None, f"'{e.prep}' without tense: the nearest one"
    return e.tense, f"{_tense_rule(e.tense)}: year chosen by tense"


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


# Each rule takes the expression and returns a Resolution (done), a rewritten Expr (go on with it), or None
# (not this rule). ``RULES`` lists them in the order they are tried.
RuleResult = Union[Resolution, Expr, None]


def frequency(e: Expr) -> RuleResult:
    """"every week", "every 10 minutes", "daily", "twice a year", "(held every) August": a SET."""
    r = rules()
    every_before = e.last_before in ("every", "each")
    if not (set(e.words) & set(r["frequency_words"]) or every_before or (
        re.search(r"\bonce (a|an) (day|week|month|year)$", e.text)  # not "for a year", "just over a month"
        or re.fullmatch(r"\d[\d,.]* (a|an) (day|week|month|year)", e.text)  # "(a rate of) 15 a year"
    )):
        return None
    unit = next((r["units"][w] for w in reversed(e.words) if w in r["units"]), None)
    unit = unit or next((r["frequency_adverbs"][w] for w in e.words if w in r["frequency_adverbs"]), None)
    m = re.search(rf"\b(?:every|each) {NUMBER} ", e.text)
    amount = _number(m[1]) if m else None
    if every_before and unit is None:  # "every August", "each Monday": the named month or day, repeated
        named = e.bare
        value = f"XXXX-{r['months'][named]:02d}" if named in r["months"] else (
            "XXXX-WXX-" + str(r["weekdays"][named] + 1) if named in r["weekdays"] else None)
        return Resolution(value, None, "frequency", kind="set", relative=False, type="SET")
    return Resolution(duration_value(amount or 1, unit) if unit else None, None, "frequency", kind="set",
                      relative=False, type="SET")


def age(e: Expr) -> RuleResult:
    """"25 years old", "aged 30" (a DURATION in TimeML); "Zoe Anderson, 24," is no temporal expression."""
    r = rules()
    if re.fullmatch(r"\d{1,3}", e.text) and re.search(r"[A-Z][\w.'-]+\s*,\s*$", e.before) and e.after.lstrip().startswith((",", ")")):
        return not_temporal("age after a name", kind="age")
    if m := re.fullmatch(rf"(?:the )?age of {NUMBER}", e.text):  # "at the age of 85"
        amount = _number(m[1])
        return Resolution(duration_value(amount, "year") if amount else None, None, "age", kind="age",
                          relative=False, type="DURATION")
    after = _clean(e.after)
    if e.last_before in r["age_before"] or any(re.match(rf"{re.escape(w)}\b", after) for w in r["age_after"]) or e.text.endswith(" old"):
        m = re.match(rf"{NUMBER}(?:[- ]years?)?", e.text)
        amount = _number(m[1]) if m else None
        return Resolution(duration_value(amount, "year") if amount else None, None, "age", kind="age",
                          relative=False, type="DURATION")
    if m := re.fullmatch(r"(?:a |an |the )?(day|week|month|year|decade|hour)[- ]?long", e.text):  # "a weeklong hunt"
        return Resolution(duration_value(1, m[1]), None, "duration", kind="duration", relative=False, type="DURATION")
    if m := re.fullmatch(r"(?:a |an |the )?multi-?(day|week|month|year|decade)", e.text):  # "a multi-year deal": PXY
        return Resolution(duration_value(None, m[1]), None, "duration of several units", kind="duration",
                          relative=False, type="DURATION")
    if (m := re.fullmatch(rf"(?:(?:a|an|the) )?{NUMBER}[- ](year|month|week|day|hour|minute)s?(-old)?", e.text)) and (
            "-" in e.text or m[3]):  # "a 90-day stint", "16 year-old" (but "16 years" is a plain duration)
        amount = _number(m[1])
        if amount is not None:
            kind = "age" if m[3] else "duration"
            return Resolution(duration_value(amount, m[2]), None, kind, kind=kind, relative=False, type="DURATION")
    return None


def not_a_date(e: Expr) -> RuleResult:
    """Numbers the model takes for dates: a bare day number, two small numbers joined by a dash (a score,
    "won 20-13", or a count, "12-15 people": dates in running text name the month or use four-digit years), an
    ordinal count ("the 99th day"), the title of a work ("the film 1917", "“1917”")."""
    if re.fullmatch(r"\d{1,2}|\d{3}", e.text):
        return not_temporal("a number without a month or unit")
    if re.fullmatch(r"\d{4}", e.text) and not 1000 <= int(e.text) <= 2199 or re.fullmatch(r"0\d{3}", e.text):
        return not_temporal("a four-digit number that is no year (\"0845\" of a phone number)")
    if re.fullmatch(r"\d{1,3}\s*[-–—]\s*\d{1,3}", e.text):
        return not_temporal("two numbers joined by a dash (a score or a count), no month")
    if re.fullmatch(r"(?:the )?\d+(?:st|nd|rd|th) (?:day|week|month|year|anniversary|straight day|consecutive day)s?", e.text):
        return not_temporal("an ordinal count, not a date")
    if re.fullmatch(r"\d{4}", e.text) and not e.prep and (
        e.last_before in rules()["title_words"] or re.search(r"[\"“‘']\s*$", e.before) and re.match(r"\s*[\"”’']", e.after)
    ):
        return not_temporal("the title of a work")
    return None


def game_period(e: Expr) -> RuleResult:
    """"in the second half", "the fourth quarter", "the final period" of a match: a part of a game, not of a
    calendar year, when no year or fiscal year is named and the sentence speaks of a game ("touchdown", "yards",
    "scored": ``game_words``), or the text does (three different such words) and the sentence not of money
    (``finance_words``: "revenue", "profit")."""
    m = re.fullmatch(r"(?:the )?(?:(?:early|late|earlier|later|midway through|end of|start of|middle of)(?: in)? (?:the )?)?"
                     r"(first|second|third|fourth|final|last|opening|closing|1st|2nd|3rd|4th)[- ]"
                     r"(quarter|half|period|inning|innings|set|round)(?: alone)?"
                     r"|(?:the|that) (quarter|half|period)", e.text)  # "to close the quarter" in a game report
    if m is None or not e.sentence:
        return None
    r = rules()
    money = _words(e.sentence) & set(r["finance_words"]) or re.search(r"[$€£%]", e.sentence)
    in_sentence = len(_game_words(e.sentence))
    # one game word in a sentence about money is the money's ("stocks rallied … profitable in the quarter"); two
    # are a game ("scored twice in the second half to seal the victory")
    if in_sentence >= 2 or (in_sentence or len(_game_words(e.document)) >= 3) and not money:
        return not_temporal("a period of a game, not of the calendar")
    return None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower()))


@lru_cache(maxsize=8)
def _game_words(text: str) -> frozenset[str]:
    """The ``game_words`` (words or phrases) a text holds."""
    words, lower = _words(text), text.lower()
    return frozenset(p for p in rules()["game_words"] if (p in words if " " not in p else p in lower))


# A time zone after a clock time ("7:37 a.m. EDT", "3 p.m. GMT", "14:58 hrs"); not a month ("10 a.m. June 3").
TIME_ZONE = r"(?!at\b)[a-z]{1,3}t|utc|hrs?|local"


def clock_time(e: Expr) -> RuleResult:
    """"6:15 a.m.", "at noon": a TIME; with a day ("Thursday at 6:15 a.m.") the day's value with the time."""
    m = re.search(rf"(?:at )?(\d{{1,2}})(?::(\d{{2}}))? ?(a\.?m|p\.?m)\.?(?: ({TIME_ZONE})\b)?|(?:at )?(\d{{1,2}}):(\d{{2}})\b|\b(noon|midnight)\b", e.text)
    if m is None:
        return None
    if m[7]:
        hour, minute = (12 if m[7] == "noon" else 0), 0
    elif m[5]:
        hour, minute = int(m[5]), int(m[6])
    elif int(m[1]) > 12:  # "59 PM" of a clock time cut in two ("4: 59 PM"): no hour
        return None
    else:
        hour, minute = int(m[1]) % 12 + (12 if m[3].startswith("p") else 0), int(m[2] or 0)
    if hour > 23 or minute > 59:
        return None
    rest = (e.text[: m.start()] + " " + e.text[m.end():]).strip(" ,")
    rest = re.sub(r"^(at|on|by|from|until) |\b(at|on)$", "", rest).strip(" ,")
    rest = re.sub(r"^(?:(?:about|around|approximately|roughly|just|shortly) ?)?(?:after|before)?$", "", rest)  # "about 11am"
    time = f"T{hour:02d}:{minute:02d}"
    if not rest and (day_after := re.match(rf"\s*,?\s*(?:on )?({WEEKDAY}|{MONTH_DAY})(?!\w)", e.after, re.IGNORECASE)):
        rest = day_after[1].lower()  # "about 11am on Friday", "10:41 a.m. Tuesday", "9 a.m. on June 4": the model split the time from its day
    if rest:
        day = normalise(rest, e.reference, e.tense, e.anchor)
        if day.value and day.granularity == "day":
            return replace(day, value=day.value[:10] + time, type="TIME", rule=f"{day.rule}, at {time[1:]}")
    if e.reference and (e.tense in ("past", "future") or e.tense is None and e.anchor):  # (no verb: the day named)
        # "escaped just after 9 a.m.": a time of the day the clause tells, the date named before in the sentence or
        # paragraph or else the reference date (TimeML anchors it so); "the shop opens at 9 a.m." stays any day's
        day, of = (e.anchor, "the previous date") if e.anchor else (e.reference, "the reference date")
        return Resolution(day_value(day) + time, None, f"clock time on {of}", kind="time",
                          anchored=e.anchor is not None, type="TIME")
    return Resolution(f"XXXX-XX-XX{time}", None, "clock time without a day", kind="time", relative=False, type="TIME")


def two_digit_range(e: Expr) -> RuleResult:
    """"1957-58", "2009-10", "2009-2010": both years."""
    m = re.fullmatch(r"(?:(?:the )?(?:fiscal|financial|season|years?) )?((?:1[5-9]|20)\d\d) ?[-/] ?(\d{2}|\d{4})(?: (?:season|fiscal year|financial year))?", e.text)
    if m is None:
        return None
    first = int(m[1])
    second = int(m[2]) if len(m[2]) == 4 else first // 100 * 100 + int(m[2])
    if len(m[2]) == 2 and second < first:  # "1999-00"
        second += 100
    if not first < second <= first + 10:
        return None
    return Resolution(f"{first:04d}/{second:04d}", "range", "range of years", relative=False)


def day_of(value: str) -> dt.date:
    """The calendar day of a day-level TimeML value, also when it carries a time or part of day
    ("2023-10-31", "2023-10-31TMO", "2023-10-31T06:15")."""
    return dt.date.fromisoformat(value[:10])


def day_range(e: Expr) -> RuleResult:
    """"Jan. 20-21", "March 3-5, 2019", "June 13 to 17": the two days of one month."""
    m = re.fullmatch(r"([a-z]+) (\d{1,2}) ?(?:-|to|through|until|and) ?(\d{1,2})(,? \d{4})?", e.text)
    if m is None or m[1] not in rules()["months"] or not int(m[2]) < int(m[3]) <= 31:
        return None
    first = normalise(f"{m[1]} {m[2]}{m[4] or ''}", e.reference, e.tense, e.anchor)
    if not first.value or first.granularity != "day":
        return None
    try:
        last = day_of(first.value).replace(day=int(m[3]))
    except ValueError:
        return None
    return Resolution(f"{first.value}/{last.isoformat()}", "range", f"days of one month; {first.rule}",
                      relative=first.relative)


def year_range(e: Expr) -> RuleResult:
    """Ranges: "between February and March 2022", "from 2014 to 2016", "12 to 14 March"."""
    m = re.fullmatch(r"(?:between |from )?(.+?) ?(?: and | to | until | till | through |(?<![a-z])-(?![a-z])) ?(.+)",
                     e.text)
    if m and (e.prep in ("between", "from") or e.text.startswith(("between ", "from "))):
        return _range(m[1], m[2], e.reference, e.tense)
    return None


def vague(e: Expr) -> RuleResult:
    """PRESENT_REF, PAST_REF, FUTURE_REF: "now", "recently", "at the time", "in the future"."""
    full = f"{e.prep} {e.text}" if e.prep else e.text
    for ref_value, phrases in rules()["vague"].items():
        if e.text in phrases or e.bare in phrases or full in phrases:
            return Resolution(ref_value, "ref", "vague reference", kind="ref", relative=False)
    return None


def _named_century(text: str) -> bool:
    ordinals = "|".join(rules()["ordinal_numbers"])
    return re.search(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)|{ordinals}) century", text) is not None


def era(e: Expr) -> RuleResult:
    """"the Douglas era", "the Soviet era", "the Cold War era": a named period of the past (TimeML PAST_REF); "a new
    era" is none."""
    m = re.fullmatch(r"(?:the )?((?:[\w'.-]+ ){1,3})era", e.text)
    if m is None or not re.search(r"\b[A-Z][\w'.-]* era\b", e.written):  # "the digital era" names no period
        return None
    return Resolution("PAST_REF", "ref", "a named era of the past", kind="ref", relative=False)


def half_unit(e: Expr) -> RuleResult:
    """"half a year later", "a half century", "half an hour": the half in the next smaller unit ("six months
    later", "five decades", "30 minutes"; rewrites)."""
    halves = rules()["half_units"]
    m = re.search(r"\b(?:half an? |an? half[- ])(" + "|".join(halves) + r")\b", e.text)
    if m is None:
        return None
    return replace(e, text=e.text[: m.start()] + halves[m[1]] + e.text[m.end():])


def hedge(e: Expr) -> RuleResult:
    """"at least July 12", "as early as 2005", "no later than Friday", "just last week", "only a week after": the
    date keeps its value (TimeML puts the hedge in ``mod``); rewrites."""
    m = re.match(r"(?:(?:at )?least|at the latest|at the earliest|as early as|as late as|no later than|no earlier than|"
                 r"not before|not until|approximately|roughly|circa|some time in|sometime in|just|only|even) ", e.text)
    if m is None or e.modifier:
        return None
    rest, prep = _strip_prepositions(e.text[m.end():])
    return replace(e, text=rest, prep=e.prep or prep, modifier=re.sub(r"^least$", "at least", m[0].strip()))


def modal_may(e: Expr) -> RuleResult:
    """"the search may last months", "it may take years": the modal the model takes for the month May; the amount
    after the verb is the expression (rewrites)."""
    m = re.match(r"may (?:last|take|run|continue|stretch|drag on)(?: for)? (?=\S)", e.text)
    if m is None or not e.written.lstrip().startswith("may "):  # (lower case: the modal, not "May")
        return None
    return replace(e, text=e.text[m.end():])


def unknown_date(e: Expr) -> RuleResult:
    """"later", "at a later date": a date that exists but is not given (TimeML XXXX-XX-XX); never an event."""
    if e.text in rules()["unknown_dates"]:
        return Resolution("XXXX-XX-XX", None, "a date not given", kind="ref", relative=False)
    return None


def needs_reference(e: Expr) -> RuleResult:
    if e.reference is None and not re.search(r"\b\d{4}\b|'\d\d\b|\d0s\b", e.text) and not _named_century(e.text):
        return Resolution(None, None, "relative expression; no publication date to resolve it")
    return None


def part_of_day(e: Expr) -> RuleResult:
    """"this morning", "Monday night", "Tuesday overnight", "last night", "tonight": the day with a TimeML part of
    day (TMO, TNI); "overnight" after a day is that day's night, as "Tuesday night" and "overnight Tuesday" are."""
    parts = rules()["parts_of_day"]
    if e.text.startswith("overnight"):
        return overnight(e)
    if e.text == "tonight":
        return Resolution(day_value(e.reference) + "TNI", "day", "'tonight': the reference date's night", type="TIME")
    if e.text == "last night":
        return Resolution(day_value(e.reference - dt.timedelta(days=1)) + "TNI", "day", "'last night': the night before",
                          type="TIME")
    m = re.fullmatch(r"(.+) (morning|afternoon|evening|night|overnight)", e.text)
    if m is None and (of := re.fullmatch(r"(?:the )?(morning|afternoon|evening|night) of (.+)", e.text)):
        m = re.fullmatch(r"(.+) (morning|afternoon|evening|night)", f"{of[2]} {of[1]}")  # "the night of Sept. 13"
    if m is None:
        return None
    day_text = {"this": "today", "early this": "today", "later this": "today", "earlier this": "today"}.get(m[1], m[1])
    if m[1] in ("later that", "earlier that", "early that", "late that"):  # "died later that night"
        day_text = "that day"
    if m[1] in ("the next", "the following", "that", "that same", "the same", "the previous"):
        day_text = f"{m[1]} day"  # "the next night": the night of the day after the previous date
    if m[1] == "that same":
        day_text = "that day"
    day = normalise(day_text, e.reference, e.tense, e.anchor)
    if day.value and day.granularity == "day":
        return replace(day, value=day.value + "T" + parts[m[2]], type="TIME", rule=f"{day.rule}, {m[2]}")
    return None


def overnight(e: Expr) -> RuleResult:
    """"weakened overnight": in a past-tense clause the night just over, the one before the reference date (as "last
    night"); otherwise ("will be closed overnight") the reference date's night (as "tonight"). "overnight Tuesday":
    the night of that weekday, chosen by tense (TimeML TNI; "Tuesday overnight" is read by ``part_of_day``). After
    a negation or a verb of sudden change (``overnight_figurative``) it means "suddenly" and is no time."""
    m = re.fullmatch(rf"overnight(?:,? (?:on )?{WEEKDAY})?", e.text)
    if m is None:
        return None
    if e.text == "overnight" and _words(e.before) & set(rules()["overnight_figurative"]):
        return not_temporal("'overnight' meaning suddenly (\"won't happen overnight\", \"became a star overnight\")")
    if m[1]:
        day = normalise(m[1], e.reference, e.tense, e.anchor)
        if not day.value or day.granularity != "day":
            return None
        return replace(day, value=day.value + "TNI", type="TIME", rule=f"{day.rule}, overnight")
    if e.tense == "past":
        return Resolution(day_value(e.reference - dt.timedelta(days=1)) + "TNI", "day",
                          "'overnight' in a past clause: the night before", type="TIME")
    return Resolution(day_value(e.reference) + "TNI", "day", "'overnight': the reference date's night", type="TIME")


def the_new_year(e: Expr) -> RuleResult:
    """"a week into the new year", "a budget for the new year" (lower case): the year just begun, told in its first
    half, or the one about to begin, told in its second; "New Year" with capitals is the holiday (``holiday``)."""
    if e.text != "the new year" or e.reference is None or "New Year" in e.written:
        return None
    offset = 0 if e.reference.month <= 6 else 1
    value, gran = _period(e.reference, "year", offset)
    return Resolution(value, gran, f"'the new year': the year {'just begun' if offset == 0 else 'to come'}{e.note}")


def holiday(e: Expr) -> RuleResult:
    """"Christmas Eve", "on New Year's Day": rewritten to the day and month ("24 december"); with a year ("the
    2013 Christmas special", "Christmas 2013") to that day of that year; "this Christmas" is the one of the
    reference year, "last"/"next Christmas" the one before or after the reference date (TIDES: the year of the
    named day is that of "this", "last", "next")."""
    m = re.fullmatch(r"(?:over (?:the )?)?(?:(last|this|next|\d{4}) )?(.+?)(?: (\d{4}))?", e.bare)  # "over Christmas"
    name, holidays = m[2] if m else "", rules()["holidays"]
    head, _, noun = name.rpartition(" ")
    if name not in holidays and head in holidays and noun in rules()["holiday_nouns"] and (m[1] or m[3]):
        name = head  # "the 2013 Christmas special": the holiday of that year
    day = holidays.get(name)
    if day is None:
        return None
    month, dom = (int(x) for x in day.split("-"))
    year = m[3] or (m[1] if m[1] and m[1].isdigit() else None)
    if year:
        return replace(e, text=f"{dom} {calendar.month_name[month].lower()} {year}")
    if m[1]:
        days = [dt.date(e.reference.year + d, month, dom) for d in (-1, 0, 1)]
        chosen = {"this": days[1], "last": max(d for d in days if d < e.reference),
                  "next": min(d for d in days if d > e.reference)}[m[1]]
        return Resolution(day_value(chosen), "day", f"holiday, '{m[1]}': the one of {chosen.year}")
    return replace(e, text=f"{dom} {calendar.month_name[month].lower()}")


def holiday_with_date(e: Expr) -> RuleResult:
    """"Easter Sunday, April 8, 2012", "Good Friday, March 29": a holiday in apposition to the date it fell on;
    the date written out is the value."""
    m = re.fullmatch(r"(?:the )?(.+?), (.*\d.*)", e.text)
    r = rules()
    if m is None or not (m[1] in r["holidays"] or m[1] in r["movable_holidays"]):
        return None
    return replace(e, text=m[2])


def _holiday_day(spec: dict[str, Any], year: int) -> dt.date:
    """The day of a movable holiday in ``year``: Easter-based, or the nth (-1: last) weekday of a month, plus an
    offset in days."""
    if spec.get("easter") is not None:
        return easter(year) + dt.timedelta(days=spec["easter"])
    month, weekday, nth = spec["month"], rules()["weekdays"][spec["weekday"]], spec["nth"]
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return day + dt.timedelta(days=spec.get("offset", 0))


def movable_holiday(e: Expr) -> RuleResult:
    """"Easter", "Thanksgiving", "Labor Day weekend": the day that year, the year chosen by tense like a date
    without a year ("last Thanksgiving" the one before)."""
    m = re.fullmatch(r"(?:(last|this|next|\d{4}) )?(.+?)( weekend)?(?: (\d{4}))?", e.bare)
    spec = rules()["movable_holidays"].get(m[2]) if m else None
    if spec is not None and m[1] and m[1].isdigit():  # "the 2019 Easter parade": that year's
        return movable_holiday(replace(e, text=f"{m[2]}{m[3] or ''} {m[1]}"))
    if spec is None:
        return None
    if m[3]:  # "the Thanksgiving weekend", "Labor Day weekend": the weekend next to the day
        day = movable_holiday(replace(e, text=e.text.replace(" weekend", "")))
        if not isinstance(day, Resolution) or not day.value:
            return None
        monday_or_tuesday = day_of(day.value).weekday() <= 1
        saturday = day_of(day.value) + dt.timedelta(days=(-2 - day_of(day.value).weekday()) if monday_or_tuesday
                                                      else 5 - day_of(day.value).weekday())
        return replace(day, value=week_value(saturday) + "-WE", granularity="week", rule=day.rule + ", its weekend")
    if m[4]:
        return Resolution(day_value(_holiday_day(spec, int(m[4]))), "day", "movable holiday", relative=False)
    direction, how = _direction(e, m[1])
    days = [_holiday_day(spec, y) for y in (e.reference.year - 1, e.reference.year, e.reference.year + 1)]
    if direction == "this":
        day = days[1]
    else:
        strict = m[1] in ("last", "next")
        tense = direction if direction in ("past", "future") else None
        pool = [d for d in days if d != e.reference] if strict else days
        day = _pick(e.reference, pool, tense)
    return Resolution(day_value(day), "day", f"movable holiday, {how}")


def nowadays(e: Expr) -> RuleResult:
    """"today's young people", "in today's world": the present (TimeML PRESENT_REF), not the day; "today's
    meeting" stays the day. Told by the noun after it (``present_nouns``). "Today, such chips are commonly used":
    "today" in a present-tense clause that says how things usually are (``habitual_adverbs``) is the present too
    (TIDES 2005: "today" meaning nowadays is PRESENT_REF), and so is a present-tense clause of what exists
    (``existence_verbs``: "a cure that doesn't exist today"), and "Today, …" before a present passive of making or
    running ("Today, most phones are made in Asia"); "the market is closed today" stays the day."""
    if e.text == "today" and e.tense == "present" and _words(e.sentence) & set(rules()["habitual_adverbs"]):
        return Resolution("PRESENT_REF", "ref", "'today' in a clause of how things usually are: nowadays", kind="ref",
                          relative=False)
    if e.text == "today" and e.tense == "present" and _words(e.sentence) & set(rules()["existence_verbs"]):
        return Resolution("PRESENT_REF", "ref", "'today' in a present clause of what exists: nowadays", kind="ref",
                          relative=False)
    if e.text == "today" and e.tense == "present" and _how_things_are_made(e.sentence):
        return Resolution("PRESENT_REF", "ref", "'today' with a present passive of how things are made or run: "
                          "nowadays", kind="ref", relative=False)
    if e.text == "today" and e.tense != "past" and re.match(r"\s*(?:[.,;:!?\"”)]|$|(?:is|are)\b)", e.after) and not re.search(
            r"\b(?:is|are|am|'s|'re)\s+(?:\w+\s+)?\w+ing\b", e.sentence) and (
            e.last_before in {*rules()["present_nouns"], *rules()["present_scopes"]}):
        # "every problem facing the country today.", "the scale of its business today is smaller": the country, the
        # business as it is nowadays, at the end of a clause not in the past or as the subject of "is"/"are" ("the
        # country today marks the anniversary", "the country marked it today" stay the day)
        return Resolution("PRESENT_REF", "ref", "'today' after a noun of the world as it is: nowadays", kind="ref",
                          relative=False)
    after = re.sub(r"^\s*['’]s\b", " ", e.after)
    if e.text != "today" or not (after != e.after or re.search(r"['’]s$", e.written.strip())):
        return None
    following = _clean(after).split()[:2]
    if any(w in rules()["present_nouns"] for w in following):
        return Resolution("PRESENT_REF", "ref", "'today's' + a noun of the present: nowadays", kind="ref",
                          relative=False)
    return None


def _how_things_are_made(sentence: str) -> bool:
    """"Today, most phones are made in Asia", "Today, the mill is run by volunteers": a sentence opening with
    "Today," whose verb is a simple-present passive of making, using or running (``present_state_participles``)
    says how things are nowadays, and so does "today" right after a present passive of making (``making_participles``:
    "the way most electricity is generated today"); "Today, the road is closed" does not."""
    participles = "|".join(rules()["present_state_participles"])
    made = "|".join(rules()["making_participles"])
    return bool(re.match(r"\s*today\s*,", sentence, re.IGNORECASE) and re.search(
        rf"\b(?:is|are)\s+(?:\w+ly\s+)?(?:{participles})\b", sentence, re.IGNORECASE)) or bool(re.search(
        rf"\b(?:is|are)\s+(?:\w+ly\s+)?(?:{made})\s+today\b", sentence, re.IGNORECASE))


def relative_day(e: Expr) -> RuleResult:
    """"today", "yesterday", "tomorrow", "late yesterday" (the part of the day keeps the day)."""
    days = rules()["relative_days"]
    text = re.sub(r"^(?:late|early|earlier|later) (?=yesterday|tomorrow)", "", e.text)
    if text in days:
        offset = days[text]
        return Resolution(day_value(e.reference + dt.timedelta(days=offset)), "day", f"'{e.text}': {offset:+d} day(s)")
    return None


def anchored_day(e: Expr) -> RuleResult:
    """"the same day", "the next day": from the previous date of the sentence or paragraph when there is one; "the
    day following his death", "the day before the vote": the day after or before the one named before."""
    days = rules()["anchored_days"]
    if e.text in days:
        offset = days[e.text]
        if e.text == "the day" and (side := re.match(r"\s*(following|after|before|preceding)\b", e.after)) and not (
                e.prep in ("during", "throughout", "over") and re.match(r"\s*\w+\s+\w+ing\b", e.after)):
            # ("fell during the day before recovering": the conjunction of a clause, the day itself)
            offset = 1 if side[1] in ("following", "after") else -1
        base = e.anchor or e.reference
        return Resolution(day_value(base + dt.timedelta(days=offset)), "day",
                          f"{offset:+d} day(s) from the {'previous date' if e.anchor else 'reference date'}",
                          anchored=e.anchor is not None)
    return None


def noun_before_ago(e: Expr) -> RuleResult:
    """"(said in) an interview two weeks ago", "a statement a month earlier": the model took the event noun into the
    entity; the date is the amount of time ago or later (TimeML marks only that part)."""
    m = re.fullmatch(r"(?:an?|the|his|her|its|their) ([a-z-]+) (?P<when>(?:\S+ ){1,3}(?:ago|earlier|later))", e.text)
    r = rules()
    if m is None or m[1] in r["units"] or m[1] in r["numbers"] or m[1] in r["vague_numbers"] or m[1] in (
            "few", "couple", "little", "short", "long", "while", "half", "number", "fair", "good", "same", "day"):
        return None
    res = normalise(m["when"], e.reference, e.tense, e.anchor, period=e.period)
    if res.value and res.kind == "date":
        return replace(res, rule=f"{res.rule}; '{e.text[: m.start('when')].strip()}' is no part of the date")
    return None


_UNCOUNTED_UNITS = ("weekend", "quarter")  # units "ago"/"later" does not count in
_UNITS_AGO_OR_LATER = re.compile(
    rf"(?:(?:about|some|around|nearly|almost|more than|less than|fewer than|over|under|just|only|well|"
    rf"roughly|approximately|at least|barely|little|a little|exactly) )*(?P<n>a couple of|{NUMBER}) "
    r"(?P<unit>[a-z]+) (?P<dir>ago|later|earlier|before|after|afterwards|afterward|on|prior)")
_UNITS_FROM_NOW = re.compile(rf"(?P<n>a couple of|{NUMBER}) (?P<unit>[a-z]+) (?:from (?:now|today)|hence)")
_UNITS_WITHOUT_NUMBER = re.compile(r"(?:just |only |some |many )?([a-z]+s) (later|earlier|afterwards|afterward|ago)")


@dataclass(frozen=True)
class _Count:
    """A counted amount of time before or after a date: "three years ago", "six days later"."""

    amount: int
    unit: str  # a unit of ``rules()["units"]``: "day", "week", "year"…
    word: str  # "ago", "later", "earlier", "before", "after"…

    @property
    def direction(self) -> int:
        """1 when counted ahead ("later", "after"), -1 when counted back ("earlier", "before"); not for "ago"."""
        return rules()["anchor_directions"][self.word]

    @property
    def side(self) -> str:
        """The side of the date it is counted from, as said in a rule's note: "after" or "before"."""
        return "after" if self.direction > 0 else "before"


def _vague_reference(word: str, how: str) -> Resolution:
    """An amount of time before or after with no number to count with (TimeML: PAST_REF / FUTURE_REF)."""
    value = "FUTURE_REF" if rules()["anchor_directions"].get(word, -1) > 0 else "PAST_REF"
    return Resolution(value, "ref", how, kind="ref", relative=False)


def _units_from_now(e: Expr) -> RuleResult:
    """"a year from now", "two weeks hence": counted ahead from the reference date."""
    ahead = _UNITS_FROM_NOW.fullmatch(e.text)
    if ahead is None:
        return None
    amount, unit = _number(ahead["n"]), rules()["units"].get(ahead["unit"])
    if amount is None or not unit or unit in _UNCOUNTED_UNITS:
        return None
    value, gran = _shift(e.reference, unit, amount, weeks_as_days=False)
    return Resolution(value, gran, f"{amount} {unit}(s) after the reference date")


def _units_without_number(e: Expr) -> RuleResult:
    """"months later", "years earlier": no number to count with (TimeML: FUTURE_REF / PAST_REF, as "a few")."""
    bare = _UNITS_WITHOUT_NUMBER.fullmatch(e.text)
    if bare is None or rules()["units"].get(bare[1]) in (None, *_UNCOUNTED_UNITS):
        return None
    return _vague_reference(bare[2], "an unspecified amount of time before or after: a vague reference")


def _gap_between_events(e: Expr, c: _Count) -> RuleResult:
    """"a day after the crash", "two weeks before the vote": how long between two events (TimeML: a DURATION;
    "after"/"before" is a signal), not a date counted from the previous one; so is "a year later than planned" (how
    much later, not when)."""
    if c.word in ("after", "before") and re.match(r"\s*[\w$£€]", e.after) or re.match(r"\s*than\b", e.after):
        return Resolution(duration_value(c.amount, c.unit), None, "duration before or after an event",
                          kind="duration", relative=False, type="DURATION")
    return None


def _before_year_one(e: Expr, c: _Count) -> RuleResult:
    """"50,000 years ago": before the calendar's first year, a vague past."""
    years = {"year": 1, "decade": 10, "century": 100}
    if c.word == "ago" and c.unit in years and c.amount * years[c.unit] >= e.reference.year:
        return Resolution("PAST_REF", "ref", "before the calendar's first year (\"50,000 years ago\")", kind="ref",
                          relative=False)
    return None


def _ago(e: Expr, c: _Count) -> RuleResult:
    """"three years ago": counted back from the reference date."""
    if c.word != "ago":
        return None
    value, gran = _shift(e.reference, c.unit, -c.amount, weeks_as_days=False)
    return Resolution(value, gran, f"{c.amount} {c.unit}(s) before the reference date")


def _from_named_year_or_month(e: Expr, c: _Count) -> RuleResult:
    """"in 2011 … four years later", "in May 2019 … two months later", "opened in 1987 and was expanded a decade
    later": from the year or month named before (unresolved when that passes the reference date in a past-tense
    clause)."""
    if not (e.anchor is None and e.period and c.unit in ("year", "month", "decade", "century") and (
            named := re.fullmatch(r"(\d{4})(?:-(\d\d))?", e.period)) and (c.unit != "month" or named[2])):
        return None
    base = dt.date(int(named[1]), int(named[2] or 1), 1)
    value, gran = _shift(base, c.unit, c.direction * c.amount)
    if e.tense == "past" and value[:4] > f"{e.reference.year:04d}":
        return Resolution(None, None, "counted from the period named before it passes the reference date, "
                          "in a past-tense clause: left unresolved")
    return Resolution(value, gran, f"{c.amount} {c.unit}(s) {c.side} the period named before ({e.period})",
                      from_period=True)


def _from_named_week(e: Expr, c: _Count) -> RuleResult:
    """"announced the cuts two weeks ago. A week later …": from the week named before."""
    if not (e.anchor is None and e.period and c.unit in ("week", "fortnight") and (
            week := re.fullmatch(r"(\d{4})-W(\d\d)", e.period))):
        return None
    monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
    value, gran = _shift(monday, c.unit, c.direction * c.amount, weeks_as_days=False)
    return Resolution(value, gran, f"{c.amount} {c.unit}(s) {c.side} the week named before ({e.period})",
                      from_period=True)


def _later_without_anchor(e: Expr, c: _Count) -> RuleResult:
    """"six days later" with no earlier date to count from: unresolved."""
    if e.anchor is None and c.direction > 0:
        return Resolution(None, None, "anchored expression without an earlier date to count from")
    return None


def _later_past_the_reference(e: Expr, c: _Count) -> RuleResult:
    """"two years later, the cooperative signed …" counted from a date too late: it would pass the reference date
    in a past-tense clause, so it is left unresolved."""
    if c.direction > 0 and e.tense == "past" and (span := interval(_shift(e.anchor or e.reference, c.unit,
                                                                          c.amount)[0])) and span[0] > e.reference:
        return Resolution(None, None, "counted from the previous date it passes the reference date, in a past-tense "
                          "clause: left unresolved")
    return None


def _earlier_from_reference(e: Expr, c: _Count) -> RuleResult:
    """"a year earlier" with no earlier date (or one in the same year): counted back from the reference date."""
    if e.anchor is None or c.unit in ("year", "decade", "century") and e.anchor.year == e.reference.year:
        value, gran = _shift(e.reference, c.unit, c.direction * c.amount)
        return Resolution(value, gran, f"{c.amount} {c.unit}(s) before the reference date")
    return None


def _from_previous_date(e: Expr, c: _Count) -> RuleResult:
    """"six days later", "a week earlier": counted from the previous date of the sentence or paragraph."""
    value, gran = _shift(e.anchor, c.unit, c.direction * c.amount, weeks_as_days=c.unit not in ("week", "fortnight"))
    return Resolution(value, gran, f"{c.amount} {c.unit}(s) {c.side} the previous date", anchored=True)


# How a counted amount of time is resolved: the first step that answers.
_COUNT_STEPS: tuple[Callable[[Expr, _Count], RuleResult], ...] = (
    _gap_between_events,
    _before_year_one,
    _ago,
    _from_named_year_or_month,
    _from_named_week,
    _later_without_anchor,
    _later_past_the_reference,
    _earlier_from_reference,
    _from_previous_date,
)


def units_ago_or_later(e: Expr) -> RuleResult:
    """"three years ago" (from the reference date), "six days later" (from the previous date): the amount and unit
    read, then the first of ``_COUNT_STEPS`` that answers."""
    m = _UNITS_AGO_OR_LATER.fullmatch(e.text)
    if m is None:
        return _units_from_now(e) or _units_without_number(e)
    if m["n"] in ("more", "many more"):
        return None
    amount, unit = _number(m["n"]), rules()["units"].get(m["unit"])
    if unit and unit not in _UNCOUNTED_UNITS and (m["n"] in rules()["vague_numbers"] or m["n"] in ("many", "some")):
        # "a few years ago", "several days later"
        return _vague_reference(m["dir"], "vague amount of time before or after: a vague reference")
    if amount is None or not unit or unit in _UNCOUNTED_UNITS:
        return None
    count = _Count(amount, unit, m["dir"])
    for step in _COUNT_STEPS:
        if (res := step(e, count)) is not None:
            return res
    return None


QUANTIFIER = (r"(?:(?:about|some|around|nearly|almost|roughly|approximately|up to|(?:a little |just |well |little )?(?:more "
              r"than|over|under|less than)|at least|just|only|another|the|a|an|these|those) )?")


def duration(e: Expr) -> RuleResult:
    """"six hours", "25 years", "the past nine days", "several months": a DURATION (P6H…); "in five years"
    in a future-tense clause also points to the date five years after the reference date (not "the worst in
    500 years"). The first of ``_DURATION_STEPS`` that answers, on the amount as ``_amount_text`` writes it."""
    text = _amount_text(e)
    for step in _DURATION_STEPS:
        if (res := step(e, text)) is not None:
            return res
    return None


def _without_duration_word(text: str) -> str:
    """"for decades", "over the years", "lasting six hours": the amount without the word that makes it one."""
    return re.sub(r"^(?:for|over|within|throughout|lasting) ", "", text)


def _amount_text(e: Expr) -> str:
    """The amount of time as the steps read it: without "for"/"over"; a possessive read as the article ("its first
    12 months", "his 30 years in office"; "the better part of his last decade", the possessive left out of the
    span); "an extra month", "the remaining 10 days", "20 more years", "one more year": the amount all the same."""
    text = re.sub(r"^(?:its|his|her|their|our|my|your) (?=(?:first|last|past|next|final|\d|[a-z]+ [a-z]+s$))", "the ",
                  _without_duration_word(e.text))
    if re.match(r"(?:last|past) ", text) and e.prep is None and e.last_before in _POSSESSIVES:
        text = "the " + text
    return re.sub(r"^(?:an extra|an additional|the remaining|the final|a further) |(?<=\d )(?:more|additional|extra) "
                  r"|(?<=[a-z] )(?:more|additional|extra) (?=[a-z]+$)", lambda m: "a " if m[0].startswith("an ") else "",
                  text)


def _as_duration(value: str, how: str = "duration") -> Resolution:
    """A DURATION of the given TimeML value, pointing to no date."""
    return Resolution(value, None, how, kind="duration", relative=False, type="DURATION")


def _idiom(e: Expr, text: str) -> RuleResult:
    """"at the last minute", "the eleventh hour": an idiom, no amount of time."""
    if e.text in ("the last minute", "last minute", "the last moment", "the eleventh hour"):
        return not_temporal("'at the last minute': an idiom, no amount of time")
    return None


def _all_of_one_unit(e: Expr, text: str) -> RuleResult:
    """"out here all day", "all week long": one unit (P1D)."""
    if all_of := re.fullmatch(r"all (day|week|month|year)(?: long)?", e.text):
        return _as_duration(duration_value(1, all_of[1]), "duration: all of one unit")
    return None


def _amounts_of_units(e: Expr, text: str) -> RuleResult:
    """"five hours and nine minutes": PT5H9M (``compound_duration``, on the words after "for"/"over")."""
    return compound_duration(_without_duration_word(e.text))


def _approximate_amount(e: Expr, text: str) -> RuleResult:
    """"3 or 4 weeks", "30 -- 40 days", "six to eight months after surgery" (how long after an event): PXW, PXD,
    PXM; not "up to three hours" (a bound, MOD only in TimeML: the amount stays PT3H)."""
    r = rules()
    either_text = re.sub(r" (?:after|before)$", "", text) if re.match(r"\s*[\w$£€]", e.after) else text
    either = re.fullmatch(r"(\d+|[a-z]+) ?(?: or | to |-{1,2}|–) ?(?:\d+|[a-z]+) ([a-z]+)", either_text)
    unit = r["units"].get(either[2]) if either else None
    if unit in r["duration_codes"] and unit not in _UNCOUNTED_UNITS and either[1] != "up":
        return _as_duration(duration_value(None, unit), "duration of an approximate amount")
    return None


def _and_a_half(e: Expr, text: str) -> RuleResult:
    """"two and a half years": P2.5Y."""
    r = rules()
    half = re.fullmatch(rf"{QUANTIFIER}{NUMBER} and a half ([a-z]+)", text)
    whole, unit = (_number(half[1]), r["units"].get(half[2])) if half else (None, None)
    if whole is None or unit not in r["duration_codes"] or unit in _UNCOUNTED_UNITS:
        return None
    code, per_unit = r["duration_codes"][unit]
    n = f"{(whole + 0.5) * per_unit:g}"
    return _as_duration(f"PT{n}{code[1:]}" if code.startswith("T") else f"P{n}{code}")


_AMOUNT = re.compile(rf"{QUANTIFIER}(?:(past|last|next|first|coming|previous|prior|preceding|following|few|several|many|"
                     rf"recent|couple of) )?(?:{NUMBER} )?([a-z]+)")


def _amount_of_one_unit(e: Expr, text: str) -> RuleResult:
    """"six hours", "25 years", "several months", "the past nine days", "the past year", "for the next week": an
    amount of one unit (``_an_amount``), pointing to a date when the clause looks ahead ("in five years",
    ``_points_to``); "a quarter of the forest" is a fraction, no time."""
    r = rules()
    m = _AMOUNT.fullmatch(re.sub(r"\b(?:consecutive|straight|successive|full) ", "", text))
    if m is None or (unit := r["units"].get(m[3])) is None:
        return None
    if unit == "quarter" and re.match(r"\s*of\b", e.after) and not m[1]:
        return not_temporal("a fraction (\"a quarter of the forest\"), not a time")
    amount = _number(m[2])
    if m[2] is None and re.match(r"(?:a|an|another) ", text) and not m[1]:  # "in a decade", "for a year", "another year"
        amount = 1
    if m[2] is not None and amount is None or not _an_amount(e, text, m, unit, amount):
        return None
    vague_amount = m[1] in r["vague_numbers"] or m[2] in r["vague_numbers"]
    if amount is None and not m[3].endswith("s"):
        amount = 1
    points_to = _points_to(e, None if vague_amount else amount, unit)
    how = "duration" + (f", ending {points_to} counted from the reference date" if points_to else "")
    return Resolution(duration_value(None if vague_amount else amount, unit), None, how, kind="duration",
                      relative=points_to is not None, type="DURATION", points_to=points_to)


def _an_amount(e: Expr, text: str, m: re.Match[str], unit: str, amount: int | None) -> bool:
    """Whether the words name an amount of time rather than a calendar period: a number, a plural, hours, minutes
    or seconds; "the past year", "the last week" (the twelve months, seven days up to now: a duration in TimeML;
    "the last quarter" names the calendar quarter, ``trailing_units``); "the next/past …" after a preposition of
    duration. Without the article it is the calendar period ("took over last week", "up 5 percent over last
    year")."""
    r = rules()
    # ("called for in last year's bill": the word before counts only when the expression has no preposition of its own)
    after_duration_prep = e.prep in r["duration_prepositions"] or (
        e.prep is None and e.last_before in r["duration_prepositions"])
    trailing = text.startswith("the ") and m[1] in ("past", "last") and m[2] is None and unit in r["trailing_units"]
    return (amount is not None or m[3].endswith("s") or unit in ("hour", "minute", "second") or trailing or (
        after_duration_prep and m[1] in ("past", "last", "next", "coming") and text.startswith("the ")))


def _points_to(e: Expr, amount: int | None, unit: str) -> str | None:
    """"in five years" in a future-tense clause: the calendar value it ends on, counted from the reference date
    (none for a vague amount, nor for hours, weekends and quarters)."""
    if e.prep == "in" and amount is not None and e.tense == "future" and e.reference and unit not in (
            "hour", "minute", "second", "weekend", "quarter"):
        return _shift(e.reference, unit, amount)[0]
    return None


# How an amount of time is read: the first step that answers.
_DURATION_STEPS: tuple[Callable[[Expr, str], RuleResult], ...] = (
    _idiom,
    _all_of_one_unit,
    _amounts_of_units,
    _approximate_amount,
    _and_a_half,
    _amount_of_one_unit,
)


# Possessives before a span the model left them out of ("his last decade"); not "her", which may be an object
# ("reinstated her last month": the calendar month).
_POSSESSIVES = frozenset({"its", "his", "their", "our", "my", "your"})
_ISO_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")


def compound_duration(text: str) -> Resolution | None:
    """Two or three amounts of different units joined by "and" or commas: "five hours and nine minutes" →
    PT5H9M, "two years and three months" → P2Y3M (TimeML writes one ISO 8601 duration with each part)."""
    parts = re.split(r",? and |, ", text)
    if len(parts) < 2 or len(parts) > 3:
        return None
    amounts: dict[str, int] = {}
    for part in parts:
        m = re.fullmatch(rf"{NUMBER} ([a-z]+)", part)
        unit = rules()["units"].get(m[2]) if m else None
        amount = _number(m[1]) if m else None
        if unit is None or amount is None or unit in ("weekend", "quarter", "fortnight"):
            return None
        code, per_unit = rules()["duration_codes"][unit]
        if code in amounts:
            return None
        amounts[code] = amount * per_unit
    date_part = "".join(f"{amounts[c]}{c}" for c in _ISO_ORDER[:4] if c in amounts)
    time_part = "".join(f"{amounts[c]}{c[1]}" for c in _ISO_ORDER[4:] if c in amounts)
    value = "P" + date_part + (f"T{time_part}" if time_part else "")
    return Resolution(value, None, "duration: amounts of several units", kind="duration", relative=False,
                      type="DURATION")


def _year_before(value: str) -> str:
    """The same period one year earlier: 2023-Q3 → 2022-Q3, FY2023 → FY2022, 2023-03 → 2022-03."""
    return re.sub(r"\d{4}", lambda m: f"{int(m[0]) - 1:04d}", value, count=1)


def same_period(e: Expr) -> RuleResult:
    """"a year earlier", "the same period last year", "the year-ago quarter" after a quarter, half, month or fiscal
    year of the sentence or paragraph ("profit rose in the third quarter from a year earlier"): that period one
    year before (TimeML gives such expressions the granularity of the period they compare with). Without such a
    period "the same period last year" is last year, and "a year earlier" is left to ``units_ago_or_later``."""
    same = re.fullmatch(r"(?:the )?(?:same|comparable|corresponding) (?:period|quarter|months?|time|half|season)"
                        r"(?: (?:of|in|a|one))? (?:the )?(?:last|previous|prior|a|one) year(?: (?:earlier|ago|before))?"
                        r"|this time (?:last year|a year (?:ago|earlier))"
                        r"|(?:the|that) (?:year-ago|year-earlier|prior-year|previous-year|year-before) "
                        r"(?:period|quarter|months?|half|season)", e.text)
    a_year = re.fullmatch(r"(?:a|one) year (?:earlier|ago|before)|the year before|the previous year|the prior year",
                          e.text)
    named = re.fullmatch(r"(?:the )?same (?:period|quarter|month|time|half|season)(?: of| in| as)? (\d{4})", e.text)
    if named:  # "in April … the same month in 2008": that period in the year named
        if e.period and re.fullmatch(r"\d{4}-(?:Q\d|H\d|\d\d|SP|SU|FA|WI)", e.period):
            return Resolution(named[1] + e.period[4:], _granularity(e.period), f"the period named before ({e.period}) "
                              f"in {named[1]}", relative=False, from_period=True)
        return Resolution(named[1], "year", "the same period of a year named: the year", relative=False)
    if not (same or a_year) or e.text.endswith(" before") and re.match(r"\s*[\w$£€]", e.after):
        return None  # "a year before the election": how long before an event, not a period
    if a_year and e.period and not e.text.endswith(" ago") and re.fullmatch(r"\d{4}", e.period):
        # "in 2019 … a year earlier": the year before the one named
        return Resolution(_year_before(e.period), "year", f"the year before the previous one ({e.period})",
                          from_period=True)
    if e.period and re.fullmatch(r"FY\d{4}(?:-[QH]\d)?|\d{4}-(?:Q\d|H\d|\d\d|SP|SU|FA|WI)", e.period):
        return Resolution(_year_before(e.period), _granularity(e.period),
                          f"the same period a year before the previous one ({e.period})", from_period=True)
    if same and e.reference:
        return Resolution(f"{e.reference.year - 1:04d}", "year", "the same period last year: last year")
    return None


def _granularity(value: str) -> str:
    """The granularity of a period value: 2023-Q3 → quarter, FY2023-H1 → half, 2023-SU → season, FY2023 → year."""
    part = re.sub(r"^(?:FY)?\d{4}-?", "", value)
    return {"Q": "quarter", "H": "half", "S": "season", "F": "season", "W": "season"}.get(part[:1],
                                                                                          "month" if part else "year")


def anaphoric_period(e: Expr) -> RuleResult:
    """"the quarter", "the period", "that half" after a period of the sentence or paragraph: that period."""
    m = re.fullmatch(r"(?:the|that|this same|the same) (quarter|period|half|fiscal year|financial year)", e.text)
    if m is None:
        return None
    if not e.period:
        if m[1] != "quarter" or e.reference is None:
            return None
        # "profit for the quarter fell": told in the past tense, the quarter last reported; otherwise this one, and
        # "so far in the quarter" is this one whatever the tense
        offset = -1 if e.tense == "past" and not re.search(r"\b(?:so|thus) far\s*$", e.before, re.I) else 0
        value, gran = _period(e.reference, "quarter", offset)
        return Resolution(value, gran, f"'{e.text}' with no quarter named before: {_tense_rule(e.tense)}")
    wanted = {"quarter": r"(?:FY)?\d{4}-Q\d", "half": r"(?:FY)?\d{4}-H\d", "period": r"(?:FY)?\d{4}(?:-[QH]\d)?",
              "fiscal year": r"FY\d{4}", "financial year": r"FY\d{4}"}[m[1]]
    if not re.fullmatch(wanted, e.period) or m[1] == "period" and re.fullmatch(r"\d{4}", e.period):
        return None
    gran = _granularity(e.period)
    return Resolution(e.period, gran, f"'{e.text}': the period named before ({e.period})", from_period=True)


def period_modifier(e: Expr) -> RuleResult:
    """"early June", "the end of last year": the part of a period takes the period's value (rewrites)."""
    if e.modifier:
        return None
    for mod in sorted(rules()["period_modifiers"], key=len, reverse=True):
        if e.text.startswith(mod + " ") or (mod.endswith("-") and e.text.startswith(mod)):
            rest = e.text[len(mod):].strip()
            keep_the = rest in ("the year", "the month", "the week", "the decade", "the century") or re.match(
                r"the (?:next|following|previous|preceding|prior) (?:week|month|year)$", rest)
            rest = rest[4:] if rest.startswith("the ") and not keep_the else rest
            return replace(e, text=rest, modifier=mod.rstrip("-"))
    return None


def relative_year_suffix(e: Expr) -> RuleResult:
    """"October of next year", "the first quarter of last year": put the year in (rewrites)."""
    m = re.search(r"\b(?:of |in )?(last|this|next) year$", e.text)
    if e.reference is None or m is None or m.start() == 0:
        return None
    year = e.reference.year + rules()["relative_words"][m[1]]
    head = e.text[: m.start()].strip()
    # ("the first three months of this year" keeps its "of" for ``months_of_year``: 2009-Q1)
    joint = " of " if head.endswith(" months") and m[0].startswith("of ") else " "
    return replace(e, text=f"{head}{joint}{year}")


def anaphoric_relative_period(e: Expr) -> RuleResult:
    """"the following week", "the next year", "the month before", "that year": counted from the date or period
    named before in the sentence or paragraph (TimeML: anaphoric, unlike "next week", which counts from the
    publication date); without one, "that year" stays unresolved and the others count from the publication date."""
    m = (re.fullmatch(r"the (next|following|previous|preceding|prior) (week|month|quarter|year)", e.text)
         or re.fullmatch(r"the (week|month|quarter|year) (before|after|earlier|later)", e.text)
         or re.fullmatch(r"(that|that same|the same) (week|month|year)", e.text))
    if m is None:
        return None
    word, unit = (m[1], m[2]) if m[2] in ("week", "month", "quarter", "year") else (m[2], m[1])
    offset = {"next": 1, "following": 1, "after": 1, "later": 1, "previous": -1, "preceding": -1, "prior": -1,
              "before": -1, "earlier": -1}.get(word, 0)
    base, named = None, None
    bounds = interval(e.period) if e.period and not e.period.startswith("FY") else None
    if bounds and _granularity(e.period) == unit:
        # a period of the same unit named before is what "the previous quarter" / "the year before" counts from,
        # even after a day named since (the day of the report: "shrank in the second quarter, the department said
        # on Friday, less than in the previous quarter"; dates_conventions.md, round 8)
        base, named = bounds[0], e.period
    elif e.anchor is not None:
        base, named = e.anchor, e.anchor.isoformat()
    elif bounds and _granularity(e.period) in ("year", "month", "week", "quarter"):
        base, named = bounds[0], e.period
    if base is None:
        if offset == 0:
            return Resolution(None, None, f"'{e.text}' with no date named before")
        if e.reference is None or not re.fullmatch(r"the \w+ (?:before|after|earlier|later)", e.text):
            return None  # counted from the publication date by ``relative_period``
        # "fell 2 percent from the year before" with no year named before: the one before the publication date's
        # (HeidelTime's UNDEF-REF-unit-MINUS-1 falls back on the document creation time)
        value, gran = _period(e.reference, unit, offset)
        return Resolution(value, gran, f"'{e.text}' with no date named before: counted from the reference date"
                          f"{e.note}")
    value, gran = _period(base, unit, offset)
    from_period = named == e.period
    return Resolution(value, gran, f"'{e.text}': counted from the date named before ({named}){e.note}",
                      anchored=not from_period, from_period=from_period)


def relative_period(e: Expr) -> RuleResult:
    """"last week", "this month", "next year", "the previous decade", "the beginning of the year"."""
    if m := re.fullmatch(r"(?:the )?(last|past|previous|preceding|this|current|coming|next|following|same) ?"
                         r"(week|weekend|month|year|quarter|decade|century)", e.text):
        offset = 0 if m[1] == "same" else rules()["relative_words"][m[1]]
        if m[1] in ("this", "current") and m[2] == "week" and e.reference.weekday() == 6 and (
                e.tense == "future" or e.modifier == "later"):
            # told on a Sunday, "(later) this week" ahead is the week that starts tomorrow
            res = _period(e.reference, "week", 1)
            return Resolution(res[0], res[1], f"'{m[1]} week' ahead, told on a Sunday: the week from tomorrow{e.note}")
        if res := _period(e.reference, m[2], offset):
            return Resolution(res[0], res[1], f"'{m[1]} {m[2]}' from the reference date{e.note}")
    if e.modifier and e.text in ("the decade", "the century"):  # "the end of the decade": this one
        unit = e.text[4:]
        res = _period(e.reference, unit, 0)
        return Resolution(res[0], res[1], f"this {unit}{e.note}")
    if m := re.fullmatch(r"(?:the )?(?:entire |whole |full )?(year|month|week)", e.text):
        if e.modifier or re.match(r"(the )?(entire|whole|full) ", e.text):
            offset, how = _edge_offset(e, m[1])
            if not e.modifier and e.tense == "past" and _just_begun(e.reference, m[1]):  # "the full year", January
                offset, how = -1, f"the whole {m[1]} told in the past tense as this one has just begun: the previous one"
            res = _period(e.reference, m[1], offset)
            return Resolution(res[0], res[1], f"{how}{e.note}")
        if e.text.startswith("the "):  # "for the year", "the week's losses": the one named before, else this one
            named = {"year": r"(?:FY)?\d{4}", "month": r"\d{4}-\d\d", "week": r"\d{4}-W\d\d"}[m[1]]
            if e.period and re.fullmatch(named, e.period):
                return Resolution(e.period, m[1], f"'{e.text}': the {m[1]} named before ({e.period})",
                                  from_period=True)
            if e.anchor is not None:  # "rose today, the first trading day of the year": that day's year
                res = _period(e.anchor, m[1], 0)
                return Resolution(res[0], res[1], f"'{e.text}': the {m[1]} of the day named before "
                                  f"({e.anchor.isoformat()})", anchored=True)
            if e.tense == "past" and _just_begun(e.reference, m[1]):
                res = _period(e.reference, m[1], -1)
                return Resolution(res[0], res[1], f"'{e.text}' told in the past tense as this {m[1]} has just "
                                  "begun: the previous one")
            res = _period(e.reference, m[1], 0)
            return Resolution(res[0], res[1], f"'{e.text}' with no {m[1]} named before: the current one")
    return None


def _just_begun(reference: dt.date, unit: str) -> bool:
    """January of a year, the first three days of a month, the Monday of a week: "the index closed the year down"
    told then is about the one just ended."""
    return {"year": reference.month == 1, "month": reference.day <= 3, "week": reference.weekday() == 0}[unit]


def _edge_offset(e: Expr, unit: str) -> tuple[int, str]:
    """"the end of the year" told in the first half of a year in the past tense: the previous year; "the
    beginning of the year" told in its second half in the future tense: the next one; otherwise this one."""
    first, last = interval(_period(e.reference, unit, 0)[0])
    second_half = (e.reference - first) > (last - e.reference)
    if e.modifier in rules()["ending_modifiers"] and e.tense == "past" and not second_half:
        return -1, f"the previous {unit}: its end, told in the past tense early in this one"
    if e.modifier in rules()["starting_modifiers"] and e.tense == "future" and second_half:
        return 1, f"the next {unit}: its start, told in the future tense late in this one"
    return 0, f"this {unit}"


def fiscal_year(e: Expr) -> RuleResult:
    """"fiscal 2007", "FY2007", "this fiscal year", "the last financial year": FY2007."""
    if m := re.fullmatch(r"(?:the )?(\d{4}) (?:fiscal|financial) year", e.text):  # "the 2008 fiscal year"
        return Resolution(f"FY{m[1]}", "year", "fiscal year", relative=False)
    if m := re.fullmatch(r"(?:fiscal|financial|fy) ?(?:year )?(\d{4}|\d{2})", e.text):
        year = int(m[1]) if len(m[1]) == 4 else 2000 + int(m[1]) if int(m[1]) < 50 else 1900 + int(m[1])
        return Resolution(f"FY{year:04d}", "year", "fiscal year", relative=False)
    if m := re.fullmatch(r"(?:the |its |their |our )?(?:(last|past|previous|this|current|coming|next|same) )?"
                         r"(?:fiscal|financial) year", e.text):
        offset = 0 if m[1] in ("same", None) else rules()["relative_words"][m[1]]
        return Resolution(f"FY{e.reference.year + offset:04d}", "year",
                          f"'{m[1] or 'the'} fiscal year' from the reference date")
    return None


def weekend(e: Expr) -> RuleResult:
    """"the weekend", "last weekend"."""
    m = re.fullmatch(r"(?:(last|this|next|the|past|coming) )?weekend", e.text)
    if m is None:
        return None
    reference, tense = e.reference, e.tense
    saturday = reference + dt.timedelta(days=(5 - reference.weekday()) % 7)
    if m[1] in ("last", "past") or (m[1] in ("the", None) and tense == "past"):
        saturday -= dt.timedelta(days=7) if saturday > reference else dt.timedelta(0)
    elif m[1] == "next" and reference.weekday() >= 5:
        saturday += dt.timedelta(days=7)
    elif m[1] in ("the", None) and tense is None and saturday > reference and (
            reference - (saturday - dt.timedelta(days=6))).days < (saturday - reference).days:
        saturday -= dt.timedelta(days=7)  # no tense, told early in the week: the weekend just gone is the nearest
        return Resolution(week_value(saturday) + "-WE", "week", "weekend, no tense: the nearest one")
    return Resolution(week_value(saturday) + "-WE", "week", f"weekend, {_tense_rule(tense)}")


def weekday(e: Expr) -> RuleResult:
    """"Thursday", "last Friday", "on Monday"; "Monday last week", "Friday next week": that day of that week."""
    weekdays = rules()["weekdays"]
    if (of_week := re.fullmatch(rf"{WEEKDAY},? (last|this|next) week|(last|this|next) week,? (?:on )?{WEEKDAY}", e.text)):
        day_name, which = (of_week[1], of_week[2]) if of_week[1] else (of_week[4], of_week[3])
        offset = {"last": -1, "this": 0, "next": 1}[which]
        monday = e.reference - dt.timedelta(days=e.reference.weekday()) + dt.timedelta(days=7 * offset)
        return Resolution(day_value(monday + dt.timedelta(days=weekdays[day_name])), "day",
                          f"weekday of '{which} week'")
    m = re.fullmatch(r"(?:(last|this|next|past) )?(?:a |an )?([a-z]+)", e.text)
    if m is None or m[2] not in rules()["weekdays"]:
        return None
    tense = None if e.prep in ("until", "till", "by") and e.tense == "past" else e.tense
    if tense == "present" and _body_sentence(e):
        # "the Senate votes on Monday", "the committee meets on Wednesday": in the body of a report a weekday of a
        # present-tense clause is a schedule, the same day or the next one (TIDES: the verb's tense gives the
        # direction); a headline ("Stocks fall on Monday", no full stop) tells the past in the present: nearest
        day, how = _weekday(e.reference, rules()["weekdays"][m[2]], "future", m[1])
        return Resolution(day_value(day), "day", "weekday, present tense in the body of the text (a schedule): "
                          "the same day or the next one")
    day, how = _weekday(e.reference, rules()["weekdays"][m[2]], tense, m[1])
    return Resolution(day_value(day), "day", f"weekday, {how}")


def _body_sentence(e: Expr) -> bool:
    """A sentence of the body of a text: it ends in a full stop, question or exclamation mark (a headline does
    not)."""
    text = e.sentence.strip().rstrip("\"'”’) ")
    return text.endswith((".", "!", "?"))


def date_with_weekday(e: Expr) -> RuleResult:
    """"Dec. 18, a Wednesday", "Wednesday, December 18": the year in which that day is that weekday, among the
    reference year and its neighbours (the nearest by tense if several)."""
    weekdays = rules()["weekdays"]
    m = (re.fullmatch(rf"(.+?),? (?:a |an )?{WEEKDAY}", e.text) or
         re.fullmatch(rf"{WEEKDAY},? (.+)", e.text))
    if m is None:
        return None
    date_text, day_name = (m[1], m[2]) if m[1] not in weekdays else (m[2], m[1])
    if date_text.split()[0] in weekdays:  # two weekdays ("Monday, Tuesday morning"): a list, not an apposition
        return None
    date = normalise(date_text, e.reference, e.tense, e.anchor)
    if not date.value or date.granularity != "day":
        return None
    day = day_of(date.value)
    if date.relative:
        candidates = []
        for year in (day.year - 1, day.year, day.year + 1):
            try:
                candidates.append(day.replace(year=year))
            except ValueError:
                continue
        matching = [d for d in candidates if d.weekday() == weekdays[day_name]]
        if matching:
            day = _pick(e.reference, matching, e.tense)
    return Resolution(day_value(day), "day", f"date with its weekday: the year it falls on a {day_name}",
                      relative=date.relative)


def month_without_year(e: Expr) -> RuleResult:
    """"October", "last October", "since October", "through June": the year by direction and tense."""
    m = re.fullmatch(r"(?:(last|this|next|past) )?([a-z]+)", e.text)
    months = rules()["months"]
    if m is None or m[2] not in months or (m[2] == "may" and not m[1] and not e.prep):  # "may" the verb
        return None
    month = months[m[2]]
    direction, how = _direction(e, m[1])
    if direction == "present" and _body_sentence(e) and not re.search(
            r"\b(?:is|are|was|were|be|been|being|has|have|had|'s|'re)\b", e.sentence, re.IGNORECASE):
        # "the measures take effect on April 1, and a tax cut follows in January": in the body of a report a month of
        # a present-tense clause of an event is a schedule, ahead (TIDES: present tense of a scheduled event, as for
        # weekdays); "sales in January are up" (a state) stays the nearest
        direction, how = "future", "present tense in the body of the text (a schedule): the next one"
    reference = e.reference
    if direction == "this":
        year = reference.year
    else:
        firsts = [dt.date(reference.year + d, month, 1) for d in (-1, 0, 1)]
        this_month = dt.date(reference.year, reference.month, 1)
        strict = m[1] in ("last", "past", "next")  # "last October" in October is the one before
        if direction == "past":
            year = max(d.year for d in firsts if d < this_month or (d == this_month and not strict))
        elif direction == "future":
            year = min(d.year for d in firsts if d > this_month or (d == this_month and not strict))
        else:  # the nearest counted in months; six months either way: the past one (news tells what happened), the
            # next one in a present-tense clause ("the law takes effect in July", told in January: a schedule)
            ahead_last = e.tense != "present"
            year = min(firsts, key=lambda d: (abs((d.year - this_month.year) * 12 + d.month - this_month.month),
                                              (d > this_month) == ahead_last)).year
    return Resolution(month_value(year, month), "month", f"month, {how}{e.note}")


_FISCAL_PART = re.compile(r"^((?:the |its |their |our )?)(?:fiscal|financial) (?=[a-z0-9]+[- ](?:quarter|half)$)"
                          r"|(?<= )(?:fiscal|financial) (?=(?:quarter|half)$)")


def fiscal_part(e: Expr) -> RuleResult:
    """"its fiscal fourth quarter", "the fiscal first half", "the fourth fiscal quarter" (no year named): that part
    of the fiscal year in focus, FY2011-Q4 (the year chosen by tense as for "the fourth quarter"; a fiscal year is
    named by the calendar year it ends in, which the text does not give: the calendar quarter's year is kept)."""
    text = _FISCAL_PART.sub(lambda m: m[1] or "", e.text)
    if text == e.text:
        return None
    res = quarter(replace(e, text=text)) or half(replace(e, text=text))
    if res is None or not res.value or not re.match(r"\d{4}-[QH]\d$", res.value):
        return None
    return replace(res, value=f"FY{res.value}", rule=f"fiscal {res.rule}")


def quarter(e: Expr) -> RuleResult:
    """"the fourth quarter of 2005", "third-quarter", "Q2 2013", "the last quarter"."""
    if m := re.fullmatch(r"q([1-4]) (\d{4})", e.text):
        return Resolution(f"{m[2]}-Q{m[1]}", "quarter", "quarter", relative=False)
    if m := re.fullmatch(r"q([1-4])", e.text):  # "GM's Q3 results"
        return _part_of_year(e, None, f"Q{m[1]}", "quarter")
    m = re.fullmatch(r"(?:the |its |their |our )?(most recent|[a-z0-9]+)[- ]quarter(?:(?: of| in)? (.+))?", e.text)
    if m is None:
        return None
    if m[1] in ("last", "previous", "past", "latest", "most recent") and not m[2]:
        value, gran = _period(e.reference, "quarter", -1)
        return Resolution(value, gran, "'last quarter': the previous quarter")
    if m[1] not in rules()["ordinals"]:
        return None
    q = rules()["ordinals"][m[1]]
    return _part_of_year(e, m[2], f"Q{q}", "quarter")


def months_of_year(e: Expr) -> RuleResult:
    """"the first three months of 2008" → 2008-Q1, "the first six months of the year" → …-H1; the last N
    months likewise (rewritten to the quarter or half)."""
    m = re.fullmatch(r"(?:the )?(first|last|final) (three|3|six|6) months(?: of (.+))?", e.text)
    if m is None:
        return None
    quarter = m[2] in ("three", "3")
    part = ("first" if m[1] == "first" else "fourth" if quarter else "second") + (" quarter" if quarter else " half")
    return replace(e, text=f"the {part}" + (f" of {m[3]}" if m[3] else ""))


def period_ended(e: Expr) -> RuleResult:
    """"the week ended Friday", "the quarter ended Sept. 30", "the year ending March 31": the week, month or quarter
    holding that day; a year ended on a day other than 31 December is a fiscal year (TimeML FY)."""
    m = re.fullmatch(r"(?:the |its |their )?(?:latest |last |most recent )?(week|month|quarter|year|fiscal year|financial year)"
                     r" (?:that )?(?:ended|ending|to|through)(?: on)? (.+)", e.text)  # "its latest quarter ended on Sept. 30"
    if m is None:
        return None
    end = normalise(m[2], e.reference, "past" if e.tense is None else e.tense, e.anchor)
    if not end.value or end.granularity != "day":
        return None
    day = day_of(end.value)
    if m[1] == "week":
        return Resolution(week_value(day), "week", f"the week ended on {day}", relative=end.relative)
    if m[1] == "month":
        return Resolution(month_value(day.year, day.month), "month", f"the month ended on {day}", relative=end.relative)
    if m[1] == "quarter":
        return Resolution(f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}", "quarter", f"the quarter ended on {day}",
                          relative=end.relative)
    fiscal = "fiscal" in m[1] or "financial" in m[1] or (day.month, day.day) != (12, 31)
    return Resolution(f"FY{day.year:04d}" if fiscal else f"{day.year:04d}", "year",
                      f"the {'fiscal ' if fiscal else ''}year ended on {day}", relative=end.relative)


def months_to_date(e: Expr) -> RuleResult:
    """"the first nine months of the year", "the nine months to June", "the three months ended Sept. 30": a
    stretch of months reported together, a DURATION (P9M) in TimeML (three and six months from the start or end
    of a year are a quarter or half: ``months_of_year``)."""
    m = (re.fullmatch(rf"(?:the )?(?:first|last|past|latest) {NUMBER} months(?: of .+)?", e.text)
         or re.fullmatch(rf"(?:the )?{NUMBER} months (?:ended|ending|to|through|until|that ended) .+", e.text))
    amount = _number(m[1]) if m else None
    if amount is None or not 1 < amount <= 24:
        return None
    return Resolution(duration_value(amount, "month"), None, "months reported together: a duration", kind="duration",
                      relative=False, type="DURATION")


def half(e: Expr) -> RuleResult:
    """"the first half of 2008", "the second half": 2008-H1, …-H2."""
    m = re.fullmatch(r"(?:the )?([a-z0-9]+)[- ]half(?:(?: of| in)? (.+))?", e.text)
    if m is None or m[1] not in rules()["halves"]:
        return None
    return _part_of_year(e, m[2], f"H{rules()['halves'][m[1]]}", "half")


def _part_of_year(e: Expr, year_text: str | None, code: str, granularity: str) -> Resolution:
    """A quarter or half of the named year; without one, by tense: past → the latest that has begun, future →
    the earliest not yet over, no tense → the nearest."""
    if year_text in ("the year", "this year", "the current year") and e.reference:
        year_text = str(e.reference.year)
    if year_text and e.reference and (fy := fiscal_year(replace(e, text=year_text))) and fy.value:
        # "the first quarter of the financial year" (TimeML FY2007-Q1, as "the financial year" alone is FY2007)
        return Resolution(f"{fy.value}-{code}", granularity, f"{granularity} of {fy.rule}", relative=fy.relative)
    if year_text and (fiscal := re.fullmatch(r"(?:fiscal|financial|fy) ?(?:year )?(\d{4})", year_text)):
        # "the first quarter of fiscal 2009": a part of the fiscal year (TimeML FY2009-Q1)
        return Resolution(f"FY{fiscal[1]}-{code}", granularity, f"{granularity} of a fiscal year", relative=False)
    if year_text:
        year = _year_of(year_text, e.reference, e.tense)
        if year is None:
            return Resolution(None, None, f"{granularity} of an unknown year")
        return Resolution(f"{year:04d}-{code}", granularity, granularity, relative=not re.search(r"\d{4}", year_text))
    reference = e.reference
    spans = {y: interval(f"{y:04d}-{code}") for y in (reference.year - 1, reference.year, reference.year + 1)}
    if e.tense == "past":  # the latest that has begun
        year = max(y for y, (first, _) in spans.items() if first <= reference)
        return Resolution(f"{year:04d}-{code}", granularity, f"{granularity} without a year, past tense: the latest begun")
    if e.tense == "future":  # the earliest not yet over
        year = min(y for y, (_, last) in spans.items() if last >= reference)
        return Resolution(f"{year:04d}-{code}", granularity, f"{granularity} without a year, future tense: the next not over")

    if e.period and (named := re.match(r"(?:FY)?(\d{4})", e.period)) and int(named[1]) in spans:
        # "grew in the second quarter, down from 3.7 percent in the first quarter": no tense of its own, the year
        # of the period named before
        year = int(named[1])
        return Resolution(f"{year:04d}-{code}", granularity, f"{granularity} without a year or tense: the year of "
                          f"the period named before ({e.period})", from_period=True)

    def distance(y: int) -> int:
        first, last = spans[y]
        return 0 if first <= reference <= last else min(abs((first - reference).days), abs((reference - last).days))

    year = min(spans, key=lambda y: (distance(y), y))
    return Resolution(f"{year:04d}-{code}", granularity, f"{granularity} without a year: the nearest one")


def season(e: Expr) -> RuleResult:
    """"spring", "last autumn", "the summer of 2008", "by the summer": the year by direction and tense."""
    m = re.fullmatch(r"(?:(last|this|next|past) )?(?:the )?([a-z]+)(?: of)?(?: (\d{4}))?", e.text)
    if m is None or m[2] not in rules()["seasons"]:
        return None
    code = rules()["seasons"][m[2]]
    if m[3]:
        return Resolution(f"{m[3]}-{code}", "season", "season", relative=False)
    direction, how = _direction(e, m[1])
    reference = e.reference
    current = next((y for y in (reference.year - 1, reference.year) if _contains(f"{y:04d}-{code}", reference)), None)
    if direction == "this" and current is None:
        # "this winter" told in March: the one just over in a past-tense or tenseless clause, the next one ahead
        spans = {y: interval(f"{y:04d}-{code}") for y in (reference.year - 1, reference.year, reference.year + 1)}
        if e.tense == "future":
            year = min(y for y, (first, _) in spans.items() if first > reference)
        elif e.tense == "past":
            year = max(y for y, (_, last) in spans.items() if last < reference)
        else:
            year = min(spans, key=lambda y: min(abs((spans[y][0] - reference).days), abs((reference - spans[y][1]).days)))
        how = f"'this' when it is not on: {_tense_rule(e.tense)}, the one just over or the next"
    elif direction == "this" or (current is not None and m[1] is None):
        year = current if current is not None else reference.year
        how = "the current one" if current is not None else how
    elif m[1] in ("last", "past") and current is not None:
        year = current - 1  # "last fall" told in October: the fall before the one under way
        how = f"'{m[1]}' told in that season: the one before"
    else:
        candidates = [dt.date(y, SEASON_MONTHS[code][0], 1) for y in (reference.year - 1, reference.year, reference.year + 1)]
        strict = m[1] in ("last", "past", "next")
        month_start = dt.date(reference.year, reference.month, 1)
        if direction == "past":
            year = max(d.year for d in candidates if d < month_start or not strict and d <= reference)
        elif direction == "future":
            year = min(d.year for d in candidates if d > reference)
        else:
            year = _pick(reference, candidates, None).year
    return Resolution(f"{year:04d}-{code}", "season", f"season, {how}{e.note}")


def _contains(value: str, day: dt.date) -> bool:
    bounds = interval(value)
    return bounds is not None and bounds[0] <= day <= bounds[1]


def century(e: Expr) -> RuleResult:
    """"the 20th century" → 19, "the nineteenth century" → 18, "18th-century" → 17; "the late 19th and (early 20th
    centuries)" → 18 (the century word said once for both)."""
    m = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)[- ]centur(?:y|ies)|(?:the )?([a-z]+(?:-[a-z]+)?)[- ]centur(?:y|ies)"
                     r"|(?:the )?(\d{1,2})(?:st|nd|rd|th)(?: and)?", e.text)
    after = _clean(e.after) if e.after else ""
    if m and m[3] and not (re.match(r"(?:and )?(?:the )?(?:early |late |mid-?)?\d{1,2}(?:st|nd|rd|th)[- ]centur", after)
                           or e.modifier and re.match(r"(?:and )?(?:early |late |mid-?)?\d{1,2}(?:st|nd|rd|th)\b", after)):
        return None
    if m and m[3]:
        m = re.fullmatch(r"(\d+)()", m[3])
    if m is None:
        return None
    n = int(m[1]) if m[1] else rules()["ordinal_numbers"].get(m[2] or "")
    if n is None or not 1 <= n <= 30:
        return None
    return Resolution(f"{n - 1:02d}", "century", f"century{e.note}", relative=False)


def decade(e: Expr) -> RuleResult:
    """"the 1990s", "the '90s", "70s" → 199, 197; "the seventies" → 197 (the 20th century's)."""
    if re.search(r"\b(?:her|his|their|my|your|our|its)\s*$", e.before, re.IGNORECASE):
        # ("in her twenties", "his 40s"; not a decade written with its century, "its 1990s expansion")
        if re.search(r"(?<!\d\d)\d0'?s|ties$", e.text):
            return not_temporal("an age (\"in her twenties\")", kind="age")
        if not re.search(r"\d{3}0'?s", e.text):
            return None
    words = rules()["decade_words"]
    if m := re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(?:nineteen[- ])?([a-z]+)", e.text):
        if m[1] in words:
            return Resolution(f"19{words[m[1]]}", "decade", f"decade in words{e.note}", relative=False)
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?'?(\d|\d{3})0'?s", e.text)
    if m is None:
        return None
    digits = m[1]
    value = digits if len(digits) == 3 else ("19" if int(digits) >= 3 else "20") + digits
    return Resolution(value, "decade", f"decade{e.note}", relative=len(digits) == 1)


def year_of_season(e: Expr) -> RuleResult:
    """"the 2010 season", "an injury-plagued 2010 campaign": the year named (a sports season, an edition)."""
    if m := re.fullmatch(r"(?:the |a |an )?(?:[a-z]+(?:-[a-z]+)* )?((?:1[89]|20)\d\d) (?:season|campaign|edition)s?", e.text):
        return Resolution(m[1], "year", "the year of a season or edition", relative=False)
    return None


def past_event_day(e: Expr) -> RuleResult:
    """"the September 11 attacks", "the Jan. 6 riot": a day without a year naming a past event in a noun phrase
    (the noun after it is one of ``past_event_nouns``) is the latest such day, whatever the clause's tense."""
    if e.tense == "past" or re.search(r"\d{4}", e.text) or not re.search(r"\d", e.text):
        return None
    following = _clean(e.after).split()[:2]
    if not any(w in rules()["past_event_nouns"] for w in following):
        return None
    if not any(w in rules()["months"] for w in e.words):
        return None
    return replace(e, tense="past")


def bare_year(e: Expr) -> RuleResult:
    """"2014", "the year 2014", "calendar 2007", "'82"."""
    if m := re.fullmatch(r"(?:(?:calendar|the year|year) ?)?(\d{4})", e.text):
        if 1000 <= int(m[1]) <= 2199:
            return Resolution(m[1], "year", f"year{e.note}", relative=False)
    if m := re.fullmatch(r"'(\d\d)", e.text):
        year = int(m[1])
        return Resolution(f"{1900 + year if year >= 30 else 2000 + year:04d}", "year", "two-digit year", relative=False)
    return None


def leading_date(e: Expr) -> RuleResult:
    """"Dec. 28 after weeks of debate" (the model took words after the date into it): the date before the
    conjunction or preposition, when it reads as one."""
    m = re.fullmatch(r"(.+?) (?:after|before|following|amid|during|when|as|while|despite) (.+)", e.text)
    if m is None or re.search(r"\d{4}$", e.text):
        return None
    res = normalise(m[1], e.reference, e.tense, e.anchor, period=e.period)
    if res.value and res.kind == "date":
        return replace(res, rule=f"{res.rule}; the words after '{m[1]}' are no part of the date")
    return None


def trailing_date(e: Expr) -> RuleResult:
    """"the worst year since 1931", "its biggest fall in October 2008" (the model took a noun phrase into the
    entity), "two months last year" (a duration, then a date: two expressions in TimeML): the date at the end,
    when it reads as one (TimeML marks that part as the date)."""
    if two := re.fullmatch(r"(\d{4}) ((?:this|last|next) [a-z]+)", e.text):  # "(since) 1976 this summer": two dates
        res = normalise(f"{e.prep or ''} {two[1]}".strip(), e.reference, e.tense)
        return replace(res, rule=f"{res.rule}; '{two[2]}' is another date") if res.value else None
    m = re.fullmatch(r"(?P<head>.+?) (?P<date>(?:since|in|of|from|until) .+)", e.text)
    if m and re.search(r"\b(?:\d{4}|" + "|".join(rules()["months"]) + r")\b", m["date"]) and not re.fullmatch(
            r"(?:the )?\d{1,2}(?:st|nd|rd|th)?", m["head"]):  # not "the 25th of March 1957"
        head, date = m["head"], m["date"]
    else:  # "two months last year" (rewritten to "two months 2022" by ``relative_year_suffix``), "a decade next week"
        words = e.text.split()
        splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(2, min(len(words), 5))]
        head, date = next(((h, d) for h, d in splits if normalise(h, e.reference, e.tense).kind == "duration"),
                          (None, None))
        if head is None:
            return None
    res = normalise(date, e.reference, e.tense, e.anchor, period=e.period)
    if res.value and res.kind == "date":
        return replace(res, rule=f"{res.rule}; '{head}' is no part of the date")
    return None


def numeric_date(e: Expr) -> RuleResult:
    """"7/8/07", "12/25/2009": month first (dateparser's default for English)."""
    if re.fullmatch(r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})", e.text) is None:
        return None
    res = explicit_date(e)
    if res and res.value and re.search(r"/\d{2}$", e.text) and e.reference and int(res.value[:4]) > e.reference.year + 10:
        # "10/1/61" told in 2012: 1961, not 2061 (a two-digit year more than ten years ahead is of the last century)
        res = replace(res, value=f"{int(res.value[:4]) - 100:04d}{res.value[4:]}")
    return replace(res, rule="numeric date, month first (dateparser)") if res and res.value else res


def day_of_month(e: Expr) -> RuleResult:
    """"on the 28th": a day of the month without the month, in the month the tense points to (the previous,
    current or next one): "was restored on the 30th" told on 2 October is 30 September."""
    m = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)", e.text)
    if m is None or not 1 <= int(m[1]) <= 31:
        return None
    candidates = []
    for delta in (-1, 0, 1):
        year, month = add_months(e.reference.year, e.reference.month, delta)
        if int(m[1]) <= calendar.monthrange(year, month)[1]:
            candidates.append(dt.date(year, month, int(m[1])))
    direction, how = _direction(e)
    day = _pick(e.reference, candidates, direction if direction in ("past", "future") else None)
    return Resolution(day_value(day), "day", f"day of the month without the month, {how.replace('year', 'month')}")


def explicit_date(e: Expr) -> RuleResult:
    """Everything else with a month, weekday or digit: dateparser, the year chosen by tense when not written."""
    t, reference, tense = e.text, e.reference, e.tense
    has_year = re.search(r"\b\d{4}\b|/\d{2}$", t) is not None
    if reference is None and not has_year:
        return Resolution(None, None, "relative expression; no publication date to resolve it")
    months, weekdays = rules()["months"], rules()["weekdays"]
    if re.fullmatch(r"[a-z' -]+", t) and not any(w in months or w in weekdays for w in t.split()):
        # No month, weekday or digit: dateparser would guess ("a later time" → today); leave it.
        return Resolution(None, None, "not a calendar date")
    base = reference or dt.date(2000, 1, 1)
    prefer = "current_period" if has_year else {"past": "past", "future": "future"}.get(tense or "", "current_period")
    try:
        data = _parser(base, prefer).get_date_data(t)
    except (ValueError, OverflowError):
        return Resolution(None, None, "not understood")
    if data is None or data.date_obj is None:
        return Resolution(None, None, "not understood")
    day = data.date_obj.date()
    period = data.period if data.period in ("day", "week", "month", "year") else "day"
    if not has_year and reference and period in ("day", "month") and any(w in months for w in re.findall(r"[a-z]+", t)):
        # dateparser's year for "12 February" follows PREFER_DATES_FROM strictly; choose by direction and tense
        # ourselves, allowing the reference day itself.
        direction, _ = _direction(e)
        candidates = []
        for year in (base.year - 1, base.year, base.year + 1):
            try:
                candidates.append(day.replace(year=year) if period == "day" else dt.date(year, day.month, 1))
            except ValueError:
                continue
        ref = dt.date(base.year, base.month, 1) if period == "month" else base
        day = _pick(ref, candidates, direction if direction in ("past", "future") else None)
    value = {"day": day_value, "week": week_value}.get(period, lambda d: month_value(d.year, d.month) if period == "month" else f"{d.year:04d}")(day)
    how = "explicit date" if has_year else f"date without a year, {_tense_rule(tense)}"
    return Resolution(value, period, f"{how} (dateparser){e.note}", relative=not has_year)


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


# Tried in order; the first Resolution wins. Rules after ``needs_reference`` may use ``Expr.reference``.
RULES: tuple[Callable[[Expr], RuleResult], ...] = (
    vague,  # fixed phrases first: "in recent times" is no frequency
    hedge,
    modal_may,
    era,
    half_unit,
    frequency,
    age,
    not_a_date,
    game_period,
    clock_time,
    two_digit_range,
    day_range,
    year_range,
    unknown_date,
    needs_reference,
    fiscal_year,
    part_of_day,
    holiday_with_date,
    the_new_year,
    holiday,
    movable_holiday,
    nowadays,
    relative_day,
    anchored_day,
    same_period,
    anaphoric_period,
    noun_before_ago,
    units_ago_or_later,
    duration,
    period_modifier,
    century,
    anaphoric_relative_period,
    relative_year_suffix,
    relative_period,
    weekend,
    date_with_weekday,
    weekday,
    month_without_year,
    months_of_year,
    period_ended,
    months_to_date,
    fiscal_part,
    quarter,
    half,
    season,
    decade,
    year_of_season,
    past_event_day,
    bare_year,
    leading_date,
    trailing_date,
    numeric_date,
    day_of_month,
    explicit_date,
)


def normalise(
    text: str,
    reference: dt.date | None,
    tense: str | None = None,
    anchor: dt.date | None = None,
    before: str = "",
    after: str = "",
    period: str | None = None,
    sentence: str = "",
    document: str = "",
) -> Resolution:
    """Normalise one temporal expression to its TimeML value by the first rule of ``RULES`` that applies.

    ``reference``: the date relative expressions are resolved against (None: they stay unresolved).
    ``tense``: "past", "future", "present" or None, of the clause the expression belongs to.
    ``anchor``: the previous date of the sentence/paragraph, for "six days later".
    ``before``/``after``: the words just outside the expression ("for", "old", "the film"), as written.
    ``period``: the previous quarter, half, month or fiscal year of the sentence/paragraph, for "a year earlier".
    ``sentence``, ``document``: the sentence and the text the expression stands in (a game's "second quarter" is
    told by their words).
    """
    cleaned, prep = _strip_prepositions(_clean(text))
    cleaned = re.sub(r"^this past ", "last ", cleaned)  # "this past weekend"
    cleaned = re.sub(r"(?<=s)' time$|'s time$", "", cleaned)  # "in three years' time", "in a year's time"
    cleaned = re.sub(r"(?<=\d{4}) \d{1,2}$", "", cleaned)  # "June 13, 2013 4" of a date line "4: 59 PM": the hour cut off
    for pattern, replacement in rules()["rewrites"].items():  # "year-end" → "the end of the year", "first-half"
        cleaned = re.sub(pattern, replacement, cleaned)
    e = Expr(cleaned, prep, reference, tense, anchor, before, after, period=period, written=text, sentence=sentence,
             document=document)
    for rule in RULES:
        out = rule(e)
        if isinstance(out, Expr):
            e = out
        elif out is not None:
            return replace(out, name=rule.__name__)
    return Resolution(None, None, "not understood", name="none")


def _year_of(text: str, reference: dt.date | None, tense: str | None) -> int | None:
    res = normalise(text, reference, tense)
    if res.value and res.granularity == "year" and res.value.isdigit():
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


def calendar_value(res: Resolution) -> str | None:
    """The value the timeline dates events with: a date's TimeML value without its time of day ("T06:15",
    "TMO") or fiscal prefix ("FY2007" → 2007); durations and ages have none, vague references keep theirs."""
    if res.kind in ("duration", "age", "time", "none", "set"):
        return None
    if res.value is None:
        return None
    return "/".join(re.sub(r"(?<=\d)T(?:\d\d:.*|[A-Z]{2})$", "", part).removeprefix("FY") for part in res.value.split("/"))
