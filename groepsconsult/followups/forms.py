from django import forms

from groepsconsult.followups.models import FollowUpAttempt, SessionDebrief, Story


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


class DebriefForm(forms.ModelForm):
    class Meta:
        model = SessionDebrief
        fields = ["well_informed", "went_well", "to_change"]
        widgets = {
            "well_informed": forms.RadioSelect,
            "went_well": forms.Textarea(attrs={"rows": 3}),
            "to_change": forms.Textarea(attrs={"rows": 3}),
        }


class StoryForm(forms.ModelForm):
    class Meta:
        model = Story
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
