"""Synthetic documents and realistic queries for `manage.py bench_search`.

Deterministic (seeded) so runs compare. The vocabulary is the site's own:
real drug names with brand names, withdrawal symptoms, tapering methods,
support services, some British spellings; the mix of kinds is roughly what a
mature site would hold (mostly community tips and experiences).
"""

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from .documents import SearchDocument, SearchKind

DRUGS = [
    ("sertraline", "Zoloft Lustral", "antidepressants"),
    ("fluoxetine", "Prozac Sarafem", "antidepressants"),
    ("paroxetine", "Paxil Seroxat", "antidepressants"),
    ("citalopram", "Celexa Cipramil", "antidepressants"),
    ("escitalopram", "Lexapro Cipralex", "antidepressants"),
    ("venlafaxine", "Effexor", "antidepressants"),
    ("desvenlafaxine", "Pristiq", "antidepressants"),
    ("duloxetine", "Cymbalta", "antidepressants"),
    ("mirtazapine", "Remeron Zispin", "antidepressants"),
    ("bupropion", "Wellbutrin Zyban", "antidepressants"),
    ("vortioxetine", "Trintellix Brintellix", "antidepressants"),
    ("amitriptyline", "Elavil", "antidepressants"),
    ("nortriptyline", "Pamelor", "antidepressants"),
    ("trazodone", "Desyrel", "antidepressants"),
    ("agomelatine", "Valdoxan", "antidepressants"),
    ("diazepam", "Valium", "benzodiazepines"),
    ("clonazepam", "Klonopin Rivotril", "benzodiazepines"),
    ("lorazepam", "Ativan", "benzodiazepines"),
    ("alprazolam", "Xanax", "benzodiazepines"),
    ("temazepam", "Restoril", "benzodiazepines"),
    ("chlordiazepoxide", "Librium", "benzodiazepines"),
    ("oxazepam", "Serax", "benzodiazepines"),
    ("nitrazepam", "Mogadon", "benzodiazepines"),
    ("zopiclone", "Imovane Zimovane", "z-drugs"),
    ("zolpidem", "Ambien Stilnoct", "z-drugs"),
    ("eszopiclone", "Lunesta", "z-drugs"),
    ("quetiapine", "Seroquel", "antipsychotics"),
    ("olanzapine", "Zyprexa", "antipsychotics"),
    ("risperidone", "Risperdal", "antipsychotics"),
    ("aripiprazole", "Abilify", "antipsychotics"),
    ("haloperidol", "Haldol", "antipsychotics"),
    ("clozapine", "Clozaril", "antipsychotics"),
    ("lurasidone", "Latuda", "antipsychotics"),
    ("methylphenidate", "Ritalin Concerta", "stimulants"),
    ("lisdexamfetamine", "Vyvanse Elvanse", "stimulants"),
    ("atomoxetine", "Strattera", "stimulants"),
    ("lithium", "Priadel Camcolit", "mood-stabilisers"),
    ("lamotrigine", "Lamictal", "mood-stabilisers"),
    ("valproate", "Depakote Epilim", "mood-stabilisers"),
    ("carbamazepine", "Tegretol", "mood-stabilisers"),
    ("gabapentin", "Neurontin", "gabapentinoids"),
    ("pregabalin", "Lyrica", "gabapentinoids"),
]
SYMPTOMS = [
    "insomnia",
    "dizziness",
    "brain zaps",
    "akathisia",
    "anxiety",
    "tinnitus",
    "nausea",
    "fatigue",
    "depersonalisation",
    "irritability",
    "sweating",
    "headaches",
    "palpitations",
    "muscle tension",
    "crying spells",
    "intrusive thoughts",
    "low mood",
    "panic attacks",
    "derealisation",
    "burning skin",
    "restless legs",
    "vivid dreams",
    "emotional blunting",
    "cognitive fog",
    "sensitivity to light",
]
METHODS = [
    "liquid titration",
    "cut and weigh",
    "bead counting",
    "compounding pharmacy",
    "tapering strips",
    "hyperbolic taper",
    "crossover to diazepam",
    "dry cut",
    "water titration",
    "micro taper",
]
SUPPORT = [
    "helpline",
    "peer support",
    "online forum",
    "charity",
    "support group",
    "volunteers",
    "prescriber",
    "GP",
    "psychiatrist",
    "pharmacist",
    "counselling",
    "organisation",
]
COUNTRIES = ["UK", "Ireland", "Canada", "Australia", "Poland", "Spain", "USA", "New Zealand", "Germany"]
PHRASES = [
    "reduce by ten percent of the current dose",
    "hold until stable",
    "windows and waves",
    "protracted withdrawal",
    "the last few milligrams are the hardest",
    "a digital milligram scale",
    "an oral syringe",
    "my prescriber agreed to a slower plan",
    "symptoms came back after a cut",
    "tranquilliser dependence",
    "behaviour changes",
    "mood stabiliser",
    "stabilise before the next step",
    "sleep improved slowly",
    "keep a symptom diary",
    "the taper took eighteen months",
    "a liquid version from the pharmacy",
    "splitting tablets unevenly",
    "weekly updates",
]
FILLER = [
    "i",
    "my",
    "the",
    "a",
    "after",
    "before",
    "during",
    "then",
    "we",
    "it",
    "was",
    "were",
    "is",
    "and",
    "but",
    "so",
    "because",
    "with",
    "without",
    "for",
    "weeks",
    "months",
    "days",
    "years",
    "slowly",
    "every",
    "morning",
    "night",
    "again",
    "still",
    "better",
    "worse",
    "some",
    "more",
    "less",
]

KIND_WEIGHTS = [
    (SearchKind.EXPERIENCE, 35),
    (SearchKind.TIP, 30),
    (SearchKind.ARTICLE, 12),
    (SearchKind.RESOURCE, 11),
    (SearchKind.LISTING, 10),
    (SearchKind.DRUG, 1),
    (SearchKind.METHOD, 1),
]

TITLES = {
    SearchKind.EXPERIENCE: [
        "Coming off {drug}: month {n}",
        "My {drug} taper and {symptom}",
        "{n} months off {drug}",
        "{symptom} after stopping {drug}",
    ],
    SearchKind.TIP: [
        "Coping with {symptom}",
        "{method} for {drug}",
        "What helped my {symptom}",
        "Tip: {method}",
    ],
    SearchKind.ARTICLE: [
        "Understanding {symptom} in withdrawal",
        "A guide to {method}",
        "Why {drug} withdrawal can last months",
        "Talking to your prescriber about {drug}",
    ],
    SearchKind.RESOURCE: ["{method} explained", "Forum thread: {drug} tapering", "Research on {symptom}"],
    SearchKind.LISTING: [
        "{country} {support} for withdrawal",
        "{support} {country}",
        "{country} benzo {support}",
    ],
    SearchKind.DRUG: ["{drug}"],
    SearchKind.METHOD: ["{method}"],
}


def _sentence(rng: random.Random, topic: list[str]) -> str:
    """One sentence about the document's topic (its drug, symptoms, method), padded with everyday words."""
    parts = [
        rng.choice(topic),
        " ".join(rng.choices(FILLER, k=rng.randint(4, 9))),
        rng.choice(topic) if rng.random() < 0.5 else rng.choice(PHRASES),
        " ".join(rng.choices(FILLER, k=rng.randint(2, 6))),
    ]
    rng.shuffle(parts)
    return " ".join(parts).capitalize() + "."


def documents(count: int, *, seed: int = 7) -> Iterator[SearchDocument]:
    rng = random.Random(seed)
    kinds = [kind for kind, _ in KIND_WEIGHTS]
    weights = [weight for _, weight in KIND_WEIGHTS]
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for number in range(count):
        kind = rng.choices(kinds, weights)[0]
        drug, brands, drug_class = rng.choice(DRUGS)
        symptoms = rng.sample(SYMPTOMS, rng.randint(1, 3))
        values = {
            "drug": drug.capitalize(),
            "symptom": symptoms[0],
            "method": rng.choice(METHODS),
            "support": rng.choice(SUPPORT),
            "country": rng.choice(COUNTRIES),
            "n": rng.randint(1, 36),
        }
        topic = [drug, drug, *symptoms, values["method"], values["support"], rng.choice(PHRASES)]
        if rng.random() < 0.3:
            topic.append(brands.split()[0])
        if kind == SearchKind.LISTING:
            topic += [values["country"], values["support"], "helpline", "volunteers"]
        title = rng.choice(TITLES[kind]).format(**values)
        title = title[0].upper() + title[1:]
        summary = _sentence(rng, topic)
        body = " ".join(_sentence(rng, topic) for _ in range(rng.randint(3, 10)))
        yield SearchDocument(
            kind=kind,
            title=title,
            url=f"/bench/{number}/",
            summary=summary,
            body=body,
            other_names=brands if kind == SearchKind.DRUG else "",
            published_at=start + timedelta(minutes=number * 17),
            drug_classes=(drug_class,),
        )


def _typo(rng: random.Random, word: str) -> str:
    position = rng.randint(1, len(word) - 2)
    operation = rng.choice(["drop", "double", "swap"])
    if operation == "drop":
        return word[:position] + word[position + 1 :]
    if operation == "double":
        return word[:position] + word[position] + word[position:]
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


def queries(count: int, *, seed: int = 11) -> list[str]:
    """What visitors type: drug and brand names, symptoms, phrases, typos, a few operators."""
    rng = random.Random(seed)
    generators = [
        (30, lambda: rng.choice(DRUGS)[0]),
        (12, lambda: rng.choice(rng.choice(DRUGS)[1].split())),
        (10, lambda: _typo(rng, rng.choice(DRUGS)[0])),
        (14, lambda: rng.choice(SYMPTOMS)),
        (10, lambda: f'"{rng.choice(METHODS)}"'),
        (10, lambda: f"{rng.choice(DRUGS)[0]} {rng.choice(SYMPTOMS).split()[0]}"),
        (6, lambda: f"{rng.choice(COUNTRIES)} {rng.choice(SUPPORT)}"),
        (4, lambda: rng.choice(["withdrawal", "taper", "tapering", "dose", "sleep", "months"])),
        (
            4,
            lambda: rng.choice(
                ["tranquilliser", "mood stabiliser", "behaviour", "counseling", "organization"]
            ),
        ),
        (
            4,
            lambda: rng.choice(
                [
                    f"{rng.choice(DRUGS)[0]} -liquid",
                    f"{rng.choice(DRUGS)[0]} or {rng.choice(DRUGS)[0]}",
                    f'"{rng.choice(PHRASES)}"',
                ]
            ),
        ),
    ]
    weights = [weight for weight, _ in generators]
    makers = [maker for _, maker in generators]
    return [rng.choices(makers, weights)[0]() for _ in range(count)]
