"""Key facts, the bottom line's supporting statements: each a proposition computed from
the data (who talks to whom, the firmest arms deal and a transfer resting on allegation,
the latest force estimates, presence), with the evidence behind it, newest developments
first. A key fact carries no likelihood of its own: likelihood belongs to the analyst's
judgments (`analysis.evidence.questions`).
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core import words
from analysis.core.distinct import each_once, mapped
from analysis.evidence.contacts import parties, party_pairs
from analysis.evidence.describe import when
from analysis.evidence.support import STRENGTH, SUPPORT, Support, latest, newest, support
from analysis.tables import actors, derived
from analysis.tables.load import Tables
from analysis.tables.quantities import quantity
from analysis.tables.vocab import (
    ARMS_STATUSES,
    CONFIRMED,
    GRADES,
    NOT_CONTACT,
    PRESENCE,
    STAGES,
    STRONG_GRADES,
)

MAX_FACTS = 6


@dataclass(frozen=True)
class KeyFact:
    key: str  # a name prose can refer to
    proposition: str  # plain text, no estimative term
    evidence: Support
    against: Support | None = None  # rows that contradict it
    newest: pd.Timestamp | None = None  # the latest day its evidence covers

    def basis(self) -> str:
        text = f"Basis: {self.evidence.describe()}"
        if self.against is not None:
            text += f"; contradicted by {words.plural(self.against.reports, 'report')} " \
                    f"({', '.join(self.against.origins)})"
        return text + "."


def key_facts(t: Tables) -> list[KeyFact]:
    """Up to `MAX_FACTS` facts, newest developments first (undated ones last)."""
    found = [*_contacts(t), *_arms(t), *_estimates(t, "fighters", groups=1),
             *_presence(t), *_estimates(t, "fighters", groups=2)]
    unique = list({f.key: f for f in found}.values())[:MAX_FACTS]
    dated = [_dated(t, f) for f in unique]
    return sorted(dated, key=lambda f: f.newest if f.newest is not None
                  else pd.Timestamp.min, reverse=True)


def _dated(t: Tables, fact: KeyFact) -> KeyFact:
    frame = getattr(t, fact.evidence.table).loc[list(fact.evidence.rows)]
    return KeyFact(fact.key, fact.proposition, fact.evidence, fact.against,
                   newest(fact.evidence.table, frame))


def _contacts(t: Tables) -> list[KeyFact]:
    """The pair of parties with the best-supported record of contacts that took place."""
    c = t.diplomatic_contacts
    occurred = c.loc[(c["status"] == "occurred") & ~c["kind"].isin(NOT_CONTACT), "origin"]
    every = parties(t)
    pairs = party_pairs(every[every["row"].isin(occurred.index)])
    if pairs.empty:
        return []
    origin = occurred.cat.codes.to_numpy()[occurred.index.get_indexer(pairs["row"])]
    n = len(pairs["a"].cat.categories)  # each pair as one number, in (a, b) order
    pair = pairs["a"].cat.codes.to_numpy("int64") * n + pairs["b"].cat.codes.to_numpy()
    scores = pd.DataFrame({"pair": pair, "origin": origin}).groupby("pair").agg(
        origins=("origin", "nunique"), reports=("origin", "size"))
    top = scores.sort_values(["origins", "reports"], ascending=False, kind="stable").index[0]
    a, b = pairs["a"].cat.categories[[top // n, top % n]]
    chosen = pairs.loc[pair == top, "row"]
    rows = c.loc[c.index.isin(chosen), ["date_first", "via", *SUPPORT]]  # perhaps millions
    best = support("diplomatic_contacts", rows)
    names = actors.names(t.actors)
    years = rows["date_first"].dropna().dt.year
    span = (f", dated ones from {years.min()} to {years.max()}" if years.nunique() > 1
            else f", dated {years.min()}" if len(years) else "")
    via = rows["via"].dropna().map(names).unique()
    through = (f", {words.plural(int(rows['via'].notna().sum()), 'of them', 'of them')} "
               f"through {words.series(list(via), words.NAMED)}" if len(via) else "")
    return [KeyFact(
        f"contacts_{a}_{b}".replace("-", "_"),
        f"{names[a]} and {names[b]} have been in contact: "
        f"{words.plural(best.reports, 'report')} of contact on record{span}{through}",
        best)]


def _arms(t: Tables) -> list[KeyFact]:
    """The best-supported deal that reached a confirmed stage (a contract or delivery), and
    the furthest transfer resting on allegation alone (the one most reported). Every deal
    is scored at once; propositions are worded for the chosen ones only."""
    a = t.arms_sales
    if a.empty:
        return []
    # every report as codes: a deal in order first seen, an origin, a grade in grade order
    deal_of, _ = pd.factorize(a["deal_key"])
    grade, grade_letters = a["grade"].cat.codes.to_numpy(), a["grade"].cat.categories
    reports = pd.DataFrame({"deal": deal_of, "stage": mapped(a["status"], STAGES).to_numpy(),
                            "origin": a["origin"].cat.codes.to_numpy(),
                            "grade": grade, "strong": grade_letters.isin(STRONG_GRADES)[grade]},
                           index=a.index)
    denied = reports[reports["stage"] == STAGES["denied"]]
    live = reports[reports["stage"] != STAGES["denied"]]
    names = actors.names(t.actors)

    def fact(deal: int, status: str, at: pd.DataFrame) -> KeyFact:
        rows = a.loc[at.index]
        against = a.loc[denied.index[denied["deal"] == deal]]
        return _deal_fact(names, status, rows,
                              support("arms_sales", against) if len(against) else None)

    rank = np.array([GRADES.index(g) for g in grade_letters])  # a grade code's place
    chosen = []
    candidates = []
    for status in CONFIRMED:  # a report of a later stage also attests the earlier ones
        reached = live[live["stage"] >= STAGES[status]]
        at = reached[reached["deal"].isin(live.loc[live["stage"] == STAGES[status], "deal"])]
        if at.empty:
            continue
        scored = _scores(at).assign(status=status)
        scored["best"] = rank[scored["best"].to_numpy()]
        scored["contradicted"] = scored.index.isin(denied["deal"])
        candidates.append(scored)
    if candidates:  # the firmest: uncontradicted, most strong origins, most origins, best
        scored = pd.concat(candidates)
        scored["first_seen"] = scored.index
        top = scored.sort_values(
            ["contradicted", "strong", "origins", "best", "first_seen"],
            ascending=[True, False, False, True, True], kind="stable").iloc[0]
        deal, status = top.name, top["status"]
        chosen.append(fact(deal, status, live[(live["deal"] == deal)
                                                  & (live["stage"] >= STAGES[status])]))
    furthest = live.groupby("deal", sort=False)["stage"].max()
    alleged = furthest.index[furthest == STAGES["alleged"]]
    if len(alleged):
        counts = live.loc[live["deal"].isin(alleged), "deal"].value_counts(sort=False)
        deal = counts.index[counts.to_numpy().argmax()]
        chosen.append(fact(deal, "alleged", live[live["deal"] == deal]))
    return chosen


def _scores(rows: pd.DataFrame) -> pd.DataFrame:
    """Per deal: independent origins, those graded A or B, the best grade (its code)."""
    strong = rows[rows["strong"]].groupby("deal")["origin"].nunique()
    out = rows.groupby("deal").agg(origins=("origin", "nunique"), best=("grade", "min"))
    out["strong"] = strong.reindex(out.index, fill_value=0)
    return out


def _deal_fact(names, status, rows, against) -> KeyFact:
    """The deal at `status`, in the words of its best-graded report at that stage: the
    items that source lists (several reports of one item spell it several ways)."""
    proposition = ARMS_STATUSES[status].proposition
    if proposition is None:
        raise ValueError(f"no key judgment is made of a deal {status}")
    first = rows.iloc[0]
    at = rows[rows["status"] == status]
    at = at.sort_values(["grade", "reported_date_first"])
    told = at[at["source_id"] == at["source_id"].iloc[0]]
    what = words.series(list(dict.fromkeys(
        quantity(r.quantity_qualifier, r.quantity_low, r.quantity_high, r.system)
        .removesuffix(", number not stated") for r in told.itertuples())), words.NAMED)
    told_when = pd.concat([told, at])
    told_when = told_when[told_when["event_date"].notna()]
    dated = (f" ({when(told_when['event_date'].iloc[0], told_when['date_inferred'].iloc[0])})"
             if len(told_when) else "")
    via = f" via {names[first.via]}" if isinstance(first.via, str) else ""
    text = proposition.format(
        s=names[first.supplier], r=names[first.recipient], what=what) + via + dated
    key = f"arms_{derived.deals(rows).iloc[0]}_{status}".replace("-", "_")
    return KeyFact(key, text, support("arms_sales", rows), against)


def _estimates(t: Tables, measure: str, groups: int) -> list[KeyFact]:
    """For the `groups`-th most estimated group in a place: the range of its latest year's
    estimates of that place (doubtful ones left out; a province's never the country's)."""
    e = t.fighter_estimates
    e = e.loc[e["measure"] == measure, ["estimate_id", "group", "area", "area_name",
                                        "qualifier", "low",
                                        "high", "as_of_date_first", "source_id", "origin",
                                        "grade", "doubtful"]]
    ranked = e.groupby(["group", "area"], observed=True).size().sort_values(
        ascending=False, kind="stable")
    e = e[e["as_of_date_first"].notna() & (e["low"].notna() | e["high"].notna())
          & ~e["doubtful"]]
    if len(ranked) < groups:
        return []
    group, area = ranked.index[groups - 1]
    rows = e[(e["group"] == group) & (e["area"] == area)]
    if rows.empty:
        return []
    year = rows["as_of_date_first"].dt.year.max()
    rows = rows[rows["as_of_date_first"].dt.year == year]
    # the span of the year's stated numbers; an estimate without a high end leaves it open
    low, high = rows["low"].min(), rows["high"].max()
    if len(rows) == 1:
        r = rows.iloc[0]
        figure = quantity(r["qualifier"], r["low"], r["high"])
    elif rows["high"].isna().any():
        figure = f"at least {words.number(low)}"
    elif pd.isna(low):
        figure = f"up to {words.number(high)}"
    else:
        figure = f"between {words.number(low)} and {words.number(high)}"
    place = rows["area_name"].iloc[0]
    name = actors.names(t.actors)[group]
    return [KeyFact(f"{measure}_{group}_{area}_{year}".replace("-", "_"),
                     f"{name} {measure} in {place} numbered {figure} in {year} "
                     f"({words.plural(len(rows), 'estimate')} dated that year)",
                     support("fighter_estimates", rows))]


def _presence(t: Tables) -> list[KeyFact]:
    """The latest statement of where a group is present, as a part of the whole ("25 of 34
    provinces") or in words ("nearly all provinces"): of statements as late as each other,
    the strongest evidence; the last in the table when none is dated. With every report of
    the same figure."""
    e = t.fighter_estimates
    e = e.loc[(e["measure"] == PRESENCE) & (e["qualifier"] != "unknown"), list(dict.fromkeys([
        "group", "as_of_date", "date_inferred", "stated", "out_of", "as_of_date_first",
        "as_of_date_last", *STRENGTH, *SUPPORT]))]  # the columns read: perhaps millions of rows
    if e.empty:
        return []
    label = latest(e, "as_of_date")
    r = e.loc[e.index[-1] if label is None else label]
    e = e[e["group"] == r["group"]]  # the statement's figure, and every report of it
    figure = e["stated"].astype("str") + pd.Series(each_once(
        lambda n: "" if pd.isna(n) else f" of {words.number(n)}", e["out_of"]), index=e.index)
    same = e[figure == figure[r.name]]
    unit = PRESENCE.removesuffix("_with_presence")
    date = (f" ({when(r['as_of_date'], r['date_inferred'])})"
            if isinstance(r["as_of_date"], str) else "")
    name = actors.names(t.actors)[r["group"]]
    return [KeyFact(f"presence_{r['group']}".replace("-", "_"),
                     f"{name} had a presence in {figure[r.name]} {unit}{date}",
                     support("fighter_estimates", same))]
