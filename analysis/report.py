"""The brief, section by section: what a notebook calls, one call per section.

    b = Brief(data_dir=data_dir, as_of=as_of, since=since, focus=focus, title=title,
              marking=marking)
    b.header()
    b.arms()
    ...

Each call returns a `Section`, which Jupyter displays as its parts: HTML (narrative,
tables) and figures (Altair charts with their source line).
"""

from datetime import UTC, datetime

import pandas as pd

from . import charts, dates, narrative, prepare, provenance, wording
from .citations import Citations
from .figures import Figure
from .html import Markup, escape, table
from .load import load_tables
from .select import narrow

SECTIONS = {
    "arms": "Arms transfers",
    "estimates": "Fighter and force estimates",
    "contacts": "Diplomatic contacts",
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


def _heading(key: str) -> Markup:
    return Markup(f'<h2 id="{key}">{escape(SECTIONS[key])}</h2>')


class Brief:
    """The loaded, narrowed tables of one brief, and the citations it accumulates."""

    def __init__(self, *, data_dir=None, as_of=None, since=None, focus=(), title="Brief",
                 marking="", **parameters):
        self.parameters = dict(data_dir=data_dir, as_of=as_of, since=since, focus=focus,
                               title=title, marking=marking, **parameters)
        self.title, self.marking, self.since = title, marking, since
        self.focus = list(focus or [])
        self.loaded = load_tables(data_dir, as_of)
        self.t = narrow(self.loaded, self.focus, since)
        self.cite = Citations(self.t)
        self.built = datetime.now(UTC)

    # 1. Header
    def header(self) -> Section:
        t = self.t
        cited = set().union(*(set(f["source_id"]) for _, f in t.claims()))
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
        dl = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
        return Section(None, Markup(
            f'<header class="masthead"><p class="marking">{escape(self.marking)}</p>'
            f'<h1>{escape(self.title)}</h1><dl class="facts">{dl}</dl></header>'))

    # 3. Arms transfers
    def arms(self) -> Section:
        a = self.t.arms_sales
        parts = [_heading("arms"), narrative.arms_summary(self.t, self.cite)]
        if not a.empty:
            chart = charts.arms_status(prepare.arms_routes(self.t))
            parts.append(Figure(chart, self.cite.sources(a["source_id"])))
            parts.append(self._arms_table())
        return Section("arms", *parts)

    def _arms_table(self) -> Markup:
        rows = []
        for deal in prepare.arms_deals(self.t).itertuples():
            stages = Markup(" → ").join(
                Markup("<span class=\"stage stage-{0}\">{0}</span>{1}").format(
                    status, (f" {when}" if when else "")
                    + (f" ({'; '.join(figures)})" if figures else ""))
                for status, when, figures in deal.stages)
            rows.append((deal.route, deal.system, stages,
                         self.cite.claims("arms_sales", deal.sale_ids)))
        return table(["Route", "What", "Stages reported, in order", "Sources"], rows,
                     caption="Each deal once, with every stage reported for it.",
                     classes="compact")

    # 4. Estimates
    def estimates(self, measure: str = "fighters") -> Section:
        points = prepare.estimate_points(self.t, measure)
        parts = [_heading("estimates"),
                 narrative.estimates_summary(points, self.cite, measure)]
        if not points.empty:
            caption = self.cite.sources(points["source_id"])
            undated = self._undated_estimates(measure)
            if undated:
                caption += escape(f" Not drawn: {wording.plural(undated, 'estimate')} "
                                  "whose date the sources do not give (listed below).")
            parts.append(Figure(charts.estimate_ranges(points, measure), caption))
        parts.append(self._estimates_table(measure))
        return Section("estimates", *parts)

    def _undated_estimates(self, measure: str) -> int:
        e = self.t.fighter_estimates
        return int((e["measure"].eq(measure) & e["as_of_date_first"].isna()).sum())

    def _estimates_table(self, measure: str) -> Markup:
        e = self.t.fighter_estimates
        e = e.assign(claimant=prepare.claimant(self.t, e))
        names = prepare.actor_names(self.t)
        rows = []
        for (group, who), at in e[e["measure"] == measure].groupby(["group", "claimant"]):
            at = at.sort_values("as_of_date_first", na_position="last")
            figures = "; ".join(
                wording.quantity(r.qualifier, r.low, r.high)
                + (f" ({dates.display(r.as_of_date)})" if isinstance(r.as_of_date, str) else "")
                + (f", {r.area}" if r.area != "Afghanistan" else "")
                for r in at.itertuples())
            rows.append((names[group], who, figures,
                         self.cite.claims("fighter_estimates", at["estimate_id"])))
        other = e[e["measure"] != measure].sort_values(["group", "measure"])
        rows += [(names[r.group], r.claimant,
                  f"{r.measure.replace('_', ' ').replace(' pct', ' (%)')}: "
                  + wording.quantity(r.qualifier, r.low, r.high)
                  + (f" of {r.out_of}" if pd.notna(r.out_of) else "")
                  + (f" ({dates.display(r.as_of_date)})" if isinstance(r.as_of_date, str)
                     else "") + (f", {r.area}" if r.area != "Afghanistan" else ""),
                  self.cite.claim("fighter_estimates", r.estimate_id))
                 for r in other.itertuples()]
        return table(["Group", "Claimed by", "Figures (as of)", "Sources"], rows,
                     caption=f"Estimates of {measure} by who made them; then other measures.",
                     classes="compact")

    # 5. Contacts
    def contacts(self) -> Section:
        c = self.t.diplomatic_contacts
        events = prepare.contact_events(self.t)
        undated = prepare.undated(c, "date")
        parts = [_heading("contacts"), narrative.contacts_summary(events, undated, self.cite)]
        if not events.empty:
            parts.append(Figure(charts.contacts_timeline(events),
                                self.cite.sources(events["source_id"])))
        parts.append(self._contacts_table(c))
        return Section("contacts", *parts)

    def _contacts_table(self, c: pd.DataFrame) -> Markup:
        names = prepare.actor_names(self.t)
        c = c.sort_values("date_first", na_position="last")
        rows = [(
            dates.display(r.date) + ("" if pd.isna(r.date_end)
                                     else f" to {dates.display(r.date_end)}"),
            " – ".join(names[a.strip()] for a in r.actors.split(";"))
            + (f", via {names[r.via]}" if isinstance(r.via, str) else ""),
            f"{r.kind}" + ("" if r.status == "occurred" else f" ({r.status})"),
            r.topic + (f" ({r.place})" if isinstance(r.place, str) else ""),
            self.cite.claim("diplomatic_contacts", r.contact_id),
        ) for r in c.itertuples()]
        return table(["When", "Parties", "Kind", "What (where)", "Source"], rows,
                     classes="compact")

    # 8. Sources
    def sources(self) -> Section:
        items = []
        for s in self.cite.entries().itertuples():
            who = ", ".join(x for x in (s.author, s.publisher) if isinstance(x, str))
            when = (dates.display(s.published) if isinstance(s.published, str)
                    else "date not printed")
            # The address is shown, not linked: a brief makes no network request, even
            # on a click, and a reader can still trace the source.
            url = (Markup(' <span class="url">{}</span>').format(s.url)
                   if isinstance(s.url, str) else "")
            quotes = Markup("").join(
                Markup("<li>“{}”{}</li>").format(q, f" — {by}" if by else "")
                for q, by in s.quotes)
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
