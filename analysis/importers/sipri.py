"""`brief import sipri FILE`: a SIPRI Arms Transfers Database trade-register export, as
SIPRI produces it, turned into `arms_sales` rows with their source and held document.

The export: preamble lines, "Source: SIPRI Arms Transfers Database (c) SIPRI.", "Data
generated: 13 Mar 2025 10:02:49 AM", then a header row in which three columns headed " "
carry a "?" for the column before them (year of order, number ordered, number delivered),
then one line per deal. UTF-8 or cp1252, CRLF or LF.

Each register line becomes one row: supplier and recipient through the actors' names and
aliases; system = designation (description); category from the description; the numbers,
years and TIVs as printed; each "?" kept in `uncertain`; status "delivered" when anything
was delivered, else "ordered"; quote = the register line itself, held verbatim in
`documents/`. Row ids are stable (supplier, recipient, designation, year of order), so a
re-import changes nothing and a newer export updates the rows it covers.

A line joins a curated deal (its `deal_id`) when exactly one deal of the same supplier and
recipient names the same model (Mi-35M and "MI-35 attack helicopters" share "mi35") and
has a contract or delivery reported in the line's years (failing that, any report in those
years); both versions then stay and the brief shows where they differ. Otherwise the line
is a deal of its own.
"""

import csv
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from analysis.core import words
from analysis.core.lists import LIST_SEPARATOR
from analysis.errors import ImportFailed, Problem
from analysis.importers import tablefiles
from analysis.tables import actors
from analysis.tables.schema import DELIVERY_YEARS

HEADER = ["Recipient", "Supplier", "Year of order", " ", "Number ordered", " ",
          "Weapon designation", "Weapon description", "Number delivered", " ",
          "Year(s) of delivery", "status", "Comments", "SIPRI TIV per unit",
          "SIPRI TIV for total order", "SIPRI TIV of delivered weapons"]
FLAGGED = {3: "order_year", 5: "number_ordered", 9: "number_delivered"}
"""Position of each " " column -> the column its "?" qualifies."""
CATEGORIES = [  # (word in SIPRI's description, our category), first match wins
    ("helicopter", "helicopter"), ("aircraft", "aircraft"), ("uav", "aircraft"),
    ("sam", "air_defence"), ("air defence", "air_defence"), ("radar", "sensor"),
    ("tank", "armoured_vehicle"), ("apc", "armoured_vehicle"),
    ("infantry fighting vehicle", "armoured_vehicle"), ("armoured", "armoured_vehicle"),
    ("vehicle", "armoured_vehicle"), ("gun", "artillery"), ("howitzer", "artillery"),
    ("mrl", "artillery"), ("mortar", "artillery"), ("anti-tank", "light_weapons"),
]
GENERATED = re.compile(r"Data generated:\s*(\d{1,2} \w{3} \d{4})")
MODEL = re.compile(r"([a-z]+)-?(\d+)")


@dataclass
class Export:
    path: Path
    generated: str  # YYYY-MM-DD
    generated_text: str
    lines: list[tuple[int, str, list[str]]]  # (line number, raw line, fields)


@dataclass
class Summary:
    source_id: str
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    joined: dict[str, str] = field(default_factory=dict)  # sale id -> curated deal id
    new_actors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = (f"{self.source_id}: {len(self.added)} added, {len(self.changed)} changed, "
                f"{len(self.unchanged)} unchanged")
        if self.joined:
            text += "; joined curated deals: " + ", ".join(
                f"{s} -> {d}" for s, d in self.joined.items())
        if self.new_actors:
            text += "; new actors: " + ", ".join(self.new_actors)
        return text


def read(path: Path) -> Export:
    """The export's lines, or ImportFailed naming every line that is wrong."""
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ImportFailed(f"{name}: cannot read ({e.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    physical = text.splitlines()
    generated = next((m for line in physical[:40] if (m := GENERATED.search(line))), None)
    start = next((i for i, line in enumerate(physical)
                  if next(csv.reader([line]), []) == HEADER), None)
    if start is None or generated is None or not any("(c) SIPRI" in line
                                                     for line in physical[:start]):
        raise ImportFailed(
            f"{name}: not a SIPRI trade-register export (expected the 'Source: SIPRI Arms "
            "Transfers Database (c) SIPRI' and 'Data generated:' lines, then the header "
            f"row {','.join(HEADER)})")
    day = datetime.strptime(generated.group(1), "%d %b %Y").date().isoformat()
    problems, lines = [], []
    for number, line in enumerate(physical[start + 1:], start=start + 2):
        if not line.strip():
            continue
        fields = next(csv.reader([line]))
        if len(fields) != len(HEADER):
            problems.append(Problem(name, number, message="wrong number of fields",
                                    got=len(fields), expected=f"{len(HEADER)} fields"))
            continue
        problems += _field_problems(name, number, fields)
        lines.append((number, line, fields))
    if not lines and not problems:
        problems.append(Problem(name, start + 2, message="no register lines after the header",
                                expected="at least one deal (truncated file?)"))
    if problems:
        raise ImportFailed("\n".join(map(str, problems)))
    return Export(path, day, generated.group(0), lines)


def _field_problems(name: str, number: int, fields: list[str]) -> list[Problem]:
    problems = []
    for i, title in enumerate(HEADER):
        value = fields[i].strip()
        if i in FLAGGED and value not in ("", "?"):
            problems.append(Problem(name, number, f"flag after {HEADER[i - 1]}",
                                    "uncertainty flag", value, "'?' or empty"))
        elif title in ("Year of order",) and not re.fullmatch(r"\d{4}", value):
            problems.append(Problem(name, number, title, "not a year", value, "YYYY"))
        elif title in ("Number ordered", "Number delivered") and value \
                and not value.isdigit():
            problems.append(Problem(name, number, title, "not a whole number", value,
                                    "digits or empty"))
        elif title.startswith("SIPRI TIV") and value and not _is_number(value):
            problems.append(Problem(name, number, title, "not a number", value,
                                    "a number of TIV millions or empty"))
        elif title == "Year(s) of delivery" and value and not re.fullmatch(
                DELIVERY_YEARS, value):
            problems.append(Problem(name, number, title, "not years", value,
                                    "2018, 2017-2018 or 2018; 2019"))
    for i in (0, 1, 6):
        if not fields[i].strip():
            problems.append(Problem(name, number, HEADER[i], "empty value",
                                    expected="a value"))
    return problems


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def import_export(path: Path, data_dir: Path, add_actors: bool = False) -> Summary:
    """Merge the export into the data directory. Everything is checked on a staged copy
    first (the export, the actors, the whole dataset's validation): on any problem
    nothing is written."""
    export = read(Path(path))
    tables = {name: tablefiles.read(data_dir / f"{name}.csv") for name in
              ("sources", "actors", "arms_sales")}
    summary = Summary(f"sipri-{export.generated}")
    known = actors.lookup((a["actor_id"], a["name"], a.get("aliases"))
                          for a in tables["actors"][1])
    names = {f[i].strip() for _, _, f in export.lines for i in (0, 1)}
    unknown = sorted(n for n in names if _key(n) not in known)
    if unknown and not add_actors:
        raise ImportFailed(f"{export.path.name}: unknown actors {', '.join(unknown)} "
                           "(add them to actors.csv, with their SIPRI spelling as an alias, "
                           "or import with --add-actors)")
    for n in unknown:
        actor_id = words.slug(n.rstrip("*"))
        tables["actors"][1].append({
            "actor_id": actor_id, "name": n.rstrip("*").strip(),
            "kind": "armed_group" if n.endswith("*") else "state",
            "role": f"added by brief import sipri from {export.path.name}"})
        known[_key(n)] = actor_id
        summary.new_actors.append(actor_id)

    document = f"{summary.source_id}.txt"
    tablefiles.upsert(tables["sources"], "source_id",
                      [_source_row(export, summary.source_id, document)])
    rows = [_arms_row(export, line, fields, known, summary.source_id)
            for _, line, fields in export.lines]
    _disambiguate(rows)
    for row in rows:
        joined = _curated_deal(tables["arms_sales"][1], row)
        if joined:
            row["deal_id"] = joined
            summary.joined[row["sale_id"]] = joined
    summary.added, summary.changed, summary.unchanged = tablefiles.upsert(
        tables["arms_sales"], "sale_id", rows)
    tablefiles.commit(data_dir, tables, {document: _document(export, summary.source_id)})
    return summary


def _key(name: str) -> str:
    """A register name's lookup key: SIPRI marks non-state groups with a trailing "*"."""
    return actors.key(name.strip().rstrip("*"))


def _category(description: str) -> str:
    text = description.casefold()
    return next((c for word, c in CATEGORIES if re.search(rf"\b{re.escape(word)}\b", text)),
                "unspecified")


def _arms_row(export: Export, line: str, f: list[str], known: dict, source_id: str) -> dict:
    recipient, supplier = known[_key(f[0])], known[_key(f[1])]
    ordered, delivered = f[4].strip(), f[8].strip()
    delivery = f[10].strip()
    flags = [FLAGGED[i] for i in FLAGGED if f[i].strip() == "?"]
    status = "delivered" if delivered and int(delivered) > 0 else "ordered"
    return {
        "sale_id": f"SIPRI-{supplier}-{recipient}-{words.slug(f[6])}-{f[2].strip()}",
        "deal_id": f"sipri-{supplier}-{recipient}-{words.slug(f[6])}-{f[2].strip()}",
        "supplier": supplier, "recipient": recipient,
        "system": f"{f[6].strip()} ({f[7].strip()})" if f[7].strip() else f[6].strip(),
        "category": _category(f[7]),
        "quantity_low": ordered, "quantity_high": ordered,
        "quantity_qualifier": ("unknown" if not ordered else
                               "about" if "number_ordered" in flags else "exact"),
        "status": status,
        "event_date": delivery[:4] if status == "delivered" else f[2].strip(),
        "order_year": f[2].strip(), "number_ordered": ordered, "number_delivered": delivered,
        "delivery_years": delivery, "condition": f[11].strip(),
        "tiv_per_unit_millions": f[13].strip(), "tiv_order_millions": f[14].strip(),
        "tiv_delivered_millions": f[15].strip(), "uncertain": LIST_SEPARATOR.join(flags),
        "source_id": source_id, "quote": line.strip(), "credibility": "2",
        "notes": (f"SIPRI comments: {f[12].strip()}. " if f[12].strip() else "")
        + "Imported by brief import sipri; credibility 2 is the default for SIPRI lines.",
    }


def _disambiguate(rows: list[dict]) -> None:
    """Two lines with the same key in one export get -2, -3 ... in file order."""
    seen: dict[str, int] = {}
    for row in rows:
        n = seen[row["sale_id"]] = seen.get(row["sale_id"], 0) + 1
        if n > 1:
            row["sale_id"] += f"-{n}"
            row["deal_id"] += f"-{n}"


def _models(text: str) -> set[str]:
    return {a + b for a, b in MODEL.findall(text.casefold())}


def _curated_deal(records: list[dict], row: dict) -> str | None:
    """The one curated deal this register line reports, if exactly one fits."""
    years = {int(y) for y in re.findall(r"\d{4}", row["order_year"] + " "
                                        + row["delivery_years"])}
    if years:
        years |= set(range(min(years), max(years) + 1))
    models = _models(row["system"])
    deals: dict[str, list[dict]] = {}
    for r in records:
        if r.get("deal_id") and not r["sale_id"].startswith("SIPRI-") \
                and r["supplier"] == row["supplier"] and r["recipient"] == row["recipient"]:
            deals.setdefault(r["deal_id"], []).append(r)
    def dated_in_years(rs, stages) -> bool:
        return any(r["event_date"] and int(r["event_date"][:4]) in years
                   and r["status"] in stages for r in rs)

    same_model = {d: rs for d, rs in deals.items()
                  if models & set().union(*(_models(r["system"]) for r in rs))}
    # a contract or delivery reported in the line's years; failing that, any report then
    for stages in (("ordered", "delivered"), tuple(r["status"] for rs in deals.values()
                                                  for r in rs)):
        fits = [d for d, rs in same_model.items() if dated_in_years(rs, stages)]
        if fits:
            return fits[0] if len(fits) == 1 else None
    return None


def _source_row(export: Export, source_id: str, document: str) -> dict:
    return {
        "source_id": source_id,
        "title": "SIPRI Arms Transfers Database trade register export",
        "publisher": "SIPRI", "published": export.generated,
        "published_basis": export.generated_text, "kind": "dataset", "level": "primary",
        "language": "en", "reliability": "B", "document": document,
        "notes": ("B: SIPRI dataset (rule: the SIPRI dataset is B). Source: SIPRI Arms "
                  f"Transfers Database (c) SIPRI. Imported from {export.path.name} by brief "
                  "import sipri. TIV figures are SIPRI trend-indicator values, not US "
                  "dollars."),
    }


def _document(export: Export, source_id: str) -> str:
    """The held text: a provenance header, then the register lines verbatim."""
    header = [f"# source_id: {source_id}",
              "# title: SIPRI Arms Transfers Database trade register export",
              "# publisher: SIPRI",
              f"# published: {export.generated} ({export.generated_text})",
              f"# from: {export.path.name}, imported by brief import sipri",
              f"# register columns: {','.join(HEADER)}",
              "# Source: SIPRI Arms Transfers Database (c) SIPRI."]
    body = "\n".join(line.strip() for _, line, _ in export.lines)
    return "\n".join(header) + "\n\n" + body + "\n"

