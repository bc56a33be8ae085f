from django import forms
from django.utils.translation import gettext_lazy as _

from groepsconsult.accounts.models import Membership, User
from groepsconsult.accounts.permissions import Role
from groepsconsult.regions.models import Organisation
from groepsconsult.team.policies import check_can_attach_account


class GpPracticeNeedsOrganisationMixin:
    """Both forms: a GP-practice user must be tied to a practice of this region."""

    def setup_organisation(self, region):
        self.fields["organisation"].queryset = Organisation.objects.filter(
            region=region, kind=Organisation.Kind.GP_PRACTICE
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.GP_PRACTICE and not cleaned.get("organisation"):
            self.add_error("organisation", _("A GP-practice user must belong to a GP practice."))
        return cleaned


class MemberAddForm(GpPracticeNeedsOrganisationMixin, forms.Form):
    username = forms.RegexField(
        label=_("Username"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Use letters, digits and . @ + - _ only.")},
    )
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Needed for a new user: they get the link to set up two-step login."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    organisation = forms.ModelChoiceField(
        label=_("GP practice"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Only for GP-practice users."),
    )

    def __init__(self, *args, region, by_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.region, self.by_user = region, by_user
        self.setup_organisation(region)

    def clean_username(self):
        username = self.cleaned_data["username"]
        if Membership.objects.filter(user__username=username, region=self.region).exists():
            raise forms.ValidationError(_("This user already has a role in this region."))
        existing = User.objects.filter(username=username).first()
        if existing is not None:
            check_can_attach_account(user=existing, region=self.region, by_user=self.by_user)
        self.is_new_user = existing is None
        return username

    def clean(self):
        cleaned = super().clean()
        if getattr(self, "is_new_user", False) and not cleaned.get("email"):
            self.add_error("email", _("A new user needs an e-mail address for the login link."))
        return cleaned


class MemberEditForm(GpPracticeNeedsOrganisationMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "organisation", "is_active"]
        labels = {
            "organisation": _("GP practice"),
            "is_active": _("Active (may work in this region)"),
        }

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_organisation(region)
