"""The first version of each consent text, in plain language (B1).

Later versions are added as new rows (never by editing these): consents point at the exact text.
"""

import datetime as dt

from django.db import migrations

VERSION = "2026.1"
VALID_FROM = dt.date(2026, 1, 1)
TEXTS = {
    "share_with_gp": {
        "text_nl": "Mijn uitslagen van vandaag mogen naar mijn eigen huisarts. "
        "Dan weet mijn huisarts wat er gemeten is en kan hij of zij mij verder helpen.",
        "text_en": "My results from today may be sent to my own GP. "
        "Then my GP knows what was measured and can help me further.",
        "text_tr": "Bugünkü sonuçlarım kendi aile hekimime gönderilebilir. "
        "Böylece aile hekimim neyin ölçüldüğünü bilir ve bana yardım etmeye devam edebilir.",
        "text_ar": "يمكن إرسال نتائجي اليوم إلى طبيب العائلة الخاص بي. "
        "هكذا يعرف طبيبي ما تم قياسه ويمكنه مساعدتي أكثر.",
    },
    "contact_by_health_champion": {
        "text_nl": "Een ervaringsdeskundige (Health Champion) mag mij later bellen. "
        "Hij of zij vraagt hoe het met mij gaat en of ik hulp nodig heb.",
        "text_en": "An experience expert (Health Champion) may phone me later. "
        "They ask how I am doing and whether I need help.",
        "text_tr": "Bir deneyim uzmanı (Health Champion) beni daha sonra arayabilir. "
        "Nasıl olduğumu ve yardıma ihtiyacım olup olmadığını sorar.",
        "text_ar": "يمكن لشخص ذي خبرة (Health Champion) أن يتصل بي لاحقًا. "
        "يسألني عن حالي وإن كنت أحتاج إلى مساعدة.",
    },
    "anonymous_monitoring": {
        "text_nl": "Mijn gegevens mogen zonder mijn naam worden gebruikt om te zien of het "
        "groepsconsult werkt. Niemand kan zien dat het over mij gaat.",
        "text_en": "My data may be used without my name to see whether the group consultation "
        "works. Nobody can see that it is about me.",
        "text_tr": "Verilerim, grup danışmanlığının işe yarayıp yaramadığını görmek için adım "
        "olmadan kullanılabilir. Kimse bunun benimle ilgili olduğunu göremez.",
        "text_ar": "يمكن استخدام بياناتي بدون اسمي لمعرفة ما إذا كانت الاستشارة الجماعية "
        "مفيدة. لا أحد يستطيع أن يعرف أنها تخصني.",
    },
    "pseudonymised_research": {
        "text_nl": "Onderzoekers mogen mijn gegevens gebruiken met een code in plaats van mijn "
        "naam. Zo leren we wat helpt voor de gezondheid in de wijk.",
        "text_en": "Researchers may use my data with a code instead of my name. "
        "This way we learn what helps health in the neighbourhood.",
        "text_tr": "Araştırmacılar verilerimi adım yerine bir kodla kullanabilir. "
        "Böylece mahallede sağlığa neyin iyi geldiğini öğreniriz.",
        "text_ar": "يمكن للباحثين استخدام بياناتي برمز بدلاً من اسمي. "
        "هكذا نتعلم ما يساعد على الصحة في الحي.",
    },
    "photos": {
        "text_nl": "Er mogen foto's van mij gemaakt worden tijdens het groepsconsult. "
        "Die foto's mogen gebruikt worden in een folder of op een website.",
        "text_en": "Photos of me may be taken during the group consultation. "
        "These photos may be used in a leaflet or on a website.",
        "text_tr": "Grup danışmanlığı sırasında fotoğraflarım çekilebilir. "
        "Bu fotoğraflar bir broşürde veya bir web sitesinde kullanılabilir.",
        "text_ar": "يمكن التقاط صور لي أثناء الاستشارة الجماعية. "
        "يمكن استخدام هذه الصور في نشرة أو على موقع إلكتروني.",
    },
}


def load(apps, schema_editor):
    ConsentText = apps.get_model("consent", "ConsentText")
    for purpose, texts in TEXTS.items():
        ConsentText.objects.get_or_create(
            purpose=purpose, version=VERSION, defaults={"valid_from": VALID_FROM, **texts}
        )


def unload(apps, schema_editor):
    # Only unused texts can go (PROTECT): a text someone consented to stays.
    ConsentText = apps.get_model("consent", "ConsentText")
    ConsentText.objects.filter(version=VERSION, consents__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("consent", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
