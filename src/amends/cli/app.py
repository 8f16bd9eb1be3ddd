"""``amends serve``, ``amends migrate`` and ``amends users``: running the app on this machine."""

from __future__ import annotations

import errno
import os
import sys
import tempfile

import click

from amends.paths import data_dir

# Django, the WSGI servers and the models are imported inside the commands on purpose: Django must be
# configured by ``setup_django()`` first, and ``amends --help`` should stay quick.


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


def check_data_dir() -> None:
    """Fail at start-up, before anything is written, when the data directory cannot take writes.

    A read-only mount or a full disk would otherwise surface later as a half-created database or an
    empty secret key. The probe is a temporary file that is always removed.
    """
    try:
        home = data_dir()
    except OSError as exc:
        raise click.ClickException(f"amends cannot create its data directory: {exc}") from exc
    probe = None
    try:
        fd, probe = tempfile.mkstemp(prefix=".amends-write-check-", dir=home)
        with os.fdopen(fd, "wb") as handle:
            handle.write(b"\0" * 65536)  # room for a secret key, a journal page and a WAL frame
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
            why = "the disk is full"
        elif exc.errno in {errno.EROFS, errno.EACCES, errno.EPERM}:
            why = "the data directory is read-only or not writable by this user"
        else:
            why = str(exc)
        raise click.ClickException(
            f"amends cannot start: {why} ({home}). Free some space or point AMENDS_HOME at a writable directory."
        ) from exc
    finally:
        if probe is not None:
            try:
                os.unlink(probe)
            except OSError:
                pass


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Request threads per worker.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes. 1 runs waitress in this process; more runs gunicorn (gthread) with a supervisor.",
)
@click.option("--no-migrate", is_flag=True, help="Do not apply pending migrations at start.")
def serve(host: str, port: int, threads: int, workers: int, no_migrate: bool) -> None:
    """Start the web app with a production WSGI server, serving its own static files.

    One worker (the default) runs waitress in this process: right for one person on their own
    machine. With --workers N, gunicorn runs N worker processes with --threads threads each and
    restarts any worker that dies: the hosted mode, with PostgreSQL through DATABASE_URL.

    \b
    Examples:
      amends serve
      amends serve --host 0.0.0.0 --port 9000
      DATABASE_URL=postgresql://amends@db/amends amends serve --workers 4
    """
    if not (os.environ.get("DATABASE_URL") and os.environ.get("AMENDS_SECRET_KEY")):
        check_data_dir()  # SQLite and the generated secret key both live there
    setup_django()
    if not no_migrate:
        _migrate()
    shown = "127.0.0.1" if host in {"0.0.0.0", "::"} else host
    if workers > 1:
        # Several workers share the cores; each inference then uses one thread (see coach/embed.py).
        os.environ.setdefault("AMENDS_ENCODER_THREADS", "1")
        _serve_gunicorn(host, port, threads, workers, f"http://{shown}:{port}/")
        return
    from waitress import serve as waitress_serve

    from amends.web.wsgi import application

    _warm_models()

    click.echo(f"amends is running at http://{shown}:{port}/  (Ctrl+C to stop)")
    sys.stdout.flush()
    # Forwarded headers reach the app, which believes them only from AMENDS_TRUSTED_PROXIES
    # (amends.web.security.proxies); waitress would otherwise drop X-Forwarded-Proto, and the HTTPS
    # redirect would loop behind a TLS proxy.
    waitress_serve(
        application,
        host=host,
        port=port,
        threads=threads,
        ident="amends",
        clear_untrusted_proxy_headers=False,
        _quiet=True,
    )


def _serve_gunicorn(host: str, port: int, threads: int, workers: int, url: str) -> None:
    from django.conf import settings
    from gunicorn.app.base import BaseApplication

    def post_fork(server: object, worker: object) -> None:
        # Connections opened by the supervisor (migrate) must not be shared with the children.
        from django.db import connections

        for conn in connections.all(initialized_only=True):
            conn.close()

    def post_worker_init(worker: object) -> None:
        _warm_models()

    def when_ready(server: object) -> None:
        click.echo(f"amends is running at {url}  ({workers} workers x {threads} threads; Ctrl+C to stop)")
        sys.stdout.flush()

    class AmendsServer(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options = {
                "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                "workers": workers,
                "worker_class": "gthread",
                "threads": threads,
                "timeout": 30,
                "graceful_timeout": 20,
                "keepalive": 5,
                "accesslog": None,  # no request logging: paths carry ids, bodies are never logged
                "errorlog": "-",
                "loglevel": "warning",
                "proc_name": "amends",
                # gunicorn takes the scheme from these proxies only, the same ones the app believes.
                "forwarded_allow_ips": ",".join(str(n) for n in settings.TRUSTED_PROXIES),
                "post_fork": post_fork,
                "post_worker_init": post_worker_init,
                "when_ready": when_ready,
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> object:
            from amends.web.wsgi import application

            return application

    AmendsServer().run()


def _warm_models() -> None:
    """Load the coach, the safety scan and every view in this worker now, so the first request does not
    pay for them."""
    # Imported here: the models are heavy, and ``amends --help`` should not load them.
    from django.db import connections
    from django.urls import reverse

    from amends.services.text_safety import check
    from amends.warm import warm_up
    from amends.web.wsgi import warm_request_path

    warm_up()
    # Building the URL tables imports every view module, which the first request did (a quarter of a second).
    reverse("healthz")
    # The safety check every coached or saved text goes through, with and without a finding (its routing
    # and help lines load on first use). No person, so no database: a worker starts while it is down too.
    check(None, "I am sorry I was late and you waited.", "I keep thinking everyone would be better off without me.")
    warm_request_path()
    connections.close_all()  # the request threads open their own


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
