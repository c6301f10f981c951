"""The two staff roles and what each may do.

Editors work the moderation queue and edit published content; Admins also keep
the directory, disclaimers and accounts. Membership of `Editors` is what the
moderation pages check.
"""

EDITORS = "Editors"
ADMINS = "Admins"


def is_editor(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=[EDITORS, ADMINS]).exists()
