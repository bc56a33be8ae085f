"""The social map's rows are made in Python (offers/table.py); the page must read as it did
when the template worked them out: compared here with the old template's markup on every kind
of row (women only, not active, stale, free or a cost, waiting time none/one/several/unknown,
neighbourhoods or the whole region, languages or none), in Dutch and English."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories.backbone import make_neighbourhood
from tests.factories.offers import make_offer

# The table body as `_offer_table.html` had it before the rows moved to Python.
OLD_BODY = """{% load i18n handover_figures %}{% handover_figures_for page.object_list as figures %}<tbody>{% for offer in page %}<tr>
    <td><a href="{% url 'offers:offer-detail' offer.public_id %}">{{ offer.name }}</a><br><span class="muted">{{ offer.organisation.name }}</span>
      {% if offer.women_only %}<br>{% translate "Women only" as w %}{% include "components/badge.html" with colour="grey" label=w %}{% endif %}
      {% if not offer.is_active %}<br>{% translate "Not active" as na %}{% include "components/badge.html" with colour="grey" label=na %}{% endif %}</td>
    <td>{{ offer.get_kind_display }}</td>
    <td>{% for n in offer.neighbourhoods.all %}{{ n.name }}{% if not forloop.last %}, {% endif %}{% empty %}{% translate "Whole region" %}{% endfor %}</td>
    <td>{{ offer.language_labels|join:", "|default:"–" }}</td>
    <td>{% if offer.is_free %}{% translate "Free" %}{% else %}{{ offer.cost|default:"–" }}{% endif %}</td>
    <td>{% if offer.waiting_weeks is None %}–{% elif offer.waiting_weeks == 0 %}{% translate "None" %}{% else %}{% blocktranslate count weeks=offer.waiting_weeks %}{{ weeks }} week{% plural %}{{ weeks }} weeks{% endblocktranslate %}{% endif %}</td>
    <td>{{ offer.last_confirmed_on|date:"j M Y" }}{% if offer.pk in stale_ids %}<br>{% translate "Needs confirming" as nc %}{% include "components/badge.html" with colour="orange" label=nc %}{% endif %}</td>
    <td>{{ figures|figures_of:offer }}</td>
  </tr>{% endfor %}</tbody>"""


def _offers(region):
    hoods = [make_neighbourhood(region, name="Moerwijk"), make_neighbourhood(region, name="Laak")]
    make_offer(region, name="Wandelen <samen>", women_only=True, waiting_weeks=1, languages="tr,ar")
    make_offer(region, name="Koken", is_active=False, waiting_weeks=0, neighbourhoods=hoods)
    make_offer(region, name="Geld", is_free=False, cost="EUR 5 per maand", waiting_weeks=3)
    make_offer(
        region, name="Oud", languages="", last_confirmed_on=dt.date.today() - dt.timedelta(400)
    )
    make_offer(region, name="Zonder prijs", is_free=False, cost="", kind="dietitian")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_rows_read_as_the_template_made_them(client_for, region_a, language):
    _offers(region_a)
    client = client_for("professional")
    client.cookies["django_language"] = language
    response = client.get("/offers/")
    body = re.search(r"<tbody>.*</tbody>", response.content.decode(), re.S).group(0)
    page = response.context["page"]
    assert len(page.object_list) == 5
    today = response.context["today"]
    with translation.override(response["Content-Language"]):
        stale_ids = {o.pk for o in page if o.is_stale(today)}
        expected = Template(OLD_BODY).render(Context({"page": page, "stale_ids": stale_ids}))
    assert body == expected
    for text in ("Wandelen &lt;samen&gt;", "badge grey", "badge orange", "Moerwijk"):
        assert text in body
