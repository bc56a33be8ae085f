"""The demo research project goes through the services, can run twice, and exports."""

import random

from groepsconsult.audit.services import Actor
from groepsconsult.research import demo
from groepsconsult.research.models import DataSharingAgreement, ResearchEvent, ResearchProject
from groepsconsult.research.selectors import agreement_active_list
from groepsconsult.research.services import research_export


def test_demo_seed_is_idempotent_and_every_agreement_exports(region_a):
    demo.seed(region=region_a, rng=random.Random(1))
    demo.seed(region=region_a, rng=random.Random(1))
    assert ResearchProject.objects.in_region(region_a).count() == 1
    agreements = DataSharingAgreement.objects.in_region(region_a)
    assert agreements.count() == len(demo.AGREEMENTS)
    assert ResearchEvent.objects.filter(region=region_a).count() == 1 + len(demo.AGREEMENTS)
    assert set(agreements.values_list("recipient_kind", flat=True)) == set(
        DataSharingAgreement.Recipient.values
    )
    for agreement in agreement_active_list(region=region_a):
        assert research_export(agreement=agreement, by=Actor.system("test")).files
