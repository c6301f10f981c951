"""Which models feed the search index: every installed model that is `Indexed`.

Found once, in SearchConfig.ready(), when every model is loaded; nothing
registers itself.
"""

from django.apps import apps
from django.db import models

from .documents import Indexed

_searchable_models: tuple[type[models.Model], ...] = ()


def discover() -> tuple[type[models.Model], ...]:
    global _searchable_models
    _searchable_models = tuple(
        model
        for model in apps.get_models()
        if issubclass(model, Indexed) and not model._meta.abstract and not model._meta.proxy
    )
    return _searchable_models


def is_searchable(model: type[models.Model]) -> bool:
    return model in _searchable_models


def searchable_models() -> tuple[type[models.Model], ...]:
    return _searchable_models
