"""render.ahead: while the notebook runs, the parts of the print page already written are
laid out, and they are exactly parts of the finished page (the build takes a part laid out
ahead only if its HTML is that part's). Played over the fixture brief's executed notebook,
cell by cell, as the builder sees it run."""

import threading

import nbformat
import pytest

from analysis.render import ahead, page, pdf

TITLE, PAPER = "Brief", "A4"
SIZE = (300.0, 200.0)  # every chart's size, in points


class Done:
    """A helper's finished result."""

    def __init__(self, value):
        self.value = value

    def ready(self):
        return True

    def wait(self, timeout=None):
        pass

    def get(self):
        return self.value


class Helpers:
    """The parts sent to be laid out, in order."""

    def __init__(self):
        self.sent = []

    def lay_out(self, part, charts, base):
        self.sent.append(part.html)
        return Done(None)


def play(nb, contents) -> tuple[list[str], list[str]]:
    """The parts laid out ahead while `nb` ran, and the finished page's parts."""
    helpers = Helpers()
    ready = threading.Event()
    ready.set()
    run = ahead.Ahead(helpers, contents=contents, title=TITLE, paper=PAPER, base=None,
                      ready=ready)
    charts = []
    for index, cell in enumerate(nb.cells):
        drawn = [(b"", *SIZE) for _ in page.specs(nbformat.v4.new_notebook(cells=[cell]))]
        if drawn:
            charts.append(Done(drawn))
        run.ran(nb, index, charts)
        run._timer.join()
    run.stop()
    slots = [pdf.slot(i, *SIZE) for i, _ in enumerate(page.specs(nb))]
    finished = pdf.parts(page.render(nb, mode="print", title=TITLE, paper=PAPER, slots=slots))
    return helpers.sent, [part.html for part in finished]


@pytest.fixture
def executed(built, monkeypatch):
    monkeypatch.setattr(ahead, "QUIET", 0)
    monkeypatch.setattr(pdf, "PART_ELEMENTS", 60)  # the fixture brief is small
    [path] = built.glob("*.ipynb")
    return nbformat.read(path, as_version=4)


def test_the_parts_written_are_laid_out_as_the_notebook_runs(executed):
    sent, finished = play(executed, page.toc(executed))
    assert len(finished) >= 3
    assert set(finished[:-1]) <= set(sent)  # all but the last, whose end came last
    assert len(sent) == len(set(sent))  # none twice


def test_the_first_part_waits_for_the_end_without_the_contents_it_will_have(executed):
    for contents in (None, page.toc(executed)[:-1]):  # a first edition; a section fewer
        sent, finished = play(executed, contents)
        assert finished[0] not in sent
        assert set(finished[1:-1]) <= set(sent)
