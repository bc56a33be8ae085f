"""Log in (password, then authenticator code), enrol two-factor, switch region, roles table.

Who may use them: anyone may log in; the rest needs a logged-in user.
"""

import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groepsconsult.accounts import services
from groepsconsult.accounts.forms import LoginForm, TokenForm
from groepsconsult.accounts.middleware import SESSION_REGION_KEY
from groepsconsult.accounts.permissions import PERMISSION_LABELS, ROLES, Permission
from groepsconsult.core.http import safe_next


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@login_required
def two_factor(request):
    user = request.user
    if user.is_verified():
        return redirect(safe_next(request, "dashboard"))
    enrolling = not services.user_has_confirmed_device(user=user)
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
