"""Booklet HTML and PDF. Each booklet is rendered in its participant's language; a batch is one
WeasyPrint render of all booklets with page breaks between them (faster than merging PDFs).
"""

import functools

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from groepsconsult.documents import texts

PAGE_SIZES = {"a4": "A4", "a5": "A5"}


def booklet_html(booklet) -> str:
    """One booklet's <article>, in the participant's language (dir="rtl" for Arabic)."""
    with translation.override(booklet.language):
        return render_to_string("documents/_booklet.html", {"b": booklet, "texts": texts})


def document_html(booklets, *, title="") -> str:
    """A standalone HTML document holding the booklets, ready for WeasyPrint."""
    body = "".join(booklet_html(b) for b in booklets)
    return render_to_string("documents/booklet_document.html", {"body": body, "title": title})


@functools.cache
def _stylesheets(page_size):
    # Parsed once per process: CSS parsing is a noticeable part of a single booklet's time.
    from weasyprint import CSS

    with open(finders.find("css/booklet.css"), encoding="utf-8") as f:
        css = f.read()
    size = f"@page {{ size: {PAGE_SIZES[page_size]}; }}"
    return (CSS(string=css), CSS(string=size))


def booklets_pdf(booklets, *, page_size="a4", title="") -> bytes:
    from weasyprint import HTML

    if page_size not in PAGE_SIZES:
        page_size = "a4"
    html = HTML(string=document_html(booklets, title=title))
    return html.write_pdf(stylesheets=list(_stylesheets(page_size)))
