from django.core.management.base import BaseCommand

from moderation import conf
from moderation.services import purge_contributor_data


class Command(BaseCommand):
    help = (
        "Remove contributors' email addresses and client hashes from submissions decided "
        "or withdrawn more than --days days ago, and from submissions still undecided after "
        "MODERATION_PURGE_UNDECIDED_AFTER_DAYS. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Days after the decision (default {conf.get('PURGE_AFTER_DAYS')}).",
        )

    def handle(self, *args, days=None, **options):
        if days is not None and days < 0:
            self.stderr.write("--days must be zero or more.")
            return
        count = purge_contributor_data(days=days)
        # Only a count: never an address.
        self.stdout.write(f"Purged contributor data from {count} submission(s).")
