"""English for numbers and lists: '3,000', '1 report', 'A, B and C', 'an actor_id'."""

import re
from collections.abc import Iterable

NAMED = 4
"""Items a list in the prose names before counting the rest ("A, B, C, D and 12 others"):
a whole database's list would run for pages (the default data's longest has 3)."""

LISTED = 8
"""Names a list in parentheses gives (a basis's origins, a chart's claimants) before counting
the rest (the default data's longest has 6)."""

_CARDINALS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
              "ten", "eleven", "twelve")


def number(value) -> str:
    return f"{int(value):,}"


def cardinal(count: int) -> str:
    """'eight'; digits beyond twelve."""
    return _CARDINALS[count] if 0 <= count < len(_CARDINALS) else number(count)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else plural_form or singular + 's'}"


def slug(text: str) -> str:
    """`text` as an id: lowercase letters and digits, runs of anything else one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def article(word: str) -> str:
    """'a' or 'an' before `word` (by its first letter)."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def listed(items: Iterable[object], most: int = LISTED) -> str:
    """'A, B, C'; beyond `most` items, the first ones and 'and 3 others'."""
    texts = [str(i) for i in items]
    more = f" and {plural(len(texts) - most, 'other')}" if len(texts) > most else ""
    return ", ".join(texts[:most]) + more


def series(items: Iterable[object], most: int | None = None, conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C' (or `conjunction`); with `most`, at most that many,
    then 'and 3 others'."""
    texts = [str(i) for i in items]
    if most is not None and len(texts) > most:
        return listed(texts, most)
    if len(texts) < 3:
        return f" {conjunction} ".join(texts)
    return ", ".join(texts[:-1]) + f" {conjunction} " + texts[-1]
