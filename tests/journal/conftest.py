"""Fixtures for the journal tests: a journal made through the service, and entries in it."""

import datetime
from decimal import Decimal

import pytest

from journal import services
from journal.entries import EntryData

TODAY = datetime.date(2026, 12, 7)


def entry(day_offset: int = 0, dose: str = "20", rating: int = 6, **kwargs) -> EntryData:
    return EntryData(
        day=TODAY - datetime.timedelta(days=30) + datetime.timedelta(days=day_offset),
        dose_mg=Decimal(dose),
        day_rating=rating,
        **kwargs,
    )


@pytest.fixture
def make_journal(db):
    """Returns a function: entries in, (secret string, Journal) out."""

    def make(entries=(), planned_steps=None):
        secret, journal = services.create_journal(entries=list(entries), planned_steps=planned_steps)
        return secret.value, journal

    return make


@pytest.fixture
def secret(make_journal):
    value, _journal = make_journal(
        [
            entry(0, "20", 7, symptoms={"sleep": 1}, note="Slept badly, felt fine later."),
            entry(1, "20", 6, phase="window"),
            entry(
                14,
                "18",
                3,
                symptoms={"anxiety": 2, "brain_zaps": 3},
                phase="wave",
                note="Zaps *all day*",
                note_is_markdown=True,
                note_in_summary=True,
            ),
            entry(20, "18", 5),
        ]
    )
    return value


def entry_post(**overrides) -> dict:
    data = {"day": "2026-12-01", "dose_mg": "16.2", "day_rating": "5", "phase": "", "note": ""}
    data.update(overrides)
    return data
