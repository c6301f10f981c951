from django.core.management.base import BaseCommand, CommandError

from charities.directory_csv import ImportRefusedError, import_rows, read_csv


class Command(BaseCommand):
    help = (
        "Create or update directory listings from a CSV file (the format export_directory writes). "
        "A file with any bad row is refused as a whole and changes nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="The CSV file to read.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be created or changed; write nothing."
        )

    def handle(self, *args, path: str, dry_run: bool, **options) -> None:
        try:
            with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as stream:
                report = import_rows(read_csv(stream), dry_run=dry_run)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text.") from error
        except ImportRefusedError as refused:
            summary = f"Refused {path}: {len(refused.errors)} bad row(s). Nothing was changed."
            raise CommandError("\n".join([summary, *refused.errors])) from refused
        prefix = "Would " if dry_run else ""
        for change in report.changes:
            self.stdout.write(f"{prefix}{change[0].lower() if dry_run else change[0]}{change[1:]}")
        if not report.changes:
            self.stdout.write("Nothing to change.")
        verb = "Dry run: nothing was written" if dry_run else "Import complete"
        self.stdout.write(self.style.SUCCESS(f"{verb} ({len(report.changes)} change(s))."))
