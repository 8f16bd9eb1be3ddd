"""``amends commitments``, ``amends checkin`` and ``amends report``: the trust ledger from the terminal.

They act as a local user (``--user NAME``; by default the only account on this machine) and
call the same services as the web pages. Exit status: 0 ok, 1 refused (the message says
why), 2 bad usage.
"""

from __future__ import annotations

import json
from typing import Any

import click

from amends.cli.app import setup_django
from amends.services.errors import InvalidInput, NotFound

# Models, services (their plain error types aside) and Django itself are imported inside the commands on
# purpose: Django refuses model imports before ``setup_django()`` has configured it, and ``amends --help``
# should not load it.

_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _user(name: str | None) -> Any:
    from django.contrib.auth.models import User

    if name:
        try:
            return User.objects.get(username=name)
        except User.DoesNotExist as exc:
            raise click.ClickException(f"No local user called {name!r}. `amends users` lists them.") from exc
    users = list(User.objects.all()[:2])
    if len(users) != 1:
        raise click.ClickException("There is more than one account here (or none); say which with --user NAME.")
    return users[0]


def _access(user: Any, repair_id: int | None) -> Any:
    from amends.services.access import repair_access
    from amends.web.repairs.models import Membership

    if repair_id is None:
        ids = list(Membership.objects.filter(user=user).values_list("repair_id", flat=True)[:2])
        if len(ids) != 1:
            raise click.ClickException("Say which repair with --repair ID (you have none, or several).")
        repair_id = ids[0]
    try:
        return repair_access(user, repair_id)
    except NotFound as exc:
        raise click.ClickException(f"No repair {repair_id} for {user.get_username()}.") from exc


def _context(user: str | None, repair: int | None) -> Any:
    setup_django()
    return _access(_user(user), repair)


def _run(fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except InvalidInput as exc:
        raise click.ClickException(str(exc)) from exc


def _echo_safety(saved: Any) -> None:
    """Crisis language in what was typed is answered first, with the lines to call (the service scanned it)."""
    from amends.services.text_safety import safety_of

    found = safety_of(saved)
    if found is None:
        return
    for message in found.route.messages:
        click.echo(message)
    for r in found.resources:
        click.echo(f"  {r.name}: {r.contact()}")
    click.echo("amends is not monitored and does not alert anyone.\n")


user_option = click.option("--user", "user", default=None, help="Local account to act as (default: the only one).")
repair_option = click.option(
    "--repair", "repair", type=int, default=None, help="Repair id (default: your only repair)."
)


@click.group()
def commitments() -> None:
    """List or add commitments.

    \b
    Examples:
      amends commitments list --repair 1
      amends commitments add "I will call if I'm running late" --kind whenever --event "I'm running late"
      amends commitments add "I will walk with you after work" --kind weekly --day mon --day wed
    """


@commitments.command("list")
@user_option
@repair_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def list_commitments(user: str | None, repair: int | None, as_json: bool) -> None:
    """Each commitment with its 30-day kept ratio and streak."""
    setup_django()  # before the imports below: they load models at their top
    from amends.services.trust_queries import load_ledger

    led = load_ledger(_context(user, repair))
    rows = [
        {"id": r.pk, "text": r.text, "schedule": d.schedule.describe(), "consistency": s.to_dict()}
        for r, d, s in zip(led.rows, led.domain, led.summary.commitments, strict=True)
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("No commitments yet. Add one with `amends commitments add`.")
    for row in rows:
        w = row["consistency"]["windows"]["30"]
        kept = "–" if w["kept_ratio"] is None else f"{w['kept_ratio']:.0%}"
        click.echo(
            f"[{row['id']}] {row['text']}  ({row['schedule']}) · 30 days: {kept} kept, {w['overdue']} not recorded"
        )


@commitments.command("add")
@click.argument("text")
@click.option("--kind", type=click.Choice(["once", "daily", "weekly", "whenever"]), default="daily", show_default=True)
@click.option(
    "--day", "days", multiple=True, type=click.Choice(list(_DAYS)), help="Weekday for --kind weekly (repeatable)."
)
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Day for --kind once.")
@click.option("--event", default="", help="What has to happen, for --kind whenever.")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), default=None)
@user_option
@repair_option
def add_commitment(
    text: str,
    kind: str,
    days: tuple[str, ...],
    on: Any,
    event: str,
    start: Any,
    end: Any,
    user: str | None,
    repair: int | None,
) -> None:
    """Add a commitment after the coach has read it (surveillance promises are refused)."""
    setup_django()  # before the imports below: they load models at their top
    from amends.services import trust as service

    access = _context(user, repair)
    report = _run(service.coach_commitment, text)
    for f in report.findings:
        click.echo(f"coach · {f.rule}: “{text[f.span[0] : f.span[1]]}”. {f.suggestion}")
    schedule = service.ScheduleInput(kind, tuple(_DAYS[d] for d in days), on.date() if on else None, event)
    c = _run(
        service.add_commitment,
        access,
        text=text,
        schedule=schedule,
        start=start.date() if start else None,
        end=end.date() if end else None,
    )
    _echo_safety(c)
    click.echo(f"Saved commitment {c.pk}. {report.keep_every_time_prompt.question}")


@click.command()
@click.argument("commitment_id", type=int)
@click.option("--status", type=click.Choice(["kept", "partly", "missed"]), required=True)
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Day (default: today).")
@click.option("--note", default="", help="Optional note; for a missed day, say what happened without excuses.")
@user_option
@repair_option
def checkin(commitment_id: int, status: str, on: Any, note: str, user: str | None, repair: int | None) -> None:
    """Record how a due day went. Recording the same thing twice changes nothing.

    \b
    Examples:
      amends checkin 3 --status kept
      amends checkin 3 --status missed --on 2025-06-29 --note "I forgot and didn't call."
    """
    setup_django()  # before the imports below: they load models at their top
    from amends.services import trust as service

    access = _context(user, repair)
    day = on.date() if on else service.today_for(access.user_id)
    try:
        result = _run(service.record_check_in, access, commitment_id, on=day, status=status, note=note)
    except NotFound as exc:
        raise click.ClickException(f"No commitment {commitment_id} in this repair.") from exc
    _echo_safety(result)
    click.echo("Recorded." if result.created or result.changed else "Already recorded; nothing changed.")
    for f in result.note_findings:
        click.echo(f"note · {f['rule']}: {f['message']} {f['suggestion']}")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write to a file instead of the screen.",
)
@user_option
@repair_option
def report(fmt: str, output: str | None, user: str | None, repair: int | None) -> None:
    """A printable progress summary you might bring to a counsellor.

    It holds what you may see: commitments and follow-through, questions, and the check-in
    scores that are yours or that your partner shared. Screening answers are never included.

    \b
    Examples:
      amends report --repair 1 --format md
      amends report --repair 1 --format html -o progress.html
    """
    setup_django()  # before the imports below: they load models at their top
    from amends.services.report import render_report

    text = _run(render_report, _context(user, repair), fmt)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"Wrote {output}")
    else:
        click.echo(text)


__all__ = ["checkin", "commitments", "report"]
