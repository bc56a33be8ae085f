from django import forms

from groepsconsult.followups.models import FollowUpAttempt


class AttemptForm(forms.ModelForm):
    class Meta:
        model = FollowUpAttempt
        fields = [
            "outcome",
            "retry_on",
            "how_was_it",
            "steps_taken",
            "goal_progress",
            "needs_help",
            "note",
        ]
        widgets = {"retry_on": forms.DateInput(attrs={"type": "date"})}
