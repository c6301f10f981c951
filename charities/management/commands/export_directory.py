from django.core.management.base import BaseCommand

from charities.directory_csv import export_csv


class Command(BaseCommand):
    help = "Write the whole support directory to a CSV file with Open Referral HSDS column names."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="Where to write the CSV file.")

    def handle(self, *args, path: str, **options) -> None:
        with open(path, "w", newline="", encoding="utf-8") as stream:
            count = export_csv(stream)
        self.stdout.write(self.style.SUCCESS(f"Wrote {count} rows to {path}."))
