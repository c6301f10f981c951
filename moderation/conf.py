"""Tunable numbers for contributions and moderation.

Each can be overridden in settings as `MODERATION_<NAME>` (tests do, to make a
rate limit or a claim expire quickly); read through `get()` at the moment of
use so an override takes effect without a restart of the module.
"""

from django.conf import settings

DEFAULTS = {
    # An editor's claim on a submission lapses after this long, so an item
    # someone walked away from goes back to the queue by itself.
    "CLAIM_MINUTES": 30,
    # Submissions accepted per client (keyed hash of the address) per window.
    "RATE_LIMIT": 5,
    "RATE_WINDOW_SECONDS": 60 * 60,
    # A person needs more than this to read and fill in a form; scripts do not.
    "MIN_FILL_SECONDS": 3,
    # A form left open longer than this must be reloaded (its signed start time expires).
    "MAX_FORM_AGE_SECONDS": 24 * 60 * 60,
    # Contributors' email addresses and client hashes are removed this long after the decision.
    "PURGE_AFTER_DAYS": 30,
    # ...and this long after they were sent if nobody has decided them by then.
    "PURGE_UNDECIDED_AFTER_DAYS": 90,
    # Queue page size.
    "QUEUE_PAGE_SIZE": 50,
}


def get(name: str):
    return getattr(settings, f"MODERATION_{name}", DEFAULTS[name])
