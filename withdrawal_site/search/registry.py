"""Which models feed the search index. Content apps register in ready().

`register()` also connects the signals that keep the index current (see
signals.py), because content apps register after the search app's own
ready() has run.
"""

from django.db import models

_searchable_models: list[type[models.Model]] = []


def register(model: type[models.Model]) -> type[models.Model]:
    if model not in _searchable_models:
        _searchable_models.append(model)
    from . import signals

    signals.connect(model)
    return model


def unregister(model: type[models.Model]) -> None:
    """Stop indexing `model` (tests register throwaway models)."""
    if model in _searchable_models:
        _searchable_models.remove(model)
    from . import signals

    signals.disconnect(model)


def is_registered(model: type[models.Model]) -> bool:
    return model in _searchable_models


def searchable_models() -> tuple[type[models.Model], ...]:
    return tuple(_searchable_models)
