"""The analyst's own prose, with numbers, names and dates taken from the data.

Prose is Markdown written in a notebook cell, `brief.prose("... {name} ...")`, where each
`{name}` refers to a fact the brief computed (a judgment, a count). The value is escaped and
followed by its citations; an unknown name is an error, so a build never ships a sentence
whose number no longer exists. Markdown cells of the notebooks hold no digits at all
(tests enforce it): a number in prose always comes through a reference.
"""

import html
import re
import string
from dataclasses import dataclass

from analysis.core.markup import Markup
from analysis.errors import ProseError


@dataclass(frozen=True)
class Fact:
    text: str
    cites: Markup = Markup("")

    def markdown(self) -> str:
        """The text escaped for Markdown (and the HTML inside it), then its citations."""
        text = html.escape(self.text, quote=False)  # quotes may stay: this is not an attribute
        return _MARKDOWN_SPECIAL.sub(r"\\\1", text) + str(self.cites)


_NAME = re.compile(r"[a-z][a-z0-9_]*")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def resolve(template: str, facts: dict[str, Fact], *, html_text: bool = False) -> str:
    """`template` with every `{name}` replaced by its fact; `{{` and `}}` are braces. As
    Markdown, or with `html_text` as markup (the template is plain text, escaped)."""
    out = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as e:
        raise ProseError(f"prose: {e} in {template[:60]!r}") from None
    for literal, field, spec, conversion in parsed:
        out.append(html.escape(literal, quote=False) if html_text else literal)
        if field is None:
            continue
        if spec or conversion or not _NAME.fullmatch(field):
            raise ProseError(f"prose: bad reference {{{field}}}: write {{name}}, a name from "
                             "the brief's facts")
        if field not in facts:
            raise ProseError(f"prose: unknown reference {{{field}}} (known: "
                             f"{', '.join(sorted(facts))})")
        fact = facts[field]
        out.append(html.escape(fact.text, quote=False) + str(fact.cites) if html_text
                   else fact.markdown())
    return "".join(out)


class Prose:
    """Resolved prose, displayed as Markdown (Jupyter and nbconvert render it)."""

    def __init__(self, markdown: str):
        self.markdown = markdown

    def _repr_markdown_(self) -> str:
        return self.markdown
