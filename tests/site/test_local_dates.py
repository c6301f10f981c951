"""Dates in each language's own form."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation


@pytest.mark.parametrize(
    ("code", "long", "short"),
    [
        ("en", "7 December 2026", "7 Dec 2026"),
        ("es", "7 de diciembre de 2026", "7 dic 2026"),
        ("pl", "7 grudnia 2026", "7.12.2026"),
    ],
)
def test_dates_are_in_the_local_form(code, long, short):
    template = Template('{{ day|date:"DATE_FORMAT" }}|{{ day|date:"SHORT_DATE_FORMAT" }}')
    with translation.override(code):
        assert template.render(Context({"day": datetime.date(2026, 12, 7)})) == f"{long}|{short}"
