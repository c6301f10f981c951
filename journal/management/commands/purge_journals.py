from django.core.management.base import BaseCommand

from journal import conf
from journal.services import purge_cutoff, purge_unopened_journals


class Command(BaseCommand):
    help = (
        f"Delete every journal not opened for {conf.get('PURGE_AFTER_MONTHS')} months "
        "(JOURNAL_PURGE_AFTER_MONTHS), entries and all. Run it daily."
    )

    def handle(self, *args, **options):
        cutoff = purge_cutoff()
        count = purge_unopened_journals()
        # Only a count and a date: nothing that identifies a journal.
        self.stdout.write(f"Deleted {count} journal(s) last opened before {cutoff.isoformat()}.")
