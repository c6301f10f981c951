"""Published guidance the site quotes, each statement tied to the publication it comes from.

One home for citations and published tapering paces, so the drug pages, the
planner's guardrails and the prescriber summary quote the same words from the
same source. Kept as data in code: it changes only when a publication changes,
and tests check that every statement names its source and stays within its
scope (the Maudsley Deprescribing Guidelines, for example, cover only
antidepressants, benzodiazepines, gabapentinoids and Z-drugs).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Citation:
    key: str
    short: str
    full: str
    url: str = ""


FDA_2020 = Citation(
    key="fda-2020",
    short=_("FDA boxed warning, September 2020"),
    full=_(
        "US Food and Drug Administration, Drug Safety Communication of 23 September 2020: a boxed "
        "warning for all benzodiazepines on abuse, misuse, addiction, physical dependence and "
        "withdrawal reactions."
    ),
    url="https://www.fda.gov/drugs/drug-safety-and-availability/fda-requiring-boxed-warning-updated-improve-safe-use-benzodiazepine-drug-class",
)
ASAM_2025 = Citation(
    key="asam-2025",
    short=_("Joint benzodiazepine tapering guideline (ASAM and partners, 2025)"),
    full=_(
        "Joint Clinical Practice Guideline on Benzodiazepine Tapering, American Society of "
        "Addiction Medicine and partner organisations, 2025."
    ),
)
NICE_NG215 = Citation(
    key="nice-ng215",
    short=_("NICE guideline NG215 (2022)"),
    full=_(
        "National Institute for Health and Care Excellence, NG215: Medicines associated with "
        "dependence or withdrawal symptoms: safe prescribing and withdrawal management for adults (2022)."
    ),
    url="https://www.nice.org.uk/guidance/ng215",
)
MAUDSLEY_2024 = Citation(
    key="maudsley-2024",
    short=_("Maudsley Deprescribing Guidelines (2024)"),
    full=_(
        "M. A. Horowitz and D. M. Taylor, The Maudsley Deprescribing Guidelines: Antidepressants, "
        "Benzodiazepines, Gabapentinoids and Z-drugs (Wiley Blackwell, 2024)."
    ),
)
HOROWITZ_TAYLOR_2019 = Citation(
    key="horowitz-taylor-2019",
    short=_("Horowitz and Taylor, Lancet Psychiatry 2019"),
    full=_(
        "M. A. Horowitz and D. Taylor, Tapering of SSRI treatment to mitigate withdrawal symptoms, "
        "Lancet Psychiatry 2019;6:538-46 (serotonin transporter occupancy measured with PET)."
    ),
)
ASHTON_MANUAL = Citation(
    key="ashton",
    short=_("The Ashton Manual"),
    full=_("C. H. Ashton, Benzodiazepines: How They Work and How to Withdraw (the Ashton Manual), 2002."),
    url="https://www.benzo.org.uk/manual/",
)
NHS_SCOTLAND = Citation(
    key="nhs-scotland",
    short=_("NHS Scotland (Right Decisions)"),
    full=_(
        "NHS Scotland, Right Decisions: benzodiazepine and Z-drug equivalents and withdrawal. Adapted "
        "from the Ashton Manual and the Maudsley guidelines, so it is not an independent confirmation "
        "of them."
    ),
)

CITATIONS = {
    citation.key: citation
    for citation in (
        FDA_2020,
        ASAM_2025,
        NICE_NG215,
        MAUDSLEY_2024,
        HOROWITZ_TAYLOR_2019,
        ASHTON_MANUAL,
        NHS_SCOTLAND,
    )
}


@dataclass(frozen=True)
class Pace:
    """A published pace of reduction: what the source says, and the figures a guardrail compares with.

    ``largest_cut_percent`` and ``shortest_interval_days`` are the outer edge the
    source describes (a cut per step as a share of the current dose, and the
    shortest time between cuts); ``typical`` is the source's own summary, quoted
    beside any warning so the reader sees what the comparison rests on.
    """

    citation: Citation
    drug_classes: tuple[str, ...]
    typical: str
    largest_cut_percent: Decimal
    shortest_interval_days: int


PACES: tuple[Pace, ...] = (
    Pace(
        citation=ASAM_2025,
        drug_classes=("benzodiazepines",),
        typical=_(
            "Initial cuts of 5 to 10% every 2 to 4 weeks, and typically not more than 25% every 2 weeks."
        ),
        largest_cut_percent=Decimal("25"),
        shortest_interval_days=14,
    ),
    Pace(
        citation=MAUDSLEY_2024,
        drug_classes=("antidepressants", "benzodiazepines", "gabapentinoids", "z-drugs"),
        typical=_("Reductions of 10 to 25% of the most recent dose every 2 to 4 weeks, slower near the end."),
        largest_cut_percent=Decimal("25"),
        shortest_interval_days=14,
    ),
)


def paces_for(drug_class_slug: str) -> tuple[Pace, ...]:
    """The published paces whose scope includes this drug class (none for classes no source covers)."""
    return tuple(pace for pace in PACES if drug_class_slug in pace.drug_classes)


# Added for the "get medical help now" signs (templates/includes/urgent_help.html, charities/urgent_help.py).
NHS_WHEN_TO_CALL_999 = Citation(
    key="nhs-999",
    short=_("NHS: when to call 999"),
    full=_(
        "NHS (England), When to call 999: emergencies such as a seizure, sudden confusion, chest pain, "
        "severe difficulty breathing, loss of consciousness, or someone who may end their life."
    ),
    url="https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/",
)
CITATIONS[NHS_WHEN_TO_CALL_999.key] = NHS_WHEN_TO_CALL_999
