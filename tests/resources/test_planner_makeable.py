"""Doses you can make: each step rounded to what the chosen forms can make, within a tolerance."""

from datetime import date
from decimal import Decimal

from resources import planner

D = Decimal
TABLET_50 = planner.Product(kind="tablet", strength_mg=D("50"))
TABLET_25 = planner.Product(kind="tablet", strength_mg=D("25"))
TABLET_100 = planner.Product(kind="tablet", strength_mg=D("100"))
CONCENTRATE = planner.Product(kind="liquid", strength_mg=D("20"), volume_ml=D("1"))


def test_a_tablet_and_a_measured_volume_of_liquid():
    made = planner.make_dose(D("65.61"), [TABLET_50, CONCENTRATE], tolerance_percent=D("5"))
    assert made.in_words() == "65.6 mg = one 50 mg tablet + 0.78 ml of 20 mg/ml liquid"
    assert made.liquid_measure.syringe.key == "1"
    assert abs(made.deviation_percent) < D("0.1")


def test_tablets_alone_within_the_tolerance():
    made = planner.make_dose(D("72.9"), [TABLET_25, TABLET_50, TABLET_100], tolerance_percent=D("5"))
    assert made.in_words() == "75 mg = one 25 mg tablet + one 50 mg tablet"
    assert made.deviation_words == "2.88% over the step"


def test_not_makeable_with_tablets_alone():
    assert planner.make_dose(D("65.61"), [TABLET_25, TABLET_50, TABLET_100], tolerance_percent=D("5")) is None
    # A wider tolerance the visitor chose changes that, and says how far off it is.
    wide = planner.make_dose(D("65.61"), [TABLET_25, TABLET_50, TABLET_100], tolerance_percent=D("15"))
    assert wide.made_mg == D("75")


def test_halves_only_of_tablets_scored_for_equal_halves():
    scored = planner.Product(kind="tablet", strength_mg=D("0.5"), halves=True)
    made = planner.make_dose(D("0.75"), [scored], tolerance_percent=D("1"))
    assert made.in_words() == "0.75 mg = one and a half 0.5 mg tablets"
    unscored = planner.Product(kind="tablet", strength_mg=D("0.5"))
    assert planner.make_dose(D("0.75"), [unscored], tolerance_percent=D("1")) is None
    assert planner.make_dose(D("0.25"), [scored], tolerance_percent=D("1")).in_words() == (
        "0.25 mg = half a 0.5 mg tablet"
    )


def test_capsules_are_counted_whole():
    capsule = planner.Product(kind="capsule", strength_mg=D("20"))
    assert (
        planner.make_dose(D("40"), [capsule], tolerance_percent=D("1")).in_words()
        == "40 mg = two 20 mg capsules"
    )
    assert planner.make_dose(D("10"), [capsule], tolerance_percent=D("5")) is None


def test_a_schedule_marks_each_step_made_or_not_makeable():
    schedule = planner.build_schedule(
        planner.PlanInput(
            start_dose=D("72.9"),
            cut_percent=D("10"),
            days_per_step=28,
            stop_below=D("40"),
            start_date=date(2026, 1, 1),
            products=(TABLET_25, TABLET_50, TABLET_100),
            tolerance_percent=D("5"),
        )
    )
    steps = schedule.dosed_steps
    assert steps[0].made.made_mg == 75
    assert steps[1].not_makeable and steps[1].made is None  # 65.61 mg
    assert not schedule.stop_step.not_makeable
    csv_rows = planner.schedule_csv(schedule).splitlines()
    assert "not makeable" in csv_rows[2]
    assert "75 mg = one 25 mg tablet + one 50 mg tablet" in csv_rows[1]


def test_a_long_schedule_with_many_forms_stays_quick():
    # The combinations are worked out once per schedule, not once per step (5 s before, under 0.1 s now).
    import time

    strengths = ("1", "2", "2.5", "5", "10", "15", "20", "25", "50", "100")
    products = (
        *(planner.Product(kind="tablet", strength_mg=D(s), halves=True) for s in strengths),
        CONCENTRATE,
    )
    started = time.perf_counter()
    schedule = planner.build_schedule(
        planner.PlanInput(
            start_dose=D("200"),
            cut_percent=D("2.5"),
            days_per_step=14,
            stop_below=D("1.5"),
            start_date=date(2026, 1, 1),
            products=products,
        )
    )
    assert len(schedule.steps) == 195
    assert all(step.made for step in schedule.dosed_steps)
    assert time.perf_counter() - started < 1.5
