"""The scheduled build: the CI workflow and the README's "Scheduled builds" section say the
same thing, and every `brief` command and option they name exists. Fast: nothing is built."""

import re

import pytest
import yaml
from typer.testing import CliRunner

from analysis.cli import app
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "briefs.yml"
# The scheduled invocation: `.venv/bin/brief build --all` and its arguments, up to a redirect.
BUILD = re.compile(r"\.venv/bin/brief build --all(?: [^\s>|&;`]+)*")
FENCED = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)
CRON_LINE = re.compile(r"^((?:\S+ ){5})cd \S+ && (.+)$", re.M)
INVOCATION = re.compile(r"\bbrief ([a-z][a-z-]*)((?: [^\s>|&;`]+)*)")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def readme_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Scheduled builds\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, 'README.md has no "## Scheduled builds" section'
    return match.group(1)


def code_snippets(section: str) -> list[str]:
    """Fenced blocks' lines, then inline `code` spans."""
    blocks = FENCED.findall(section)
    lines = [line for block in blocks for line in block.splitlines() if line.strip()]
    return lines + re.findall(r"`([^`\n]+)`", FENCED.sub("", section))


def readme_command() -> str:
    """The one build command of the section's code blocks (not the crontab line)."""
    commands = {m.group(0) for block in FENCED.findall(readme_section())
                for line in block.splitlines() if not CRON_LINE.match(line)
                for m in [BUILD.fullmatch(line.strip())] if m}
    assert len(commands) == 1, f"expected one `brief build --all` command, found {commands}"
    return commands.pop()


def cron_command() -> str:
    found = CRON_LINE.findall(readme_section())
    assert len(found) == 1, "expected one crontab line in the Scheduled builds section"
    schedule, command = found[0]
    assert len(schedule.split()) == 5
    match = BUILD.match(command)
    assert match, f"the crontab line does not run `brief build --all`: {command}"
    return match.group(0)


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    return workflow.get("on", workflow.get(True)) or {}


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_lines(workflow: dict) -> list[str]:
    return [line.strip() for step in steps(workflow) if "run" in step
            for line in step["run"].splitlines() if line.strip()]


def uses(workflow: dict, action: str) -> list[dict]:
    return [s for s in steps(workflow) if s.get("uses", "").split("@")[0] == action]


def help_text(*command: str) -> str:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, f"`brief {' '.join(command)}` does not exist"
    return result.output


def test_runs_on_a_schedule_and_on_demand(workflow):
    on = triggers(workflow)
    crons = [entry["cron"] for entry in on.get("schedule", [])]
    assert crons, "the workflow has no schedule"
    for cron in crons:
        assert len(cron.split()) == 5, cron
    assert "workflow_dispatch" in on


def test_sets_up_python_3_11(workflow):
    versions = [str(s.get("with", {}).get("python-version")) for s in
                uses(workflow, "actions/setup-python")]
    assert versions == ["3.11"]
    assert all(job["runs-on"] == "ubuntu-latest" for job in workflow["jobs"].values())


def test_installs_then_runs_the_readme_command(workflow):
    lines = run_lines(workflow)
    assert "make setup" in lines
    command = readme_command()
    assert cron_command() == command, "the README's crontab line and command differ"
    assert command in lines, f"the workflow does not run {command!r}"
    assert lines.index("make setup") < lines.index(command)
    builds = [line for line in lines if "brief build" in line]
    assert builds == [command], builds


def test_uploads_reports_even_when_a_brief_failed(workflow):
    uploads = uses(workflow, "actions/upload-artifact")
    assert uploads, "the workflow uploads no artifact"
    for step in uploads:
        assert "always()" in str(step.get("if", "")), step
    paths = [p.strip().rstrip("/") for s in uploads for p in s["with"]["path"].splitlines()]
    assert "reports" in paths


def test_reports_carry_over_between_runs(workflow):
    """The last good editions and their manifests are restored, and saved even when a
    brief failed."""
    restores = uses(workflow, "actions/cache/restore") + uses(workflow, "actions/cache")
    saves = uses(workflow, "actions/cache/save")
    assert any(s["with"]["path"].strip().rstrip("/") == "reports" for s in restores)
    assert any(s["with"]["path"].strip().rstrip("/") == "reports"
               and "always()" in str(s.get("if", "")) for s in saves)


def test_readme_names_only_real_commands_and_options():
    """Each `brief SUBCOMMAND --option` exists; a bare `--option` is one of `brief build`'s."""
    checked = 0
    for snippet in code_snippets(readme_section()):
        invocations = INVOCATION.findall(snippet)
        for sub, args in invocations:
            text = help_text(sub)
            for option in OPTION.findall(args):
                assert re.search(rf"(?<![\w-]){option}(?![\w-])", text), \
                    f"`brief {sub}` has no {option}"
                checked += 1
        if not invocations:
            for option in OPTION.findall(snippet):
                assert re.search(rf"(?<![\w-]){option}(?![\w-])", help_text("build")), \
                    f"`brief build` has no {option}"
                checked += 1
    assert checked >= 3  # --all, --workers, --force at least
