"""Listening to registrations (which cannot import this app: it builds on registrations)."""

from django.dispatch import receiver

from groepsconsult.notifications import services
from groepsconsult.registrations.signals import self_registered


@receiver(self_registered, dispatch_uid="notifications.confirm_self_registration")
def confirm_self_registration(sender, *, registration, contact, by, **kwargs):
    services.confirmation_send(registration=registration, contact=contact, by=by)
