"""The files a dataset is read from (pandas-free: the builder checksums them)."""

from pathlib import Path


def data_files(data_dir: Path) -> list[Path]:
    """Every file the tables are read from: the CSVs and the held documents."""
    data_dir = Path(data_dir)
    return sorted([*data_dir.glob("*.csv"), *(data_dir / "documents").glob("*")])
