"""The first text for the purpose "share my story anonymously in reports" (funder report).

Plain language (B1); later versions are new rows, never edits. The Turkish and Arabic
wordings still need a check by a native speaker (docs/consent.md).
"""

import datetime as dt

from django.db import migrations

VERSION = "2026.1"
VALID_FROM = dt.date(2026, 1, 1)
TEXTS = {
    "text_nl": "Wat ik vertel over mijn ervaring mag in een verslag komen voor de gemeente, "
    "de zorgverzekeraar en andere partners die het spreekuur betalen. Mijn naam en andere "
    "dingen waaraan iemand mij kan herkennen staan er niet bij. Ik kan dit altijd intrekken; "
    "daarna komt mijn verhaal in geen nieuw verslag meer.",
    "text_en": "What I tell about my experience may appear in a report for the municipality, "
    "the health insurer and other partners who pay for the consultation. My name and other "
    "details by which someone could recognise me are left out. I can withdraw this at any "
    "time; after that my story is in no new report.",
    "text_tr": "Deneyimim hakkında anlattıklarım, görüşmeyi finanse eden belediye, sağlık "
    "sigortası ve diğer ortaklar için hazırlanan bir raporda yer alabilir. Adım ve beni "
    "tanımaya yarayacak diğer bilgiler yer almaz. Bunu her zaman geri alabilirim; ondan sonra "
    "hikayem yeni bir raporda yer almaz.",
    "text_ar": "يمكن أن يظهر ما أرويه عن تجربتي في تقرير للبلدية وشركة التأمين الصحي والشركاء "
    "الآخرين الذين يمولون الاستشارة. لا يُذكر اسمي ولا أي تفاصيل أخرى يمكن أن تكشف هويتي. "
    "يمكنني سحب موافقتي في أي وقت؛ وبعد ذلك لن تظهر قصتي في أي تقرير جديد.",
}


def load(apps, schema_editor):
    ConsentText = apps.get_model("consent", "ConsentText")
    ConsentText.objects.get_or_create(
        purpose="share_story", version=VERSION, defaults={"valid_from": VALID_FROM, **TEXTS}
    )


def unload(apps, schema_editor):
    ConsentText = apps.get_model("consent", "ConsentText")
    ConsentText.objects.filter(
        purpose="share_story", version=VERSION, consents__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("consent", "0005_share_story_purpose")]
    operations = [migrations.RunPython(load, unload)]
