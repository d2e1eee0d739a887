"""Bottom line up front: the key judgments, each with its likelihood and its basis, and
the rule that chose the likelihood."""

from analysis.brief.citations import Citations
from analysis.brief.prose import Fact
from analysis.brief.section import Section, heading
from analysis.core.markup import Markup
from analysis.evidence import judgments
from analysis.tables.load import Tables
from analysis.tables.vocab import GRADE_SCALE


def section(t: Tables, cite: Citations) -> Section:
    items, facts = [], {}
    for j in judgments.key_judgments(t):
        cites = cite.claims(j.evidence.table, j.evidence.rows)
        facts[j.key] = Fact(j.proposition, cites)
        facts[f"{j.key}_likelihood"] = Fact(j.term)
        items.append(Markup(
            '<li><p class="judgment"><strong class="term">{term}</strong>: {text}{cites}.'
            '</p><p class="basis">{basis}</p></li>').format(
                term=j.term.capitalize(), text=j.proposition, cites=cites, basis=j.basis()))
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
        "reliability, {scale}.</p><ol>{rule}</ol></details>").format(scale=GRADE_SCALE,
                                                                   rule=rule)
    return Section("judgments", heading("judgments"), body + method, facts=facts)
