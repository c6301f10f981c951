# ruff: noqa: E501 (long lines of demo prose and data read better unwrapped)
"""Demo content for `manage.py load_demo`. `load()` must be idempotent.

Facts about drugs are conservative and carry their source: half-lives as the
product information (Summary of Product Characteristics, SmPC) or the Ashton
Manual publishes them, forms as the British National Formulary (BNF) and
product information list them. Tips and experiences are invented samples and
are labelled as such on every page. Nothing here is individual medical advice.
"""

from django.utils import timezone

from taxonomy.models import DrugClass

from .models import Drug, Experience, ResourceLink, TaperingMethod, Tip

FORMS_SOURCE = (
    "As listed in the British National Formulary (BNF) and the product information; "
    "availability varies by country"
)
ASHTON_TABLE = (
    "The Ashton Manual (C. H. Ashton, 2002), table 1: half-lives of benzodiazepines and similar drugs"
)
ASHTON_SOURCE = (
    "- The Ashton Manual: *Benzodiazepines: How They Work and How to Withdraw* (C. H. Ashton, 2002), table 1."
)
BNF_SOURCE = "- British National Formulary (BNF): medicinal forms. Availability varies by country."


def smpc(brand: str) -> str:
    return (
        f"Summary of Product Characteristics ({brand}), as published on the electronic Medicines Compendium"
    )


CLASSES = [
    ("antidepressants", "Antidepressants", "SSRIs, SNRIs, tricyclics and other antidepressants."),
    (
        "benzodiazepines",
        "Benzodiazepines",
        "Tranquillisers and sleeping pills such as diazepam and lorazepam.",
    ),
    ("z-drugs", "Z-drugs", "Sleeping pills such as zopiclone and zolpidem."),
    (
        "antipsychotics",
        "Antipsychotics",
        "Also called neuroleptics; licensed for psychosis and some for bipolar disorder.",
    ),
    ("stimulants", "Stimulants", "Used for ADHD, such as methylphenidate."),
    ("mood-stabilisers", "Mood stabilisers", "Lithium and some anticonvulsants used for mood."),
    ("gabapentinoids", "Gabapentinoids", "Gabapentin and pregabalin."),
]

# slug, name, class, other names, half-life, half-life source, forms and strengths, liquid, notes
DRUGS = [
    ("sertraline", "Sertraline", "antidepressants", "Lustral, Zoloft",
     "about 26 hours (range 22 to 36 hours)", smpc("Lustral"),
     "Tablets: 25 mg (some countries), 50 mg, 100 mg. Oral concentrate 20 mg/ml in some countries.",
     "some", ""),
    ("fluoxetine", "Fluoxetine", "antidepressants", "Prozac, Sarafem",
     "4 to 6 days; its active metabolite norfluoxetine 4 to 16 days", smpc("Prozac"),
     "Capsules: 10 mg (some countries), 20 mg, 60 mg. Tablets in some countries. Oral liquid 20 mg/5 ml.",
     "yes",
     "The product information notes that fluoxetine and norfluoxetine stay in the body for weeks after "
     "the last dose."),
    ("citalopram", "Citalopram", "antidepressants", "Cipramil, Celexa",
     "about one and a half days (about 36 hours)", smpc("Cipramil"),
     "Tablets: 10 mg, 20 mg, 40 mg. Oral drops 40 mg/ml.",
     "yes",
     "The product information for the oral drops states that the drops are absorbed more completely than "
     "tablets, so a dose in drops is not the same number of milligrams as a dose in tablets."),
    ("escitalopram", "Escitalopram", "antidepressants", "Cipralex, Lexapro",
     "about 30 hours", smpc("Cipralex"),
     "Tablets: 5 mg, 10 mg, 15 mg, 20 mg. Oral drops 20 mg/ml in some countries.",
     "some", ""),
    ("paroxetine", "Paroxetine", "antidepressants", "Seroxat, Paxil",
     "about 24 hours, varying widely between people", smpc("Seroxat"),
     "Tablets: 10 mg, 20 mg, 30 mg. Oral suspension 10 mg/5 ml.",
     "yes", ""),
    ("venlafaxine", "Venlafaxine", "antidepressants", "Efexor, Effexor",
     "about 5 hours; its active metabolite O-desmethylvenlafaxine about 11 hours", smpc("Efexor XL"),
     "Tablets (immediate release) and modified-release capsules and tablets: 37.5 mg, 75 mg, 150 mg, "
     "225 mg. Oral solution in some countries.",
     "some", ""),
    ("duloxetine", "Duloxetine", "antidepressants", "Cymbalta, Yentreve",
     "about 12 hours (range 8 to 17 hours)", smpc("Cymbalta"),
     "Gastro-resistant capsules containing small pellets: 20 mg, 30 mg, 40 mg, 60 mg.",
     "no", ""),
    ("mirtazapine", "Mirtazapine", "antidepressants", "Zispin, Remeron",
     "20 to 40 hours", smpc("Zispin SolTab"),
     "Tablets: 15 mg, 30 mg, 45 mg. Orodispersible tablets. Oral solution 15 mg/ml.",
     "yes", ""),
    ("amitriptyline", "Amitriptyline", "antidepressants", "Elavil (some countries)",
     "about 25 hours (range 16 to 40 hours)", smpc("amitriptyline tablets"),
     "Tablets: 10 mg, 25 mg, 50 mg. Oral solution 10 mg/5 ml, 25 mg/5 ml, 50 mg/5 ml.",
     "yes", ""),
    ("bupropion", "Bupropion", "antidepressants", "Zyban, Wellbutrin",
     "about 20 hours", smpc("Zyban"),
     "Modified-release tablets: 150 mg and others depending on country.",
     "no",
     "Modified-release tablets are designed to release the drug slowly; the product information says "
     "they should be swallowed whole."),
    ("vortioxetine", "Vortioxetine", "antidepressants", "Brintellix, Trintellix",
     "about 66 hours", smpc("Brintellix"),
     "Tablets: 5 mg, 10 mg, 20 mg. Oral drops 20 mg/ml in some countries.",
     "some", ""),
    ("trazodone", "Trazodone", "antidepressants", "Molipaxin, Desyrel",
     "5 to 13 hours", smpc("Molipaxin"),
     "Capsules: 50 mg, 100 mg. Tablets: 150 mg. Oral solution 50 mg/5 ml.",
     "yes", ""),
    ("diazepam", "Diazepam", "benzodiazepines", "Valium",
     "20 to 100 hours; its active metabolite desmethyldiazepam 36 to 200 hours", ASHTON_TABLE,
     "Tablets: 2 mg, 5 mg, 10 mg. Oral solution 2 mg/5 ml and 5 mg/5 ml.",
     "yes",
     "The Ashton Manual describes diazepam as the drug it switches people to before tapering, because it "
     "is long-acting and comes in small strengths."),
    ("alprazolam", "Alprazolam", "benzodiazepines", "Xanax",
     "6 to 12 hours", ASHTON_TABLE,
     "Tablets: 0.25 mg, 0.5 mg, 1 mg, 2 mg. Oral concentrate 1 mg/ml in some countries.",
     "some", ""),
    ("clonazepam", "Clonazepam", "benzodiazepines", "Klonopin, Rivotril",
     "18 to 50 hours", ASHTON_TABLE,
     "Tablets: 0.5 mg, 2 mg. Oral solution in several strengths.",
     "yes", ""),
    ("lorazepam", "Lorazepam", "benzodiazepines", "Ativan",
     "10 to 20 hours", ASHTON_TABLE,
     "Tablets: 0.5 mg (some countries), 1 mg, 2.5 mg. Oral concentrate 2 mg/ml in some countries.",
     "some", ""),
    ("temazepam", "Temazepam", "benzodiazepines", "Restoril, Normison",
     "8 to 22 hours", ASHTON_TABLE,
     "Tablets: 10 mg, 20 mg. Oral solution 10 mg/5 ml.",
     "yes", ""),
    ("oxazepam", "Oxazepam", "benzodiazepines", "Serax, Serenid",
     "4 to 15 hours", ASHTON_TABLE,
     "Tablets: 10 mg, 15 mg, 30 mg.",
     "no", ""),
    ("chlordiazepoxide", "Chlordiazepoxide", "benzodiazepines", "Librium",
     "5 to 30 hours; its active metabolite desmethyldiazepam 36 to 200 hours", ASHTON_TABLE,
     "Capsules: 5 mg, 10 mg.",
     "no", ""),
    ("zopiclone", "Zopiclone", "z-drugs", "Zimovane, Imovane",
     "5 to 6 hours", ASHTON_TABLE,
     "Tablets: 3.75 mg, 7.5 mg.",
     "unknown", ""),
    ("zolpidem", "Zolpidem", "z-drugs", "Stilnoct, Ambien",
     "about 2 hours", ASHTON_TABLE,
     "Tablets: 5 mg, 10 mg. Modified-release tablets in some countries.",
     "unknown", ""),
    ("quetiapine", "Quetiapine", "antipsychotics", "Seroquel",
     "about 7 hours; its active metabolite norquetiapine about 12 hours", smpc("Seroquel"),
     "Tablets: 25 mg, 100 mg, 150 mg, 200 mg, 300 mg. Modified-release tablets: 50 mg to 400 mg.",
     "unknown", ""),
    ("olanzapine", "Olanzapine", "antipsychotics", "Zyprexa",
     "about 33 hours (range 21 to 54 hours)", smpc("Zyprexa"),
     "Tablets: 2.5 mg, 5 mg, 7.5 mg, 10 mg, 15 mg, 20 mg. Orodispersible tablets.",
     "no", ""),
    ("aripiprazole", "Aripiprazole", "antipsychotics", "Abilify",
     "about 75 hours (longer in people who break it down slowly)", smpc("Abilify"),
     "Tablets: 5 mg, 10 mg, 15 mg, 30 mg. Orodispersible tablets. Oral solution 1 mg/ml.",
     "yes", ""),
    ("risperidone", "Risperidone", "antipsychotics", "Risperdal",
     "about 3 hours for risperidone itself; about 24 hours for the active fraction with its metabolite",
     smpc("Risperdal"),
     "Tablets: 0.5 mg, 1 mg, 2 mg, 3 mg, 4 mg, 6 mg. Orodispersible tablets. Oral solution 1 mg/ml.",
     "yes", ""),
    ("methylphenidate", "Methylphenidate", "stimulants", "Ritalin, Concerta, Medikinet",
     "about 2 to 3 hours (immediate-release tablets)", smpc("Ritalin"),
     "Tablets: 5 mg, 10 mg, 20 mg. Modified-release tablets and capsules in many strengths. "
     "Oral solution in some countries.",
     "some",
     "Modified-release products release the drug in stages; their product information says they should "
     "be swallowed whole."),
    ("lithium", "Lithium", "mood-stabilisers", "Priadel, Camcolit, Li-Liquid",
     "18 to 36 hours", smpc("Priadel"),
     "Modified-release tablets (lithium carbonate): 200 mg, 400 mg. Oral liquid (lithium citrate).",
     "yes",
     "The BNF notes that lithium carbonate and lithium citrate contain different amounts of lithium per "
     "milligram and that different brands should not be swapped without checking."),
    ("lamotrigine", "Lamotrigine", "mood-stabilisers", "Lamictal",
     "about 33 hours in healthy adults; changed markedly by some other medicines", smpc("Lamictal"),
     "Tablets: 25 mg, 50 mg, 100 mg, 200 mg. Dispersible tablets: 2 mg, 5 mg, 25 mg, 100 mg.",
     "no", ""),
    ("valproate", "Valproate", "mood-stabilisers", "Epilim, Depakote, Depakine",
     "8 to 20 hours", smpc("Epilim"),
     "Gastro-resistant tablets: 200 mg, 500 mg. Modified-release forms. Oral liquid 200 mg/5 ml.",
     "yes", ""),
    ("gabapentin", "Gabapentin", "gabapentinoids", "Neurontin",
     "5 to 7 hours", smpc("Neurontin"),
     "Capsules: 100 mg, 300 mg, 400 mg. Tablets: 600 mg, 800 mg. Oral solution 50 mg/ml.",
     "yes", ""),
    ("pregabalin", "Pregabalin", "gabapentinoids", "Lyrica",
     "about 6 hours", smpc("Lyrica"),
     "Capsules: 25 mg to 300 mg. Oral solution 20 mg/ml.",
     "yes", ""),
]  # fmt: skip

METHOD_SOURCES = """- The Withdrawal Project (Inner Compass Initiative): how laypeople make small doses.
- Maudsley Deprescribing Guidelines (Horowitz and Taylor, 2024), which cover antidepressants, benzodiazepines, gabapentinoids and Z-drugs only: making small doses.
- Horowitz M. A., Taylor D. Tapering of SSRI treatment to mitigate withdrawal symptoms. *Lancet Psychiatry* 2019;6:538-46 (about SSRIs)."""

# Which forms each demo drug comes in, from its "forms and strengths" text above:
# (ordinary tablets, dispersible or orodispersible tablets, capsules of beads or pellets).
FORMS = {
    "sertraline": (True, False, False),
    "fluoxetine": (True, False, False),
    "citalopram": (True, False, False),
    "escitalopram": (True, False, False),
    "paroxetine": (True, False, False),
    "venlafaxine": (True, False, True),
    "duloxetine": (False, False, True),
    "mirtazapine": (True, True, False),
    "amitriptyline": (True, False, False),
    "bupropion": (False, False, False),
    "vortioxetine": (True, False, False),
    "trazodone": (True, False, False),
    "diazepam": (True, False, False),
    "alprazolam": (True, False, False),
    "clonazepam": (True, False, False),
    "lorazepam": (True, False, False),
    "temazepam": (True, False, False),
    "oxazepam": (True, False, False),
    "chlordiazepoxide": (False, False, False),
    "zopiclone": (True, False, False),
    "zolpidem": (True, False, False),
    "quetiapine": (True, False, False),
    "olanzapine": (True, True, False),
    "aripiprazole": (True, True, False),
    "risperidone": (True, True, False),
    "methylphenidate": (True, False, True),
    "lithium": (False, False, False),
    "lamotrigine": (True, True, False),
    "valproate": (False, False, False),
    "gabapentin": (True, False, False),
    "pregabalin": (False, False, False),
}

GENERAL_CAUTIONS = """- Not every tablet or capsule can be crushed, opened or put in a liquid: modified-release,
  gastro-resistant and coated products are made to be swallowed whole. A pharmacist can say which.
- Check every change with your prescriber and pharmacist."""

PHARMACIST_FIRST = "First, people ask a pharmacist whether "

METHODS = [
    {
        "slug": "liquid-titration",
        "name": "Liquid titration",
        "position": 1,
        "summary": "Suspend a tablet in a measured volume of liquid and leave out the share you are cutting.",
        "classes": ["antidepressants", "benzodiazepines", "z-drugs", "antipsychotics", "mood-stabilisers"],
        "suits_forms": "Tablets that may be crushed or dispersed; licensed oral liquids",
        "needs_form": "liquid_or_tablets",
        "what_you_need": "- A measuring cylinder marked in 1 ml steps, or oral syringes\n"
        "- A liquid the pharmacist says suits the drug\n- A pen and a schedule to tick off",
        "steps": PHARMACIST_FIRST + "this tablet may be crushed or dispersed and which liquid suits it.\n"
        "They describe crushing or dispersing the tablet in a measured volume, for example 100 ml.\n"
        "They stir well and leave out the volume that matches the cut.\n"
        "They take the rest straight away, and keep no mixture unless the pharmacist says it is stable.",
        "worked_example": """The community describes suspending one tablet in a measured volume of
liquid, for example **100 ml** in a cylinder marked in 1 ml steps, so each millilitre holds
1/100 of the tablet.

Illustration: a 20 mg tablet in 100 ml gives 0.2 mg in every millilitre. A 10% cut from 20 mg
is 2 mg, which is **10 ml**: remove 10 ml and the remaining 90 ml holds 18 mg. At the next 10%
cut (of 18 mg, so 1.8 mg) the dose is 16.2 mg, which is 81 ml of the same mixture.

With a licensed oral liquid the arithmetic is the same: at 2 mg/ml, 16.2 mg is 8.1 ml. The
[taper planner](/tapering/planner/) works out the millilitres for a whole schedule.""",
        "cautions": GENERAL_CAUTIONS
        + "\n- Powder may not spread evenly in water; stirring and the pharmacist's advice on the liquid matter.",
    },
    {
        "slug": "cut-and-weigh",
        "name": "Cut and weigh",
        "position": 2,
        "summary": "Weigh tablet powder on a digital scale that reads to 0.001 g.",
        "classes": ["antidepressants", "benzodiazepines", "antipsychotics"],
        "suits_forms": "Ordinary tablets that may be crushed or cut",
        "needs_form": "tablets",
        "what_you_need": "- A digital scale reading to 0.001 g (a milligram scale)\n"
        "- A pill crusher or cutter\n- Small containers and labels",
        "steps": PHARMACIST_FIRST + "this tablet may be cut or crushed.\n"
        "People describe weighing a whole tablet and writing down its weight.\n"
        "They work out the weight that matches the dose for the step.\n"
        "They crush or shave the tablet and weigh out that share.",
        "worked_example": """People describe weighing the tablet rather than the drug: the whole
tablet's weight stands for its full strength.

Illustration (weights made up for the arithmetic): a 50 mg tablet weighs 0.200 g. A 10% cut
gives 45 mg, which is 90% of the tablet, so 0.180 g of its powder. The next 10% cut gives
40.5 mg, 81% of the tablet, so 0.162 g.""",
        "cautions": GENERAL_CAUTIONS
        + "\n- A coating adds weight that holds no drug, so a share of the tablet's weight is not "
        "exactly the same share of its dose."
        + "\n- The drug may not be spread evenly through a tablet, so two pieces of the same weight "
        "can hold different amounts."
        + "\n- A scale that reads to 0.001 g can still be out by a few milligrams, which is a large "
        "share of a small weight; cheap scales drift, and people check theirs with a calibration weight.",
    },
    {
        "slug": "bead-counting",
        "name": "Bead counting",
        "position": 3,
        "summary": "Open a capsule of small beads and remove a counted share.",
        "classes": ["antidepressants", "stimulants"],
        "suits_forms": "Capsules filled with beads or pellets",
        "needs_form": "beads",
        "what_you_need": "- A clean, light-coloured surface or tray\n- Tweezers or a card to move beads\n"
        "- Empty capsules from a pharmacy, if you refill them",
        "steps": PHARMACIST_FIRST + "this capsule may be opened.\n"
        "People describe opening the capsule over a tray and counting all the beads.\n"
        "They work out how many beads match the cut.\n"
        "They leave out that many beads and take the rest.",
        "worked_example": """Illustration (bead count made up for the arithmetic): a 30 mg capsule holds
300 beads, so each bead stands for about 0.1 mg. A 10% cut removes 30 beads (27 mg left).
The next 10% cut is of 27 mg, 2.7 mg, so 27 more beads: 243 beads, about 24.3 mg.

People count several capsules to see how much the number of beads varies.""",
        "cautions": GENERAL_CAUTIONS
        + "\n- Beads in gastro-resistant capsules protect the drug; the community describes never "
        "crushing them."
        + "\n- Some modified-release stimulant capsules (methylphenidate, for example) hold a mix of "
        "immediate-release and slower-release beads. Removing beads at random changes that mix, and so "
        "how the dose acts over the day; ask the pharmacist which beads a capsule holds.",
    },
    {
        "slug": "compounding-pharmacy",
        "name": "Compounding pharmacy",
        "position": 4,
        "summary": "A pharmacy makes custom strengths or a liquid to a prescription.",
        "classes": [
            "antidepressants", "benzodiazepines", "z-drugs", "antipsychotics", "stimulants",
            "mood-stabilisers", "gabapentinoids",
        ],
        "suits_forms": "Any, where a pharmacy can make it",
        "needs_form": "any",
        "what_you_need": "- A prescription for the custom strength or liquid\n"
        "- A compounding (or 'specials') pharmacy\n- Time: custom products can take days or weeks",
        "steps": "First, people ask the prescriber and a pharmacist which strengths a schedule would need.\n"
        "The prescriber writes a prescription for those strengths or a liquid.\n"
        "A compounding pharmacy makes and labels them.",
        "worked_example": """For a schedule that steps down from 20 mg by 10% of the current dose, a
prescriber might ask a compounding pharmacy for capsules of 18 mg, 16.2 mg and 14.6 mg, or for
a liquid at a concentration that makes each step a whole number of millilitres.""",
        "cautions": "- Cost and availability vary a great deal by country and insurer.\n"
        "- Custom products can differ slightly from the branded product.",
    },
    {
        "slug": "tapering-strips",
        "name": "Tapering strips",
        "position": 5,
        "summary": "28-day rolls of daily pouches, each the same or a slightly lower dose than the day "
        "before; developed by Groot and van Os.",
        "classes": ["antidepressants", "benzodiazepines", "z-drugs", "antipsychotics"],
        "suits_forms": "Made by a pharmacy from tablets",
        "needs_form": "tablets",
        "what_you_need": "- A prescription: tapering strips are prescription only\n"
        "- A schedule chosen by the doctor and patient together",
        "steps": "First, the prescriber and a pharmacist check that strips can be made for this drug.\n"
        "The doctor and patient choose a schedule.\n"
        "A pharmacy makes a 28-day roll of daily pouches printed with the day and dose.\n"
        "Each day's pouch holds the same or a slightly lower dose than the day before.",
        "worked_example": """A 28-day strip that goes from 20 mg to 18 mg holds 28 pouches, each printed
with its day and dose, the dose falling in small steps across the month so that no single day
carries the whole 10% cut.

Tapering strips were developed in the Netherlands by Peter Groot and Jim van Os, who describe
them in the journal *Psychosis* (2018).""",
        "cautions": "- Prescription only; not available everywhere.",
        "sources": "- Groot P. C., van Os J. Antidepressant tapering strips to help people come off "
        "medication more safely. *Psychosis* 2018;10(2):142-5.\n"
        "- The Withdrawal Project (Inner Compass Initiative): how laypeople make small doses.",
    },
    {
        "slug": "switching-to-diazepam",
        "name": "Switching to a longer-acting drug (the Ashton Manual)",
        "position": 6,
        "summary": "The Ashton Manual describes replacing a short-acting benzodiazepine with diazepam "
        "step by step before tapering.",
        "classes": ["benzodiazepines", "z-drugs"],
        "suits_forms": "Diazepam tablets (2 mg, 5 mg) and oral solution",
        "needs_form": "any",
        "what_you_need": "- A prescriber who agrees with the approach\n"
        "- The equivalence figures and their sources: they disagree",
        "steps": "First, people agree the switch with the prescriber and check the figures with a pharmacist.\n"
        "The Ashton Manual describes replacing one dose of the short-acting drug at a time with diazepam.\n"
        "Once the switch is complete, the diazepam is reduced slowly.",
        "worked_example": """The Ashton Manual explains that diazepam's long half-life gives steadier
levels in the blood and that its small strengths make small cuts possible.

Illustration: the Ashton figures give lorazepam 1 mg as equal to diazepam 10 mg. Other sources
disagree (the VA/DoD figure is lorazepam 2 mg), which is why the
[equivalence table](/reference/benzodiazepine-equivalents/) shows each source side by side.
The Ashton Manual's own schedules make the switch one dose at a time over several weeks.""",
        "cautions": "- Equivalences are approximate and differ between sources and people.\n"
        "- Only with a prescriber.",
        "sources": "- The Ashton Manual (C. H. Ashton, 2002): diazepam substitution and example schedules."
        + "\n- Joint Clinical Practice Guideline on Benzodiazepine Tapering (ASAM, 2025), table 7.",
    },
    {
        "slug": "licensed-liquids",
        "name": "Using a licensed oral liquid",
        "position": 7,
        "summary": "Some drugs come as a licensed liquid, which makes small doses easier to measure.",
        "classes": ["antidepressants", "benzodiazepines", "antipsychotics", "mood-stabilisers", "gabapentinoids"],
        "suits_forms": "Licensed oral solutions, suspensions and drops",
        "needs_form": "liquid",
        "what_you_need": "- A prescription for the liquid\n- Oral syringes marked in 0.1 ml steps",
        "steps": "First, people ask the prescriber or a pharmacist whether a licensed liquid exists where they live.\n"
        "They measure each dose with an oral syringe.",
        "worked_example": """At 2 mg/ml, a 20 mg dose is 10 ml; after three 10% cuts the dose is
14.58 mg, which is about 7.3 ml. Each drug page says whether a liquid is listed, with its source.""",
        "cautions": "- A liquid and a tablet of the same drug are not always absorbed the same way "
        "(the citalopram drops' product information is one example).",
    },
]  # fmt: skip

# Each method's summary in Spanish and Polish (locale/GLOSSARY.md; tú / ty): the same words as the
# English summary, nothing added, so a list on /es/ or /pl/ reads in the page's language.
METHOD_SUMMARIES = {
    "liquid-titration": {
        "es": "Suspende un comprimido en un volumen medido de líquido y deja sin tomar la parte que reduces.",
        "pl": "Rozprowadź tabletkę w odmierzonej ilości płynu i nie przyjmuj części, o którą zmniejszasz dawkę.",
    },
    "cut-and-weigh": {
        "es": "Pesa el polvo del comprimido en una báscula digital que mide hasta 0,001 g.",
        "pl": "Zważ proszek z tabletki na wadze elektronicznej o dokładności 0,001 g.",
    },
    "bead-counting": {
        "es": "Abre una cápsula de microgránulos y retira una parte contada.",
        "pl": "Otwórz kapsułkę z granulkami i usuń odliczoną część.",
    },
    "compounding-pharmacy": {
        "es": "Una farmacia elabora, con receta, dosis a medida o una forma líquida.",
        "pl": "Apteka przygotowuje na receptę dawki na zamówienie lub lek w postaci płynnej.",
    },
    "tapering-strips": {
        "es": "Rollos de 28 días con una bolsita diaria, cada una con la misma dosis que el día anterior "
        "o una algo menor; los desarrollaron Groot y van Os.",
        "pl": "28-dniowe rolki saszetek na każdy dzień, każda z taką samą lub nieco mniejszą dawką niż "
        "dzień wcześniej; opracowali je Groot i van Os.",
    },
    "switching-to-diazepam": {
        "es": "El Manual Ashton describe cómo sustituir paso a paso una benzodiacepina de acción corta por "
        "diazepam antes de la reducción gradual.",
        "pl": "Podręcznik Ashton opisuje, jak krok po kroku zastąpić krótko działającą benzodiazepinę "
        "diazepamem przed stopniowym zmniejszaniem dawki.",
    },
    "licensed-liquids": {
        "es": "Algunos medicamentos existen en forma líquida autorizada, lo que facilita medir dosis pequeñas.",
        "pl": "Niektóre leki są dostępne w zarejestrowanej postaci płynnej, co ułatwia odmierzanie małych dawek.",
    },
}

SAMPLE_AUTHOR = "Sample contributor"

TIPS = [
    ("Keep a short daily symptom diary", ["antidepressants", "benzodiazepines"], ["tracking"],
     "A few words each evening (sleep, mood, body) made it easier to see patterns and to show my "
     "prescriber how each step went."),
    ("Write the schedule down and tick off each day", ["antidepressants"], ["tracking", "planning"],
     "When my head was foggy, a printed schedule on the fridge meant I didn't have to remember where I was."),
    ("Make a change in a calm week", ["antidepressants", "benzodiazepines"], ["planning"],
     "I avoided starting a new step just before a move or an exam. Talking it over with my prescriber "
     "helped me pick the week."),
    ("Take the dose at the same time each day", ["antidepressants", "antipsychotics"], ["routine"],
     "Keeping the time steady made it easier to tell whether a change came from the taper or from a late dose."),
    ("Ask a pharmacist which forms exist", ["antidepressants", "benzodiazepines", "mood-stabilisers"],
     ["pharmacy", "small-doses"],
     "I didn't know my drug came as a liquid until a pharmacist told me. They also explained which "
     "tablets must not be crushed."),
    ("Use an oral syringe for liquids", ["antidepressants", "gabapentinoids"], ["small-doses"],
     "Kitchen spoons vary a lot. An oral syringe with clear markings made small doses much more even."),
    ("Bring a printed plan to appointments", ["antidepressants", "benzodiazepines", "antipsychotics"],
     ["planning", "prescribers"],
     "A one-page summary of what I'd tried and how it went kept the appointment focused. The planner's "
     "print layout helped."),
    ("Plan for bad days in advance", ["benzodiazepines", "z-drugs"], ["coping"],
     "On a good day I wrote a list of small things that help: a short walk, a warm drink, a film I know "
     "well. On bad days I just followed the list."),
    ("Tell one person what you are doing", ["antidepressants", "benzodiazepines"], ["support"],
     "Having one friend who knew meant someone could notice if I was struggling and help me get in "
     "touch with my doctor."),
    ("Gentle movement rather than hard exercise", ["benzodiazepines", "antidepressants"], ["coping"],
     "Hard workouts sometimes left me wired. Slow walks and stretching felt kinder during difficult weeks."),
    ("Notice caffeine and alcohol", ["benzodiazepines", "z-drugs"], ["coping", "sleep"],
     "I noticed that coffee late in the day made my nights worse, so I talked it through with my GP and "
     "kept a note of what I drank."),
    ("A wind-down routine for sleep", ["z-drugs", "benzodiazepines"], ["sleep"],
     "Same bedtime, dim lights, no screens for the last half hour. It didn't fix everything, but it gave "
     "the night a shape."),
    ("Windows and waves", ["antidepressants", "benzodiazepines"], ["coping"],
     "Many people on forums describe good spells ('windows') and bad spells ('waves'). Knowing that "
     "pattern was common helped me not to panic on a bad day."),
    ("Find others who have done it", ["antidepressants", "benzodiazepines", "antipsychotics"], ["support"],
     "Peer forums and support groups helped me feel less alone. The resources page lists some."),
    ("Check with your prescriber before any change", ["antidepressants", "antipsychotics", "mood-stabilisers"],
     ["prescribers"],
     "Every change I made, I discussed first. It was slower, but it meant I had support when things "
     "were hard."),
]  # fmt: skip

EXPERIENCES = [
    ("Two years off paroxetine, slowly", ["paroxetine"], ["liquid", "slow-taper"],
     "I used the liquid form and cut a little each month, agreed with my GP. Some months I held "
     "the same dose for longer. It was slow, and it was worth being patient with myself."),
    ("Switching to diazepam before stopping lorazepam", ["lorazepam", "diazepam"], ["switching"],
     "My prescriber and I followed the idea in the Ashton Manual of switching to diazepam first. The "
     "switch took weeks; the taper after it took much longer."),
    ("Counting venlafaxine beads", ["venlafaxine"], ["bead-counting", "small-doses"],
     "My capsules held small beads. Counting them was fiddly, but it let me make smaller cuts than "
     "the capsule strengths allowed."),
    ("Coming off zopiclone after five years", ["zopiclone"], ["sleep"],
     "Sleep was the hardest part. A steady wind-down routine and a forum of people going through the "
     "same thing kept me going."),
    ("Quetiapine: a slower second attempt", ["quetiapine"], ["slow-taper"],
     "My first attempt was too fast and I went back up with my doctor's help. The second time we made "
     "much smaller cuts near the end."),
    ("Pregabalin and the last few milligrams", ["pregabalin"], ["liquid", "small-doses"],
     "The oral solution let me and my prescriber plan tiny steps at the end, where I had expected the "
     "least trouble and found the most."),
]  # fmt: skip

LINKS = [
    ("the-ashton-manual", "The Ashton Manual", "https://www.benzo.org.uk/manual/", "guide",
     ["benzodiazepines", "z-drugs"], ["guide", "benzodiazepines"],
     "Professor Heather Ashton's guide to benzodiazepines and how to withdraw from them, with example "
     "schedules and a table of equivalents."),
    ("the-withdrawal-project", "The Withdrawal Project", "https://withdrawal.theinnercompass.org/", "guide",
     ["antidepressants", "benzodiazepines", "antipsychotics", "stimulants", "mood-stabilisers",
      "gabapentinoids"], ["guide", "small-doses"],
     "From the Inner Compass Initiative: plain-language material on how laypeople taper, make small "
     "doses and find support."),
    ("survivingantidepressants-org", "SurvivingAntidepressants.org", "https://www.survivingantidepressants.org/",
     "forum", ["antidepressants", "benzodiazepines", "antipsychotics"], ["support", "forum"],
     "A long-running peer forum for people tapering and recovering from psychiatric drug withdrawal."),
    ("benzobuddies", "BenzoBuddies", "https://www.benzobuddies.org/", "forum",
     ["benzodiazepines", "z-drugs"], ["support", "forum"],
     "A peer support community for people reducing and stopping benzodiazepines and Z-drugs."),
    ("harm-reduction-guide-coming-off-psychiatric-drugs",
     "The Harm Reduction Guide to Coming Off Psychiatric Drugs", "https://willhall.net/comingoffmeds/", "guide",
     ["antidepressants", "benzodiazepines", "antipsychotics", "stimulants", "mood-stabilisers"],
     ["guide"],
     "A free guide by Will Hall, published with the Icarus Project and Freedom Center, about making "
     "informed decisions on reducing psychiatric drugs."),
]  # fmt: skip


# Demo texts later found wrong; load_demo replaces them where an editor has not changed them since.
OUTDATED_CLASS_DESCRIPTIONS = {
    "antipsychotics": "Also called neuroleptics; used for psychosis, mood and sleep.",
}


def refresh_demo_record(model, *, lookup: dict, values: dict):
    """Create a demo record, or bring an existing one up to date with the demo text.

    Runs on existing databases too, so corrected demo facts reach them. A record an
    editor has reviewed is theirs and is left alone; an unchanged record is not
    saved again, so a second run changes nothing.
    """
    record = model.objects.filter(**lookup).first()
    if record is None:
        return model.objects.create(**lookup, **values), True
    if record.last_reviewed is not None:
        return record, False
    changed = [name for name, value in values.items() if getattr(record, name) != value]
    if changed:
        for name in changed:
            setattr(record, name, values[name])
        record.save()
    return record, False


# Each generic name as Spanish and Polish spell it (the international nonproprietary
# name in each language), so a drug page on /es/ or /pl/ shows the name readers
# know from their own packets, and search finds either spelling.
LOCAL_NAMES = {
    "sertraline": ("sertralina", "sertralina"),
    "fluoxetine": ("fluoxetina", "fluoksetyna"),
    "citalopram": ("citalopram", "citalopram"),
    "escitalopram": ("escitalopram", "escitalopram"),
    "paroxetine": ("paroxetina", "paroksetyna"),
    "venlafaxine": ("venlafaxina", "wenlafaksyna"),
    "duloxetine": ("duloxetina", "duloksetyna"),
    "mirtazapine": ("mirtazapina", "mirtazapina"),
    "amitriptyline": ("amitriptilina", "amitryptylina"),
    "bupropion": ("bupropión", "bupropion"),
    "vortioxetine": ("vortioxetina", "wortioksetyna"),
    "trazodone": ("trazodona", "trazodon"),
    "diazepam": ("diazepam", "diazepam"),
    "alprazolam": ("alprazolam", "alprazolam"),
    "clonazepam": ("clonazepam", "klonazepam"),
    "lorazepam": ("lorazepam", "lorazepam"),
    "temazepam": ("temazepam", "temazepam"),
    "oxazepam": ("oxazepam", "oksazepam"),
    "chlordiazepoxide": ("clordiazepóxido", "chlordiazepoksyd"),
    "zopiclone": ("zopiclona", "zopiklon"),
    "zolpidem": ("zolpidem", "zolpidem"),
    "quetiapine": ("quetiapina", "kwetiapina"),
    "olanzapine": ("olanzapina", "olanzapina"),
    "aripiprazole": ("aripiprazol", "arypiprazol"),
    "risperidone": ("risperidona", "rysperydon"),
    "methylphenidate": ("metilfenidato", "metylofenidat"),
    "lithium": ("litio", "lit"),
    "lamotrigine": ("lamotrigina", "lamotrygina"),
    "valproate": ("valproato", "walproinian"),
    "gabapentin": ("gabapentina", "gabapentyna"),
    "pregabalin": ("pregabalina", "pregabalina"),
}


def load() -> None:
    now = timezone.now()
    classes = {}
    for position, (slug, name, description) in enumerate(CLASSES, start=1):
        classes[slug], _ = DrugClass.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
        if classes[slug].description == OUTDATED_CLASS_DESCRIPTIONS.get(slug):
            classes[slug].description = description
            classes[slug].save(update_fields=["description"])

    for slug, name, class_slug, other, half_life, hl_source, forms, liquid, notes in DRUGS:
        is_ashton = hl_source == ASHTON_TABLE
        sources = "\n".join(
            [
                ASHTON_SOURCE if is_ashton else f"- {hl_source}: half-life.",
                BNF_SOURCE,
                *([] if is_ashton else [f"- {hl_source}: forms, strengths and notes."]),
            ]
        )
        plain_tablets, dispersible_tablets, bead_capsules = FORMS[slug]
        refresh_demo_record(
            Drug,
            lookup={"slug": slug},
            values={
                "name": name,
                "drug_class": classes[class_slug],
                "other_names": other,
                "local_names": dict(zip(("es", "pl"), LOCAL_NAMES[slug], strict=True))
                if slug in LOCAL_NAMES
                else {},
                "half_life": half_life,
                "half_life_source": hl_source,
                "forms_and_strengths": forms,
                "forms_source": FORMS_SOURCE,
                "liquid": liquid,
                "has_plain_tablets": plain_tablets,
                "has_dispersible_tablets": dispersible_tablets,
                "has_bead_capsules": bead_capsules,
                "notes": notes,
                "sources": sources,
            },
        )

    for data in METHODS:
        method, created = refresh_demo_record(
            TaperingMethod,
            lookup={"slug": data["slug"]},
            values={
                "name": data["name"],
                "position": data["position"],
                "summary": data["summary"],
                "local_summaries": METHOD_SUMMARIES[data["slug"]],
                "worked_example": data["worked_example"],
                "steps": data["steps"],
                "what_you_need": data["what_you_need"],
                "suits_forms": data["suits_forms"],
                "needs_form": data["needs_form"],
                "cautions": data["cautions"],
                "sources": data.get("sources", METHOD_SOURCES),
            },
        )
        if created:
            method.drug_classes.set([classes[slug] for slug in data["classes"]])

    for title, class_slugs, tags, body in TIPS:
        tip, created = Tip.objects.get_or_create(
            title=title,
            is_sample=True,
            defaults={
                "body": body,
                "author_name": SAMPLE_AUTHOR,
                "status": Tip.Status.PUBLISHED,
                "approved_at": now,
            },
        )
        if created:
            tip.drug_classes.set([classes[slug] for slug in class_slugs])
            tip.tags.add(*tags)

    for title, drug_slugs, tags, body in EXPERIENCES:
        experience, created = Experience.objects.get_or_create(
            title=title,
            is_sample=True,
            defaults={
                "body": body,
                "author_name": SAMPLE_AUTHOR,
                "status": Experience.Status.PUBLISHED,
                "approved_at": now,
            },
        )
        if created:
            experience.drugs.set(Drug.objects.filter(slug__in=drug_slugs))
            experience.tags.add(*tags)

    for slug, title, url, kind, class_slugs, tags, description in LINKS:
        link, created = ResourceLink.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "url": url,
                "kind": kind,
                "description": description,
                "status": ResourceLink.Status.PUBLISHED,
                "approved_at": now,
            },
        )
        if created:
            link.drug_classes.set([classes[slug] for slug in class_slugs])
            link.tags.add(*tags)

    load_formulations()


# --- Drug formulations (for the planner's "doses you can make") -----------------------------------
# Strengths as the drug pages above list them, from the BNF and the UK product information; US-only
# forms from the US labels. Nobody has compared these records with each product's SmPC or label, so
# checked_on stays empty and the planner says "as commonly marketed". Splitting is "unknown" unless
# the product is commonly marketed with a score line for equal halves.
FORMULATIONS_SOURCE_UK = (
    "BNF and UK product information (SmPC), as commonly marketed; not checked against each product"
)
FORMULATIONS_SOURCE_US = (
    "US prescribing information (label), as commonly marketed; not checked against each product"
)

# drug slug, kind, strength mg, volume ml (liquids), splitting, modified release, country
FORMULATIONS = [
    ("sertraline", "tablet", "50", None, "unknown", False, ""),
    ("sertraline", "tablet", "100", None, "unknown", False, ""),
    ("sertraline", "tablet", "25", None, "unknown", False, "US"),
    ("sertraline", "liquid", "20", "1", "", False, "US"),
    ("fluoxetine", "capsule", "20", None, "", False, ""),
    ("fluoxetine", "capsule", "10", None, "", False, "US"),
    ("fluoxetine", "liquid", "20", "5", "", False, ""),
    ("citalopram", "tablet", "10", None, "unknown", False, ""),
    ("citalopram", "tablet", "20", None, "unknown", False, ""),
    ("citalopram", "tablet", "40", None, "unknown", False, ""),
    ("escitalopram", "tablet", "5", None, "unknown", False, ""),
    ("escitalopram", "tablet", "10", None, "unknown", False, ""),
    ("escitalopram", "tablet", "20", None, "unknown", False, ""),
    ("paroxetine", "tablet", "10", None, "unknown", False, ""),
    ("paroxetine", "tablet", "20", None, "unknown", False, ""),
    ("paroxetine", "tablet", "30", None, "unknown", False, ""),
    ("paroxetine", "liquid", "10", "5", "", False, ""),
    ("venlafaxine", "capsule", "37.5", None, "", True, ""),
    ("venlafaxine", "capsule", "75", None, "", True, ""),
    ("venlafaxine", "capsule", "150", None, "", True, ""),
    ("mirtazapine", "tablet", "15", None, "unknown", False, ""),
    ("mirtazapine", "tablet", "30", None, "unknown", False, ""),
    ("mirtazapine", "tablet", "45", None, "unknown", False, ""),
    ("mirtazapine", "liquid", "15", "1", "", False, "GB"),
    ("amitriptyline", "tablet", "10", None, "unknown", False, ""),
    ("amitriptyline", "tablet", "25", None, "unknown", False, ""),
    ("amitriptyline", "liquid", "10", "5", "", False, "GB"),
    ("amitriptyline", "liquid", "25", "5", "", False, "GB"),
    ("diazepam", "tablet", "2", None, "unknown", False, ""),
    ("diazepam", "tablet", "5", None, "unknown", False, ""),
    ("diazepam", "tablet", "10", None, "unknown", False, ""),
    ("diazepam", "liquid", "2", "5", "", False, "GB"),
    ("diazepam", "liquid", "5", "5", "", False, "GB"),
    ("alprazolam", "tablet", "0.25", None, "halves", False, "US"),
    ("alprazolam", "tablet", "0.5", None, "halves", False, "US"),
    ("alprazolam", "tablet", "1", None, "halves", False, "US"),
    ("alprazolam", "tablet", "2", None, "halves", False, "US"),
    ("alprazolam", "liquid", "1", "1", "", False, "US"),
    ("clonazepam", "tablet", "0.5", None, "unknown", False, ""),
    ("clonazepam", "tablet", "2", None, "unknown", False, ""),
    ("lorazepam", "tablet", "1", None, "unknown", False, ""),
    ("lorazepam", "tablet", "2.5", None, "unknown", False, "GB"),
    ("lorazepam", "tablet", "0.5", None, "unknown", False, "US"),
    ("lorazepam", "liquid", "2", "1", "", False, "US"),
    ("temazepam", "tablet", "10", None, "unknown", False, "GB"),
    ("temazepam", "tablet", "20", None, "unknown", False, "GB"),
    ("temazepam", "liquid", "10", "5", "", False, "GB"),
    ("gabapentin", "capsule", "100", None, "", False, ""),
    ("gabapentin", "capsule", "300", None, "", False, ""),
    ("gabapentin", "capsule", "400", None, "", False, ""),
    ("gabapentin", "liquid", "50", "1", "", False, ""),
    ("pregabalin", "capsule", "25", None, "", False, ""),
    ("pregabalin", "capsule", "75", None, "", False, ""),
    ("pregabalin", "liquid", "20", "1", "", False, "GB"),
    ("quetiapine", "tablet", "25", None, "unknown", False, ""),
    ("quetiapine", "tablet", "100", None, "unknown", False, ""),
    ("aripiprazole", "tablet", "5", None, "unknown", False, ""),
    ("aripiprazole", "tablet", "10", None, "unknown", False, ""),
    ("aripiprazole", "liquid", "1", "1", "", False, ""),
    ("lithium", "tablet", "200", None, "unknown", True, "GB"),
    ("lithium", "tablet", "400", None, "unknown", True, "GB"),
    ("lamotrigine", "tablet", "25", None, "unknown", False, ""),
    ("lamotrigine", "tablet", "50", None, "unknown", False, ""),
    ("lamotrigine", "tablet", "100", None, "unknown", False, ""),
]  # fmt: skip


def load_formulations() -> None:
    """Idempotent: one record per drug, kind, strength, volume and country."""
    from decimal import Decimal

    from .models import Formulation

    drugs = {drug.slug: drug for drug in Drug.objects.filter(slug__in={row[0] for row in FORMULATIONS})}
    for position, (slug, kind, strength, volume, splitting, modified, country) in enumerate(FORMULATIONS):
        if slug not in drugs:
            continue
        Formulation.objects.get_or_create(
            drug=drugs[slug],
            kind=kind,
            strength_mg=Decimal(strength),
            volume_ml=None if volume is None else Decimal(volume),
            country=country,
            defaults={
                "splitting": splitting or Formulation.Splitting.NO,
                "modified_release": modified,
                "source": FORMULATIONS_SOURCE_US if country == "US" else FORMULATIONS_SOURCE_UK,
                "checked_on": None,
                "position": position,
            },
        )
