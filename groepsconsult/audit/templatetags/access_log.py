"""The access log's table rows, written in Python.

Fifty rows of seven cells through the template engine cost as much as the rest of the page (each
variable is resolved, localised and escaped on its own, about 15 us a cell). `format_html`
escapes every value the same way, so the markup is the one the template wrote
(tests/audit/test_access_log.py compares them).
"""

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join

register = template.Library()

ROW = (
    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td>"
    "<td><code>{}</code></td><td>{}</td></tr>"
)
DETAIL = '<br><span class="muted">{}</span>'
AT = "%Y-%m-%d %H:%M:%S"  # the template's "Y-m-d H:i:s", in the active time zone


@register.simple_tag
def access_event_rows(events):
    return format_html_join("", ROW, (_cells(event) for event in events))


def _cells(event):
    return (
        timezone.localtime(event.at).strftime(AT),
        event.username,
        event.role,
        event.get_action_display(),
        event.subject_type,
        format_html(DETAIL, event.detail) if event.detail else "",
        event.participant_id or "",
        event.get_purpose_display(),
    )
