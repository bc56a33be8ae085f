"""Print the current TOTP code of a demo user, so the demo can be tried without a phone."""

from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Print the current 6-digit code for a demo user's authenticator."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
        if device is None:
            raise CommandError(f"No confirmed authenticator for {username!r}.")
        self.stdout.write(
            f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
        )
