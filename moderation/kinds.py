"""The registry of contribution kinds: what the public may send, declared by the app that owns it.

Moderation is infrastructure. It stores, previews, queues and decides
submissions and knows nothing about tips or listings: each content app
describes its kinds in `<app>/contributions.py` and registers them from its
`AppConfig.ready()`. Adding a field to a kind therefore touches only that app
(its model, its contribution form, its preview template, a migration).

Moderation registers one kind of its own, `correction`: any published object
that follows the `withdrawal_site.corrections.Correctable` contract can be
corrected. A kind that names its `model` also says how corrections to that
model are applied and who may approve changes to which fields.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext as _

CORRECTION = "correction"

# (*, data: dict, author_name: str, approved_by, language: str) -> the live object
Publisher = Callable[..., models.Model]
# (*, target, changes: dict[str, str]) -> the corrected object; runs inside the decision
CorrectionApplier = Callable[..., models.Model]
# (*, target, changes: dict[str, str], editor) -> why this editor may not approve ("" if they may)
CorrectionRefusal = Callable[..., str]


@dataclass(frozen=True)
class ContributionKind:
    key: str  # stored in Submission.kind and used in URLs: never change it once used
    label: str | Promise
    description: str | Promise  # one sentence on the contribute page and above the form
    form_class: type  # a moderation.forms.ContentForm: the proposed content and its `to_data`
    preview_template: str  # templates/<app>/contributions/<key>.html; context: data, rendered, byline
    publish: Publisher | None = None  # in the app's services.py; None: not published as a new object
    markdown_fields: tuple[str, ...] = ()  # keys of `data` rendered as Markdown once published
    public: bool = True  # offered on the contribute page
    position: int = 100  # order on the contribute page, the queue and in choices
    # Corrections to published objects of `model`:
    model: type[models.Model] | None = None
    correctable_fields: tuple[str, ...] = ()  # beyond the model's own `correctable_fields()`
    # Field -> "app_label.codename" an editor needs to approve a change to it. Without an
    # entry, `moderation.moderate_submission` is enough.
    field_permissions: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    apply_correction: CorrectionApplier | None = None  # default: the target's own apply_correction
    correction_refusal: CorrectionRefusal | None = None  # app-specific wording of a refusal
    correction_notice: Callable[[models.Model], str] | None = None  # shown above a correction form


_registry: dict[str, ContributionKind] = {}


class KindAlreadyRegisteredError(ValueError):
    pass


def register(*kinds: ContributionKind) -> None:
    """Called from an AppConfig.ready(); registering the same kind again is harmless."""
    for kind in kinds:
        existing = _registry.get(kind.key)
        if existing is not None and existing != kind:
            raise KindAlreadyRegisteredError(f"Contribution kind {kind.key!r} is already registered.")
        _registry[kind.key] = kind


def unregister(key: str) -> None:
    _registry.pop(key, None)


def get(key: str) -> ContributionKind:
    """The kind named `key`; KeyError for anything not registered (a URL, a stale row)."""
    return _registry[key]


def find(key: str) -> ContributionKind | None:
    return _registry.get(key)


def all_kinds() -> list[ContributionKind]:
    return sorted(_registry.values(), key=lambda kind: (kind.position, kind.key))


def public_kinds() -> list[ContributionKind]:
    return [kind for kind in all_kinds() if kind.public]


def is_registered(key: str) -> bool:
    return key in _registry


def choices() -> list[tuple[str, str | Promise]]:
    """`Submission.kind` choices (a callable, so the registry fills them after ready())."""
    return [(kind.key, kind.label) for kind in all_kinds()]


def label(key: str) -> str:
    kind = find(key)
    return str(kind.label) if kind is not None else key


def for_model(model: type[models.Model]) -> ContributionKind | None:
    """The kind that owns corrections to `model`, if any declares it."""
    for kind in all_kinds():
        if kind.model is not None and issubclass(model, kind.model):
            return kind
    return None


def correction_refusal(*, target: models.Model, changes: Mapping[str, str], editor) -> str:
    """Why `editor` may not approve `changes` to `target` ("" when they may)."""
    if not changes:
        return ""
    kind = for_model(type(target))
    if kind is None:
        return ""
    if kind.correction_refusal is not None:
        refusal = kind.correction_refusal(target=target, changes=dict(changes), editor=editor)
        if refusal:
            return refusal
    for name in changes:
        permission = kind.field_permissions.get(name)
        if permission and not editor.has_perm(permission):
            return _("You may not approve a change to “%(field)s”: an editor with that permission must.") % {
                "field": name
            }
    return ""


def apply_correction(*, target: models.Model, changes: dict[str, str]) -> models.Model:
    kind = for_model(type(target))
    if kind is not None and kind.apply_correction is not None:
        return kind.apply_correction(target=target, changes=changes)
    target.apply_correction(changes)
    return target


def correction_notice(target: models.Model | None) -> str:
    kind = for_model(type(target)) if target is not None else None
    if kind is None or kind.correction_notice is None:
        return ""
    return kind.correction_notice(target)
