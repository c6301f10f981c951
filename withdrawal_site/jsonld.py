"""schema.org JSON-LD: the one place pages build it and the one place it is written into HTML.

Articles and drug pages are `MedicalWebPage`s, tapering methods `HowTo`s,
directory entries `NGO`s with `ContactPoint`s. Each app passes its own facts to
these builders, so the shared parts (the context, the audience, the editors
who review, the publisher) are spelled once and every page says them alike.

`script()` is the only way a block reaches a page (through the `jsonld`
template filter): `<`, `>` and `&` are written as JSON `\\u` escapes, so text
such as a title containing `</script>` can never end the block early, and the
Content-Security-Policy needs no exception because data blocks do not run.
"""

import datetime
import json
from collections.abc import Iterable

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

CONTEXT = "https://schema.org"
PATIENT_AUDIENCE = {"@type": "MedicalAudience", "audienceType": "Patient"}
PUBLISHER = {"@type": "Organization", "name": "Withdrawal Commons"}
EDITORS = {"@type": "Organization", "name": "Withdrawal Commons editors"}

_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def document(schema_type: str, /, **properties) -> dict:
    """A top-level JSON-LD object; properties given as None are left out, not written as null."""
    return {"@context": CONTEXT, "@type": schema_type} | {
        name: value for name, value in properties.items() if value is not None
    }


def reviewed(data: dict, last_reviewed: datetime.date | None) -> dict:
    """Add "reviewed by the editors on ..." when an editor has reviewed the page."""
    if last_reviewed:
        data["lastReviewed"] = last_reviewed
        data["reviewedBy"] = dict(EDITORS)
    return data


def medical_web_page(
    *,
    name: str,
    url: str,
    headline: str | None = None,
    description: str | None = None,
    in_language: str | None = None,
    last_reviewed: datetime.date | None = None,
    **properties,
) -> dict:
    """A page of medical information written for patients (articles, drug pages)."""
    data = document(
        "MedicalWebPage",
        name=name,
        headline=headline,
        description=description,
        url=url,
        inLanguage=in_language,
        medicalAudience=dict(PATIENT_AUDIENCE),
        **properties,
    )
    return reviewed(data, last_reviewed)


def drug(*, name: str, alternate_names: list[str], drug_class: str) -> dict:
    return {
        "@type": "Drug",
        "name": name,
        "nonProprietaryName": name,
        "alternateName": alternate_names,
        "drugClass": {"@type": "DrugClass", "name": drug_class},
    }


def how_to(*, name: str, description: str, url: str, steps: Iterable[str]) -> dict:
    """Numbered steps, as search engines show a how-to."""
    return document(
        "HowTo",
        name=name,
        description=description,
        url=url,
        step=[
            {"@type": "HowToStep", "position": position, "text": text}
            for position, text in enumerate(steps, start=1)
        ],
    )


def script(data: dict) -> SafeString:
    """The `<script type="application/ld+json">` block for `data`, safe inside any HTML."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
