from pathlib import Path

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from withdrawal_site.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup into the configured database, which must be empty; then purge "
        "contributor data past its retention, drop every session and clear the cache."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="a .dump (PostgreSQL) or .sqlite3 (SQLite) file from backup_database"
        )
        parser.add_argument(
            "--skip-aftercare",
            action="store_true",
            help="Only restore; do not purge, drop sessions or clear the cache (do it yourself).",
        )

    def handle(self, *args, file: str, skip_aftercare: bool = False, **options) -> None:
        try:
            extensions = restore(database=settings.DATABASES["default"], dump=Path(file))
        except BackupError as error:
            raise CommandError(str(error)) from error
        if extensions:
            self.stdout.write(f"Extensions created first: {', '.join(extensions)}")
        self.stdout.write(self.style.SUCCESS(f"Restored {file}."))
        if skip_aftercare:
            self.stdout.write(
                "Still to do: manage.py purge_contributor_data, delete every session, clear the cache."
            )
            return
        # Contributor data purged since the backup was taken is back: purge it again.
        call_command("purge_contributor_data", stdout=self.stdout)
        # Sessions in the backup may have been signed out since; nobody stays signed in.
        deleted, _ = Session.objects.all().delete()
        self.stdout.write(f"Dropped {deleted} session(s): everyone signs in again.")
        # Cached copies (disclaimers, counters) describe the database before the restore.
        cache.clear()
        self.stdout.write("Cache cleared.")
