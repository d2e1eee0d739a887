"""The brief, section by section: what a notebook calls, one call per section.

    b = Brief(data_dir=data_dir, as_of=as_of, since=since, focus=focus, title=title,
              marking=marking)
    b.header()
    b.arms()
    ...

Each call returns a `Section`, which Jupyter displays as its parts: HTML (narrative,
tables) and figures (Altair charts with their source line).
"""

from dataclasses import replace
from datetime import UTC, datetime

import pandas as pd

from . import changes, charts, dates, evidence, judgments, narrative, prepare, provenance, wording
from .citations import Citations
from .figures import Figure
from .html import Markup, escape, table
from .load import load_tables
from .prose import Fact, Prose, resolve
from .schema import CLAIM_TABLES
from .select import narrow

# How much a brief shows of tables that hold whole databases: the most reported items, and
# a count of the rest ("and 1,234 more"); the data and deep dives hold everything.
# The caps leave the default data whole (its longest table, of estimates, has 31 rows).
TABLE_ROWS = 35  # rows of a section's table
EVIDENCE_ROWS = 400  # rows of a deep dive's every-report table
CHART_ROUTES = 20  # supply routes drawn
CHART_POINTS = 150  # dated estimates or contacts drawn (the most recent)
CHART_ROWS = 20  # rows of a timeline: the sets of parties, or deals, with most dated reports
NETWORK_ACTORS = 40  # actors in the who-talks-to-whom network
NETWORK_LINKS = 60  # links among them drawn (those with most contacts)
WAFFLES = 4  # part-of-whole figures drawn (the most reported)
CONTESTS = 4  # contested claims, and disputed figures, shown (the most reported)
CELL_ITEMS = 4  # figures listed in one table cell (the default data lists at most 3)
SUMMARY_ROUTES = 8  # routes the arms summary words (the most reported)
QUOTES_PER_SOURCE = 30  # passages listed under a source (the seed article has 17)
QUOTES_IN_ALL = 250  # passages the Sources list in all (the default data has 84)

SECTIONS = {
    "judgments": "Bottom line up front",
    "arms": "Arms transfers",
    "estimates": "Fighter and force estimates",
    "contacts": "Diplomatic contacts",
    "quality": "Where the evidence comes from",
    "contested": "Contested figures",
    "evidence": "Every report, in its source's words",
    "changes": "What changed",
    "sources": "Sources",
    "colophon": "Colophon",
}
"""Section id -> heading, in brief order; the ids are the HTML anchors."""


class Section:
    """Displayable parts of one section. The first part's output metadata carries the
    section's table-of-contents entry, or marks the masthead (after which the contents go).
    """

    def __init__(self, key: str | None, *parts):
        self.key = key
        self.parts = [p for p in parts if p]

    def html(self) -> str:
        return "".join(str(p) for p in self.parts if not isinstance(p, Figure))

    def _ipython_display_(self):
        from IPython.display import display

        for i, part in enumerate(self.parts):
            if isinstance(part, Figure):
                display(part)
                continue
            meta = {}
            if i == 0:
                meta = {"bedfellows": {"toc": [self.key, SECTIONS[self.key]]} if self.key
                        else {"masthead": True}}
            display({"text/html": str(part)}, raw=True, metadata=meta)


def _shown(shown: int, total: int, noun: str, which: str) -> str:
    """' (the 60 most reported of 1,234 deals)' when a table shows only part."""
    if shown >= total:
        return ""
    return f" (the {shown:,} {which} of {wording.plural(total, noun)})"


def _drawn(rows: pd.Series, most: int, noun: str, drawn: int, item: str) -> Markup:
    """A chart caption's ' Drawn: ...' when a chart of one row (or panel) per value of
    `rows` (one per dated `item`) draws the `most` values with most items, and of their
    items the `drawn` latest: a whole database would draw thousands of rows."""
    counts = rows.value_counts()
    counts = counts[counts > 0]  # a categorical counts its unused values too
    many, of = len(counts) > most, int(counts.head(most).sum())
    said = "; ".join(filter(None, [
        f"the {most} {noun} with most {item}s, of {len(counts):,}" if many else "",
        f"the {drawn:,} latest of {'their ' if many else ''}{wording.plural(of, item)}"
        if drawn < of else ""]))
    return escape(f" Drawn: {said}.") if said else Markup("")


def _others(shown: int, total: int) -> str:
    """How the estimates table's rows of other measures are described in its caption."""
    if not total:
        return ""
    if not shown:
        return f"; other measures ({wording.plural(total, 'estimate')}) not shown"
    return "; then other measures" + _shown(shown, total, "estimate", "first")


def _fair_share(counts: pd.Series, total: int, most: int) -> int:
    """The largest number of items each may list, at most `most`, so that all together
    list at most `total` (a source with fewer lists all of its own)."""
    share = most
    while share > 1 and counts.clip(upper=share).sum() > total:
        share -= 1
    return share


def _moment(iso: str | None) -> str:
    """'28 November 2026, 06:39 UTC' from an ISO timestamp."""
    if not iso:
        return "at an unknown time"
    return f"{datetime.fromisoformat(iso).astimezone(UTC):%d %B %Y, %H:%M} UTC".lstrip("0")


def _heading(key: str) -> Markup:
    return Markup(f'<h2 id="{key}">{escape(SECTIONS[key])}</h2>')


class Brief:
    """The loaded, narrowed tables of one brief, and the citations it accumulates."""

    def __init__(self, *, data_dir=None, as_of=None, since=None, focus=(), title="Brief",
                 marking="", previous=None, tables=CLAIM_TABLES, **parameters):
        """`tables`: the claim tables the brief covers (a deep dive covers one)."""
        self.parameters = dict(data_dir=data_dir, as_of=as_of, since=since, focus=focus,
                               title=title, marking=marking, previous=previous, **parameters)
        self.title, self.marking, self.since, self.previous = title, marking, since, previous
        self.focus = list(focus or [])
        self.loaded = load_tables(data_dir, as_of)
        narrowed = narrow(self.loaded, self.focus, since)
        left_out = {name: frame.iloc[0:0] for name, frame in narrowed.claims()
                    if name not in tables}
        # a copy starts its derived values afresh: the whole brief keeps those loaded with it
        self.t = replace(narrowed, **left_out) if left_out else narrowed
        self.cite = Citations(self.t)
        self.built = datetime.now(UTC)
        self.facts: dict[str, Fact] = {}
        """What the analyst's prose may refer to (`prose`); sections add to it."""

    def prose(self, markdown: str) -> Prose:
        """The analyst's Markdown with `{name}` references to the brief's facts resolved."""
        return Prose(resolve(markdown, self.facts))

    # 1. Header
    def header(self) -> Section:
        t = self.t
        cited = pd.concat([f["source_id"] for _, f in t.claims()]).unique()
        rows = sum(len(f) for _, f in t.claims())
        as_of = (f"as of {dates.display(t.as_of.isoformat())}" if t.as_of
                 else "all reporting on file")
        facts = [("Edition", as_of), ("Built", f"{self.built:%d %B %Y, %H:%M} UTC"),
                 ("Drawn from", f"{wording.plural(len(cited), 'source')}, "
                                f"{wording.plural(rows, 'claim')}")]
        if self.focus:
            facts.append(("Focus", ", ".join(self.focus)))
        if self.since:
            facts.append(("Events since", dates.display(self.since)))
        if t.as_of and t.excluded_undated:
            facts.append(("Left out", f"{wording.plural(t.excluded_undated, 'claim')} whose "
                                      "source's publication date is unknown"))
        self.facts.update(sources=Fact(wording.plural(len(cited), "source")),
                          claims=Fact(wording.plural(rows, "claim")))
        dl = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
        return Section(None, Markup(
            f'<header class="masthead"><p class="marking">{escape(self.marking)}</p>'
            f'<h1>{escape(self.title)}</h1><dl class="facts">{dl}</dl></header>'))

    # 2. Bottom line up front
    def judgments(self) -> Section:
        found = judgments.key_judgments(self.t)
        items = []
        for j in found:
            cites = self.cite.claims(j.evidence.table, j.evidence.rows)
            self.facts[j.key] = Fact(j.proposition, cites)
            self.facts[f"{j.key}_likelihood"] = Fact(j.term)
            items.append(Markup(
                '<li><p class="judgment"><strong class="term">{term}</strong>: {text}{cites}.'
                '</p><p class="basis">{basis}</p></li>').format(
                    term=j.term.capitalize(), text=j.proposition, cites=cites,
                    basis=j.basis()))
        if not items:
            body = Markup("<p>The data in this selection supports no key judgment.</p>")
        else:
            body = Markup('<ol class="judgments">{}</ol>').format(Markup("").join(items))
        rule = Markup("").join(Markup("<li>{}</li>").format(r) for r in judgments.RULES)
        method = Markup(
            '<details class="method"><summary>How likelihood is assessed</summary><p>Each '
            "judgment is computed from the data. Its likelihood term (ICD 203) follows from "
            "the evidence behind it, counting independent origins, not reports: two outlets "
            "relaying one claimant are one origin. Grades are the sources' Admiralty "
            "reliability, A (completely reliable) to F (cannot be judged).</p>"
            "<ol>{}</ol></details>").format(rule)
        return Section("judgments", _heading("judgments"), body + method)

    # 3. Arms transfers
    def arms(self, timeline: bool = False) -> Section:
        """Routes, stages and deals; with `timeline`, each deal's dated reports too."""
        a = self.t.arms_sales
        self.facts.update(arms_reports=Fact(wording.plural(len(a), "report")),
                          arms_routes=Fact(wording.plural(a["route_key"].nunique(), "route")))
        parts = [_heading("arms"), narrative.arms_summary(self.t, self.cite, SUMMARY_ROUTES)]
        if not a.empty:
            routes = prepare.arms_routes(self.t, CHART_ROUTES)
            parts.append(Figure(charts.arms_status(routes), self.cite.sources(
                routes["sources"].str.split(",").explode())))
            events = prepare.arms_events(self.t, CHART_POINTS, CHART_ROWS) if timeline else []
            if len(events):
                parts.append(Figure(charts.arms_timeline(events), self.cite.sources(
                    events["source_id"]) + _drawn(a["deal_key"][a["event_date_first"].notna()],
                                                  CHART_ROWS, "deals", len(events),
                                                  "dated report")))
            parts.append(self._arms_table())
        return Section("arms", *parts)

    def _arms_table(self) -> Markup:
        rows = []
        deals = prepare.arms_deals(self.t, TABLE_ROWS)
        for deal in deals.itertuples():
            stages = Markup(" → ").join(
                Markup("<span class=\"stage stage-{0}\">{0}</span>{1}").format(
                    status, (f" {when}" if when else "")
                    + (f" ({'; '.join(figures)})" if figures else ""))
                for status, when, figures in deal.stages)
            rows.append((deal.route, deal.system, stages,
                         self.cite.claims("arms_sales", deal.rows)))
        total = self.t.arms_sales["deal_key"].nunique()
        return table(["Route", "What", "Stages reported, in order", "Sources"], rows,
                     caption="Each deal once, with every stage reported for it"
                     + _shown(len(deals), total, "deal", "most reported") + ".",
                     classes="compact")

    # 4. Estimates
    def estimates(self, measure: str = "fighters") -> Section:
        points = prepare.estimate_points(self.t, measure)
        parts = [_heading("estimates"),
                 narrative.estimates_summary(self.t, points, self.cite, measure)]
        if not points.empty:
            # the groups the summary names, one panel each
            drawn = prepare.most_estimated(points, wording.NAMED).nlargest(
                CHART_POINTS, "start", keep="first")
            caption = self.cite.sources(drawn["source_id"]) + _drawn(
                points["group"], wording.NAMED, "groups", len(drawn), "dated estimate")
            undated = self._undated_estimates(measure)
            if undated:
                caption += escape(f" Not drawn: {wording.plural(undated, 'estimate')} "
                                  "whose date the sources do not give (listed below).")
            parts.append(Figure(charts.estimate_ranges(prepare.worded(self.t, drawn), measure),
                                caption))
        cells = prepare.part_of_whole(self.t, "provinces_with_presence", WAFFLES)
        if not cells.empty:
            parts.append(Figure(charts.part_of_whole(cells), self.cite.sources(
                cells["source_id"].str.split(",").explode())))
        parts.append(self._estimates_table(measure))
        return Section("estimates", *parts)

    def _undated_estimates(self, measure: str) -> int:
        e = self.t.fighter_estimates
        return int((e["measure"].eq(measure) & e["as_of_date_first"].isna()).sum())

    def _estimates_table(self, measure: str) -> Markup:
        e = self.t.fighter_estimates
        names = prepare.actor_names(self.t)
        rows = []
        this = e.loc[e["measure"] == measure, ["group", "area", "qualifier", "low", "high",
                                               "as_of_date", "as_of_date_first", "claimant"]]
        pairs = this.groupby(["group", "claimant"]).size()
        top = pairs.nlargest(TABLE_ROWS, keep="first").index
        this = this[pd.MultiIndex.from_frame(this[["group", "claimant"]]).isin(top)]
        for (group, who), at in this.groupby(["group", "claimant"]):
            at = at.sort_values("as_of_date_first", na_position="last")
            more = len(at) - CELL_ITEMS
            at = at.head(CELL_ITEMS)
            figures = "; ".join(
                wording.quantity(r.qualifier, r.low, r.high)
                + (f" ({dates.display(r.as_of_date)})" if isinstance(r.as_of_date, str) else "")
                + (f", {r.area}" if r.area != "Afghanistan" else "")
                for r in at.itertuples()) + (f"; and {more:,} more" if more > 0 else "")
            rows.append((names[group], who, figures,
                         self.cite.claims("fighter_estimates", at.index)))
        other = e.loc[e["measure"] != measure, ["group", "measure"]]  # sorted, then taken
        others, room = len(other), max(TABLE_ROWS - len(rows), 0)
        other = e.loc[other.sort_values(["group", "measure"]).index[:room] if room else []]
        rows += [(names[r.group], r.claimant,
                  f"{r.measure.replace('_', ' ').replace(' pct', ' (%)')}: "
                  + wording.quantity(r.qualifier, r.low, r.high)
                  + (f" of {r.out_of}" if pd.notna(r.out_of) else "")
                  + (f" ({dates.display(r.as_of_date)})" if isinstance(r.as_of_date, str)
                     else "") + (f", {r.area}" if r.area != "Afghanistan" else ""),
                  self.cite.claim("fighter_estimates", r.Index))
                 for r in other.itertuples()]
        return table(["Group", "Claimed by", "Figures (as of)", "Sources"], rows,
                     caption=f"Estimates of {measure} by who made them"
                     + _shown(len(top), len(pairs), "group and claimant", "most estimating")
                     + _others(len(other), others) + ".",
                     classes="compact")

    # 5. Contacts
    def contacts(self) -> Section:
        c = self.t.diplomatic_contacts
        events = prepare.contact_events(self.t, CHART_POINTS, CHART_ROWS)
        parts = [_heading("contacts"), narrative.contacts_summary(self.t, self.cite)]
        if not events.empty:
            parts.append(Figure(charts.contacts_timeline(events), self.cite.sources(
                events["source_id"]) + _drawn(c["party_set"][c["date_first"].notna()],
                                              CHART_ROWS, "sets of parties", len(events),
                                              "dated contact")))
        if not c.empty:
            nodes, edges = prepare.contact_graph(self.t, NETWORK_ACTORS)
            drawn = edges.nlargest(NETWORK_LINKS, "contacts", keep="first")
            caption = self.cite.sources(drawn["source_id"].str.split(",").explode())
            if len(drawn) < len(edges):
                caption += escape(f" Drawn: the {len(drawn):,} links with most contacts, "
                                  f"of {len(edges):,}.")
            parts.append(Figure(charts.contact_network(nodes, drawn), caption))
        parts.append(self._contacts_table(c))
        return Section("contacts", *parts)

    def _contacts_table(self, c: pd.DataFrame) -> Markup:
        names = prepare.actor_names(self.t)
        total = len(c)
        c = c.loc[c[["date_first"]].sort_values("date_first", na_position="first")
                  .index[-TABLE_ROWS:]]  # only the date column is sorted
        c = c.sort_values("date_first", na_position="last")
        rows = [(
            dates.display(r.date) + ("" if pd.isna(r.date_end)
                                     else f" to {dates.display(r.date_end)}"),
            " – ".join(names[a.strip()] for a in r.actors.split(";"))
            + (f", via {names[r.via]}" if isinstance(r.via, str) else ""),
            f"{r.kind}" + ("" if r.status == "occurred" else f" ({r.status})"),
            r.topic + (f" ({r.place})" if isinstance(r.place, str) else ""),
            self.cite.claim("diplomatic_contacts", r.Index),
        ) for r in c.itertuples()]
        return table(["When", "Parties", "Kind", "What (where)", "Source"], rows,
                     caption=("Every contact" if total == len(c) else "Contacts")
                     + _shown(len(c), total, "contact", "latest") + ".", classes="compact")

    # Where the evidence comes from (deep dives)
    def quality(self) -> Section:
        profile = prepare.evidence_profile(self.t)
        parts = [_heading("quality")]
        if profile.empty:
            parts.append(Markup("<p>No reports in this selection.</p>"))
            return Section("quality", *parts)
        parts.append(Figure(charts.evidence_profile(profile), self.cite.sources(
            profile["source_id"].str.split(",").explode())))
        rows = []
        for name, frame in self.t.claims():
            if frame.empty:
                continue
            found = frame["origin"].astype("str").value_counts()
            rows += [(name.replace("_", " "), origin, count) for origin, count in found.items()]
        parts.append(table(["Table", "Origin (who the claim comes from)", "Reports"], rows,
                           caption="Reports by origin: relays of one claimant count once "
                                   "as an origin.", classes="compact"))
        return Section("quality", *parts)

    # Every report with its quote (deep dives)
    def evidence(self) -> Section:
        parts = [_heading("evidence")]
        for name, frame in self.t.claims():
            if frame.empty:
                continue
            total = len(frame)
            frame = frame.head(EVIDENCE_ROWS)
            what = prepare.describe(self.t, name, frame)
            who, grade = frame["claimant"], frame["grade"]
            rows = [(row_id, text, Markup("“{}”{}").format(quote, f" ({gloss})"
                                                           if isinstance(gloss, str) else ""),
                     f"{by}; grade {g}, credibility {cred}", self.cite.claim(name, label))
                    for label, row_id, text, quote, gloss, by, g, cred in zip(
                        frame.index, frame.iloc[:, 0], what, frame["quote"],
                        frame["quote_gloss"], who, grade, frame["credibility"], strict=True)]
            parts.append(table(["Row", "Report", "In the source's words", "Claimed by",
                                "Source"], rows,
                               caption=f"{name.replace('_', ' ').capitalize()}: every row"
                               + _shown(len(frame), total, "row", "first") + ".",
                               classes="compact evidence"))
        return Section("evidence", *parts)

    # 6. Contested figures
    def contested(self) -> Section:
        t = self.t
        blocks = []
        arms, arms_total = evidence.contests(t, "arms_sales", self._describe_deal, CONTESTS)
        estimates, estimates_total = evidence.contests(t, "fighter_estimates",
                                                       self._describe_estimate, CONTESTS)
        for c in arms:
            blocks.append(self._contest_table(c, "arms_sales", "status"))
        for c in estimates:
            blocks.append(self._contest_table(c, "fighter_estimates", "claimant"))
        disputed, disputed_total = evidence.disputed_attributions(t, limit=CONTESTS)
        for a in disputed:
            rows = [(r.origin + ("" if r.claimant == r.origin else f" ({r.claimant})"),
                     r.figure, r.when, r.grade,
                     self.cite.claim("fighter_estimates", r.row))
                    for r in a.rows.itertuples()]
            blocks.append(table(
                ["Credited to", "Figure as reported", "As of", "Grade", "Source"], rows,
                caption=Markup("The figure of {} is credited to {}.").format(
                    a.what, wording.plural(a.rows["origin"].nunique(), "origin")),
                classes="compact contest"))
        count = arms_total + estimates_total
        self.facts.update(contested=Fact(wording.plural(count, "contested figure")),
                          disputed=Fact(wording.plural(disputed_total, "disputed attribution")))
        shown = len(arms) + len(estimates) + len(disputed)
        if shown < count + disputed_total:
            blocks.insert(0, Markup("<p>Shown below: the {} most reported.</p>").format(shown))
        intro = Markup(
            "<p>Claims reported with different numbers: {}. Figures credited to different "
            "claimants: {}. Each version is shown side by side with its origins and source "
            "grades; nothing here is averaged or resolved.</p>").format(
                count or "none", disputed_total or "none")
        return Section("contested", _heading("contested"), intro, *blocks)

    def _describe_deal(self, rows) -> str:
        return prepare.routes(self.t, rows).iloc[0] + ": " + rows["system"].iloc[0]

    def _describe_estimate(self, rows) -> str:
        r = rows.iloc[0]
        return (f"{prepare.actor_names(self.t)[r['group']]} {r['measure'].replace('_', ' ')} "
                f"in {r['area']}, {dates.display(r['as_of_date'])}")

    def _contest_table(self, c, table_name: str, detail: str) -> Markup:
        reports = c.versions["rows"].map(len)  # the most reported figures, in their order
        versions = c.versions.loc[sorted(reports.sort_values(
            ascending=False, kind="stable").index[:TABLE_ROWS])]
        details = getattr(self.t, table_name)[detail]
        rows = [(v.figure, wording.listed(list(dict.fromkeys(details.loc[list(v.rows)]))),
                 wording.listed(v.origins), ", ".join(v.grades),
                 self.cite.claims(table_name, v.rows))
                for v in versions.itertuples()]
        verdict = ("the figures cannot all be right" if c.conflict else "the figures differ")
        who = "between origins" if c.between_origins else "in relays of one origin"
        shown = _shown(len(versions), len(c.versions), "figure", "most reported")
        return table(["Figure", "Stage" if detail == "status" else "Claimed by", "Origins",
                      "Grades", "Sources"], rows,
                     caption=Markup("{}: {} ({}){}.").format(c.what, verdict, who, shown),
                     classes="compact contest")

    # 7. What changed
    def changes(self) -> Section:
        found = changes.compare(self.previous, self.t.data_dir)
        if found.previous is None:
            self.facts["changes"] = Fact("first edition")
            return Section("changes", _heading("changes"), Markup(
                "<p>First edition: there is no earlier published edition of this brief to "
                "compare with.</p>"))
        rows, count = [], {"new": 0, "changed": 0}
        for name, frame in self.t.claims():
            for kind, by_table in (("new", found.new), ("changed", found.changed)):
                listed = frame[frame.iloc[:, 0].isin(by_table.get(name, []))]
                count[kind] += len(listed)
                listed = listed.head(TABLE_ROWS - len(rows))  # only the rows shown are worded
                rows += [(kind, row_id, what, self.cite.claim(name, label))
                         for label, row_id, what in zip(
                             listed.index, listed.iloc[:, 0],
                             prepare.describe(self.t, name, listed), strict=True)]
        removed = sum(len(ids) for ids in found.removed.values())
        prev = found.previous
        when = dates.display(prev.get("edition")) if prev.get("edition") else "an earlier day"
        summary = Markup(
            "<p>Since the edition of {when} (built {built}): {new} and {changed} in this "
            "brief's selection; {removed} from the data.</p>").format(
                when=when, built=_moment(prev.get("built_at")),
                new=wording.plural(count["new"], "new row"),
                changed=wording.plural(count["changed"], "changed row"),
                removed=wording.plural(removed, "row") + " removed")
        total = count["new"] + count["changed"]
        self.facts["changes"] = Fact(wording.plural(total, "row") + " new or changed")
        parts = [_heading("changes"), summary]
        if found.untracked:
            parts.append(Markup("<p>Not compared row by row (too large, or recorded "
                                "differently by the earlier edition): {}.</p>").format(
                ", ".join(t.replace("_", " ") for t in found.untracked)))
        if rows:
            parts.append(table(["", "Row", "Report", "Source"], rows, classes="compact",
                               caption="Rows new or changed"
                               + _shown(len(rows), total, "row", "first") + "."))
        return Section("changes", *parts)

    # 8. Sources
    def sources(self) -> Section:
        items = []
        entries = self.cite.entries()
        each = _fair_share(entries["quotes"].map(len), QUOTES_IN_ALL, QUOTES_PER_SOURCE)
        for s in entries.itertuples():
            who = ", ".join(x for x in (s.author, s.publisher) if isinstance(x, str))
            when = (dates.display(s.published) if isinstance(s.published, str)
                    else "date not printed")
            # The address is shown, not linked: a brief makes no network request, even
            # on a click, and a reader can still trace the source.
            url = (Markup(' <span class="url">{}</span>').format(s.url)
                   if isinstance(s.url, str) else "")
            quotes = Markup("").join(
                Markup("<li>“{}”{}</li>").format(q, f" — {by}" if by else "")
                for q, by in s.quotes[:each])
            if len(s.quotes) > each:
                quotes += Markup("<li>and {}</li>").format(
                    wording.plural(len(s.quotes) - each, "more passage"))
            items.append(Markup(
                '<li id="source-{n}" value="{n}">{title}. {who}; {when}. Reliability '
                '<span class="grade">{grade}</span>.{url}<ul class="quotes">{quotes}</ul></li>'
            ).format(n=s.number, title=s.title, who=who or "Publisher not printed",
                     when=when, grade=s.reliability, url=url, quotes=quotes))
        return Section("sources", _heading("sources"), Markup(
            "<p>Every source the brief cites, numbered as cited, with the passages it "
            "relies on. Reliability is the Admiralty grade, from A (completely reliable) "
            "to F (cannot be judged).</p>"
            '<ol class="sources">{}</ol>').format(Markup("").join(items)))

    # 9. Colophon
    def colophon(self) -> Section:
        root = self.t.data_dir
        files = provenance.data_files(root)
        tables = [p for p in files if p.suffix == ".csv"]
        documents = [p for p in files if p not in tables]
        rows = [(p.name, provenance.sha256(p)) for p in tables]
        rows.append((f"documents/ ({wording.plural(len(documents), 'file')})",
                     provenance.digest(documents)))
        params = table(["Parameter", "Value"], [(k, repr(v)) for k, v in self.parameters.items()],
                       classes="compact")
        sums = table(["Data", "SHA-256"], rows, classes="compact checksums")
        libs = ", ".join(f"{k} {v}" for k, v in provenance.versions().items())
        return Section("colophon", _heading("colophon"), Markup(
            "<p>Built {built} UTC from the data in {root} with {libs}. Every input file's "
            "checksum is in the build's manifest.json.</p>{params}{sums}").format(
                built=f"{self.built:%Y-%m-%d %H:%M:%S}", root=root.name, libs=libs,
                params=params, sums=sums))
