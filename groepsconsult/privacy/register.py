"""The register of processing activities (AVG art. 30), generated from the consent purposes.

Each purpose the app asks consent for is one activity here, plus the care itself. A purpose added
to consent.models.ConsentPurpose without an entry below fails tests/privacy (the register must
never lag behind the code).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from groepsconsult.consent.models import ConsentPurpose

CARE = "care"


@dataclass(frozen=True)
class Activity:
    key: str
    purpose: str
    legal_basis: str
    data: str
    recipients: str
    retention: str


CONSENT_BASIS = _("Explicit consent (AVG art. 6(1)(a) and 9(2)(a)), withdrawable at any time")

DETAILS = {
    CARE: (
        _("Running the group consultation: planning, measuring, results booklet, goal, follow-up"),
        _("Care by professionals bound by medical secrecy (AVG art. 6(1)(e) and 9(2)(h); WGBO)"),
        _(
            "Name, date of birth, sex, contact details, neighbourhood, GP practice, measurements, "
            "questionnaire answers, goal"
        ),
        _("The session team of the region (by role), the participant"),
    ),
    ConsentPurpose.SHARE_WITH_GP: (
        _("Sending the results to the participant's own GP"),
        CONSENT_BASIS,
        _("Name, date of birth, measurements and their colours, goal, hand-over"),
        _("The participant's GP practice"),
    ),
    ConsentPurpose.CONTACT_BY_HEALTH_CHAMPION: (
        _("A follow-up phone call after the session"),
        CONSENT_BASIS,
        _("Name, phone number, language, goal"),
        _("Health champions and experience experts of the region"),
    ),
    ConsentPurpose.ANONYMOUS_MONITORING: (
        _("Anonymous figures on reach and effect for the municipality and funders"),
        CONSENT_BASIS,
        _("Measurements, age band, sex, neighbourhood; counts below 10 are suppressed"),
        _("Municipality, insurer, GP organisation (aggregates only)"),
    ),
    ConsentPurpose.PSEUDONYMISED_RESEARCH: (
        _("Scientific research on the effect of group consultations"),
        CONSENT_BASIS,
        _("Measurements and answers under a pseudonym; no name, address or contact details"),
        _("Researchers bound by a data processing agreement"),
    ),
    ConsentPurpose.PHOTOS: (
        _("Photos of the meeting in reports and publicity"),
        CONSENT_BASIS,
        _("Photos"),
        _("The organising partners"),
    ),
    ConsentPurpose.SHARE_WITH_OFFER: (
        _("A warm hand-over to a neighbourhood offer (the offer calls the participant)"),
        CONSENT_BASIS,
        _("Name and phone number; no results"),
        _("The contact person of the offer the participant is handed over to"),
    ),
    ConsentPurpose.SHARE_STORY: (
        _("A quote about the participant's experience in the funder report"),
        CONSENT_BASIS,
        _("The quote as written down by the caller; never a name"),
        _("Municipality, insurer, GP organisation and other funders (in the report)"),
    ),
}


def _retention_text():
    days = settings.RETENTION_DAYS["inactive_participant"]
    return _("Identity removed %(days)s days after the last activity; anonymous figures kept") % {
        "days": days
    }


def activities() -> list[Activity]:
    keys = [CARE, *ConsentPurpose.values]
    labels = dict(ConsentPurpose.choices)
    rows = []
    for key in keys:
        purpose, basis, data, recipients = DETAILS[key]
        rows.append(
            Activity(
                key=str(labels.get(key, _("Care"))),
                purpose=str(purpose),
                legal_basis=str(basis),
                data=str(data),
                recipients=str(recipients),
                retention=str(_retention_text()),
            )
        )
    return rows
