"""The users of `make loadtest` (locust) and the run itself. Imported only by bench/loadtest.py."""

import itertools
import re
from datetime import date

import gevent
from locust import HttpUser, between, task
from locust.env import Environment

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PLAN = {}


def _token(response):
    found = CSRF.search(response.text)
    return found.group(1) if found else ""


def _expect(response, *codes):
    if response.status_code not in codes:
        response.failure(f"status {response.status_code}")


class StaffUser(HttpUser):
    abstract = True
    sessions_key = ""

    def on_start(self):
        cookie = next(PLAN[f"_{self.sessions_key}"])
        self.client.cookies.set(PLAN["cookie"], cookie, domain="127.0.0.1")


class Tablet(StaffUser):
    """A care-station tablet: open the next participant's entry page, save blood pressure."""

    fixed_count = 15
    sessions_key = "tablets"
    wait_time = between(2, 5)

    @task
    def save(self):
        entry = next(PLAN["_entries"], None)
        if entry is None:
            return
        url = f"/measurements/entries/{entry}/?station=care"
        page = self.client.get(url, name="station entry")
        n = int(entry[:2], 16)
        data = {"csrfmiddlewaretoken": _token(page), "station": "care", "method": "professional"}
        data |= {"systolic": 110 + n % 60, "diastolic": 70 + n % 25, "pulse": 60 + n % 30}
        with self.client.post(
            url, data, name="station save", allow_redirects=False, catch_response=True
        ) as response:
            _expect(response, 302)


class Reader(StaffUser):
    fixed_count = 3
    sessions_key = "readers"
    wait_time = between(3, 6)

    @task
    def dashboard(self):
        # The region's monitoring dashboard (the landing page "Vandaag" is a different page).
        self.client.get("/monitoring/", name="dashboard")


class Door(StaffUser):
    fixed_count = 1
    sessions_key = "door"
    wait_time = between(2, 3)

    @task
    def count(self):
        self.client.get(
            f"/aanmelden/sessions/{PLAN['door_session']}/door/count/", name="door count"
        )


class Resident(HttpUser):
    """Someone registering through the public form (anonymous)."""

    fixed_count = 2
    wait_time = between(3, 6)
    numbers = itertools.count(1)

    @task
    def register(self):
        session = PLAN["public"][next(self.numbers) % len(PLAN["public"])]
        url = f"/aanmelden/{session}/"
        page = self.client.get(url, name="public form")
        n = next(self.numbers)
        data = {
            "csrfmiddlewaretoken": _token(page),
            "given_name": f"Load{n}",
            "family_name": "Test",
            "date_of_birth": date(1950 + n % 40, 1 + n % 12, 1 + n % 28).isoformat(),
            "sex": "female",
            "phone": f"06{10000000 + n}",
            "postcode": "2525 AB",
            "preferred_language": "nl",
            "privacy": "on",
        }
        with self.client.post(
            url, data, name="public registration", allow_redirects=False, catch_response=True
        ) as response:
            _expect(response, 302)


def run_locust(plan, host, args):
    """Run the users for args.duration seconds; print the table; True when nothing failed."""
    PLAN.update(plan)
    for key in ("tablets", "readers", "door"):
        PLAN[f"_{key}"] = itertools.cycle(plan[key])
    PLAN["_entries"] = iter(plan["entries"])
    Tablet.fixed_count = args.tablets
    env = Environment(user_classes=[Tablet, Reader, Door, Resident], host=host)
    runner = env.create_local_runner()
    users = args.tablets + Reader.fixed_count + Door.fixed_count + Resident.fixed_count
    runner.start(users, spawn_rate=users)
    gevent.spawn_later(args.duration, runner.quit)
    runner.greenlet.join()
    print(f"{'request':<22} {'count':>7} {'failures':>8} {'p50 ms':>7} {'p95 ms':>7}")
    for entry in [*sorted(env.stats.entries.values(), key=lambda e: e.name), env.stats.total]:
        print(
            f"{entry.name:<22} {entry.num_requests:>7} {entry.num_failures:>8} "
            f"{entry.get_response_time_percentile(0.5):>7.0f} "
            f"{entry.get_response_time_percentile(0.95):>7.0f}"
        )
    for error in env.stats.errors.values():
        print(f"failure: {error.method} {error.name}: {error.error} ({error.occurrences}x)")
    return env.stats.total.num_failures == 0 and env.stats.total.num_requests > 0
