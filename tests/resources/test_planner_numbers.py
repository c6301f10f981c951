"""Numbers shown honestly at small doses, liquids as "X mg in Y ml", volumes with their syringe."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from resources import planner

D = Decimal


def schedule(start, cut, stop, **extra) -> planner.Schedule:
    return planner.build_schedule(
        planner.PlanInput(
            start_dose=D(start),
            cut_percent=D(cut),
            days_per_step=28,
            stop_below=D(stop),
            start_date=date(2026, 1, 1),
            **extra,
        )
    )


def shown_doses(s: planner.Schedule) -> list[str]:
    return [s.show(step.dose_mg) for step in s.dosed_steps]


def test_half_a_milligram_at_ten_percent_never_shows_zero_for_a_dosed_step():
    # The example: two-decimal rounding showed 0 mg for steps 49 to 59.
    s = schedule("0.5", "10", "0.001")
    assert len(s.dosed_steps) == 59
    doses = shown_doses(s)
    assert "0" not in doses and all(D(dose) > 0 for dose in doses)
    assert doses[48] == "0.00318"  # step 49, 0.5 * 0.9**48
    assert doses[-1] == "0.00111"


def test_five_percent_cuts_from_half_a_milligram_keep_every_step_distinct():
    # Two decimals gave 17 pairs of consecutive steps with the same dose.
    s = schedule("0.5", "5", "0.001")
    doses = shown_doses(s)
    assert all(doses[i] != doses[i + 1] for i in range(len(doses) - 1))
    assert doses[:4] == ["0.5", "0.475", "0.451", "0.429"]


def test_precision_grows_when_three_figures_would_merge_steps():
    s = schedule("1", "0.01", "0.9995")  # 1, 0.9999, 0.9998...: two decimals would show 1 each time
    doses = shown_doses(s)
    assert s.figures > 3
    assert len(set(doses)) == len(doses)


def test_display_keeps_the_familiar_two_decimals_at_ordinary_doses():
    assert [planner.display(D(v)) for v in ("20", "16.2", "14.58", "13.122")] == [
        "20",
        "16.2",
        "14.58",
        "13.12",
    ]
    assert planner.display(D("0.000123")) == "0.000123"
    assert planner.display(D("0")) == "0"


def test_the_final_step_is_a_stop_with_the_size_of_the_last_cut():
    s = schedule("20", "10", "8")
    stop = s.stop_step
    assert stop.is_stop and stop.dose_mg == 0
    assert s.show(stop.cut_mg) == "8.61"


def test_ics_titles_carry_the_same_numbers_and_the_not_advice_line():
    s = schedule("0.5", "10", "0.001")
    text = planner.schedule_ics(
        s, summary_prefix="Taper step", description="Arithmetic.", now=datetime(2026, 1, 1, tzinfo=UTC)
    ).replace("\r\n ", "")
    summaries = [line for line in text.split("\r\n") if line.startswith("SUMMARY:")]
    assert len(summaries) == len(s.steps)
    assert all("not medical advice" in line for line in summaries)
    assert "SUMMARY:Taper step 55: 0.00169 mg" in text  # was "Taper step 55: 0 mg"
    assert not any(": 0 mg" in line for line in summaries)
    assert summaries[-1].startswith("SUMMARY:Taper step 60: stop (last cut 0.00111 mg)")


def test_csv_carries_the_same_numbers_as_the_page():
    s = schedule("0.5", "5", "0.001")
    rows = [line.split(",") for line in planner.schedule_csv(s).splitlines()[1:]]
    assert [row[2] for row in rows[:-1]] == shown_doses(s)
    assert rows[-1][2] == "0" and rows[-1][4] == s.show(s.stop_step.cut_mg)


# --- Liquids: "X mg in Y ml" ----------------------------------------------------------------------


def test_a_liquid_is_entered_as_the_label_reads_and_shown_back_in_words():
    fluoxetine = planner.Liquid(mg=D("20"), ml=D("5"))
    assert fluoxetine.mg_per_ml == D("4")
    assert fluoxetine.in_words() == "20 mg in 5 ml (4 mg in each ml)"
    assert planner.Liquid(mg=D("20"), ml=D("1")).in_words() == "20 mg in 1 ml"


def test_twenty_mg_in_five_ml_gives_five_times_the_volume_of_twenty_mg_per_ml():
    # The unit trap: 20 typed as mg/ml for a 20 mg/5 ml liquid gave a fifth of the dose.
    s = schedule("20", "10", "1", liquid=planner.Liquid(mg=D("20"), ml=D("5")))
    assert s.steps[0].liquid_ml == D("5")
    diazepam = schedule("10", "10", "1", liquid=planner.Liquid(mg=D("2"), ml=D("5")))
    assert diazepam.steps[0].liquid_ml == D("25")
    assert diazepam.steps[0].liquid_measure.fills == 3  # a 10 ml syringe, filled three times


# --- Syringes -------------------------------------------------------------------------------------


def test_each_volume_gets_the_smallest_syringe_that_holds_it():
    assert planner.measure(D("0.78")).syringe.key == "1"
    assert planner.measure(D("3.2")).syringe.key == "5"
    assert planner.measure(D("8.1")).syringe.key == "10"


def test_a_volume_between_marks_is_flagged_not_rounded_silently():
    m = planner.measure(D("0.025"))
    assert m.syringe.name() == "1 ml syringe, 0.01 ml marks"
    assert m.between_marks and m.nearest_mark_ml == D("0.03")
    assert m.deviation_percent == D("20")
    assert m.is_loud
    assert "0.03 ml, is 20% more" in m.note
    assert planner.display(m.volume_ml) == "0.025"  # the volume itself is shown as it is


def test_a_volume_under_the_smallest_mark_cannot_be_measured():
    m = planner.measure(D("0.004"))
    assert m.too_small and m.is_loud
    assert "cannot be measured" in m.note
    chosen = planner.measure(D("0.05"), planner.SYRINGES_BY_KEY["5"])
    assert chosen.too_small  # under the 0.1 ml marks of the 5 ml syringe the visitor chose


def test_a_volume_on_a_mark_has_no_note():
    m = planner.measure(D("0.5"))
    assert not m.between_marks and m.note == "" and not m.is_loud


# --- Hold steps and durations -------------------------------------------------------------------


def test_held_steps_last_twice_as_long_and_move_the_dates_after_them():
    s = schedule("20", "10", "15", hold_steps=frozenset({2}))
    held = s.steps[1]
    assert held.is_held and held.days == 56
    assert s.steps[2].start_date == date(2026, 1, 1) + timedelta(days=28 + 56)
    assert s.total_days == 28 * (len(s.dosed_steps) + 1)


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (1, "1 day"),
        (10, "10 days"),
        (28, "about 4 weeks"),
        (120, "about 4 months"),
        (365, "about 1 year"),
        (1428, "about 3 years and 11 months"),
        (400, "about 1 year and 1 month"),
    ],
)
def test_durations_in_words(days, words):
    assert planner.duration_in_words(days) == words


def test_plan_steps_is_a_pure_function_other_code_can_call():
    steps = planner.plan_steps(start_date=date(2026, 1, 1), start_dose=D("20"), stop_below=D("1"))
    assert steps[0].dose_mg == 20 and steps[2].dose_mg == D("16.2")
    assert steps[-1].is_stop and steps[1].start_date == date(2026, 1, 29)
    with pytest.raises(planner.TooManyStepsError):
        planner.plan_steps(
            start_date=date(2026, 1, 1), start_dose=D("10000"), cut_percent=D("0.5"), stop_below=D("0.001")
        )
