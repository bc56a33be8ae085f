"""Who may do what: one declarative table a privacy officer can read.

Roles hold permissions; a user holds one role per region (Membership). The page
"Wie mag wat" (accounts:roles) renders this table, so code and documentation cannot drift.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Permission(StrEnum):
    REGION_VIEW = "region_view"
    REGION_MANAGE = "region_manage"
    PARTICIPANT_LIST = "participant_list"
    PARTICIPANT_VIEW = "participant_view"
    PARTICIPANT_CHANGE = "participant_change"
    PARTICIPANT_MERGE = "participant_merge"
    CONSULTATION_VIEW = "consultation_view"
    CONSULTATION_MANAGE = "consultation_manage"
    AUDIT_VIEW = "audit_view"
    AUDIT_EXPORT = "audit_export"
    AGGREGATE_VIEW = "aggregate_view"
    RESEARCH_EXPORT = "research_export"
    RESEARCH_MANAGE = "research_manage"
    USER_MANAGE = "user_manage"
    OFFER_VIEW = "offer_view"
    OFFER_MANAGE = "offer_manage"
    REGISTRATION_CREATE = "registration_create"
    ATTENDANCE_RECORD = "attendance_record"
    GP_IMPORT = "gp_import"
    CONSENT_RECORD = "consent_record"
    MEASUREMENT_ENTER = "measurement_enter"
    MEASUREMENT_VIEW = "measurement_view"
    ALERT_ACKNOWLEDGE = "alert_acknowledge"
    QUESTIONNAIRE_FILL = "questionnaire_fill"
    GOAL_EDIT = "goal_edit"
    BOOKLET_PRINT = "booklet_print"
    PLENARY_VIEW = "plenary_view"
    HANDOVER_MANAGE = "handover_manage"
    HANDOVER_RESPOND = "handover_respond"
    SIGNAL_VIEW = "signal_view"
    GP_FEEDBACK_VIEW = "gp_feedback_view"
    GP_FEEDBACK_PREPARE = "gp_feedback_prepare"
    GP_REFER = "gp_refer"
    FOLLOWUP_CALL = "followup_call"
    STORY_RECORD = "story_record"
    SUBJECT_ACCESS_EXPORT = "subject_access_export"
    PARTICIPANT_ERASE = "participant_erase"
    RULESET_APPROVE = "ruleset_approve"
    FINANCE_VIEW = "finance_view"
    FINANCE_MANAGE = "finance_manage"
    ASSUMPTION_EDIT = "assumption_edit"


PERMISSION_LABELS = {
    Permission.REGION_VIEW: _("See the region's neighbourhoods, locations, partners and team"),
    Permission.REGION_MANAGE: _(
        "Add and edit neighbourhoods, locations, partners and professionals"
    ),
    Permission.PARTICIPANT_LIST: _("List participants"),
    Permission.PARTICIPANT_VIEW: _("Open a participant's record"),
    Permission.PARTICIPANT_CHANGE: _("Register and edit participants"),
    Permission.PARTICIPANT_MERGE: _("Merge two records of the same person, with their history"),
    Permission.CONSULTATION_VIEW: _("See group consultations"),
    Permission.CONSULTATION_MANAGE: _("Plan and change group consultations"),
    Permission.AUDIT_VIEW: _("Search the access log"),
    Permission.AUDIT_EXPORT: _("Export the access log"),
    Permission.SUBJECT_ACCESS_EXPORT: _(
        "Give a person everything held about them (subject access)"
    ),
    Permission.PARTICIPANT_ERASE: _("Remove a person's identity on request (erasure)"),
    Permission.AGGREGATE_VIEW: _("See anonymous group figures"),
    Permission.RESEARCH_EXPORT: _("Download the pseudonymised research export"),
    Permission.RESEARCH_MANAGE: _("Keep research projects and data-sharing agreements"),
    Permission.USER_MANAGE: _("Manage user accounts and roles"),
    Permission.OFFER_VIEW: _("See the social map of neighbourhood offers"),
    Permission.OFFER_MANAGE: _("Add and edit neighbourhood offers"),
    Permission.REGISTRATION_CREATE: _("Register or refer a resident for a session"),
    Permission.ATTENDANCE_RECORD: _("Tick people off at the door and register walk-ins"),
    Permission.GP_IMPORT: _("Import a GP practice's selection file and work the call list"),
    Permission.CONSENT_RECORD: _("Record and withdraw consent"),
    Permission.MEASUREMENT_ENTER: _("Enter and correct measurements at a station"),
    Permission.MEASUREMENT_VIEW: _("See measurement results and alerts"),
    Permission.ALERT_ACKNOWLEDGE: _("Acknowledge alarm values as the responsible physician"),
    Permission.QUESTIONNAIRE_FILL: _("Fill in questionnaires with a participant"),
    Permission.GOAL_EDIT: _("Record a participant's personal goal"),
    Permission.BOOKLET_PRINT: _("Print results booklets"),
    Permission.PLENARY_VIEW: _("Show the anonymous group summary of a session"),
    Permission.HANDOVER_MANAGE: _("Hand participants over to an offer and follow each step"),
    Permission.HANDOVER_RESPOND: _(
        "Accept or decline hand-overs to one's own offers and record the steps"
    ),
    Permission.SIGNAL_VIEW: _("See and resolve the region's signal list"),
    Permission.GP_FEEDBACK_VIEW: _(
        "See and download GP feedback (a practice: only its own consenting patients)"
    ),
    Permission.GP_FEEDBACK_PREPARE: _("Prepare GP feedback letters and FHIR bundles"),
    Permission.GP_REFER: _("Refer a patient into a session from the GP-practice portal"),
    Permission.FOLLOWUP_CALL: _(
        "Phone participants who agreed to be contacted after the session and record the call"
    ),
    Permission.STORY_RECORD: _(
        "Write down a participant's story for the funder report (with their consent) and see "
        "the region's stories"
    ),
    Permission.RULESET_APPROVE: _(
        "Review the clinical rule set and approve it as the region's responsible physician"
    ),
    Permission.FINANCE_VIEW: _("See budgets, costs, the business case and agreements"),
    Permission.FINANCE_MANAGE: _("Enter budget lines and keep the agreements register"),
    Permission.ASSUMPTION_EDIT: _("Edit the sourced assumptions of the business case"),
}


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    COORDINATOR = "coordinator", _("Coordinator")
    PHYSICIAN = "physician", _("Responsible physician (BIG)")
    PROFESSIONAL = "professional", _("Professional (IPT)")
    HEALTH_CHAMPION = "health_champion", _("Health champion / experience expert")
    HOST = "host", _("Host")
    GP_PRACTICE = "gp_practice", _("GP practice")
    FUNDER = "funder", _("Funder / municipality")
    RESEARCHER = "researcher", _("Researcher")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer")
    OFFER_PARTNER = "offer_partner", _("Offer partner (contact person of an offer)")


@dataclass(frozen=True)
class RoleSpec:
    description: str
    permissions: frozenset[Permission]

    @property
    def sees_personal_data(self) -> bool:
        return bool(self.permissions & PERSONAL_DATA_PERMISSIONS)


P = Permission
PERSONAL_DATA_PERMISSIONS = frozenset(
    {
        P.PARTICIPANT_LIST,
        P.PARTICIPANT_VIEW,
        P.PARTICIPANT_CHANGE,
        P.PARTICIPANT_MERGE,
        P.AUDIT_VIEW,
        P.AUDIT_EXPORT,
        P.REGISTRATION_CREATE,
        P.ATTENDANCE_RECORD,
        P.GP_IMPORT,
        P.CONSENT_RECORD,
        P.MEASUREMENT_ENTER,
        P.MEASUREMENT_VIEW,
        P.ALERT_ACKNOWLEDGE,
        P.QUESTIONNAIRE_FILL,
        P.GOAL_EDIT,
        P.BOOKLET_PRINT,
        P.HANDOVER_MANAGE,
        P.HANDOVER_RESPOND,
        P.SIGNAL_VIEW,
        P.GP_FEEDBACK_VIEW,
        P.GP_FEEDBACK_PREPARE,
        P.GP_REFER,
        P.FOLLOWUP_CALL,
        P.STORY_RECORD,
    }
)
_CARE_TEAM = {
    P.REGION_VIEW,
    P.CONSULTATION_VIEW,
    P.PARTICIPANT_LIST,
    P.PARTICIPANT_VIEW,
    P.OFFER_VIEW,
    P.REGISTRATION_CREATE,
    P.CONSENT_RECORD,
    P.MEASUREMENT_ENTER,
    P.MEASUREMENT_VIEW,
    P.QUESTIONNAIRE_FILL,
    P.GOAL_EDIT,
    P.BOOKLET_PRINT,
    P.PLENARY_VIEW,
    P.HANDOVER_MANAGE,
    P.FOLLOWUP_CALL,
}

ROLES: dict[Role, RoleSpec] = {
    Role.ADMINISTRATOR: RoleSpec(
        _("Sets up the region and its users. Sees everything in the region, including the log."),
        # Approving clinical thresholds is a medical act: only the responsible physician signs.
        frozenset(P) - {P.RULESET_APPROVE},
    ),
    Role.COORDINATOR: RoleSpec(
        _("Plans sessions, fills the team, registers participants and watches the process."),
        frozenset(
            _CARE_TEAM
            | {P.REGION_MANAGE, P.PARTICIPANT_CHANGE, P.CONSULTATION_MANAGE, P.AGGREGATE_VIEW}
            | {P.OFFER_MANAGE, P.ATTENDANCE_RECORD, P.GP_IMPORT, P.SIGNAL_VIEW}
            | {P.GP_FEEDBACK_VIEW, P.GP_FEEDBACK_PREPARE}
            | {P.FINANCE_VIEW, P.FINANCE_MANAGE, P.ASSUMPTION_EDIT, P.RESEARCH_MANAGE}
            | {P.STORY_RECORD}
        ),
    ),
    Role.PHYSICIAN: RoleSpec(
        _("Carries medical responsibility for the sessions; sees and corrects participants' data."),
        frozenset(
            _CARE_TEAM
            | {P.PARTICIPANT_CHANGE, P.AGGREGATE_VIEW, P.ALERT_ACKNOWLEDGE, P.RULESET_APPROVE}
            | {P.GP_FEEDBACK_VIEW, P.GP_FEEDBACK_PREPARE}
        ),
    ),
    Role.PROFESSIONAL: RoleSpec(
        _("Staffs a station or holds a talk; sees participants of the region's sessions."),
        frozenset(_CARE_TEAM | {P.PARTICIPANT_CHANGE}),
    ),
    Role.HEALTH_CHAMPION: RoleSpec(
        _("Phones participants after the session; sees only those who agreed to be contacted."),
        frozenset(
            {P.CONSULTATION_VIEW, P.PARTICIPANT_LIST, P.PARTICIPANT_VIEW, P.OFFER_VIEW}
            | {P.FOLLOWUP_CALL, P.STORY_RECORD}
        ),
    ),
    Role.HOST: RoleSpec(
        _("Welcomes people, ticks them off at the door and keeps time; no medical data."),
        # Consent is asked at the door (issue 13): it is not medical data.
        frozenset({P.CONSULTATION_VIEW, P.REGION_VIEW, P.ATTENDANCE_RECORD, P.CONSENT_RECORD}),
    ),
    Role.GP_PRACTICE: RoleSpec(
        _("Receives feedback; sees only its own patients who agreed to share results."),
        frozenset({P.PARTICIPANT_LIST, P.PARTICIPANT_VIEW, P.GP_FEEDBACK_VIEW, P.GP_REFER}),
    ),
    Role.FUNDER: RoleSpec(
        _("Municipality, insurer or GP organisation: anonymous group figures and costs only."),
        frozenset({P.AGGREGATE_VIEW, P.FINANCE_VIEW, P.ASSUMPTION_EDIT}),
    ),
    Role.RESEARCHER: RoleSpec(
        _("University or institute: pseudonymised export only, never names."),
        frozenset({P.AGGREGATE_VIEW, P.RESEARCH_EXPORT}),
    ),
    Role.PRIVACY_OFFICER: RoleSpec(
        _("Checks who opened which record and why; searches and exports the access log."),
        frozenset(
            {
                P.AUDIT_VIEW,
                P.AUDIT_EXPORT,
                P.REGION_VIEW,
                P.SUBJECT_ACCESS_EXPORT,
                P.PARTICIPANT_ERASE,
            }
        ),
    ),
    Role.OFFER_PARTNER: RoleSpec(
        _(
            "Contact person of a neighbourhood offer: sees only hand-overs to their own "
            "organisation's offers, and only of participants who agreed to share their name "
            "and phone with the offer."
        ),
        frozenset({P.HANDOVER_RESPOND}),
    ),
}


def role_has_permission(role: str, permission: Permission) -> bool:
    spec = ROLES.get(Role(role)) if role in Role.values else None
    return bool(spec and permission in spec.permissions)
