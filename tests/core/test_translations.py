"""The gettext catalogues: complete Dutch, no leftovers of tooling accidents, compiled up to date."""

import glob
from pathlib import Path

import polib
import pytest

CATALOGUES = sorted(glob.glob("groepsconsult/**/locale/*/LC_MESSAGES/django.po", recursive=True))
DUTCH = [c for c in CATALOGUES if "/locale/nl/" in c]


def entries(path):
    return [e for e in polib.pofile(path) if not e.obsolete]


def is_repeated(text):
    """The same text two or more times in a row: what a bad fill script leaves behind."""
    return any(
        len(text) % k == 0 and len(text) > 3 * k and text == text[: len(text) // k] * k
        for k in (2, 3, 4)
    )


def texts(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.mark.parametrize("path", DUTCH)
def test_every_dutch_string_is_translated(path):
    assert [e.msgid for e in entries(path) if not all(texts(e))] == []


@pytest.mark.parametrize("path", CATALOGUES)
def test_no_fuzzy_entries_or_doubled_translations(path):
    fuzzy = [e.msgid for e in entries(path) if "fuzzy" in e.flags]
    doubled = [e.msgid for e in entries(path) for t in texts(e) if is_repeated(t)]
    assert (fuzzy, doubled) == ([], [])


@pytest.mark.parametrize("path", CATALOGUES)
def test_compiled_catalogue_matches_the_source(path):
    compiled = polib.mofile(str(Path(path).with_suffix(".mo")))
    translated = {(e.msgctxt, e.msgid): texts(e) for e in entries(path) if all(texts(e))}
    in_mo = {(e.msgctxt, e.msgid): texts(e) for e in compiled if e.msgid}
    assert translated == in_mo


def test_dutch_is_felemenkce_in_turkish():
    """Django's own Turkish catalogue says "Flemenkçe"; ours corrects it (issue 13)."""
    from django.utils import translation

    with translation.override("tr"):
        assert translation.gettext("Dutch") == "Felemenkçe"


def test_no_raw_template_comment_on_the_questionnaire_start(client_for):
    page = client_for("professional").get("/questionnaires/").content.decode()
    assert "{#" not in page and "#}" not in page
