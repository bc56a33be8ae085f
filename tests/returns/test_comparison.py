"""After registering from the invitation list and measuring at the 6-month session, the booklet
compares with the trajectory's own first session (the setup of test_trajectory_walk)."""

from decimal import Decimal

from groepsconsult.documents.selectors import booklet_sources
from groepsconsult.measurements.services import Entry, measurements_record
from groepsconsult.returns.services import invitation_register, invitations_generate
from tests.factories.returns import BY, PHONE, make_first_session, make_return_session


def test_the_booklet_compares_the_return_with_the_first_session(region_a):
    first = make_first_session(region_a, people=1)
    measurements_record(
        registration=first.registrations.get(),
        entry=Entry(values={"systolic": Decimal(150), "diastolic": Decimal(90)}),
        by=BY,
    )
    back = make_return_session(region_a)
    invitations_generate(consultation=back, baselines=[first], contact_phone=PHONE, by=BY)
    place = invitation_register(invitation=back.return_invitations.get(), by=BY)
    measurements_record(
        registration=place,
        entry=Entry(values={"systolic": Decimal(132), "diastolic": Decimal(84)}),
        by=BY,
    )
    (source,) = booklet_sources(registrations=[place], consultation=back)
    assert source.previous_consultation == first
    assert source.previous["systolic"].value == Decimal(150)
    assert place.participant.trajectories.get().status == "returned"
