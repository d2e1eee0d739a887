"""The curated tables, declared once with pandera: types, enums, ranges, keys, units.

Every check carries `title` (what is wrong when it fails) and `error` (what was expected);
the validator prints both. Column metadata carries what pandera has no slot for, read by
the validator and the data dictionary: `references` (foreign key into another table),
`list` (a ";"-separated list of references), `quote` (checked against the held document),
`unit`, `kind`, `selection` (rows of the claim tables, `analysis.tables.selection`).

Table metadata holds what the rest of the package needs to know of each table, so that it
is said once: `id` (the primary key), and for claim tables `actors` (the columns naming
actors, one or a list), `event_date` (when what the row reports happened), `quantity`
(its qualifier, low and high columns) and `claim` (the columns that make two rows report
the same thing).
"""

import pandera.pandas as pa

from analysis.core.lists import LIST_SEPARATOR
from analysis.tables import checks as _registers_custom_checks  # noqa: F401
from analysis.tables.vocab import (
    ACTOR_KINDS,
    ARMS_CATEGORIES,
    ARMS_STATUSES,
    CONTACT_KINDS,
    CONTACT_STATUSES,
    COUNT_QUALIFIERS,
    CREDIBILITY,
    EVIDENCE_TAGS,
    LIKELIHOOD,
    MEASURES,
    OTHER_CLAIM_KINDS,
    PLACE_KINDS,
    QUALIFIERS,
    RELIABILITY,
    SOURCE_KINDS,
    SOURCE_LEVELS,
    TERMS,
)

ENTERED = "entered"
"""The claim tables' column for the day a row entered the data: what is new since a
judgment was reviewed is told by it, not by the row's event date."""
ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.-]*"
SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
DELIVERY_YEARS = r"\d{4}(?:-\d{4})?(?:; \d{4}(?:-\d{4})?)*"
SIPRI_UNCERTAIN = ("order_year", "number_ordered", "number_delivered")
"""The three register columns a SIPRI "?" can follow."""
UNCERTAIN = rf"(?:{'|'.join(SIPRI_UNCERTAIN)})(?:;(?:{'|'.join(SIPRI_UNCERTAIN)}))*"


def _one_of(vocabulary) -> pa.Check:
    return pa.Check.isin(list(vocabulary), title="value not allowed",
                         error="one of: " + ", ".join(map(str, vocabulary)))


def _matches(pattern, expected) -> pa.Check:
    return pa.Check.str_matches(f"^{pattern}$", title="badly formed", error=expected)


def _text(description, *, required=False, unique=False, checks=(), **metadata) -> pa.Column:
    trimmed = pa.Check.trimmed(title="leading or trailing spaces",
                               error="no spaces around the value")
    visible = pa.Check.visible(title="a hidden control or format character",
                               error="visible text (tab, line breaks and the joiners and "
                                     "direction marks a script needs are allowed)")
    return pa.Column(str, nullable=not required, unique=unique,
                     checks=[trimmed, visible, *checks],
                     description=description, metadata=metadata or None)


def _id(description, pattern=ID_PATTERN) -> pa.Column:
    return _text(description, required=True, unique=True,
                 checks=[_matches(pattern, f"an id matching {pattern}")])


def _enum(description, vocabulary, *, required=True) -> pa.Column:
    return _text(description, required=required, checks=[_one_of(vocabulary)])


def _ref(description, table, *, required=True) -> pa.Column:
    return _text(description, required=required, references=table)


def _date(description, *, required=False) -> pa.Column:
    check = pa.Check.partial_date(title="not a valid date",
                                  error="a date YYYY, YYYY-MM or YYYY-MM-DD that exists")
    return _text(description, required=required, checks=[check], kind="partial date")


def _day(description, *, required=False) -> pa.Column:
    """A day, YYYY-MM-DD: when something happened in the curation (which is known to the
    day, and is never still to come)."""
    column = _date(description, required=required)
    column.checks.append(_matches(r"\d{4}-\d{2}-\d{2}", "a day YYYY-MM-DD"))
    column.metadata["curation"] = True
    return column


def _number(description, dtype="Int64", *, unit="count", minimum=0) -> pa.Column:
    check = (pa.Check.gt(0, title="out of range", error="a number > 0") if minimum > 0
             else pa.Check.ge(0, title="out of range", error="a number >= 0"))
    return pa.Column(dtype, nullable=True, checks=[check], description=description,
                     metadata={"unit": unit})


def _provenance() -> dict[str, pa.Column]:
    return {
        "source_id": _ref("the source document (sources.source_id)", "sources"),
        "quote": _text("verbatim text from the source that supports the row; must be "
                       "found in the held document", required=True, quote=True),
        "quote_gloss": _text("English gloss of a non-English quote"),
        "attributed_to": _ref("who made the claim when the source relays someone else "
                              "(actors.actor_id); empty when the source asserts it itself",
                              "actors", required=False),
        "credibility": pa.Column(
            "Int64", checks=[_one_of(CREDIBILITY)],
            description="Admiralty information credibility of this claim, 1 (confirmed) "
                        "to 6 (cannot be judged)"),
        "notes": _text("curator's notes: extract row, date basis, disagreements"),
        ENTERED: _day("the day the row entered the data (YYYY-MM-DD; filled by `brief` when "
                      "it adds a row, by the analyst otherwise); empty: before the first "
                      "review of any judgment"),
    }


def _inferred(event_date: str) -> pa.Column:
    return _text(f"how `{event_date}` was inferred, where the source implies the date but "
                 "does not print it (the analyst's words: 'the day before publication'); "
                 "empty when the source states it")


def _claim_table(name, id_column, columns, description, checks=(), *, actors, event_date,
                 quantity=None, claim=None, optional=False) -> pa.DataFrameSchema:
    metadata = {"id": id_column, "actors": actors, "event_date": event_date,
                "optional": optional}
    checks = [*checks, pa.Check.needs(
        on=event_date, column="date_inferred", title="an inferred date that is not given",
        error=f"{event_date} filled where date_inferred says how it was inferred")]
    if quantity:
        checks = [*checks, *_range_checks(*quantity)]
        metadata["quantity"] = quantity
    if claim:
        metadata["claim"] = claim
    return pa.DataFrameSchema(
        {id_column: _id("unique id of the row"), **columns, **_provenance()},
        checks=list(checks), strict=True, name=name, description=description,
        metadata=metadata,
    )


def _range_checks(qualifier, low, high) -> list[pa.Check]:
    return [
        pa.Check.low_not_above_high(low=low, high=high, title=f"{low} above {high}",
                                    error=f"{low} <= {high}"),
        pa.Check.qualifier_shape(qualifier=qualifier, low=low, high=high,
                                 title="numbers do not fit the qualifier",
                                 error=f"{low}/{high} filled as the qualifier requires"),
    ]


SOURCES = pa.DataFrameSchema(
    {
        "source_id": _id("unique id of the source", SLUG_PATTERN),
        "title": _text("title as printed (or as recovered, see notes)", required=True),
        "publisher": _text("publisher or outlet; empty when not printed"),
        "author": _text("author; empty when not printed"),
        "published": _date("publication date at the precision known; empty when not "
                           "printed"),
        "published_basis": _text("how the publication date is known", required=True),
        "url": _text("address of the document as stored",
                     checks=[_matches(r"https?://\S+", "an http(s) URL")]),
        "kind": _enum("kind of document", SOURCE_KINDS),
        "level": _enum("distance from the origin of the information", SOURCE_LEVELS),
        "language": _text("language of the document (ISO 639-1)", required=True,
                          checks=[_matches(r"[a-z]{2}", "a two-letter code")]),
        "reliability": _enum("Admiralty source reliability A-F", RELIABILITY),
        "document": _text("file in data/documents/ holding the source's text, if we hold it",
                          checks=[_matches(r"[\w.-]+\.txt", "a .txt file name")]),
        "notes": _text("why this reliability grade; anything odd about the source"),
    },
    strict=True, name="sources",
    description="Sources: one row per document that a claim cites.",
    metadata={"id": "source_id"},
)

ACTORS = pa.DataFrameSchema(
    {
        "actor_id": _id("unique id of the actor", SLUG_PATTERN),
        "name": _text("English name", required=True),
        "name_native": _text("name in its own script, as printed by a source"),
        "kind": _enum("kind of actor", ACTOR_KINDS),
        "country": _text("country the actor belongs to"),
        "aliases": _text("other names sources use, ';'-separated; resolve to this actor"),
        "part_of": _ref("parent actor (actors.actor_id): a person's state or body, a "
                        "branch's group", "actors", required=False),
        "role": _text("role, as a source states it"),
    },
    strict=True, name="actors",
    description="Actors: one row per state, group, organisation or person.",
    metadata={"id": "actor_id"},
)

PLACES = pa.DataFrameSchema(
    {
        "place_id": _id("unique id of the place", SLUG_PATTERN),
        "name": _text("English name, as the brief prints it", required=True),
        "kind": _enum("kind of place", PLACE_KINDS),
        "part_of": _ref("the place it lies in (places.place_id): a province's country, a "
                        "district's province", "places", required=False),
        "aliases": _text("other names sources use, ';'-separated; resolve to this place"),
        "boundary_id": _text("the place's boundary in the map's boundary file (its "
                             "shapeISO), where it has one", unique=True),
    },
    strict=True, name="places",
    description="Places: one row per country, province, district, region, city or site "
                "a claim is placed in.",
    metadata={"id": "place_id"},
)

ARMS_SALES = _claim_table(
    "arms_sales", "sale_id",
    {
        "deal_id": _text("rows reporting the same deal share this slug",
                         checks=[_matches(SLUG_PATTERN, "a lowercase slug")]),
        "supplier": _ref("supplying actor (actors.actor_id)", "actors"),
        "recipient": _ref("receiving actor (actors.actor_id)", "actors"),
        "via": _ref("transit state or intermediary (actors.actor_id)", "actors",
                    required=False),
        "place": _text("where the transfer is reported to enter or arrive, ';'-separated "
                       "place ids (places.place_id); empty when no source says",
                       references="places", list=True),
        "system": _text("weapon or item as the source names it", required=True),
        "category": _enum("kind of weapon", ARMS_CATEGORIES),
        "quantity_low": _number("lower bound of the quantity", unit="items", minimum=1),
        "quantity_high": _number("upper bound of the quantity", unit="items", minimum=1),
        "quantity_qualifier": _enum("how the source states the quantity", COUNT_QUALIFIERS),
        "status": _enum("stage the claim reports", ARMS_STATUSES),
        "event_date": _date("when that status event happened"),
        "date_inferred": _inferred("event_date"),
        "terms": _enum("commercial terms", TERMS, required=False),
        "value_usd_millions": _number("value as printed", "Float64", unit="USD millions",
                                      minimum=1),
        # What a SIPRI trade register line adds (`brief import sipri`); empty elsewhere.
        "order_year": _date("year the order was placed (SIPRI)"),
        "number_ordered": _number("number ordered (SIPRI)", unit="items", minimum=1),
        "number_delivered": _number("number delivered (SIPRI)", unit="items"),
        "delivery_years": _text("year(s) of delivery as printed: '2018', '2017-2018' or "
                                "'2018; 2019' (SIPRI)",
                                checks=[_matches(DELIVERY_YEARS, "years like 2018, 2017-2018 "
                                                 "or 2018; 2019")]),
        "condition": _text("new or second-hand, as SIPRI's status column gives it"),
        "tiv_per_unit_millions": _number("SIPRI trend-indicator value per unit", "Float64",
                                         unit="TIV millions"),
        "tiv_order_millions": _number("SIPRI TIV for the whole order", "Float64",
                                      unit="TIV millions"),
        "tiv_delivered_millions": _number("SIPRI TIV of the weapons delivered ('0': between "
                                          "0 and 0.5)", "Float64", unit="TIV millions"),
        "uncertain": _text("columns the source marks as uncertain ('?' in SIPRI), "
                           "';'-separated",
                           checks=[_matches(UNCERTAIN, "column names among "
                                            + ", ".join(SIPRI_UNCERTAIN))]),
    },
    "Arms sales: one row per reported transfer, deal or allegation.",
    actors=("supplier", "recipient", "via"), event_date="event_date",
    quantity=("quantity_qualifier", "quantity_low", "quantity_high"), claim=("deal_id",),
)

FIGHTER_ESTIMATES = _claim_table(
    "fighter_estimates", "estimate_id",
    {
        "group": _ref("the group or force estimated (actors.actor_id)", "actors"),
        "area": _ref("where the estimate applies (places.place_id)", "places"),
        "measure": _enum("what is counted (unit in the Measures table)", MEASURES),
        "low": _number("lower bound", unit="see measure"),
        "high": _number("upper bound", unit="see measure"),
        "qualifier": _enum("how the source states the number", QUALIFIERS),
        "out_of": _number("total the number is part of ('25 of 34 provinces')",
                          unit="see measure", minimum=1),
        "as_of_date": _date("when the estimate applies"),
        "date_inferred": _inferred("as_of_date"),
    },
    "Fighter estimates: one row per estimate by one source.",
    actors=("group",), event_date="as_of_date", quantity=("qualifier", "low", "high"),
    claim=("group", "measure", "area", "as_of_date"),
)

DIPLOMATIC_CONTACTS = _claim_table(
    "diplomatic_contacts", "contact_id",
    {
        "date": _date("when the contact happened (or starts)"),
        "date_end": _date("last day of a contact spanning several days"),
        "date_inferred": _inferred("date"),
        "actors": _text(
            "the parties, ';'-separated actor ids (at least two)", required=True,
            checks=[pa.Check.distinct_items(separator=LIST_SEPARATOR, minimum=2,
                                            title="fewer than two parties",
                                            error="at least two different actor ids")],
            references="actors", list=True),
        "via": _ref("intermediary (actors.actor_id)", "actors", required=False),
        "excluded": _text("parties left out of the contact, ';'-separated actor ids (talks "
                          "held without them)", references="actors", list=True),
        "place": _text("where, ';'-separated place ids (places.place_id)",
                       references="places", list=True),
        "kind": _enum("kind of contact", CONTACT_KINDS),
        "status": _enum("whether it took place", CONTACT_STATUSES),
        "topic": _text("what it was about", required=True),
    },
    "Diplomatic contacts: one row per meeting, channel, statement or agreement.",
    [pa.Check.span_in_order(start="date", end="date_end", title="ends before it starts",
                            error="date_end not before date"),
     pa.Check.disjoint_items(first="actors", second="excluded", separator=LIST_SEPARATOR,
                             title="a party both in and left out",
                             error="excluded parties that are not among the actors")],
    actors=("actors", "via", "excluded"), event_date="date",
)

OTHER_CLAIMS = _claim_table(
    "other_claims", "claim_id",
    {
        "date": _date("when what the claim reports happened, or when it was made"),
        "date_inferred": _inferred("date"),
        "actors": _text("the actors the claim is about, ';'-separated actor ids",
                        required=True, references="actors", list=True),
        "kind": _enum("kind of claim", OTHER_CLAIM_KINDS),
        "statement": _text("what the source says, in the curator's words", required=True),
    },
    "Other claims: one row per sourced claim that is none of the tables above (an "
    "assessment, a statement of intent, an event, a standing fact), so that what bears on "
    "the analyst's questions can be tagged and cited.",
    actors=("actors",), event_date="date", optional=True,
)

# --- The analyst's own tables: judgments, not source facts (no source, no quote) ---

_ANALYST = ("The analyst's judgment, not a source's: printed as the analyst's.")

def _added(what: str) -> pa.Column:
    return _day(f"the day the analyst added the {what} (YYYY-MM-DD): an edition as of an "
                "earlier day leaves it out", required=True)


QUESTIONS = pa.DataFrameSchema(
    {
        "question_id": _id("unique id of the question", SLUG_PATTERN),
        "question": _text("the key question, as the reader would ask it", required=True),
        "time_frame": _text("the period the judgment is about, in words ('now', 'through "
                            "2017')", required=True),
        "horizon_months": _number("how far ahead the judgment forecasts, in months; 0 for "
                                  "a judgment about the present or the past",
                                  unit="months"),
        "parties": _text("actors with a stake in the answer, ';'-separated actor ids: "
                         "their own claims count as interested", references="actors",
                         list=True),
        "added": _added("question"),
        "notes": _text("the analyst's notes"),
    },
    strict=True, name="questions",
    description="Key questions: one row per question a brief answers; its judgments, as "
                "made and revised, are in judgments.csv. " + _ANALYST,
    metadata={"id": "question_id", "optional": True},
)

JUDGMENTS = pa.DataFrameSchema(
    {
        "judgment_id": _id("unique id of the record"),
        "question_id": _ref("the question judged (questions.question_id)", "questions"),
        "reviewed": _day("the day the analyst made or last confirmed this judgment "
                         "(YYYY-MM-DD): evidence entered after it awaits review",
                         required=True),
        "hypothesis_id": _ref("the hypothesis the analyst judges best "
                              "(hypotheses.hypothesis_id)", "hypotheses"),
        "judgment": _text("the analyst's judgment in words, without a likelihood or "
                          "confidence term; may refer to the brief's computed facts as "
                          "{name}", required=True, checks=[pa.Check.plain_judgment(
                              title="estimative words in the judgment's text",
                              error="the likelihood term in `likelihood` only; no "
                                    "confidence level, no hedge (may, might, could, "
                                    "possibly, perhaps)")]),
        "likelihood": _enum("the analyst's ICD 203 likelihood term for the judgment",
                            LIKELIHOOD),
        "note": _text("what the analyst weighed, and for a revision what changed their "
                      "mind (every record of a question after its first says it)"),
    },
    strict=True, name="judgments",
    description="Judgments: one row per judgment the analyst made or reviewed, dated; a "
                "question's latest by an edition's day is the one that edition shows, the "
                "earlier ones its history. " + _ANALYST,
    metadata={"id": "judgment_id", "optional": True},
)

HYPOTHESES = pa.DataFrameSchema(
    {
        "hypothesis_id": _id("unique id of the hypothesis"),
        "question_id": _ref("the question it answers (questions.question_id)", "questions"),
        "label": _text("a short name the brief calls it by ('Hedging for influence')",
                       required=True),
        "hypothesis": _text("the hypothesis, as a statement", required=True),
        "added": _added("hypothesis"),
    },
    strict=True, name="hypotheses",
    description="Competing hypotheses: two to four per question. " + _ANALYST,
    metadata={"id": "hypothesis_id", "optional": True},
)

EVIDENCE_TAGS_TABLE = pa.DataFrameSchema(
    {
        "tag_id": _id("unique id of the tag"),
        "hypothesis_id": _ref("the hypothesis (hypotheses.hypothesis_id)", "hypotheses"),
        "evidence": _text("the claim rows: a row id (C012), ids joined by |, or a "
                          "selection 'table: column=value; ...'", required=True,
                          selection=True),
        "tag": _enum("how the evidence bears on the hypothesis", EVIDENCE_TAGS),
        "note": _text("why", required=True),
        "added": _added("tag"),
    },
    strict=True, name="evidence_tags",
    description="Evidence tags: how a piece of evidence bears on a hypothesis; one row per "
                "(hypothesis, evidence). A hypothesis an item is not tagged against counts "
                "it neutral. " + _ANALYST,
    metadata={"id": "tag_id", "optional": True},
)

INDICATORS = pa.DataFrameSchema(
    {
        "indicator_id": _id("unique id of the indicator"),
        "hypothesis_id": _ref("the hypothesis it would point to (hypotheses.hypothesis_id)",
                              "hypotheses"),
        "indicator": _text("what would be seen, in words", required=True),
        "watch": _text("the claim rows that would show it: a selection (see evidence)",
                       required=True, selection=True),
        "against": _text("the claim rows that would contradict it, if any: a selection",
                         selection=True),
        "note": _text("why it discriminates"),
        "added": _added("indicator"),
    },
    strict=True, name="indicators",
    description="Indicators (signposts): what would show a hypothesis gaining ground; "
                "each build says whether it has been seen. " + _ANALYST,
    metadata={"id": "indicator_id", "optional": True},
)

TABLES: dict[str, pa.DataFrameSchema] = {
    s.name: s for s in (SOURCES, ACTORS, PLACES, ARMS_SALES, FIGHTER_ESTIMATES, DIPLOMATIC_CONTACTS,
                        OTHER_CLAIMS, QUESTIONS, HYPOTHESES, JUDGMENTS, EVIDENCE_TAGS_TABLE,
                        INDICATORS)
}
"""Every table, in load order; each is the file `<name>.csv` in the data directory (an
`optional` table's file may be missing: it has no rows)."""

CLAIM_TABLES = (ARMS_SALES.name, FIGHTER_ESTIMATES.name, DIPLOMATIC_CONTACTS.name,
                OTHER_CLAIMS.name)
"""The tables of claims (each row from a source, with its quote)."""

ANALYST_TABLES = (QUESTIONS.name, HYPOTHESES.name, JUDGMENTS.name, EVIDENCE_TAGS_TABLE.name,
                  INDICATORS.name)
"""The analyst's tables: questions, hypotheses, judgments, evidence tags, indicators."""
ADDED = {QUESTIONS.name: "added", HYPOTHESES.name: "added", JUDGMENTS.name: "reviewed",
         EVIDENCE_TAGS_TABLE.name: "added", INDICATORS.name: "added"}
"""Each analyst table's column for the day its row was added: an edition as of an earlier
day leaves the row out (what the analyst had not yet written)."""


def quantity(table: str) -> tuple[str, str, str] | None:
    """The (qualifier, low, high) columns of `table`, if it states quantities."""
    return TABLES[table].metadata.get("quantity")


def quantity_columns(table: str) -> tuple[str, str, str]:
    """`quantity` of a table that states quantities; ValueError for one that does not."""
    found = quantity(table)
    if found is None:
        raise ValueError(f"{table} states no quantities")
    return found
