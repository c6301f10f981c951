from django.core.management.base import BaseCommand

from withdrawal_site.accounts.roles import ADMINS, EDITORS
from withdrawal_site.accounts.services import add_staff_member


class Command(BaseCommand):
    help = "Create or update a volunteer editor (or, with --admin, an admin) account."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("email")
        parser.add_argument("--admin", action="store_true", help="Put the account in Admins, not Editors.")

    def handle(self, *args, username, email, admin, **options):
        role = ADMINS if admin else EDITORS
        _user, created = add_staff_member(username=username, email=email, role=role)
        self.stdout.write(f"{'Created' if created else 'Updated'} {username} in {role}.")
        if created:
            self.stdout.write(f"Now set a password: python manage.py changepassword {username}")
