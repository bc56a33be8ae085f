"""Hand-over figures on the social map (no personal data): acceptance rate and median days to
first contact per offer. A template tag, so the offers app needs no import of handovers."""

from django import template
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from groepsconsult.handovers.selectors import (
    handover_list_for_participant,
    offer_handover_figures,
)

register = template.Library()


@register.simple_tag
def handover_figures_for(offers):
    """{offer id: figures} for a page of offers, in one query."""
    return offer_handover_figures(offer_ids=[o.pk for o in offers])


@register.filter
def figures_of(figures, offer):
    """The figures cell of `offer` from `handover_figures_for`'s result: built in Python, not an
    include per row (the table's rows were most of the offers page's time, issue 12)."""
    return figures_html(figures.get(offer.pk))


@register.simple_tag
def offer_handover_figures_block(offer):
    return figures_html(offer_handover_figures(offer_ids=[offer.pk]).get(offer.pk))


def figures_html(f):
    """ "67% accepted · first contact after 2.5 days (median) · 12 hand-overs", or a dash."""
    if not f:
        return "–"
    rate = f["acceptance_rate"]
    parts = [
        _("%(rate)s%% accepted") % {"rate": localize(rate)}
        if rate is not None
        else _("no answers yet")
    ]
    if f["median_days"] is not None:
        days = localize(f["median_days"])
        parts.append(_("first contact after %(days)s days (median)") % {"days": days})
    counter = f["requested"]
    parts.append(
        ngettext("%(counter)s hand-over", "%(counter)s hand-overs", counter)
        % {"counter": localize(counter)}
    )
    return format_html('<span class="offer-figures">{}</span>', " · ".join(parts))


@register.simple_tag
def handover_chain_for(participant):
    """The participant's hand-overs on their record (the record's read is already logged)."""
    return handover_list_for_participant(participant=participant)
