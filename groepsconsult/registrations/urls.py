"""Mounted at /aanmelden/. Residents' pages first (no login); staff pages under sessions/.

Staff pages enforce two-factor themselves (see views/access.py): this prefix is open to
residents in the two-factor middleware.
"""

from django.urls import path

from groepsconsult.registrations.views import calls, door, public, register, staff

app_name = "registrations"
urlpatterns = [
    path("", public.public_list, name="public-list"),
    path("<uuid:public_id>/", public.public_register, name="public-session"),
    path("<uuid:public_id>/bedankt/", public.public_thanks, name="public-thanks"),
    path("<uuid:public_id>/agenda.ics", public.public_ics, name="public-ics"),
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
