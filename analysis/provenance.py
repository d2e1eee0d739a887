"""What a brief was built from: input checksums and package versions."""

import hashlib
from importlib import metadata
from pathlib import Path

PACKAGES = ("bedfellows", "pandas", "pandera", "altair", "vl-convert-python", "papermill",
            "nbconvert", "nbclient", "weasyprint")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def digest(files: list[Path]) -> str:
    """One checksum for a set of files: SHA-256 over their names and SHA-256s."""
    h = hashlib.sha256()
    for p in sorted(files):
        h.update(f"{p.name}\0{sha256(p)}\n".encode())
    return h.hexdigest()


def data_files(data_dir: Path) -> list[Path]:
    """Every file the tables are read from: the CSVs and the held documents."""
    data_dir = Path(data_dir)
    return sorted([*data_dir.glob("*.csv"), *(data_dir / "documents").glob("*")])


def checksums(files: list[Path], root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): sha256(p) for p in files}


def versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in PACKAGES}
