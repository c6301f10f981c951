"""Real addresses from the demo content, one per public page type, for the browser tests."""

from urllib.parse import urlencode

from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from charities.models import Organization
from moderation.models import Submission
from resources.models import Drug, TaperingMethod, Tip
from taxonomy.tags import tags_in_use

NOT_FOUND_PATH = "/this-page-does-not-exist/"
PLANNER_QUERY = urlencode(
    {"start_dose": "20", "cut_percent": "10", "days_per_step": "28", "stop_below": "1", "acknowledged": "on"}
)


def planner_with_schedule() -> str:
    return f"{reverse('resources:planner')}?{PLANNER_QUERY}"


def public_pages() -> list[tuple[str, str]]:
    """(name, path) for every public page type; call after the demo content is loaded."""
    tag: Tag = tags_in_use(Article.objects.published()).first()
    return [
        ("home", reverse("home")),
        ("drug list", reverse("resources:drug_list")),
        ("drug", Drug.objects.published().first().get_absolute_url()),
        ("tapering methods", reverse("resources:method_list")),
        ("method", TaperingMethod.objects.published().first().get_absolute_url()),
        ("planner with a schedule", planner_with_schedule()),
        ("tips", reverse("resources:tip_list")),
        ("tip", Tip.objects.published().first().get_absolute_url()),
        ("experiences", reverse("resources:experience_list")),
        ("resources", reverse("resources:link_list")),
        ("benzodiazepine equivalents", reverse("resources:benzo_equivalents")),
        ("support directory", reverse("charities:list")),
        ("organisation", Organization.objects.listed().order_by("name").first().get_absolute_url()),
        ("crisis", reverse("charities:crisis")),
        ("articles", reverse("articles:list")),
        ("article", Article.objects.published().first().get_absolute_url()),
        ("tag", reverse("taxonomy:tag", args=[tag.slug])),
        ("contribute", reverse("moderation:contribute")),
        ("contribute a tip", reverse("moderation:contribute_kind", args=["tip"])),
        ("search", f"{reverse('search:results')}?q=sertraline"),
        ("disclaimer", reverse("disclaimers:detail")),
        ("about", reverse("about")),
        ("privacy", reverse("privacy")),
        ("sign in", reverse("accounts:login")),
        ("not found (404)", NOT_FOUND_PATH),
    ]


def editor_pages() -> list[tuple[str, str]]:
    submission = Submission.objects.open().order_by("pk").first()
    return [
        ("moderation queue", reverse("moderation:queue")),
        ("review a submission", reverse("moderation:review", args=[submission.pk])),
        ("set up two-step sign-in", reverse("accounts:otp_setup")),
    ]
