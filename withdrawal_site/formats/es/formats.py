# "7 de diciembre de 2026", "7 dic 2026"; Django's other Spanish formats apply otherwise.
from django.conf.locale.es.formats import *  # noqa: F403

DATE_FORMAT = r"j \d\e F \d\e Y"
SHORT_DATE_FORMAT = "j b Y"
