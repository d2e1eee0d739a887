"""The wider picture: the claims no other section holds, grouped by what they are about
(`evidence.wider` says how, and in what order), each in one sentence with its date, who
claims it, and its source."""

from typing import TYPE_CHECKING

import pandas as pd

from analysis.brief import limits
from analysis.brief.citations import Citations
from analysis.brief.section import Section, heading, shown
from analysis.core import words
from analysis.core.markup import Markup, join
from analysis.evidence import wider
from analysis.evidence.describe import claimed_by, dated

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief") -> Section:
    """The other claims, grouped by what they are about: the first `limits.WIDER_CLAIMS`
    claims, the biggest groups first; the groups left out are counted."""
    t, cite = b.t, b.cite
    claims = wider.grouped(t)
    if claims.empty:
        return Section("wider", heading("wider"), Markup(
            "<p>No other claim is on record in this selection.</p>"))
    listed = claims.head(limits.WIDER_CLAIMS)
    groups = [_group(about, rows, cite) for about, rows in listed.groupby("about", sort=False)]
    parts = [heading("wider"),
             Markup("<p>{} that are not arms transfers, estimates or contacts, by the states "
                    "and organisations they are about: the biggest group first, and in each "
                    "the newest claim first.</p>").format(words.plural(len(claims), "claim")),
             Markup('<ul class="findings">{}</ul>').format(join(groups))]
    rest = claims[~claims["about"].isin(listed["about"])]
    if not rest.empty:
        parts.append(Markup("<p>Not listed: {} in {}.</p>").format(
            words.plural(len(rest), "more claim"),
            words.plural(rest["about"].nunique(), "other group")))
    return Section("wider", *parts)


def _group(about: str, rows: pd.DataFrame, cite: Citations) -> Markup:
    """A group's name, then each claim in a sentence: 'Statement (9 February 2016,
    according to James Clapper)[1].'"""
    said = (rows["statement"].str.removesuffix(".") + " (" + dated(rows, "date") + ", "
            + claimed_by(rows) + rows["doubtful"].map({True: "; doubtful", False: ""}) + ")")
    claims = join(Markup("<li>{}{}.</li>").format(text, cite.claim("other_claims", label))
                  for label, text in said.items())
    return Markup("<li><strong>{}</strong>{}<ul>{}</ul></li>").format(
        about, shown(len(rows), rows["size"].iloc[0], "claim", "newest"), claims)
