from django import forms

from groepsconsult.notifications.models import ContactPreference


class ContactPreferenceForm(forms.ModelForm):
    class Meta:
        model = ContactPreference
        fields = ["sms_opt_out", "email_opt_out"]
