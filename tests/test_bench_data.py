"""The benchmarks' synthetic data stays valid as the schema and its rules grow: a bench
that cannot load its data measures nothing."""

import importlib.util

from analysis.tables import validate
from analysis.tables.schema import CLAIM_TABLES
from conftest import ROOT


def test_the_synthetic_data_passes_validation(tmp_path):
    spec = importlib.util.spec_from_file_location("generate", ROOT / "bench" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    written = generate.generate(tmp_path, rows=2000, seed=1, echo=lambda *_: None)
    assert {f"{name}.csv" for name in CLAIM_TABLES} <= set(written)
    frames, problems = validate.validate(tmp_path)
    assert problems == []
    assert all(len(frames[name]) == 2000 for name in CLAIM_TABLES)
