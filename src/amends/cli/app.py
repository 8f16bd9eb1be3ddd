"""``amends serve``, ``amends migrate`` and ``amends users``: running the app on this machine."""

from __future__ import annotations

import os
import sys

import click


def setup_django() -> None:
    """Configure Django for a CLI command, with a clear message when the data directory is unusable."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amends.web.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except (OSError, ImproperlyConfigured) as exc:
        raise click.ClickException(f"amends cannot start: {exc}") from exc


def _migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command
    from django.db.utils import OperationalError

    try:
        call_command("migrate", interactive=False, verbosity=verbosity)
    except OperationalError as exc:
        raise click.ClickException(
            f"amends cannot open its database: {exc}. Check that the data directory is writable and not full."
        ) from exc


@click.command()
def migrate() -> None:
    """Create or upgrade the database.

    \b
    Example:
      AMENDS_HOME=~/amends-data amends migrate
    """
    setup_django()
    _migrate(verbosity=1)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Request threads.")
@click.option("--no-migrate", is_flag=True, help="Do not apply pending migrations at start.")
def serve(host: str, port: int, threads: int, no_migrate: bool) -> None:
    """Start the web app with a production WSGI server (waitress), serving its own static files.

    \b
    Examples:
      amends serve
      amends serve --host 0.0.0.0 --port 9000
    """
    setup_django()
    if not no_migrate:
        _migrate()
    from waitress import serve as waitress_serve

    from amends.web.wsgi import application

    shown = "127.0.0.1" if host in {"0.0.0.0", "::"} else host
    click.echo(f"amends is running at http://{shown}:{port}/  (Ctrl+C to stop)")
    sys.stdout.flush()
    waitress_serve(application, host=host, port=port, threads=threads, ident="amends", _quiet=True)


@click.group()
def users() -> None:
    """Manage local accounts."""


@users.command("reset-password")
@click.argument("name")
@click.password_option(help="The new password (asked twice if not given).")
def reset_password(name: str, password: str) -> None:
    """Set a new password for the account NAME: the local recovery path, no e-mail needed.

    \b
    Example:
      amends users reset-password alice
    """
    setup_django()
    from django.contrib.auth import get_user_model, password_validation
    from django.core.exceptions import ValidationError

    user = get_user_model().objects.filter(username=name).first()
    if user is None:
        raise click.ClickException(f"No account named {name!r}. Names are case-sensitive.")
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise click.ClickException(" ".join(exc.messages)) from exc
    user.set_password(password)
    user.save()
    click.echo(f"Password for {name} changed.")
