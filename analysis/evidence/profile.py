"""Where the evidence comes from: claim rows by table, source grade and kind of source."""

import pandas as pd

from analysis.tables.load import Tables


def evidence_profile(t: Tables) -> pd.DataFrame:
    """Claim rows counted by table, source reliability grade and kind of source."""
    sources = t.sources.set_index("source_id")
    # each table's reports per source first: a whole database cites a few thousand sources
    frames = [f["source_id"].value_counts(sort=False).rename("reports").reset_index()
              .assign(table=name.replace("_", " ")) for name, f in t.claims() if len(f)]
    if not frames:
        return pd.DataFrame(columns=["table", "grade", "kind", "reports", "source_id"])
    rows = pd.concat(frames, ignore_index=True)
    rows["grade"] = rows["source_id"].map(sources["reliability"])
    rows["kind"] = rows["source_id"].map(sources["kind"]).str.replace("_", " ")
    return rows.groupby(["table", "grade", "kind"], as_index=False).agg(
        reports=("reports", "sum"), source_id=("source_id", lambda s: ",".join(sorted(s))))
