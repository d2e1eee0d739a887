"""The builder runs unchanged on a Dask cluster: `build_many` given the executor of a
`distributed.Client`, with worker processes like a real cluster's."""

import json
import shutil

import distributed  # a dev dependency (the `dask` extra): imported, never skipped
import pytest

from analysis.builder import config
from analysis.builder.runner import build_many
from conftest import FIXTURES

pytestmark = pytest.mark.slow

NAMES = ("tiny-a", "tiny-b", "tiny-c")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


def test_build_many_on_a_dask_cluster(client, tmp_path, data_dir):
    (tmp_path / "notebooks").mkdir()
    shutil.copy(FIXTURES / "briefs" / "notebooks" / "tiny.ipynb", tmp_path / "notebooks")
    cfg = tmp_path / "briefs.toml"
    cfg.write_text("".join(
        f'[[brief]]\nname = "{name}"\nnotebook = "tiny.ipynb"\ntitle = "Tiny {name[-1]}"\n'
        'formats = ["html", "pdf"]\n\n' for name in NAMES), encoding="utf-8")
    out = tmp_path / "reports"

    with distributed.get_task_stream(client) as tasks:
        outcomes = build_many(list(config.load(cfg).values()), {}, out_dir=out,
                              data_dir=data_dir, executor=client.get_executor())

    assert [(o.name, o.status) for o in outcomes] == [(n, "built") for n in NAMES], \
        [o.message for o in outcomes]
    for name in NAMES:
        latest = out / name / "latest"
        assert sorted(p.name for p in latest.iterdir()) == sorted(
            [f"{name}.html", f"{name}.pdf", f"{name}.ipynb", "manifest.json"])
        html = (latest / f"{name}.html").read_text(encoding="utf-8")
        assert f"Tiny {name[-1]}" in html
        manifest = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["status"] == "built"
        assert manifest["brief"] == name
        assert f"{name}.html" in manifest["outputs"]
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"{name}/latest/{name}.html" in index
    # The builds ran as the cluster's tasks, in its worker processes.
    builds = [t for t in tasks.data if t["key"].startswith("build_one")]
    assert len(builds) == len(NAMES), [t["key"] for t in tasks.data]
    assert {t["worker"] for t in builds} <= set(client.scheduler_info()["workers"])
