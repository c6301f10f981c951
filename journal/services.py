"""Everything that writes a journal: create, open, entries, import, delete, purge.

Keys exist only for the length of a request: they are derived from the link
secret the visitor sent and are never stored, logged or cached.
"""

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.html import linebreaks

from withdrawal_site.markdown import render_markdown, sanitize_html

from . import conf, crypto
from .entries import EntryData
from .models import Entry, Journal
from .planner_link import PlannedStep


@dataclass(frozen=True)
class OpenJournal:
    """A journal together with the key its link gives, for the length of one request."""

    journal: Journal
    key: bytes = field(repr=False)  # never in a repr, so never in an error report or log

    def _context(self, part: str) -> str:
        return f"{self.journal.crypto_context}:{part}"

    def seal_entry(self, data: EntryData) -> bytes:
        return crypto.encrypt_json(self.key, data.to_stored(), context=self._context("entry"))

    def open_entry(self, entry: Entry) -> EntryData:
        return EntryData.from_stored(
            crypto.decrypt_json(self.key, entry.ciphertext, context=self._context("entry"))
        )

    def entries(self) -> list[tuple[int, EntryData]]:
        return [(entry.pk, self.open_entry(entry)) for entry in Entry.objects.of(self.journal)]

    def entry(self, entry_id: int) -> EntryData | None:
        entry = Entry.objects.of(self.journal).filter(pk=entry_id).first()
        return None if entry is None else self.open_entry(entry)

    def seal_plan(self, steps: list[PlannedStep]) -> bytes:
        value = [{"date": step.day.isoformat(), "dose_mg": format(step.dose_mg, "f")} for step in steps]
        return crypto.encrypt_json(self.key, value, context=self._context("plan"))

    def planned_steps(self) -> list[PlannedStep]:
        if not self.journal.plan:
            return []
        value = crypto.decrypt_json(self.key, self.journal.plan, context=self._context("plan"))
        return [
            PlannedStep(day=datetime.date.fromisoformat(item["date"]), dose_mg=Decimal(item["dose_mg"]))
            for item in value
        ]


def _key_check_context(lookup_hash: str) -> str:
    return f"journal:{lookup_hash}:check"


def with_rendered_note(data: EntryData) -> EntryData:
    """The note's HTML, made once on save and stored (encrypted) with the entry."""
    if not data.note:
        return replace(data, note_html="")
    if data.note_is_markdown:
        return replace(data, note_html=render_markdown(data.note))
    # Plain text: escaped, line breaks kept, and still through the pipeline's last gate.
    return replace(data, note_html=sanitize_html(linebreaks(data.note, autoescape=True)))


@transaction.atomic
def create_journal(
    *, planned_steps: list[PlannedStep] | None = None, entries: Iterable[EntryData] = ()
) -> tuple[crypto.LinkSecret, Journal]:
    secret = crypto.new_secret()
    salt = crypto.new_salt()
    key = crypto.derive_key(secret.key_part, salt)
    journal = Journal(
        lookup_hash=secret.lookup_hash,
        salt=salt,
        key_check=crypto.encrypt(
            key, crypto.KEY_CHECK_PLAINTEXT, context=_key_check_context(secret.lookup_hash)
        ),
    )
    opened = OpenJournal(journal=journal, key=key)
    if planned_steps:
        journal.plan = opened.seal_plan(planned_steps)
    journal.save()
    add_entries(opened=opened, entries=entries)
    return secret, journal


def open_journal(*, secret: str, today: datetime.date | None = None) -> OpenJournal | None:
    """The journal this secret opens, or None: missing, malformed and wrong secrets look the same."""
    parsed = crypto.parse_secret(secret)
    if parsed is None:
        return None
    journal = Journal.objects.with_lookup_hash(parsed.lookup_hash).first()
    if journal is None:
        return None
    key = crypto.derive_key(parsed.key_part, bytes(journal.salt))
    try:
        crypto.decrypt(key, journal.key_check, context=_key_check_context(journal.lookup_hash))
    except crypto.DecryptionError:
        return None
    today = today or timezone.localdate()
    if journal.last_opened_on != today:
        # The day only, and at most one write a day: enough for the purge, no more.
        Journal.objects.filter(pk=journal.pk).update(last_opened_on=today)
        journal.last_opened_on = today
    return OpenJournal(journal=journal, key=key)


def add_entry(*, opened: OpenJournal, data: EntryData) -> Entry:
    return Entry.objects.create(
        journal=opened.journal, ciphertext=opened.seal_entry(with_rendered_note(data))
    )


@transaction.atomic
def add_entries(*, opened: OpenJournal, entries: Iterable[EntryData]) -> int:
    rows = [
        Entry(journal=opened.journal, ciphertext=opened.seal_entry(with_rendered_note(data)))
        for data in entries
    ]
    Entry.objects.bulk_create(rows)
    return len(rows)


def update_entry(*, opened: OpenJournal, entry_id: int, data: EntryData) -> bool:
    updated = (
        Entry.objects.of(opened.journal)
        .filter(pk=entry_id)
        .update(ciphertext=opened.seal_entry(with_rendered_note(data)))
    )
    return bool(updated)


def delete_entry(*, opened: OpenJournal, entry_id: int) -> bool:
    deleted, _ = Entry.objects.of(opened.journal).filter(pk=entry_id).delete()
    return bool(deleted)


@transaction.atomic
def delete_journal(*, opened: OpenJournal) -> None:
    """Everything at once: the entries go with the journal (on_delete=CASCADE)."""
    Journal.objects.filter(pk=opened.journal.pk).delete()


def months_before(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def purge_cutoff(*, today: datetime.date | None = None) -> datetime.date:
    return months_before(today or timezone.localdate(), conf.get("PURGE_AFTER_MONTHS"))


@transaction.atomic
def purge_unopened_journals(*, today: datetime.date | None = None) -> int:
    """Delete journals last opened before the cutoff; returns how many journals went."""
    stale = Journal.objects.not_opened_since(purge_cutoff(today=today))
    count = stale.count()
    Entry.objects.filter(journal__in=stale).delete()
    stale.delete()
    return count
