"""Above `limits.SOURCES_PRINTED_IN_FULL` cited sources, as for a whole database, the PDF
lists each cited source once without its passages and says where they are; the HTML keeps
them all. Laid out by the real template and WeasyPrint."""

import os

import nbformat
import pytest
from bs4 import BeautifulSoup

from analysis.brief import Brief, limits
from analysis.contract import BUILD_ENV, section_metadata
from analysis.render import page

NOTE = "without the passages it relies on"


def notebook(data_dir) -> tuple[nbformat.NotebookNode, Brief]:
    """A notebook holding the brief's sections (cited sources numbered) and its Sources."""
    brief = Brief(data_dir=data_dir)
    sections = [brief.judgments(), brief.arms(), brief.estimates(), brief.contacts(),
                brief.sources()]
    cell = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data={"text/html": s.html()}, metadata=section_metadata(s.key))
        for s in sections])
    return nbformat.v4.new_notebook(cells=[cell]), brief


def printed_text(printable: str) -> str:
    from weasyprint import HTML

    document = HTML(string=printable).render()
    return " ".join(box.text for p in document.pages for box in _texts(p._page_box))


def _texts(box):
    if hasattr(box, "text"):
        yield box
    for child in getattr(box, "children", []):
        yield from _texts(child)


@pytest.mark.parametrize("threshold", [1, 1000])
def test_print_lists_each_source_once_above_the_threshold(data_dir, monkeypatch, threshold):
    monkeypatch.setattr(limits, "SOURCES_PRINTED_IN_FULL", threshold)
    monkeypatch.setitem(os.environ, BUILD_ENV, "1")
    nb, brief = notebook(data_dir)
    entries = brief.cite.entries()
    passages = [q for quotes in entries["quotes"] for q, _ in quotes]
    assert len(entries) > 1 and passages
    web = BeautifulSoup(page.render(nb, mode="web", title="t"), "html.parser")
    assert len(web.select("ol.sources ul.quotes li")) >= len(passages)  # the HTML: all
    printable = page.render(nb, mode="print", title="t")
    text = " ".join(printed_text(printable).split()).split("Every source the brief cites")[-1]
    assert all(" ".join(title.split())[:40] in text for title in entries["title"])
    abridged = threshold < len(entries)
    assert (NOTE in text) is abridged
    # left out of the print page, not merely hidden: hidden, they still cost layout time
    assert ('<ul class="quotes">' in printable) is not abridged
    shown = [q for q in passages if " ".join(q.split())[:40] in text]
    assert shown == ([] if abridged else passages)


def test_a_long_abridged_list_is_printed_in_blocks_that_may_start_parts(data_dir,
                                                                         monkeypatch):
    from analysis import contract
    from analysis.render import pdf

    monkeypatch.setattr(limits, "SOURCES_PRINTED_IN_FULL", 1)
    monkeypatch.setattr(contract, "SOURCES_BLOCK", 1)
    monkeypatch.setitem(os.environ, BUILD_ENV, "1")
    nb, brief = notebook(data_dir)
    count = len(brief.cite.entries())
    assert count >= 2
    printable = page.render(nb, mode="print", title="t")
    blocks = BeautifulSoup(printable, "html.parser").select("h3.sources-block")
    sizes = [len(h.find_next_sibling("ol").find_all("li")) for h in blocks]
    assert sum(sizes) == count and max(sizes) == 1
    assert [h.text for h in blocks[:2]] == ["Sources 1–1", "Sources 2–2"]
    # every block numbers on from the one before, in print as on screen
    text = " ".join(printed_text(printable).split()).split("Every source the brief cites")[-1]
    assert f"{count}. " in text
    monkeypatch.setattr(pdf, "PART_ELEMENTS", 10)
    starts = [p.html[p.html.index("<main>"):][:80] for p in pdf.parts(printable)]
    assert any('<h3 class="sources-block">' in s for s in starts[1:])  # a block starts a part
    web = page.render(nb, mode="web", title="t")
    assert "<h3 class=\"sources-block\"" not in web  # the HTML keeps one list
