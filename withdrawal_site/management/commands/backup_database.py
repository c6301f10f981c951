from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from withdrawal_site.backups import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database into backups/ (pg_dump custom format, or SQLite's online backup)."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=str(settings.BASE_DIR / "backups"))

    def handle(self, *args, output_dir: str, **options) -> None:
        try:
            path = backup(database=settings.DATABASES["default"], directory=Path(output_dir))
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = path.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path} ({size / 1_000_000:.1f} MB)"))
        self.stdout.write(
            "Keep it encrypted, off this machine, and with DJANGO_SECRET_KEY and CLIENT_HASH_KEY "
            "(README: Backups and restore)."
        )
