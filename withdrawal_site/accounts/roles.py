"""The two staff roles and what each may do.

Editors work the moderation queue and edit published content; Admins also keep
the directory, disclaimers and accounts. What each may do is a permission
granted to the group (the moderation pages check `moderation.moderate_submission`),
never the group's name.
"""

EDITORS = "Editors"
ADMINS = "Admins"
