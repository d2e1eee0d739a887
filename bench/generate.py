"""Write a synthetic dataset in the project's own schema, for benchmarks only.

    python bench/generate.py OUT_DIR [--rows N] [--seed S]

Writes sources.csv, actors.csv, places.csv and the four claim tables (N rows each, default
1,000,000) into OUT_DIR (none of the analyst's optional tables: no key questions), plus
OUT_DIR/documents/ holding the text of about 20 sources, so the quote check runs on the
rows that cite them; the other sources hold no document. The data passes
`brief validate`: every enum value and qualifier shape, partial dates at every precision,
shared deal ids, intermediaries, attributions, 2-4 parties per contact, SIPRI columns on a
few rows, filled consistently. Every text says "Synthetic": it is benchmark data, never
to be mixed into data/. The same seed writes the same files.
"""

import argparse
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.tables.schema import TABLES  # noqa: E402
from analysis.tables.vocab import (  # noqa: E402
    ARMS_CATEGORIES,
    ARMS_STATUSES,
    CONTACT_KINDS,
    CONTACT_STATUSES,
    COUNT_QUALIFIERS,
    CREDIBILITY,
    MEASURES,
    OTHER_CLAIM_KINDS,
    QUALIFIER_SHAPES,
    QUALIFIERS,
    RELIABILITY,
    SOURCE_KINDS,
    SOURCE_LEVELS,
    TERMS,
)

DEFAULT_ROWS = 1_000_000
HELD_SOURCES = 20
SIPRI_SOURCES = 3
PASSAGES = 24  # passages per source document; plain quotes are one passage each
OMISSIONS = 6  # quotes per source made of two passages with "…" between them
ACTOR_COUNTS = {"state": 60, "armed_group": 60, "organisation": 60, "person": 120}
ACTOR_PREFIX = {  # kind: (id prefix, English name, native name)
    "state": ("synth-state", "Synthetic State", "Синтетическое государство"),
    "armed_group": ("synth-group", "Synthetic Group", "مجموعة اصطناعية"),
    "organisation": ("synth-org", "Synthetic Organisation", "Синтетическая организация"),
    "person": ("synth-person", "Synthetic Person", "شخص اصطناعي"),
}
LANGUAGES = {"en": 0.7, "ru": 0.12, "ar": 0.06, "fa": 0.05, "ro": 0.04, "ps": 0.03}
FIRST_DAY, LAST_DAY = np.datetime64("1990-01-01"), np.datetime64("2024-12-31")
SHAPE_CODE = {"equal": 0, "high": 1, "low": 2, "range": 3, "none": 4}
# The largest number a measure takes, and its hard ceiling (out_of, or 100 percent).
MEASURE_RANGES = {"provinces_with_presence": 34, "districts_held": 400, "training_camps": 40,
                  "beachheads": 12, "share_sympathetic_pct": 100, "share_removed_pct": 100}
COUNT_MAX = 120_000


# -- vectorised helpers ------------------------------------------------------------------

def text(values) -> np.ndarray:
    """An array of Python strings (object dtype): picking from it copies references, and
    pandas writes it without converting it first."""
    values = np.asarray(values)
    return values if values.dtype.kind == "O" else values.astype(str).astype(object)


def join(*parts) -> np.ndarray:
    """Element-wise concatenation of strings and arrays (broadcast as numpy does)."""
    out = parts[0] if isinstance(parts[0], str) else text(parts[0])
    for part in parts[1:]:
        out = out + (part if isinstance(part, str) else text(part))
    return text(out)


def numbered(prefix: str, numbers, width: int) -> np.ndarray:
    """prefix + zero-padded number, for an array of numbers."""
    digits = np.asarray(numbers).astype(str)
    return join(prefix, np.strings.zfill(digits, width) if digits.size else digits)


def inferred(rng, dates: np.ndarray) -> np.ndarray:
    """How a few of the given dates were inferred (2 %); empty where no date is given."""
    return blank((dates == "") | (rng.random(len(dates)) < 0.98),
                 np.full(len(dates), "synthetic: the day before publication"))


def pick(rng, values, n: int, p=None) -> np.ndarray:
    """n values drawn from `values`, with weights `p` (relative) if given."""
    values = np.array(list(values), dtype=object)
    if p is not None:
        p = np.asarray(p, dtype=float) / np.sum(p)
    return values[rng.choice(len(values), size=n, p=p)]


def blank(mask, values) -> np.ndarray:
    """values, with "" (an empty cell) where mask is True."""
    return np.where(mask, "", text(values))


def only(mask, values) -> np.ndarray:
    """A text column: `values` (one per True in mask) where mask is True, else empty."""
    out = np.full(len(mask), "", dtype=object)
    out[mask] = text(values)
    return out


def lookup(mapping: dict, keys) -> np.ndarray:
    """mapping[key] for an array of keys (every key must be in the mapping)."""
    return pd.Series(keys, dtype=object).map(mapping).to_numpy()


def table(columns: dict) -> pd.DataFrame:
    """A frame whose text columns are plain Python strings (object dtype): pandas neither
    converts them to Arrow strings nor back again when writing the CSV."""
    return pd.DataFrame({name: pd.Series(values, dtype=object)
                         if isinstance(values, np.ndarray) and values.dtype.kind in "UO"
                         else values for name, values in columns.items()})


def integers(values, missing) -> pd.arrays.IntegerArray:
    """A nullable Int64 column: `values` where not `missing`."""
    values = np.asarray(values, dtype="int64")
    missing = np.asarray(missing, dtype=bool)
    return pd.arrays.IntegerArray(np.where(missing, 0, values), missing)


def floats(values, missing) -> np.ndarray:
    return np.where(missing, np.nan, np.asarray(values, dtype=float))


def partial_dates(rng, n, *, empty=0.1, year=0.15, month=0.2, first=FIRST_DAY,
                  last=LAST_DAY):
    """(text, day, precision) per row: YYYY-MM-DD, YYYY-MM or YYYY at random precision,
    "" for an unknown date. precision: 0 day, 1 month, 2 year, 3 unknown."""
    span = int((last - first).astype(int)) + 1
    day = first + rng.integers(0, span, size=n).astype("timedelta64[D]")
    full = np.datetime_as_string(day, unit="D").astype("U10")
    u = rng.random(n)
    precision = np.select([u < empty, u < empty + year, u < empty + year + month],
                          [3, 2, 1], default=0)
    text = np.select([precision == 0, precision == 1, precision == 2],
                     [full, full.astype("U7"), full.astype("U4")], default="")
    return text.astype(object), day, precision


def quantities(rng, qualifiers, upper, *, minimum=1):
    """(low, high, low_missing, high_missing) shaped as each row's qualifier requires
    (QUALIFIER_SHAPES): equal: low = high; high: high only; low: low only; range:
    low < high; none: neither. `upper` is the per-row ceiling of the numbers."""
    n = len(qualifiers)
    shape = lookup({q: SHAPE_CODE[s] for q, s in QUALIFIER_SHAPES.items()}, qualifiers)
    shape = shape.astype("int64")
    upper = np.maximum(np.asarray(upper, dtype="int64"), minimum + 1)
    # log-uniform in [minimum, upper - 1], so a range always has room above it
    low = minimum - 1 + np.floor(np.exp(rng.random(n) * np.log(upper - minimum + 1)))
    low = np.clip(low.astype("int64"), minimum, upper - 1)
    high = low + 1 + np.floor(rng.random(n) * (upper - low)).astype("int64")
    high = np.minimum(high, upper)
    high = np.where((shape == SHAPE_CODE["equal"]) | (shape == SHAPE_CODE["high"]), low, high)
    low_missing = np.isin(shape, [SHAPE_CODE["high"], SHAPE_CODE["none"]])
    high_missing = np.isin(shape, [SHAPE_CODE["low"], SHAPE_CODE["none"]])
    return low, high, low_missing, high_missing


def draw_distinct(rng, pool, n: int, avoid=()) -> np.ndarray:
    """n indices drawn from `pool`, each different from the same row of every array in
    `avoid`."""
    out = rng.choice(pool, size=n)
    for _ in range(1000):
        clash = np.zeros(n, dtype=bool)
        for other in avoid:
            clash |= out == other
        if not clash.any():
            return out
        out[clash] = rng.choice(pool, size=int(clash.sum()))
    raise RuntimeError("could not draw distinct actors")


# -- the tables --------------------------------------------------------------------------

def make_actors(rng) -> pd.DataFrame:
    kinds, numbers = [], []
    for kind, count in ACTOR_COUNTS.items():
        kinds += [kind] * count
        numbers += range(1, count + 1)
    kinds, numbers = np.array(kinds), np.array(numbers)
    n = len(kinds)
    number = np.strings.zfill(numbers.astype(str), 3)
    prefix = np.array([ACTOR_PREFIX[k][0] for k in kinds])
    english = np.array([ACTOR_PREFIX[k][1] for k in kinds])
    native = np.array([ACTOR_PREFIX[k][2] for k in kinds])
    actor_id = join(prefix, "-", number)
    name = join(english, " ", number)
    is_state = kinds == "state"
    states = np.flatnonzero(is_state)
    state_names = name[states]
    short = np.array([{"state": "SS", "armed_group": "SG", "organisation": "SO",
                       "person": "SP"}[k] for k in kinds])
    aliases = join(short, "-", number)
    aliases = np.where(is_state, join(aliases, ";Synthland ", number), aliases)
    aliases = blank((kinds == "person") & (rng.random(n) < 0.4), aliases)
    country = np.where(is_state, name, state_names[rng.integers(0, len(states), size=n)])
    country = np.where(is_state, country, blank(rng.random(n) < 0.25, country))
    # part_of always points to an actor earlier in the table: no cycles
    parent = np.full(n, -1)
    groups = np.flatnonzero(kinds == "armed_group")
    orgs = np.flatnonzero(kinds == "organisation")
    branch = groups[1:][rng.random(len(groups) - 1) < 0.25]  # a branch of an earlier group
    parent[branch] = groups[(rng.random(len(branch)) * (branch - groups[0])).astype(int)]
    state_org = orgs[rng.random(len(orgs)) < 0.5]
    parent[state_org] = rng.choice(states, size=len(state_org))
    persons = np.flatnonzero(kinds == "person")
    persons = persons[rng.random(len(persons)) < 0.85]
    parent[persons] = rng.choice(np.concatenate([states, groups, orgs]), size=len(persons))
    part_of = np.where(parent >= 0, actor_id[np.maximum(parent, 0)], "")
    role = np.where(kinds == "person", join("Synthetic role ", rng.integers(1, 40, size=n)), "")
    return table({
        "actor_id": actor_id,
        "name": name,
        "name_native": blank(rng.random(n) < 0.7, join(native, " ", number)),
        "kind": kinds,
        "country": country,
        "aliases": aliases,
        "part_of": part_of,
        "role": blank(rng.random(n) < 0.2, role),
    })


def make_sources(rng, rows: int) -> tuple[pd.DataFrame, np.ndarray]:
    """The sources and, per source, whether it holds a document. The last SIPRI_SOURCES
    are register exports (kind dataset) that only SIPRI-style arms rows cite."""
    n = max(50, rows // 1000)
    number = np.arange(1, n + 1)
    source_id = numbered("synth-src-", number, 5)
    sipri = number > n - SIPRI_SOURCES
    # published after every synthetic claim's date (a claim dated after its source is
    # refused), and not after the day of the build
    published, _, precision = partial_dates(rng, n, empty=0.1, year=0.1, month=0.2,
                                            first=LAST_DAY + 1, last=LAST_DAY + 365)
    basis = pick(rng, ["synthetic: page date", "synthetic: URL path",
                       "synthetic: dateline"], n)
    basis = np.where(precision == 3, "synthetic: not printed", basis)
    language = np.where(sipri, "en", pick(rng, LANGUAGES, n, list(LANGUAGES.values())))
    kind = np.where(sipri, "dataset", pick(rng, [k for k in SOURCE_KINDS if k != "dataset"], n))
    level = np.where(sipri, "primary", pick(rng, SOURCE_LEVELS, n, [0.2, 0.55, 0.25]))
    reliability = pick(rng, RELIABILITY, n, [5, 20, 30, 20, 10, 15])
    reliability[:len(RELIABILITY)] = list(RELIABILITY)  # every grade, however few sources
    reliability = np.where(sipri, "B", reliability)
    held = np.zeros(n, dtype=bool)
    candidates = np.flatnonzero(~sipri)
    held[candidates[np.linspace(0, len(candidates) - 1, HELD_SOURCES).astype(int)]] = True
    title = np.where(sipri, join("Synthetic trade register export ", number),
                     join("Synthetic report ", number))
    frame = pd.DataFrame({
        "source_id": source_id,
        "title": title,
        "publisher": blank(rng.random(n) < 0.2,
                           join("Synthetic Outlet ", rng.integers(1, 60, size=n))),
        "author": blank(rng.random(n) < 0.5,
                        join("Synthetic Author ", rng.integers(1, 200, size=n))),
        "published": published,
        "published_basis": basis,
        "url": blank(rng.random(n) < 0.15, join("https://example.org/synthetic/", source_id)),
        "kind": kind,
        "level": level,
        "language": language,
        "reliability": reliability,
        "document": np.where(held, join(source_id, ".txt"), ""),
        "notes": blank(rng.random(n) < 0.3,
                       join("Synthetic benchmark source, graded ", reliability, ".")),
    })
    return frame, held


def passages(sources: pd.DataFrame) -> np.ndarray:
    """Per source, PASSAGES sentences of its document, then OMISSIONS quotes that join two
    of them, in document order, with an omission mark: shape (sources, PASSAGES +
    OMISSIONS)."""
    n = len(sources)
    s = np.repeat(np.arange(1, n + 1), PASSAGES).reshape(n, PASSAGES)
    k = np.tile(np.arange(1, PASSAGES + 1), n).reshape(n, PASSAGES)
    english = join("Synthetic report ", s, ", passage ", k,
                   ': the source "states" synthetic claim ', k, " for benchmarks.")
    russian = join("Синтетический отчёт ", s, ", фрагмент ", k,
                   ": тестовое утверждение ", k, ".")
    is_ru = (sources["language"].to_numpy() == "ru")[:, None]
    text = np.where(is_ru, russian, english)
    first = np.arange(OMISSIONS) * 2
    second = first + 2 + np.arange(OMISSIONS)
    mark = np.where(np.arange(OMISSIONS) % 2 == 0, " … ", " ... ")
    omitted = join(text[:, first], mark, text[:, second])
    return np.concatenate([text, omitted], axis=1).astype(object)  # rows pick by reference


def document(source: pd.Series, sentences) -> str:
    header = [f"# source_id: {source['source_id']}", f"# title: {source['title']}",
              "# synthetic benchmark document written by bench/generate.py", ""]
    lines = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return "\n".join(header + lines) + "\n"


def provenance(rng, n, sources, pool, actor_ids, *, sipri=None, row_ids=None) -> dict:
    """source_id, quote, quote_gloss, attributed_to, credibility, notes, entered for n rows:
    quotes come from the cited source's passages, so they are found in any held document.
    Rows where `sipri` is True cite a register export and quote their own line."""
    sipri = np.zeros(n, dtype=bool) if sipri is None else sipri
    m = len(sources)
    ordinary = m - SIPRI_SOURCES
    weights = 1.0 / (np.arange(ordinary) + 5.0) ** 0.7  # a few sources carry many rows
    rng.shuffle(weights)
    source = rng.choice(ordinary, size=n, p=weights / weights.sum())
    source = np.where(sipri, ordinary + rng.integers(0, SIPRI_SOURCES, size=n), source)
    passage = rng.integers(0, pool.shape[1], size=n)
    quote = pool[source, passage]
    if sipri.any():
        quote[sipri] = join("Synthetic register line ", row_ids[sipri], ", as exported")
    glosses = join("Synthetic English gloss of quote ", np.arange(1, pool.shape[1] + 1)[None, :],
                   " of synthetic report ", np.arange(1, m + 1)[:, None], ".").astype(object)
    foreign = sources["language"].to_numpy()[source] != "en"
    gloss = np.where(foreign & (rng.random(n) < 0.7), glosses[source, passage], "")
    attributed = blank(sipri | (rng.random(n) < 0.7),
                       actor_ids[rng.integers(0, len(actor_ids), n)])
    credibility = pick(rng, CREDIBILITY, n, [10, 25, 30, 15, 8, 12]).astype("int64")
    notes = pick(rng, ["Synthetic note: extract row, date basis as printed.",
                       "Synthetic note, with a comma and a \"quoted\" word.",
                       "Synthetic note over two lines:\nthe second line.",
                       "Synthetic note: disagrees with another synthetic row."], n)
    return {
        "source_id": sources["source_id"].to_numpy()[source],
        "quote": quote,
        "quote_gloss": gloss,
        "attributed_to": attributed,
        "credibility": np.where(sipri, 2, credibility),  # as `brief import sipri` grades
        "notes": blank(rng.random(n) < 0.5, notes),
        # entered the data after every source was published (some rows before any review)
        "entered": partial_dates(rng, n, empty=0.5, year=0, month=0, first=LAST_DAY + 366,
                                 last=LAST_DAY + 366 + 180)[0],
    }


STATES, PROVINCES, CITIES = 60, 199, 119
"""Synthetic places: states, provinces in them, and cities (each city once per state)."""


def province_ids(numbers) -> np.ndarray:
    return numbered("synthetic-province-", numbers, 3)


def city_ids() -> np.ndarray:
    """Every city's id, city by city and within a city state by state."""
    return join("synthetic-city-", np.arange(1, CITIES + 1)[:, None], "-",
                np.strings.zfill(np.arange(1, STATES + 1).astype(str), 3)[None, :]).ravel()


def make_places(rng) -> pd.DataFrame:
    states = np.arange(1, STATES + 1)
    in_state = rng.integers(1, STATES + 1, size=PROVINCES)
    cities = np.repeat(np.arange(1, CITIES + 1), STATES)
    city_state = np.tile(states, CITIES)
    n = STATES + PROVINCES + len(cities)
    return table({
        "place_id": np.concatenate([numbered("synthetic-state-", states, 3),
                                    province_ids(np.arange(1, PROVINCES + 1)), city_ids()]),
        "name": np.concatenate([
            numbered("Synthetic State ", states, 3),
            numbered("Synthetic Province ", np.arange(1, PROVINCES + 1), 1),
            join("Synthetic City ", cities.astype(str), ", Synthetic State ",
                 np.strings.zfill(city_state.astype(str), 3))]),
        "kind": np.repeat(["country", "province", "city"], [STATES, PROVINCES, len(cities)]),
        "part_of": np.concatenate([np.full(STATES, ""),
                                   numbered("synthetic-state-", in_state, 3),
                                   numbered("synthetic-state-", city_state, 3)]),
        "aliases": np.full(n, ""),
        "boundary_id": np.full(n, ""),
    })


def make_arms_sales(rng, n, sources, pool, actors) -> pd.DataFrame:
    actor_ids = actors["actor_id"].to_numpy()
    kinds = actors["kind"].to_numpy()
    everyone = np.arange(len(actor_ids))
    states = np.flatnonzero(kinds == "state")
    not_persons = np.flatnonzero(kinds != "person")
    sale_id = numbered("SA", np.arange(1, n + 1), 7)
    sipri = rng.random(n) < 0.03
    categories = np.array(list(ARMS_CATEGORIES))
    # deals: several rows (reports) of one transfer share supplier, recipient and system
    n_deals = max(1, n // 4)
    deal_supplier = np.where(rng.random(n_deals) < 0.8, rng.choice(states, size=n_deals),
                             rng.choice(not_persons, size=n_deals))
    deal_recipient = draw_distinct(rng, not_persons, n_deals, avoid=(deal_supplier,))
    deal_category = rng.integers(0, len(categories), size=n_deals)
    deal_model = rng.integers(1, 25, size=n_deals)
    in_deal = ~sipri & (rng.random(n) < 0.8)
    deal = rng.integers(0, n_deals, size=n)
    own_supplier = rng.choice(states, size=n)
    supplier = np.where(in_deal, deal_supplier[deal], own_supplier)
    recipient = np.where(in_deal, deal_recipient[deal],
                         draw_distinct(rng, not_persons, n, avoid=(own_supplier,)))
    category = np.where(in_deal, deal_category[deal], rng.integers(0, len(categories), size=n))
    model = np.where(in_deal, deal_model[deal], rng.integers(1, 25, size=n))
    via_index = draw_distinct(rng, everyone, n, avoid=(supplier, recipient))
    via = blank(sipri | (rng.random(n) < 0.85), actor_ids[via_index])
    # a deal's rows share its id; a SIPRI line is a deal of its own, and so is half of the
    # other rows outside a shared deal; the rest have no deal id
    solo = ~in_deal & ~sipri & (rng.random(n) < 0.5)
    deal_id = only(in_deal, numbered("synth-deal-", deal[in_deal] + 1, 7))
    deal_id[sipri] = numbered("synth-sipri-", np.flatnonzero(sipri) + 1, 7)
    deal_id[solo] = numbered("synth-solo-", np.flatnonzero(solo) + 1, 7)
    qualifier = pick(rng, COUNT_QUALIFIERS, n, [20, 15, 5, 8, 8, 8, 5, 10, 6, 5, 3, 10])
    statuses = pick(rng, ARMS_STATUSES, n, [15, 5, 8, 10, 12, 10, 15, 25])
    event_date, event_day, _ = partial_dates(rng, n, empty=0.15)
    value = np.maximum(np.round(np.exp(rng.normal(3, 1.5, size=n)), 1), 0.1)

    # SIPRI register lines: numbers, years, status and TIVs consistent with each other
    order_year = np.minimum(event_day.astype("datetime64[Y]").astype(int) + 1970, 2022)
    ordered = rng.integers(1, 60, size=n)
    ordered_missing = sipri & (rng.random(n) < 0.1)
    delivered = np.where(rng.random(n) < 0.7, ordered, rng.integers(0, ordered + 1))
    delivered = np.where(ordered_missing, rng.integers(0, 10, size=n), delivered)
    first_delivery = np.minimum(order_year + rng.integers(0, 3, size=n), 2024)
    last_delivery = np.minimum(first_delivery + rng.integers(0, 3, size=n), 2024)
    # SIPRI's texts are made for its rows only: ~3% of the table
    span, listed = rng.random(n) < 0.5, (first_delivery != last_delivery)
    separator = np.where(listed & span, "-", np.where(listed, "; ", ""))
    last_year = np.where(listed, last_delivery.astype(str), "")
    delivery_years = only(sipri, join(first_delivery[sipri], separator[sipri], last_year[sipri]))
    delivery_years[delivered == 0] = ""  # nothing delivered: no delivery years
    flags = np.array(["", "order_year", "number_ordered", "number_delivered",
                      "order_year;number_delivered",
                      "order_year;number_ordered;number_delivered"])
    flag = np.where(rng.random(n) < 0.7, 0, rng.integers(1, len(flags), size=n))
    uncertain = text(flags)[flag]
    flagged_ordered = np.array(["number_ordered" in f for f in flags])[flag]
    uncertain = np.where(ordered_missing & flagged_ordered, "order_year", uncertain)
    per_unit = np.round(np.exp(rng.normal(1, 1.2, size=n)), 2)
    qualifier = np.where(sipri, np.select([ordered_missing, flagged_ordered],
                                          ["unknown", "about"], default="exact"), qualifier)
    statuses = np.where(sipri, np.where(delivered > 0, "delivered", "ordered"), statuses)
    event_date[sipri] = text(np.where(delivered > 0, first_delivery, order_year)[sipri])
    low, high, low_missing, high_missing = quantities(rng, qualifier, np.full(n, 500))
    low, high = np.where(sipri, ordered, low), np.where(sipri, ordered, high)
    not_sipri = ~sipri
    models = np.arange(1, 25)[None, :]  # system names: per category, models SX-1 to SX-24
    named = join("Synthetic ", categories[:, None], " model SX-", models)
    registered = join("Synthetic SX-", models, " (synthetic ", categories[:, None], ")")
    system = np.where(sipri, registered[category, model - 1], named[category, model - 1])
    return table({
        "sale_id": sale_id,
        "deal_id": deal_id,
        "supplier": actor_ids[supplier],
        "recipient": actor_ids[recipient],
        "via": via,
        "place": blank(rng.random(n) < 0.95, province_ids(rng.integers(1, PROVINCES + 1,
                                                                        size=n))),
        "system": system,
        "category": categories[category],
        "quantity_low": integers(low, low_missing),
        "quantity_high": integers(high, high_missing),
        "quantity_qualifier": qualifier,
        "status": statuses,
        "event_date": event_date,
        "date_inferred": inferred(rng, event_date),
        "terms": blank(sipri | (rng.random(n) < 0.5), pick(rng, TERMS, n)),
        "value_usd_millions": floats(value, sipri | (rng.random(n) < 0.75)),
        "order_year": only(sipri, order_year[sipri]),
        "number_ordered": integers(ordered, not_sipri | ordered_missing),
        "number_delivered": integers(delivered, not_sipri),
        "delivery_years": delivery_years,
        "condition": blank(not_sipri, np.where(rng.random(n) < 0.8, "new", "second-hand")),
        "tiv_per_unit_millions": floats(per_unit, not_sipri),
        "tiv_order_millions": floats(np.round(per_unit * ordered, 2),
                                     not_sipri | ordered_missing),
        "tiv_delivered_millions": floats(np.round(per_unit * delivered, 2), not_sipri),
        "uncertain": blank(not_sipri, uncertain),
        **provenance(rng, n, sources, pool, actor_ids, sipri=sipri, row_ids=sale_id),
    })


def make_fighter_estimates(rng, n, sources, pool, actors) -> pd.DataFrame:
    actor_ids = actors["actor_id"].to_numpy()
    kinds = actors["kind"].to_numpy()
    groups, states = np.flatnonzero(kinds == "armed_group"), np.flatnonzero(kinds == "state")
    measures = np.array(list(MEASURES))
    measure = pick(rng, measures, n, [30, 8, 5, 5, 4, 10, 8, 5, 5, 3, 8, 4, 5, 2, 2])
    group = np.where(measure == "troops", rng.choice(states, size=n), rng.choice(groups, size=n))
    qualifier = pick(rng, QUALIFIERS, n, [15, 25, 5, 10, 8, 8, 4, 15, 3, 3, 2, 2, 2, 4])
    upper = lookup({m: MEASURE_RANGES.get(m, COUNT_MAX) for m in MEASURES}, measure)
    upper = upper.astype("int64")
    low, high, low_missing, high_missing = quantities(rng, qualifier, upper, minimum=1)
    out_of_measure = np.isin(measure, ["provinces_with_presence", "districts_held"])
    as_of_date, _, _ = partial_dates(rng, n, empty=0.2, year=0.2, month=0.25)
    return table({
        "estimate_id": numbered("FE", np.arange(1, n + 1), 7),
        "group": actor_ids[group],
        "area": province_ids(rng.integers(1, PROVINCES + 1, size=n)),
        "measure": measure,
        "low": integers(low, low_missing),
        "high": integers(high, high_missing),
        "qualifier": qualifier,
        "out_of": integers(upper, ~out_of_measure | (rng.random(n) < 0.2)),
        "as_of_date": as_of_date,
        "date_inferred": inferred(rng, as_of_date),
        **provenance(rng, n, sources, pool, actor_ids),
    })


def make_diplomatic_contacts(rng, n, sources, pool, actors) -> pd.DataFrame:
    actor_ids = actors["actor_id"].to_numpy()
    p = len(actor_ids)
    # parties a, a+s, a+2s, a+3s (mod p) with 3s < p - 1: distinct, with room for a `via`
    first = rng.integers(0, p, size=n)
    step = rng.integers(1, (p - 2) // 3 + 1, size=n)
    count = pick(rng, [2, 3, 4], n, [70, 20, 10]).astype(int)
    party = [actor_ids[(first + i * step) % p] for i in range(4)]
    parties = join(party[0], ";", party[1])
    parties = np.where(count >= 3, join(parties, ";", party[2]), parties)
    parties = np.where(count >= 4, join(parties, ";", party[3]), parties)
    free = p - 3 * step - 1
    via = actor_ids[(first + 3 * step + 1 + (rng.random(n) * free).astype(int)) % p]
    left_out = actor_ids[(first + 3 * step + 1 + (rng.random(n) * free).astype(int)) % p]
    date, day, precision = partial_dates(rng, n, empty=0.12, year=0.15, month=0.2)
    u = rng.random(n)
    by_day = (precision == 0) & (u < 0.15)
    by_month = (precision == 1) & (u < 0.1)
    end_day = np.datetime_as_string(day + rng.integers(1, 7, size=n).astype("timedelta64[D]"),
                                     unit="D")
    end_month = np.datetime_as_string(day.astype("datetime64[M]") + 1, unit="M")
    date_end = np.select([by_day, by_month], [end_day, end_month], default="")
    places = city_ids()
    place = places[rng.integers(0, len(places), size=n)]
    return table({
        "contact_id": numbered("DC", np.arange(1, n + 1), 7),
        "date": date,
        "date_end": date_end,
        "date_inferred": inferred(rng, date),
        "actors": parties,
        "via": blank(rng.random(n) < 0.9, via),
        "excluded": blank(rng.random(n) < 0.98, left_out),
        "place": blank(rng.random(n) < 0.3, place),
        "kind": pick(rng, CONTACT_KINDS, n, [25, 20, 8, 10, 15, 5, 10, 7, 3, 2, 3]),
        "status": pick(rng, CONTACT_STATUSES, n, [75, 15, 10]),
        "topic": numbered("Synthetic topic ", np.arange(1, 500), 1)[
            rng.integers(0, 499, size=n)],
        **provenance(rng, n, sources, pool, actor_ids),
    })


def make_other_claims(rng, n, sources, pool, actors) -> pd.DataFrame:
    actor_ids = actors["actor_id"].to_numpy()
    p = len(actor_ids)
    first, step = rng.integers(0, p, size=n), rng.integers(1, p // 2, size=n)
    about = np.where(rng.random(n) < 0.6, actor_ids[first],
                     join(actor_ids[first], ";", actor_ids[(first + step) % p]))
    date, _, _ = partial_dates(rng, n, empty=0.3, year=0.2, month=0.25)
    return table({
        "claim_id": numbered("OC", np.arange(1, n + 1), 7),
        "date": date,
        "date_inferred": inferred(rng, date),
        "actors": about,
        "kind": pick(rng, list(OTHER_CLAIM_KINDS), n, [40, 20, 25, 15]),
        "statement": numbered("Synthetic statement ", np.arange(1, 2000), 1)[
            rng.integers(0, 1999, size=n)],
        **provenance(rng, n, sources, pool, actor_ids),
    })


# -- writing -----------------------------------------------------------------------------

def generate(out: Path, rows: int = DEFAULT_ROWS, seed: int = 0, *, echo=print) -> dict:
    """Write the dataset into `out`; {file name: rows written}."""
    out = Path(out)
    if out.resolve() == (ROOT / "data").resolve():
        raise SystemExit("refusing to write synthetic data into the project's data/")
    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    out.mkdir(parents=True, exist_ok=True)
    documents = out / "documents"
    if documents.is_dir():
        shutil.rmtree(documents)
    documents.mkdir()
    actors = make_actors(rng)
    sources, held = make_sources(rng, rows)
    pool = passages(sources)
    for i in np.flatnonzero(held):
        source = sources.iloc[i]
        (documents / source["document"]).write_text(document(source, list(pool[i, :PASSAGES])),
                                                    encoding="utf-8")
    frames = {"sources": sources, "actors": actors, "places": make_places(rng)}
    makers = {"arms_sales": make_arms_sales, "fighter_estimates": make_fighter_estimates,
              "diplomatic_contacts": make_diplomatic_contacts, "other_claims": make_other_claims}
    written = {}
    for name in [*frames, *makers]:
        t0 = time.perf_counter()
        frame = frames.get(name)
        if frame is None:
            frame = makers[name](rng, rows, sources, pool, actors)
        made = time.perf_counter() - t0
        assert list(frame.columns) == list(TABLES[name].columns), name
        path = out / f"{name}.csv"
        frame.to_csv(path, index=False)
        written[path.name] = len(frame)
        echo(f"  {path.name:26} {len(frame):>10,} rows {path.stat().st_size / 1e6:9.1f} MB"
             f"  (made in {made:.1f} s, written in {time.perf_counter() - t0 - made:.1f} s)")
    echo(f"  documents/                 {int(held.sum()):>10,} held documents")
    echo(f"wrote {sum(written.values()):,} rows into {out} in "
         f"{time.perf_counter() - start:.1f} s (seed {seed})")
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, metavar="OUT_DIR")
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS,
                        help="rows in each claim table (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.rows < 1:
        parser.error("--rows must be at least 1")
    generate(args.out, args.rows, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
