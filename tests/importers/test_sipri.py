"""`brief import sipri`: SIPRI trade-register exports become arms_sales rows, idempotently,
and bad files are refused whole, with the line that is wrong."""

import csv
import hashlib
import shutil
from datetime import date

import pytest
from bs4 import BeautifulSoup

from analysis import load_tables
from analysis.brief import Brief
from analysis.errors import ImportFailed
from analysis.importers.sipri import HEADER, import_export
from conftest import FIXTURES, ROOT, run_brief

V1 = FIXTURES / "sipri" / "export-2025-03-13.csv"
V2 = FIXTURES / "sipri" / "export-2025-06-02.csv"
PREAMBLE = ["Transfers of major conventional arms from All countries  to All countries .",
            "A '?' in a column indicates uncertain data.", "",
            "Source: SIPRI Arms Transfers Database (c) SIPRI.",
            "Data generated: 07 Jul 2025 08:00:00 AM"]


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def fingerprint(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


HEADER_LINE = ",".join(HEADER)


def export(tmp_path, *lines, preamble=PREAMBLE, header=HEADER_LINE, encoding="utf-8",
           newline="\n", name="export.csv"):
    path = tmp_path / name
    path.write_bytes(newline.join([*preamble, header, *lines, ""]).encode(encoding))
    return path


def sipri_rows(data_dir) -> dict[str, dict]:
    with (data_dir / "arms_sales.csv").open(encoding="utf-8", newline="") as f:
        return {r["sale_id"]: r for r in csv.DictReader(f) if r["sale_id"].startswith("SIPRI")}


def test_the_fixture_imports_every_field(data):
    summary = import_export(V1, data)
    assert (len(summary.added), summary.changed, summary.unchanged) == (5, [], [])
    rows = sipri_rows(data)
    tigr = rows["SIPRI-russia-tajikistan-tigr-2018"]
    assert {k: tigr[k] for k in (
        "supplier", "recipient", "system", "category", "quantity_low", "quantity_qualifier",
        "status", "event_date", "order_year", "number_ordered", "number_delivered",
        "delivery_years", "condition", "tiv_per_unit_millions", "tiv_order_millions",
        "tiv_delivered_millions", "uncertain", "source_id", "credibility")} == {
        "supplier": "russia", "recipient": "tajikistan", "system": "Tigr (APC)",
        "category": "armoured_vehicle", "quantity_low": "10", "quantity_qualifier": "about",
        "status": "delivered", "event_date": "2018", "order_year": "2018",
        "number_ordered": "10", "number_delivered": "10", "delivery_years": "2018; 2019",
        "condition": "New", "tiv_per_unit_millions": "0.15", "tiv_order_millions": "1.5",
        "tiv_delivered_millions": "1.5", "uncertain": "order_year;number_ordered",
        "source_id": "sipri-2025-03-13", "credibility": "2"}
    assert tigr["quote"] == ("Tajikistan,Russia,2018,?,10,?,Tigr,APC,10,,2018; 2019,New,"
                             "Probably incl Tigr-M version,0.15,1.5,1.5")
    assert "SIPRI comments: Probably incl Tigr-M version" in tigr["notes"]
    v601 = rows["SIPRI-russia-tajikistan-v-601-2007"]
    assert (v601["category"], v601["uncertain"]) == ("air_defence", "order_year;number_delivered")
    assert rows["SIPRI-russia-pakistan-mi-35m-2015"]["deal_id"] == "pak-mi35", "joins the deal"
    source = next(r for r in csv.DictReader((data / "sources.csv").open(encoding="utf-8"))
                  if r["source_id"] == "sipri-2025-03-13")
    assert (source["publisher"], source["published"], source["reliability"]) == (
        "SIPRI", "2025-03-13", "B")
    assert "(c) SIPRI" in source["notes"]
    assert "Data generated: 13 Mar 2025" in source["published_basis"]
    held = (data / "documents" / "sipri-2025-03-13.txt").read_text(encoding="utf-8")
    assert tigr["quote"] in held and "(c) SIPRI" in held
    load_tables(data)  # and the whole dataset still validates


def test_reimport_changes_nothing_and_a_newer_export_updates(data):
    import_export(V1, data)
    before = fingerprint(data)
    again = import_export(V1, data)
    assert (again.added, again.changed, len(again.unchanged)) == ([], [], 5)
    assert fingerprint(data) == before, "not a byte changed"
    newer = import_export(V2, data)
    assert newer.added == ["SIPRI-russia-tajikistan-brdm-2-2019"]
    assert newer.changed == ["SIPRI-russia-tajikistan-v-601-2007"]
    assert len(newer.unchanged) == 4
    rows = sipri_rows(data)
    assert rows["SIPRI-russia-tajikistan-v-601-2007"]["number_delivered"] == "48"
    assert {r["source_id"] for r in rows.values()} == {"sipri-2025-06-02"}


def test_rows_added_or_changed_enter_the_data_today(data):
    """What a row says is new to the data the day it is added or changed; a row a newer
    export repeats keeps the day it entered."""
    with (data / "arms_sales.csv").open(encoding="utf-8", newline="") as f:
        curated = {r["sale_id"]: r["entered"] for r in csv.DictReader(f)}
    import_export(V1, data)
    first = sipri_rows(data)
    assert {r["entered"] for r in first.values()} == {date.today().isoformat()}
    with (data / "arms_sales.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:  # as if imported long ago
        if row["sale_id"].startswith("SIPRI"):
            row["entered"] = "2025-07-01"
    with (data / "arms_sales.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    import_export(V2, data)
    entered = {k: r["entered"] for k, r in sipri_rows(data).items()}
    assert entered.pop("SIPRI-russia-tajikistan-brdm-2-2019") == date.today().isoformat()
    assert entered.pop("SIPRI-russia-tajikistan-v-601-2007") == date.today().isoformat()
    assert set(entered.values()) == {"2025-07-01"}
    assert {r["sale_id"]: r["entered"] for r in rows
            if not r["sale_id"].startswith("SIPRI")} == curated, "the curated rows' days kept"


def test_ranges_lists_cp1252_and_lf(tmp_path, data):
    path = export(tmp_path,
                  "Tajikistan,Soviet Union,1990,?,12,,T-72,tank,12,?,1991-1992,New,Côte,1,12,12",
                  encoding="cp1252", newline="\r\n")
    import_export(path, data)
    row = sipri_rows(data)["SIPRI-soviet-union-tajikistan-t-72-1990"]
    assert row["supplier"] == "soviet-union", "the Soviet Union is not Russia"
    assert row["delivery_years"] == "1991-1992" and "Côte" in row["quote"]


def test_unknown_actors_stop_unless_added(tmp_path, data):
    path = export(tmp_path, "Atlantis,Russia,2001,,1,,Mi-8,transport helicopter,1,,2001,"
                            "New,,1,1,1")
    before = fingerprint(data)
    with pytest.raises(ImportFailed, match="unknown actors Atlantis"):
        import_export(path, data)
    assert fingerprint(data) == before
    summary = import_export(path, data, add_actors=True)
    assert summary.new_actors == ["atlantis"]
    assert load_tables(data).actors.set_index("actor_id").loc["atlantis", "kind"] == "state"


LINE = "Tajikistan,Russia,2017,?,2,?,BTR-80,APC,2,,2017,Second hand,aid,0.14,0.28,0.28"


@pytest.mark.parametrize("case, make, message", [
    ("not an export", lambda tmp: export(tmp, "a,b,c", preamble=["hello"], header="x,y,z"),
     "not a SIPRI trade-register export"),
    ("no (c) line", lambda tmp: export(tmp, LINE, preamble=PREAMBLE[:3]),
     "not a SIPRI trade-register export"),
    ("truncated", lambda tmp: export(tmp, LINE, LINE.rsplit(",", 9)[0]),
     "export.csv:8: wrong number of fields (got 7, expected 16 fields)"),
    ("no lines", lambda tmp: export(tmp),
     "export.csv:7: no register lines after the header"),
    ("bad TIV", lambda tmp: export(tmp, LINE.replace("0.14,", "n/a,")),
     "export.csv:7:SIPRI TIV per unit: not a number (got 'n/a'"),
    ("bad flag", lambda tmp: export(tmp, LINE.replace(",?,2,?,", ",yes,2,?,")),
     "export.csv:7:flag after Year of order: uncertainty flag (got 'yes'"),
    ("bad year", lambda tmp: export(tmp, LINE.replace(",2017,?", ",17,?")),
     "export.csv:7:Year of order: not a year (got '17'"),
])
def test_bad_files_fail_cleanly_and_write_nothing(tmp_path, data, case, make, message):
    before = fingerprint(data)
    with pytest.raises(ImportFailed) as error:
        import_export(make(tmp_path), data)
    assert message in str(error.value), str(error.value)
    assert fingerprint(data) == before


def test_cli_reports_counts_and_errors(tmp_path, data):
    ok = run_brief("import", "sipri", V1, "--data", data)
    assert ok.returncode == 0 and ok.stdout.startswith("sipri-2025-03-13: 5 added"), ok.stderr
    bad = run_brief("import", "sipri", export(tmp_path, LINE.replace("0.14,", "x,")),
                    "--data", data)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "export.csv:7:SIPRI TIV per unit: not a number" in bad.stderr


def test_the_brief_shows_sipri_transfers_and_the_contested_deal(data):
    import_export(V1, data)
    brief = Brief(data_dir=data, title="t", marking="m")
    arms = BeautifulSoup(str(brief.arms().html()), "html.parser").get_text(" ")
    assert "Russia → Tajikistan" in arms and "Tigr (APC)" in arms
    contested = str(brief.contested().html())
    sipri = brief.cite.numbers["sipri-2025-03-13"]
    mi35 = contested.split("Russia → Pakistan")[1].split("</table>")[0]
    assert "as many as 20" in mi35 and f'href="#source-{sipri}"' in mi35
    sources = BeautifulSoup(str(brief.sources().html()), "html.parser").get_text(" ")
    assert "SIPRI Arms Transfers Database trade register export. SIPRI" in sources


@pytest.mark.slow
def test_a_brief_built_after_importing_cites_sipri(tmp_path, data):
    assert run_brief("import", "sipri", V1, "--data", data).returncode == 0
    result = run_brief("build", "arms-sales", "--data", data, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "arms-sales" / "latest" / "arms-sales.html").read_text()
    text = BeautifulSoup(html, "html.parser").get_text(" ")
    assert "Tigr (APC)" in text and "Tajikistan,Russia,2018,?,10,?,Tigr" in text
