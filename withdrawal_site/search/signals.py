"""Keeps the index in step with content: once per object, when its transaction commits.

withdrawal_site/content_changed.py collects every saved, deleted or
re-related object of the public apps during a transaction and sends the
de-duplicated set on commit; here the searchable ones among them are read
again, as committed, and indexed (or removed) in bulk.
"""

from withdrawal_site import content_changed

from . import services
from .registry import searchable_models


def index_committed_changes(sender, *, changes: dict, **kwargs) -> None:
    for model in searchable_models():
        pks = changes.get(model)
        if pks:
            services.index_objects(model, pks)


def connect() -> None:
    content_changed.committed.connect(index_committed_changes, dispatch_uid="search.index_committed_changes")
