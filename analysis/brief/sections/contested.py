"""Contested figures: claims reported with different numbers, and figures credited to
different claimants, every version side by side."""

from typing import TYPE_CHECKING

from analysis.brief import limits
from analysis.brief.citations import Citations
from analysis.brief.prose import Fact
from analysis.brief.section import Section, heading, shown
from analysis.core import dates, words
from analysis.core.markup import Markup, table
from analysis.evidence import contested
from analysis.evidence.contested import Contest
from analysis.evidence.describe import routes
from analysis.tables import actors
from analysis.tables.load import Tables

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief") -> Section:
    """Figures the sources disagree on."""
    t, cite = b.t, b.cite
    blocks = []
    arms, arms_total = contested.contests(t, "arms_sales", lambda rows: _deal(t, rows),
                                          limits.CONTESTS)
    estimates, estimates_total = contested.contests(
        t, "fighter_estimates", lambda rows: _estimate(t, rows), limits.CONTESTS)
    for c in arms:
        blocks.append(_contest_table(t, cite, c, "status"))
    for c in estimates:
        blocks.append(_contest_table(t, cite, c, "claimant"))
    jumps, jumps_total = contested.jumps(t, lambda rows: _jump(t, rows), limits.CONTESTS)
    for c in jumps:
        blocks.append(_contest_table(t, cite, c, "claimant"))
    disputed, disputed_total = contested.disputed_attributions(t, limit=limits.CONTESTS)
    for a in disputed:
        rows = [(r.origin + ("" if r.claimant == r.origin else f" ({r.claimant})"),
                 r.figure, r.when, r.grade, cite.claim("fighter_estimates", r.row))
                for r in a.rows.itertuples()]
        blocks.append(table(
            ["Credited to", "Figure as reported", "As of", "Grade", "Source"], rows,
            caption=Markup("The figure of {} is credited to {}.").format(
                a.what, words.plural(a.rows["origin"].nunique(), "origin")),
            classes="compact contest"))
    count = arms_total + estimates_total
    facts = {"contested": Fact(words.plural(count, "contested figure")),
             "disputed": Fact(words.plural(disputed_total, "disputed attribution"))}
    listed = len(arms) + len(estimates) + len(jumps) + len(disputed)
    if listed < count + jumps_total + disputed_total:
        blocks.insert(0, Markup("<p>Shown below: the {} most reported.</p>").format(listed))
    jumped = (Markup(" Figures of one origin {} times apart within months: {}.").format(
        words.cardinal(contested.JUMP), jumps_total) if jumps_total else "")
    intro = Markup(
        "<p>Claims reported with different numbers: {}. Figures credited to different "
        "claimants: {}.{} Each version is shown side by side with its origins and source "
        "grades; nothing here is averaged or resolved.</p>").format(
            count or "none", disputed_total or "none", jumped)
    return Section("contested", heading("contested"), intro, *blocks, facts=facts)


def _deal(t: Tables, rows) -> str:
    return routes(t, rows).iloc[0] + ": " + rows["system"].iloc[0]


def _estimate(t: Tables, rows) -> str:
    r = rows.iloc[0]
    return (f"{actors.names(t.actors)[r['group']]} {r['measure'].replace('_', ' ')} "
            f"in {r['area_name']}, {dates.display(r['as_of_date'])}")


def _jump(t: Tables, rows) -> str:
    r = rows.sort_values("as_of_date_first")
    first, last = r.iloc[0], r.iloc[-1]
    return (f"{actors.names(t.actors)[first['group']]} {first['measure'].replace('_', ' ')} "
            f"in {first['area_name']}, {dates.display(first['as_of_date'])} to "
            f"{dates.display(last['as_of_date'])}, by {first['origin']}")


def _contest_table(t: Tables, cite: Citations, c: Contest, detail: str) -> Markup:
    reports = c.versions["rows"].map(len)  # the most reported figures, in their order
    versions = c.versions.loc[sorted(reports.sort_values(
        ascending=False, kind="stable").index[:limits.TABLE_ROWS])]
    details = getattr(t, c.table)[detail]
    rows = [(v.figure, words.listed(list(dict.fromkeys(details.loc[list(v.rows)]))),
             words.listed(v.origins), ", ".join(v.grades), cite.claims(c.table, v.rows))
            for v in versions.itertuples()]
    verdict = ("the figures cannot all be right" if c.conflict else "the figures differ")
    who = "between origins" if c.between_origins else "in relays of one origin"
    if c.jump:
        verdict = (f"one origin's figures {words.cardinal(contested.JUMP)} times apart within "
                   "months")
        who = "a slip or a relay's error is likelier than news"
    part = shown(len(versions), len(c.versions), "figure", "most reported")
    return table(["Figure", "Stage" if detail == "status" else "Claimed by", "Origins",
                  "Grades", "Sources"], rows,
                 caption=Markup("{}: {} ({}){}.").format(c.what, verdict, who, part),
                 classes="compact contest")
