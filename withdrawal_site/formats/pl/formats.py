# "7 grudnia 2026" (genitive month), "7.12.2026"; Django's other Polish formats apply otherwise.
from django.conf.locale.pl.formats import *  # noqa: F403

DATE_FORMAT = "j E Y"
SHORT_DATE_FORMAT = "j.m.Y"
