"""Undocumented is unfinished: every command shows an example, every named query has a title,
and the README names every command."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "kg" / "queries").glob("*.rq"))


def _help(*args) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0, result.output
    return result.stdout


def _commands() -> list[str]:
    """The commands `kg --help` lists."""
    text = _help()
    section = text.split("Commands:", 1)[1]
    return [m.group(1) for m in re.finditer(r"^  (\S+)", section, re.M)]


def test_docs_help_lists_the_commands():
    commands = _commands()
    assert {"build", "query", "validate", "eval", "mentions"} <= set(commands)
    assert set(commands) == set(cli.commands)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_docs_every_command_has_an_example(command):
    text = _help(command)
    assert cli.commands[command].help, command
    examples = [line.strip() for line in text.splitlines() if line.strip().startswith("Example:")]
    assert examples, f"`kg {command} --help` shows no Example: line"
    assert all(e.split("Example:", 1)[1].strip().startswith(f"kg {command}") for e in examples), examples


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_docs_every_option_has_help(command):
    for param in cli.commands[command].params:
        if param.param_type_name == "option" and param.name != "help":
            assert param.help, f"kg {command} {param.opts[0]} has no help text"


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_docs_every_named_query_has_a_title(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# title: "), first
    assert first.removeprefix("# title: ").strip()


def test_docs_query_list_shows_each_title():
    result = CliRunner().invoke(cli, ["query", "--list"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(QUERIES) > 0
    for path, line in zip(QUERIES, lines):
        title = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# title: ").strip()
        assert line.split(None, 1) == [path.stem, title]


@pytest.mark.parametrize("command", _commands())
def test_docs_readme_mentions_every_command(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"\bkg {re.escape(command)}\b", readme), f"README.md does not show `kg {command}`"
