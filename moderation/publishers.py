"""The one place that knows which content app publishes which kind of submission.

Each publisher turns an approved submission into a live object by calling that
app's publishing service (`<app>/services.py`); tests can swap an entry of
`PUBLISHERS` for a stand-in.

Corrections are not here: they update their target through its own
`apply_correction` (see withdrawal_site/corrections.py).
"""

from collections.abc import Callable

from django.db import models

from articles import services as articles_services
from charities import services as charities_services
from resources import services as resources_services

Publisher = Callable[..., models.Model]


def publish_tip(*, data: dict, author_name: str, approved_by, language: str) -> models.Model:
    return resources_services.publish_tip(
        title=data["title"],
        body=data["body"],
        drug_class_slugs=list(data.get("drug_classes", [])),
        author_name=author_name,
        approved_by=approved_by,
        language=language,
    )


def publish_experience(*, data: dict, author_name: str, approved_by, language: str) -> models.Model:
    return resources_services.publish_experience(
        title=data["title"],
        body=data["body"],
        drug_slugs=list(data.get("drugs", [])),
        author_name=author_name,
        approved_by=approved_by,
        language=language,
    )


def publish_resource(*, data: dict, author_name: str, approved_by, language: str) -> models.Model:
    return resources_services.publish_resource_link(
        title=data["title"],
        url=data["url"],
        description=data.get("description", ""),
        kind=data["kind"],
        drug_class_slugs=list(data.get("drug_classes", [])),
        approved_by=approved_by,
        language=language,
    )


def publish_article(*, data: dict, author_name: str, approved_by, language: str) -> models.Model:
    return articles_services.publish_article(
        title=data["title"],
        summary=data.get("summary", ""),
        body=data["body"],
        sources=data.get("sources", ""),
        tag_names=list(data.get("tags", [])),
        byline=author_name,
        approved_by=approved_by,
        language=language,
    )


def publish_listing(*, data: dict, author_name: str, approved_by, language: str) -> models.Model:
    return charities_services.publish_listing(
        name=data["name"],
        description=data.get("description", ""),
        website=data.get("website", ""),
        email=data.get("contact_email", ""),
        country=data["country"],
        service_type=data["service_type"],
        phone=data.get("phone", ""),
        area_description=data.get("area_description", ""),
        drug_class_slugs=list(data.get("drug_classes", [])),
        languages=list(data.get("languages", [])),
        approved_by=approved_by,
    )


# Submission.Kind value -> publisher. Tests replace entries with monkeypatch.
PUBLISHERS: dict[str, Publisher] = {
    "tip": publish_tip,
    "experience": publish_experience,
    "resource": publish_resource,
    "article": publish_article,
    "listing": publish_listing,
}


def publisher_for(kind: str) -> Publisher:
    return PUBLISHERS[kind]
