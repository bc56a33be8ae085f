from django import template

from groepsconsult.core import formatting
from groepsconsult.core.http import query_without_page

register = template.Library()


@register.simple_tag(takes_context=True)
def filter_query(context):
    return query_without_page(context["request"])


@register.filter
def field_type(bound_field):
    return bound_field.field.widget.__class__.__name__


@register.filter(expects_localtime=True, is_safe=False)
def date_cached(value, arg=None):
    """`|date`, formatted once per value, format and language (core/formatting.py)."""
    return formatting.date_cached(value, arg)


@register.filter(expects_localtime=True, is_safe=False)
def time_cached(value, arg=None):
    """`|time`, formatted once per value, format and language (core/formatting.py)."""
    return formatting.time_cached(value, arg)


@register.filter
def public_url(public_id, viewname):
    """`{{ obj.public_id|public_url:"app:name" }}` = `{% url "app:name" obj.public_id %}`."""
    return formatting.public_url(viewname, public_id)


@register.simple_tag
def badge(colour, label):
    """`{% badge colour label %}`: the markup of components/badge.html without an include
    (a list shows one or two per row). The word is always shown: colour is never the only
    signal."""
    return formatting.badge(colour, label)
