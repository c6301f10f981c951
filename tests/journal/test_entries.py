"""The reading of a run of days: steps, cuts, days since a cut, trends, the crisis rule."""

from decimal import Decimal

from journal.entries import day_rating_trend, read_days, steps, trends
from tests.journal.conftest import entry


def test_steps_cuts_and_days_since_the_cut_in_date_order_whatever_the_entry_order():
    days = read_days([(3, entry(10, "18")), (1, entry(0, "20")), (2, entry(5, "20")), (4, entry(12, "20"))])
    assert [str(day.data.dose_mg) for day in days] == ["20", "20", "18", "20"]
    assert [(day.is_step, day.is_cut, day.days_since_cut) for day in days] == [
        (False, False, None),
        (False, False, None),
        (True, True, 0),
        (True, False, 2),  # an increase is a step, not a cut
    ]
    found = steps(days)
    assert [(s.from_mg, s.to_mg, s.percent_change) for s in found] == [
        (None, Decimal("20"), None),
        (Decimal("20"), Decimal("18"), Decimal("-10.0")),
        (Decimal("18"), Decimal("20"), Decimal("11.1")),
    ]


def test_restarting_after_a_stop_has_no_percentage():
    days = read_days([(1, entry(0, "0")), (2, entry(3, "1"))])
    assert steps(days)[1].percent_change is None


def test_trends_compare_the_earlier_and_later_halves_and_name_the_worst():
    days = read_days(
        [
            (i, entry(i, rating=r, symptoms={"sleep": s}))
            for i, (r, s) in enumerate([(8, 0), (6, 1), (2, 3), (4, 2)])
        ]
    )
    (sleep,) = trends(days)
    assert (sleep.count, sleep.earlier_average, sleep.later_average, sleep.worst) == (
        4,
        Decimal("0.5"),
        Decimal("2.5"),
        3,
    )
    rating = day_rating_trend(days)
    assert (rating.earlier_average, rating.later_average, rating.worst) == (Decimal("7.0"), Decimal("3.0"), 2)
    assert trends(read_days([])) == [] and day_rating_trend([]) is None


def test_the_crisis_rule():
    assert entry(rating=1).is_crisis and entry(rating=0).is_crisis
    assert entry(rating=9, crisis=True).is_crisis
    assert entry(rating=9, symptoms={"low_mood": 3}).is_crisis
    assert not entry(rating=2).is_crisis
    assert not entry(rating=5, symptoms={"pain": 3, "low_mood": 2}).is_crisis
