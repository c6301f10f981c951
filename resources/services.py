"""Writes with side effects. The moderation app calls these when an editor approves."""

from django.db import transaction
from django.utils import timezone

from taxonomy.models import DrugClass
from withdrawal_site.slugs import save_with_unique_slug

from .models import Drug, Experience, ResourceLink, Tip


def _drug_classes(slugs: list[str]) -> list[DrugClass]:
    # Unknown slugs are ignored: the class list may have changed since submission.
    return list(DrugClass.objects.filter(slug__in=slugs))


@transaction.atomic
def publish_tip(
    *,
    title: str,
    body: str,
    drug_class_slugs: list[str],
    author_name: str,
    approved_by,
    language: str = "en",
) -> Tip:
    """Create the live, published tip an editor has approved."""
    tip = Tip(
        title=title,
        body=body,
        author_name=author_name,
        language=language,
        status=Tip.Status.PUBLISHED,
        approved_by=approved_by,
        approved_at=timezone.now(),
    )
    save_with_unique_slug(tip, title)
    tip.drug_classes.set(_drug_classes(drug_class_slugs))
    return tip


@transaction.atomic
def publish_experience(
    *,
    title: str,
    body: str,
    drug_slugs: list[str],
    author_name: str,
    approved_by,
    language: str = "en",
) -> Experience:
    """Create the live, published experience an editor has approved."""
    experience = Experience(
        title=title,
        body=body,
        author_name=author_name,
        language=language,
        status=Experience.Status.PUBLISHED,
        approved_by=approved_by,
        approved_at=timezone.now(),
    )
    save_with_unique_slug(experience, title)
    experience.drugs.set(Drug.objects.filter(slug__in=drug_slugs))
    return experience


@transaction.atomic
def publish_resource_link(
    *,
    title: str,
    url: str,
    description: str,
    kind: str,
    drug_class_slugs: list[str],
    approved_by,
    language: str = "en",
) -> ResourceLink:
    """Create the live, published resource link an editor has approved."""
    if kind not in ResourceLink.Kind.values:
        kind = ResourceLink.Kind.OTHER
    link = ResourceLink(
        title=title,
        url=url,
        description=description,
        kind=kind,
        language=language,
        status=ResourceLink.Status.PUBLISHED,
        approved_by=approved_by,
        approved_at=timezone.now(),
    )
    save_with_unique_slug(link, title)
    link.drug_classes.set(_drug_classes(drug_class_slugs))
    return link


# Publishing approved contributions (the `publish` of each kind in contributions.py) ------


def publish_tip_submission(*, data: dict, author_name: str, approved_by, language: str) -> Tip:
    return publish_tip(
        title=data["title"],
        body=data["body"],
        drug_class_slugs=list(data.get("drug_classes", [])),
        author_name=author_name,
        approved_by=approved_by,
        language=language,
    )


def publish_experience_submission(*, data: dict, author_name: str, approved_by, language: str) -> Experience:
    return publish_experience(
        title=data["title"],
        body=data["body"],
        drug_slugs=list(data.get("drugs", [])),
        author_name=author_name,
        approved_by=approved_by,
        language=language,
    )


def publish_resource_submission(*, data: dict, author_name: str, approved_by, language: str) -> ResourceLink:
    return publish_resource_link(
        title=data["title"],
        url=data["url"],
        description=data.get("description", ""),
        kind=data["kind"],
        drug_class_slugs=list(data.get("drug_classes", [])),
        approved_by=approved_by,
        language=language,
    )
