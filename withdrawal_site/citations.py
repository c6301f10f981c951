"""Publications the site quotes, each with the words it is cited by.

Shared by the content apps (the tapering guidance in resources, the "get medical
help now" signs in charities) so that neither imports the other; statements tied
to these sources live with the app that makes them.
"""

from dataclasses import dataclass

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
        "withdrawal reactions. Stopping abruptly or reducing the dose too quickly can cause withdrawal "
        "reactions, including seizures, which can be life-threatening; the class labelling it required "
        "lists delirium among the severe acute withdrawal signs."
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

ASAM_2025_TABLE_7 = Citation(
    key="asam-2025-table-7",
    short=_("ASAM 2025 joint guideline, table 7"),
    full=_(
        "Joint Clinical Practice Guideline on Benzodiazepine Tapering (American Society of Addiction "
        "Medicine and partner organisations, 2025), table 7: benzodiazepine equivalents from the "
        "Ashton Manual and from the VA/DoD, side by side."
    ),
)
VA_DOD = Citation(
    key="va-dod",
    short=_("VA/DoD equivalents (as tabulated in ASAM 2025, table 7)"),
    full=_(
        "US Department of Veterans Affairs and Department of Defense benzodiazepine equivalents, as "
        "tabulated in table 7 of the 2025 Joint Clinical Practice Guideline on Benzodiazepine Tapering."
    ),
)
PRIADEL_SMPC = Citation(
    key="priadel-smpc",
    short=_("Priadel (lithium carbonate) product information"),
    full=_(
        "Summary of Product Characteristics, Priadel prolonged-release tablets (lithium carbonate), "
        "electronic Medicines Compendium: half-life 18 to 36 hours; serum lithium monitoring; "
        "relapse after abrupt discontinuation."
    ),
    url="https://www.medicines.org.uk/emc/search?q=Priadel",
)
NICE_CG185 = Citation(
    key="nice-cg185",
    short=_("NICE guideline CG185, bipolar disorder"),
    full=_(
        "National Institute for Health and Care Excellence, CG185: Bipolar disorder: assessment and "
        "management (stopping medication gradually and watching for signs of relapse)."
    ),
    url="https://www.nice.org.uk/guidance/cg185",
)
LAMICTAL_SMPC = Citation(
    key="lamictal-smpc",
    short=_("Lamictal (lamotrigine) product information"),
    full=_(
        "Summary of Product Characteristics, Lamictal (lamotrigine), electronic Medicines Compendium: "
        "re-starting after a break needs the starting dose schedule again because of the risk of "
        "serious rash; in epilepsy, abrupt withdrawal may provoke rebound seizures."
    ),
    url="https://www.medicines.org.uk/emc/search?q=Lamictal",
)
MHRA_VALPROATE = Citation(
    key="mhra-valproate",
    short=_("MHRA: valproate and pregnancy"),
    full=_(
        "Medicines and Healthcare products Regulatory Agency, valproate use by women and girls: the "
        "Pregnancy Prevention Programme, and the advice not to stop valproate without first talking "
        "to the prescriber."
    ),
    url="https://www.gov.uk/guidance/valproate-use-by-women-and-girls",
)
CLOZARIL_SMPC = Citation(
    key="clozaril-smpc",
    short=_("Clozaril (clozapine) product information"),
    full=_(
        "Summary of Product Characteristics, Clozaril (clozapine), electronic Medicines Compendium: "
        "planned stopping by gradual reduction with observation for withdrawal reactions; blood "
        "monitoring; re-titration after a break in treatment."
    ),
    url="https://www.medicines.org.uk/emc/search?q=Clozaril",
)
SEROQUEL_SMPC = Citation(
    key="seroquel-smpc",
    short=_("Seroquel (quetiapine) product information"),
    full=_(
        "Summary of Product Characteristics, Seroquel (quetiapine), electronic Medicines Compendium: "
        "licensed uses; acute withdrawal symptoms after abrupt cessation; tardive dyskinesia can "
        "worsen or arise after treatment stops."
    ),
    url="https://www.medicines.org.uk/emc/search?q=Seroquel",
)
BNF_ANTIPSYCHOTICS = Citation(
    key="bnf-antipsychotics",
    short=_("BNF treatment summary: psychoses and related disorders"),
    full=_(
        "British National Formulary, treatment summary on psychoses and related disorders: "
        "withdrawal of antipsychotics after long-term use should be gradual and closely monitored, "
        "to avoid acute withdrawal syndromes or rapid relapse."
    ),
)
ZIMOVANE_SMPC = Citation(
    key="zimovane-smpc",
    short=_("Zimovane (zopiclone) product information, sections 4.4 and 4.8"),
    full=_(
        "Summary of Product Characteristics, Zimovane (zopiclone): dependence, and withdrawal symptoms "
        "when treatment stops suddenly (section 4.4); the withdrawal symptoms reported, including rebound "
        "insomnia and, in very rare cases, seizures (section 4.8)."
    ),
    url="https://www.medicines.org.uk/emc/search?q=Zimovane",
)
GABAPENTINOID_SMPCS = Citation(
    key="gabapentinoid-smpcs",
    short=_("Neurontin (gabapentin) and Lyrica (pregabalin) product information"),
    full=_(
        "Summaries of Product Characteristics, Neurontin (gabapentin) and Lyrica (pregabalin): if "
        "treatment is stopped, do it gradually over a minimum of 1 week, whatever it was prescribed for."
    ),
    url="https://www.medicines.org.uk/emc/search?q=pregabalin",
)
RITALIN_SMPC = Citation(
    key="ritalin-smpc",
    short=_("Ritalin (methylphenidate) product information"),
    full=_(
        "Summary of Product Characteristics, Ritalin (methylphenidate): careful supervision is needed "
        "when the drug is withdrawn, since this may unmask depression as well as chronic over-activity."
    ),
    url="https://www.medicines.org.uk/emc/search?q=Ritalin",
)
PROZAC_SMPC = Citation(
    key="prozac-smpc",
    short=_("Prozac (fluoxetine) product information"),
    full=_(
        "Summary of Product Characteristics, Prozac (fluoxetine): fluoxetine and its metabolite "
        "norfluoxetine have long half-lives and stay in the body for weeks after the last dose."
    ),
    url="https://www.medicines.org.uk/emc/search?q=Prozac",
)
GROOT_VAN_OS_2018 = Citation(
    key="groot-van-os-2018",
    short=_("Groot and van Os, Psychosis 2018 (tapering strips)"),
    full=_(
        "P. C. Groot and J. van Os, Antidepressant tapering strips to help people come off medication "
        "more safely, Psychosis 2018;10(2):142-5. Tapering strips were developed in the Netherlands "
        "by Groot and van Os with a pharmacy."
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
        ASAM_2025_TABLE_7,
        VA_DOD,
        PRIADEL_SMPC,
        NICE_CG185,
        LAMICTAL_SMPC,
        MHRA_VALPROATE,
        CLOZARIL_SMPC,
        SEROQUEL_SMPC,
        BNF_ANTIPSYCHOTICS,
        ZIMOVANE_SMPC,
        GABAPENTINOID_SMPCS,
        RITALIN_SMPC,
        PROZAC_SMPC,
        GROOT_VAN_OS_2018,
    )
}


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
