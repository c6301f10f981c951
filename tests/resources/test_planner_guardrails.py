"""Guardrails: warnings with their sources when a plan outruns the published paces; never refusals."""

from datetime import date
from decimal import Decimal

from resources import guidance, planner

D = Decimal


def warnings_for(start, cut, days, stop, drug_class):
    schedule = planner.build_schedule(
        planner.PlanInput(
            start_dose=D(start),
            cut_percent=D(cut),
            days_per_step=days,
            stop_below=D(stop),
            start_date=date(2026, 1, 1),
        )
    )
    return {warning.code: warning for warning in planner.guardrails(schedule, drug_class_slug=drug_class)}


def test_alprazolam_halved_every_day_warns_on_the_cut_and_the_interval_citing_asam_and_maudsley():
    warnings = warnings_for("2", "50", 1, "0.25", "benzodiazepines")
    cut, interval = warnings["cut-beyond-pace"], warnings["interval-under-pace"]
    assert "50%" in cut.text and "25%" in cut.text
    assert set(cut.citations) == {guidance.ASAM_2025, guidance.MAUDSLEY_2024}
    assert any("not more than 25% every 2 weeks" in quote for quote in cut.quotes)
    assert "1 day between cuts" in interval.text and "14 days" in interval.text
    assert guidance.ASAM_2025 in interval.citations


def test_a_pace_within_the_published_ones_gives_no_pace_warning():
    warnings = warnings_for("20", "10", 28, "1", "antidepressants")
    assert "cut-beyond-pace" not in warnings and "interval-under-pace" not in warnings


def test_paces_are_only_compared_within_their_scope():
    # Lithium (mood stabilisers) is outside both publications' scope: no pace is claimed for it.
    warnings = warnings_for("800", "50", 28, "100", "mood-stabilisers")
    assert "cut-beyond-pace" not in warnings
    # Under 14 days is still raised, saying which drugs the paces cover.
    short = warnings_for("800", "10", 7, "100", "mood-stabilisers")["interval-under-two-weeks"]
    assert "7 days between cuts" in short.text
    assert any("gabapentinoids and Z-drugs" in quote for quote in short.quotes)


def test_under_fourteen_days_without_a_drug_is_raised_too():
    assert "interval-under-two-weeks" in warnings_for("20", "10", 13, "1", None)
    assert "interval-under-two-weeks" not in warnings_for("20", "10", 14, "1", None)


def test_a_final_cut_larger_than_every_cut_before_it_is_flagged():
    # The example: 8.61 mg to 0 after cuts of 2 mg and less, 43% of the starting dose.
    final = warnings_for("20", "10", 28, "8", None)["final-cut-largest"]
    assert "8.61 mg" in final.text and "43.05%" in final.text and "2 mg" in final.text
    assert final.citations == (guidance.MAUDSLEY_2024,)
    assert "final-cut-largest" not in warnings_for("20", "10", 28, "1", None)


def test_twenty_then_stop_is_flagged_as_one_cut_of_the_whole_dose():
    final = warnings_for("20", "10", 28, "19", None)["final-cut-largest"]
    assert "from 20 mg straight to a stop" in final.text


def test_no_warning_calls_a_plan_wrong_or_refuses_it():
    for warning in warnings_for("2", "50", 1, "0.25", "benzodiazepines").values():
        text = warning.text.lower()
        assert "wrong" not in text and "must" not in text and "unsafe" not in text
        assert warning.citations  # every warning names its source
