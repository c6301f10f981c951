"""Realistic volumes for the page benchmark: 500 articles, 3,000 directory
services, 5,000 experiences and 2,000 tips on top of the demo content.

Deterministic (numbered titles, fixed choices) so runs compare. Rows are
written with bulk_create after rendering each Markdown body once (the same
renderer the models use on save), then the search index is rebuilt: loading
stays quick even on a busy machine. Articles go through save(), which renders
their headings and sources too.
"""

import itertools
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article
from charities.models import Organization, Service, ServiceArea
from resources.models import Drug, DrugClass, Experience, Tip
from withdrawal_site.markdown import render_markdown
from withdrawal_site.search import services as search_services

BENCH_PREFIX = "bench-"
TAGS = ["sleep", "dizziness", "anxiety", "small-doses", "prescribers", "work", "family", "exercise"]
COUNTRIES = ["GB", "US", "IE", "PL", "ES", "DE", "AU", "CA"]
TIP_BODY = (
    "Taking the evening dose **an hour earlier** helped me sleep. I kept a short diary "
    "of symptoms and showed it to my prescriber, which made the next step easier to agree."
)
EXPERIENCE_BODY = "\n\n".join(
    [
        "I came off slowly over **eighteen months**, in steps of about ten per cent.",
        "The first months were the hardest: poor sleep, a racing heart in the mornings.",
        "What helped: a liquid form from the pharmacy, a patient prescriber, and a peer group.",
    ]
)
ARTICLE_BODY = "\n\n".join(
    ["# Why it happens", "Text about the causes. " * 20, "# What helps", "Text about what helps. " * 30]
)


def already_loaded() -> bool:
    return Tip.objects.filter(slug__startswith=BENCH_PREFIX).exists()


def _tag(objects, content_type, tags, every):
    items = [
        TaggedItem(tag=tags[number % len(tags)], content_type=content_type, object_id=obj.pk)
        for number, obj in enumerate(objects)
        if number % every == 0
    ]
    TaggedItem.objects.bulk_create(items, batch_size=1000)


@transaction.atomic
def load(
    *,
    articles: int = 500,
    services: int = 3000,
    experiences: int = 5000,
    tips: int = 2000,
    prefix: str = BENCH_PREFIX,
) -> dict:
    now = timezone.now()
    drug_classes = list(DrugClass.objects.all())
    drugs = list(Drug.objects.all())
    if not drug_classes or not drugs:
        raise RuntimeError("Load the demo content first (manage.py load_demo): drugs and classes.")
    tags = [Tag.objects.get_or_create(slug=slug, defaults={"name": slug})[0] for slug in TAGS]

    published = {"status": "published", "approved_at": now, "language": "en"}
    tip_html, experience_html = render_markdown(TIP_BODY), render_markdown(EXPERIENCE_BODY)
    new_tips = Tip.objects.bulk_create(
        [
            Tip(
                title=f"Bench tip {n}: an earlier evening dose",
                slug=f"{prefix}tip-{n}",
                body=TIP_BODY,
                body_html=tip_html,
                author_name="Bench",
                created_at=now - timedelta(minutes=n),
                **published,
            )
            for n in range(tips)
        ],
        batch_size=1000,
    )
    Tip.drug_classes.through.objects.bulk_create(
        [
            Tip.drug_classes.through(tip_id=tip.pk, drugclass_id=drug_classes[n % len(drug_classes)].pk)
            for n, tip in enumerate(new_tips)
        ],
        batch_size=1000,
    )
    _tag(new_tips, ContentType.objects.get_for_model(Tip), tags, every=1)

    new_experiences = Experience.objects.bulk_create(
        [
            Experience(
                title=f"Bench experience {n}: eighteen months, slowly",
                slug=f"{prefix}experience-{n}",
                body=EXPERIENCE_BODY,
                body_html=experience_html,
                author_name="Bench",
                created_at=now - timedelta(minutes=n),
                **published,
            )
            for n in range(experiences)
        ],
        batch_size=1000,
    )
    Experience.drugs.through.objects.bulk_create(
        [
            Experience.drugs.through(experience_id=exp.pk, drug_id=drugs[n % len(drugs)].pk)
            for n, exp in enumerate(new_experiences)
        ],
        batch_size=1000,
    )
    _tag(new_experiences, ContentType.objects.get_for_model(Experience), tags, every=2)

    organizations = Organization.objects.bulk_create(
        [
            Organization(
                name=f"Bench Support Network {prefix}{n}",
                slug=f"{prefix}org-{n}",
                description="A charity offering peer support to people reducing psychiatric drugs.",
            )
            for n in range(services)
        ],
        batch_size=1000,
    )
    new_services = Service.objects.bulk_create(
        [
            Service(
                organization=org,
                type=[Service.Type.CHARITY, Service.Type.HELPLINE, Service.Type.PEER_SUPPORT][n % 3],
                status=Service.Status.ACTIVE,
                languages="en",
                description="Peer support by phone and in groups.",
            )
            for n, org in enumerate(organizations)
        ],
        batch_size=1000,
    )
    ServiceArea.objects.bulk_create(
        [
            ServiceArea(
                service=service, country=COUNTRIES[n % len(COUNTRIES)], scope=ServiceArea.Scope.NATIONAL
            )
            for n, service in enumerate(new_services)
        ],
        batch_size=1000,
    )
    Service.drug_classes.through.objects.bulk_create(
        [
            Service.drug_classes.through(service_id=s.pk, drugclass_id=drug_classes[n % len(drug_classes)].pk)
            for n, s in enumerate(new_services)
        ],
        batch_size=1000,
    )

    article_numbers = itertools.count()
    for _ in range(articles):
        n = next(article_numbers)
        article = Article(
            title=f"Bench article {n}: sleep during a taper",
            slug=f"{prefix}article-{n}",
            summary="What people report, and what the studies say.",
            body=ARTICLE_BODY,
            sources="- Horowitz & Taylor 2019",
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(hours=n),
        )
        article.save()
        article.tags.add(TAGS[n % len(TAGS)])

    indexed = search_services.rebuild_index(batch_size=1000)
    return {
        "articles": articles,
        "services": services,
        "experiences": experiences,
        "tips": tips,
        "indexed": indexed,
    }
