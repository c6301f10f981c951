"""Plain helpers for the moderation tests (fixtures are in conftest.py)."""

import time

from django.urls import reverse

from moderation.forms import new_form_token
from moderation.models import Submission
from resources.models import Tip


class RecordingPublisher:
    """Wraps a registered kind's real `publish`: it publishes for real and remembers the arguments."""

    def __init__(self, publish):
        self.publish = publish
        self.calls: list[dict] = []

    def __call__(self, *, data, author_name, approved_by, language):
        self.calls.append(
            {"data": data, "author_name": author_name, "approved_by": approved_by, "language": language}
        )
        return self.publish(data=data, author_name=author_name, approved_by=approved_by, language=language)


def published_tips(title: str):
    """The live tips approval made with this title (the tip kind's real publisher)."""
    return Tip.objects.filter(title=title)


def target_ref(obj) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}.{obj.pk}"


def aged_token(seconds: float = 10) -> str:
    """A form start time `seconds` ago: a person who took their time."""
    return new_form_token(time.time() - seconds)


VALID_CONTENT = {
    "tip": {"title": "Slow mornings", "body": "Getting up **slowly** helped with dizziness."},
    "experience": {
        "title": "Two years off sertraline",
        "body": "It took eighteen months, in small steps.",
        "drugs": "Sertraline, diazepam",
    },
    "resource": {
        "title": "A peer forum",
        "url": "https://forum.example.org/",
        "description": "A calm forum for people tapering.",
        "kind": "forum",
    },
    "article": {
        "title": "Sleep during a taper",
        "summary": "What people report, and what the studies say.",
        "body": "## Why sleep changes\n\nMany people notice it.",
        "sources": "Horowitz & Taylor 2019",
        "tags": "sleep, benzodiazepines",
    },
    "listing": {
        "name": "Taper Support Line",
        "description": "A volunteer phone line for people coming off psychiatric drugs.",
        "service_type": "helpline",
        "website": "https://taper-support.example.org",
        "contact_email": "hello@taper-support.example.org",
        "phone": "+44 20 7946 0000",
        "country": "gb",
        "area_description": "The whole UK",
        "languages": "en, cy",
    },
}


def form_data(submission_kind: str, /, **overrides) -> dict:
    data = {**VALID_CONTENT[submission_kind], "agree_terms": "on", "started": aged_token()}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def contribute_url(kind: str) -> str:
    return reverse("moderation:contribute_kind", args=[kind])


def reload(submission: Submission) -> Submission:
    return Submission.objects.get(pk=submission.pk)
