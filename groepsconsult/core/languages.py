"""The two lists of languages, one per meaning (used by sessions, offers, questionnaires, booklets).

- PAGE_LANGUAGES: languages the app's own pages, questionnaires, booklets and messages are written
  in for participants (settings.PARTICIPANT_LANGUAGES; a catalogue exists for each).
- SPOKEN_LANGUAGES: languages people speak in a session or at an offer, whether or not the app
  has pages in them (a session "in Tamazight" with a Dutch booklet). ISO 639 codes; Tamazight is
  `zgh` (ISO 639-3 Standard Moroccan Tamazight) everywhere.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

PAGE_LANGUAGES = list(settings.PARTICIPANT_LANGUAGES)
PAGE_LANGUAGE_CODES = tuple(code for code, _name in PAGE_LANGUAGES)
RTL_LANGUAGES = frozenset({"ar"})

SPOKEN_LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("zgh", _("Tamazight (Berber)")),
    ("pap", _("Papiamento")),
    ("srn", _("Sranan Tongo")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("pl", _("Polish")),
    ("bg", _("Bulgarian")),
    ("ro", _("Romanian")),
    ("uk", _("Ukrainian")),
    ("fa", _("Persian")),
    ("hi", _("Hindi / Sarnami")),
    ("es", _("Spanish")),
    ("fr", _("French")),
]
SPOKEN_LANGUAGE_CODES = frozenset(code for code, _label in SPOKEN_LANGUAGES)
