"""TimeML values of temporal expressions against a reference date: tense, anchors, ranges, durations, non-dates.

Every phrase here was written for these tests: none is taken from the seeds or from MEANTIME (the benchmark's
data), so the tests do not overlap the benchmark's test split.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.timex import RULES, interval, normalise

WED = dt.date(2023, 11, 8)  # a Wednesday
SUN = dt.date(2021, 6, 13)  # a Sunday
JAN = dt.date(2022, 1, 11)  # a Tuesday, early in the year (year crossings)


@pytest.mark.parametrize(
    ("text", "reference", "tense", "expected", "granularity"),
    [
        # weekdays by tense and by last/next
        ("on Tuesday", WED, "past", "2023-11-07", "day"),
        ("Wednesday", WED, "past", "2023-11-08", "day"),
        ("on Thursday", WED, "past", "2023-11-02", "day"),
        ("on Thursday", WED, "future", "2023-11-09", "day"),
        ("Saturday", WED, "future", "2023-11-11", "day"),
        ("Monday", WED, None, "2023-11-06", "day"),  # no tense: the nearest Monday
        ("last Thursday", WED, "past", "2023-11-02", "day"),
        ("next Wednesday", WED, "future", "2023-11-15", "day"),
        # relative days and periods
        ("today", WED, None, "2023-11-08", "day"),
        ("yesterday", WED, None, "2023-11-07", "day"),
        ("tomorrow", SUN, None, "2021-06-14", "day"),
        ("this week", WED, None, "2023-W45", "week"),
        ("last week", WED, None, "2023-W44", "week"),
        ("last month", WED, None, "2023-10", "month"),
        ("next month", SUN, None, "2021-07", "month"),
        ("last year", WED, None, "2022", "year"),
        ("Until last year", WED, "past", "2022", "year"),
        ("four years ago", WED, "past", "2019", "year"),
        ("40 years ago", SUN, "past", "1981", "year"),
        ("a fortnight ago", SUN, "past", "2021-W21", "week"),  # TimeML: the granularity of the expression
        # explicit dates, the year by tense when it is not written
        ("9 October", WED, None, "2023-10-09", "day"),
        ("on 20 November", WED, None, "2023-11-20", "day"),
        ("May 2019", WED, None, "2019-05", "month"),
        ("in April 2020", WED, "past", "2020-04", "month"),
        ("March 3, 2018", WED, None, "2018-03-03", "day"),
        ("in 2011", WED, "past", "2011", "year"),
        ("2011", None, None, "2011", "year"),  # explicit: needs no reference
        ("'97", WED, None, "1997", "year"),
        ("11/23/2019", WED, None, "2019-11-23", "day"),
        # months and seasons without a year: tense and last/next/this/since/until
        ("in October", dt.date(2023, 3, 9), "past", "2022-10", "month"),
        ("in October", dt.date(2023, 3, 9), "future", "2023-10", "month"),
        ("since August", dt.date(2023, 3, 9), "present", "2022-08", "month"),
        ("through April", dt.date(2023, 9, 9), "future", "2024-04", "month"),
        ("until April", dt.date(2023, 9, 9), "past", "2023-04", "month"),
        ("last March", dt.date(2023, 3, 20), "past", "2022-03", "month"),
        ("since last October", WED, "past", "2023-10", "month"),
        ("since last October", dt.date(2023, 10, 20), "past", "2022-10", "month"),
        ("next January", WED, "future", "2024-01", "month"),
        ("early July", SUN, "future", "2021-07", "month"),
        ("last winter", dt.date(2023, 5, 2), "past", "2022-WI", "season"),
        ("next spring", WED, "future", "2024-SP", "season"),
        ("in the autumn", dt.date(2023, 5, 2), "past", "2022-FA", "season"),
        ("in the autumn", dt.date(2023, 5, 2), "future", "2023-FA", "season"),
        ("the summer of 2015", WED, None, "2015-SU", "season"),
        # year crossings: December told in January
        ("on 29 December", JAN, "past", "2021-12-29", "day"),
        ("Dec. 30", JAN, None, "2021-12-30", "day"),
        ("Dec. 22, a Wednesday", JAN, None, "2021-12-22", "day"),
        ("Friday, Dec. 31", JAN, "past", "2021-12-31", "day"),
        # ranges
        ("Between October and December 2019", WED, "past", "2019-10/2019-12", "range"),
        ("from 2012 to 2015", WED, None, "2012/2015", "range"),
        ("1968-69", WED, None, "1968/1969", "range"),
        ("2019-20", WED, None, "2019/2020", "range"),
        ("1999-00", WED, None, "1999/2000", "range"),
        ("2015-2017", WED, None, "2015/2017", "range"),
        ("Jan. 20-21", WED, "future", "2024-01-20/2024-01-21", "range"),
        ("March 3-5, 2019", WED, None, "2019-03-03/2019-03-05", "range"),
        ("from 4 to 6 May", WED, "past", "2023-05-04/2023-05-06", "range"),
        # quarters, halves, fiscal years
        ("the third quarter of 2012", WED, None, "2012-Q3", "quarter"),
        ("the second quarter of last year", SUN, None, "2020-Q2", "quarter"),
        ("the first quarter", dt.date(2023, 5, 15), "past", "2023-Q1", "quarter"),
        ("the second quarter", dt.date(2023, 11, 27), "past", "2023-Q2", "quarter"),
        ("the second quarter", dt.date(2023, 11, 27), "future", "2024-Q2", "quarter"),
        ("the fourth quarter", dt.date(2023, 11, 27), "future", "2023-Q4", "quarter"),
        ("the fourth quarter", dt.date(2023, 2, 2), None, "2022-Q4", "quarter"),
        ("Q4 2020", WED, None, "2020-Q4", "quarter"),
        ("the first half of 2016", WED, None, "2016-H1", "half"),
        ("the second half of the year", dt.date(2023, 4, 4), "future", "2023-H2", "half"),
        ("the second half", dt.date(2023, 4, 4), "future", "2023-H2", "half"),
        ("the first three months of 2017", WED, None, "2017-Q1", "quarter"),
        ("the first six months of the year", WED, "past", "2023-H1", "half"),
        ("fiscal 2019", WED, None, "FY2019", "year"),
        ("FY2021", WED, None, "FY2021", "year"),
        ("this fiscal year", WED, None, "FY2023", "year"),
        ("the previous financial year", WED, "past", "FY2022", "year"),
        ("the end of last year", dt.date(2023, 2, 1), None, "2022", "year"),
        ("the end of the year", dt.date(2023, 2, 1), "past", "2022", "year"),
        ("the end of the year", dt.date(2023, 2, 1), "future", "2023", "year"),
        ("the end of the year", dt.date(2023, 11, 20), "past", "2023", "year"),
        ("the beginning of the year", dt.date(2023, 10, 2), "future", "2024", "year"),
        ("the beginning of the year", dt.date(2023, 10, 2), "past", "2023", "year"),
        ("the end of the month", dt.date(2023, 6, 3), "past", "2023-05", "month"),
        # centuries and decades
        ("the 1970s", WED, None, "197", "decade"),
        ("the late 1960s", WED, None, "196", "decade"),
        ("the '80s", WED, None, "198", "decade"),
        ("the 19th century", WED, None, "18", "century"),
        ("the twenty-first century", WED, None, "20", "century"),
        ("the early 18th century", None, None, "17", "century"),
        ("this century", WED, None, "20", "century"),
        # parts of the day and clock times
        ("this morning", WED, None, "2023-11-08TMO", "day"),
        ("Tuesday night", WED, "past", "2023-11-07TNI", "day"),
        ("last night", WED, "past", "2023-11-07TNI", "day"),
        # "overnight" after a weekday is that weekday's night, as "Tuesday night" and "overnight Tuesday" are
        ("Tuesday overnight", WED, "past", "2023-11-07TNI", "day"),
        ("overnight Tuesday", WED, "past", "2023-11-07TNI", "day"),
        ("Thursday overnight", WED, "future", "2023-11-09TNI", "day"),
        ("on Monday overnight", WED, "past", "2023-11-06TNI", "day"),
        ("Friday overnight", WED, None, "2023-11-10TNI", "day"),
        ("Monday at 9:30 a.m.", WED, "past", "2023-11-06T09:30", "day"),
        # references to the present, past and future
        ("recently", WED, "past", "PAST_REF", "ref"),
        ("at the time", WED, "past", "PAST_REF", "ref"),
        ("now", WED, "present", "PRESENT_REF", "ref"),
        ("currently", WED, "present", "PRESENT_REF", "ref"),
        ("these days", WED, "present", "PRESENT_REF", "ref"),
        ("the near future", WED, None, "FUTURE_REF", "ref"),
        # holidays, "this past"
        ("on Christmas Eve", WED, "future", "2023-12-24", "day"),
        ("New Year's Day", dt.date(2023, 1, 9), "past", "2023-01-01", "day"),
        ("Halloween", dt.date(2023, 11, 2), "past", "2023-10-31", "day"),
        ("this past weekend", WED, "past", "2023-W44-WE", "week"),
        ("at the weekend", dt.date(2023, 11, 6), None, "2023-W44-WE", "week"),  # told on a Monday: the one just gone
        ("at the weekend", dt.date(2023, 11, 9), None, "2023-W45-WE", "week"),  # on a Thursday: the coming one
    ],
)
def test_normalise_values(text, reference, tense, expected, granularity):
    res = normalise(text, reference, tense)
    assert (res.value, res.granularity) == (expected, granularity), res.rule


@pytest.mark.parametrize(
    ("text", "reference", "tense", "type_"),
    [
        ("on Tuesday", WED, "past", "DATE"),
        ("2011", WED, None, "DATE"),
        ("PAST_REF", WED, None, "DATE"),
        ("now", WED, None, "DATE"),
        ("this morning", WED, None, "TIME"),
        ("6:40 p.m.", WED, None, "TIME"),
        ("three weeks", WED, None, "DURATION"),
        ("every month", WED, None, "SET"),
    ],
)
def test_normalise_timeml_type(text, reference, tense, type_):
    if text == "PAST_REF":
        text = "in the past"
    assert normalise(text, reference, tense).type == type_


@pytest.mark.parametrize(
    ("text", "before", "after", "kind", "value"),
    [
        ("six hours", "", "of", "duration", "PT6H"),
        ("25 years", "for", "", "duration", "P25Y"),
        ("the past decade", "over", "", "duration", "P10Y"),
        ("several weeks", "", "", "duration", "PXW"),
        ("the past few years", "over ", "", "duration", "PXY"),
        ("thirty minutes", "", "", "duration", "PT30M"),
        ("forty-year", "", "career", "duration", "P40Y"),
        ("every week", "", "", "set", "P1W"),
        ("weekly", "", "", "set", "P1W"),
        ("every 10 minutes", "", "", "set", "PT10M"),
        ("August", "held every ", "", "set", "XXXX-08"),
        ("Monday", "each ", "", "set", "XXXX-WXX-1"),
        ("60 years", "", "old", "age", "P60Y"),
        ("30", "aged ", "", "age", "P30Y"),
        ("31", "Leo Park, ", ", who", "age", None),
        ("58", "Ms Ines Duarte, ", ", said", "age", None),
        ("the 42nd day", "on ", "", "none", None),
        ("the 12th straight day", "for ", "", "none", None),
        ("1984", "the novel ", "", "none", None),
        ("2001", "“", "”", "none", None),
        ("14", "", "", "none", None),  # a bare day number is no date
        ("20 - 13", "the visitors won ", "", "none", None),  # a score (was read as the 20th of this month, 2013)
        ("3-1", "beat them ", " on penalties", "none", None),
        ("12–15", "", " volunteers", "none", None),
        ("6:15 a.m.", "at ", "", "time", "2023-11-08T06:15"),  # a past clause: the reference day's time
        ("just after 9 a. m", "escaped ", "", "time", "2023-11-08T09:00"),  # text re-joined from tokens
        # amounts written with spaced hyphens or a bound
        ("a 60 - day", "began ", " stay", "duration", "P60D"),
        ("12 - year", "a ", " sentence", "duration", "P12Y"),
        ("four - minute", "a ", " delay", "duration", "PT4M"),
        ("a little over a month", "after ", " in charge", "duration", "P1M"),
        ("just under three years", "for ", "", "duration", "P3Y"),
        # amounts of several units are one duration; a possessive counts as the article
        ("four hours and 20 minutes", "queued for ", "", "duration", "PT4H20M"),
        ("one year and six months", "served ", "", "duration", "P1Y6M"),
        ("two days, three hours and ten minutes", "lasted ", "", "duration", "P2DT3H10M"),
        ("its first 90 days", "in ", "", "duration", "P90D"),
        ("their 25 years", "after ", " together", "duration", "P25Y"),
        # a fiscal quarter or half without a year: that part of the fiscal year in focus (past: the latest begun)
        ("its fiscal third quarter", "in ", "", "date", "FY2023-Q3"),
        ("the fourth fiscal quarter", "in ", "", "date", "FY2023-Q4"),
        ("the fiscal first half", "in ", "", "date", "FY2023-H1"),
        ("the second quarter of its fiscal year", "in ", "", "date", "FY2023-Q2"),
        ("its current fiscal year", "in ", "", "date", "FY2023"),
        # three or six months of a year named by "this", "last": its quarter or half; nine months a duration
        ("the first three months of this year", "in ", "", "date", "2023-Q1"),
        ("the first six months of last year", "in ", "", "date", "2022-H1"),
        ("the first nine months of this year", "in ", "", "duration", "P9M"),
    ],
)
def test_normalise_durations_sets_ages_and_non_dates(text, before, after, kind, value):
    res = normalise(text, WED, "past", before=before, after=after)
    assert (res.kind, res.value) == (kind, value), res.rule


@pytest.mark.parametrize(
    ("text", "tense", "anchor", "value"),
    [
        ("at 6:15 a.m.", "present", None, "XXXX-XX-XXT06:15"),  # "the shop opens at 6:15 a.m.": any day
        ("at 6:15 a.m.", None, None, "XXXX-XX-XXT06:15"),
        ("at about 7 p.m.", "past", dt.date(2023, 11, 3), "2023-11-03T19:00"),  # the day named just before
        ("at 10 a.m.", "future", None, "2023-11-08T10:00"),
        # a part of a day counted from the day named before
        ("the next night", "past", dt.date(2023, 11, 3), "2023-11-04TNI"),
        ("that morning", "past", dt.date(2023, 11, 3), "2023-11-03TMO"),
    ],
)
def test_normalise_clock_time_takes_the_day_of_the_clause(text, tense, anchor, value):
    assert normalise(text, WED, tense, anchor).value == value


@pytest.mark.parametrize(
    ("text", "sentence", "value"),
    [
        ("in the second half", "The visitors scored twice in the second half to win 3-1.", None),
        ("the fourth quarter", "His touchdown pass came late in the fourth quarter.", None),
        ("in the third quarter", "The hosts rallied from 20 points down in the third quarter.", None),
        ("the final period", "The goalkeeper was beaten twice in the final period, when the puck bounced.", None),
        # calendar halves and quarters stay, with or without a sentence
        ("later in the second quarter", "He fumbled in the red zone later in the second quarter.", None),
        ("in the second half", "Exports rose 4 percent in the second half, the ministry said.", "2023-H2"),
        ("the third quarter", "The brewery sold more beer in the third quarter than a year earlier.", "2023-Q3"),
        ("the third quarter", "", "2023-Q3"),
        ("the second half of 2022", "The team scored more touchdowns in the second half of 2022.", "2022-H2"),
    ],
)
def test_normalise_a_period_of_a_game_is_no_calendar_period(text, sentence, value):
    assert normalise(text, WED, "past", sentence=sentence).value == value


MATCH_REPORT = ("The hosts won 3-1 after the goalkeeper saved a penalty kick. The striker scored twice and the "
                "referee sent off a defender. The club's revenue rose in the first half.")


@pytest.mark.parametrize(
    ("text", "sentence", "value"),
    [
        ("in the second half", "Both sides tired in the second half.", None),  # the text is about a game
        ("in the first half", "The club's revenue rose in the first half.", "2023-H1"),  # but this sentence is money
    ],
)
def test_normalise_a_game_is_told_by_the_whole_text(text, sentence, value):
    assert normalise(text, WED, "past", sentence=sentence, document=MATCH_REPORT).value == value


@pytest.mark.parametrize(
    ("text", "tense", "anchor", "period", "value"),
    [
        ("10 / 1 / 61", None, None, None, "1961-10-01"),  # a two-digit year more than ten years ahead: last century
        ("7/8/07", None, None, None, "2007-07-08"),
        ("two years later", "past", dt.date(2023, 3, 1), None, None),  # would pass the reference date
        ("two years later", "past", None, "2022", None),
        ("two years later", "past", None, "2019", "2021"),
    ],
)
def test_normalise_two_digit_years_and_counts_past_the_reference(text, tense, anchor, period, value):
    assert normalise(text, WED, tense, anchor, period=period).value == value


@pytest.mark.parametrize(
    ("text", "tense", "after", "value"),
    [
        # "today's" + a noun of the present: nowadays; + an event: the day
        ("today", "present", "'s young voters", "PRESENT_REF"),
        ("today", "present", "'s world", "PRESENT_REF"),
        ("Today's", "present", " economy is", "PRESENT_REF"),
        ("today", "present", "'s market", "2023-11-08"),  # a trading day
        ("today", "past", "'s hearing was", "2023-11-08"),
        ("today", "past", " the court", "2023-11-08"),
        # a day without a year naming a past event: the latest such day, whatever the tense
        ("the October 7", None, " attacks", "2023-10-07"),
        ("the March 3", "future", " bombing anniversary", "2023-03-03"),
        ("the March 3", "future", " deadline", "2024-03-03"),  # a deadline is no past event
        # a season or edition of a year
        ("the 2019 season", "past", "", "2019"),
        ("an injury-hit 2020 season", "past", "", "2020"),
        ("its 2018 edition", None, "", "2018"),
    ],
)
def test_normalise_nowadays_past_events_and_seasons(text, tense, after, value):
    assert normalise(text, WED, tense, after=after).value == value


@pytest.mark.parametrize(
    ("text", "tense", "value", "points_to"),
    [
        ("in five years", "future", "P5Y", "2028"),
        ("in two months", "future", "P2M", "2024-01"),
        ("in 500 years", "present", "P500Y", None),  # "the worst in 500 years"
        ("in ten days", "future", "P10D", "2023-11-18"),
        ("in five years", "past", "P5Y", None),  # "the first time in five years": no point
    ],
)
def test_normalise_duration_from_reference_points_to_a_date(text, tense, value, points_to):
    res = normalise(text, WED, tense)
    assert (res.type, res.value, res.points_to) == ("DURATION", value, points_to)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("four days later", dt.date(2023, 10, 2), "2023-10-06"),
        # weeks counted from a day keep the unit's granularity (HeidelTime date_r21: UNDEF-REF-week-MINUS-3)
        ("three weeks earlier", dt.date(2023, 10, 2), "2023-W37"),
        ("a week later", dt.date(2023, 10, 2), "2023-W41"),
        ("the following day", dt.date(2023, 10, 2), "2023-10-03"),
        ("that same day", dt.date(2023, 10, 2), "2023-10-02"),
    ],
)
def test_normalise_anchored(text, anchor, expected):
    res = normalise(text, WED, "past", anchor=anchor)
    assert res.value == expected
    assert res.anchored


def test_normalise_anchored_without_anchor_is_unresolved():
    assert normalise("four days later", WED, "past").value is None


def test_normalise_relative_without_reference_is_unresolved():
    for text in ("on Tuesday", "last month", "four years ago", "9 October", "the second quarter"):
        assert normalise(text, None, "past").value is None


def test_normalise_records_the_rule_that_resolved_it():
    names = {rule.__name__ for rule in RULES}
    for text in ("on Tuesday", "1968-69", "the 19th century", "now", "six hours", "fiscal 2019", "Q4 2020"):
        res = normalise(text, WED, "past")
        assert res.name in names, (text, res)
    assert normalise("1968-69", WED).name == "two_digit_range"
    assert normalise("the 19th century", WED).name == "century"
    assert normalise("Tuesday night", WED, "past").name == "part_of_day"


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2023-11-08", "2023-11-08", "2023-11-08"),
        ("2023-11-08TMO", "2023-11-08", "2023-11-08"),
        ("2023-W45", "2023-11-06", "2023-11-12"),
        ("2023-W45-WE", "2023-11-11", "2023-11-12"),
        ("2019-05", "2019-05-01", "2019-05-31"),
        ("2012", "2012-01-01", "2012-12-31"),
        ("FY2012", "2012-01-01", "2012-12-31"),
        ("2019-10/2019-12", "2019-10-01", "2019-12-31"),
        ("2012-Q3", "2012-07-01", "2012-09-30"),
        ("2016-H2", "2016-07-01", "2016-12-31"),
        ("2022-WI", "2022-12-01", "2023-02-28"),
        ("197", "1970-01-01", "1979-12-31"),
        ("18", "1800-01-01", "1899-12-31"),
    ],
)
def test_interval(value, first, last):
    assert interval(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", [None, "", "PAST_REF", "P5Y", "XXXX-XX-XXT06:15", "2023-13"])
def test_interval_of_what_is_no_calendar_period_is_none(value):
    assert interval(value) is None


@pytest.mark.parametrize("text", ["later", "at a later date", "a later time"])
def test_normalise_date_not_given_is_unknown(text):
    res = normalise(text, WED, "future")
    assert (res.value, res.kind, res.type) == ("XXXX-XX-XX", "ref", "DATE")


@pytest.mark.parametrize(
    ("text", "value"),
    [("recently", "PAST_REF"), ("now", "PRESENT_REF"), ("this morning", "2023-11-08"),
     ("Monday at 9:30 a.m.", "2023-11-06"), ("fiscal 2019", "2019"), ("six hours", None), ("1968-69", "1968/1969")],
)
def test_calendar_value_keeps_refs_and_drops_times_of_day(text, value):
    from generator.extract.timex import calendar_value

    assert calendar_value(normalise(text, WED, "past")) == value


def test_a_weekday_apposition_with_a_part_of_day_reads_its_day() -> None:
    """"on Monday, Tuesday morning": the part of day ("TMO") must not stop the weekday rule from reading the day
    (it raised ValueError on a saved web page)."""
    from generator.extract.timex import day_of

    assert day_of("2023-10-31TMO") == dt.date(2023, 10, 31)
    assert day_of("2023-10-31T06:15") == dt.date(2023, 10, 31)
    assert day_of("2023-10-31") == dt.date(2023, 10, 31)


def test_two_weekdays_are_not_a_date_with_its_weekday() -> None:
    """"Monday, Tuesday morning" lists two days: the apposition rule must not pick a year where 31 October is a
    Monday (it gave 2022-10-31 for an article of 2023)."""
    from generator.extract.timex import normalise

    assert normalise("monday, tuesday morning", dt.date(2023, 11, 1), "past").value != "2022-10-31"


@pytest.mark.parametrize(
    ("text", "tense", "value", "kind"),
    [
        # more references to the present, past and future (TimeML PRESENT_REF / PAST_REF / FUTURE_REF)
        ("at the moment", "present", "PRESENT_REF", "ref"),
        ("for now", "present", "PRESENT_REF", "ref"),
        ("nowadays", "present", "PRESENT_REF", "ref"),
        ("until recently", "past", "PAST_REF", "ref"),
        ("lately", "present", "PAST_REF", "ref"),
        ("in recent times", "past", "PAST_REF", "ref"),
        ("long ago", "past", "PAST_REF", "ref"),
        ("the foreseeable future", "future", "FUTURE_REF", "ref"),
        ("the weeks ahead", "future", "FUTURE_REF", "ref"),
        ("the years to come", "future", "FUTURE_REF", "ref"),
        ("in the long run", "future", "FUTURE_REF", "ref"),
        ("present-day", "present", "PRESENT_REF", "ref"),
        # a vague amount of time ago or later gives no number to count with
        ("a few years ago", "past", "PAST_REF", "ref"),
        ("several months ago", "past", "PAST_REF", "ref"),
        ("a couple of weeks earlier", "past", "PAST_REF", "ref"),
        ("some days later", "past", "FUTURE_REF", "ref"),
        # "the past year" is the stretch of time up to now (a duration); "last year" the calendar year
        ("the past year", "past", "P1Y", "duration"),
        ("in the last month", "present", "P1M", "duration"),
        ("the last week", "present", "P1W", "duration"),
        ("last year", "past", "2022", "date"),
        ("the last quarter", "past", "2023-Q3", "date"),
        ("the past decade", "past", "P10Y", "duration"),  # as "the past year" (the calendar decade: "last decade")
        ("last decade", "past", "201", "date"),
        # counted back from the publication date at the granularity of the expression
        ("two weeks ago", "past", "2023-W43", "date"),
        ("three decades ago", "past", "199", "date"),
        ("a century ago", "past", "19", "date"),
        # "the week", "the year" with nothing named before: the current one
        ("the week", "past", "2023-W45", "date"),
        ("the year", "present", "2023", "date"),
        ("earlier in the day", "past", "2023-11-08", "date"),
        ("later in the week", "future", "2023-W45", "date"),
    ],
)
def test_normalise_references_trailing_periods_and_vague_amounts(text, tense, value, kind):
    res = normalise(text, WED, tense)
    assert (res.value, res.kind) == (value, kind), res.rule


@pytest.mark.parametrize(
    ("text", "period", "value"),
    [
        # comparisons with the same period a year before the quarter, half, month or fiscal year named before
        ("a year earlier", "2023-Q3", "2022-Q3"),
        ("a year ago", "2023-10", "2022-10"),
        ("from a year earlier", "2023-H1", "2022-H1"),
        ("the same period last year", "2023-Q2", "2022-Q2"),
        ("the same quarter a year earlier", "2023-Q3", "2022-Q3"),
        ("the year-ago quarter", "2023-Q3", "2022-Q3"),
        ("the year-earlier period", "FY2023", "FY2022"),
        ("the previous year", "FY2023", "FY2022"),
        ("a year earlier", "2019", "2018"),  # "in 2019 … a year earlier"
        ("a year ago", "2019", "2022"),  # "ago" counts from the publication date
        ("the same period last year", None, "2022"),
        ("a year earlier", None, "2022"),
        ("the quarter", "2023-Q2", "2023-Q2"),
        ("the period", "FY2021", "FY2021"),
        ("the year", "2019", "2019"),
    ],
)
def test_normalise_same_period_a_year_before(text, period, value):
    assert normalise(text, WED, "past", period=period).value == value


@pytest.mark.parametrize(
    ("text", "reference", "tense", "before", "after", "value"),
    [
        # movable holidays, the year by tense like a date without a year
        ("on Thanksgiving", dt.date(2023, 12, 4), "past", "", "", "2023-11-23"),
        ("Black Friday", dt.date(2023, 11, 1), "future", "", "", "2023-11-24"),
        ("after Easter", dt.date(2023, 12, 4), "future", "", "", "2024-03-31"),
        ("before Easter", dt.date(2023, 12, 4), "past", "", "", "2023-04-09"),
        ("Labor Day weekend", dt.date(2023, 9, 20), "past", "", "", "2023-W35-WE"),
        ("Memorial Day", dt.date(2024, 6, 10), "past", "", "", "2024-05-27"),
        ("Easter 2019", WED, None, "", "", "2019-04-21"),
        # decades in words; "in her twenties" is an age
        ("the seventies", WED, "past", "", "", "197"),
        ("the late eighties", WED, "past", "", "", "198"),
        ("twenties", WED, "present", "in her ", "", None),
        ("70s", WED, "past", "in his ", "", None),
        # how long before or after an event is a duration; "consecutive" keeps a duration
        ("a day after", WED, "past", "", " the crash", "P1D"),
        ("two weeks before", WED, "past", "", " the vote", "P2W"),
        ("four consecutive days", WED, "past", "for ", "", "P4D"),
        ("a decade", WED, "past", "in ", "", "P10Y"),
        # a hyphen inside a word is no range
        ("from the year-earlier month", WED, "past", "", "", "2022"),
    ],
)
def test_normalise_holidays_decades_and_durations_between_events(text, reference, tense, before, after, value):
    assert normalise(text, reference, tense, before=before, after=after).value == value


def test_normalise_same_period_in_a_named_year():
    assert normalise("the same month in 2019", WED, "past", period="2023-04").value == "2019-04"
    assert normalise("the same quarter of 2019", WED, "past", period="2023-Q2").value == "2019-Q2"
    assert normalise("the same month in 2019", WED, "past").value == "2019"


@pytest.mark.parametrize(
    ("text", "tense", "period", "value"),
    [
        ("the first quarter of fiscal 2009", "past", None, "FY2009-Q1"),
        ("the second half of fiscal 2021", "past", None, "FY2021-H2"),
        ("the 2008 fiscal year", "past", None, "FY2008"),
        ("a year earlier", "past", "FY2009-Q1", "FY2008-Q1"),
        ("the quarter", "past", "FY2009-Q1", "FY2009-Q1"),
        ("the second half of next year", "future", None, "2024-H2"),
        ("the end of the decade", "future", None, "202"),
    ],
)
def test_normalise_fiscal_parts_and_decade_edges(text, tense, period, value):
    assert normalise(text, WED, tense, period=period).value == value


@pytest.mark.parametrize(
    ("text", "tense", "anchor", "period", "value"),
    [
        # anaphoric: counted from the date or period named before, not from the publication date
        ("the following week", "past", dt.date(2023, 2, 12), None, "2023-W07"),
        ("the week before", "past", dt.date(2023, 2, 12), None, "2023-W05"),
        ("the next year", "past", None, "2015", "2016"),
        ("the following month", "past", None, "2019-03", "2019-04"),
        ("that year", "past", None, "2015", "2015"),
        ("that year", "past", None, None, None),  # nothing named before: left unresolved
        ("the end of the following year", "past", None, "2015", "2016"),
        ("the next year", "future", None, None, "2024"),  # nothing named before: from the publication date
        # parts of a relative day keep the day; "the latest quarter" is the last one reported
        ("late yesterday", "past", None, None, "2023-11-07"),
        ("early tomorrow", "future", None, None, "2023-11-09"),
        ("the latest quarter", "past", None, None, "2023-Q3"),
    ],
)
def test_normalise_anaphoric_periods(text, tense, anchor, period, value):
    assert normalise(text, WED, tense, anchor=anchor, period=period).value == value


# TimeML conventions for news text (issue 12), each phrase written for this table. ``period``: the quarter, month or
# year named before in the sentence or paragraph; ``after``: the words just after the expression.
@pytest.mark.parametrize(
    ("text", "tense", "period", "after", "value", "kind"),
    [
        # references to the present, past and future
        ("recently", "past", None, "", "PAST_REF", "ref"),
        ("now", "present", None, "", "PRESENT_REF", "ref"),
        ("currently", "present", None, "", "PRESENT_REF", "ref"),
        ("in recent years", "present", None, "", "PAST_REF", "ref"),
        ("the coming months", "future", None, "", "FUTURE_REF", "ref"),
        ("in coming months", "future", None, "", "FUTURE_REF", "ref"),
        ("back then", "past", None, "", "PAST_REF", "ref"),
        ("of late", "present", None, "", "PAST_REF", "ref"),
        ("a year from now", "future", None, "", "2024", "date"),
        ("two weeks from today", "future", None, "", "2023-W47", "date"),
        ("earlier", "past", None, "", "PAST_REF", "ref"),
        ("at some point", "future", None, "", "XXXX-XX-XX", "ref"),
        ("the Cold War era", "past", None, "", "PAST_REF", "ref"),
        ("50,000 years ago", "past", None, "", "PAST_REF", "ref"),
        # trailing stretches of time are durations; calendar periods take the week, month or quarter
        ("the past year", "past", None, "", "P1Y", "duration"),
        ("last week", "past", None, "", "2023-W44", "date"),
        ("this week", "present", None, "", "2023-W45", "date"),
        ("earlier this month", "past", None, "", "2023-11", "date"),
        ("the previous quarter", "past", None, "", "2023-Q3", "date"),
        ("the most recent quarter", "past", None, "", "2023-Q3", "date"),
        ("the same period last year", "past", None, "", "2022", "date"),
        ("a year earlier", "past", "2023-Q3", "", "2022-Q3", "date"),
        ("four years later", "past", "2011", "", "2015", "date"),
        ("two months later", "past", "2019-05", "", "2019-07", "date"),
        # months reported together, and other durations
        ("the first nine months of the year", "past", None, "", "P9M", "duration"),
        ("the nine months to June", "past", None, "", "P9M", "duration"),
        ("the three months ended Sept. 30", "past", None, "", "P3M", "duration"),
        ("for decades", "present", None, "", "PXY", "duration"),
        ("over the years", "past", None, "", "PXY", "duration"),
        ("for a year", "past", None, "", "P1Y", "duration"),
        ("two and a half years", "present", None, "", "P2.5Y", "duration"),
        ("twice a year", "present", None, "", "P1Y", "set"),
        ("an extra month", "past", None, "", "P1M", "duration"),
        ("the remaining 10 days", "future", None, "", "P10D", "duration"),
        ("20 more years", "future", None, "", "P20Y", "duration"),
        ("3 or 4 weeks", "future", None, "", "PXW", "duration"),
        ("a half century", "past", None, "", "P50Y", "duration"),
        ("half an hour", "past", None, "", "PT30M", "duration"),
        ("months later", "past", None, "", "FUTURE_REF", "ref"),
        ("years earlier", "past", None, "", "PAST_REF", "ref"),
        # a date after words that are no part of it
        ("the worst year since 1931", "past", None, "", "1931", "date"),
        ("two months last year", "past", None, "", "2022", "date"),
        ("six hours on Monday", "past", None, "", "2023-11-06", "date"),
        ("since at least July 12", "past", None, "", "2023-07-12", "date"),
        # months without tense, day ranges, centuries and decades
        ("in May", None, None, "", "2023-05", "date"),  # six months either way: the past one
        ("June 13 to 17", "future", None, "", "2024-06-13/2024-06-17", "date"),
        ("the late 19th and", "past", None, " early 20th centuries", "18", "date"),
        ("18th-century", None, None, "", "17", "date"),
        ("the 2000's", "past", None, "", "200", "date"),
        ("by the century's end", "future", None, "", "20", "date"),
        # numbers that are no dates, ages
        ("on 0845", None, None, " 46 47", None, "none"),
        ("a quarter", "past", None, " of the land", None, "none"),
        ("the age of 85", "past", None, "", "P85Y", "age"),
        ("approximately 50,000 years old", "past", None, "", "P50000Y", "age"),
    ],
)
def test_normalise_news_conventions(text, tense, period, after, value, kind):
    res = normalise(text, WED, tense, after=after, period=period)
    assert (res.value, res.kind) == (value, kind), res.rule


@pytest.mark.parametrize("text", ["a new era", "just over a month", "the digital era"])
def test_normalise_no_reference_or_frequency_where_there_is_none(text):
    res = normalise(text, WED, "present")
    assert res.kind not in ("ref", "set"), res


def test_normalise_in_years_time_points_to_the_year():
    res = normalise("in three years' time", WED, "future")
    assert (res.value, res.kind, res.points_to) == ("P3Y", "duration", "2026")


def test_normalise_half_a_year_later_counts_six_months_from_the_previous_date():
    res = normalise("half a year later", WED, "past", anchor=dt.date(2023, 3, 1))
    assert (res.value, res.anchored) == ("2023-09", True)


JAN_SAT = dt.date(2009, 1, 10)  # a Saturday early in January


@pytest.mark.parametrize(
    ("text", "tense", "after", "value"),
    [
        # "the year", "the full year" told in the past tense in January: the year just ended
        ("the year", "past", "", "2008"),
        ("the year", "present", "", "2009"),
        ("full-year", "past", "", "2008"),
        ("by year-end", "future", "", "2009"),
        ("the end of year", "future", "", "2009"),
        ("first-half", "future", "", "2009-H1"),
        # periods named by the day they end on
        ("the week ended Friday", "past", "", "2009-W02"),
        ("the quarter ended Sept. 30", "past", "", "2008-Q3"),
        ("the year ended March 31", "past", "", "FY2008"),
        ("the year ending Dec. 31", "past", "", "2008"),
        # how much later, not when
        ("a year later", "future", " than planned", "P1Y"),
    ],
)
def test_normalise_year_end_and_periods_ended(text, tense, after, value):
    res = normalise(text, JAN_SAT, tense, after=after)
    assert res.value == value, res.rule


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("on the 25th of March 1957", "past", "1957-03-25"),  # the day is part of the date
        ("in a decade next week", "future", "2023-W46"),  # "its first concert in a decade next week"
    ],
)
def test_normalise_trailing_date_keeps_ordinal_days(text, tense, value):
    assert normalise(text, WED, tense).value == value


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("later this week", "future", "2021-W24"),  # told on Sunday 13 June 2021: the week from tomorrow
        ("this week", "future", "2021-W24"),
        ("earlier this week", "past", "2021-W23"),  # the week ending today
        ("this week", "past", "2021-W23"),
    ],
)
def test_normalise_this_week_told_on_a_sunday(text, tense, value):
    assert normalise(text, SUN, tense).value == value


@pytest.mark.parametrize(
    ("text", "tense", "anchor", "period", "before", "sentence", "value"),
    [
        # round 8 of dates_blind.yaml (market, auto-industry and airline reports), dates_conventions.md
        # the year so far: "year to date", "year-to-date" (sales), "this year alone"
        ("year to date", "present", None, None, "", "", "2023"),
        ("year-to-date", None, None, None, "", "", "2023"),
        ("this year alone", "past", None, None, "", "", "2023"),
        ("in March alone", "past", None, None, "", "", "2023-03"),
        # a quarter or half of a year named relatively with "'s"
        ("last year's fourth quarter", "past", None, None, "", "", "2022-Q4"),
        ("next year's first half", "future", None, None, "", "", "2024-H1"),
        ("the year's first quarter", "past", None, None, "", "", "2023-Q1"),
        ("the coming quarters", "future", None, None, "", "", "FUTURE_REF"),
        # "the prior/preceding N units": a duration like "the past N units"
        ("the prior three months", "past", None, None, "", "", "P3M"),
        ("the preceding two years", "past", None, None, "", "", "P2Y"),
        # "the previous quarter", "the year before": the period of their unit named before, even with a day
        # named since (the report's day); without one, the anchor day, else the reference date
        ("the previous quarter", "past", dt.date(2023, 11, 3), "2023-Q2", "", "", "2023-Q1"),
        ("the previous quarter", "past", None, None, "", "", "2023-Q3"),
        ("the year before", "past", dt.date(2023, 11, 6), "2021", "", "", "2020"),
        ("the previous month", "past", dt.date(2023, 11, 6), "2023-10", "", "", "2023-09"),
        ("the following month", "past", dt.date(2023, 3, 5), None, "", "", "2023-04"),
        # "the year", "the week" of the story with no such period named: that of the day named before
        ("the year", "past", dt.date(2022, 12, 30), None, "", "", "2022"),
        ("the week", "past", dt.date(2023, 11, 3), None, "", "", "2023-W44"),
        ("the year", "past", None, "2022", "", "", "2022"),
        # "so far in the quarter" is this quarter, "the quarter" told in the past otherwise the last one
        ("the quarter", "past", None, None, "had been profitable so far ", "", "2023-Q4"),
        ("the quarter", "past", None, None, "profit for ", "", "2023-Q3"),
        # a quarter without a year nor tense after a period named before: that period's year
        ("the first quarter", None, None, "2023-Q2", "", "", "2023-Q1"),
        ("the fourth quarter", None, None, None, "", "", "2023-Q4"),
        # one game word in a sentence about money is no game; two are
        ("the quarter", "past", None, None, "", "Shares rallied after the bank said it was profitable in the quarter.",
         "2023-Q3"),
        ("the second half", "past", None, None, "", "The striker scored twice in the second half to seal the victory.",
         None),
    ],
)
def test_normalise_market_report_phrases(text, tense, anchor, period, before, sentence, value):
    assert normalise(text, WED, tense, anchor=anchor, period=period, before=before, sentence=sentence).value == value


@pytest.mark.parametrize(
    ("text", "tense", "before", "sentence", "value"),
    [
        # a holiday of a named year, or of this/last/next (TIDES: the year named), told on a Wednesday in November
        ("the 2019 Christmas special", None, "", "", "2019-12-25"),
        ("Christmas 2016", None, "", "", "2016-12-25"),
        ("this Christmas", "future", "", "", "2023-12-25"),
        ("last Christmas", "past", "", "", "2022-12-25"),
        ("next Christmas", None, "", "", "2023-12-25"),
        ("the 2021 Easter", None, "", "", "2021-04-04"),
        ("Christmas Eve", "future", "", "", "2023-12-24"),
        # a holiday in apposition to the date it fell on: the date written out
        ("Good Friday, April 2, 2021", "past", "", "", "2021-04-02"),
        ("Boxing Day, Dec. 26, 2019", "past", "", "", "2019-12-26"),
        # a clock time with its day; a time zone is no month
        ("10 a.m. June 3", "future", "", "", "2024-06-03T10:00"),
        ("2:30 p.m. Nov. 14", "future", "", "", "2023-11-14T14:30"),
        ("7:45 a.m. EST", None, "", "", "XXXX-XX-XXT07:45"),
        # a year after a preposition is a date even after a title word ("won the prize for best film in 2011")
        ("in 2011", "past", "won the prize for best film ", "", "2011"),
        ("1917", "past", "the film ", "", None),
        # "today" in a clause of how things usually are: nowadays (PRESENT_REF); else the day
        ("today", "present", "", "Today, such chips are commonly used in cars.", "PRESENT_REF"),
        ("today", "present", "", "The museum is closed today.", "2023-11-08"),
        # days of a kind are days ("nine school days", "five court days")
        ("nine school days", "past", "", "", "P9D"),
        ("five court days", None, "", "", "P5D"),
        # vague amounts of time ago
        ("a fair amount of time ago", "past", "", "", "PAST_REF"),
        ("quite a while ago", "past", "", "", "PAST_REF"),
    ],
)
def test_normalise_holidays_clock_days_titles_and_nowadays(text, tense, before, sentence, value):
    assert normalise(text, WED, tense, before=before, sentence=sentence).value == value


@pytest.mark.parametrize(
    ("text", "period", "value"),
    [
        # a number of decades or centuries later, counted from the year named before ("built in 1962 … a decade later")
        ("a decade later", "1962", "1972"),
        ("two decades later", "1975", "1995"),
        ("a century later", "1815", "1915"),
    ],
)
def test_normalise_decades_later_from_the_year_named_before(text, period, value):
    assert normalise(text, WED, "past", period=period).value == value


@pytest.mark.parametrize(
    ("text", "reference", "tense", "value"),
    [
        # a day of the month without the month: the month the tense points to
        ("the 28th", dt.date(2013, 10, 2), "past", "2013-09-28"),
        ("on the 30th", dt.date(2013, 10, 2), "past", "2013-09-30"),
        ("the 5th", dt.date(2013, 10, 2), "future", "2013-10-05"),
        ("the 1st", dt.date(2013, 10, 2), None, "2013-10-01"),
        # "last <season>" told in that season is the one before; told after it, the one just over
        ("last fall", dt.date(2013, 10, 2), "past", "2012-FA"),
        ("last summer", dt.date(2013, 10, 2), "past", "2013-SU"),
        ("last winter", dt.date(2013, 1, 20), "past", "2011-WI"),
        ("next fall", dt.date(2013, 10, 2), "future", "2014-FA"),
    ],
)
def test_normalise_days_of_the_month_and_last_season(text, reference, tense, value):
    assert normalise(text, reference, tense).value == value


@pytest.mark.parametrize(
    ("text", "before", "value"),
    [
        # after a possessive a decade written with its century is a decade, a bare one an age
        ("1990s", "Its ", "199"),
        ("2000s", "their ", "200"),
        ("40s", "her ", None),
        ("twenties", "his ", None),
    ],
)
def test_normalise_decades_after_a_possessive(text, before, value):
    assert normalise(text, WED, "past", before=before).value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the modal the model takes into the entity for the month May: the amount after the verb
        ("may last months", "PXM"),
        ("may take years", "PXY"),
        ("may run for three weeks", "P3W"),
        # the month itself stays a month
        ("May", "2023-05"),
    ],
)
def test_normalise_modal_may_is_no_month(text, expected):
    assert normalise(text, WED, "past").value == expected
