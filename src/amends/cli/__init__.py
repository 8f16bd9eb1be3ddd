"""The ``amends`` command line: a thin layer over the library and the services.

Exit status: 0 on success, 1 when the work failed, 2 on bad usage (Click's convention).
Each module owns its commands; they are registered here with plain imports, so a broken
command is an error at start-up rather than a command that quietly disappears.
"""

from __future__ import annotations

import os

# Before numpy loads: the coach's heads multiply one vector by small matrices, where OpenBLAS's extra
# threads only spin, and took a quarter of a reply batch's CPU time from the encoder (bench/reply.py).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click  # noqa: E402


@click.group()
@click.version_option(package_name="amends")
def cli() -> None:
    """amends: repair a relationship after a mistake, privately, on this machine.

    \b
    Examples:
      amends serve                      start the web app on http://127.0.0.1:8000
      amends coach apology draft.txt    check an apology draft
      amends help-now --region UK       crisis and support lines
    """


def main() -> None:
    cli()


# The command modules import only Click and the pure core at the top, so importing them here is cheap.
from amends.cli import app, coach, ledger, ops, privacy, safety  # noqa: E402


def _register() -> None:
    for command in (
        app.serve,
        app.migrate,
        app.users,
        coach.coach,
        safety.safety,
        safety.help_now,
        safety.screen,
        ledger.commitments,
        ledger.checkin,
        ledger.report,
        privacy.export,
        ops.backup,
        ops.restore,
    ):
        cli.add_command(command)


_register()
