"""Actors: their names, the names and aliases that resolve to them, and their `part_of`
chains. The one place that says how a name finds an actor (case-insensitive, by id, name
or alias) and how a chain is walked. Functions take the actors' columns, not `Tables`, so
the validator, the loader and the importers share them."""

from collections.abc import Iterable

import pandas as pd

from analysis.core.lists import LIST_SEPARATOR
from analysis.errors import ParameterError


def key(name: str) -> str:
    """What a name is looked up by: case and surrounding spaces do not count."""
    return name.strip().casefold()


def names(actors: pd.DataFrame) -> dict[str, str]:
    """Each actor id -> its English name."""
    return dict(zip(actors["actor_id"], actors["name"], strict=True))


def spellings(actor_id: str, name: str, aliases) -> list[str]:
    """Every name an actor goes by: its id, its name and its aliases (a list cell)."""
    return [actor_id, name, *(aliases.split(LIST_SEPARATOR) if isinstance(aliases, str)
                              else [])]


def lookup(rows: Iterable[tuple[str, str, str | None]]) -> dict[str, str]:
    """`key` of every spelling -> actor id, for (actor_id, name, aliases) rows."""
    return {key(spelling): actor_id for actor_id, name, aliases in rows
            for spelling in spellings(actor_id, name, aliases) if spelling.strip()}


def resolve(actors: pd.DataFrame, wanted: list[str]) -> set[str]:
    """Actor ids for names, ids or aliases, with every actor that is part of them (focus on
    Russia includes Russia's envoy)."""
    found = lookup(zip(actors["actor_id"], actors["name"], actors["aliases"], strict=True))
    unknown = [n for n in wanted if key(n) not in found]
    if unknown:
        raise ParameterError(f"focus: unknown actor {', '.join(unknown)} "
                             "(expected an actor id, name or alias from actors.csv)")
    chosen = {found[key(n)] for n in wanted}
    parent = _parents(actors)
    grew = True
    while grew:
        extra = {a for a, p in parent.items() if p in chosen and a not in chosen}
        chosen |= extra
        grew = bool(extra)
    return chosen


def tops(actors: pd.DataFrame) -> dict[str, str]:
    """Each actor id -> the id at the top of its part_of chain (a state or organisation)."""
    parent = _parents(actors)
    top = {}
    for actor in parent:
        seen, current = {actor}, actor
        while isinstance(parent.get(current), str) and parent[current] not in seen:
            current = parent[current]
            seen.add(current)
        top[actor] = current
    return top


def _parents(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors["actor_id"], actors["part_of"], strict=True))
