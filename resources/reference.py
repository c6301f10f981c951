"""The benzodiazepine equivalence table, every figure with where it was published.

Kept as data in code rather than in the database: it changes only when a source
changes, and a test can check that every cell carries its source. Sources
disagree, so each source keeps its own column and nothing is averaged.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Source:
    key: str
    short: str
    citation: str
    diazepam_mg: Decimal  # the diazepam amount the figures in this source are equal to
    # Sources this one's table is adapted from: a match with them is not independent agreement.
    derived_from: tuple[str, ...] = ()


ASHTON = Source(
    key="ashton",
    short=_("Ashton (ASAM 2025, table 7)"),
    citation=_(
        "Ashton's equivalents as tabulated in the Joint Clinical Practice Guideline on "
        "Benzodiazepine Tapering (American Society of Addiction Medicine and partner "
        "organisations, 2025), table 7."
    ),
    diazepam_mg=Decimal("10"),
)
VA_DOD = Source(
    key="va_dod",
    short=_("VA/DoD (ASAM 2025, table 7)"),
    citation=_(
        "US Department of Veterans Affairs / Department of Defense equivalents as tabulated "
        "in the same table 7 of the 2025 Joint Clinical Practice Guideline on Benzodiazepine Tapering."
    ),
    diazepam_mg=Decimal("10"),
)
NHS_SCOTLAND = Source(
    key="nhs_scotland",
    short=_("NHS Scotland (Right Decisions)"),
    citation=_(
        "NHS Scotland, Right Decisions: benzodiazepine and Z-drug equivalents, given as "
        "amounts equal to diazepam 5 mg. Adapted from the Ashton Manual and the Maudsley guidelines, "
        "so it is not an independent confirmation of Ashton's figures. It sets clonazepam and clobazam "
        "prescribed for epilepsy apart: changes to them belong with the epilepsy specialist."
    ),
    diazepam_mg=Decimal("5"),
    derived_from=("ashton",),
)
SOURCES = (ASHTON, VA_DOD, NHS_SCOTLAND)


@dataclass(frozen=True)
class Figure:
    amount_mg: Decimal
    source: Source

    @property
    def per_10mg_diazepam(self) -> Decimal:
        """The published figure scaled to diazepam 10 mg (our arithmetic, shown as such)."""
        return self.amount_mg * Decimal("10") / self.source.diazepam_mg

    @property
    def is_scaled(self) -> bool:
        return self.source.diazepam_mg != Decimal("10")


@dataclass(frozen=True)
class Row:
    drug: str
    drug_slug: str
    figures: tuple[Figure, ...]
    note: str = ""

    def figure_from(self, source: Source) -> Figure | None:
        return next((figure for figure in self.figures if figure.source == source), None)

    @property
    def cells(self) -> list[Figure | None]:
        return [self.figure_from(source) for source in SOURCES]

    @property
    def sources_disagree(self) -> bool:
        return len({figure.per_10mg_diazepam for figure in self.figures}) > 1

    @property
    def independent_figures(self) -> tuple[Figure, ...]:
        """Figures whose source is not adapted from another source in the same row."""
        keys = {figure.source.key for figure in self.figures}
        return tuple(figure for figure in self.figures if not set(figure.source.derived_from) & keys)

    @property
    def agreement(self) -> str:
        """One of: differ; agree (independent sources match); derived (only an adapted table matches); single.

        NHS Scotland's table is adapted from Ashton's, so its match with Ashton is not agreement.
        """
        if self.sources_disagree:
            return "differ"
        if len(self.independent_figures) > 1:
            return "agree"
        if len(self.figures) > 1:
            return "derived"
        return "single"


def _row(drug: str, slug: str, note: str = "", **amounts: str) -> Row:
    by_key = {source.key: source for source in SOURCES}
    return Row(
        drug=drug,
        drug_slug=slug,
        figures=tuple(Figure(Decimal(amount), by_key[key]) for key, amount in amounts.items()),
        note=note,
    )


EPILEPSY_NOTE = _(
    "NHS Scotland: when clonazepam or clobazam is prescribed for epilepsy, changes belong with the "
    "epilepsy specialist."
)
TABLE_7_ASHTON_ONLY = _("ASAM 2025 table 7 gives this drug in its Ashton column only.")


BENZODIAZEPINE_EQUIVALENTS: tuple[Row, ...] = (
    _row("Alprazolam", "alprazolam", ashton="0.5", va_dod="1"),
    # As table 7 prints them: 25 mg and 15 mg stand in the Ashton column, with no VA/DoD figure.
    _row("Chlordiazepoxide", "chlordiazepoxide", TABLE_7_ASHTON_ONLY, ashton="25", nhs_scotland="12.5"),
    _row("Clonazepam", "clonazepam", EPILEPSY_NOTE, ashton="0.5", va_dod="1", nhs_scotland="0.25"),
    _row("Clorazepate", "clorazepate", TABLE_7_ASHTON_ONLY, ashton="15"),
    _row("Lorazepam", "lorazepam", ashton="1", va_dod="2", nhs_scotland="0.5"),
    _row("Nitrazepam", "nitrazepam", nhs_scotland="5"),
    _row("Oxazepam", "oxazepam", ashton="20", va_dod="30", nhs_scotland="10"),
    _row("Temazepam", "temazepam", ashton="20", va_dod="15", nhs_scotland="10"),
    _row("Triazolam", "triazolam", ashton="0.5", va_dod="0.25"),
    _row("Zolpidem", "zolpidem", nhs_scotland="10"),
    _row("Zopiclone", "zopiclone", nhs_scotland="7.5"),
)


def row_for(drug_slug: str) -> Row | None:
    return next((row for row in BENZODIAZEPINE_EQUIVALENTS if row.drug_slug == drug_slug), None)
