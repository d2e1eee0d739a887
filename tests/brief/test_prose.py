"""Analyst prose: `{name}` references resolve to escaped facts, anything else is an error."""

import mistune
import pytest

from analysis.brief.prose import Fact, Prose, resolve
from analysis.core.markup import Markup
from analysis.errors import ProseError

FACTS = {"count": Fact("3 reports"), "deal": Fact("a contract for 4 Mi-35")}


def test_a_name_resolves_to_its_fact():
    assert resolve("We hold {count} of {deal}.", FACTS) == \
        "We hold 3 reports of a contract for 4 Mi-35."


def test_prose_without_references_is_unchanged():
    assert resolve("No numbers here.", FACTS) == "No numbers here."


def test_an_unknown_name_is_an_error_listing_the_known_facts():
    with pytest.raises(ProseError, match=r"unknown reference \{counts\} \(known: count, deal\)"):
        resolve("We hold {counts}.", FACTS)


@pytest.mark.parametrize("reference", [
    "{count.real}", "{count[0]}", "{count!r}", "{count!s}", "{count:>5}", "{}", "{0}",
    "{Count}", "{ count }", "{count-1}",
])
def test_anything_but_a_plain_name_is_rejected(reference):
    with pytest.raises(ProseError, match="bad reference"):
        resolve(f"We hold {reference}.", FACTS)


@pytest.mark.parametrize("template", ["We hold {count", "We hold count}", "{count!}"])
def test_malformed_braces_are_an_error(template):
    with pytest.raises(ProseError):
        resolve(template, FACTS)


def test_doubled_braces_are_literal_braces():
    assert resolve("{{count}} is {count}; a set {{}}", FACTS) == "{count} is 3 reports; a set {}"


def test_html_in_a_fact_is_escaped():
    out = resolve("Topic: {topic}", {"topic": Fact("talks <script>alert(1)</script> & more")})
    assert out == "Topic: talks &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"


@pytest.mark.parametrize(("text", "escaped"), [
    ("*bold*", r"\*bold\*"), ("_it_", r"\_it\_"), ("[link](x)", r"\[link\](x)"),
    ("# head", r"\# head"), ("a|b", r"a\|b"), ("`code`", r"\`code\`"), ("~x~", r"\~x\~"),
    ("back\\slash", "back\\\\slash"),
])
def test_markdown_specials_in_a_fact_are_escaped(text, escaped):
    assert resolve("{x}", {"x": Fact(text)}) == escaped


def test_escaped_fact_renders_as_its_text():
    html = mistune.html(resolve("{x}", {"x": Fact("*a* _b_ [c] #d <i>e</i>")}))
    assert html.strip() == "<p>*a* _b_ [c] #d &lt;i&gt;e&lt;/i&gt;</p>"


def test_citations_follow_the_fact_unescaped():
    cite = Markup('<sup><a href="#src-1">[1]</a></sup>')
    assert resolve("{deal}.", {"deal": Fact("a *deal*", cite)}) == \
        r'a \*deal\*<sup><a href="#src-1">[1]</a></sup>.'


@pytest.mark.parametrize("text", ["Kabulov's channel", 'the "beachheads"'])
def test_quotes_in_a_fact_render_as_quotes(text):
    html = mistune.html(resolve("{x}", {"x": Fact(text)}))
    assert "&amp;#" not in html


def test_prose_displays_as_markdown():
    assert Prose("Some *prose*")._repr_markdown_() == "Some *prose*"
