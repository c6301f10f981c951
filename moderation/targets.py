"""Finding the published object a correction refers to, and diffing proposals.

A target is named in the URL as `app_label.model_name.pk` (the format of
`withdrawal_site.templatetags.site_tags.correction_target`). Anything that does
not name a published, correctable object is simply "not found": the form
never shows a draft, and a bad link never becomes a server error.
"""

import difflib
import re
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.db import models

MAX_TARGET_LENGTH = 200


class TargetNotFoundError(Exception):
    pass


def is_correctable(obj: models.Model) -> bool:
    # Duck-typed, like the rest of the Correctable contract.
    return callable(getattr(obj, "correctable_fields", None)) and callable(
        getattr(obj, "apply_correction", None)
    )


def is_public(obj: models.Model) -> bool:
    """Published, by the model's own definition: its `published()` QuerySet, else its search document."""
    manager = type(obj)._default_manager
    if callable(getattr(manager, "published", None)):
        return manager.published().filter(pk=obj.pk).exists()
    if callable(getattr(obj, "search_document", None)):
        return obj.search_document() is not None
    return True


def resolve_target(value: str | None) -> models.Model:
    """The published, correctable object named by `app_label.model_name.pk`, or TargetNotFoundError."""
    if not value or len(value) > MAX_TARGET_LENGTH:
        raise TargetNotFoundError
    parts = value.split(".")
    if len(parts) != 3 or not all(parts):
        raise TargetNotFoundError
    app_label, model_name, raw_pk = parts
    try:
        model = apps.get_model(app_label, model_name)
        pk = model._meta.pk.to_python(raw_pk)
        obj = model._default_manager.get(pk=pk)
    except (LookupError, ValueError, ValidationError, ObjectDoesNotExist):
        raise TargetNotFoundError from None
    if not is_correctable(obj) or not is_public(obj):
        raise TargetNotFoundError
    return obj


# C0 control characters other than tab and newline: invisible, and not allowed in
# XML, so one in a title would break the Atom feed for good.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control_characters(value: str) -> str:
    return CONTROL_CHARACTERS.sub("", value or "")


def normalise_text(value: str) -> str:
    """Browsers send CRLF from a textarea; compare and store with plain newlines, no control characters."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return strip_control_characters(text).strip()


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "context", "removed" or "added"
    text: str


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    current: str
    proposed: str
    lines: tuple[DiffLine, ...]


def diff_lines(current: str, proposed: str) -> tuple[DiffLine, ...]:
    """A line diff as rows for the template (which escapes them)."""
    old, new = current.splitlines(), proposed.splitlines()
    rows: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            rows.extend(DiffLine("context", line) for line in old[i1:i2])
        else:
            rows.extend(DiffLine("removed", line) for line in old[i1:i2])
            rows.extend(DiffLine("added", line) for line in new[j1:j2])
    return tuple(rows)


def model_field(target: models.Model | None, name: str) -> models.Field | None:
    """The model field behind a correctable field (None for derived ones such as a listing's phone)."""
    if target is None:
        return None
    try:
        return target._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def choice_label(target: models.Model | None, name: str, value: str) -> str:
    """A choice field's label ("Antidepressants", "Helpline"), never its stored value."""
    field = model_field(target, name)
    if field is None or not field.choices:
        return value
    return next((str(label) for key, label in field.flatchoices if str(key) == value), value)


def correction_diff(target: models.Model | None, changes: dict[str, str]) -> list[FieldDiff]:
    """Current against proposed value for every field the correction changes (choices by label)."""
    fields = target.correctable_fields() if target is not None else {}
    result = []
    for name, proposed in changes.items():
        label, current = fields.get(name, (name, ""))
        current = choice_label(target, name, normalise_text(current))
        proposed = choice_label(target, name, proposed)
        result.append(FieldDiff(name, label, current, proposed, diff_lines(current, proposed)))
    return result
