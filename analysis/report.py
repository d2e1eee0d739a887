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
            routes = prepare.arms_routes(self.t)
            chart = charts.arms_status(routes)
            parts.append(Figure(chart, self.cite.sources(a["source_id"])))
            parts.append(self._arms_table(a))
        return Section("arms", *parts)

    def _arms_table(self, a: pd.DataFrame) -> Markup:
        names = prepare.actor_names(self.t)
        a = a.assign(stage=a["status"].map(prepare.STATUS_ORDER.index))
        a = a.sort_values(["supplier", "recipient", "stage", "event_date_first"])
        rows = [(
            names[r.supplier] + " → " + names[r.recipient]
            + (f" (via {names[r.via]})" if isinstance(r.via, str) else ""),
            r.system,
            wording.quantity(r.quantity_qualifier, r.quantity_low, r.quantity_high),
            r.status, dates.display(r.event_date),
            Markup(self.cite.claim("arms_sales", r.sale_id)),
        ) for r in a.itertuples()]
        return table(["Route", "What", "Quantity", "Stage", "When", "Source"], rows,
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
                                  "with no date.")
            parts.append(Figure(charts.estimate_ranges(points, measure), Markup(caption)))
        parts.append(self._estimates_table())
        return Section("estimates", *parts)

    def _undated_estimates(self, measure: str) -> int:
        e = self.t.fighter_estimates
        return int((e["measure"].eq(measure) & e["as_of_date_first"].isna()).sum())

    def _estimates_table(self) -> Markup:
        e = self.t.fighter_estimates.sort_values(["group", "measure", "as_of_date_first"])
        names = prepare.actor_names(self.t)
        who = prepare.claimant(self.t, e)
        rows = [(
            names[r.group], r.measure.replace("_", " "),
            wording.quantity(r.qualifier, r.low, r.high)
            + (f" of {r.out_of}" if pd.notna(r.out_of) else ""),
            r.area, dates.display(r.as_of_date), claimant,
            Markup(self.cite.claim("fighter_estimates", r.estimate_id)),
        ) for r, claimant in zip(e.itertuples(), who, strict=True)]
        return table(["Group", "Measure", "Figure", "Where", "As of", "Claimed by", "Source"],
                     rows, classes="compact")

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
        c = c.sort_values("date_first")
        rows = [(
            dates.display(r.date) + ("" if pd.isna(r.date_end)
                                     else f" to {dates.display(r.date_end)}"),
            ", ".join(names[a.strip()] for a in r.actors.split(";")),
            names.get(r.via, "") if isinstance(r.via, str) else "",
            r.place if isinstance(r.place, str) else "", f"{r.kind} ({r.status})", r.topic,
            Markup(self.cite.claim("diplomatic_contacts", r.contact_id)),
        ) for r in c.itertuples()]
        return table(["When", "Parties", "Via", "Where", "Kind", "Topic", "Source"], rows,
                     classes="compact")

    # 8. Sources
    def sources(self) -> Section:
        items = []
        for s in self.cite.entries().itertuples():
            who = ", ".join(escape(x) for x in (s.author, s.publisher) if isinstance(x, str))
            when = (dates.display(s.published) if isinstance(s.published, str)
                    else "date not printed")
            # The address is shown, not linked: a brief makes no network request, even
            # on a click, and a reader can still trace the source.
            url = f' <span class="url">{escape(s.url)}</span>' if isinstance(s.url, str) else ""
            items.append(
                f'<li id="source-{s.number}" value="{s.number}">{escape(s.title)}. '
                f'{who or "Publisher not printed"}; {escape(when)}. Reliability '
                f'<span class="grade">{escape(s.reliability)}</span>.{url}</li>')
        return Section("sources", _heading("sources"), Markup(
            "<p>Every source the brief cites, numbered as cited. Reliability is the "
            "Admiralty grade (A completely reliable to F cannot be judged).</p>"
            f'<ol class="sources">{"".join(items)}</ol>'))

    # 9. Colophon
    def colophon(self) -> Section:
        root = self.t.data_dir
        sums = provenance.checksums(provenance.data_files(root), root)
        versions = provenance.versions()
        params = table(["Parameter", "Value"], [(k, repr(v)) for k, v in self.parameters.items()],
                       classes="compact")
        files = table(["Data file", "SHA-256"], [(k, v[:16] + "…") for k, v in sums.items()],
                      classes="compact checksums")
        libs = ", ".join(f"{k} {v}" for k, v in versions.items())
        return Section("colophon", _heading("colophon"), Markup(
            f"<p>Built {self.built:%Y-%m-%d %H:%M:%S} UTC with {escape(libs)}.</p>"
            f"{params}{files}"))
