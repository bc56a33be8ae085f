from django import template

from groepsconsult.core.http import query_without_page

register = template.Library()


@register.simple_tag(takes_context=True)
def filter_query(context):
    return query_without_page(context["request"])


@register.filter
def field_type(bound_field):
    return bound_field.field.widget.__class__.__name__
