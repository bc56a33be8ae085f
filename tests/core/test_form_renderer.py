"""The project's form renderer writes exactly Django's markup, with fewer includes per option."""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.template import base as template_base

from groepsconsult.core.form_renderer import FormRenderer


class _CustomOption(forms.Select):
    option_template_name = "django/forms/widgets/input_option.html"


class _Everything(forms.Form):
    plain = forms.ChoiceField(choices=[("", "---"), ("a", "A & B"), ("b", '"Bee"')])
    grouped = forms.ChoiceField(
        choices=[("Fruit", [("apple", "Apple"), ("pear", "Pear")]), ("x", "Loose")]
    )
    many = forms.MultipleChoiceField(choices=[(1, "One"), (2, "Two"), (3, "Three")])
    maybe = forms.NullBooleanField()
    attrs = forms.ChoiceField(
        choices=[("a", "A")], widget=forms.Select(attrs={"disabled": True, "data-x": "<y>"})
    )
    custom = forms.ChoiceField(choices=[("a", "A")], widget=_CustomOption)
    day = forms.DateField(widget=forms.SelectDateWidget(years=[2025, 2026]))


def _render(renderer, data=None):
    form = _Everything(data, renderer=renderer)
    return [str(form[name]) for name in form.fields]


def test_same_markup_as_djangos_renderer_empty_and_bound():
    bound = {"plain": "b", "grouped": "pear", "many": ["1", "3"], "maybe": "true"}
    bound |= {"attrs": "a", "custom": "a", "day_year": "2026", "day_month": "3", "day_day": "9"}
    for data in (None, bound):
        assert _render(FormRenderer(), data) == _render(DjangoTemplates(), data)


def test_a_select_renders_its_options_without_an_include_each(monkeypatch):
    choices = [(str(n), f"Option {n}") for n in range(30)]
    field = forms.Form(renderer=FormRenderer())
    field.fields["pick"] = forms.ChoiceField(choices=choices)
    rendered = []
    original = template_base.Template.render

    def spy(self, context):
        rendered.append(self.origin.template_name)
        return original(self, context)

    monkeypatch.setattr(template_base.Template, "render", spy)
    html = str(field["pick"])
    assert html.count("<option") == 30
    assert rendered.count("django/forms/widgets/select_option.html") == 0
    assert len(rendered) <= 3  # the select and its own attributes
