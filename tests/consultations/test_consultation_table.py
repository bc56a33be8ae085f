"""The session list's rows are made in Python (consultations/table.py); the page must read as
it did when the template worked them out: compared here with the old template's markup on
every kind of row (ready, one item missing, several, held, cancelled, imported, audience,
languages, with and without a room), in Dutch and English."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from groepsconsult.consultations.models import Consultation, RosterAssignment
from groepsconsult.consultations.readiness import facts_from_annotations, readiness_check
from tests.factories.consultations import (
    future,
    make_planned_consultation,
    make_ready_consultation,
)

# The table body as `_consultation_table.html` had it before the rows moved to Python.
OLD_BODY = """{% load i18n ui %}<tbody>{% for c, readiness in rows %}<tr>
    <td>{{ c.starts_at|date_cached:"D j M Y" }}<br><span class="muted">{{ c.starts_at|time_cached:"H:i" }}–{{ c.ends_at|time_cached:"H:i" }}</span></td>
    <td><a href="{{ c.public_id|public_url:'consultations:consultation-detail' }}">{{ c }}</a><br><span class="muted">{{ c.get_kind_display }}{% if c.audience != "mixed" %} · {{ c.get_audience_display }}{% endif %}{% if c.languages %} · {{ c.get_languages_display }}{% endif %}</span></td>
    <td>{{ c.neighbourhood.name }}</td>
    <td>{{ c.location.name }}{% if c.room %}<br><span class="muted">{{ c.room }}</span>{% endif %}</td>
    <td>{% badge c.status_colour c.get_status_display %}{% if c.imported %} {% translate "Imported" context "earlier session" as il %}{% badge "grey" il %}{% endif %}</td>
    <td>{{ c.registered_count }} / {{ c.capacity }}</td>
    <td>{% if c.status == "held" or c.status == "cancelled" %}<span class="muted">–</span>{% else %}{% if readiness.ready %}{% translate "Ready" context "readiness" as label %}{% badge "green" label %}{% else %}{% blocktranslate count n=readiness.missing|length asvar label %}{{ n }} item missing{% plural %}{{ n }} items missing{% endblocktranslate %}{% badge "red" label %}{% endif %}
{% endif %}</td>
  </tr>{% endfor %}</tbody>"""


def _sessions(region):
    make_ready_consultation(region, title="Klaar")
    one_missing = make_ready_consultation(region, title="Bijna", starts_at=future(31))
    RosterAssignment.objects.filter(consultation=one_missing, role="coordinator").delete()
    make_planned_consultation(region, starts_at=future(32), room="")  # default title, no team
    make_planned_consultation(
        region,
        title="Vrouwen <Turks>",
        starts_at=future(33),
        audience="women",
        languages=["tr", "ar"],
        status="cancelled",
    )
    held = make_planned_consultation(region, title="Vorig jaar", starts_at=future(-300))
    Consultation.objects.filter(pk=held.pk).update(status="held", imported=True)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_rows_read_as_the_template_made_them(client_for, region_a, language):
    _sessions(region_a)
    client = client_for("coordinator")
    client.cookies["django_language"] = language
    response = client.get("/consultations/", {"when": "all"})
    body = re.search(r"<tbody>.*</tbody>", response.content.decode(), re.S).group(0)
    page = list(response.context["page"])
    assert len(page) == 5
    with translation.override(response["Content-Language"]):
        rows = [(c, readiness_check(facts_from_annotations(c))) for c in page]
        expected = Template(OLD_BODY).render(Context({"rows": rows}))
    assert body == expected
    for text in ("Vrouwen &lt;Turks&gt;", "badge grey", "badge red", "badge green"):
        assert text in body
