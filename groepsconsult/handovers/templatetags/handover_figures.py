"""Hand-over figures on the social map (no personal data): acceptance rate and median days to
first contact per offer. A template tag, so the offers app needs no import of handovers."""

from django import template

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
    return figures.get(offer.pk)


@register.inclusion_tag("handovers/_offer_figures.html")
def offer_handover_figures_block(offer):
    return {"f": offer_handover_figures(offer_ids=[offer.pk]).get(offer.pk)}


@register.simple_tag
def handover_chain_for(participant):
    """The participant's hand-overs on their record (the record's read is already logged)."""
    return handover_list_for_participant(participant=participant)
