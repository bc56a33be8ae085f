"""The physician's rule-set page: cast, every rule with thresholds and source, unverified rules
marked, approval by POST with confirmation; and the booklet's draft line until approved."""

import datetime as dt

import pytest
from django.utils.html import escape

from groepsconsult import clinical
from groepsconsult.audit.models import AccessEvent
from groepsconsult.clinical_signoff.models import RulesetApproval
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.documents import answer_risk, make_registration, measure_all

PAGE = "/clinical-rules/"
APPROVE = "/clinical-rules/approve/"
IN_FORCE = clinical.DEFAULT_RULESET_VERSION
CONFIRMED = {"version": IN_FORCE, "confirm": "on"}


def test_physician_sees_every_rule_with_thresholds_source_and_unverified_marks(
    client_for, django_assert_max_num_queries
):
    client = client_for("physician")
    with django_assert_max_num_queries(12):
        response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    ruleset = clinical.load_ruleset(IN_FORCE)
    for rule in ruleset.measures.values():
        assert escape(rule.label) in html and escape(rule.source) in html
    assert "Niet geverifieerd: nog te bevestigen" in html  # hba1c and score2 are [U]
    assert html.count("Niet geverifieerd: nog te bevestigen") >= 2
    assert "Voorstel, nog niet goedgekeurd" in html
    assert "glucose_low" in html and "&lt; 3.5" in html  # the low-value alarm of nl-2026.2
    assert not AccessEvent.objects.exists()  # a GET writes nothing


@pytest.mark.parametrize("role", ["administrator", "coordinator", "professional", "host"])
def test_other_roles_are_forbidden(client_for, role):
    client = client_for(role)
    assert client.get(PAGE).status_code == 403
    assert client.post(APPROVE, CONFIRMED).status_code == 403
    assert not RulesetApproval.objects.exists()


def test_anonymous_goes_to_login(client, db):
    assert client.get(PAGE).status_code == 302
    assert "/account/login" in client.post(APPROVE, CONFIRMED)["Location"]


def test_approval_needs_the_confirmation_box(client_for):
    response = client_for("physician").post(APPROVE, {"version": IN_FORCE})
    assert response.status_code == 400
    assert "Vink het vakje aan" in response.content.decode()
    assert not RulesetApproval.objects.exists()


def test_physician_approves_for_their_own_region_only(client_for, region_a, region_b):
    client = client_for("physician")
    response = client.post(APPROVE, CONFIRMED)
    assert response.status_code == 302
    approval = RulesetApproval.objects.get()
    assert (approval.region, approval.approved_by, approval.ruleset_version) == (
        region_a,
        client.user,
        IN_FORCE,
    )
    page = client.get(PAGE).content.decode()
    assert "Goedgekeurd door" in page and "Deze versie goedkeuren" not in page
    # Region B's physician still sees a proposal: the approval belongs to region A.
    other = client_for("physician", region=region_b).get(PAGE).content.decode()
    assert "Voorstel, nog niet goedgekeurd" in other


def test_approving_an_old_version_is_refused_with_a_message(client_for):
    response = client_for("physician").post(APPROVE, {"version": "nl-2026.1", "confirm": "on"})
    assert response.status_code == 400
    assert "Alleen de regelset die nu geldt" in response.content.decode()
    assert not RulesetApproval.objects.exists()


def test_a_get_on_approve_is_not_allowed(client_for):
    assert client_for("physician").get(APPROVE).status_code == 405


# --- The booklet: draft line until approved; the physician's risk panel ------------------------


@pytest.fixture
def registration(region_a):
    session = make_consultation(region_a)
    person = make_participant(region_a, sex="male", date_of_birth=dt.date(1971, 3, 1))
    registration = make_registration(session, person)
    measure_all(registration)
    return registration


def _booklet(client, registration):
    return client.get(f"/documents/booklet/{registration.public_id}/").content.decode()


def test_booklet_says_draft_thresholds_until_the_physician_approves(client_for, registration):
    physician = client_for("physician")
    answer_risk(registration, physician.user)
    assert "Concept-grenswaarden, nog niet goedgekeurd" in _booklet(physician, registration)
    physician.post(APPROVE, CONFIRMED)
    assert "Concept-grenswaarden, nog niet goedgekeurd" not in _booklet(physician, registration)


def test_physician_sees_score2_risk_with_its_band_next_to_the_booklet(client_for, registration):
    physician = client_for("physician")
    answer_risk(registration, physician.user)
    html = _booklet(physician, registration)
    # 55-year-old non-smoking man, SBP 124, TC 7.1, HDL 1.4 (measure_all), low-risk region.
    risk = clinical.score2(age=55, sex="male", smoker=False, sbp=124, total_chol=7.1, hdl=1.4)
    assert "SCORE2 10-jaarsrisico op hart- en vaatziekte" in html
    assert f"{risk:.1f}".replace(".", ",") + " %" in html
    band = {"low_moderate": "laag tot matig", "high": "hoog", "very_high": "zeer hoog"}
    assert band[clinical.risk_category(age=55, risk_percent=risk)] in html


def test_physician_sees_why_score2_is_withheld_for_ckd(client_for, registration):
    physician = client_for("physician")
    answer_risk(registration, physician.user, ckd=True)
    html = _booklet(physician, registration)
    assert "Niet getoond: chronische nierschade." in html
    assert "Uw hartleeftijd is ongeveer" not in html
