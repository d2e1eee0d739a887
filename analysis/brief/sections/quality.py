"""Where the evidence comes from (deep dives): reports by source grade and kind, and by
origin."""

from typing import TYPE_CHECKING

import pandas as pd

from analysis.brief.section import Section, heading
from analysis.charts import quality as charts
from analysis.charts.figure import Figure
from analysis.core.markup import Markup, table
from analysis.evidence.profile import evidence_profile

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief") -> Section:
    """Where the evidence comes from (deep dives)."""
    t, cite = b.t, b.cite
    profile = evidence_profile(t)
    parts: list[Markup | Figure] = [heading("quality")]
    if profile.empty:
        parts.append(Markup("<p>No reports in this selection.</p>"))
        return Section("quality", *parts)
    parts.append(Figure(charts.evidence_profile(profile), cite.sources(
        profile["source_id"].str.split(",").explode())))
    rows = []
    for name, frame in t.claims():
        if frame.empty:
            continue
        origin = frame["origin"]  # counted as codes: in the order the text would be
        found = pd.Series(origin.cat.codes).value_counts()
        rows += [(name.replace("_", " "), origin.cat.categories[code], count)
                 for code, count in found.items() if code >= 0]
    parts.append(table(["Table", "Origin (who the claim comes from)", "Reports"], rows,
                       caption="Reports by origin: relays of one claimant count once "
                               "as an origin.", classes="compact"))
    return Section("quality", *parts)
