"""Where it happens: the map of the provinces where reports place an estimate, a contact
or a transfer (`evidence.where`), then the same in words, province by province, cited
(the map's text alternative), and what could not be placed, said rather than drawn."""

from typing import TYPE_CHECKING

from analysis.brief import limits
from analysis.brief.citations import Citations
from analysis.brief.section import Section, heading, shown
from analysis.charts.figure import Figure
from analysis.charts.map import provinces_map
from analysis.core import words
from analysis.core.markup import Markup, escape, join
from analysis.evidence import where as placing
from analysis.paths import BOUNDARIES
from analysis.tables.places import boundaries

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief") -> Section:
    """The provinces where reports place something, and what cannot be placed."""
    t, cite = b.t, b.cite
    topo = boundaries(t.data_dir)
    if topo is None:
        return Section("where", heading("where"), Markup(
            "<p>No map: this subject holds no boundaries ({}).</p>").format(str(BOUNDARIES)))
    w = placing.where(t)
    parts: list[Markup | Figure] = [heading("where")]
    if w.placed.empty:
        parts.append(Markup("<p>No report on record places anything in a province{}.</p>")
                     .format(f" of {w.country}" if w.country else ""))
    else:
        parts.append(Figure(provinces_map(topo, w.placed, w.country),
                            cite.sources(w.placed["source_id"])))
        provinces = list(dict.fromkeys(w.placed["province"]))
        listed = provinces[:limits.TABLE_ROWS]
        items = [_province(name, w.placed[w.placed["province"] == name], cite)
                 for name in listed]
        parts.append(Markup('<p>What the map shows{}:</p><ul class="findings">{}</ul>').format(
            shown(len(listed), len(provinces), "province", "first by name"), join(items)))
    if w.unplaced:
        parts.append(Markup("<p>Not drawn: {}.</p>").format(
            escape("; ".join(w.unplaced))))
    return Section("where", *parts)


def _province(name: str, rows, cite: Citations) -> Markup:
    said = [Markup("{}{}").format(r.text, cite.claim(r.table, r.row))
            for r in rows.itertuples()]
    return Markup("<li><strong>{}</strong>: {}</li>").format(
        name, Markup("; ").join(said[:limits.CELL_ITEMS])
        + (escape(f"; and {words.plural(len(said) - limits.CELL_ITEMS, 'more report')}")
           if len(said) > limits.CELL_ITEMS else ""))
