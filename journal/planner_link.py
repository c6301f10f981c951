"""The one place the journal reads the taper planner.

"/journal/new/?<the planner's GET parameters>" starts a journal with the planned
steps. The planner is its own app with its own form and arithmetic; everything
the journal needs from it goes through `planned_steps_from_query`, so if the
planner changes, only this function changes.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.http import QueryDict


@dataclass(frozen=True)
class PlannedStep:
    day: datetime.date
    dose_mg: Decimal


def planned_steps_from_query(query: QueryDict) -> list[PlannedStep] | None:
    """The planner's steps for these GET parameters, or None when they do not make a plan."""
    from resources import planner
    from resources.forms import PlannerForm

    if "start_dose" not in query:
        return None
    data = query.copy()
    # The visitor ticked the not-medical-advice box on the planner to see the plan;
    # the journal page repeats that line, so the link need not carry the tick.
    data["acknowledged"] = "on"
    form = PlannerForm(data)
    if not form.is_valid():
        return None
    try:
        schedule = planner.build_schedule(form.plan_input())
    except ValueError:  # TooManyStepsError and the like: no plan, never an error page
        return None
    return [PlannedStep(day=step.start_date, dose_mg=step.dose_mg) for step in schedule.steps]
