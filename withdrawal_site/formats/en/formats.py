from django.conf.locale.en.formats import *  # noqa: F403

# The site's English dates as they always were: "7 December 2026", "7 Dec 2026".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
