"""core.formatting and its `ui` tags: the same text as Django's filters, `{% url %}` and
components/badge.html, paid once."""

import datetime as dt
import uuid
import zoneinfo

import pytest
from django.template import Context, Template
from django.urls import reverse, set_script_prefix
from django.utils import timezone, translation

from groepsconsult.core import formatting

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
VALUES = [
    dt.datetime(2026, 1, 6, 8, 30, tzinfo=dt.UTC),
    dt.datetime(2026, 7, 6, 22, 59, 59, tzinfo=dt.UTC),  # the next day in Amsterdam
    dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC),  # the night the clocks go forward
    dt.datetime(2026, 7, 6, 12, 0),  # naive
    dt.date(2026, 12, 31),
    None,
    "",
]
FORMATS = ["D j M Y", "l j F", "Y-m-d H:i:s", "H:i", "SHORT_DATE_FORMAT", None, "e O T"]


def _render(source, **context):
    return Template("{% load ui %}" + source).render(Context(context))


@pytest.mark.parametrize("language", ["nl", "en", "tr"])
def test_cached_date_and_time_equal_djangos_filters(language):
    with translation.override(language), timezone.override(AMSTERDAM):
        for value in VALUES:
            for fmt in FORMATS:
                arg = f':"{fmt}"' if fmt else ""
                for filter_name in ("date", "time"):
                    try:
                        theirs = _render(f"{{{{ v|{filter_name}{arg} }}}}", v=value)
                    except TypeError:  # a time format for a date: ours refuses it too
                        with pytest.raises(TypeError):
                            _render(f"{{{{ v|{filter_name}_cached{arg} }}}}", v=value)
                        continue
                    for _ in range(2):  # the first call fills the cache, the second reads it
                        ours = _render(f"{{{{ v|{filter_name}_cached{arg} }}}}", v=value)
                        assert ours == theirs, (filter_name, value, fmt)


def test_the_cache_keeps_languages_and_time_zones_apart():
    value = VALUES[1]
    with translation.override("nl"), timezone.override(AMSTERDAM):
        dutch = _render('{{ v|date_cached:"D j M" }}', v=value)
    with translation.override("en"), timezone.override(AMSTERDAM):
        english = _render('{{ v|date_cached:"D j M" }}', v=value)
    with translation.override("en"), timezone.override(dt.UTC):
        utc = _render('{{ v|date_cached:"D j M" }}', v=value)
    assert (dutch, english, utc) == ("di 7 Jul", "Tue 7 Jul", "Mon 6 Jul")


def test_public_url_equals_reverse_also_under_a_script_prefix():
    public_id = uuid.uuid4()
    name = "consultations:consultation-detail"
    assert formatting.public_url(name, public_id) == reverse(name, args=[public_id])
    assert _render('{{ p|public_url:"' + name + '" }}', p=str(public_id)) == reverse(
        name, args=[public_id]
    )
    set_script_prefix("/gc/")
    try:
        assert formatting.public_url(name, public_id) == f"/gc{reverse(name, args=[public_id])[3:]}"
        assert formatting.public_url(name, public_id) == reverse(name, args=[public_id])
    finally:
        set_script_prefix("/")
    with pytest.raises(ValueError):
        formatting.public_url(name, "not-a-uuid")


@pytest.mark.parametrize("colour", ["green", "orange", "red", "grey", "<b>"])
def test_badge_tag_writes_the_markup_of_the_badge_component(colour):
    include = '{% include "components/badge.html" with colour=c label=l %}'
    for label in ["Ready", "3 items <missing>"]:
        assert _render("{% badge c l %}", c=colour, l=label) == _render(include, c=colour, l=label)
