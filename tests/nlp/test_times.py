"""Temporal expressions end to end: found with TimeML extents, resolved against the anchor.

Every case is a sentence we wrote, read with publication date Wednesday 17 March 2021
(ISO week 2021-W11) unless it says otherwise. One rule family per test function.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dateline
from dateline.config import load_config
from dateline.errors import PipelineError
from dateline.nlp.components import TIMES
from dateline.nlp.times import make_times, times_in
from dateline.pipeline import Pipeline

from ..conftest import FIXTURES

PUBLISHED = "2021-03-17"


def read(pipeline, text, published=PUBLISHED):
    return dateline.extract(text, published=published, clean=False, pipeline=pipeline)


def one(pipeline, text, expression, published=PUBLISHED):
    """The time record whose text is ``expression`` (exactly one must exist)."""
    doc = read(pipeline, text, published)
    found = [t for t in doc.times if t.evidence[0].text == expression]
    got = [(t.evidence[0].text, t.value) for t in doc.times]
    assert len(found) == 1, f"{expression!r} not found once in {got}"
    time = found[0]
    span = time.evidence[0]
    assert text[span.start : span.end] == span.text and span.caption is None
    assert time.id == f"t-{span.start}"
    return time


def check(pipeline, text, expression, type_, value, published=PUBLISHED):
    time = one(pipeline, text, expression, published)
    assert (time.type, time.value) == (type_, value)
    return time


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The truce began on August 28, 2017, officials said.", "August 28, 2017", "2017-08-28"),
        ("Talks resumed on 29 August 2017 in Geneva.", "29 August 2017", "2017-08-29"),
        ("Talks resumed on 29th August 2017 in Geneva.", "29th August 2017", "2017-08-29"),
        ("Fighting broke out on the 3rd of May 2019.", "the 3rd of May 2019", "2019-05-03"),
        ("The order is dated 2017-08-29 and signed.", "2017-08-29", "2017-08-29"),
        ("The decree, dated 09/10/2017, was read out.", "09/10/2017", "2017-09-10"),
        ("The decree, dated 25/10/2017, was read out.", "25/10/2017", "2017-10-25"),
        ("The convoy has been stalled since Aug. 29.", "Aug. 29", "2020-08-29"),
        ("The vote will take place on Sept. 5.", "Sept. 5", "2021-09-05"),
        ("Rebels seized the town on Monday, March 1.", "Monday, March 1", "2021-03-01"),
        ("The rally is set for May 2022 in the capital.", "May 2022", "2022-05"),
        ("A video released in May of 2015 showed him.", "May of 2015", "2015-05"),
        ("He was wounded in 2015 but survived.", "2015", "2015"),
        ("In 2016, the US offered a reward.", "2016", "2016"),
        ("In 1723, the colony passed a curfew law.", "1723", "1723"),
        ("the mass kidnapping took place on 30 december in the town", "30 december", "2020-12-30"),
        ("the four-day meeting began on 15 march at the tribunal.", "15 march", "2021-03-15"),
        ("The rebels must leave by March 20.", "March 20", "2021-03-20"),
        ("Police said the bomb exploded on March 20.", "March 20", "2021-03-20"),
    ],
)
def test_absolute_dates(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


def test_day_first_reads_numeric_dates_the_other_way():
    pipeline = Pipeline(load_config(overrides={"times": {"day_first": True}}))
    check(
        pipeline, "The decree, dated 09/10/2017, was read out.", "09/10/2017", "DATE", "2017-10-09"
    )


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("Elections were held in the 1990s.", "the 1990s", "199", None),
        ("Unrest spread in the early 1990s.", "the early 1990s", "199", "START"),
        ("Borders were drawn in the 20th century.", "the 20th century", "19", None),
        ("Prices fell in the third quarter of 2019.", "the third quarter of 2019", "2019-Q3", None),
        ("Output rose in the first half of 2020.", "the first half of 2020", "2020-H1", None),
        ("The dam was finished in mid-2015.", "mid-2015", "2015", "MID"),
        ("The army withdrew by late 2019.", "late 2019", "2019", "END"),
        ("The first convoys arrived in early March.", "early March", "2021-03", "START"),
        ("Spending cuts in fiscal 2020 hurt the army.", "fiscal 2020", "FY2020", None),
        ("The town was retaken in the summer of 2016.", "the summer of 2016", "2016-SU", None),
        ("The war began in March last year.", "March last year", "2020-03", None),
    ],
)
def test_periods_and_their_parts(pipeline, text, expression, value, mod):
    time = check(pipeline, text, expression, "DATE", value)
    assert time.mod == mod


@pytest.mark.parametrize(
    ("text", "expression", "earliest", "latest"),
    [
        ("The dam was finished in early 2015.", "early 2015", "2015-01-01", "2015-04-30"),
        ("The dam was finished in mid-2015.", "mid-2015", "2015-05-01", "2015-08-31"),
        ("The dam was finished in late 2015.", "late 2015", "2015-09-01", "2015-12-31"),
        (
            "The dam was finished in late August 2015.",
            "late August 2015",
            "2015-08-21",
            "2015-08-31",
        ),
    ],
)
def test_early_mid_and_late_narrow_the_range(pipeline, text, expression, earliest, latest):
    time = one(pipeline, text, expression)
    assert (time.earliest, time.latest) == (earliest, latest)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "A US military official said Thursday that the strikes went on.",
            "Thursday",
            "2021-03-11",
        ),
        ("The ministers will meet on Thursday in Vienna.", "Thursday", "2021-03-18"),
        ("Officials said Wednesday that the road was open.", "Wednesday", "2021-03-17"),
        # Said on a Wednesday, "will meet Wednesday" is that day: wire style names the day of
        # publication by its weekday too, and a week ahead would be "next Wednesday".
        ("The ministers will meet on Wednesday in Vienna.", "Wednesday", "2021-03-17"),
        ("The ministers will meet next Wednesday in Vienna.", "next Wednesday", "2021-03-24"),
        ("The council meets Friday to vote on the budget.", "Friday", "2021-03-19"),
        ("The council is expected to vote Friday.", "Friday", "2021-03-19"),
        ("Monday's attack killed four soldiers.", "Monday", "2021-03-15"),
        ("Police arrested him last Friday.", "last Friday", "2021-03-12"),
        ("The trial opens next Monday.", "next Monday", "2021-03-22"),
    ],
)
def test_weekdays_follow_the_tense_of_their_clause(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The convoy split in two last week.", "last week", "2021-W10"),
        ("Parliament will vote next month.", "next month", "2021-04"),
        ("Last year, his wife fled the country.", "Last year", "2020"),
        ("Troops arrived earlier this month.", "earlier this month", "2021-03"),
        ("The talks collapsed yesterday.", "yesterday", "2021-03-16"),
        ("The talks resume today.", "today", "2021-03-17"),
        ("The talks resume tomorrow.", "tomorrow", "2021-03-18"),
        ("Rebels attacked three years ago.", "three years ago", "2018"),
        ("Rebels attacked two weeks ago.", "two weeks ago", "2021-W09"),
        ("Rebels attacked five days ago.", "five days ago", "2021-03-12"),
        ("Rebels attacked about 18 months ago.", "about 18 months ago", "2019-09"),
        ("A rally is planned this weekend.", "this weekend", "2021-W11-WE"),
        ("Shelling went on over the weekend.", "the weekend", "2021-W10-WE"),
        ("The budget passed this past week.", "this past week", "2021-W10"),
        ("Fighting eased in the last quarter.", "the last quarter", "2020-Q4"),
        ("Riots shook the city at the end of the last century.", "the last century", "19"),
        # In the past tense "the quarter" is the one reported on, which has ended (TimeBank's
        # "net income rose in the quarter" of a late-October report is the third quarter).
        ("Exports fell in the quarter.", "the quarter", "2020-Q4"),
        ("Exports are rising in the quarter.", "the quarter", "2021-Q1"),
        ("The latest quarter was weak.", "The latest quarter", "2020-Q4"),
        ("Talks began in the year 2009.", "the year 2009", "2009"),
        ("Police raided the camp earlier Monday.", "earlier Monday", "2021-03-15"),
    ],
)
def test_periods_relative_to_the_publication_date(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


def test_late_last_year_is_the_end_of_last_year(pipeline):
    time = check(
        pipeline, "The ceasefire broke down late last year.", "late last year", "DATE", "2020"
    )
    assert time.mod == "END" and time.anchor == "published"


@pytest.mark.parametrize(
    ("text", "expression", "value", "published"),
    [
        ("He was sentenced this summer to 10 years.", "this summer", "2017-SU", "2017-09-09"),
        ("The camps flooded last summer.", "last summer", "2016-SU", "2017-09-09"),
        ("The camps flooded last summer.", "last summer", "2017-SU", "2017-12-15"),
        ("The offensive will resume next spring.", "next spring", "2018-SP", "2017-09-09"),
        ("Snow closed the pass this winter.", "this winter", "2017-WI", "2018-01-20"),
        ("Talks stalled in the autumn.", "the autumn", "2016-FA", "2017-03-01"),
        ("The Times reported in April that he had died.", "April", "2017-04", "2017-09-09"),
        ("In July, police killed four of his relatives.", "July", "2017-07", "2017-09-09"),
        ("Police killed four of his relatives in December.", "December", "2016-12", "2017-09-09"),
        ("Elections will be held in April.", "April", "2018-04", "2017-09-09"),
        ("Elections will be held in September.", "September", "2017-09", "2017-09-09"),
    ],
)
def test_seasons_and_months_without_a_year(pipeline, text, expression, value, published):
    check(pipeline, text, expression, "DATE", value, published)


def test_a_season_has_its_range(pipeline):
    time = one(pipeline, "He was sentenced this summer.", "this summer", "2017-09-09")
    assert (time.earliest, time.latest, time.precision) == ("2017-06-01", "2017-08-31", "season")


def test_last_week_is_an_iso_week(pipeline):
    time = one(pipeline, "The convoy split in two last week.", "last week", "2017-09-09")
    assert (time.value, time.earliest, time.latest) == ("2017-W35", "2017-08-28", "2017-09-03")
    assert time.precision == "week"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Gunmen attacked the post last night.", "last night", "2021-03-16TNI"),
        ("The minister spoke this morning.", "this morning", "2021-03-17TMO"),
        ("The strike hit late Tuesday night.", "late Tuesday night", "2021-03-16TNI"),
        ("The blast happened at 3 p.m. near the market.", "3 p.m.", "2021-03-17T15:00"),
        ("Voting ends at 10:30 a.m. local time.", "10:30 a.m. local time", "2021-03-17T10:30"),
        ("The blast happened at 3 p.m. Thursday.", "3 p.m. Thursday", "2021-03-11T15:00"),
        ("The blast happened at 3 p.m. on March 3.", "3 p.m.", "2021-03-03T15:00"),
        ("Polls close at noon.", "noon", "2021-03-17T12:00"),
        ("The curfew starts at 1400 GMT.", "1400 GMT", "2021-03-17T14:00"),
        ("Rebels attacked at 0715 near the bridge.", "0715", "2021-03-17T07:15"),
        ("They were freed on 15 March at 1800 in the hills.", "1800", "2021-03-15T18:00"),
        ("Voting opens tonight.", "tonight", "2021-03-17TNI"),
        ("The shelling began yesterday afternoon.", "yesterday afternoon", "2021-03-16TAF"),
    ],
)
def test_times_of_day(pipeline, text, expression, value):
    check(pipeline, text, expression, "TIME", value)


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("The war ended three years of fighting.", "three years", "P3Y", None),
        ("He was sentenced to 10 years in prison.", "10 years", "P10Y", None),
        ("Killings rose over the past three years.", "the past three years", "P3Y", None),
        ("Killings rose over the past week.", "the past week", "P1W", None),
        ("Prices will rise in the coming weeks.", "the coming weeks", "PXW", None),
        ("The siege lasted more than a decade.", "more than a decade", "P10Y", "MORE_THAN"),
        ("The talks lasted about two weeks.", "about two weeks", "P2W", "APPROX"),
        ("The talks lasted nearly two weeks.", "nearly two weeks", "P2W", "APPROX"),
        ("The talks lasted less than two weeks.", "less than two weeks", "P2W", "LESS_THAN"),
        ("The siege lasted several months.", "several months", "PXM", None),
        ("Attacks have risen in recent years.", "recent years", "PXY", None),
        ("The army imposed a 48-hour curfew.", "48-hour", "PT48H", None),
        ("He began a three-day visit.", "three-day", "P3D", None),
        ("The eight-hour flight left late.", "eight-hour", "PT8H", None),
        ("The two weeks of fighting ended.", "The two weeks", "P2W", None),
        ("The dispute has festered for years.", "years", "PXY", None),
        ("Decades of war left the town empty.", "Decades", "PXDE", None),
        ("The trial took a year and a half.", "a year and a half", "P18M", None),
        ("The meeting lasted half an hour.", "half an hour", "PT30M", None),
        ("The plan covers the next five years.", "the next five years", "P5Y", None),
        ("Workers held a month-long strike.", "month-long", "P1M", None),
        ("They waited 24 hours at the border.", "24 hours", "PT24H", None),
        ("He served a three-year term in parliament.", "a three-year term", "P3Y", None),
        ("Aid will flow over a two-year period.", "a two-year period", "P2Y", None),
    ],
)
def test_durations(pipeline, text, expression, value, mod):
    time = check(pipeline, text, expression, "DURATION", value)
    assert time.mod == mod


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        # TIMEX3 durations count in ISO 8601 units: a decade is ten years.
        ("The army has ruled for two decades.", "two decades", "DURATION", "P20Y"),
        ("The dynasty lasted three centuries.", "three centuries", "DURATION", "P300Y"),
        ("The port was shut for half a century.", "half a century", "DURATION", "P50Y"),
        # A duration in the possessive keeps its marker; "in N years' time" is one phrase.
        ("The bridge will reopen in two years' time.", "two years' time", "DURATION", "P2Y"),
        ("The minister took three months' leave.", "three months'", "DURATION", "P3M"),
        # One period picked out of a month or year is a date.
        (
            "Prices rose in the last week of February.",
            "the last week of February",
            "DATE",
            "2021-W08",
        ),
        ("The army left on the last day of 2020.", "the last day of 2020", "DATE", "2020-12-31"),
        (
            "The law takes effect on the first day of June.",
            "the first day of June",
            "DATE",
            "2021-06-01",
        ),
        # The end of a period is the period, mod END.
        (
            "The glacier may vanish by the end of the century.",
            "the end of the century",
            "DATE",
            "20",
        ),
        (
            "The camps will close by the end of the summer.",
            "the end of the summer",
            "DATE",
            "2021-SU",
        ),
        ("Polls closed at the end of the day.", "the end of the day", "DATE", "2021-03-17"),
        ("Profits fell at the end of the quarter.", "the end of the quarter", "DATE", "2020-Q4"),
        ("The town grew until the end of the 1990s.", "the end of the 1990s", "DATE", "199"),
        (
            "The loan is due at the end of the weekend.",
            "the end of the weekend",
            "DATE",
            "2021-W11-WE",
        ),
        (
            "The vote was held on Sunday, and on the day turnout was low.",
            "the day",
            "DATE",
            "2021-03-14",
        ),
        # An elapsed time written as a clock is a stretch of time.
        ("The winner crossed the line in 2:06:40.", "2:06:40", "DURATION", "PT2H6M40S"),
        ("The crossing took 4:12 hours.", "4:12 hours", "DURATION", "PT4H12M"),
    ],
)
def test_timex3_conventions_of_the_seventh_round(pipeline, text, expression, type_, value):
    check(pipeline, text, expression, type_, value)


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        ("A three-year-long drought hit the region.", "three-year-long", "DURATION", "P3Y"),
        ("On the last day of the talks, rebels walked out.", "the last day", "DATE", "2021-03-17"),
        (
            "Protesters marched on the first day of the strike.",
            "the first day",
            "DATE",
            "2021-03-17",
        ),
    ],
)
def test_a_modifier_or_an_edge_of_a_stretch(pipeline, text, expression, type_, value):
    check(pipeline, text, expression, type_, value)


def test_a_clock_time_in_hours_is_no_duration(pipeline):
    check(pipeline, "The convoy left at 10:30 hours.", "10:30", "TIME", "2021-03-17T10:30")


def test_each_season_takes_its_noun(pipeline):
    check(pipeline, "The camps fill up each winter season.", "each winter season", "SET", "XXXX-WI")


def test_a_piece_of_a_longer_hyphenated_word_is_no_duration(pipeline):
    assert read(pipeline, "The five-day-a-week curfew was lifted.").times == []


def test_a_clock_with_seconds_at_a_moment_stays_a_time(pipeline):
    doc = read(pipeline, "The blast came at 10:42:15 and the war was called the Six-Day War.")
    assert [(t.type, t.evidence[0].text) for t in doc.times if t.type == "DURATION"] == []


def test_an_anchored_duration_has_its_range(pipeline):
    time = one(pipeline, "Killings rose over the past three years.", "the past three years")
    assert (time.earliest, time.latest) == ("2018-03-17", "2021-03-17")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Protesters gather every Friday in the square.", "every Friday", "XXXX-WXX-5"),
        ("Thousands flee each year.", "each year", "P1Y"),
        ("Inspectors visit every two weeks.", "every two weeks", "P2W"),
        ("The envoys meet twice a week.", "twice a week", "P1W"),
        ("The committee meets weekly.", "weekly", "P1W"),
        ("Markets close on Fridays.", "Fridays", "XXXX-WXX-5"),
        ("The fund pays $3 million a year to the families.", "a year", "P1Y"),
    ],
)
def test_sets(pipeline, text, expression, value):
    check(pipeline, text, expression, "SET", value)


@pytest.mark.parametrize(
    ("text", "expression", "value", "earliest", "latest"),
    [
        ("The army recently moved north.", "recently", "PAST_REF", None, PUBLISHED),
        ("The town is now under curfew.", "now", "PRESENT_REF", PUBLISHED, PUBLISHED),
        ("Talks are currently stalled.", "currently", "PRESENT_REF", PUBLISHED, PUBLISHED),
        ("No talks are planned for the future.", "the future", "FUTURE_REF", PUBLISHED, None),
    ],
)
def test_vague_references_have_no_calendar_value(
    pipeline, text, expression, value, earliest, latest
):
    time = check(pipeline, text, expression, "DATE", value)
    assert (time.earliest, time.latest, time.precision) == (earliest, latest, "unknown")


@pytest.mark.parametrize(
    "text",
    [
        "He has a $3 million bounty on his head.",
        "His eldest son, 18-year-old Omar, was detained.",
        "The convoy initially consisted of 17 vehicles.",
        "About 300 militants were aboard the buses.",
        "The 17-vehicle convoy split in two.",
        "Officials said 2000 people had fled.",
        "They may travel to the border.",
        "Protesters march on the capital.",
        "Prime Minister Theresa May spoke to reporters.",
        "The fall of the city shocked the region.",
        "A second attack hit the market.",
        "The bus took Route 2071 to the coast.",
        "The future president spoke to reporters.",
        "The facilities that fall under the contract were inspected.",
        "Floods are common this time of year.",
        "The ruins are several centuries old.",
        "Police counted 1500 burned vehicles.",
    ],
)
def test_numbers_and_words_that_are_not_times(pipeline, text):
    assert read(pipeline, text).times == []


def test_range_written_with_words(pipeline):
    doc = read(pipeline, "The insurgency grew from 2014 to 2016 in the north.")
    first, last = doc.times
    assert [(t.evidence[0].text, t.value) for t in doc.times] == [
        ("2014", "2014"),
        ("2016", "2016"),
    ]
    assert first.range == last.range
    assert first.range is not None
    assert (first.range.earliest, first.range.latest) == ("2014-01-01", "2016-12-31")
    assert first.range.evidence[0].text == "from 2014 to 2016"


def test_range_between_months_takes_the_year_of_its_end(pipeline):
    doc = read(pipeline, "Fighting raged between March and May 2015 near the dam.")
    assert [(t.evidence[0].text, t.value) for t in doc.times] == [
        ("March", "2015-03"),
        ("May 2015", "2015-05"),
    ]
    assert doc.times[0].range is not None
    assert doc.times[0].range.latest == "2015-05-31"


def test_range_written_as_one(pipeline):
    doc = read(pipeline, "The talks ran Aug. 29-31, 2017 in Geneva.")
    assert [(t.evidence[0].text, t.value) for t in doc.times] == [
        ("Aug. 29", "2017-08-29"),
        ("31, 2017", "2017-08-31"),
    ]


def test_clock_range_shares_am_pm(pipeline):
    doc = read(pipeline, "The clinic opens 9-11 a.m. on weekdays.")
    assert [t.value for t in doc.times][:2] == ["2021-03-17T09:00", "2021-03-17T11:00"]


def test_anaphoric_dates_count_from_the_date_mentioned_before(pipeline):
    text = "The attack happened on March 3. The next day, troops arrived. Two days later they left."
    doc = read(pipeline, text)
    values = {t.evidence[0].text: (t.value, t.anchor) for t in doc.times}
    assert values["The next day"] == ("2021-03-04", "mention")
    assert values["Two days later"] == ("2021-03-06", "mention")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Rebels attacked on March 3. Later in the day, troops arrived.", "the day", "2021-03-03"),
        ("Prices rose earlier in the year.", "the year", "2021"),
        ("Talks failed this time, the envoy said.", "this time", "PRESENT_REF"),
    ],
)
def test_the_period_in_question(pipeline, text, expression, value):
    assert one(pipeline, text, expression).value == value


def test_the_day_of_an_event_is_not_a_date(pipeline):
    doc = read(pipeline, "He recalled the day the war began, and in the day of reckoning.")
    assert doc.times == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("A US military official said Thursday.", "Thursday", "XXXX-WXX-4"),
        ("In February last year, the talks failed.", "February last year", "XXXX-02"),
        ("The convoy split in two last week.", "last week", "DCT-P1W"),
        ("The Times reported in April that he died.", "April", "XXXX-04"),
        ("Rebels attacked three years ago.", "three years ago", "DCT-P3Y"),
        ("He was wounded in 2015.", "2015", "2015"),
    ],
)
def test_without_an_anchor_relative_values_stay_relative(pipeline, text, expression, value):
    time = check(pipeline, text, expression, "DATE", value, None)
    assert time.anchor is None
    if value != "2015":
        assert (time.earliest, time.latest) == (None, None)


def test_a_dateline_date_is_the_anchor_without_a_publication_date(pipeline):
    text = "BEIRUT, Sept. 7, 2017 (AP) — Officials said Wednesday that the road had reopened."
    time = one(pipeline, text, "Wednesday", None)
    assert (time.value, time.anchor) == ("2017-09-06", "dateline")


def test_the_publication_date_wins_over_the_dateline(pipeline):
    text = "BEIRUT, Sept. 7, 2017 (AP) — Officials said Wednesday that the road had reopened."
    time = one(pipeline, text, "Wednesday", "2017-09-09")
    assert (time.value, time.anchor) == ("2017-09-06", "published")


def test_the_component_writes_its_span_group(pipeline):
    doc = read(pipeline, "Troops left on Monday and returned in May 2015.")
    assert [(s.text, s.label_) for s in doc.sdoc.spans[TIMES]] == [
        ("Monday", "DATE"),
        ("May 2015", "DATE"),
    ]


def test_times_in_gives_the_times_of_a_stretch(pipeline):
    text = "Troops left on Monday. They returned in May 2015."
    doc = read(pipeline, text)
    second = text.index("They")
    assert [t.evidence[0].text for t in times_in(doc, second, len(text))] == ["May 2015"]
    assert [t.evidence[0].text for t in times_in(doc, 0, second)] == ["Monday"]


def test_times_stage_needs_its_component():
    config = load_config(overrides={"parse": {"components": ["dateline_places"]}})
    with pytest.raises(PipelineError, match="dateline_times"):
        make_times(config)


FIXTURE = FIXTURES / "times" / "harbour_talks.txt"
# Every expression of the fixture article (published 06 October 2022, a Thursday), in order:
# (text, caption, type, value, anchor).
FIXTURE_TIMES = [
    ("Wednesday", None, "DATE", "2022-10-05", "published"),
    ("Thursday", None, "DATE", "2022-10-06", "published"),
    ("late August", None, "DATE", "2022-08", "published"),
    ("March 2019", None, "DATE", "2019-03", None),
    ("more than three years", None, "DURATION", "P3Y", None),
    ("last month", None, "DATE", "2022-09", "published"),
    ("the first half of 2022", None, "DATE", "2022-H1", None),
    ("April", None, "DATE", "2022-04", "published"),
    ("June", None, "DATE", "2022-06", "published"),
    ("Monday", None, "DATE", "2022-10-10", "published"),
    ("the end of the year", None, "DATE", "2022", "published"),
    ("24-hour", None, "DURATION", "PT24H", None),
    ("Sept. 12", None, "DATE", "2022-09-12", "published"),
    ("two days later", None, "DATE", "2022-09-14", "mention"),
    ("every day", None, "SET", "P1D", None),
    ("6 a.m.", None, "TIME", "2022-09-15T06:00", "published"),
    ("Sept. 15", None, "DATE", "2022-09-15", "published"),
    ("recent weeks", None, "DURATION", "PXW", None),
    ("years", None, "DURATION", "PXY", None),
    ("Now", None, "DATE", "PRESENT_REF", "published"),
    ("the 1990s", None, "DATE", "199", None),
    ("July 2021", None, "DATE", "2021-07", None),
    ("eleven days", None, "DURATION", "P11D", None),
    ("October 3, 2022", 0, "DATE", "2022-10-03", None),
]


def test_every_expression_of_a_wire_report(pipeline, validate):
    doc = dateline.extract(FIXTURE.read_text("utf-8"), pipeline=pipeline)
    assert doc.meta.published == "2022-10-06"
    got = [
        (t.evidence[0].text, t.evidence[0].caption, t.type, t.value, t.anchor) for t in doc.times
    ]
    assert got == FIXTURE_TIMES
    validate(doc.to_dict())


def test_a_caption_date_points_into_the_caption(pipeline):
    doc = dateline.extract(FIXTURE.read_text("utf-8"), pipeline=pipeline)
    caption = [t for t in doc.times if t.evidence[0].caption == 0]
    assert [t.id for t in caption] == ["t-c0-70"]
    span = caption[0].evidence[0]
    assert doc.meta.captions[0].text[span.start : span.end] == "October 3, 2022"
    assert times_in(doc, 0, len(doc.text)) == [t for t in doc.times if t not in caption]


def test_the_two_ends_of_a_range_share_it_in_the_report(pipeline):
    doc = dateline.extract(FIXTURE.read_text("utf-8"), pipeline=pipeline)
    april, june = (t for t in doc.times if t.evidence[0].text in ("April", "June"))
    assert april.range == june.range
    assert april.range is not None
    assert (april.range.earliest, april.range.latest) == ("2022-04-01", "2022-06-30")
    assert april.range.evidence[0].text == "between April and June"


WIRE_TIME_WORDS = st.sampled_from(
    [
        "Police",
        "said",
        "on",
        "Thursday",
        "in",
        "May",
        "2015",
        "last",
        "week",
        "the",
        "past",
        "three",
        "years",
        "ago",
        "18-year-old",
        "$3",
        "million",
        "17",
        "vehicles",
        "early",
        "late",
        "mid-2015",
        "between",
        "and",
        "from",
        "to",
        "Aug.",
        "29",
        ",",
        ".",
        "\n",
        "\n\n",
        "3",
        "p.m.",
        "every",
        "Friday",
        "recently",
        "now",
        "(AFP)",
        "—",
        "this",
        "summer",
        "09/09/2017",
        "2014-2016",
        "will",
        "meet",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.one_of(st.text(max_size=200), st.lists(WIRE_TIME_WORDS, max_size=40).map(" ".join)),
    published=st.one_of(st.none(), st.dates().map(str)),
)
def test_any_text_gives_times_whose_evidence_indexes_it(pipeline, text, published):
    try:
        doc = dateline.extract(text, published=published, clean=False, pipeline=pipeline)
    except dateline.InputError:
        return
    for time in doc.times:
        for span in time.evidence:
            assert doc.text[span.start : span.end] == span.text
        if time.earliest and time.latest:
            assert time.earliest <= time.latest


# ---- second round: holidays, parts of day, direction, anaphora ------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value", "published"),
    [
        ("The truce is meant to hold through Easter.", "Easter", "2021-04-04", PUBLISHED),
        ("Pilgrims will gather on Good Friday.", "Good Friday", "2021-04-02", PUBLISHED),
        ("Shops reopened after Orthodox Easter.", "Orthodox Easter", "2020-04-19", PUBLISHED),
        ("Prisoners will be pardoned on Eid al-Adha.", "Eid al-Adha", "2021-07-20", PUBLISHED),
        ("Pilgrims gathered for Eid al-Adha.", "Eid al-Adha", "2017-09-01", "2017-09-09"),
        ("Fighters will pause for Eid.", "Eid", "2021-05-13", PUBLISHED),
        ("The offensive began on Yom Kippur.", "Yom Kippur", "2020-09-28", PUBLISHED),
        ("Police will be on alert over Passover.", "Passover", "2021-03-28", PUBLISHED),
        ("The bombing came days before Nowruz.", "Nowruz", "2021-03-21", PUBLISHED),
        ("The airport was busy before Thanksgiving.", "Thanksgiving", "2020-11-26", PUBLISHED),
        ("Schools reopened after Labor Day.", "Labor Day", "2017-09-04", "2017-09-09"),
        ("The attack came during Ramadan last year.", "Ramadan last year", "2020", PUBLISHED),
        ("Talks began at Easter 2019.", "Easter 2019", "2019-04-21", PUBLISHED),
    ],
)
def test_holidays_whose_day_moves(pipeline, text, expression, value, published):
    check(pipeline, text, expression, "DATE", value, published)


def test_ramadan_is_the_whole_month_of_the_islamic_calendar(pipeline):
    time = one(pipeline, "The rebels offered a truce for Ramadan.", "Ramadan")
    assert (time.value, time.earliest, time.latest) == ("2021", "2021-04-13", "2021-05-12")
    assert time.precision == "month"


def test_a_moving_holiday_without_an_anchor_has_no_day(pipeline):
    time = check(pipeline, "The truce held through Easter.", "Easter", "DATE", "XXXX-XX-XX", None)
    assert (time.earliest, time.latest) == (None, None)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The raid began at dawn, residents said.", "dawn", "2021-03-17TMO"),
        ("Troops withdrew at dusk.", "dusk", "2021-03-17TEV"),
        ("The raid began before dawn Tuesday.", "dawn Tuesday", "2021-03-16TMO"),
        ("The raid began at dawn on Monday.", "dawn", "2021-03-15TMO"),
        ("Fighting continued overnight, witnesses said.", "overnight", "2021-03-16TNI"),
        ("The bombs went off in the morning, police said.", "the morning", "2021-03-17TMO"),
        ("Offices were bombed on the night of Feb. 15.", "the night of Feb. 15", "2021-02-15TNI"),
        (
            "Gunfire was heard in the early hours of Sunday.",
            "the early hours of Sunday",
            "2021-03-14TNI",
        ),
        ("The ship sank at about 4:15 a.m.", "about 4:15 a.m.", "2021-03-17T04:15"),
        ("The fire burned until mid-afternoon.", "mid-afternoon", "2021-03-17TAF"),
    ],
)
def test_parts_of_day_on_their_own(pipeline, text, expression, value):
    check(pipeline, text, expression, "TIME", value)


def test_the_morning_is_of_the_day_mentioned_before(pipeline):
    text = "The market was attacked on Saturday. In the afternoon, police cordoned off the square."
    time = one(pipeline, text, "the afternoon")
    assert (time.type, time.value, time.anchor) == ("TIME", "2021-03-13TAF", "mention")


@pytest.mark.parametrize(
    "text",
    [
        "The museum stands on Sunset Boulevard.",
        "Police imposed a dusk-to-dawn curfew.",
        "The group is known as the 23 March Movement.",
        "He was held in cell 1812 for questioning.",
        "He recalled the day the war began.",
    ],
)
def test_names_and_modifiers_that_are_not_times(pipeline, text):
    assert [t.evidence[0].text for t in read(pipeline, text).times] == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The hostages were held for two to three weeks.", "three weeks", "P3W"),
        ("He faces five to seven years in prison.", "seven years", "P7Y"),
        ("He faces five to seven years in prison.", "five", "P5Y"),
        ("The drought has lasted three consecutive years.", "three consecutive years", "P3Y"),
        ("The bombing came days before the vote.", "days", "PXD"),
        ("Aid will be needed in the months ahead.", "the months ahead", "PXM"),
    ],
)
def test_more_durations(pipeline, text, expression, value):
    check(pipeline, text, expression, "DURATION", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Militants attack the road every few days.", "every few days", "PXD"),
        ("The patrols run every night.", "every night", "XXXX-XX-XXTNI"),
    ],
)
def test_more_sets(pipeline, text, expression, value):
    check(pipeline, text, expression, "SET", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The law dates from nineteen ninety-five.", "nineteen ninety-five", "1995"),
        ("He left the country in two thousand and three.", "two thousand and three", "2003"),
        ("Further strikes are expected later in the week.", "the week", "2021-W11"),
        ("The ministry said earlier in the month that 40 people had died.", "the month", "2021-03"),
        ("No changes are planned in future.", "future", "FUTURE_REF"),
        ("The region is calm at the moment.", "the moment", "PRESENT_REF"),
        ("The famine of 1984 killed thousands of cattle.", "1984", "1984"),
    ],
)
def test_years_in_words_and_periods_in_question(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # "since" looks back whatever the tense.
        ("The road is closed since Thursday.", "Thursday", "2021-03-11"),
        # "postponed to", "adjourned until" look ahead whatever the tense.
        ("The talks were postponed to May.", "May", "2021-05"),
        ("The hearing was adjourned to June 8.", "June 8", "2021-06-08"),
        # "are due", "are planned": what is announced lies ahead.
        ("Elections are due on 24 October, the commission said.", "24 October", "2021-10-24"),
        ("Elections are planned for January.", "January", "2022-01"),
        # "this Monday" is of this week unless the clause looks the other way.
        ("Two soldiers were killed this Monday near the border.", "this Monday", "2021-03-15"),
        ("The trial opens this Monday.", "this Monday", "2021-03-22"),
        # "this winter" said in March of the winter just ended.
        ("Snow cut off the valley this winter.", "this winter", "2020-WI"),
        ("The curfew remains in force until Saturday.", "Saturday", "2021-03-20"),
        ("The curfew was in force until Saturday.", "Saturday", "2021-03-13"),
    ],
)
def test_direction_from_signals_and_tense(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


def test_a_range_ends_after_it_starts(pipeline):
    doc = read(pipeline, "The exhibition runs from Monday to Friday.")
    assert [(t.evidence[0].text, t.value) for t in doc.times] == [
        ("Monday", "2021-03-22"),
        ("Friday", "2021-03-26"),
    ]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Profit rose in 2012 from the previous year.", "the previous year", "2011"),
        ("The company was founded in 1990. Two years later it failed.", "Two years later", "1992"),
        (
            "Profit in the first quarter rose from $900 million a year earlier.",
            "a year earlier",
            "2020-Q1",
        ),
        (
            "The tanker left on March 5. A drone hit it the day before.",
            "the day before",
            "2021-03-04",
        ),
    ],
)
def test_anaphora_count_from_the_period_mentioned_before(pipeline, text, expression, value):
    time = check(pipeline, text, expression, "DATE", value)
    assert time.anchor == "mention"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # The day after a past reporting verb is the day of the saying, even where the parser
        # hangs it on the reported clause ("would recover").
        ("Officials said Monday the economy would recover by 2023.", "Monday", "2021-03-15"),
        ("The minister announced Tuesday that polls will open in May.", "Tuesday", "2021-03-16"),
        ("The company will say Monday whether it cuts jobs.", "Monday", "2021-03-22"),
    ],
)
def test_the_day_of_a_past_saying(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # "last" after an auxiliary or "to" is the verb, outside the expression.
        ("The strike will last 48 hours.", "48 hours", "PT48H"),
        ("The trial is expected to last several weeks.", "several weeks", "PXW"),
        ("Talks could last two days.", "two days", "P2D"),
        ("Prices rose over the last 48 hours.", "the last 48 hours", "PT48H"),
    ],
)
def test_last_as_a_verb_stays_out(pipeline, text, expression, value):
    check(pipeline, text, expression, "DURATION", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The carmaker reported a third-quarter loss.", "third-quarter", "2020-Q3"),
        ("First-quarter results will be released in April.", "First-quarter", "2021-Q1"),
        ("Revenue in the second half should improve.", "the second half", "2021-H2"),
        ("First-half profit rose 10 percent.", "First-half", "2021-H1"),
    ],
)
def test_quarters_and_halves_as_adjectives_and_alone(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        "The team scored twice in the second half of the match.",
        "Sales rose 5 percent from the year-earlier period.",
        "Output matched year-ago levels.",
    ],
)
def test_halves_of_games_and_year_earlier_comparisons_are_no_calendar_dates(pipeline, text):
    assert [t.value for t in read(pipeline, text).times] == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # Told in the past, "the end of the month" is that of the month mentioned before;
        # looking ahead, or with nothing before, it is the anchor's.
        (
            "Fighting resumed in January 2020. By the end of the month, 200 people were dead.",
            "the end of the month",
            "2020-01",
        ),
        (
            "Rebels took the town on Aug. 3, 2011. By the end of the year they held the coast.",
            "the end of the year",
            "2011",
        ),
        (
            "The war began in 2003. Troops will leave by the end of the year.",
            "the end of the year",
            "2021",
        ),
        ("He will step down at the end of the month.", "the end of the month", "2021-03"),
    ],
)
def test_the_end_of_the_period_in_question(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # An attempt told in the past happened: "tried to" looks back, "plan to" ahead.
        (
            "Three men tried to plant a bomb by the road Friday night.",
            "Friday night",
            "2021-03-12TNI",
        ),
        ("Police sought to question him Monday, officials said.", "Monday", "2021-03-15"),
        ("Police will seek to question him Monday.", "Monday", "2021-03-22"),
        ("The rebels plan to attack the town Friday night.", "Friday night", "2021-03-19TNI"),
    ],
)
def test_an_attempt_told_in_the_past_looks_back(pipeline, text, expression, value):
    assert one(pipeline, text, expression).value == value


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        # A bare plural before "later" or "earlier" is a stretch of unknown length; the signal
        # word stays out, as with "days before the vote".
        ("Years later, the families were still waiting.", "Years", "DURATION", "PXY"),
        (
            "The town was rebuilt, but decades later the scars remain.",
            "decades",
            "DURATION",
            "PXDE",
        ),
        # Business wires' short forms of quarters, and a quarter of a year named relatively.
        # (told in March: the third quarter it lost money in is last year's)
        ("The firm lost money in Q3 and expects a profit in Q4.", "Q3", "DATE", "2020-Q3"),
        ("The firm lost money in Q3 and expects a profit in Q4.", "Q4", "DATE", "2021-Q4"),
        ("Sales in Q2 2015 were flat.", "Q2 2015", "DATE", "2015-Q2"),
        (
            "The index fell in this year's first quarter.",
            "this year's first quarter",
            "DATE",
            "2021-Q1",
        ),
        ("Profit rose in last year's second half.", "last year's second half", "DATE", "2020-H2"),
        # A time zone written after the clock time stays inside it.
        ("The road reopened at 7 a.m. CT today.", "7 a.m. CT today", "TIME", "2021-03-17T07:00"),
    ],
)
def test_years_later_quarter_codes_and_zones(pipeline, text, expression, type_, value):
    check(pipeline, text, expression, type_, value)


@pytest.mark.parametrize("text", ["The Q400 aircraft was grounded.", "Turnout was 7 a.m.-ish."])
def test_codes_that_are_no_quarters(pipeline, text):
    assert [t.evidence[0].text for t in read(pipeline, text).times if "Q" in t.value] == []


def test_another_counts_one_more_unit(pipeline):
    text = "The search will go on for at least another week."
    time = check(pipeline, text, "at least another week", "DURATION", "P1W")
    assert time.mod == "EQUAL_OR_MORE"


def test_a_parse_without_a_verb_at_its_root_takes_the_tense_of_its_first_verb(pipeline):
    # The parser takes "extradited" for an adjective here; its tense still says the past.
    text = "On 6 September, President Juan Ortega Lima extradited economist Ana Ruiz to Madrid."
    assert one(pipeline, text, "6 September").value == "2020-09-06"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Profit rose in FY2017, the company said.", "FY2017", "FY2017"),
        ("The forecast for FY 17 is weak.", "FY 17", "FY2017"),
        # A year after a possessive is a year, not a count of what follows it.
        ("The company's 2015 results were strong.", "2015", "2015"),
    ],
)
def test_fiscal_codes_and_years_after_a_possessive(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


def test_a_count_after_a_possessive_is_still_a_count(pipeline):
    assert read(pipeline, "The army's 1500 soldiers left the town.").times == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # A passive of agreeing or promising tells what was done; of scheduling, what lies ahead.
        (
            "The ceasefire was agreed in the early hours of Wednesday.",
            "the early hours of Wednesday",
            "2021-03-17TNI",
        ),
        ("The ceasefire was agreed on Tuesday morning.", "Tuesday morning", "2021-03-16TMO"),
        ("The vote was scheduled for Friday.", "Friday", "2021-03-19"),
        # "year-end", "month-end": the end of the anchor's period; "a week from today".
        ("The ministry will publish the list by year-end.", "year-end", "2021"),
        ("Shares rose ahead of month-end.", "month-end", "2021-03"),
        ("The results are due a week from today.", "a week from today", "2021-W12"),
    ],
)
def test_agreed_passives_period_ends_and_from_today(pipeline, text, expression, value):
    assert one(pipeline, text, expression).value == value


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        (
            "Profit fell in the October-December quarter.",
            "the October-December quarter",
            "DATE",
            "2020-Q4",
        ),
        (
            "The airline expects a loss in the April-June quarter.",
            "the April-June quarter",
            "DATE",
            "2021-Q2",
        ),
        ("Revenue rose in the 2019 fiscal year.", "the 2019 fiscal year", "DATE", "FY2019"),
        ("The war could last two to three years.", "two", "DURATION", "P2Y"),
        ("The war could last two to three years.", "three years", "DURATION", "P3Y"),
        ("The council holds weekly talks with the rebels.", "weekly", "SET", "P1W"),
        ("The border was drawn in the last century.", "the last century", "DATE", "19"),
    ],
)
def test_business_periods_ranges_and_frequencies(pipeline, text, expression, type_, value):
    check(pipeline, text, expression, type_, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The parser reads "votes" as a plural noun; the sentence has no other verb.
        ("The Senate votes Friday on the spending bill.", "2021-03-19"),
        ("The Senate voted Friday on the spending bill.", "2021-03-12"),
    ],
)
def test_a_verb_read_as_a_noun_still_schedules(pipeline, text, value):
    check(pipeline, text, "Friday", "DATE", value)


def test_the_weekly_paper_is_a_name_not_a_set(pipeline):
    doc = read(pipeline, "The editor of the Weekly Standard resigned.")
    assert [t.evidence[0].text for t in doc.times] == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Security was tightened after the Sept. 11 attacks.", "Sept. 11", "2001-09-11"),
        ("Since 9/11, the agency has grown tenfold.", "9/11", "2001-09-11"),
        # A written date that names no event is the one the clause means.
        ("The plane was hit on Sept. 11 by a missile.", "Sept. 11", "2020-09-11"),
        ("Stocks fell on 9/11/2019.", "9/11/2019", "2019-09-11"),
    ],
)
def test_an_event_named_by_its_day_keeps_its_year(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        ("A curfew from 2200 to 0500 was imposed.", "2200", "TIME", "2021-03-17T22:00"),
        # The end of a stretch that runs past midnight is on the next day (dev part 12).
        ("A curfew from 2200 to 0500 was imposed.", "0500", "TIME", "2021-03-18T05:00"),
        ("He was a correspondent from 1998 to 2003.", "1998", "DATE", "1998"),
        ("Prices rose for most of the year.", "the year", "DATE", "2021"),
        ("Sales for the full year rose 2 percent.", "the full year", "DATE", "2020"),
        ("Sales for the full year will rise 2 percent.", "the full year", "DATE", "2021"),
    ],
)
def test_clock_ranges_and_the_year_in_question(pipeline, text, expression, type_, value):
    check(pipeline, text, expression, type_, value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The deal could be extended for another two years.", "another two years", "P2Y"),
        ("The mandate was extended by a further six months.", "a further six months", "P6M"),
        ("The rebels held out for another week.", "another week", "P1W"),
    ],
)
def test_another_stretch_keeps_its_modifier(pipeline, text, expression, value):
    time = check(pipeline, text, expression, "DURATION", value)
    assert time.mod is None  # "another" carries no TIMEX3 mod


@pytest.mark.parametrize(
    "text",
    [
        "The group has about 1000 fighters.",
        "He lives at 1600 Pennsylvania Avenue.",
    ],
)
def test_a_four_digit_number_before_its_noun_is_no_clock_time(pipeline, text):
    assert [t.evidence[0].text for t in read(pipeline, text).times] == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The ship docked at about 1400 hours.", "about 1400 hours", "2021-03-17T14:00"),
        ("Troops moved in at 2300 Monday.", "2300", "2021-03-15T23:00"),
        ("The curfew begins at 1800 local time.", "1800 local time", "2021-03-17T18:00"),
    ],
)
def test_four_digit_clock_times(pipeline, text, expression, value):
    check(pipeline, text, expression, "TIME", value)


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        # Told in the past, "the next year" is the year after the one in question.
        (
            "The election was held in 2008. The next year, protests broke out.",
            "The next year",
            "DATE",
            "2009",
        ),
        ("Prices will rise over the next year.", "the next year", "DURATION", "P1Y"),
        ("The next year will be difficult, the minister said.", "The next year", "DURATION", "P1Y"),
        (
            "The siege began in the summer of 2016 and ended that December.",
            "that December",
            "DATE",
            "2016-12",
        ),
        (
            "The rebels pulled out in March 2019. That same month, the army moved in.",
            "That same month",
            "DATE",
            "2019-03",
        ),
    ],
)
def test_the_next_and_that_period_of_a_narrative(pipeline, text, expression, type_, value):
    check(pipeline, text, expression, type_, value)


def test_late_into_the_night_is_the_night_in_question(pipeline):
    check(pipeline, "Negotiators worked late into the night.", "the night", "TIME", "2021-03-17TNI")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A plan told in the past: the day is the one gone by (the default of no direction).
        ("Inspectors were due to visit the site on Friday but were held up.", "2021-03-12"),
        ("The two sides had planned to meet Friday.", "2021-03-12"),
        # Told in the present, or backshifted inside a past saying, it looks ahead.
        ("The envoy is expected to arrive Friday.", "2021-03-19"),
        ("Officials said the minister was scheduled to visit Kabul on Friday.", "2021-03-19"),
    ],
)
def test_a_plan_told_in_the_past(pipeline, text, value):
    check(pipeline, text, "Friday", "DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        # Without a publication date a day and month take the year of the day last named.
        (
            "The men met on June 3, 1998, and again on June 9 to sign the lease.",
            "June 9",
            "DATE",
            "1998-06-09",
        ),
        (
            "On June 3, 1998, the clerk took an order at 6 p.m. and closed the shop.",
            "6 p.m.",
            "TIME",
            "1998-06-03T18:00",
        ),
        ("Talks resumed at 4 p.m. in the capital.", "4 p.m.", "TIME", "XXXX-XX-XXT16:00"),
        ("The truce was signed on June 9 in the capital.", "June 9", "DATE", "XXXX-06-09"),
    ],
)
def test_without_an_anchor_the_text_names_the_year(pipeline, text, expression, type_, value):
    check(pipeline, text, expression, type_, value, published=None)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("He checked in on March 4 and stayed until the 9th.", "the 9th", "2021-03-09"),
        ("A call was made from the room on the 2nd.", "the 2nd", "2021-03-02"),
        ("The vote will be held on the 21st, officials said.", "the 21st", "2021-03-21"),
        ("The ballots were counted on the 28th.", "the 28th", "2021-02-28"),
    ],
)
def test_a_day_of_the_month_alone(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers reached the 17th floor of the tower.",
        "Five people died in an attack on the Christmas market in the old town.",
        "Children painted Easter eggs in the square.",
    ],
)
def test_an_ordinal_or_holiday_naming_a_thing_is_no_date(pipeline, text):
    assert read(pipeline, text).times == []


def test_a_holiday_before_a_time_word_stays_a_date(pipeline):
    check(
        pipeline,
        "Shops closed on Christmas Eve in the capital.",
        "Christmas Eve",
        "DATE",
        "2020-12-24",
    )


def test_a_clock_time_inside_a_later_paragraph_keeps_the_day_named(pipeline):
    text = "A bomb went off in the market on Friday.\nIt was left near a busy corner at 5.30 p.m. local time."
    time = one(pipeline, text, "5.30 p.m. local time")
    assert time.value == "2021-03-12T17:30"


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        ("She hopes to one day return to her village.", "one day", "DATE", "FUTURE_REF"),
        ("Peace will come if one day both sides talk.", "one day", "DATE", "FUTURE_REF"),
        ("He was sentenced to one day in jail.", "one day", "DURATION", "P1D"),
        ("The strike lasted one day.", "one day", "DURATION", "P1D"),
    ],
)
def test_one_day_to_come_is_no_stretch(pipeline, text, expression, type_, value):
    check(pipeline, text, expression, type_, value)


def test_a_clock_time_modifying_a_noun_takes_the_day_its_sentence_names(pipeline):
    text = "The show opened on May 1. A 2 p.m. performance will take place May 3, organisers said."
    check(pipeline, text, "2 p.m.", "TIME", "2021-05-03T14:00")


def test_a_holiday_read_as_a_name_with_its_article_is_still_found(pipeline):
    text = "Crashes rose during the St. Patrick's Day holiday, police said."
    check(pipeline, text, "St. Patrick's Day", "DATE", "2021-03-17")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The credit, on 2009 taxes filed in 2010, is for 10 percent.", ["2009", "2010"]),
        ("Police arrested 2009 people in the crackdown.", []),
    ],
)
def test_a_year_before_a_noun_it_dates(pipeline, text, found):
    assert [t.evidence[0].text for t in read(pipeline, text).times] == found


def test_a_clock_time_in_another_zone_may_fall_on_the_next_day(pipeline):
    text = "The first explosions began at 2330 (0530 GMT) and went on until dawn."
    check(pipeline, text, "0530 GMT", "TIME", "2021-03-18T05:30")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rebels lost the town in March 2019. In April, gunmen killed two elders.", "2019-04"),
        ("On March 16, 2009, the council met. The city holds elections in April.", "XXXX-04"),
    ],
)
def test_without_an_anchor_a_month_told_in_the_past_takes_the_year_named(pipeline, text, value):
    check(pipeline, text, "April", "DATE", value, published=None)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "Gunmen attacked the post at 0315 this morning, the army said.",
            "0315 this morning",
            "2021-03-17T03:15",
        ),
        (
            "As of 0500 GMT today, police had no word of casualties.",
            "0500 GMT today",
            "2021-03-17T05:00",
        ),
        ("Rebels shelled the garrison at 2330 last night.", "2330 last night", "2021-03-16T23:30"),
        (
            "The first bomb went off at 10 p.m. last night.",
            "10 p.m. last night",
            "2021-03-16T22:00",
        ),
    ],
)
def test_a_clock_time_and_its_day_word_are_one_time(pipeline, text, expression, value):
    check(pipeline, text, expression, "TIME", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The figures for January show a rise in kidnappings.", "January", "2021-01"),
        ("An analysis of the February violence points to a slight fall.", "February", "2021-02"),
        ("The new mayor takes office in January.", "January", "2022-01"),
    ],
)
def test_a_month_qualifying_a_noun_is_not_announced(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        "The Bloody Friday bombings shocked the city.",
        "Members of Black September claimed the raid.",
        "The car was clocked at 190 kilometres an hour.",
        "The unions called a march for peace. this march is backed by the church.",
    ],
)
def test_names_speeds_and_walks_are_no_times(pipeline, text):
    assert read(pipeline, text).times == []


@pytest.mark.parametrize(
    ("text", "expression", "value", "published"),
    [
        ("Three drivers died on the roads this Easter.", "this Easter", "2021-04-04", "2021-04-06"),
        ("The shrine will reopen next Easter.", "next Easter", "2022-04-17", "2021-04-06"),
        ("Sales fell sharply last Christmas.", "last Christmas", "2020-12-25", PUBLISHED),
    ],
)
def test_a_holiday_picked_by_this_last_or_next(pipeline, text, expression, value, published):
    check(pipeline, text, expression, "DATE", value, published=published)


def test_a_house_number_before_a_longer_street_name_is_no_year(pipeline):
    text = "Police arrested Tom Hale, 31, of 1420 Pine Hill Road Lot 7, on Monday."
    assert [t.evidence[0].text for t in read(pipeline, text).times] == ["Monday"]


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        (
            "The offensive failed following 12 days of heavy fighting.",
            "12 days",
            "DURATION",
            "P12D",
        ),
        (
            "The bridge reopened on May 4, 2019. Its twin had opened two years before.",
            "two years before",
            "DATE",
            "2017",
        ),
        ("The vote came two days before the deadline.", "two days", "DURATION", "P2D"),
        ("The two men died hours apart, the coroner said.", "hours", "DURATION", "PTXH"),
        ("Curbside pickup runs March through November.", "March", "DATE", "2021-03"),
        (
            "The bodies were found about 11:40 a.m. Saturday, March 13.",
            "March 13",
            "DATE",
            "2021-03-13",
        ),
        (
            "The bodies were found about 11:40 a.m. Saturday, March 13.",
            "about 11:40 a.m. Saturday",
            "TIME",
            "2021-03-13T11:40",
        ),
    ],
)
def test_extents_found_on_real_news(pipeline, text, expression, type_, value):
    check(pipeline, text, expression, type_, value)


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        ("Rebels attacked the posts on 29 and 30 January.", "29", "DATE", "2021-01-29"),
        ("Rebels attacked the posts on 29 and 30 January.", "30 January", "DATE", "2021-01-30"),
        ("The schoolhouse dates from circa 1860.", "circa 1860", "DATE", "1860"),
        ("By late afternoon the convoy had not moved.", "late afternoon", "TIME", "2021-03-17TAF"),
        ("An envoy is presently trying to visit them.", "presently", "DATE", "PRESENT_REF"),
        ("The hotline is open 24 hours a day, seven days a week.", "a week", "SET", "P1W"),
        ("Talks resume this coming 16 May in Caracas.", "this coming 16 May", "DATE", "2021-05-16"),
    ],
)
def test_more_forms_found_on_real_news(pipeline, text, expression, type_, value):
    check(pipeline, text, expression, type_, value)


@pytest.mark.parametrize(
    "text",
    [
        "The Ben Carter Sunday School Class hosts a supper.",
        'The director of the "22 April" neighborhood choir was held.',
        "the 19 april movement signed a truce with the government.",
    ],
)
def test_a_date_naming_a_school_a_choir_or_a_movement_is_no_date(pipeline, text):
    assert read(pipeline, text).times == []


def test_a_clock_range_and_its_bracket_take_the_day_written_after_them(pipeline):
    text = (
        "The rebels said last night that a truce would run from 0600 to 1200 (1200-1800 GMT) today."
    )
    check(pipeline, text, "0600", "TIME", "2021-03-17T06:00")
    check(pipeline, text, "1800 GMT", "TIME", "2021-03-17T18:00")


def test_a_bracket_that_dates_its_own_zone_time_moves_the_local_one(pipeline):
    text = "The first bomb exploded at 2335 (0335 GMT on 17 March) near the ministry."
    check(pipeline, text, "2335", "TIME", "2021-03-16T23:35")
    check(pipeline, text, "0335 GMT", "TIME", "2021-03-17T03:35")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The raid came on Friday, 21 July 1972, a day that became known across the city.",
            ["Friday, 21 July 1972"],
        ),
        ("rebel units attacked army positions at the 5 november dam.", []),
        ("Partners should use this moment to press for the releases.", ["this moment"]),
        ("The talks ended on Monday, a day after the vote.", ["Monday", "a day"]),
    ],
)
def test_apposed_days_dams_and_this_moment(pipeline, text, found):
    assert [t.evidence[0].text for t in read(pipeline, text).times] == found


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            'Speaking on March 4, the governor said: "We will bury our dead today."',
            "today",
            "2021-03-04",
        ),
        (
            '"The army will enter the city tomorrow," a commander said on March 5.',
            "tomorrow",
            "2021-03-06",
        ),
        # No day given for the saying: the publication date.
        ('"We are ready to talk today," the minister said.', "today", "2021-03-17"),
        # Outside the quotation the day word is the publication day's, whatever else is told.
        ("Troops left on March 4 and the last ones leave today.", "today", "2021-03-17"),
    ],
)
def test_a_day_word_in_a_quotation_counts_from_its_saying(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)


def test_without_an_anchor_a_quotation_takes_the_day_told_before_it(pipeline):
    text = 'He survived an attack on August 4. "They tried to kill me today," he said.'
    check(pipeline, text, "today", "DATE", "XXXX-08-04", published=None)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "The convoy was ambushed on Aug. 4. Five soldiers died that day.",
            "that day",
            "XXXX-08-04",
        ),
        (
            "Rebels shelled the port on June 9; the next day, ships left.",
            "the next day",
            "XXXX-06-10",
        ),
        (
            "The dam burst on Feb. 28. Two days later, it flooded the city.",
            "Two days later",
            "XXXX-03-01",
        ),
        # A week of an unknown year is not known.
        (
            "The dam burst on Feb. 28. A week later, it flooded the city.",
            "A week later",
            "XXXX-WXX",
        ),
    ],
)
def test_a_day_without_its_year_anchors_what_counts_from_it(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value, published=None)


def test_the_previous_weekday_counts_from_the_day_told(pipeline):
    text = "The ministry said on Monday that the strike had ended the previous Friday."
    check(pipeline, text, "the previous Friday", "DATE", "2021-03-12")
    text = "The truce began on March 3. Fighting resumed the following Saturday."
    check(pipeline, text, "the following Saturday", "DATE", "2021-03-06")


def test_on_a_day_when_is_a_date(pipeline):
    check(
        pipeline,
        "The bomb exploded on a day when the market was full.",
        "a day",
        "DATE",
        "XXXX-XX-XX",
    )
    check(pipeline, "The strike lasted a day and closed every port.", "a day", "DURATION", "P1D")


def test_hours_later_moves_by_whole_days_and_leaves_the_day_told(pipeline):
    text = (
        "The patients escaped on March 4. More than 24 hours later, only five had been found. "
        "Few nurses had come to work that day."
    )
    check(pipeline, text, "More than 24 hours later", "DATE", "2021-03-05")
    check(pipeline, text, "that day", "DATE", "2021-03-04")


def test_a_plan_hoped_for_looks_ahead(pipeline):
    # The tagger lemmatizes "hoped" as "hop": the spelling of the word still says "hope".
    text = "Rescuers said they hoped to reach the trapped miners by Thursday."
    check(pipeline, text, "Thursday", "DATE", "2021-03-18")


@pytest.mark.parametrize(
    ("text", "first", "first_value", "last", "last_value"),
    [
        # A timetable without a verb: the range that holds the publication day (a Wednesday).
        (
            "Viewing: 11 a.m. to 5 p.m. Monday to Friday.",
            "5 p.m. Monday",
            "2021-03-15T17:00",
            "Friday",
            "2021-03-19",
        ),
        (
            "The talks will run from Friday to Tuesday.",
            "Friday",
            "2021-03-19",
            "Tuesday",
            "2021-03-23",
        ),
        # Told in the past, a range ends by the publication day.
        (
            "Delegates met Saturday to Thursday in Doha.",
            "Saturday",
            "2021-03-06",
            "Thursday",
            "2021-03-11",
        ),
    ],
)
def test_two_weekdays_joined_by_to_are_a_range(
    pipeline, text, first, first_value, last, last_value
):
    assert one(pipeline, text, first).value == first_value
    time = one(pipeline, text, last)
    assert time.value == last_value and time.range is not None


def test_the_hours_of_a_timetable_are_no_duration(pipeline):
    doc = read(pipeline, "The hours of operation are posted at the gate.")
    assert doc.times == []
    check(pipeline, "After years of war, the town is quiet.", "years", "DURATION", "PXY")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Declared for a day: the one to come, though the verb is past.
        ("The government declared a holiday for Eid al-Fitr.", "2021-05-13"),
        ("The rebels announced a truce for Eid al-Fitr.", "2021-05-13"),
        # Travelled for it: the one gone by.
        ("Families who travelled home for Eid al-Fitr were stranded.", "2020-05-24"),
    ],
)
def test_a_holiday_declared_for_a_day_is_the_coming_one(pipeline, text, value):
    check(pipeline, text, "Eid al-Fitr", "DATE", value)


def test_tonight_in_a_quotation_is_the_night_of_its_saying(pipeline):
    text = "“We will strike tonight,” the commander said on Sunday."
    check(pipeline, text, "tonight", "TIME", "2021-03-14TNI")


def test_last_weekday_after_the_text_named_that_day_is_the_week_before(pipeline):
    # Published on a Monday: "Sunday" is yesterday; so is "last Sunday", unless the text
    # has already called yesterday "Sunday".
    text = "Mourners met on Sunday, a week after the pastor was killed last Sunday."
    check(pipeline, text, "last Sunday", "DATE", "2021-03-07", published="2021-03-15")
    text = "Gunmen killed three farmers last Sunday."
    check(pipeline, text, "last Sunday", "DATE", "2021-03-14", published="2021-03-15")


def test_a_stretch_after_a_date_and_a_comma_is_no_rate(pipeline):
    check(
        pipeline, "The ruling came on Nov. 10, a week after the vote.", "a week", "DURATION", "P1W"
    )
    check(pipeline, "Guards are paid 300 a week.", "a week", "SET", "P1W")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Sales rose in the current quarter.", "the current quarter", "2021-Q1"),
        ("The upcoming week is key for the talks.", "The upcoming week", "2021-W12"),
        ("The deal should close by year's end.", "year's end", "2021"),
    ],
)
def test_the_current_period_keeps_its_article(pipeline, text, expression, value):
    check(pipeline, text, expression, "DATE", value)
