"""`brief intake` and `brief quote`, on pages shaped like saved news pages (metadata in JSON-LD,
in meta tags, in a byline only, nowhere), a PDF and a text file of our own making
(`fixtures/intake/`, fictional): what each states of itself fills the source's row with its
basis, the rest is listed; every refusal is one line and writes nothing; a quote is found
from a few words as remembered and printed as held."""

import csv
import hashlib
import shutil

import pytest

from analysis.errors import ImportFailed
from analysis.importers import tablefiles
from analysis.importers.intake import intake
from analysis.tables import empty
from analysis.tables.documents import held_text, quote_found
from conftest import FIXTURES, run_brief

PAGES = FIXTURES / "intake"


@pytest.fixture
def data(tmp_path):
    """A new subject's data: every table, no rows."""
    empty.write(tmp_path / "data")
    return tmp_path / "data"


def sources(data) -> list[dict]:
    with (data / "sources.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def files(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def take(data, name, *args):
    return run_brief("intake", PAGES / name, "--data", data, *args)


@pytest.mark.parametrize(("page", "expected", "basis"), [
    ("news-jsonld.html", {
        "source_id": "the-fixture-gazette-2021-08-20",
        "title": "Norland and Sudmark agree river ceasefire", "author": "Mara Quill",
        "publisher": "The Fixture Gazette", "published": "2021-08-20", "kind": "news",
        "url": "https://gazette.example.org/world/2021/08/20/norland-sudmark-ceasefire",
        "language": "en"},
     "the page's JSON-LD datePublished: 2021-08-20T09:30:00+00:00"),
    ("news-meta.html", {
        "source_id": "harbour-wire-2019-03-04", "title": "Grey Banner strength disputed",
        "author": "Tomas Reef", "publisher": "Harbour Wire", "published": "2019-03-04",
        "url": "https://harbourwire.example.com/2019/03/grey-banner-strength", "kind": ""},
     "the page's meta article:published_time: 2019-03-04"),
    ("blog-byline.html", {
        "source_id": "blog-byline-2020-11-15", "title": "Why the river talks matter",
        "author": "Ilse Marrow", "publisher": "", "published": "2020-11-15", "url": ""},
     "a <time> element in the page (15 November 2020): 2020-11-15"),
    ("bare.html", {"source_id": "bare-nd", "title": "Ceasefire monitors reach the river",
                   "author": "", "publisher": "", "published": "", "url": "", "language": ""},
     "not stated in the file (brief intake): fill in if known"),
    ("report.pdf", {"source_id": "report-nd", "author": "Fixture Monitoring Mission",
                    "title": "Monitoring the river ceasefire: first quarterly report",
                    "published": ""},
     "not stated in the file (brief intake): fill in if known"),
    ("notes.txt", {"source_id": "notes-nd", "title": "", "published": ""},
     "not stated in the file (brief intake): fill in if known"),
])
def test_a_file_becomes_a_held_document_and_its_row(data, page, expected, basis):
    result = take(data, page, "--reliability", "C")
    assert result.returncode == 0, result.stderr
    [row] = sources(data)
    assert {k: row[k] for k in expected} == expected
    assert row["published_basis"] == basis and row["reliability"] == "C"
    assert row["document"] == f"{expected['source_id']}.txt"
    lines = result.stdout.splitlines()
    assert lines[0] == (f"new source {row['source_id']}: documents/{row['document']}, "
                        "sources.csv row 2")
    missing = [c for c in ("title", "publisher", "author", "published", "url", "kind",
                           "level", "language") if not row[c]]
    assert f"missing (fill them in sources.csv row 2): {', '.join(missing)}" in lines
    assert lines[-1].startswith(f'next: `brief quote {row["source_id"]} "a few words"`')
    text = (data / "documents" / row["document"]).read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0].splitlines()
    assert header[0] == f"# source_id: {row['source_id']}"
    assert (f"# title: {row['title']}" in header) is bool(row["title"])
    assert f"# from: {page} (" in text
    unstated = [c for c in ("title", "publisher", "author", "url", "published") if not row[c]]
    assert (header[-1] == f"# not stated in the file: {', '.join(unstated)}"
            if unstated else header[-1].startswith("# text: "))
    assert held_text(data / "documents" / row["document"])  # as the validator reads it


def test_what_the_page_holds_is_its_article_not_its_menus(data):
    assert take(data, "news-jsonld.html").returncode == 0
    text = held_text(data / "documents" / "the-fixture-gazette-2021-08-20.txt")
    assert quote_found("The envoy said the talks had been “frank but useful” and that as many "
                       "as 1,200 Grey Banner fighters remained near the river.", text)
    for boilerplate in ("We use cookies", "Accept all", "Related stories", "All rights "
                        "reserved", "riverwatcher"):
        assert boilerplate not in text


def test_a_taken_in_source_validates_once_the_analyst_fills_it(data):
    assert take(data, "news-jsonld.html", "--reliability", "B").returncode == 0
    result = run_brief("validate", "--data", data)
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["sources.csv:2:level: empty value (expected a value)"]
    path = data / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",news,,en,", ",news,secondary,en,"),
                    encoding="utf-8")
    assert run_brief("validate", "--data", data).returncode == 0


def test_a_source_id_is_numbered_when_the_made_one_is_taken(data):
    assert take(data, "notes.txt").returncode == 0
    copy = data.parent / "notes.txt"
    copy.write_text(PAGES.joinpath("notes.txt").read_text(encoding="utf-8") + "One more "
                    "line, so that it is another text.\n", encoding="utf-8")
    result = run_brief("intake", copy, "--data", data)
    assert result.returncode == 0, result.stderr
    assert [r["source_id"] for r in sources(data)] == ["notes-nd", "notes-nd-2"]


@pytest.mark.parametrize(("held", "file", "options", "line"), [
    (False, "missing.html", [], "cannot read {pages}/missing.html: No such file or directory"),
    (False, "empty.html", [], "empty.html: no text found in a saved web page (only 13 words "
                              "of menus or links)"),
    (False, "binary.dat", [], "binary.dat: not a web page, a PDF or UTF-8 text"),
    (False, "broken.pdf", [], "broken.pdf: cannot read the PDF"),
    (True, "news-jsonld.html", [], "already held: the-fixture-gazette-2021-08-20 has the same "
                                   "address (https://gazette.example.org/world/2021/08/20/"
                                   "norland-sudmark-ceasefire)"),
    (True, "notes.txt", ["--source-id", "briefing"], "already held: notes-nd holds the same "
                                                     "text (documents/notes-nd.txt)"),
    (True, "bare.html", ["--source-id", "notes-nd"], "--source-id 'notes-nd' is already used "
                                                     "in sources.csv"),
    (False, "bare.html", ["--source-id", "Bare Page"], "--source-id 'Bare Page': expected a "
                                                       "lowercase slug"),
    (False, "bare.html", ["--reliability", "G"], "--reliability 'G': expected one of A, B, C, "
                                                 "D, E, F"),
])
def test_each_refusal_is_one_line_and_writes_nothing(data, tmp_path, held, file, options,
                                                      line):
    if held:
        for page in ("news-jsonld.html", "notes.txt"):
            assert take(data, page).returncode == 0
    path = PAGES / file
    if file == "binary.dat":
        path = tmp_path / file
        path.write_bytes(bytes(range(256)))
    if file == "broken.pdf":  # cut short
        path = tmp_path / file
        path.write_bytes(PAGES.joinpath("report.pdf").read_bytes()[:400])
    before = files(data)
    result = run_brief("intake", path, *options, "--data", data)
    assert result.returncode == 1, result.stdout
    [said] = result.stderr.splitlines()
    assert said.startswith("error: " + line.format(pages=PAGES)), said
    assert files(data) == before, "nothing written"


def test_a_row_that_cannot_be_written_takes_its_document_with_it(data, monkeypatch):
    def full_disk(path, table):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tablefiles, "_write", full_disk)
    before = files(data)
    with pytest.raises(OSError):
        intake(PAGES / "news-jsonld.html", data)
    assert files(data) == before, "both or neither"


@pytest.fixture
def held(data):
    assert take(data, "news-jsonld.html").returncode == 0
    return data


@pytest.mark.parametrize("words", [
    "frank but useful",  # as held, but the quotes
    "FRANK BUT USEFUL\" and that as many as 1,200",  # case and a straight quote
    "as many as 1200 grey baner fighters",  # no thousands comma, a typo
    "where the border runs - the issue",  # a hyphen for the dash
    "talks had been\n“frank but useful”",  # a line break
])
def test_quote_finds_the_passage_from_words_as_remembered(held, words):
    result = run_brief("quote", "the-fixture-gazette-2021-08-20", words, "--data", held)
    assert result.returncode == 0, result.stderr
    first, best, *_ = result.stdout.splitlines()
    assert first == "documents/the-fixture-gazette-2021-08-20.txt, best first:"
    passage = best.split("% alike) ", 1)[1]
    assert quote_found(passage, held_text(held / "documents" / "the-fixture-gazette-2021-08-"
                                                               "20.txt")), "as held"
    assert best.startswith("1. (")


def test_quote_ranks_several_passages(held):
    result = run_brief("quote", "the-fixture-gazette-2021-08-20", "Grey Banner", "--data",
                       held)
    lines = result.stdout.splitlines()[1:]
    assert len(lines) > 1 and all("Grey Banner" in line for line in lines)
    scores = [float(line.split("(")[1].split("%")[0]) for line in lines]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(("args", "code", "said"), [
    (["the-fixture-gazette-2021-08-20", "a zebra crossing in the harbour at dawn"], 1,
     "no passage of documents/the-fixture-gazette-2021-08-20.txt reads like 'a zebra"),
    (["the-fixture-gazete", "frank"], 2, "error: no source 'the-fixture-gazete' in "
                                         "sources.csv (did you mean 'the-fixture-gazette-"),
])
def test_quote_says_when_nothing_is_found(held, args, code, said):
    result = run_brief("quote", *args, "--data", held)
    assert result.returncode == code and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(said)


def test_quote_of_a_source_whose_text_is_not_held(held):
    shutil.copy(held / "sources.csv", held / "copy.csv")
    path = held / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "the-fixture-gazette-2021-08-20.txt", ""), encoding="utf-8")
    result = run_brief("quote", "the-fixture-gazette-2021-08-20", "frank", "--data", held)
    assert result.returncode == 2
    assert "its text is not held" in result.stderr


def test_intake_refuses_in_process_as_on_the_command_line(data):
    with pytest.raises(ImportFailed, match="no text found"):
        intake(PAGES / "empty.html", data)


def test_a_short_text_with_a_note_on_where_it_came_from(data, tmp_path):
    """An analyst's text file (a passage kept from a page) may be short; a note says where
    it came from, in the document's header and the source's notes."""
    path = tmp_path / "passage.txt"
    path.write_text("The report puts the current number of its members at 1,000.\n",
                    encoding="utf-8")
    note = "extract rows ISK23: the quoted passage only, not the whole page"
    result = run_brief("intake", path, "--source-id", "reporterly-nd", "--note", note,
                       "--data", data)
    assert result.returncode == 0, result.stderr
    text = (data / "documents" / "reporterly-nd.txt").read_text(encoding="utf-8")
    assert f"# note: {note}\n" in text
    [row] = sources(data)
    assert row["notes"].endswith(f"; {note}.")
