"""Log in (password, then authenticator code), enrol two-factor through the e-mailed link,
change or reset the password, switch region, roles table.

Who may use them: the login steps, the enrolment link and the password reset are public (see
urls.py); the rest needs a verified login.
"""

import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from groepsconsult.accounts import selectors, services
from groepsconsult.accounts.forms import LoginForm, TokenForm
from groepsconsult.accounts.middleware import SESSION_REGION_KEY
from groepsconsult.accounts.permissions import PERMISSION_LABELS, ROLES, Permission
from groepsconsult.core.http import safe_next

# Set by the e-mailed enrolment link: only then does the two-factor step show a QR code.
ENROL_SESSION_KEY = "enrol_user_id"


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def enrol(request, token):
    """The link from the enrolment e-mail: proves the mailbox is the user's own."""
    user_id = selectors.enrolment_token_user_id(token=token)
    if user_id is None:
        context = {
            "title": _("This link has expired"),
            "text": _("Ask your administrator to send you a new link."),
        }
        return render(request, "accounts/message.html", context, status=400)
    request.session[ENROL_SESSION_KEY] = user_id
    return redirect("accounts:two-factor" if request.user.is_authenticated else "accounts:login")


@login_required
def two_factor(request):
    user = request.user
    if user.is_verified():
        return redirect(safe_next(request, "dashboard"))
    enrolling = not services.user_has_confirmed_device(user=user)
    if enrolling and request.session.get(ENROL_SESSION_KEY) != user.pk:
        # Whoever knows the password (an administrator who set it) must not enrol their phone.
        return render(request, "accounts/enrol_by_link.html", status=403)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.totp_verify(request=request, user=user, token=form.cleaned_data["token"]):
            return redirect(safe_next(request, "dashboard"))
        form.add_error(
            "token", _("This code is not right. Check the time on your phone and try again.")
        )
    context = {"form": form, "enrolling": enrolling, "next": safe_next(request, "")}
    if enrolling:
        device = services.totp_device_pending_get_or_create(user=user)
        context["qr_svg"] = mark_safe(_qr_svg(device.config_url))  # noqa: S308 (our own SVG)
        context["secret"] = device.config_url.split("secret=")[1].split("&")[0]
    return render(request, "accounts/two_factor.html", context)


@require_POST
@login_required
def region_switch(request):
    region_id = request.POST.get("region")
    for membership in request.memberships:
        if str(membership.region_id) == region_id:
            request.session[SESSION_REGION_KEY] = membership.region_id
            messages.success(
                request, _("You now work in %(region)s.") % {"region": membership.region}
            )
            break
    return redirect("dashboard")


@login_required
def roles(request):
    rows = [
        (role, spec, [PERMISSION_LABELS[p] for p in Permission if p in spec.permissions])
        for role, spec in ROLES.items()
    ]
    context = {"rows": rows}
    return render(request, "accounts/roles.html", context)


class OwnPasswordChosenMixin:
    """After a change or a reset the password is the user's own: no longer a one-time one."""

    template_name = "accounts/password_form.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        services.user_password_chosen(user=form.user)
        return response


class PasswordChangeView(OwnPasswordChosenMixin, auth_views.PasswordChangeView):
    success_url = reverse_lazy("dashboard")
    extra_context = {"title": gettext_lazy("Change your password")}

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")
    extra_context = {"title": gettext_lazy("Forgot your password?")}


RESET_SENT = {
    "title": gettext_lazy("Check your e-mail"),
    "text": gettext_lazy(
        "If this address belongs to an account, we have sent a link to choose a new password."
    ),
}
RESET_COMPLETE = {
    "title": gettext_lazy("Your password has been changed"),
    "text": gettext_lazy("You can log in with your new password and your authenticator app."),
    "login_link": True,
}


class PasswordResetConfirmView(OwnPasswordChosenMixin, auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password-reset-complete")
    extra_context = {"title": gettext_lazy("Choose a new password")}


def message_page(view_class, context):
    """A Django auth view that only shows a title and a sentence (accounts/message.html)."""
    return view_class.as_view(template_name="accounts/message.html", extra_context=context)


password_reset_sent = message_page(auth_views.PasswordResetDoneView, RESET_SENT)
password_reset_complete = message_page(auth_views.PasswordResetCompleteView, RESET_COMPLETE)
