from django.db import models
from django.utils.text import slugify

_SUFFIX_ROOM = 6  # room for "-99999"


def unique_slug(model: type[models.Model], text: str, *, fallback: str = "item", exclude_pk=None) -> str:
    """A slug from `text` that no other row of `model` has: `text`, `text-2`, `text-3`, ...

    A slug is a public address, so a repeated title must never shadow an
    existing page. One query, whatever the number of near-duplicates.
    """
    max_length = model._meta.get_field("slug").max_length
    base = (slugify(text) or fallback)[: max_length - _SUFFIX_ROOM].strip("-") or fallback
    taken = set(
        model._default_manager.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
