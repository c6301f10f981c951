from django.core.management.base import BaseCommand

from charities.crisis_lines import load_bundled


class Command(BaseCommand):
    help = (
        "Create or update the crisis lines and emergency numbers from charities/demo_data/crisis_lines.json. "
        "A line an admin re-verified after the file's date is left as the admin keeps it."
    )

    def handle(self, *args, **options) -> None:
        lines, numbers = load_bundled()
        self.stdout.write(self.style.SUCCESS(f"Loaded {lines} crisis lines and {numbers} emergency numbers."))
