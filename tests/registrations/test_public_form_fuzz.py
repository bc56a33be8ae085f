"""Issue 10 "Done when": Hypothesis fuzzes the public sign-up form. Whatever a resident (or a
script) posts: never a 500, never a half-saved sign-up, and a refusal comes with a message."""

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration
from tests.factories.registrations import make_open_consultation, public_form_data

FIELDS = [
    "given_name",
    "family_name",
    "date_of_birth",
    "sex",
    "phone",
    "email",
    "postcode",
    "preferred_language",
    "privacy",
]
junk = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["", "2026-13-45", "1900-01-01", "1968-03-14", "female", "x" * 500, "06 1", "tr"]
    ),
)
_addresses = (f"198.51.100.{n % 250}" for n in itertools.count())


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=st.dictionaries(st.sampled_from(FIELDS), junk, max_size=5))
def test_public_form_never_fails_and_never_half_saves(client, region_a, changes):
    consultation = make_open_consultation(region_a)
    people, places = Participant.objects.count(), Registration.objects.count()
    response = client.post(
        f"/aanmelden/{consultation.public_id}/",
        public_form_data(**changes),
        REMOTE_ADDR=next(_addresses),
    )
    assert response.status_code in (200, 302, 429)
    added = (Participant.objects.count() - people, Registration.objects.count() - places)
    if response.status_code == 302:
        assert added[1] in (0, 1)  # a duplicate gets the same answer and saves nothing
    else:
        assert added == (0, 0)
        if response.status_code == 200:
            assert 'class="error-summary"' in response.content.decode()
