"""Diplomatic contacts: the first and the latest, intermediaries, a timeline, the
who-talks-to-whom network, and a table of the latest contacts."""

from typing import TYPE_CHECKING

import pandas as pd

from analysis.brief import limits
from analysis.brief.citations import Citations
from analysis.brief.section import Section, drawn, focused, heading, shown
from analysis.charts import contacts as charts
from analysis.charts.figure import Figure
from analysis.core import dates, words
from analysis.core.distinct import mapped
from analysis.core.markup import Markup, escape, table
from analysis.evidence import contacts, support
from analysis.evidence.describe import named_parties, when
from analysis.tables import actors
from analysis.tables.load import Tables

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief") -> Section:
    """Who met whom, where and when."""
    t, cite = b.t, b.cite
    c = t.diplomatic_contacts
    events = contacts.contact_events(t, limits.CHART_POINTS, limits.CHART_ROWS)
    parts: list[Markup | Figure] = [heading("contacts"), summary(t, cite)]
    if not events.empty:
        sets = c["party_set"][c["date_first"].notna()]
        shown, left_out = focused(events, "contact")
        parts.append(Figure(charts.contacts_timeline(shown), cite.sources(
            shown["source_id"]) + drawn(sets, limits.CHART_ROWS, "sets of parties",
                                        len(events), "dated contact") + left_out))
    if not c.empty:
        nodes, edges = contacts.contact_graph(t, limits.NETWORK_ACTORS)
        links = edges.nlargest(limits.NETWORK_LINKS, "contacts", keep="first")
        caption = cite.sources(links["source_id"].str.split(",").explode())
        if len(links) < len(edges):
            caption += escape(f" Drawn: the {len(links):,} links with most contacts, "
                              f"of {len(edges):,}.")
        parts.append(Figure(charts.contact_network(nodes, links), caption))
    parts.append(_table(t, cite))
    return Section("contacts", *parts)


def summary(t: Tables, cite: Citations) -> Markup:
    """How many contacts, over what period, the first and the latest, intermediaries
    (the first `words.NAMED` of them, by date, and a count of the others)."""
    c = t.diplomatic_contacts
    ends = [support.earliest(c, "date"), support.latest(c, "date")]
    if ends[0] is None or ends[1] is None:
        return Markup("<p>No dated diplomatic contacts in this selection.</p>")
    start = c["date_first"].dropna()
    undated = len(c) - len(start)
    first, last = contacts.events_of(t, c.loc[ends]).iloc
    parts = [
        f"<p>{words.plural(len(start), 'dated contact')} "
        + (f"between {first['start'].year} and {last['start'].year}"
           if first["start"].year != last["start"].year else f"in {first['start'].year}")
        + (f" (and {words.plural(undated, 'undated one')})" if undated else "") + ". "
        f"The earliest: {escape(first['topic'])} ({escape(first['when'])}, "
        f"{escape(first['place'])}){cite.claim('diplomatic_contacts', ends[0])}. "
        f"The latest: {escape(last['topic'])} ({escape(last['when'])}, "
        f"{escape(last['place'])}){cite.claim('diplomatic_contacts', ends[1])}.</p>"
    ]
    by_date = start[c["via"].reindex(start.index).notna()].sort_values(kind="stable")
    via = c["via"].reindex(by_date.index)
    if not via.empty:
        names = pd.unique(mapped(via, actors.names(t.actors)))
        parts.append(f"<p>Intermediaries on record: "
                     f"{escape(words.series(list(names), words.NAMED))}"
                     f"{cite.claims('diplomatic_contacts', via.index)}"
                     ".</p>")
    return Markup("".join(parts))


def _table(t: Tables, cite: Citations) -> Markup:
    c = t.diplomatic_contacts
    names = actors.names(t.actors)
    total = len(c)
    # the latest by core.dates' rule (by the end of each date's span), shown oldest first
    c = c[dates.newest_first(c["date_first"], c["date_last"]) < limits.TABLE_ROWS]
    c = c.sort_values("date_first", na_position="last")
    rows = [(
        when(r.date, r.date_inferred, r.date_end), parties
        + (f", via {names[r.via]}" if isinstance(r.via, str) else ""),
        f"{r.kind}" + ("" if r.status == "occurred" else f" ({r.status})"),
        r.topic + (f" ({r.place_name})" if isinstance(r.place_name, str) else ""),
        cite.claim("diplomatic_contacts", r.Index),
    ) for r, parties in zip(c.itertuples(), named_parties(t, c), strict=True)]
    return table(["When", "Parties", "Kind", "What (where)", "Source"], rows,
                 caption=("Every contact" if total == len(c) else "Contacts")
                 + shown(len(c), total, "contact", "latest") + ".", classes="compact")
