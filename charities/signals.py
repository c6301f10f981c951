"""Keep an organisation's page date and search entry in step with its services.

An organisation's page shows its services, phones, hours and areas, and its
search document is built from them. A change to any of them, made anywhere
(the admin, an import, a correction, a shell), marks the organisation
changed in the same transaction: `updated_at` moves (the sitemap's lastmod),
once per transaction, and the content-changed hook re-indexes it on commit.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from withdrawal_site import content_changed

from .models import EmergencyNumber, Organization, Phone, Schedule, Service, ServiceArea


def _mark_organization_changed(organization_id: int | None) -> None:
    # Once per organisation per transaction: an import adds dozens of parts to
    # one organisation, and its first save already moved `updated_at`.
    if organization_id is None or content_changed.is_pending(Organization, organization_id):
        return
    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is not None:
        organization.mark_changed()


def _service_changed(sender, instance: Service, raw: bool = False, **kwargs) -> None:
    if not raw:
        _mark_organization_changed(instance.organization_id)


def _service_part_changed(sender, instance: Phone | Schedule | ServiceArea, raw: bool = False, **kwargs):
    if raw:
        return
    if type(instance).service.is_cached(instance):
        organization_id = instance.service.organization_id
    else:
        organization_id = (
            Service.objects.filter(pk=instance.service_id).values_list("organization_id", flat=True).first()
        )
    _mark_organization_changed(organization_id)


def _service_drug_classes_changed(sender, instance, action: str, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Service):
        _mark_organization_changed(instance.organization_id)


def _crisis_data_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    """Any change to crisis lines or emergency numbers rewrites the snapshot the outage pages read."""
    if raw:
        return
    from . import crisis_snapshot

    if isinstance(instance, Service):
        relevant = instance.is_crisis_line or kwargs.get("signal") is post_delete
    elif isinstance(instance, EmergencyNumber):
        relevant = True
    else:
        relevant = Service.objects.filter(pk=instance.service_id, is_crisis_line=True).exists()
    if relevant:
        crisis_snapshot.write_after_commit()


def connect() -> None:
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        for model in (Service, Phone, ServiceArea, EmergencyNumber):
            signal.connect(
                _crisis_data_changed, sender=model, dispatch_uid=f"charities.crisis.{model.__name__}.{name}"
            )
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(_service_changed, sender=Service, dispatch_uid=f"charities.service.{name}")
        for part in (Phone, Schedule, ServiceArea):
            signal.connect(
                _service_part_changed, sender=part, dispatch_uid=f"charities.{part.__name__}.{name}"
            )
    m2m_changed.connect(
        _service_drug_classes_changed,
        sender=Service.drug_classes.through,
        dispatch_uid="charities.service_drug_classes",
    )
