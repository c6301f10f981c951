from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from .roles import ADMINS, EDITORS


@transaction.atomic
def add_staff_member(*, username: str, email: str, role: str = EDITORS):
    """Create or update a volunteer's account in a staff group.

    Editors and Admins are staff so they can use the admin for content; what
    they may do there comes from their group's permissions, never from
    superuser status.
    """
    if role not in (EDITORS, ADMINS):
        raise ValueError(f"Unknown role {role!r}")
    user, created = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    if created:
        user.set_unusable_password()
    user.email = email or user.email
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=role))
    return user, created
