"""New editions to their readers: one registry of destinations (`DESTINATIONS`; today
e-mail), and what each keeps in `<brief>/deliveries.json`: the editions it has still to
send and those it sent. A build queues its new edition for every destination with readers
for the brief, then sends what waits, oldest first; a send that fails leaves its edition
published and waiting, for the next build (or `brief send`) to retry."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from analysis.builder import mail, manifest
from analysis.builder.config import BriefConfig
from analysis.core import atomic
from analysis.core.registry import Registry
from analysis.errors import DeliveryFailed

STATE = "deliveries.json"


@dataclass(frozen=True)
class Destination:
    wants: Callable[[BriefConfig], bool]  # whether the brief has readers there
    send: Callable[[BriefConfig, Path, Path | None], str]
    """Send (brief, its edition's folder, the manifest of the edition before): what was
    done; DeliveryFailed when it could not be."""


DESTINATIONS: Registry[Destination] = Registry("destination")
DESTINATIONS.register("email", Destination(lambda brief: bool(brief.email), mail.deliver))


def queue(brief: BriefConfig, brief_dir: Path, edition: str) -> None:
    """Mark a newly published edition as waiting for every destination with readers."""
    wanted = [name for name, d in DESTINATIONS.items() if d.wants(brief)]
    if not wanted:
        return
    state = _read(brief_dir)
    for name in wanted:
        unsent = state.setdefault(name, {}).setdefault("unsent", [])
        unsent += [edition] if edition not in unsent else []
    _write(brief_dir, state)


def waiting(brief: BriefConfig, brief_dir: Path) -> dict[str, list[str]]:
    """The editions each destination with readers for the brief has still to send."""
    state = _read(brief_dir)
    return {name: unsent for name, d in DESTINATIONS.items()
            if d.wants(brief) and (unsent := state.get(name, {}).get("unsent"))}


def send(brief: BriefConfig, brief_dir: Path, editions: list[str] | None = None
         ) -> tuple[list[str], list[str]]:
    """Send the editions waiting for each destination (or `editions`, by hand), oldest
    first; a destination stops at its first failure. Returns (what was done, what failed),
    a line each."""
    if not any(d.wants(brief) for d in DESTINATIONS.values()):
        return [], []
    state, done, failed = _read(brief_dir), [], []
    good = {manifest.edition_id(r): (p, before) for p, r, before in manifest.good(brief_dir)}
    for name, destination in DESTINATIONS.items():
        if not destination.wants(brief):
            continue
        own = state.setdefault(name, {})
        for edition in list(editions if editions is not None else own.get("unsent", [])):
            if edition not in good:
                failed.append(f"{brief.name}: no good edition {edition!r} to send "
                              f"(editions: {', '.join(good) or 'none'})")
                continue
            try:
                said = destination.send(brief, *good[edition])
            except DeliveryFailed as e:
                left = len(own.get("unsent", []))
                failed.append(f"{brief.name}: edition {edition} not sent by {name}: {e}"
                              + (f" ({left} waiting; the next build retries)" if left else ""))
                break
            own["unsent"] = [e for e in own.get("unsent", []) if e != edition]
            own.setdefault("sent", {})[edition] = datetime.now(UTC).isoformat(
                timespec="seconds")
            done.append(f"{brief.name}: edition {edition} {said} ({name})")
            _write(brief_dir, state)  # each send kept as it happens
    return done, failed


def _read(brief_dir: Path) -> dict:
    try:
        return json.loads((brief_dir / STATE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as e:
        raise DeliveryFailed(f"{brief_dir / STATE} cannot be read ({e}): fix or remove "
                             "it") from None


def _write(brief_dir: Path, state: dict) -> None:
    atomic.write(brief_dir / STATE, json.dumps(state, indent=2) + "\n")
