"""The wider picture: the other claims (assessments, intentions, events, background), grouped
by what they are about. The table has no topic, so a claim is about the states and
organisations it names: each named actor counts as the top of its `part_of` chain (an
envoy's claims go with his state's), and a group is one set of those. The biggest group
comes first; of two as big, the one with the newer claim; undated claims count as oldest.
Within a group, the newest claim first (`core.dates.newest_first`), undated ones last."""

import pandas as pd

from analysis.core import dates, words
from analysis.core.distinct import each_once
from analysis.core.lists import LIST_SEPARATOR
from analysis.tables import actors
from analysis.tables.load import Tables


def grouped(t: Tables) -> pd.DataFrame:
    """The other claims in that order, with `about`, the group in words ('Iran and
    Taliban'), and `size`, its number of claims."""
    c = t.other_claims
    names, tops = actors.names(t.actors), actors.tops(t.actors)

    def about(ids: str) -> str:
        return words.series(sorted({names[tops[i.strip()]] for i in ids.split(LIST_SEPARATOR)}))

    c = c.assign(about=pd.Series(each_once(about, c["actors"]), index=c.index, dtype="str"),
                 rank=dates.newest_first(c["date_first"], c["date_last"]))
    group = c.groupby("about")["rank"]
    c = c.assign(size=group.transform("size"), newest=group.transform("min"))
    return c.sort_values(["size", "newest", "rank"], ascending=[False, True, True],
                         kind="stable").drop(columns=["rank", "newest"])
