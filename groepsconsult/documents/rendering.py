"""Booklet HTML and PDF. Each booklet is rendered in its participant's language; a batch is one
WeasyPrint document per booklet, joined page by page with blank pages so that each booklet
fills whole duplex sheets.
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


# Pages per printed sheet, duplex: an A4 sheet holds two pages (front and back); A5 booklets are
# printed two-up on A4, so one sheet holds four. Each booklet in a batch is padded with blank
# pages to a multiple of this, so nobody's results land on the back of someone else's.
PAGES_PER_SHEET = {"a4": 2, "a5": 4}


def blank_pages_needed(page_count: int, page_size: str) -> int:
    return -page_count % PAGES_PER_SHEET[page_size]


def booklets_pdf(booklets, *, page_size="a4", title="") -> bytes:
    from weasyprint import HTML

    if page_size not in PAGE_SIZES:
        page_size = "a4"
    stylesheets = list(_stylesheets(page_size))
    if len(booklets) == 1:
        html = HTML(string=document_html(booklets, title=title))
        return html.write_pdf(stylesheets=stylesheets)
    documents = [
        HTML(string=document_html([b], title=title)).render(stylesheets=stylesheets)
        for b in booklets
    ]
    blank = HTML(string=document_html([], title=title)).render(stylesheets=stylesheets).pages[0]
    pages = []
    for document in documents:
        pages += document.pages
        pages += [blank] * blank_pages_needed(len(document.pages), page_size)
    return documents[0].copy(pages).write_pdf()
