"""``amends help-now``, ``amends safety scan`` and ``amends screen``: safety from the terminal.

Exit status: 0 on success (including when a scan finds something), 1 when refused, 2 on bad input.
``amends screen`` goes through the same service as the web Safety pages (``services.safety.submit_screen``):
the result is kept privately in this machine's database for a local account, and a positive screen raises
the same signal as on the web.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from amends.cli.app import setup_django
from amends.cli.ledger import _user
from amends.coach.text import TextRejected, decode_bytes
from amends.measures import ScoreResult, items_to_ask, load_instrument, screens
from amends.measures.instruments import Instrument, Item, UnknownInstrument
from amends.safety.lexicon import THIRD_PARTY
from amends.safety.messages import MESSAGES, SOMEONE_ELSE_HELP
from amends.safety.resources import Resource, footer, for_region, grouped_for_region
from amends.services.errors import InvalidInput

# Models, services (their plain error types aside) and Django itself are imported inside the commands on
# purpose: Django refuses model imports before ``setup_django()`` has configured it, and ``amends --help``
# should not load it.

if TYPE_CHECKING:  # routing loads the detector; the CLI starts without it
    from amends.safety.routing import Route

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
    from amends.safety.detector import scan_safety  # pulls in numpy and the embedder; the CLI starts without them

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


# Each side of abuse gets the lines written for it, as the web's routing gives them: help for someone
# harmed by a partner, or for someone who wants to stop harming one.
_ABUSE_LINES = (("abuse_victim", "dv_victim"), ("abuse_perpetration", "dv_perpetrator"))


def _abuse_lines(types: set[str]) -> list[str]:
    return [category for kind, category in _ABUSE_LINES if kind in types]


def _someone_elses_lines(kinds: list[str], region: str | None) -> None:
    """Someone else at risk: the words and lines the web's route gives (``messages.SOMEONE_ELSE_HELP``)."""
    for kind in kinds:
        message, categories = SOMEONE_ELSE_HELP[kind]
        click.echo(MESSAGES[message])
        _echo_lines(region, list(categories))


def _print_report(result: dict[str, Any], region: str | None) -> None:
    types = {f["type"] for f in result["flags"]}
    if result.get("english") is False:
        click.echo("amends reads English only, so it could not check this text for signs of crisis.")
        if result["action"] == "none":
            _echo_lines(region, ["emergency", "suicide", "crisis"])
    if result["action"] == "crisis":
        click.echo("It sounds like things may be very hard right now. You can talk to someone now:")
        _echo_lines(region, ["emergency", "suicide", "crisis", *_abuse_lines(types)])
    elif result["action"] == "support" and types != {THIRD_PARTY}:
        click.echo("Some of this touches on safety in a relationship. Confidential support:")
        _echo_lines(region, _abuse_lines(types))
    elif result["action"] == "none" and result.get("english") is not False:
        click.echo("No crisis language found.")
    if THIRD_PARTY in types:
        _someone_elses_lines(result.get("someone_else", []), region)
    for flag in result["flags"]:
        start, end = flag["span"]
        click.echo(f'  - {flag["type"]}: "{result["text"][start:end]}"')
    click.echo(footer(region))


@click.command("screen")
@click.argument("name", type=click.Choice(SCREENS, case_sensitive=False))
@_region
@click.option("--user", "username", default=None, help="Local account to keep it for (default: the only one).")
def screen(name: str, region: str | None, username: str | None) -> None:
    """Answer a short questionnaire privately; the result stays on this machine, never shown to a partner.

    \b
    Examples:
      amends screen phq9
      amends screen hark --region UK --user sam
    """
    from amends.services import safety as service
    from amends.services.text_safety import region_of

    setup_django()
    user = _user(username)
    region = region or region_of(user.pk)
    inst = load_instrument(name)
    click.echo(f"{inst.title}\n{inst.attribution}\n")
    if inst.stem:
        click.echo(inst.stem)
    answers = _ask_all(inst, region)
    try:
        row, result = service.submit_screen(user, inst.id, answers)
    except InvalidInput as exc:
        raise click.ClickException(str(exc)) from exc
    _print_result(inst, result, service.screen_route(user, row, region), region)
    click.echo("\nKept privately in amends on this machine. Your partner is never shown it.")


def _ask_all(inst: Instrument, region: str | None) -> dict[str, Any]:
    """Ask the items ``measures`` says to ask, one at a time: the ASQ asks item 5 after a yes to 1-4."""
    answers: dict[str, Any] = {}
    warned = False
    while pending := [i for i in items_to_ask(inst.id, answers) if i not in answers]:
        item = inst.item(pending[0])
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


def _print_result(inst: Instrument, result: ScoreResult, route: Route, region: str | None) -> None:
    """The same route as the web result page: the crisis line first, then the meaning."""
    click.echo("")
    if route.messages:
        for message in route.messages:
            click.echo(message)
        for r in route.resources:
            click.echo(_line(r))
        click.echo("")
    if result.total is not None and inst.validated:
        click.echo(f"Score: {result.total:g}")
    click.echo(result.meaning)
    if result.reason:
        click.echo(result.reason)
    if "substance" in result.flags:
        _echo_lines(region, ["substance"])
    if route.urge_clinician:
        click.echo(
            "Please contact a doctor or mental-health professional soon, and tell them how you have been feeling."
        )
    if result.next_instrument:
        click.echo(f"\nNext, you could run: amends screen {result.next_instrument}")
    click.echo("\n" + footer(region))


__all__ = ["help_now", "safety", "screen", "UnknownInstrument"]
