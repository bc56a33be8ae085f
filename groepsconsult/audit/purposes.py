"""Why personal data was read, changed or exported: the access log's purposes, one list.

The privacy officer filters the log by these, so each is written once here and nowhere as free
text (`access_log_write` refuses any other value). The stored values are the words earlier
versions wrote, so old log rows keep their meaning.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    ADMIN_SITE = "administration (admin site)", _("Administration (admin site)")
    ATTENDANCE = "attendance at the door", _("Attendance at the door")
    CARE = "care coordination", _("Care coordination")
    CLINICAL_SIGNOFF = "clinical sign-off", _("Clinical sign-off")
    CONSENT = "consent registration", _("Consent registration")
    CONTACT_PREFERENCES = "contact preferences", _("Contact preferences")
    ERASURE = "erasure request", _("Erasure request")
    FINANCE = "finance", _("Finance")
    FOLLOW_UP_CALL = "follow-up call", _("Follow-up call")
    GP_FEEDBACK = "GP feedback", _("GP feedback")
    GP_IMPORT = "recruitment: GP selection import", _("GP selection import")
    GP_CALL_LIST = "recruitment: GP selection call list", _("GP selection call list")
    HANDOVER = "warm hand-over", _("Warm hand-over")
    MEASUREMENTS = "measurement circuit", _("Measurement circuit")
    MERGE = "one person, one record: merge", _("Merging two records of one person")
    MONITORING_EXPORT = "monitoring export", _("Monitoring export")
    PERSONAL_GOAL = "personal goal", _("Personal goal")
    PRIVACY_SUPERVISION = "privacy supervision", _("Privacy supervision")
    QUESTIONNAIRE = "questionnaire", _("Questionnaire")
    QUESTIONNAIRE_DEFINITIONS = "questionnaire definitions", _("Questionnaire definitions")
    RECRUITMENT = "recruitment", _("Recruitment")
    REGIONAL_SETUP = "regional set-up", _("Regional set-up")
    REMINDER = "reminder", _("Reminder")
    RESULTS_BOOKLET = "results booklet", _("Results booklet")
    RESEARCH_EXPORT = "research export", _("Research export")
    RETENTION = "retention", _("Retention")
    REVIEW_MEETING = "review meeting", _("Review meeting")
    SESSION_CLOSEOUT = "session close-out", _("Session close-out")
    SESSION_PLANNING = "session planning", _("Session planning")
    SIGNAL_LIST = "signal list", _("Signal list")
    SOCIAL_MAP = "social map", _("Social map")
    SUBJECT_ACCESS = "subject access request", _("Subject access request")
    TRAJECTORY = "trajectory", _("Trajectory")
    USER_ADMINISTRATION = "user administration", _("User administration")
