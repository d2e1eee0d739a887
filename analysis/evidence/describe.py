"""Claim rows in words, shared by every subject: an arms route, a claim's side, one line
per row."""

import pandas as pd

from analysis.core import dates
from analysis.core.distinct import each_once
from analysis.core.lists import LIST_SEPARATOR
from analysis.tables import actors
from analysis.tables.load import Tables
from analysis.tables.quantities import quantities
from analysis.tables.vocab import UNATTRIBUTED


def when(date, inferred=None, end=None) -> str:
    """A row's event date in words at its precision ('June 2021', '3 to 5 May 2016' is
    '3 May 2016 to 5 May 2016'), and how the analyst inferred it where the source does not
    print it, in brackets (the analyst's words, not the source's): '9 January 2022
    [inferred: the day before publication]'."""
    text = dates.display(date) + ("" if pd.isna(end) else f" to {dates.display(end)}")
    return text + (f" [inferred: {inferred}]" if isinstance(inferred, str) else "")


def dated(frame: pd.DataFrame, column: str, end: str | None = None) -> pd.Series:
    """`when` for each row of a claim table, by its event-date `column` (and `end`)."""
    return pd.Series(each_once(when, frame[column], frame["date_inferred"],
                               *([frame[end]] if end else [])), index=frame.index, dtype="str")


def claimed_by(frame: pd.DataFrame) -> pd.Series:
    """Who each claim row is from, in words: 'according to James Clapper', or, where its
    source asserts it itself, 'unattributed, in Foreign Affairs'."""
    claimant = frame["claimant"].astype("str")
    return ("according to " + claimant).where(frame["attributed_to"].notna(),
                                              "unattributed, in " + claimant)


def named_parties(t: Tables, frame: pd.DataFrame, sep: str = " – ") -> pd.Series:
    """A contact's parties by name, and those it left out: 'Russia – Pakistan (without
    Taliban)'."""
    names = actors.names(t.actors)

    def named(ids, excluded) -> str:
        text = sep.join(names[i.strip()] for i in ids.split(LIST_SEPARATOR))
        if isinstance(excluded, str):
            text += " (without " + ", ".join(
                names[i.strip()] for i in excluded.split(LIST_SEPARATOR)) + ")"
        return text

    return pd.Series(each_once(named, frame["actors"], frame["excluded"]), index=frame.index,
                     dtype="str")


def claimant_side(frame: pd.DataFrame) -> pd.Series:
    """The state or organisation behind each claim (for colouring): its origin when the
    claim is attributed, else "Unattributed"."""
    return frame["origin"].astype("str").where(frame["attributed_to"].notna(), UNATTRIBUTED)


def routes(t: Tables, a: pd.DataFrame) -> pd.Series:
    """'Supplier → Recipient (via Transit)' for each arms row."""
    names = actors.names(t.actors)

    def route(supplier: str, recipient: str, via) -> str:
        text = f"{names[supplier]} → {names[recipient]}"
        return text if pd.isna(via) else f"{text} (via {names[via]})"

    return pd.Series(each_once(route, a["supplier"], a["recipient"], a["via"]),
                     index=a.index, dtype="str")


def describe(t: Tables, table: str, frame: pd.DataFrame) -> pd.Series:
    """A short line per claim row: what it reports, with its figure and date, and
    "; doubtful" where the claim is (`tables.vocab.DOUBTFUL`)."""
    return _reported(t, table, frame) + pd.Series(
        ["; doubtful" if d else "" for d in frame["doubtful"]], index=frame.index, dtype="str")


def _reported(t: Tables, table: str, frame: pd.DataFrame) -> pd.Series:
    names = actors.names(t.actors)
    if table == "arms_sales":
        figure = pd.Series(quantities(
            frame["quantity_qualifier"], frame["quantity_low"], frame["quantity_high"],
            frame["system"]), index=frame.index).str.removesuffix(", number not stated")
        return (routes(t, frame) + ": " + figure + ", " + frame["status"] + " ("
                + dated(frame, "event_date") + ")")
    if table == "fighter_estimates":
        figure = pd.Series(quantities(frame["qualifier"], frame["low"], frame["high"]),
                           index=frame.index)
        return (frame["group"].map(names) + ", " + frame["measure"].str.replace("_", " ")
                + ": " + figure + " (" + dated(frame, "as_of_date") + ", "
                + frame["area_name"] + ")")
    if table == "other_claims":
        return (dated(frame, "date") + ": " + frame["statement"] + " (" + frame["kind"]
                + ", " + frame["claimant"].astype("str") + ")")
    via = pd.Series([f", via {names[v]}" if isinstance(v, str) else "" for v in frame["via"]],
                    index=frame.index, dtype="str")
    return (dated(frame, "date") + ": " + named_parties(t, frame) + via + ", " + frame["kind"]
            + " (" + frame["status"] + "): " + frame["topic"])
