"""One object of every app's models in a region, for the URL walk. Apps add their makers here."""

from groepsconsult.consultations.models import RunSheetBlock
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_user
from tests.factories.consent import give as contact_consent
from tests.factories.consent import make_region_objects as make_consent_objects
from tests.factories.finance import make_region_objects as make_finance_objects
from tests.factories.gp_import import make_gp_import_objects
from tests.factories.gpfeedback import make_measured_patient
from tests.factories.gpfeedback import prepare as prepare_feedback
from tests.factories.handovers import make_handover
from tests.factories.measurements import make_alert
from tests.factories.monitoring import make_region_objects as make_monitoring_objects
from tests.factories.offers import make_offer
from tests.factories.research import make_region_objects as make_research_objects
from tests.factories.returns import make_invitation


def make_app_objects(region, *, participant, consultation):
    registration = Registration.objects.create(
        consultation=consultation, participant=participant, channel="self", day_number=1
    )
    make_alert(registration)
    make_consent_objects(region, participant=participant)
    make_offer(region)
    make_finance_objects(region)
    make_research_objects(region)
    make_monitoring_objects(region)
    make_gp_import_objects(region, participant=participant)
    RunSheetBlock.objects.create(consultation=consultation, title="Welkom", minutes=10)
    make_handover(region, participant=participant)
    prepare_feedback(make_measured_patient(region))
    contact_consent(participant, "contact_by_health_champion", make_user("coordinator", region))
    make_invitation(region)
