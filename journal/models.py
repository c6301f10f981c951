"""A journal and its entries, stored so that only the link's holder can read them.

Nothing personal is kept in plain columns: an entry is one AES-GCM blob, and the
journal keeps only what finding and purging it needs (the hash of the lookup
part of its link, the HKDF salt, a key check, and the day it was last opened,
to the day and no finer). The model is deliberately not registered in the admin.
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class JournalQuerySet(models.QuerySet):
    def with_lookup_hash(self, value: str) -> "JournalQuerySet":
        return self.filter(lookup_hash=value)

    def not_opened_since(self, day: datetime.date) -> "JournalQuerySet":
        return self.filter(last_opened_on__lt=day)


class Journal(models.Model):
    lookup_hash = models.CharField(_("lookup hash"), max_length=64, unique=True, editable=False)
    salt = models.BinaryField(_("key salt"), editable=False)
    key_check = models.BinaryField(_("key check"), editable=False)
    plan = models.BinaryField(_("planned steps (encrypted)"), editable=False, default=b"")
    last_opened_on = models.DateField(_("last opened on"), default=timezone.localdate, db_index=True)

    objects = JournalQuerySet.as_manager()

    class Meta:
        verbose_name = _("journal")
        verbose_name_plural = _("journals")

    def __str__(self) -> str:
        # Never the hash: nothing that helps find a journal goes into a string.
        return f"journal {self.pk}"

    @property
    def crypto_context(self) -> str:
        return f"journal:{self.lookup_hash}"


class EntryQuerySet(models.QuerySet):
    def of(self, journal: Journal) -> "EntryQuerySet":
        return self.filter(journal=journal).order_by("pk")


class Entry(models.Model):
    journal = models.ForeignKey(Journal, on_delete=models.CASCADE, related_name="entries")
    ciphertext = models.BinaryField(_("entry (encrypted)"), editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")

    def __str__(self) -> str:
        return f"journal entry {self.pk}"
