"""Published tapering paces the site quotes, each tied to the publication it comes from.

One home for the paces (the citations themselves are in `withdrawal_site.citations`,
shared with the directory's urgent-help signs), so the drug pages, the
planner's guardrails and the prescriber summary quote the same words from the
same source. Kept as data in code: it changes only when a publication changes,
and tests check that every statement names its source and stays within its
scope (the Maudsley Deprescribing Guidelines, for example, cover only
antidepressants, benzodiazepines, gabapentinoids and Z-drugs).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from withdrawal_site.citations import ASAM_2025, CITATIONS, MAUDSLEY_2024, Citation

__all__ = ["ASAM_2025", "CITATIONS", "MAUDSLEY_2024", "PACES", "Citation", "Pace", "paces_for"]


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
