"""Tamazight is coded `zgh` everywhere (core.languages); offers stored the collective `ber`."""

from django.db import migrations


def ber_to_zgh(apps, schema_editor):
    Offer = apps.get_model("offers", "NeighbourhoodOffer")
    for offer in Offer.objects.filter(languages__contains="ber"):
        codes = ["zgh" if c == "ber" else c for c in offer.languages.split(",")]
        offer.languages = ",".join(dict.fromkeys(codes))
        offer.save(update_fields=["languages"])


def zgh_to_ber(apps, schema_editor):
    Offer = apps.get_model("offers", "NeighbourhoodOffer")
    for offer in Offer.objects.filter(languages__contains="zgh"):
        offer.languages = ",".join("ber" if c == "zgh" else c for c in offer.languages.split(","))
        offer.save(update_fields=["languages"])


class Migration(migrations.Migration):
    dependencies = [("offers", "0003_offer_version")]

    operations = [migrations.RunPython(ber_to_zgh, zgh_to_ber)]
