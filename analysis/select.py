"""Narrowing the tables: to actors of interest (`focus`) and to events since a day."""

from dataclasses import replace

import pandas as pd

from . import lists
from .errors import ParameterError
from .load import Tables
from .params import parse_day
from .schema import LIST_SEPARATOR

ACTOR_COLUMNS = {
    "arms_sales": ("supplier", "recipient", "via"),
    "fighter_estimates": ("group",),
    "diplomatic_contacts": ("actors", "via"),
}
EVENT_DATES = {"arms_sales": "event_date", "fighter_estimates": "as_of_date",
               "diplomatic_contacts": "date"}


def resolve_actors(t: Tables, names: list[str]) -> set[str]:
    """Actor ids for names, ids or aliases (case-insensitive), with every actor that is
    part of them (focus on Russia includes Russia's envoy)."""
    lookup = {}
    for row in t.actors.itertuples():
        keys = [row.actor_id, row.name] + (row.aliases.split(LIST_SEPARATOR)
                                           if isinstance(row.aliases, str) else [])
        lookup.update({k.strip().casefold(): row.actor_id for k in keys})
    unknown = [n for n in names if n.strip().casefold() not in lookup]
    if unknown:
        raise ParameterError(f"focus: unknown actor {', '.join(unknown)} "
                             "(expected an actor id, name or alias from actors.csv)")
    chosen = {lookup[n.strip().casefold()] for n in names}
    parent = dict(zip(t.actors["actor_id"], t.actors["part_of"], strict=True))
    grew = True
    while grew:
        extra = {a for a, p in parent.items() if p in chosen and a not in chosen}
        chosen |= extra
        grew = bool(extra)
    return chosen


def narrow(t: Tables, focus: list[str] | None = None, since: str | None = None) -> Tables:
    """Claim rows involving the focus actors, and not wholly before `since`."""
    if not focus and not since:
        return t
    frames = {}
    wanted = resolve_actors(t, focus) if focus else None
    cutoff = pd.Timestamp(parse_day(since)) if since else None
    for name, frame in t.claims():
        keep = pd.Series(True, index=frame.index)
        if wanted is not None:
            involved = pd.Series(False, index=frame.index)
            for column in ACTOR_COLUMNS[name]:  # one actor, or a list of them
                ids = lists.items(frame[column])
                involved |= frame.index.isin(ids.index[ids.isin(wanted)])
            keep &= involved
        if cutoff is not None:
            last = frame[f"{EVENT_DATES[name]}_last"]
            keep &= last.isna() | (last >= cutoff)
        frames[name] = frame[keep]
    return replace(t, **frames)
