"""One actor per write: the `Actor` carries the user and membership, so no write function takes
`by` and a second `user` argument (issue 8, item 7)."""

import importlib
import inspect
import pkgutil

from django.apps import apps

import groepsconsult
from groepsconsult.audit.services import Actor
from tests.factories.backbone import make_user


def _modules():
    """Every app's `services` module (or package) and every other module of the project: a
    write helper outside `services` (closeout, imports) follows the same rule."""
    names = {f"{c.name}.services" for c in apps.get_app_configs() if c.name.startswith("groep")}
    names |= {
        m.name
        for m in pkgutil.walk_packages(groepsconsult.__path__, "groepsconsult.")
        if ".migrations" not in m.name
    }
    for name in sorted(names):
        try:
            yield importlib.import_module(name)
        except ModuleNotFoundError as missing:  # an app without a services module
            assert missing.name == name, missing


def _by_and_user():
    for module in _modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            params = inspect.signature(function).parameters
            if function.__module__ == module.__name__ and {"by", "user"} <= set(params):
                yield f"{module.__name__}.{name}"


def test_no_function_takes_both_an_actor_and_a_user():
    assert list(_by_and_user()) == []


def test_the_services_modules_are_inspected():
    inspected = {m.__name__ for m in _modules()}
    assert {
        "groepsconsult.handovers.services",
        "groepsconsult.questionnaires.services",
    } <= inspected


def test_an_actor_from_a_request_carries_the_user_and_membership(rf, region_a):
    user = make_user("coordinator", region_a)
    request = rf.get("/")
    request.user = user
    request.membership = user.memberships.get()
    actor = Actor.from_request(request)
    assert (actor.user, actor.membership, actor.user_id) == (user, request.membership, user.pk)
    assert actor.region_slug == region_a.slug
    assert Actor.system().user is None


def test_the_objects_do_not_change_equality():
    assert Actor(user_id=1, username="a", user=object()) == Actor(user_id=1, username="a")
