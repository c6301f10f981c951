"""The "get medical help now" signs: when to call the emergency number, each with its sources.

Kept within what the sources say. The FDA boxed warning of September 2020 lists,
among the severe withdrawal reactions of benzodiazepines stopped or cut quickly,
seizures and convulsions, delirium, hallucinations and psychosis, restlessness
and suicidality; the NHS "when to call 999" page lists seizures, sudden
confusion, chest pain, difficulty breathing, fainting or loss of consciousness,
and someone who may end their life.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from withdrawal_site.citations import CITATIONS, Citation


@dataclass(frozen=True)
class Sign:
    text: str
    citation_keys: tuple[str, ...]

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(CITATIONS[key] for key in self.citation_keys)


SIGNS: tuple[Sign, ...] = (
    Sign(_("A seizure (a fit) or convulsions."), ("fda-2020", "nhs-999")),
    Sign(
        _("Sudden confusion or delirium: not knowing where you are or what is real."), ("fda-2020", "nhs-999")
    ),
    Sign(_("Seeing or hearing things that are not there (hallucinations)."), ("fda-2020",)),
    Sign(
        _(
            "Severe agitation or a restlessness you cannot bear (akathisia) together with thoughts of "
            "suicide or of harming yourself."
        ),
        ("fda-2020", "nhs-999"),
    ),
    Sign(_("Chest pain, trouble breathing, or fainting."), ("nhs-999",)),
)


def sources() -> tuple[Citation, ...]:
    """Every citation the signs rest on, once each, in order."""
    return tuple({citation.key: citation for sign in SIGNS for citation in sign.citations}.values())
