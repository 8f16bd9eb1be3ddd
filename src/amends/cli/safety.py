"""``amends help-now``, ``amends safety scan`` and ``amends screen``: safety from the terminal.

Exit status: 0 on success (including when a scan finds something), 2 on bad input.
Screen results are kept only on this machine, in screens.jsonl in the data directory.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from amends.measures import ScoreResult, load_instrument, score, screens
from amends.measures.instruments import Instrument, Item, UnknownInstrument
from amends.safety.resources import Resource, footer, for_region, grouped_for_region

SCREENS = screens()
_region = click.option(
    "--region", default=None, metavar="XX", help="US, UK, CA or AU; anything else shows international help."
)


def _line(r: Resource) -> str:
    when = r.last_verified.isoformat()
    status = f"verified {when}" if r.verified else f"listed {when}, not yet verified"
    return f"  {r.name}: {r.contact()}  ({status})"


def _echo_lines(region: str | None, categories: list[str]) -> None:
    for r in for_region(region, categories):
        click.echo(_line(r))


@click.command("help-now")
@_region
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def help_now(region: str | None, as_json: bool) -> None:
    """Crisis and support lines for your region, with the date each was last checked.

    \b
    Examples:
      amends help-now --region UK
      amends help-now --json
    """
    if as_json:
        data = {g["title"]: [r.to_dict() for r in g["resources"]] for g in grouped_for_region(region)}
        click.echo(json.dumps({"footer": footer(region), "groups": data}, indent=2, ensure_ascii=False))
        return
    click.echo(footer(region))
    for group in grouped_for_region(region):
        click.echo(f"\n{group['title']}:")
        for r in group["resources"]:
            click.echo(_line(r))


@click.group()
def safety() -> None:
    """Check text for crisis language."""


@safety.command("scan")
@click.argument("source", default="-", metavar="[FILE|-]")
@_region
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def scan(source: str, region: str | None, as_json: bool) -> None:
    """Scan a text (a file, or - for standard input) for crisis language.

    \b
    Examples:
      amends safety scan note.txt
      echo "I can't go on" | amends safety scan - --json
    """
    from amends.coach.text import TextRejected, decode_bytes
    from amends.safety.detector import scan_safety

    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
        report = scan_safety(decode_bytes(data, what="input"))
    except OSError as exc:
        raise click.UsageError(f"cannot read {source}: {exc.strerror or exc}") from exc
    except TextRejected as exc:
        raise click.UsageError(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    _print_report(report.to_dict(), region)


def _print_report(result: dict[str, Any], region: str | None) -> None:
    types = {f["type"] for f in result["flags"]}
    if result["action"] == "crisis":
        click.echo("It sounds like things may be very hard right now. You can talk to someone now:")
        extra = ["dv_victim"] if "abuse_victim" in types else []
        _echo_lines(region, ["emergency", "suicide", "crisis", *extra])
    elif result["action"] == "support":
        click.echo("Some of this touches on safety in a relationship. Confidential support:")
        _echo_lines(region, ["dv_victim", "dv_perpetrator"])
    else:
        click.echo("No crisis language found.")
    for flag in result["flags"]:
        start, end = flag["span"]
        click.echo(f'  - {flag["type"]}: "{result["text"][start:end]}"')
    click.echo(footer(region))


@click.command("screen")
@click.argument("name", type=click.Choice(SCREENS, case_sensitive=False))
@_region
def screen(name: str, region: str | None) -> None:
    """Answer a short questionnaire privately; the result stays on this machine.

    \b
    Examples:
      amends screen phq9
      amends screen hark --region UK
    """
    inst = load_instrument(name)
    click.echo(f"{inst.title}\n{inst.attribution}\n")
    if inst.stem:
        click.echo(inst.stem)
    answers = _ask_all(inst, region)
    result = score(inst.id, answers)
    _print_result(inst, result, region)
    path = _save(result)
    click.echo(f"\nSaved privately to {path}.")


def _ask_all(inst: Instrument, region: str | None) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    warned = False
    for item in inst.items:
        if item.id == "5" and inst.id == "asq" and not any(v in ("yes", "refused") for v in answers.values()):
            continue
        answers[item.id] = _ask(item)
        if not warned and _triggers(item, answers[item.id]):
            warned = True
            click.echo("\nThank you for answering honestly. If you need to talk to someone now:")
            _echo_lines(region, ["suicide", "crisis", "emergency"])
            click.echo("")
    return answers


def _triggers(item: Item, value: Any) -> bool:
    if item.safety and item.trigger is not None:
        return isinstance(value, int) and value >= item.trigger
    return False


def _ask(item: Item) -> Any:
    choices = [str(o.value) for o in item.options]
    labels = "  ".join(f"[{o.value}] {o.label}" for o in item.options)
    answer = click.prompt(f"{item.id}. {item.text}\n   {labels}\n  ", type=click.Choice(choices))
    return int(answer) if isinstance(item.options[0].value, int) else answer


def _print_result(inst: Instrument, result: ScoreResult, region: str | None) -> None:
    click.echo("")
    if result.total is not None and inst.validated:
        click.echo(f"Score: {result.total:g}")
    click.echo(result.meaning)
    if result.reason:
        click.echo(result.reason)
    if "suicide_risk" in result.flags or "acute" in result.flags:
        click.echo("\nYou do not have to go through this alone. Talk to someone now:")
        _echo_lines(region, ["emergency", "suicide", "crisis"])
    if "abuse" in result.flags:
        click.echo("\nConfidential support (your partner is not told):")
        _echo_lines(region, ["dv_victim", "emergency"])
    if "substance" in result.flags:
        _echo_lines(region, ["substance"])
    if result.next_instrument:
        click.echo(f"\nNext, you could run: amends screen {result.next_instrument}")
    click.echo("\n" + footer(region))


def _save(result: ScoreResult) -> Path:
    from amends.paths import data_dir

    path = data_dir() / "screens.jsonl"
    record = {"at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **result.to_dict()}
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


__all__ = ["help_now", "safety", "screen", "UnknownInstrument"]
