"""Fixtures for the moderation tests.

Approval is tested with the real tip kind, its publisher wrapped to record
each call (`publisher`); a test that needs a publisher that fails registers a
test-only kind through the registry (`register_kind`). Corrections are tested
against the real Disclaimer model, made Correctable for the test by patching
the contract's two methods onto it.
"""

import dataclasses

import pytest

from moderation import kinds, services
from moderation.forms import ContentForm, text_field
from tests.moderation.helpers import VALID_CONTENT, RecordingPublisher
from withdrawal_site.corrections import Correctable
from withdrawal_site.disclaimers.models import Disclaimer


@pytest.fixture
def use_publisher(monkeypatch):
    """Give a registered kind another `publish` for this test only."""

    def use(key: str, publish) -> None:
        monkeypatch.setitem(kinds._registry, key, dataclasses.replace(kinds.get(key), publish=publish))

    return use


@pytest.fixture
def publisher(use_publisher):
    """The tip kind's real publisher, recording every call."""
    recorder = RecordingPublisher(kinds.get("tip").publish)
    use_publisher("tip", recorder)
    return recorder


class TestOnlyForm(ContentForm):
    markdown_fields = ("body",)

    title = text_field("Title", 200)
    body = text_field("Body", 20_000, long=True)


@pytest.fixture
def register_kind():
    """Register a test-only contribution kind through the registry; it is removed afterwards."""
    registered = []

    def register(key: str = "test-only", **fields) -> kinds.ContributionKind:
        kind = kinds.ContributionKind(
            **{
                "key": key,
                "label": "Test-only kind",
                "description": "Registered by a test.",
                "form_class": TestOnlyForm,
                "preview_template": "resources/contributions/tip.html",
                "markdown_fields": ("body",),
                **fields,
            }
        )
        kinds.register(kind)
        registered.append(key)
        return kind

    yield register
    for key in registered:
        kinds.unregister(key)


@pytest.fixture
def correctable_disclaimer(db, monkeypatch):
    """The site disclaimer, made to follow the Correctable contract for this test."""
    monkeypatch.setattr(Disclaimer, "CORRECTABLE_FIELDS", ("title", "summary", "body"), raising=False)
    monkeypatch.setattr(Disclaimer, "correctable_fields", Correctable.correctable_fields, raising=False)
    monkeypatch.setattr(Disclaimer, "apply_correction", Correctable.apply_correction, raising=False)
    return Disclaimer.objects.get(key="site", language="en")


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
