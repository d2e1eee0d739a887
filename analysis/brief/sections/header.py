"""The masthead: handling line, title, and what the edition is drawn from."""

from datetime import datetime

import pandas as pd

from analysis import contract
from analysis.brief.prose import Fact
from analysis.brief.section import Section
from analysis.core import dates, words
from analysis.tables.load import Tables


def section(t: Tables, *, title: str, marking: str, focus: list[str], since: str | None,
            built: datetime) -> Section:
    cited = pd.concat([f["source_id"] for _, f in t.claims()]).unique()
    rows = sum(len(f) for _, f in t.claims())
    as_of = (f"as of {dates.display(t.as_of.isoformat())}" if t.as_of
             else "all reporting on file")
    drawn = (f"{words.plural(len(cited), 'source')}, {words.plural(rows, 'claim')}" if rows
             else "no claim on record yet")
    facts = [("Edition", as_of), ("Built", f"{built:%d %B %Y, %H:%M} UTC"),
             ("Drawn from", drawn)]
    if focus:
        facts.append(("Focus", ", ".join(focus)))
    if since:
        facts.append(("Events since", dates.display(since)))
    if t.as_of and t.excluded_undated:
        facts.append(("Left out", f"{words.plural(t.excluded_undated, 'claim')} whose "
                                  "source's publication date is unknown"))
    return Section(None, contract.masthead(marking, title, facts),
                   facts={"sources": Fact(words.plural(len(cited), "source")),
                          "claims": Fact(words.plural(rows, "claim"))})
