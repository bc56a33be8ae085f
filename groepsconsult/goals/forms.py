from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.goals.models import Goal


class GoalForm(forms.ModelForm):
    """The goal in the participant's own words; the professional of the talk from this region."""

    class Meta:
        model = Goal
        fields = ["pillar", "goal_text", "first_step", "learning_stage", "professional"]
        widgets = {
            "goal_text": forms.Textarea(attrs={"rows": 3}),
            "pillar": forms.RadioSelect,
            "learning_stage": forms.RadioSelect,
        }
        help_texts = {
            "goal_text": _("Write it down as the participant says it."),
            "first_step": _("What will they do first, and when?"),
        }

    def __init__(self, *args, professionals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["professional"].queryset = professionals
        # Radio buttons without the "---------" blank choice: a visible, tappable set.
        for name in ("pillar", "learning_stage"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]
        self.fields["goal_text"].error_messages["required"] = _(
            "Write down the goal in the participant's own words."
        )
        self.fields["pillar"].error_messages["required"] = _("Choose the topic of the goal.")
