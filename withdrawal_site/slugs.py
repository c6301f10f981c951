from django.db import IntegrityError, models, transaction
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


def save_with_unique_slug(obj: models.Model, text: str, *, fallback: str = "item", attempts: int = 5) -> None:
    """Save a new `obj` under a `unique_slug` of `text`; retried if a concurrent save took it.

    The one slug-collision rule of every publisher: each try is a savepoint, so
    a slug taken between choosing and inserting is chosen again, not a failure.
    """
    model = type(obj)
    for _attempt in range(attempts):
        obj.slug = unique_slug(model, text, fallback=fallback)
        try:
            with transaction.atomic():
                obj.save()
            return
        except IntegrityError:
            obj.pk = None
            obj._state.adding = True
    raise IntegrityError(f"Could not find a free slug for the {model._meta.verbose_name}.")
