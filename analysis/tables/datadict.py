"""Generate the data dictionary (data/README.md) from the schema declarations."""

import pandera.pandas as pa

from analysis.core.lists import LIST_SEPARATOR
from analysis.tables import vocab
from analysis.tables.schema import TABLES

HEADER = """# Data dictionary

Generated from the declarations in `analysis/tables/schema.py` and
`analysis/tables/vocab.py` by `brief datadict`; do not edit by hand (a test fails when this
file is stale). How the default data was curated, and from what, is in
[CURATION.md](CURATION.md).

## Conventions
- One CSV file per table, UTF-8 (a BOM is accepted), comma-separated, header row first;
  quoted fields may hold commas and line breaks. Problems are reported as
  `file:row:column`, where row is the spreadsheet row (the header is row 1).
- An empty cell means *unknown* or *not stated*; nothing is filled in from memory.
- Partial dates keep their precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a year is a span,
  never 1 January. When loaded, each date column `x` gains `x_precision`, `x_first`, `x_last`
  (the first and last day it covers).
- Lists (actors of a contact, aliases) are separated by `{sep}`.
- Every claim row carries its source, a verbatim quote found in the held document
  (`documents/`; `…` marks an omission), who made the claim (`attributed_to`) and an
  information credibility grade. Its `reported_date` is its source's `published` date,
  joined on load so it is typed once.
- Two sources that disagree are two rows; uncertainty is kept as low/high and a qualifier.
"""


def render() -> str:
    parts = [HEADER.format(sep=LIST_SEPARATOR)]
    for name, schema in TABLES.items():
        parts.append(_table(name, schema))
    parts.append(_vocabularies())
    return "\n".join(parts).rstrip() + "\n"


def _table(name: str, schema: pa.DataFrameSchema) -> str:
    lines = [
        f"## `{name}.csv`",
        "",
        f"{schema.description} Primary key: `{schema.metadata['id']}`.",
        "",
        "| column | type | required | description | checks |",
        "|---|---|---|---|---|",
    ]
    for column, spec in schema.columns.items():
        meta = spec.metadata or {}
        kind = meta.get("kind") or {"Int64": "integer", "Float64": "number"}.get(
            str(spec.dtype), "text")
        if meta.get("unit"):
            kind += f" ({meta['unit']})"
        rules = [c.error for c in spec.checks if c.name != "trimmed"]
        if spec.unique:
            rules.append("unique")
        if meta.get("references"):
            target = meta["references"]
            rules.append(f"{'each item ' if meta.get('list') else ''}refers to "
                         f"`{target}.{TABLES[target].metadata['id']}`")
        if meta.get("quote"):
            rules.append("found verbatim in the held document")
        lines.append(f"| `{column}` | {kind} | {'yes' if not spec.nullable else ''} | "
                     f"{spec.description} | {'; '.join(rules)} |")
    if schema.checks:
        lines += ["", "Row rules: " + "; ".join(c.error for c in schema.checks) + "."]
    return "\n".join(lines) + "\n"


def _vocabulary(title: str, values: dict, note: str = "") -> str:
    lines = [f"### {title}", ""] + ([note, ""] if note else [])
    lines += ["| value | meaning |", "|---|---|"]
    lines += [f"| `{k}` | {getattr(v, 'meaning', v)} |" for k, v in values.items()]
    return "\n".join(lines) + "\n"


def _vocabularies() -> str:
    ranges = "; ".join(f"`{k}` = {lo} to {hi}" for k, (lo, hi) in vocab.VAGUE_RANGES.items())
    measures = {k: f"{v}; unit: {vocab.MEASURE_UNITS[k]}" for k, v in vocab.MEASURES.items()}
    return "\n".join([
        "## Vocabularies\n",
        _vocabulary("Qualifiers", vocab.QUALIFIERS,
                    f"Used by `quantity_qualifier` and `qualifier`. Vague quantities are read "
                    f"as documented ranges, filled in on load ({ranges}); leave their "
                    f"low/high cells empty."),
        _vocabulary("Arms statuses", vocab.ARMS_STATUSES),
        _vocabulary("Arms categories", vocab.ARMS_CATEGORIES),
        _vocabulary("Terms", vocab.TERMS),
        _vocabulary("Measures", measures),
        _vocabulary("Contact kinds", vocab.CONTACT_KINDS),
        _vocabulary("Contact statuses", vocab.CONTACT_STATUSES),
        _vocabulary("Source reliability (Admiralty)", vocab.RELIABILITY,
                    "From the MISP admiralty-scale taxonomy (CC0); MISP's extra grade G is "
                    "not NATO and is not accepted."),
        _vocabulary("Information credibility (Admiralty)", vocab.CREDIBILITY, vocab.DOUBTFUL),
        _vocabulary("Source kinds", vocab.SOURCE_KINDS),
        _vocabulary("Source levels", vocab.SOURCE_LEVELS),
        _vocabulary("Actor kinds", vocab.ACTOR_KINDS),
        _vocabulary("Place kinds", vocab.PLACE_KINDS,
                    "Figures are compared only with figures of the same place (like with "
                    "like); a map says, rather than draws, places of kind "
                    f"{' or '.join(vocab.UNBOUNDED)}: no boundary outlines them."),
    ])
