"""Fictional but realistic demo data. Names and numbers are invented; CBS codes are illustrative."""

REGIONS = [
    {
        "name": "Den Haag",
        "slug": "den-haag",
        "neighbourhoods": [
            ("Schilderswijk", "BU05182800"),
            ("Moerwijk", "BU05183800"),
            ("Transvaal", "BU05182900"),
        ],
        "city": "Den Haag",
        "public_phone": "070 123 4567",
        "postcode_prefix": "25",
    },
    {
        "name": "Utrecht",
        "slug": "utrecht",
        "neighbourhoods": [
            ("Overvecht", "BU03440900"),
            ("Kanaleneiland", "BU03440700"),
            ("Zuilen", "BU03440300"),
        ],
        "city": "Utrecht",
        "public_phone": "030 123 4567",
        "postcode_prefix": "35",
    },
]

LOCATION_KINDS = [
    (
        "Buurthuis {n}",
        "Buurthuisplein {i}",
        "Grote zaal (40 p.)\nSpreekkamer (4 p.)",
        "Rolstoeltoegankelijk, invalidentoilet.",
    ),
    ("Bibliotheek {n}", "Bibliotheeklaan {i}", "Leeszaal (25 p.)", "Lift aanwezig."),
    (
        "Moskee-centrum {n}",
        "Moskeestraat {i}",
        "Zaal vrouwen (30 p.)\nZaal mannen (30 p.)",
        "Drempel bij ingang; oprijplaat op verzoek.",
    ),
]

ORGANISATIONS = [
    ("Huisartsenpraktijk {n}", "gp_practice"),
    ("Gezondheidscentrum {n}", "gp_practice"),
    ("Welzijn {n}", "welfare"),
    ("Sportbedrijf {n}", "sport"),
    ("Apotheek {n}", "pharmacy"),
]
CITY_ORGANISATIONS = [
    ("Gemeente {c}", "municipality"),
    ("Zorgverzekeraar Regio {c}", "insurer"),
    ("GGD {c}", "health_service"),
]

PROFESSIONALS = [
    ("gp", "Huisartsenpraktijk", True),
    ("practice_nurse", "Huisartsenpraktijk", False),
    ("pharmacist", "Apotheek", True),
    ("sport_coach", "Sportbedrijf", False),
    ("social_worker", "Welzijn", False),
    ("money_help", "Welzijn", False),
    ("medical_assistant", "Gezondheidscentrum", False),
    ("experience_expert", "Welzijn", False),
    ("host", "Welzijn", False),
    ("dietitian", "Gezondheidscentrum", False),
]
# Languages besides Dutch, by professional (in turn), so the team picker shows language badges.
PROFESSIONAL_LANGUAGES = [["en"], ["tr"], ["ar", "zgh"], [], ["pap", "srn"]]

GIVEN_FEMALE = [
    "Fatima",
    "Aisha",
    "Naima",
    "Emine",
    "Ayşe",
    "Sandra",
    "Petra",
    "Ingrid",
    "Shanti",
    "Priya",
    "Yasmina",
    "Hatice",
    "Marieke",
    "Latifa",
    "Samira",
    "Gerda",
    "Anjali",
    "Zeynep",
    "Khadija",
    "Ria",
]
GIVEN_MALE = [
    "Mohamed",
    "Ahmed",
    "Mustafa",
    "Hasan",
    "Jan",
    "Kees",
    "Rajesh",
    "Ravi",
    "Youssef",
    "Mehmet",
    "Karim",
    "Henk",
    "Pieter",
    "Brahim",
    "Ali",
    "Ibrahim",
    "Sunil",
    "Emre",
    "Omar",
    "Wim",
]
FAMILY = [
    "El Amrani",
    "Yılmaz",
    "Bakker",
    "Ramdin",
    "Kaya",
    "de Vries",
    "Bouzid",
    "Jansen",
    "Mahabier",
    "Öztürk",
    "Visser",
    "Benali",
    "Sewnath",
    "Demir",
    "van Dijk",
    "El Idrissi",
    "Baldewsingh",
    "Şahin",
    "Mulder",
    "Chaouch",
    "Ramsaran",
    "Doğan",
    "Smit",
    "Haddou",
    "Autar",
]
LANGUAGES = ["nl", "nl", "nl", "tr", "ar", "en"]

DEMO_ROLES = [
    "administrator",
    "coordinator",
    "physician",
    "professional",
    "health_champion",
    "host",
    "gp_practice",
    "funder",
    "researcher",
    "privacy_officer",
    "offer_partner",  # tied to a sport organisation by handovers/demo.py
]
# Superuser of the installation (not of a region): attaches accounts that span regions.
INSTALLATION_ADMIN_USERNAME = "installation-admin"
DEMO_PASSWORD = "demo-Groepsconsult-2026"
PARTICIPANTS_PER_REGION = 120
