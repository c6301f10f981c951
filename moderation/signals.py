"""Sent after an approval has committed, with the live object it created or corrected.

The search index updates itself on save; anything else that caches published
content (page fragments, feeds) can listen here to refresh.
"""

from django.dispatch import Signal

# kwargs: submission, obj
submission_published = Signal()
