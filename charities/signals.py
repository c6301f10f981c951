"""Keep an organisation's search entry in step with its services.

An organisation's search document is built from its listed services (their
types, descriptions, areas), so a change to any of them, anywhere (the admin,
an import, a correction), must re-index the organisation in the same
transaction. Phones and hours are not searchable, so they do not trigger it.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from withdrawal_site.search.services import index_object

from .models import Organization, Service, ServiceArea


def _reindex_organization(organization_id: int | None) -> None:
    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is not None:
        index_object(organization)


def _service_changed(sender, instance: Service, raw: bool = False, **kwargs) -> None:
    if not raw:
        _reindex_organization(instance.organization_id)


def _area_changed(sender, instance: ServiceArea, raw: bool = False, **kwargs) -> None:
    if not raw:
        service = Service.objects.filter(pk=instance.service_id).only("organization_id").first()
        if service is not None:
            _reindex_organization(service.organization_id)


def _service_drug_classes_changed(sender, instance, action: str, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Service):
        _reindex_organization(instance.organization_id)


def connect() -> None:
    post_save.connect(_service_changed, sender=Service, dispatch_uid="charities.service.reindex")
    post_delete.connect(_service_changed, sender=Service, dispatch_uid="charities.service.reindex")
    post_save.connect(_area_changed, sender=ServiceArea, dispatch_uid="charities.area.reindex")
    post_delete.connect(_area_changed, sender=ServiceArea, dispatch_uid="charities.area.reindex")
    m2m_changed.connect(
        _service_drug_classes_changed,
        sender=Service.drug_classes.through,
        dispatch_uid="charities.service_drug_classes.reindex",
    )
