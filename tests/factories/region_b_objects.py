"""One object of every app's models in a region, for the URL walk. Apps add their makers here."""


def make_app_objects(region, *, participant, consultation):
    from groepsconsult.consultations.models import Registration

    Registration.objects.create(
        consultation=consultation, participant=participant, channel="self", day_number=1
    )
