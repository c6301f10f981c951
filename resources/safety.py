"""What to know before coming off a drug: statements per drug class, with drug-specific additions.

Every statement names the publications it rests on (keys into guidance.CITATIONS)
and says only what they say; a test checks that every class in the data has a
section and that every citation key resolves. The drug page and the planner show
the same section through templates/resources/includes/coming_off.html.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .guidance import CITATIONS, Citation


@dataclass(frozen=True)
class Statement:
    text: str
    citation_keys: tuple[str, ...]

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(CITATIONS[key] for key in self.citation_keys)


def _s(text, *keys: str) -> Statement:
    return Statement(text=text, citation_keys=keys)


BENZODIAZEPINE_SUDDEN_STOP = _s(
    _(
        "Do not stop suddenly or cut the dose fast. Stopping abruptly or reducing quickly can bring on "
        "withdrawal reactions that can be life-threatening, including seizures and delirium."
    ),
    "fda-2020",
)

CLASS_STATEMENTS: dict[str, tuple[Statement, ...]] = {
    "benzodiazepines": (
        BENZODIAZEPINE_SUDDEN_STOP,
        _s(
            _(
                "The 2025 joint guideline describes initial cuts of 5 to 10% of the dose every 2 to 4 weeks, "
                "and typically not more than 25% every 2 weeks."
            ),
            "asam-2025",
        ),
        _s(
            _(
                "When a benzodiazepine such as clonazepam or clobazam is prescribed for epilepsy, NHS "
                "Scotland's guidance sets it apart from the usual switching and reduction tables: changes "
                "belong with the epilepsy specialist."
            ),
            "nhs-scotland",
        ),
    ),
    "z-drugs": (
        _s(
            _(
                "Do not stop suddenly after regular use. The product information says that stopping "
                "suddenly once dependence has developed brings withdrawal symptoms, including rebound "
                "insomnia, and in very rare cases seizures."
            ),
            "zimovane-smpc",
        ),
        _s(
            _(
                "The Maudsley Deprescribing Guidelines cover Z-drugs and describe reductions of 10 to 25% "
                "of the most recent dose every 2 to 4 weeks, slower near the end."
            ),
            "maudsley-2024",
        ),
    ),
    "antidepressants": (
        _s(
            _(
                "Do not stop abruptly: reduce gradually, agreed with the prescriber. Withdrawal symptoms "
                "can be severe and can last a long time for some people."
            ),
            "nice-ng215",
        ),
        _s(
            _("Physical dependence on a medicine is not the same as addiction."),
            "nice-ng215",
        ),
        _s(
            _(
                "Reductions proportional to the current dose, going down to very small doses before "
                "stopping, are described for SSRIs on the basis of serotonin transporter occupancy "
                "measured with PET."
            ),
            "horowitz-taylor-2019",
        ),
    ),
    "antipsychotics": (
        _s(
            _(
                "Stopping after long-term use should be gradual and closely monitored: stopping quickly "
                "risks acute withdrawal symptoms and a rapid relapse of the condition it was treating."
            ),
            "bnf-antipsychotics",
        ),
        _s(
            _(
                "Involuntary movements (dyskinesia) can appear or get worse after an antipsychotic is "
                "stopped. Tell the prescriber about any new movements."
            ),
            "seroquel-smpc",
        ),
        _s(
            _(
                "Clozapine is different: it is stopped only under medical supervision. The product "
                "information describes a planned stop as a gradual reduction over 1 to 2 weeks, with close "
                "observation if it must stop suddenly; after a break of more than two days it has to be "
                "started again from a low dose."
            ),
            "clozaril-smpc",
        ),
    ),
    "mood-stabilisers": (
        _s(
            _(
                "NICE's bipolar disorder guideline describes stopping these medicines gradually and "
                "watching for early signs of relapse into mania or depression."
            ),
            "nice-cg185",
        ),
        _s(
            _(
                "Lamotrigine and valproate are also anticonvulsants: for anyone taking one for epilepsy, "
                "changes belong with the epilepsy specialist. The lamotrigine product information warns "
                "that stopping suddenly may provoke rebound seizures."
            ),
            "lamictal-smpc",
        ),
    ),
    "gabapentinoids": (
        _s(
            _(
                "If gabapentin or pregabalin is stopped, the product information says to do it gradually "
                "over a minimum of 1 week, whatever it was prescribed for."
            ),
            "gabapentinoid-smpcs",
        ),
        _s(
            _(
                "The Maudsley Deprescribing Guidelines cover gabapentinoids and describe reductions of 10 "
                "to 25% of the most recent dose every 2 to 4 weeks, slower near the end."
            ),
            "maudsley-2024",
        ),
    ),
    "stimulants": (
        _s(
            _(
                "Stopping needs careful supervision by the prescriber: the product information says that "
                "withdrawal may unmask depression as well as long-standing over-activity."
            ),
            "ritalin-smpc",
        ),
    ),
}

DRUG_STATEMENTS: dict[str, tuple[Statement, ...]] = {
    "lithium": (
        _s(
            _(
                "Stopping lithium quickly carries a risk of relapse, mania in particular. NICE describes "
                "reducing it gradually over at least 4 weeks, preferably up to 3 months, and watching for "
                "early signs of mania and depression."
            ),
            "priadel-smpc",
            "nice-cg185",
        ),
        _s(
            _(
                "Lithium needs regular blood tests: the amount in the blood is kept within a narrow range, "
                "and any change of dose, brand or form is checked with a blood level."
            ),
            "priadel-smpc",
        ),
    ),
    "lamotrigine": (
        _s(
            _(
                "After a break in taking lamotrigine, do not go straight back to the old dose: it has to "
                "be restarted at a low dose and built up again, because of the risk of a serious rash. "
                "Ask the prescriber before restarting."
            ),
            "lamictal-smpc",
        ),
        _s(
            _("In epilepsy, stopping lamotrigine suddenly may provoke rebound seizures."),
            "lamictal-smpc",
        ),
    ),
    "valproate": (
        _s(
            _(
                "Valproate can seriously harm a baby in the womb. Anyone who could become pregnant, or is "
                "pregnant, should not stop valproate on their own: talk to the prescriber straight away, "
                "because stopping suddenly can bring back seizures or mood symptoms."
            ),
            "mhra-valproate",
        ),
    ),
    "quetiapine": (
        _s(
            _(
                "After abrupt stopping, the product information describes acute withdrawal symptoms such as "
                "insomnia, nausea, headache, diarrhoea, vomiting, dizziness and irritability, and advises "
                "gradual withdrawal over at least one to two weeks."
            ),
            "seroquel-smpc",
        ),
        _s(
            _(
                "Its licence covers schizophrenia and bipolar disorder (and, for the modified-release "
                "tablets, add-on treatment of depression); it is not licensed as a sleeping pill."
            ),
            "seroquel-smpc",
        ),
    ),
    "fluoxetine": (
        _s(
            _(
                "Fluoxetine leaves the body slowly, so withdrawal symptoms may start later than with other "
                "antidepressants, sometimes weeks after a change."
            ),
            "prozac-smpc",
            "maudsley-2024",
        ),
    ),
    "diazepam": (
        _s(
            _(
                "Diazepam is long-acting, so withdrawal symptoms can start days to weeks after a change, "
                "not only in the first days."
            ),
            "ashton",
        ),
    ),
    "clonazepam": (
        _s(
            _(
                "Clonazepam is also prescribed for epilepsy. If that is why you take it, do not change the "
                "dose without the epilepsy specialist."
            ),
            "nhs-scotland",
        ),
    ),
}


@dataclass(frozen=True)
class ComingOff:
    class_statements: tuple[Statement, ...]
    drug_statements: tuple[Statement, ...]

    @property
    def statements(self) -> tuple[Statement, ...]:
        return self.drug_statements + self.class_statements

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Each publication once, in the order the statements first cite it."""
        seen: dict[str, Citation] = {}
        for statement in self.statements:
            for citation in statement.citations:
                seen.setdefault(citation.key, citation)
        return tuple(seen.values())


def coming_off(*, drug_class_slug: str, drug_slug: str = "") -> ComingOff | None:
    """The section for a drug: its own statements first, then its class's; None if there are none."""
    section = ComingOff(
        class_statements=CLASS_STATEMENTS.get(drug_class_slug, ()),
        drug_statements=DRUG_STATEMENTS.get(drug_slug, ()),
    )
    return section if section.statements else None
