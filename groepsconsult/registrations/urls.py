"""Mounted at /aanmelden/. Residents' pages first (no login); staff pages under sessions/.

Only the residents' pages are public (marked by `public_page`); staff pages need a verified
login like every other page (the two-factor middleware is closed by default).
"""

from django.urls import path

from groepsconsult.registrations.views import (
    calls,
    door,
    public,
    public_cancel,
    register,
    removal,
    staff,
)

app_name = "registrations"
urlpatterns = [
    path("", public.public_list, name="public-list"),
    path("<uuid:public_id>/", public.public_register, name="public-session"),
    path("<uuid:public_id>/bedankt/", public.public_thanks, name="public-thanks"),
    path("<uuid:public_id>/agenda.ics", public.public_ics, name="public-ics"),
    path("afmelden/<str:token>/", public_cancel.public_cancel, name="public-cancel"),
    path("sessions/", staff.session_index, name="session-index"),
    path("sessions/<uuid:public_id>/", staff.registration_list, name="registration-list"),
    path("sessions/<uuid:public_id>/flyer.pdf", staff.flyer, name="flyer"),
    path(
        "sessions/<uuid:public_id>/register/",
        register.registration_create,
        name="registration-create",
    ),
    path(
        "sessions/<uuid:public_id>/register/new/",
        register.registration_create_new,
        name="registration-create-new",
    ),
    path(
        "sessions/<uuid:public_id>/remove-bogus/",
        removal.signup_removal,
        name="signup-removal",
    ),
    path(
        "removals/<uuid:public_id>/undo/",
        removal.signup_removal_undo,
        name="signup-removal-undo",
    ),
    path("sessions/<uuid:public_id>/door/", door.door, name="door"),
    path("sessions/<uuid:public_id>/door/count/", door.door_count, name="door-count"),
    path("sessions/<uuid:public_id>/door/walk-in/", door.walk_in, name="walk-in"),
    path(
        "registrations/<uuid:public_id>/cancel/",
        staff.registration_cancel,
        name="registration-cancel",
    ),
    path(
        "registrations/<uuid:public_id>/attendance/",
        door.attendance_mark,
        name="attendance-mark",
    ),
    path("calls/<uuid:public_id>/registered/", calls.call_register, name="call-register"),
]
