"""The ``amends`` command line: a thin layer over the library and the services.

Exit status: 0 on success, 1 when the work failed, 2 on bad usage (Click's convention).
Subcommands are imported only when called, so ``amends --help`` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import click

# command name -> "module:attribute"; each module owns its own commands.
_COMMANDS = {
    "serve": "amends.cli.app:serve",
    "migrate": "amends.cli.app:migrate",
    "users": "amends.cli.app:users",
    "coach": "amends.cli.coach:coach",
    "safety": "amends.cli.safety:safety",
    "help-now": "amends.cli.safety:help_now",
    "screen": "amends.cli.safety:screen",
    "commitments": "amends.cli.ledger:commitments",
    "checkin": "amends.cli.ledger:checkin",
    "report": "amends.cli.ledger:report",
    "export": "amends.cli.privacy:export",
    "backup": "amends.cli.ops:backup",
    "restore": "amends.cli.ops:restore",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in _COMMANDS if self._available(name))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS or not self._available(cmd_name):
            return None
        module, attr = _COMMANDS[cmd_name].split(":")
        command: Any = getattr(import_module(module), attr)
        return command  # type: ignore[no-any-return]

    @staticmethod
    def _available(name: str) -> bool:
        module, attr = _COMMANDS[name].split(":")
        try:
            return hasattr(import_module(module), attr)
        except ImportError:
            return False


@click.group(cls=LazyGroup)
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
