"""The planner's arithmetic, outside any request."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from resources import planner


def plan(*, concentration=None, **overrides) -> planner.PlanInput:
    values = {
        "start_dose": Decimal("20"),
        "cut_percent": Decimal("10"),
        "days_per_step": 28,
        "stop_below": Decimal("1"),
        "start_date": date(2026, 1, 1),
        "liquid": None if concentration is None else planner.Liquid(mg=concentration, ml=Decimal(1)),
    }
    return planner.PlanInput(**{**values, **overrides})


def test_ten_percent_of_the_current_dose_from_20_mg():
    schedule = planner.build_schedule(plan())
    doses = [planner.display(step.dose_mg) for step in schedule.steps[:10]]
    assert doses == ["20", "18", "16.2", "14.58", "13.12", "11.81", "10.63", "9.57", "8.61", "7.75"]
    # Exact underneath, rounded only for display.
    assert schedule.steps[4].dose_mg == Decimal("13.1220")


def test_liquid_volume_at_2_mg_per_ml():
    schedule = planner.build_schedule(plan(concentration=Decimal("2")))
    step = next(step for step in schedule.steps if step.dose_mg == Decimal("16.2"))
    assert step.liquid_ml == Decimal("8.1")


def test_schedule_stops_below_the_threshold_and_ends_at_zero():
    schedule = planner.build_schedule(plan(stop_below=Decimal("10")))
    dosed = schedule.dosed_steps
    assert all(step.dose_mg >= 10 for step in dosed)
    assert dosed[-1].dose_mg * Decimal("0.9") < 10
    assert schedule.steps[-1].is_stop and schedule.steps[-1].dose_mg == 0
    assert schedule.total_days == len(dosed) * 28
    assert schedule.stop_date == date(2026, 1, 1) + (schedule.steps[-1].start_date - date(2026, 1, 1))


def test_equal_cuts_comparison_has_the_same_length_and_equal_decrements():
    schedule = planner.build_schedule(plan(stop_below=Decimal("10")))
    equal = [step.equal_cuts_mg for step in schedule.steps]
    decrements = {equal[i] - equal[i + 1] for i in range(len(equal) - 1)}
    assert equal[0] == 20 and equal[-1] == 0
    assert len({planner.rounded(d) for d in decrements}) == 1


def test_percent_of_start_and_cut_from_previous():
    schedule = planner.build_schedule(plan())
    assert schedule.steps[2].percent_of_start == Decimal("81")
    assert schedule.steps[2].cut_mg == Decimal("1.8")
    assert schedule.steps[0].cut_mg == 0


def test_step_count_is_bounded():
    with pytest.raises(planner.TooManyStepsError):
        planner.count_dosed_steps(Decimal("10000"), Decimal("0.5"), Decimal("0.001"))
    assert planner.count_dosed_steps(Decimal("20"), Decimal("10"), Decimal("1")) == 29


def test_csv_has_a_header_and_one_row_per_step():
    schedule = planner.build_schedule(plan(concentration=Decimal("2")))
    lines = planner.schedule_csv(schedule).splitlines()
    assert lines[0].startswith("step,date,dose_mg")
    assert lines[3] == '3,2026-02-26,16.2,81,1.8,8.1,18.62,28,,"10 ml syringe, 0.2 ml marks",,'
    assert len(lines) == len(schedule.steps) + 1


def test_ics_is_valid_icalendar():
    schedule = planner.build_schedule(plan(concentration=Decimal("2")))
    text = planner.schedule_ics(
        schedule,
        summary_prefix="Taper step",
        description="Arithmetic, not medical advice; discuss any change with your prescriber, please.",
        now=datetime(2026, 1, 1, 12, 0, tzinfo=UTC),
    )
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert text.count("BEGIN:VEVENT") == len(schedule.steps)
    assert "DTSTART;VALUE=DATE:20260226" in text
    assert "SUMMARY:Taper step 3: 16.2 mg (8.1 ml) · arithmetic\\, not medical advice" in text.replace(
        "\r\n ", ""
    )
    assert "DTSTAMP:20260101T120000Z" in text
    assert "\\;" in text.replace("\r\n ", "")  # TEXT escaping
    uids = [line for line in text.split("\r\n") if line.startswith("UID:")]
    assert len(set(uids)) == len(uids)
    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75


def test_ics_folding_never_splits_a_character():
    line = "SUMMARY:" + "é" * 100
    folded = planner.fold_ics_line(line)
    parts = folded.split("\r\n ")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert "".join(parts) == line


def test_svg_is_accessible_and_has_no_style_attributes():
    schedule = planner.build_schedule(plan())
    svg = planner.schedule_svg(schedule, title="Dose <chart>", description="Two lines", legend=("a", "b"))
    assert '<title id="chart-title">Dose &lt;chart&gt;</title>' in svg
    assert '<desc id="chart-desc">Two lines</desc>' in svg
    assert "style=" not in svg and "<script" not in svg
    assert svg.count("<polyline") == 2
