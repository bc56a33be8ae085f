"""Research projects, agreements and consenting planted participants."""

import datetime as dt
import itertools

from groepsconsult.participants.models import Participant
from groepsconsult.research.models import DataSharingAgreement, ResearchProject
from groepsconsult.research.variables import GROUPS
from tests.factories.consent import give

_seq = itertools.count(1)
TODAY_SPAN = {"starts_on": dt.date(2020, 1, 1), "ends_on": dt.date(2099, 12, 31)}


def make_project(region, **kw):
    n = next(_seq)
    defaults = {
        "name": f"Project {n}",
        "slug": f"project-{n}",
        "recipient_organisation": "Universiteit",
        "agreement_reference": f"REF-{n}",
        **TODAY_SPAN,
    }
    return ResearchProject.objects.create(**{"region": region, **defaults, **kw})


def make_agreement(project, level="pseudonymised", **kw):
    defaults = {
        "recipient_kind": "research_institute",
        "recipient_name": "Instituut",
        "level": level,
        "purpose": DataSharingAgreement.PURPOSE_OF_LEVEL[level],
        "variables": list(GROUPS) if level == "pseudonymised" else [],
        "measures": ["systolic"],
        "reference": f"DSA-{next(_seq)}",
        "valid_from": TODAY_SPAN["starts_on"],
        "valid_until": TODAY_SPAN["ends_on"],
    }
    return DataSharingAgreement.objects.create(**{"project": project, **defaults, **kw})


def consent_all(region, user, purpose="pseudonymised_research"):
    """Research consent for every participant of `region`; returns them."""
    people = list(Participant.objects.filter(region=region))
    for person in people:
        give(person, purpose, user)
    return people


def make_region_objects(region):
    make_agreement(make_project(region))
