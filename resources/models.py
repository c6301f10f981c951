from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from taxonomy.models import DrugClass
from taxonomy.tags import TaggedQuerySet
from withdrawal_site.content import MarkdownFieldsMixin, PublishableQuerySet
from withdrawal_site.corrections import Correctable
from withdrawal_site.markdown import plain_text
from withdrawal_site.reviewing import Reviewable
from withdrawal_site.search.documents import Indexed, SearchDocument
from withdrawal_site.slugs import unique_slug

# --- Editor-written reference pages: drugs and methods ----------------------------------------


class EditorialQuerySet(PublishableQuerySet):
    """Editor-written reference pages, published by their `is_published` boolean.

    A boolean rather than a status (see withdrawal_site/content.py): these pages
    have no drafts in the database, only "shown" or "taken down".
    """

    def published_q(self) -> models.Q:
        return models.Q(is_published=True)


class DrugQuerySet(EditorialQuerySet):
    list_select_related = ("drug_class",)
    # Grouped under their class on the list page.
    list_ordering = ("drug_class__position", "drug_class__name", "name")


class Drug(Indexed, MarkdownFieldsMixin, Correctable, Reviewable, models.Model):
    """One drug: the facts a person tapering looks for, each with its source."""

    class Liquid(models.TextChoices):
        YES = "yes", _("Yes, a licensed liquid is listed")
        SOME_COUNTRIES = "some", _("In some countries")
        NO = "no", _("No licensed liquid commonly listed")
        UNKNOWN = "unknown", _("Not known")

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    drug_class = models.ForeignKey(
        DrugClass, on_delete=models.PROTECT, related_name="drugs", verbose_name=_("drug class")
    )
    other_names = models.CharField(
        _("other names"),
        max_length=500,
        blank=True,
        help_text=_("Brand names and other spellings, separated by commas."),
    )
    # The generic name as each language spells it ("sertralina"): shown on pages in
    # that language, and found by search whatever the language of the page.
    local_names = models.JSONField(
        _("names in other languages"),
        default=dict,
        blank=True,
        help_text=_('The generic name in each language, by language code, e.g. {"es": "sertralina"}.'),
    )
    half_life = models.CharField(_("half-life"), max_length=300, blank=True)
    half_life_source = models.CharField(_("source of the half-life"), max_length=300, blank=True)
    forms_and_strengths = models.TextField(_("forms and strengths"), blank=True)
    forms_source = models.CharField(_("source of the forms and strengths"), max_length=300, blank=True)
    liquid = models.CharField(
        _("is there a liquid?"), max_length=10, choices=Liquid.choices, default=Liquid.UNKNOWN
    )
    # Which forms exist decides which ways of making small doses a drug page offers.
    has_plain_tablets = models.BooleanField(
        _("has ordinary (immediate-release) tablets"),
        default=False,
        help_text=_("Not modified-release or gastro-resistant: the forms a pharmacist may say can be cut."),
    )
    has_dispersible_tablets = models.BooleanField(
        _("has dispersible or orodispersible tablets"), default=False
    )
    has_bead_capsules = models.BooleanField(_("has capsules filled with beads or pellets"), default=False)
    notes = models.TextField(_("notes (Markdown)"), blank=True)
    notes_html = models.TextField(editable=False, blank=True)
    sources = models.TextField(_("sources (Markdown)"), blank=True)
    sources_html = models.TextField(editable=False, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    language = models.CharField(
        _("language"), max_length=10, default="en", choices=settings.CONTENT_LANGUAGES
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DrugQuerySet.as_manager()
    # Half-lives, strengths and forms: every admin edit is kept, with who and when, and can be reverted.
    history = HistoricalRecords(excluded_fields=["notes_html", "sources_html"])

    markdown_fields = {"notes": "notes_html", "sources": "sources_html"}

    CORRECTABLE_FIELDS = (
        "other_names",
        "half_life",
        "half_life_source",
        "forms_and_strengths",
        "forms_source",
        "notes",
        "sources",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("drug")
        verbose_name_plural = _("drugs")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("resources:drug_detail", args=[self.slug])

    @property
    def has_liquid(self) -> bool:
        return self.liquid in (self.Liquid.YES, self.Liquid.SOME_COUNTRIES)

    @property
    def other_names_list(self) -> list[str]:
        return [name.strip() for name in self.other_names.split(",") if name.strip()]

    @classmethod
    def search_queryset(cls, queryset):
        return queryset.select_related("drug_class")

    @property
    def shown_name(self) -> str:
        """The name in the page's language ("Sertralina" on /es/), else the English name."""
        from django.utils.translation import get_language

        local = self.local_names.get(get_language() or "", "") if isinstance(self.local_names, dict) else ""
        local = str(local).strip()
        return local[:1].upper() + local[1:] if local else self.name

    @property
    def local_names_list(self) -> list[str]:
        """Every language's spelling that differs from the English name, once each."""
        if not isinstance(self.local_names, dict):
            return []
        names = {str(name).strip() for name in self.local_names.values() if str(name).strip()}
        return sorted(name for name in names if name.lower() != self.name.lower())

    def search_document(self) -> SearchDocument | None:
        if not self.is_published:
            return None
        return SearchDocument(
            kind="drug",
            title=self.name,
            url=self.get_absolute_url(),
            summary=Truncator(plain_text(self.notes_html)).words(40),
            body=" ".join([self.half_life, self.forms_and_strengths, plain_text(self.notes_html)]),
            other_names=", ".join([*self.other_names_list, *self.local_names_list]),
            language=self.language,
            drug_classes=(self.drug_class.slug,),
        )


class TaperingMethodQuerySet(EditorialQuerySet):
    list_prefetch_related = ("drug_classes",)


class TaperingMethod(Indexed, MarkdownFieldsMixin, Correctable, Reviewable, models.Model):
    """A lay way of making small doses, with a worked example."""

    class NeedsForm(models.TextChoices):
        ANY = "any", _("Any form")
        PLAIN_TABLETS = "tablets", _("Ordinary tablets")
        BEAD_CAPSULES = "beads", _("Capsules filled with beads or pellets")
        LIQUID = "liquid", _("A licensed liquid")
        LIQUID_OR_TABLETS = (
            "liquid_or_tablets",
            _("A licensed liquid, or tablets that may be crushed or dispersed"),
        )

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    # The summary as each language says it, shown on pages in that language; the
    # rest of a method stays in its own language until it has a translated version.
    local_summaries = models.JSONField(
        _("summaries in other languages"),
        default=dict,
        blank=True,
        help_text=_('The summary in each language, by language code, e.g. {"es": "…", "pl": "…"}.'),
    )
    worked_example = models.TextField(_("worked example (Markdown)"))
    worked_example_html = models.TextField(editable=False, blank=True)
    steps = models.TextField(
        _("steps"), blank=True, help_text=_("One step per line, in order; shown as a list.")
    )
    what_you_need = models.TextField(_("what you need (Markdown)"), blank=True)
    what_you_need_html = models.TextField(editable=False, blank=True)
    drug_classes = models.ManyToManyField(
        DrugClass, blank=True, related_name="tapering_methods", verbose_name=_("suits these drug classes")
    )
    suits_forms = models.CharField(_("suits these forms"), max_length=300, blank=True)
    needs_form = models.CharField(
        _("needs this form"),
        max_length=20,
        choices=NeedsForm.choices,
        default=NeedsForm.ANY,
        help_text=_("A drug page offers this method only when the drug comes in this form."),
    )
    cautions = models.TextField(_("cautions (Markdown)"), blank=True)
    cautions_html = models.TextField(editable=False, blank=True)
    sources = models.TextField(_("sources (Markdown)"), blank=True)
    sources_html = models.TextField(editable=False, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    language = models.CharField(
        _("language"), max_length=10, default="en", choices=settings.CONTENT_LANGUAGES
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TaperingMethodQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["worked_example_html", "what_you_need_html", "cautions_html", "sources_html"]
    )

    markdown_fields = {
        "worked_example": "worked_example_html",
        "what_you_need": "what_you_need_html",
        "cautions": "cautions_html",
        "sources": "sources_html",
    }

    CORRECTABLE_FIELDS = (
        "summary",
        "worked_example",
        "steps",
        "what_you_need",
        "suits_forms",
        "cautions",
        "sources",
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("tapering method")
        verbose_name_plural = _("tapering methods")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("resources:method_detail", args=[self.slug])

    def fits(self, drug: "Drug") -> bool:
        """Whether the drug comes in a form this method's own text says it works with."""
        needs = self.NeedsForm
        return {
            needs.ANY: True,
            needs.PLAIN_TABLETS: drug.has_plain_tablets,
            needs.BEAD_CAPSULES: drug.has_bead_capsules,
            needs.LIQUID: drug.has_liquid,
            needs.LIQUID_OR_TABLETS: drug.has_liquid
            or drug.has_plain_tablets
            or drug.has_dispersible_tablets,
        }.get(self.needs_form, False)

    def _local_summary(self) -> tuple[str, str]:
        from django.utils.translation import get_language

        language = (get_language() or "").split("-")[0]
        local = self.local_summaries.get(language) if isinstance(self.local_summaries, dict) else None
        local = str(local or "").strip()
        return (local, language) if local else (self.summary, self.language or "en")

    @property
    def shown_summary(self) -> str:
        """The summary in the page's language where one is written, else the method's own."""
        return self._local_summary()[0]

    @property
    def shown_summary_language(self) -> str:
        """The language shown_summary is in, for its `lang` attribute (WCAG 3.1.2)."""
        return self._local_summary()[1]

    @property
    def step_list(self) -> list[str]:
        return [line.strip() for line in self.steps.splitlines() if line.strip()]

    @classmethod
    def search_queryset(cls, queryset):
        return queryset.prefetch_related("drug_classes")

    def search_document(self) -> SearchDocument | None:
        if not self.is_published or self.pk is None:
            return None
        return SearchDocument(
            kind="method",
            title=self.name,
            url=self.get_absolute_url(),
            summary=self.summary,
            body=" ".join(
                [plain_text(self.worked_example_html), plain_text(self.what_you_need_html), self.steps]
            ),
            language=self.language,
            drug_classes=tuple(drug_class.slug for drug_class in self.drug_classes.all()),
        )


# --- Community content: tips, experiences, resource links ---------------------------------------


class ContributedQuerySet(TaggedQuerySet, PublishableQuerySet):
    """Community content: public only in the Published status an editor's approval sets."""

    def published_q(self) -> models.Q:
        return models.Q(status=ContributedContent.Status.PUBLISHED)

    def in_drug_class(self, slug: str):
        return self.filter(drug_classes__slug=slug).distinct()


class ContributedContent(Indexed, MarkdownFieldsMixin, Correctable, models.Model):
    """What the community contributes: public only once an editor has approved it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    is_sample = models.BooleanField(
        _("sample content"), default=False, help_text=_("Written for the demo, not by a real person.")
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=10, default="en", choices=settings.CONTENT_LANGUAGES
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-approved_at", "-created_at"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(type(self), self.title, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class TipQuerySet(ContributedQuerySet):
    list_prefetch_related = ("drug_classes", "tags")


class Tip(ContributedContent):
    """A short, practical coping tip from the community."""

    body = models.TextField(_("tip (Markdown)"))
    body_html = models.TextField(editable=False, blank=True)
    author_name = models.CharField(_("pseudonym"), max_length=100, blank=True)
    drug_classes = models.ManyToManyField(
        DrugClass, blank=True, related_name="tips", verbose_name=_("drug classes")
    )
    tags = TaggableManager(blank=True)

    objects = TipQuerySet.as_manager()

    markdown_fields = {"body": "body_html"}

    CORRECTABLE_FIELDS = ("title", "body")

    class Meta(ContributedContent.Meta):
        verbose_name = _("tip")
        verbose_name_plural = _("tips")

    def get_absolute_url(self) -> str:
        return reverse("resources:tip_detail", args=[self.slug])

    @classmethod
    def search_queryset(cls, queryset):
        return queryset.prefetch_related("drug_classes")

    def search_document(self) -> SearchDocument | None:
        if not self.is_published or self.pk is None:
            return None
        return SearchDocument(
            kind="tip",
            title=self.title,
            url=self.get_absolute_url(),
            summary=Truncator(plain_text(self.body_html)).words(30),
            body=plain_text(self.body_html),
            language=self.language,
            published_at=self.approved_at,
            drug_classes=tuple(drug_class.slug for drug_class in self.drug_classes.all()),
        )


class ExperienceQuerySet(ContributedQuerySet):
    @property
    def list_prefetch_related(self):
        # A fresh Prefetch each time: Django may adjust a Prefetch while it prefetches.
        return (models.Prefetch("drugs", queryset=Drug.objects.select_related("drug_class")), "tags")

    def in_drug_class(self, slug: str):
        return self.filter(drugs__drug_class__slug=slug).distinct()


class Experience(ContributedContent):
    """One person's lived experience of coming off, under a pseudonym."""

    body = models.TextField(_("experience (Markdown)"))
    body_html = models.TextField(editable=False, blank=True)
    author_name = models.CharField(_("pseudonym"), max_length=100, blank=True)
    drugs = models.ManyToManyField(Drug, blank=True, related_name="experiences", verbose_name=_("drugs"))
    tags = TaggableManager(blank=True)

    objects = ExperienceQuerySet.as_manager()

    markdown_fields = {"body": "body_html"}

    CORRECTABLE_FIELDS = ("title", "body")

    class Meta(ContributedContent.Meta):
        verbose_name = _("experience")
        verbose_name_plural = _("experiences")

    def get_absolute_url(self) -> str:
        return reverse("resources:experience_detail", args=[self.slug])

    @classmethod
    def search_queryset(cls, queryset):
        return queryset.prefetch_related(
            models.Prefetch("drugs", queryset=Drug.objects.select_related("drug_class"))
        )

    def search_document(self) -> SearchDocument | None:
        if not self.is_published or self.pk is None:
            return None
        drugs = list(self.drugs.all())
        return SearchDocument(
            kind="experience",
            title=self.title,
            url=self.get_absolute_url(),
            summary=Truncator(plain_text(self.body_html)).words(30),
            body=plain_text(self.body_html),
            other_names=", ".join(drug.name for drug in drugs),
            language=self.language,
            published_at=self.approved_at,
            drug_classes=tuple(sorted({drug.drug_class.slug for drug in drugs})),
        )


class ResourceLinkQuerySet(ContributedQuerySet):
    list_prefetch_related = ("drug_classes", "tags")


class ResourceLink(ContributedContent):
    """An external guide, forum, group or book that people have found useful."""

    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        FORUM = "forum", _("Forum")
        ONLINE_GROUP = "online_group", _("Online group")
        INFORMATION = "information", _("Information")
        BLOG = "blog", _("Blog")
        BOOK = "book", _("Book")
        RESEARCH = "research", _("Research")
        OTHER = "other", _("Other")

    url = models.URLField(_("web address"), max_length=500)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField(_("description (Markdown)"), blank=True)
    description_html = models.TextField(editable=False, blank=True)
    drug_classes = models.ManyToManyField(
        DrugClass, blank=True, related_name="resource_links", verbose_name=_("drug classes")
    )
    tags = TaggableManager(blank=True)

    objects = ResourceLinkQuerySet.as_manager()

    markdown_fields = {"description": "description_html"}

    CORRECTABLE_FIELDS = ("title", "url", "description")

    class Meta(ContributedContent.Meta):
        verbose_name = _("resource link")
        verbose_name_plural = _("resource links")

    def get_absolute_url(self) -> str:
        return reverse("resources:link_detail", args=[self.slug])

    @classmethod
    def search_queryset(cls, queryset):
        return queryset.prefetch_related("drug_classes")

    def search_document(self) -> SearchDocument | None:
        if not self.is_published or self.pk is None:
            return None
        return SearchDocument(
            kind="resource",
            title=self.title,
            url=self.get_absolute_url(),
            summary=Truncator(plain_text(self.description_html)).words(30),
            body=" ".join([plain_text(self.description_html), self.url]),
            language=self.language,
            published_at=self.approved_at,
            drug_classes=tuple(drug_class.slug for drug_class in self.drug_classes.all()),
        )


class FormulationQuerySet(models.QuerySet):
    def for_country(self, country: str):
        """What is marketed in this country, plus forms recorded as common to most countries."""
        if not country:
            return self
        return self.filter(models.Q(country=country) | models.Q(country=""))


class Formulation(models.Model):
    """One form a drug comes in, so the planner can say how a dose could be made from it.

    A liquid is stored as "strength_mg in volume_ml", the way the label reads
    (20 mg in 5 ml), never pre-divided, so nobody has to convert it by hand.
    ``checked_on`` stays empty until someone compares the record with the
    product information; the planner then says "as commonly marketed".
    """

    class Kind(models.TextChoices):
        TABLET = "tablet", _("tablet")
        CAPSULE = "capsule", _("capsule")
        LIQUID = "liquid", _("oral liquid")

    class Splitting(models.TextChoices):
        HALVES = "halves", _("scored: can be divided into equal halves")
        SWALLOWING = "swallowing", _("score line only to help swallowing, not for equal doses")
        NO = "no", _("not scored")
        UNKNOWN = "unknown", _("not known")

    drug = models.ForeignKey(
        Drug, on_delete=models.CASCADE, related_name="formulations", verbose_name=_("drug")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    strength_mg = models.DecimalField(_("strength (mg)"), max_digits=10, decimal_places=4)
    volume_ml = models.DecimalField(
        _("in volume (ml)"),
        max_digits=10,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Liquids only: the strength is this many milligrams in this many millilitres."),
    )
    splitting = models.CharField(
        _("splitting"), max_length=12, choices=Splitting.choices, default=Splitting.UNKNOWN
    )
    modified_release = models.BooleanField(_("modified release"), default=False)
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("ISO code; empty if marketed in most countries.")
    )
    source = models.CharField(_("source"), max_length=300)
    checked_on = models.DateField(
        _("checked against the product information on"),
        null=True,
        blank=True,
        help_text=_("Leave empty until someone has compared this record with the SmPC or label."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = FormulationQuerySet.as_manager()
    # The strengths the planner computes doses from.
    history = HistoricalRecords()

    class Meta:
        ordering = ["drug", "kind", "strength_mg", "position"]
        verbose_name = _("formulation")
        verbose_name_plural = _("formulations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(strength_mg__gt=0), name="formulation_strength_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(kind="liquid", volume_ml__isnull=False, volume_ml__gt=0)
                | (~models.Q(kind="liquid") & models.Q(volume_ml=None)),
                name="formulation_liquid_has_volume",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.drug}: {self.label}"

    @property
    def label(self) -> str:
        from .planner import display

        if self.kind == self.Kind.LIQUID:
            return _("%(mg)s mg in %(ml)s ml oral liquid") % {
                "mg": display(self.strength_mg),
                "ml": display(self.volume_ml),
            }
        return f"{display(self.strength_mg)} mg {self.get_kind_display()}"
