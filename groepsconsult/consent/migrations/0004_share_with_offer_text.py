"""The first text for the purpose "share name and phone with the offer" (warm hand-over).

Plain language (B1); later versions are new rows, never edits.
"""

import datetime as dt

from django.db import migrations

VERSION = "2026.1"
VALID_FROM = dt.date(2026, 1, 1)
TEXTS = {
    "text_nl": "Mijn naam en telefoonnummer mogen naar de organisatie van het aanbod waar ik "
    "naartoe word verwezen (bijvoorbeeld de wandelgroep). Dan kan iemand van dat aanbod mij "
    "bellen om kennis te maken. Mijn uitslagen gaan niet mee.",
    "text_en": "My name and phone number may be given to the organisation of the offer I am "
    "referred to (for example the walking group). Then someone from that offer can call me "
    "to get acquainted. My results are not shared.",
    "text_tr": "Adım ve telefon numaram, yönlendirildiğim hizmetin kuruluşuna (örneğin yürüyüş "
    "grubu) verilebilir. Böylece o hizmetten biri tanışmak için beni arayabilir. "
    "Sonuçlarım paylaşılmaz.",
    "text_ar": "يمكن إعطاء اسمي ورقم هاتفي للمنظمة التي أُحال إليها (مثل مجموعة المشي). "
    "هكذا يمكن لشخص من هناك أن يتصل بي للتعارف. لا تتم مشاركة نتائجي.",
}


def load(apps, schema_editor):
    ConsentText = apps.get_model("consent", "ConsentText")
    ConsentText.objects.get_or_create(
        purpose="share_with_offer", version=VERSION, defaults={"valid_from": VALID_FROM, **TEXTS}
    )


def unload(apps, schema_editor):
    ConsentText = apps.get_model("consent", "ConsentText")
    ConsentText.objects.filter(
        purpose="share_with_offer", version=VERSION, consents__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("consent", "0003_share_with_offer_purpose")]
    operations = [migrations.RunPython(load, unload)]
