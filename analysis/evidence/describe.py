"""Claim rows in words, shared by every subject: an arms route, a claim's side, one line
per row."""

import pandas as pd

from analysis.core import dates
from analysis.core.distinct import each_once
from analysis.core.lists import LIST_SEPARATOR
from analysis.tables import actors
from analysis.tables.load import Tables
from analysis.tables.quantities import quantities

UNATTRIBUTED = "Unattributed"


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
                + frame["event_date"].map(dates.display) + ")")
    if table == "fighter_estimates":
        figure = pd.Series(quantities(frame["qualifier"], frame["low"], frame["high"]),
                           index=frame.index)
        return (frame["group"].map(names) + ", " + frame["measure"].str.replace("_", " ")
                + ": " + figure + " (" + frame["as_of_date"].map(dates.display) + ", "
                + frame["area"] + ")")
    parties = frame["actors"].str.split(LIST_SEPARATOR).map(
        lambda ids: " – ".join(names[i.strip()] for i in ids))
    via = pd.Series([f", via {names[v]}" if isinstance(v, str) else "" for v in frame["via"]],
                    index=frame.index, dtype="str")
    return (frame["date"].map(dates.display) + ": " + parties + via + ", " + frame["kind"]
            + " (" + frame["status"] + "): " + frame["topic"])
