"""Colophon: parameters, data checksums, package versions, build time."""

from typing import TYPE_CHECKING

from analysis.brief.section import Section, heading
from analysis.core import provenance, words
from analysis.core.markup import Markup, table

if TYPE_CHECKING:  # a section reads the brief; the brief finds its sections by id
    from analysis.brief.brief import Brief


def section(b: "Brief") -> Section:
    """How the brief was made: its data's checksums, parameters and versions."""
    t, built, parameters = b.t, b.built, b.parameters
    root, sums = t.data_dir, t.inputs.files  # the bytes the tables were made from
    documents = {name: sum_ for name, sum_ in sums.items() if "/" in name}
    rows = [(name, sum_) for name, sum_ in sums.items() if name not in documents]
    rows.append((f"documents/ ({words.plural(len(documents), 'file')})",
                 provenance.digest_of(documents)))
    params = table(["Parameter", "Value"], [(k, repr(v)) for k, v in parameters.items()],
                   classes="compact")
    sums = table(["Data", "SHA-256"], rows, classes="compact checksums")
    libs = ", ".join(f"{k} {v}" for k, v in provenance.versions().items())
    return Section("colophon", heading("colophon"), Markup(
        "<p>Built {built} UTC from the data in {root} with {libs}. Every input file's "
        "checksum is in the build's manifest.json.</p>{params}{sums}").format(
            built=f"{built:%Y-%m-%d %H:%M:%S}", root=root.name, libs=libs,
            params=params, sums=sums))
