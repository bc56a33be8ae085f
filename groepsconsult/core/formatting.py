"""Per-row formatting paid once: dates in a display format, and links to a record's page.

A list of 25-50 rows formats the same kinds of values again and again, and Django's `date`
filter costs 25-60 us a call (it walks the format string and translates each day or month
name), `{% url %}` about 40 us. Both results depend only on a few hashable inputs, so they are
kept in small LRU caches:

- `date_cached` / `time_cached`: Django's `date` / `time` filter, keyed by the value (after the
  template's conversion to local time), its time zone, the format and the active language.
- `public_url(viewname, public_id)`: `reverse(viewname, args=[public_id])` for routes that take
  one `<uuid:...>`, built from one reversed pattern (per script prefix) by replacing a
  placeholder.
"""

import functools
import uuid

from django.template import defaultfilters
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.html import format_html

_PLACEHOLDER = uuid.UUID(int=0)
_BADGE_MARKS = {"green": "✓", "orange": "!", "red": "✕"}


@functools.lru_cache(maxsize=8192)
def _formatted(filter_name, value, tz, fmt, language):
    del tz, language  # part of the key only: the filter reads the active ones
    return getattr(defaultfilters, filter_name)(value, fmt)


def _format(filter_name, value, fmt):
    tz = getattr(value, "tzinfo", None)
    key_tz = (str(tz), value.utcoffset()) if tz is not None else None
    try:
        return _formatted(filter_name, value, key_tz, fmt, translation.get_language())
    except TypeError:  # an unhashable value or format: format it as Django would
        return getattr(defaultfilters, filter_name)(value, fmt)


def date_cached(value, fmt=None):
    """Exactly `{{ value|date:fmt }}`, from a cache after the first time."""
    if value in (None, ""):
        return ""
    return _format("date", value, fmt)


def time_cached(value, fmt=None):
    """Exactly `{{ value|time:fmt }}`, from a cache after the first time."""
    if value in (None, ""):
        return ""
    return _format("time", value, fmt)


@functools.lru_cache(maxsize=512)
def _url_parts(viewname, prefix):
    del prefix  # part of the key only: reverse() reads the active one
    head, _, tail = reverse(viewname, args=[_PLACEHOLDER]).partition(str(_PLACEHOLDER))
    return head, tail


def public_url(viewname, public_id):
    """`reverse(viewname, args=[public_id])` for a route whose only argument is a UUID."""
    head, tail = _url_parts(viewname, get_script_prefix())
    return f"{head}{uuid.UUID(str(public_id))}{tail}"


def badge(colour, label):
    """The markup of components/badge.html (`{% badge %}` in templates, or a row made in
    Python): the word is always shown, colour is never the only signal."""
    mark = _BADGE_MARKS.get(colour, "")
    return format_html('\n<span class="badge {}">{} {}</span>\n', colour, mark, label)
