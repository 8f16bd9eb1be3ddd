"""``amends export``: everything a user wrote, and what their partner shares with them, as a ZIP."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from amends.cli.app import setup_django
from amends.paths import data_dir, write_private

# Models, services and Django itself are imported inside the commands on purpose: Django refuses
# model imports before ``setup_django()`` has configured it, and ``amends --help`` should not load it.


@click.command()
@click.option("--user", "username", default=None, help="Whose data to export. Needed when there are several accounts.")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the ZIP. Default: exports/ in the data directory.",
)
def export(username: str | None, out: Path | None) -> None:
    """Download a user's data: a ZIP with a JSON file and a readable HTML copy.

    \b
    Examples:
      amends export
      amends export --user alice --out ~/alice-amends.zip
    """
    setup_django()
    from django.contrib.auth.models import User
    from django.db.utils import OperationalError

    from amends.services.privacy import export_zip

    try:
        user = _pick_user(User, username)
        data = export_zip(user)
    except OperationalError as exc:
        raise click.ClickException(f"amends cannot read its database: {exc}. Run `amends migrate` first?") from exc
    if out is None:
        out = data_dir() / "exports" / f"amends-{user.get_username()}-{date.today():%Y%m%d}.zip"
    out = out.expanduser()
    out.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # The export holds the most private things a person writes: only its owner may read the file.
    write_private(out, data)
    click.echo(f"Wrote {out} ({len(data):,} bytes).")


def _pick_user(User: type, username: str | None) -> Any:  # noqa: N803 - the model class
    if username:
        user = User.objects.filter(username=username).first()  # type: ignore[attr-defined]
        if user is None:
            raise click.ClickException(f"No account is called {username!r}.")
        return user
    users = list(User.objects.all()[:2])  # type: ignore[attr-defined]
    if len(users) != 1:
        raise click.ClickException("There are several accounts (or none). Choose one with --user NAME.")
    return users[0]
