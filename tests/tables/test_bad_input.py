"""Bad input beyond typos: hidden characters, numbers no table can hold, dates still to come,
files that are not what they seem. Each gets one clear line (file, row, column, got,
expected), never a traceback, and the first problem of a row is its cause."""

import os
import shutil
from datetime import date, timedelta

import pytest
from test_validate import edit, problems

from analysis.paths import BOUNDARIES
from analysis.tables.validate import validate
from conftest import ROOT, run_brief

FUTURE = (date.today() + timedelta(days=400)).isoformat()

CASES = [
    # (file, old text, new text, expected problem line)
    ("arms_sales.csv", 'reportedly",,,3,,\n', 'reportedly",,,3,,2021-08\n',
     "arms_sales.csv:2:entered: badly formed (got '2021-08', expected a day YYYY-MM-DD)"),
    ("arms_sales.csv", 'reportedly",,,3,,\n', 'reportedly",,,3,,2021-02-30\n',
     "arms_sales.csv:2:entered: not a valid date (got '2021-02-30'"),
    ("arms_sales.csv", 'reportedly",,,3,,\n', f'reportedly",,,3,,{FUTURE}\n',
     f"arms_sales.csv:2:entered: a date still to come (got '{FUTURE}'"),
    ("arms_sales.csv", 'reportedly",,,3,,\n', 'reportedly",,,3,,2015-11-30\n',
     "arms_sales.csv:2:entered: entered before its source was published (got '2015-11-30', "
     "expected a day from 2015-12-01, when doc-a was published)"),
    ("arms_sales.csv", ",,20,as_many_as,", ",,inf,as_many_as,",
     "arms_sales.csv:2:quantity_high: wrong type (got 'inf', expected a whole number"),
    ("fighter_estimates.csv", "2000,3000,between", "2000,1e400,between",
     "fighter_estimates.csv:2:high: wrong type (got '1e400'"),
    ("fighter_estimates.csv", "2000,3000,between", "2000,100000000000000000000000,between",
     "fighter_estimates.csv:2:high: wrong type (got '100000000000000000000000', expected a "
     "whole number up to 9,007,199,254,740,992)"),
    ("fighter_estimates.csv", "2000,3000,between", "2000,3000.0,between",
     "fighter_estimates.csv:2:high: wrong type (got '3000.0', expected a whole number, "
     "written without '.' or 'e')"),
    ("fighter_estimates.csv", "2000,3000,between", '"2,000",3000,between',
     "fighter_estimates.csv:2:low: wrong type (got '2,000'"),
    ("fighter_estimates.csv", "25,25,exact,34", "25,25,exact,20",
     "fighter_estimates.csv:3:low: more than its whole (got 'low=25, out_of=20', expected "
     "low <= out_of)"),
    ("fighter_estimates.csv", "2000,3000,between", "2000,,between",
     "fighter_estimates.csv:2:high: numbers do not fit the qualifier (got 'qualifier=between, "
     "low=2000, high=empty', expected low and high, low below high, as 'between' requires)"),
    ("fighter_estimates.csv", "2000,3000,between", "2000,3000,as_many_as",
     "fighter_estimates.csv:2:low: numbers do not fit the qualifier (got 'qualifier="
     "as_many_as, low=2000, high=3000', expected high only (low empty), as 'as_many_as' "
     "requires)"),
    ("sources.csv", "Fixture Times,,2015-12,", f"Fixture Times,,{FUTURE},",
     f"sources.csv:2:published: a date still to come (got '{FUTURE}', expected "),
    ("diplomatic_contacts.csv", "C001,2015-12-23,", f"C001,{FUTURE},",
     f"diplomatic_contacts.csv:2:date: a date still to come (got '{FUTURE}'"),
    ("fighter_estimates.csv", "2000,3000,between,,2015-10-08",
     "2000,3000,between,,2016-03-01",
     "fighter_estimates.csv:2:as_of_date: dated after its source was published (got "
     "'2016-03-01', expected a date by 2015-12-31, when doc-a was published)"),
    ("diplomatic_contacts.csv", "C001,2015-12-23,", "C001,2016-02-01,",
     "diplomatic_contacts.csv:2:date: dated after its source was published"),
    ("actors.csv", "\ntaliban,Taliban,", "\ntaliban,Tali\u202eban,",
     "actors.csv:3:name: a hidden control or format character (got 'Tali\\u202eban'"),
    ("actors.csv", "\ntaliban,Taliban,", "\ntaliban,Tali\x00ban,",
     "actors.csv:3:name: a hidden control or format character"),
    ("actors.csv", "\ntaliban,Taliban,", "\ntaliban,Tali\u200bban,",
     "actors.csv:3:name: a hidden control or format character"),
    ("diplomatic_contacts.csv", "information exchange", "information\x07exchange",
     "diplomatic_contacts.csv:2:topic: a hidden control or format character"),
    ("actors.csv", "\nrussia,Russia,,state,Russia,,,", "\nrussia,Russia,,state,Russia,,russia,",
     "actors.csv:2:part_of: part of itself (got 'russia → russia', expected a chain that "
     "ends)"),
    ("arms_sales.csv", "S001,rifles,russia,", "S001,rifles,ISIS,",
     "arms_sales.csv:2:supplier: unknown actor_id (got 'ISIS', expected an actor_id listed "
     "in actors.csv (did you mean 'isil'?))"),
    ("arms_sales.csv", "S001,rifles,russia,", "S001,rifles,rusia,",
     "arms_sales.csv:2:supplier: unknown actor_id (got 'rusia', expected an actor_id listed "
     "in actors.csv (did you mean 'russia'?))"),
    # places, like actors: a name or alias for an id, a near miss, a loop, a boundary
    ("fighter_estimates.csv", "E001,isil,afghanistan,", "E001,isil,Afghanistan,",
     "fighter_estimates.csv:2:area: unknown place_id (got 'Afghanistan', expected a place_id "
     "listed in places.csv (did you mean 'afghanistan'?))"),
    ("diplomatic_contacts.csv", ",dushanbe,", ',"Dushanbe, Tajikistan",',
     "diplomatic_contacts.csv:2:place: unknown place_id (got 'Dushanbe, Tajikistan', "
     "expected a place_id listed in places.csv (did you mean 'dushanbe'?))"),
    ("diplomatic_contacts.csv", ",dushanbe,", ",dushanbe;moscw,",
     "diplomatic_contacts.csv:2:place: unknown place_id (got 'moscw', expected a place_id "
     "listed in places.csv (did you mean 'moscow'?))"),
    ("places.csv", "moscow,Moscow,city,russia,", "moscow,Moscow,city,moscow,",
     "places.csv:4:part_of: part of itself (got 'moscow → moscow', expected a chain that "
     "ends)"),
    ("places.csv", "moscow,Moscow,city,russia,,", "moscow,Moscow,town,russia,,",
     "places.csv:4:kind: value not allowed (got 'town'"),
    ("places.csv", "tajikistan,Tajikistan,country,,,", "tajikistan,Tajikistan,country,,Moscow,",
     "places.csv:5:aliases: name or alias shared by two places (got 'Moscow', expected each "
     "name and alias to resolve to one place)"),
    ("fighter_estimates.csv", "25 of 34 provinces", "25 of 35 provinces",
     "fighter_estimates.csv:3:quote: quote not found in the held document (got '25 of 35 "
     "provinces', expected verbatim text of documents/doc-a.txt: matches up to '25 of 3', "
     "then the quote has '5 provinces' where the document has '4 provinces"),
]


@pytest.mark.parametrize("file, old, new, expected", CASES)
def test_each_bad_input_is_refused_clearly(data_dir, file, old, new, expected):
    edit(data_dir / file, old, new)
    found = problems(data_dir)
    assert any(line.startswith(expected) for line in found), found


def test_a_mistyped_number_reports_its_cause_not_its_consequences(data_dir):
    edit(data_dir / "fighter_estimates.csv", "2000,3000,between", '"2,500",3000,between')
    found = [p for p in problems(data_dir) if p.startswith("fighter_estimates.csv:2:")]
    assert len(found) == 1 and found[0].startswith("fighter_estimates.csv:2:low: wrong type")


def test_script_joiners_and_direction_marks_are_allowed(data_dir):
    """ZWNJ in a Persian name, and a right-to-left mark."""
    edit(data_dir / "actors.csv", "\ntaliban,Taliban,,", "\ntaliban,Taliban,طالبان\u200c\u200f,")
    assert problems(data_dir) == []


def test_a_planned_contact_may_be_still_to_come(data_dir):
    edit(data_dir / "diplomatic_contacts.csv", "C001,2015-12-23,", f"C001,{FUTURE},")
    edit(data_dir / "diplomatic_contacts.csv", ",channel,occurred,", ",channel,planned,")
    assert problems(data_dir) == []


def test_a_quote_differing_only_in_curly_quotes_gets_a_hint(data_dir):
    doc = data_dir / "documents" / "doc-a.txt"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nHe said “enough”.\n",
                   encoding="utf-8")
    edit(data_dir / "fighter_estimates.csv", "25 of 34 provinces", '"He said ""enough"""')
    [line] = [p for p in problems(data_dir) if ":quote:" in p]
    assert line.endswith("hint: curly and straight quotes, or dashes, differ)")


@pytest.mark.parametrize("content, expected", [
    ("caf\xe9".encode("cp1252"), "documents/doc-a.txt:1: not UTF-8 text (got 'byte 0xe9', "
                                 "expected UTF-8 (save the document as UTF-8))"),
    (b"two to three thousand fighters\n", "documents/doc-a.txt:1: no provenance header"),
    (b"# title: x\ntwo to three thousand fighters\n",
     "documents/doc-a.txt:2: no provenance header"),
])
def test_a_held_document_that_cannot_be_used(data_dir, content, expected):
    (data_dir / "documents" / "doc-a.txt").write_bytes(content)
    found = problems(data_dir)
    assert any(p.startswith(expected) for p in found), found


def test_links_out_of_the_data_folder_are_refused(data_dir, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("# title: passwd\n\nroot:x:0:0\n", encoding="utf-8")
    doc = data_dir / "documents" / "doc-a.txt"
    doc.unlink()
    doc.symlink_to(outside)
    table = data_dir / "actors.csv"
    moved = tmp_path / "actors.csv"
    table.rename(moved)
    table.symlink_to(moved)
    found = problems(data_dir)
    assert any(p.startswith("sources.csv:2:document: a link to a file outside the documents "
                            "folder") for p in found), found
    assert any(p.startswith("actors.csv: a link to a file outside the data folder")
               for p in found), found


@pytest.mark.parametrize("content, expected", [
    (b"contact_id,date\r" + b"C1,2015\r", "diplomatic_contacts.csv: old Mac line endings"),
    (b"x" * 70_000 + b"\n", "diplomatic_contacts.csv:1: header line too long"),
    (",".join(f"c{i}" for i in range(2_000)).encode() + b"\n",
     "diplomatic_contacts.csv:1: 2,000 unknown columns"),
])
def test_files_no_spreadsheet_meant(data_dir, content, expected):
    (data_dir / "diplomatic_contacts.csv").write_bytes(content)
    found = problems(data_dir)
    assert found[0].startswith(expected), found
    assert len([p for p in found if p.startswith("diplomatic_contacts.csv")]) <= 3


def test_a_huge_field_is_refused(data_dir):
    path = data_dir / "diplomatic_contacts.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "information exchange", "x" * 2_000_000), encoding="utf-8")
    found = problems(data_dir)
    assert any(p.startswith("diplomatic_contacts.csv:2:topic: a cell too large (got "
                            "'2,000,000 characters'") for p in found), found


def test_unchecked_quotes_are_counted(data_dir):
    result = run_brief("validate", "--data", data_dir)
    assert result.returncode == 0
    assert "quotes checked against held documents, 2 not checked (their source's text is " \
           "not held)" in result.stdout


def test_as_of_still_to_come_is_a_usage_error(data_dir):
    result = run_brief("build", "--as-of", FUTURE, "--data", data_dir, "--out",
                       data_dir.parent / "out")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: ") and "a day still to come" in result.stderr


def test_data_and_param_data_dir_together_are_a_usage_error(data_dir):
    result = run_brief("build", "--data", data_dir, "--param", f"data_dir={data_dir}",
                       "--out", data_dir.parent / "out")
    assert result.returncode == 2 and "--data" in result.stderr


def test_every_problem_is_one_line(data_dir):
    for file, old, new, _ in CASES:
        path = data_dir / file
        if old in path.read_text(encoding="utf-8"):
            edit(path, old, new)
    frames, found = validate(data_dir)
    assert found and all("\n" not in str(p) and "Traceback" not in str(p) for p in found)
    assert os.linesep not in "".join(map(str, found))


def test_a_row_entered_in_its_sources_month_is_taken(data_dir):
    """A source of December 2015 may have been out on the 1st: a row entered that day is
    not refused (only a day certainly before it is)."""
    edit(data_dir / "arms_sales.csv", 'reportedly",,,3,,\n', 'reportedly",,,3,,2015-12-01\n')
    assert problems(data_dir) == []


def test_a_boundary_must_be_one_the_boundary_file_holds(data_dir):
    """The map's provinces, where the subject holds them: a place's boundary_id is one of
    them, and a file that is not TopoJSON of provinces is one line, not a traceback."""
    shutil.copytree(ROOT / "data" / BOUNDARIES.parent, data_dir / BOUNDARIES.parent)
    edit(data_dir / "places.csv", "afghanistan,Afghanistan,country,,,",
         "afghanistan,Afghanistan,country,,,AF-XYZ")
    assert problems(data_dir) == ["places.csv:2:boundary_id: no such boundary (got 'AF-XYZ', "
                                  "expected a shapeISO in boundaries/provinces.topo.json)"]
    (data_dir / BOUNDARIES).write_text('{"type": "Topology"}', encoding="utf-8")
    assert problems(data_dir) == [
        "boundaries/provinces.topo.json: not a TopoJSON file of provinces (got 'KeyError', "
        "expected an object 'provinces' whose geometries have a 'shapeISO' property)"]
