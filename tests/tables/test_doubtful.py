"""One meaning of doubtful: the levels the Admiralty scale itself calls doubtful or worse
(credibility 4 "doubtful" and 5 "improbable"; grade E "unreliable") are what the code marks,
and the code's definition is what the data dictionary, the curation guide and the brief
print, word for word."""

from pathlib import Path

import pandas as pd
import pytest

from analysis.brief import Brief
from analysis.core.markup import Markup
from analysis.tables import derived, vocab

ROOT = Path(__file__).resolve().parents[2]


def _scale_word(scale: dict, code) -> str:
    return scale[code].split(":")[0].lower()


def test_the_levels_are_those_the_scale_calls_doubtful_or_worse():
    # 6 ("truth cannot be judged") and F ("cannot be judged") say nothing of doubt.
    assert {c: _scale_word(vocab.CREDIBILITY, c) for c in vocab.DOUBTFUL_CREDIBILITY} == {
        4: "doubtful", 5: "improbable"}
    assert {g: _scale_word(vocab.RELIABILITY, g) for g in vocab.DOUBTFUL_GRADES} == {
        "E": "unreliable"}
    for code in [*vocab.DOUBTFUL_CREDIBILITY, *vocab.DOUBTFUL_GRADES]:
        assert str(code) in vocab.DOUBTFUL


@pytest.mark.parametrize("grade", vocab.GRADES)
@pytest.mark.parametrize("credibility", sorted(vocab.CREDIBILITY))
def test_the_code_marks_exactly_those(credibility, grade):
    sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "title": ["T"],
                            "reliability": [grade]})
    claims = pd.DataFrame({"claim_id": ["K1"], "source_id": ["s"],
                           "credibility": [credibility]}).assign(
        attributed_to=pd.Series([None], dtype="str"))
    actors = pd.DataFrame({"actor_id": [], "name": [], "part_of": []}, dtype="str")
    places = pd.DataFrame({"place_id": [], "name": [], "kind": [], "part_of": []}, dtype="str")
    marked = derived.added("other_claims", claims, actors, sources, places)["doubtful"].iloc[0]
    assert marked == (credibility in (4, 5) or grade == "E")


@pytest.mark.parametrize("where", ["data/README.md", "data/CURATION.md", "README.md"])
def test_dictionary_guide_and_readme_print_the_codes_definition(where):
    text = " ".join((ROOT / where).read_text(encoding="utf-8").split())
    assert vocab.DOUBTFUL in text


def test_the_brief_prints_it(data_dir):
    brief = Brief(data_dir=data_dir)
    brief.estimates()  # cites sources, so the Sources section lists them
    html = brief.sources().html()
    assert str(Markup("{}").format(vocab.DOUBTFUL)) in html
