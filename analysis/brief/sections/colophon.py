"""Colophon: parameters, data checksums, package versions, build time."""

from datetime import datetime

from analysis.brief.section import Section, heading
from analysis.core import provenance, words
from analysis.core.markup import Markup, table
from analysis.tables.files import data_files
from analysis.tables.load import Tables


def section(t: Tables, built: datetime, parameters: dict) -> Section:
    root = t.data_dir
    files = data_files(root)
    tables = [p for p in files if p.suffix == ".csv"]
    documents = [p for p in files if p not in tables]
    rows = [(p.name, provenance.sha256(p)) for p in tables]
    rows.append((f"documents/ ({words.plural(len(documents), 'file')})",
                 provenance.digest(documents)))
    params = table(["Parameter", "Value"], [(k, repr(v)) for k, v in parameters.items()],
                   classes="compact")
    sums = table(["Data", "SHA-256"], rows, classes="compact checksums")
    libs = ", ".join(f"{k} {v}" for k, v in provenance.versions().items())
    return Section("colophon", heading("colophon"), Markup(
        "<p>Built {built} UTC from the data in {root} with {libs}. Every input file's "
        "checksum is in the build's manifest.json.</p>{params}{sums}").format(
            built=f"{built:%Y-%m-%d %H:%M:%S}", root=root.name, libs=libs,
            params=params, sums=sums))
