"""Forms of the questionnaires app. The answer form is built from the definition data."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from groepsconsult.questionnaires.models import LANGUAGES, Question, text_in
from groepsconsult.questionnaires.services import answer_value_clean


class LanguageForm(forms.Form):
    lang = forms.ChoiceField(label=_("Language of the questions"), required=False)

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.fields["lang"].choices = [
            (code, name) for code, name in settings.PARTICIPANT_LANGUAGES if code in LANGUAGES
        ]


class ResponseForm(forms.Form):
    """One field per question, rendered by the template as large touch targets.

    Fields are deliberately not "required" at the form level: "save for later" must accept a
    half-filled page; the service demands required answers only when finishing.
    """

    def __init__(self, *args, questions, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.language = language
        for question in self.questions:
            self.fields[question.code] = self._field(question)

    def _field(self, question: Question):
        label = text_in(question.text, self.language)
        if question.kind == Question.Kind.TEXT:
            return forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
        if question.kind == Question.Kind.NUMBER:
            return forms.CharField(
                label=label,
                required=False,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            )
        return forms.ChoiceField(
            label=label, required=False, choices=self._choices(question), widget=forms.RadioSelect
        )

    def _choices(self, question: Question):
        if question.kind == Question.Kind.SCALE_0_10:
            return [(str(n), str(n)) for n in range(11)]
        if question.kind == Question.Kind.YES_NO:
            return [("yes", _("Yes")), ("no", _("No"))]
        return [(str(o["value"]), text_in(o["label"], self.language)) for o in question.options]

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            try:
                cleaned[question.code] = answer_value_clean(question, cleaned.get(question.code))
            except ValidationError as exc:
                self.add_error(question.code, exc)
        return cleaned

    def rows(self):
        """(question, bound field, scale anchors) per question, for the template."""
        for question in self.questions:
            anchors = {
                str(o["value"]): text_in(o["label"], self.language)
                for o in question.options
                if question.kind == Question.Kind.SCALE_0_10
            }
            yield question, self[question.code], anchors
