"""The form renderer: Django's own, with the select widget's per-option includes inlined.

Django renders each <option> through two template includes (`select_option.html`, which
includes `attrs.html`): about 100 us per option on a small server, 4 ms for a filter form with
a few selects. `form_templates/django/forms/widgets/select.html` writes the same markup inline
(options with another template still go through it). Everything else is Django's templates.
"""

from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property

OVERRIDES = Path(__file__).resolve().parent / "form_templates"
DJANGO_FORM_TEMPLATES = Path(django.forms.__file__).resolve().parent / "templates"


class FormRenderer(DjangoTemplates):
    @cached_property
    def engine(self):
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [OVERRIDES, DJANGO_FORM_TEMPLATES],
                "NAME": "djangoforms",
                "OPTIONS": {},
            }
        )
