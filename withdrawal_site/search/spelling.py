"""British and American spellings, folded to one form before full-text search.

PostgreSQL's English stemmer treats `tranquilliser` and `tranquilizer` as
different words, so both the indexed text and the query pass through
`normalise()`, which rewrites a curated list of British spellings to the
American form. The list is deliberately small and domain-specific: a generic
-ise/-ize rule would also rewrite words such as `exercise` or `promise`.
`variants()` gives every spelling of a word, for the SQLite fallback, which
searches the stored text as written.
"""

import re

# Stems whose -ise/-isation/-iser forms have an -ize twin.
_ISE_STEMS = (
    "tranquil",
    "tranquill",
    "stabil",
    "organ",
    "recogn",
    "real",
    "minim",
    "optim",
    "prioriti",
    "normal",
    "standard",
    "special",
    "emphas",
    "hospital",
    "apolog",
    "sensit",
    "desensit",
    "familiar",
    "categor",
    "summar",
    "util",
    "individual",
    "personal",
    "capital",
    "criminal",
    "medical",
    "symbol",
    "anaesthet",
    "memor",
    "critic",
    "agon",
)
_ISE_SUFFIXES = ("e", "ed", "es", "ing", "er", "ers", "ation", "ations", "ational")

_WORDS = {
    "behaviour": "behavior",
    "behaviours": "behaviors",
    "behavioural": "behavioral",
    "colour": "color",
    "favour": "favor",
    "favourite": "favorite",
    "honour": "honor",
    "labour": "labor",
    "humour": "humor",
    "rumour": "rumor",
    "paediatric": "pediatric",
    "paediatrics": "pediatrics",
    "paediatrician": "pediatrician",
    "oesophagus": "esophagus",
    "oesophageal": "esophageal",
    "oestrogen": "estrogen",
    "anaemia": "anemia",
    "anaesthetic": "anesthetic",
    "anaesthesia": "anesthesia",
    "haemorrhage": "hemorrhage",
    "haematology": "hematology",
    "gynaecology": "gynecology",
    "diarrhoea": "diarrhea",
    "dyspnoea": "dyspnea",
    "oedema": "edema",
    "foetus": "fetus",
    "foetal": "fetal",
    "manoeuvre": "maneuver",
    "programme": "program",
    "programmes": "programs",
    "centre": "center",
    "centres": "centers",
    "litre": "liter",
    "litres": "liters",
    "millilitre": "milliliter",
    "millilitres": "milliliters",
    "counselling": "counseling",
    "counsellor": "counselor",
    "counsellors": "counselors",
    "travelling": "traveling",
    "modelling": "modeling",
    "cancelled": "canceled",
    "licence": "license",
    "defence": "defense",
    "ageing": "aging",
    "analyse": "analyze",
    "analysed": "analyzed",
    "paralyse": "paralyze",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "sulphate": "sulfate",
    "grey": "gray",
    "judgement": "judgment",
    "fulfil": "fulfill",
    "enrol": "enroll",
    "amfetamine": "amphetamine",
    "amfetamines": "amphetamines",
    "dexamfetamine": "dextroamphetamine",
    "lisdexamfetamine": "lisdexamphetamine",
    "methylphenidate": "methylphenidate",
}
for _stem in _ISE_STEMS:
    _target = "tranquil" if _stem == "tranquill" else _stem
    for _suffix in _ISE_SUFFIXES:
        _WORDS.setdefault(f"{_stem}is{_suffix}", f"{_target}iz{_suffix}")
    if _stem == "tranquill":
        for _suffix in _ISE_SUFFIXES:
            _WORDS.setdefault(f"tranquilliz{_suffix}", f"tranquiliz{_suffix}")

BRITISH_TO_AMERICAN: dict[str, str] = {k: v for k, v in _WORDS.items() if k != v}

_AMERICAN_TO_BRITISH: dict[str, set[str]] = {}
for _british, _american in BRITISH_TO_AMERICAN.items():
    _AMERICAN_TO_BRITISH.setdefault(_american, set()).add(_british)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _replace(match: re.Match[str]) -> str:
    word = match.group(0)
    folded = BRITISH_TO_AMERICAN.get(word.lower())
    if folded is None:
        return word
    if word.isupper() and len(word) > 1:
        return folded.upper()
    if word[0].isupper():
        return folded.capitalize()
    return folded


def normalise(text: str) -> str:
    """`text` with British spellings from the curated list in American form."""
    if not text:
        return text
    return _WORD.sub(_replace, text)


def variants(word: str) -> set[str]:
    """Every spelling of `word` the index knows, lower case, `word` included."""
    lowered = word.lower()
    american = BRITISH_TO_AMERICAN.get(lowered, lowered)
    return {lowered, american, *_AMERICAN_TO_BRITISH.get(american, ())}
