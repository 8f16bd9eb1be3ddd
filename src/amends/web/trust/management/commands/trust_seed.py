"""``python -m django trust_seed --repair ID``: fill a repair with two years of generated trust history."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from amends.services.maintenance import refresh_statistics
from amends.web.repairs.models import Membership, Repair
from amends.web.trust.seed import load_history


class Command(BaseCommand):
    help = "Fill a repair (with both partners joined) with generated commitments, check-ins and weekly questionnaires."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repair", type=int, required=True)
        parser.add_argument("--days", type=int, default=730)
        parser.add_argument("--commitments", type=int, default=10)
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: Any, **opts: Any) -> None:
        members = {m.role: m.user for m in Membership.objects.filter(repair_id=opts["repair"]).select_related("user")}
        if "offender" not in members or "hurt" not in members:
            raise CommandError("That repair needs both partners joined (an offender and a hurt member).")
        h = load_history(
            Repair.objects.get(pk=opts["repair"]),
            members["offender"],
            members["hurt"],
            days=opts["days"],
            commitments=opts["commitments"],
            seed=opts["seed"],
        )
        refresh_statistics()
        self.stdout.write(
            f"Loaded {len(h.commitments)} commitments, {len(h.check_ins)} check-ins, "
            f"{len(h.csi4)} weeks of questionnaires."
        )
