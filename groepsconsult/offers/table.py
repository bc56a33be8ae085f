"""The social map's rows as plain dicts of display strings, made once in Python.

The offers table spent most of the page in the template language (an include per badge,
`{% url %}`, `|date`, `get_kind_display`, a `{% blocktranslate %}` and a neighbourhoods loop
per row). The markup stays in `_offer_table.html`; only the values are worked out here, with
the same formatting helpers, so the page is unchanged. The hand-over figures cell keeps its
template filter: the offers app does not import hand-overs.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from groepsconsult.core.formatting import badge, date_cached, public_url


def table_rows(offers, *, today):
    return [_row(offer, today) for offer in offers]


def _row(offer, today):
    hoods = [n.name for n in offer.neighbourhoods.all()]
    return {
        "offer": offer,
        "url": public_url("offers:offer-detail", offer.public_id),
        "name": offer.name,
        "organisation": offer.organisation.name,
        "women_only": badge("grey", _("Women only")) if offer.women_only else "",
        "inactive": "" if offer.is_active else badge("grey", _("Not active")),
        "kind": offer.get_kind_display(),
        "neighbourhoods": ", ".join(hoods) if hoods else _("Whole region"),
        "languages": ", ".join(str(label) for label in offer.language_labels) or "–",
        "cost": _("Free") if offer.is_free else (offer.cost or "–"),
        "waiting": _waiting(offer.waiting_weeks),
        "confirmed": date_cached(offer.last_confirmed_on, "j M Y"),
        "stale": badge("orange", _("Needs confirming")) if offer.is_stale(today) else "",
    }


def _waiting(weeks):
    if weeks is None:
        return "–"
    if weeks == 0:
        return _("None")
    return ngettext("%(weeks)s week", "%(weeks)s weeks", weeks) % {"weeks": weeks}
