"""factory_boy factories for the main models, the one place tests build rows.

Each factory makes a row that is valid and, where the model has a lifecycle,
public (published, active) unless a test says otherwise: a test about hiding
something must say what makes it hidden. Many-to-many fields and tags are
passed as lists after creation (`TipFactory(tags=["sleep"], drug_classes=[c])`).
Fixtures in tests/conftest.py and the app conftests are built on these.
"""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from articles.models import Article
from charities.models import Organization, Phone, Service, ServiceArea
from moderation import services as moderation_services
from moderation.models import Submission
from resources.models import Drug, Experience, ResourceLink, TaperingMethod, Tip
from taxonomy.models import DrugClass
from withdrawal_site.accounts.roles import ADMINS, EDITORS

PASSWORD = "a-long-test-password-123"


def _set_many(field_name: str):
    """A post-generation hook that sets a many-to-many field (or taggit tags) from a list."""

    def hook(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, field_name).set(list(extracted))

    return factory.PostGeneration(hook)


def _add_tags(obj, create, extracted, **kwargs):
    if create and extracted:
        obj.tags.add(*extracted)


# Accounts -------------------------------------------------------------------------------------


def _groups(*default: str):
    """Post-generation: put the user in these groups (names), or in `default` when none are given.

    The staff groups exist from the accounts migration.
    """

    def hook(user, create, extracted, **kwargs):
        names = default if extracted is None else extracted
        if create and names:
            user.groups.add(*Group.objects.filter(name__in=list(names)))

    return factory.PostGeneration(hook)


def _set_password(user, create, extracted, **kwargs):
    user.set_password(extracted or PASSWORD)
    if create:
        user.save(update_fields=["password"])


class UserFactory(DjangoModelFactory):
    """Signed in but in no staff group: treated like the public."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    is_staff = False
    is_superuser = False
    groups = _groups()
    password = factory.PostGeneration(_set_password)


class EditorFactory(UserFactory):
    """A volunteer editor: staff (to use the admin) in Editors, not a superuser."""

    username = factory.Sequence(lambda n: f"editor{n}")
    is_staff = True
    groups = _groups(EDITORS)


class AdminFactory(UserFactory):
    """A real Admins member: staff in the group, never a superuser (the group is their power)."""

    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    groups = _groups(ADMINS)


class SuperuserFactory(UserFactory):
    """The operator's own account: the only one with every power."""

    username = factory.Sequence(lambda n: f"root{n}")
    is_staff = True
    is_superuser = True


# Tapering knowledge ---------------------------------------------------------------------------

DRUG_CLASSES = {
    "antidepressants": ("Antidepressants", 1),
    "benzodiazepines": ("Benzodiazepines", 2),
    "z-drugs": ("Z-drugs", 3),
}


class DrugClassFactory(DjangoModelFactory):
    """get_or_create by slug: the canonical classes may already exist (a data migration, a fixture)."""

    class Meta:
        model = DrugClass
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"class-{n}")
    name = factory.LazyAttribute(lambda c: DRUG_CLASSES.get(c.slug, (c.slug.replace("-", " ").title(),))[0])
    position = factory.LazyAttribute(lambda c: DRUG_CLASSES.get(c.slug, ("", 0))[1])


class DrugFactory(DjangoModelFactory):
    class Meta:
        model = Drug

    name = factory.Sequence(lambda n: f"Drug {n}")
    slug = factory.LazyAttribute(lambda drug: drug.name.lower().replace(" ", "-"))
    drug_class = factory.SubFactory(DrugClassFactory, slug="antidepressants")
    half_life = "about 26 hours"
    half_life_source = "Product SmPC"
    sources = "- Product SmPC"
    is_published = True


class TaperingMethodFactory(DjangoModelFactory):
    class Meta:
        model = TaperingMethod
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Method {n}")
    slug = factory.LazyAttribute(lambda method: method.name.lower().replace(" ", "-"))
    summary = "A way to make small doses."
    worked_example = "Take **100 ml**."
    steps = "Crush the tablet\nMix with 100 ml of water"
    is_published = True
    drug_classes = _set_many("drug_classes")


class _ContributedFactory(DjangoModelFactory):
    """Community content, published by default; `status="draft"` (and no approval) when not."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    status = "published"
    approved_at = factory.Maybe(
        factory.LazyAttribute(lambda item: item.status == "published"),
        yes_declaration=factory.LazyFunction(timezone.now),
        no_declaration=None,
    )
    tags = factory.PostGeneration(_add_tags)


class TipFactory(_ContributedFactory):
    class Meta:
        model = Tip

    title = factory.Sequence(lambda n: f"Tip {n}")
    body = "Rest **well**."
    drug_classes = _set_many("drug_classes")


class ExperienceFactory(_ContributedFactory):
    class Meta:
        model = Experience

    title = factory.Sequence(lambda n: f"Experience {n}")
    body = "It took a year."
    author_name = "Ana"
    drugs = _set_many("drugs")


class ResourceLinkFactory(_ContributedFactory):
    class Meta:
        model = ResourceLink

    title = factory.Sequence(lambda n: f"Link {n}")
    url = "https://example.org/guide"
    description = "A guide."
    kind = ResourceLink.Kind.GUIDE
    drug_classes = _set_many("drug_classes")


# Articles -------------------------------------------------------------------------------------


class ArticleFactory(DjangoModelFactory):
    """Published, a day in the past per sequence number, so newest-first order is the creation order."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = factory.LazyAttribute(lambda article: f"Summary of {article.title}.")
    body = "A short body of plain words."
    status = Article.Status.PUBLISHED
    published_at = factory.Maybe(
        factory.LazyAttribute(lambda article: article.status == Article.Status.PUBLISHED),
        yes_declaration=factory.Sequence(lambda n: timezone.now() - datetime.timedelta(days=n + 1)),
        no_declaration=None,
    )
    tags = _set_many("tags")


# The support directory ------------------------------------------------------------------------


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Listing {n}")
    slug = factory.Sequence(lambda n: f"listing-{n}")
    description = factory.LazyAttribute(lambda organization: f"About {organization.name}.")


class ServiceFactory(DjangoModelFactory):
    """An active charity service; `ServiceAreaFactory` and `PhoneFactory` add where and how to reach it."""

    class Meta:
        model = Service
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    type = Service.Type.CHARITY
    status = Service.Status.ACTIVE
    languages = "en"
    drug_classes = _set_many("drug_classes")


class ServiceAreaFactory(DjangoModelFactory):
    class Meta:
        model = ServiceArea

    service = factory.SubFactory(ServiceFactory)
    country = "GB"
    scope = ServiceArea.Scope.NATIONAL


class PhoneFactory(DjangoModelFactory):
    class Meta:
        model = Phone

    service = factory.SubFactory(ServiceFactory)
    number = "+441179663629"
    country = "GB"


# Moderation -----------------------------------------------------------------------------------


class SubmissionFactory(factory.Factory):
    """A pending submission, made through `moderation.services.submit` as the public would make it."""

    class Meta:
        model = Submission

    kind = "tip"
    data = factory.LazyFunction(
        lambda: {"title": "Slow mornings", "body": "Getting up **slowly** helped with dizziness."}
    )
    pseudonym = ""
    email = ""
    target = None

    @classmethod
    def _create(cls, model_class, **kwargs):
        return moderation_services.submit(**kwargs)

    @classmethod
    def _build(cls, model_class, **kwargs):
        kwargs.pop("target", None)
        return model_class(**kwargs)
