"""Which models feed the search index. Content apps register in ready()."""

from django.db import models

_searchable_models: list[type[models.Model]] = []


def register(model: type[models.Model]) -> type[models.Model]:
    if model not in _searchable_models:
        _searchable_models.append(model)
    return model


def searchable_models() -> tuple[type[models.Model], ...]:
    return tuple(_searchable_models)
