"""Tunable numbers for journals, each overridable in settings as `JOURNAL_<NAME>`."""

from django.conf import settings

DEFAULTS = {
    # New journals per client (keyed hash of the address) per window: shared cache, like contributions.
    "CREATE_RATE_LIMIT": 5,
    "CREATE_RATE_WINDOW_SECONDS": 60 * 60,
    # A journal not opened for this many months is deleted by `manage.py purge_journals` (run daily).
    "PURGE_AFTER_MONTHS": 18,
    # An import file larger than this, or with more entries, is refused with a clear message.
    "IMPORT_MAX_BYTES": 2 * 1024 * 1024,
    "MAX_ENTRIES": 5000,
}


def get(name: str):
    return getattr(settings, f"JOURNAL_{name}", DEFAULTS[name])
