"""Demo content for `manage.py load_demo`: a few submissions waiting in the queue.

Idempotent: each is found by kind and title, so a second run adds nothing.
Demo contributions are invented and say so; they are never approved here.
"""

from .models import Submission
from .services import submit

DEMO_SUBMISSIONS = [
    {
        "kind": "tip",
        "pseudonym": "Demo contributor",
        "data": {
            "title": "Keep a simple symptom diary (demo)",
            "body": (
                "Writing down each evening how I slept and how my mood was helped me see that "
                "bad days passed. I showed the diary to my prescriber before each reduction.\n\n"
                "*This is an invented example for the demo.*"
            ),
            "drug_classes": ["antidepressants"],
        },
    },
    {
        "kind": "resource",
        "pseudonym": "",
        "data": {
            "title": "An example peer-support forum (demo)",
            "url": "https://example.org/forum",
            "description": "An invented entry to show how resource suggestions look in the queue.",
            "kind": "forum",
            "drug_classes": ["benzodiazepines"],
        },
    },
    {
        "kind": "experience",
        "pseudonym": "Sam (demo)",
        "data": {
            "title": "Reducing slowly over a year (demo)",
            "body": (
                "I reduced in small steps, and held for longer when symptoms came. "
                "It was slower than I wanted and easier than I feared.\n\n"
                "*This is an invented example for the demo.*"
            ),
            "drugs": ["sertraline"],
        },
    },
]


def load() -> None:
    for item in DEMO_SUBMISSIONS:
        if Submission.objects.filter(kind=item["kind"], data__title=item["data"]["title"]).exists():
            continue
        submit(kind=item["kind"], data=item["data"], pseudonym=item["pseudonym"])
