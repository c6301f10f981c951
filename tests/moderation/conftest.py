"""Fixtures for the moderation tests.

The content apps are built on other branches, so approval is tested with a
stand-in publisher that creates a real row (a django Group, which has no
uniqueness of its own beyond the name we make unique) and records its call;
corrections are tested against the real Disclaimer model, made Correctable for
the test by patching the contract's two methods onto it.
"""

import pytest

from moderation import publishers, services
from tests.moderation.helpers import VALID_CONTENT, StandInPublisher
from withdrawal_site.corrections import Correctable
from withdrawal_site.disclaimers.models import Disclaimer


@pytest.fixture
def publisher(monkeypatch):
    stand_in = StandInPublisher()
    for kind in list(publishers.PUBLISHERS):
        monkeypatch.setitem(publishers.PUBLISHERS, kind, stand_in)
    return stand_in


@pytest.fixture
def correctable_disclaimer(db, monkeypatch):
    """The site disclaimer, made to follow the Correctable contract for this test."""
    monkeypatch.setattr(Disclaimer, "CORRECTABLE_FIELDS", ("title", "summary", "body"), raising=False)
    monkeypatch.setattr(Disclaimer, "correctable_fields", Correctable.correctable_fields, raising=False)
    monkeypatch.setattr(Disclaimer, "apply_correction", Correctable.apply_correction, raising=False)
    return Disclaimer.objects.get(key="site")


@pytest.fixture
def make_submission(db):
    """A submission as the public would leave it, straight through the service."""

    def make(kind="tip", *, data=None, email="", target=None, **kwargs):
        if data is None:
            data = {**VALID_CONTENT.get(kind, {})}
            data.pop("drugs", None)
            data.pop("tags", None)
            data.pop("languages", None)
        return services.submit(kind=kind, data=data, email=email, target=target, **kwargs)

    return make


@pytest.fixture
def correction(make_submission, correctable_disclaimer):
    return make_submission(
        "correction",
        data={"changes": {"summary": "A corrected summary."}, "note": "Outdated.", "target_label": "Site"},
        target=correctable_disclaimer,
    )
