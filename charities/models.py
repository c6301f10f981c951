"""The support directory, shaped after Open Referral HSDS 3.0.

An Organization runs Services (a helpline, a peer group, a forum ...). A Service
has Phones, opening Schedules and ServiceAreas. Visitors must be able to tell
how current a listing is, so every Service records when it was last checked
(HSDS `assured_date`) and by whom.
"""

import datetime
import zoneinfo
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from taxonomy.models import DrugClass
from withdrawal_site.corrections import Correctable
from withdrawal_site.search.documents import Indexed, SearchDocument

from .phones import display_phone, normalise_phone
from .validation import (
    LANGUAGE_CODE_RE,  # noqa: F401 (imported from here by older callers)
    country_choices,
    country_name,
    split_codes,
    validate_country_code,
    validate_language_codes,
)

# A listing nobody has checked for this long may be out of date.
STALE_AFTER = datetime.timedelta(days=365)


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Europe/London."), params={"value": value}
        ) from error


def language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_codes_named(needle: str) -> list[str]:
    """Codes whose English or translated name is `needle` ("polish", "polski" -> pl)."""
    from django.conf.locale import LANG_INFO

    needle = needle.strip().lower()
    if not needle:
        return []
    codes = []
    for code, info in LANG_INFO.items():
        if "-" in code or "name" not in info:
            continue
        names = {info["name"].lower(), info.get("name_local", "").lower(), code}
        if needle in names or needle == str(language_name(code)).lower():
            codes.append(code)
    return codes


def sms_href(number: str, body: str = "") -> str:
    """An `sms:` link that fills in the word to send.

    `?&body=` is the one form both iOS (which reads `&body=`) and Android
    (which reads `?body=`) understand.
    """
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return f"sms:{digits}?&body={quote(body)}" if body else f"sms:{digits}"


def action_label(*, kind: str, display: str, sms_body: str = "") -> str:
    if kind == "text":
        if sms_body:
            return str(_("Text %(word)s to %(number)s") % {"word": sms_body, "number": display})
        return str(_("Text %(number)s") % {"number": display})
    return str(_("Call %(number)s") % {"number": display})


def today() -> datetime.date:
    return timezone.localdate()


class OrganizationQuerySet(models.QuerySet):
    """The directory's "published": an organisation is public while it has a listed service.

    Same shape as withdrawal_site.content.PublishableQuerySet: `listed()` is a
    pure filter, `for_list()`/`for_detail()` add the loading pages need.
    """

    def listed(self) -> "OrganizationQuerySet":
        """Organisations with a service people can use: a pure filter, nothing loaded, no order."""
        return self.filter(Exists(Service.objects.listed_only().filter(organization=OuterRef("pk"))))

    def for_list(self) -> "OrganizationQuerySet":
        """Listed organisations by name, each with its listed services prefetched.

        The services are in `organization.listed_services`, each with phones,
        schedules, areas and drug classes: a fixed number of queries however
        many organisations there are.
        """
        return (
            self.listed()
            .prefetch_related(
                Prefetch(
                    "services",
                    queryset=Service.objects.listed_only().with_details(),
                    to_attr="listed_services",
                )
            )
            .order_by("name")
        )

    def for_detail(self) -> "OrganizationQuerySet":
        """One organisation's page renders the same services as a list entry."""
        return self.for_list()

    def for_drug_class(self, drug_class) -> "OrganizationQuerySet":
        """Listed organisations with a service for `drug_class` (a DrugClass or its slug)."""
        slug = getattr(drug_class, "slug", drug_class)
        return self.listed().filter(
            Exists(Service.objects.listed_only().filter(organization=OuterRef("pk"), drug_classes__slug=slug))
        )


class Organization(Indexed, Correctable, models.Model):
    """Who runs a service (HSDS organization)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    charity_number = models.CharField(
        _("charity number"), max_length=50, blank=True, help_text=_("Registered charity number, if any.")
    )
    former_names = models.TextField(
        _("former names"),
        blank=True,
        help_text=_("One per line, so people who know the old name can still find it."),
    )
    note = models.TextField(
        _("note for admins"),
        blank=True,
        help_text=_("Not shown on the site: where details came from, what still needs checking."),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganizationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("charities:detail", args=[self.slug])

    @property
    def former_name_list(self) -> list[str]:
        return [line.strip() for line in self.former_names.splitlines() if line.strip()]

    # Search -------------------------------------------------------------

    @staticmethod
    def _searchable_services() -> "ServiceQuerySet":
        # Only what the document uses: no phones or hours.
        return Service.objects.listed_only().prefetch_related(
            Prefetch("areas", queryset=ServiceArea.objects.order_by("pk")), "drug_classes"
        )

    @classmethod
    def search_queryset(cls, queryset):
        return queryset.prefetch_related(
            Prefetch("services", queryset=cls._searchable_services(), to_attr="searchable_services")
        )

    def search_document(self) -> SearchDocument | None:
        services = getattr(self, "searchable_services", None)
        if services is None:
            services = list(
                self._searchable_services().filter(organization=self).select_related("organization")
            )
        if not services:
            return None
        drug_classes = sorted({dc.slug for service in services for dc in service.drug_classes.all()})
        body = " ".join(
            part
            for service in services
            for part in [
                *self.former_name_list,
                service.display_name,
                str(service.get_type_display()),
                service.description,
                *(area.label for area in service.areas.all()),
            ]
            if part
        )
        return SearchDocument(
            kind="listing",
            title=self.name,
            url=self.get_absolute_url(),
            summary=self.description[:300],
            body=body,
            published_at=self.created_at,
            drug_classes=tuple(drug_classes),
        )

    def mark_changed(self) -> None:
        """Something on this organisation's page changed (a service, phone, hours, area).

        Bumps `updated_at` (the sitemap's lastmod); the save is noted by the
        content-changed hook, which re-indexes it for search on commit.
        `charities/signals.py` calls it; nothing else needs to.
        Not a version in the organisation's history: none of its own fields
        changed, and the part that did keeps its own history.
        """
        self.skip_history_when_saving = True
        try:
            self.save(update_fields=["updated_at"])
        finally:
            del self.skip_history_when_saving

    # Corrections --------------------------------------------------------

    CORRECTABLE_FIELDS = ("name", "description", "website", "email")

    def first_service(self) -> "Service | None":
        return self.services.order_by("position", "pk").first()

    def correctable_fields(self) -> dict[str, tuple[str, str]]:
        result = super().correctable_fields()
        service = self.first_service()
        phone = service.phones.order_by("position", "pk").first() if service else None
        area = service.areas.order_by("pk").first() if service else None
        result["phone"] = (str(_("Phone number")), phone.number if phone else "")
        result["hours_note"] = (str(_("Opening hours")), service.hours_note if service else "")
        result["area_description"] = (str(_("Area served")), area.description if area else "")
        return result

    def apply_correction(self, changes: dict[str, str]) -> None:
        # A correction here also writes the service, its phone and area: that is a service's job.
        raise TypeError("Corrections to listings go through charities.services.apply_listing_correction.")


class ServiceQuerySet(models.QuerySet):
    def listed_only(self) -> "ServiceQuerySet":
        return self.filter(status__in=Service.LISTED_STATUSES)

    def with_details(self) -> "ServiceQuerySet":
        return self.select_related("organization").prefetch_related(
            Prefetch("phones", queryset=Phone.objects.order_by("position", "pk")),
            Prefetch("schedules", queryset=Schedule.objects.order_by("weekday", "opens_at", "pk")),
            Prefetch("areas", queryset=ServiceArea.objects.order_by("pk")),
            "drug_classes",
        )

    def listed(self) -> "ServiceQuerySet":
        """What the public directory shows, ready to render without further queries."""
        return self.listed_only().with_details().order_by("organization__name", "position", "pk")

    def crisis_lines(self) -> "ServiceQuerySet":
        """Working crisis lines only: a line reported closed or of unknown state is never offered."""
        return self.listed().filter(is_crisis_line=True, status__in=Service.WORKING_STATUSES)

    def stale(self, *, on: datetime.date | None = None) -> "ServiceQuerySet":
        """Never verified, or last verified more than a year before `on` (today)."""
        cutoff = (on or today()) - STALE_AFTER
        return self.filter(Q(last_verified__isnull=True) | Q(last_verified__lt=cutoff))

    def serving_country(self, code: str) -> "ServiceQuerySet":
        """Services for people in `code`, including online and international ones."""
        return self.filter(
            Exists(
                ServiceArea.objects.filter(service=OuterRef("pk")).filter(
                    Q(country=code) | Q(scope=ServiceArea.Scope.ONLINE) | Q(country="")
                )
            )
        )

    def for_drug_class(self, slug: str) -> "ServiceQuerySet":
        """Services for that class, and services with no class: those cover every drug."""
        through = Service.drug_classes.through.objects
        return self.filter(
            Exists(through.filter(service=OuterRef("pk"), drugclass__slug=slug))
            | ~Exists(through.filter(service=OuterRef("pk")))
        )

    def in_country_first(self, code: str | None) -> "ServiceQuerySet":
        """The visitor's own country first (as on the crisis page), then everything else by name."""
        if not code:
            return self
        here = Exists(ServiceArea.objects.filter(service=OuterRef("pk"), country=code))
        return self.annotate(in_visitor_country=here).order_by(
            "-in_visitor_country", "organization__name", "position", "pk"
        )

    def national_or_online(self, code: str | None) -> "ServiceQuerySet":
        """The fallback when nothing local matches: nationwide or online services for `code`,
        then international online ones."""
        areas = ServiceArea.objects.filter(service=OuterRef("pk"))
        wide = Q(country="") | Q(scope=ServiceArea.Scope.ONLINE)
        if code:
            wide |= Q(country=code, scope=ServiceArea.Scope.NATIONAL)
        return self.filter(Exists(areas.filter(wide))).in_country_first(code)

    def speaking(self, code: str) -> "ServiceQuerySet":
        return self.filter(
            Q(languages=code)
            | Q(languages__startswith=f"{code},")
            | Q(languages__endswith=f",{code}")
            | Q(languages__contains=f",{code},")
        )

    def search(self, text: str) -> "ServiceQuerySet":
        """Names, descriptions, type, drug names (brand and generic), towns and regions, languages.

        A drug name matches the services for its class and those that cover every drug.
        """
        text = text.strip()
        needle = text.lower()
        through = Service.drug_classes.through.objects
        matches = (
            Q(name__icontains=text)
            | Q(description__icontains=text)
            | Q(organization__name__icontains=text)
            | Q(organization__former_names__icontains=text)
            | Q(organization__description__icontains=text)
            | Q(hours_note__icontains=text)
            | Q(address__icontains=text)
            | Exists(ServiceArea.objects.filter(service=OuterRef("pk"), description__icontains=text))
            | Exists(through.filter(service=OuterRef("pk"), drugclass__name__icontains=text))
        )
        singular = needle.removesuffix("s")
        types = [
            value
            for value, label in Service.Type.choices
            if len(singular) >= 4 and (singular in str(label).lower() or singular in value.replace("_", " "))
        ]
        if types:
            matches |= Q(type__in=types)
        countries = [code for code, name in country_choices() if needle == str(name).lower()]
        if countries:
            matches |= Exists(ServiceArea.objects.filter(service=OuterRef("pk"), country__in=countries))
        for code in language_codes_named(needle):
            matches |= (
                Q(languages=code)
                | Q(languages__startswith=f"{code},")
                | Q(languages__endswith=f",{code}")
                | Q(languages__contains=f",{code},")
            )
        if DrugClass.objects.filter(name__icontains=text).exists():
            # A drug class by name also finds the services that cover every drug.
            matches |= ~Exists(through.filter(service=OuterRef("pk")))
        drug_class_ids = DrugClass.objects.with_drug_named(text).values("pk")
        matches |= Exists(through.filter(service=OuterRef("pk"), drugclass_id__in=drug_class_ids)) | (
            ~Exists(through.filter(service=OuterRef("pk"))) & Exists(drug_class_ids)
        )
        return self.filter(matches)

    def open_at(self, moment: datetime.datetime) -> "ServiceQuerySet":
        """Services with a schedule that is open at `moment`, each in its own time zone.

        One query reads every candidate schedule; the opening test runs in
        Python, where zoneinfo knows each zone's daylight-saving rules.
        """
        open_ids = {
            schedule.service_id
            for schedule in Schedule.objects.filter(service__in=self.values("pk"))
            if schedule.is_open_at(moment)
        }
        return self.filter(pk__in=open_ids)


class Service(models.Model):
    """Something people can use: a helpline, a group, a forum (HSDS service)."""

    class Type(models.TextChoices):
        HELPLINE = "helpline", _("Helpline")
        CHARITY = "charity", _("Charity service")
        PEER_SUPPORT = "peer_support", _("Peer support group")
        ONLINE_FORUM = "online_forum", _("Online forum")
        ONLINE_GROUP = "online_group", _("Online group")
        PRACTITIONER_NETWORK = "practitioner_network", _("Practitioner network")
        INFORMATION = "information", _("Information")

    class Status(models.TextChoices):
        # Values as in HSDS service.status.
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        DEFUNCT = "defunct", _("Defunct")
        TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")
        # Ours, not HSDS: what we honestly know when we cannot confirm a listing either way.
        UNKNOWN = "unknown", _("Not known whether it is running")
        REPORTED_CLOSED = "reported closed", _("Reported closed")

    # Shown in the directory; only ACTIVE ones are shown as working (phones to tap, crisis page).
    LISTED_STATUSES = (Status.ACTIVE, Status.TEMPORARILY_CLOSED, Status.UNKNOWN, Status.REPORTED_CLOSED)
    WORKING_STATUSES = (Status.ACTIVE,)
    ONLINE_TYPES = (Type.ONLINE_FORUM, Type.ONLINE_GROUP, Type.INFORMATION)

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("Leave empty if it is the organisation's name.")
    )
    type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("web address"), blank=True)
    address = models.CharField(
        _("address"),
        max_length=300,
        blank=True,
        help_text=_("Where people can go in person, if they can. Not the area it serves."),
    )
    drug_classes = models.ManyToManyField(
        "taxonomy.DrugClass", verbose_name=_("drug classes"), blank=True, related_name="directory_services"
    )
    languages = models.CharField(
        _("languages"),
        max_length=100,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Language codes separated by commas, for example: en, pl"),
    )
    cost = models.CharField(_("cost"), max_length=200, blank=True, help_text=_("For example: free."))
    eligibility = models.TextField(_("who can use it"), blank=True)
    hours_note = models.CharField(
        _("opening hours note"),
        max_length=300,
        blank=True,
        help_text=_("Free text when the hours are irregular, for example: evenings, see website."),
    )
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.ACTIVE)
    is_crisis_line = models.BooleanField(
        _("crisis line"), default=False, help_text=_("Listed on the crisis page.")
    )
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    verification_source = models.CharField(
        _("checked against"),
        max_length=300,
        blank=True,
        help_text=_("Where the details were checked, for example: the organisation's own website."),
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ServiceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__name", "position", "pk"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs) -> None:
        self.languages = ",".join(dict.fromkeys(split_codes(self.languages)))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return self.organization.get_absolute_url() + f"#service-{self.pk}"

    @property
    def display_name(self) -> str:
        return self.name or self.organization.name

    @property
    def language_list(self) -> list[tuple[str, str]]:
        return [(code, language_name(code)) for code in split_codes(self.languages)]

    @property
    def is_working(self) -> bool:
        """Shown as a service people can use now (phones to tap), not only listed."""
        return self.status in self.WORKING_STATUSES

    @property
    def covers_all_drugs(self) -> bool:
        """No drug class means every drug (Samaritans, CEP ...): it matches every drug filter."""
        return not self.drug_classes.all()

    @property
    def web_address(self) -> str:
        return self.url or self.organization.website

    def completeness_problems(self, *, phone_count: int | None = None) -> list[str]:
        """What a listing lacks before it may be shown: a way in and a one-line description.

        `phone_count` lets the admin check phones still being typed into its form.
        """
        problems = []
        phones = self.phones.count() if phone_count is None and self.pk else (phone_count or 0)
        organization = self.organization if self.organization_id else None
        ways_in = [
            self.url,
            self.address,
            phones,
            organization.website if organization else "",
            organization.email if organization else "",
        ]
        if not any(ways_in):
            problems.append(
                str(_("Add at least one way to reach it: a web address, phone, email or address."))
            )
        if not (self.description.strip() or (organization and organization.description.strip())):
            problems.append(str(_("Add a one-line description of what it offers.")))
        return problems

    def is_stale(self, *, on: datetime.date | None = None) -> bool:
        return self.last_verified is None or self.last_verified < (on or today()) - STALE_AFTER

    @property
    def possibly_out_of_date(self) -> bool:
        """Checked once, but more than a year ago."""
        return self.last_verified is not None and self.is_stale()

    def is_open_at(self, moment: datetime.datetime) -> bool:
        """Uses the prefetched schedules; no structured hours means not known to be open."""
        return any(schedule.is_open_at(moment) for schedule in self.schedules.all())

    def home_country(self) -> str:
        for area in self.areas.all():
            if area.country:
                return area.country
        return ""


class Phone(models.Model):
    """A number for a service (HSDS phone), stored in E.164 or as a short code."""

    class Type(models.TextChoices):
        # HSDS phone.type values.
        VOICE = "voice", _("Voice")
        TEXT = "text", _("Text message")
        CELL = "cell", _("Mobile")
        FAX = "fax", _("Fax")
        VIDEO = "video", _("Video")
        PAGER = "pager", _("Pager")
        TEXTPHONE = "textphone", _("Textphone")

    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(
        _("number"),
        max_length=30,
        help_text=_("Any format; a national number needs its country. Saved in international (E.164) form."),
    )
    country = models.CharField(
        _("country"), max_length=2, blank=True, choices=country_choices, validators=[validate_country_code]
    )
    is_short_code = models.BooleanField(
        _("short code"),
        default=False,
        editable=False,
        help_text=_("A national short number such as 116 123."),
    )
    type = models.CharField(_("type"), max_length=20, choices=Type.choices, default=Type.VOICE)
    description = models.CharField(_("description"), max_length=200, blank=True)
    sms_body = models.CharField(
        _("text message word"),
        max_length=50,
        blank=True,
        help_text=_("For text lines: the word to send, for example SHOUT. Filled into the message."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    # Also when saved through the service's inline: the middleware records who.
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self) -> str:
        return self.display

    def save(self, *args, **kwargs) -> None:
        self.normalise()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.normalise()

    def normalise(self) -> None:
        """Put the number in its stored form or raise ValidationError (on the number field)."""
        try:
            result = normalise_phone(self.number, self.country)
        except ValidationError as error:
            raise ValidationError({"number": error.messages}) from error
        self.number, self.is_short_code, self.country = result.number, result.is_short_code, result.country

    @property
    def tel_href(self) -> str:
        return f"tel:{self.number}"

    @property
    def href(self) -> str:
        """`sms:` for text lines (with the word to send), `tel:` for everything else."""
        if self.type == self.Type.TEXT:
            return sms_href(self.number, self.sms_body)
        return self.tel_href

    @property
    def action_label(self) -> str:
        """What the link says: "Text SHOUT to 85258", "Text 988", "Call 116 123"."""
        return action_label(kind=self.type, display=self.display, sms_body=self.sms_body)

    @property
    def display(self) -> str:
        return display_phone(self.number, is_short_code=self.is_short_code, country=self.country)


class Schedule(models.Model):
    """Regular opening hours on one weekday (HSDS schedule: byday, opens_at, closes_at, timezone).

    When `closes_at` is not after `opens_at` the hours run past midnight; 00:00
    to 00:00 is the whole day.
    """

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="schedules"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    timezone = models.CharField(
        _("time zone"), max_length=60, default="Europe/London", validators=[validate_time_zone]
    )

    class Meta:
        ordering = ["weekday", "opens_at", "pk"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.hours_label}"

    @property
    def is_all_day(self) -> bool:
        return self.opens_at == self.closes_at == datetime.time(0, 0)

    @property
    def hours_label(self) -> str:
        if self.is_all_day:
            return str(_("24 hours"))
        return f"{self.opens_at:%H:%M}\u2013{self.closes_at:%H:%M}"

    def is_open_at(self, moment: datetime.datetime) -> bool:
        try:
            local = moment.astimezone(zoneinfo.ZoneInfo(self.timezone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return False
        now = local.time().replace(tzinfo=None)
        weekday = local.weekday()
        if self.opens_at < self.closes_at:
            return weekday == self.weekday and self.opens_at <= now < self.closes_at
        # Runs past midnight (or all day): the evening of its weekday, the small hours of the next.
        return (weekday == self.weekday and now >= self.opens_at) or (
            weekday == (self.weekday + 1) % 7 and now < self.closes_at
        )


class ServiceArea(models.Model):
    """Where a service is for (HSDS service_area): a country, a region of one, or online."""

    class Scope(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")
        ONLINE = "online", _("Online or international")

    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="areas"
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        choices=country_choices,
        validators=[validate_country_code],
        help_text=_("Empty for online services."),
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, default=Scope.NATIONAL)
    description = models.CharField(
        _("area description"), max_length=200, blank=True, help_text=_("For example: Bristol, England.")
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.scope != self.Scope.ONLINE and not self.country:
            raise ValidationError({"country": _("Choose the country, or make the area online.")})

    @property
    def country_name(self) -> str:
        return country_name(self.country) if self.country else ""

    @property
    def label(self) -> str:
        """One line a visitor reads: "Bristol, England (United Kingdom)", "United Kingdom, nationwide"."""
        if not self.country:
            return self.description or str(_("Online, anywhere"))
        if self.scope == self.Scope.REGIONAL:
            return f"{self.description} ({self.country_name})" if self.description else self.country_name
        label = str(_("%(country)s, nationwide") % {"country": self.country_name})
        if self.scope == self.Scope.ONLINE:
            label = str(_("%(country)s, online") % {"country": self.country_name})
        if self.description and self.description != self.country_name:
            label += f" ({self.description})"
        return label


class EmergencyNumber(models.Model):
    """A country's emergency number (999, 112, 911 ...): the first thing the crisis page offers."""

    country = models.CharField(
        _("country"), max_length=2, choices=country_choices, validators=[validate_country_code]
    )
    number = models.CharField(_("number"), max_length=10, help_text=_("Digits only, for example 999."))
    label = models.CharField(_("label"), max_length=100, help_text=_("For example: Emergency services."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    # The first number the crisis page offers: a wrong digit must be traceable and revertible.
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "position", "pk"]
        verbose_name = _("emergency number")
        verbose_name_plural = _("emergency numbers")
        constraints = [models.UniqueConstraint(fields=["country", "number"], name="unique_emergency_number")]

    def __str__(self) -> str:
        return f"{self.country} {self.number}"

    def clean(self) -> None:
        if not self.number.isdigit():
            raise ValidationError({"number": _("Digits only, for example 999.")})


class Verification(models.Model):
    """One check of a listing by an admin: who, when and how. Append-only (the audit trail)."""

    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="verifications"
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_on = models.DateField(_("verified on"))
    note = models.CharField(
        _("how it was verified"),
        max_length=300,
        blank=True,
        help_text=_("For example: phoned them, checked their website."),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self) -> str:
        return f"{self.service} {self.verified_on}"
