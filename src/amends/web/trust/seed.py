"""Fill a repair with a generated history (``amends.ledger.generate``): for the bench, demos and screenshots."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db import transaction

from amends.ledger.generate import History, generate_history
from amends.measures import score
from amends.services.ledger_past import history_changed
from amends.web.repairs.models import Repair
from amends.web.trust.models import CheckIn, Commitment, Confirmation, QuestionnaireResponse, ScheduleVersion


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


@transaction.atomic
def load_history(
    repair: Repair,
    offender: Any,
    hurt: Any,
    *,
    days: int = 730,
    commitments: int = 10,
    seed: int = 0,
    today: date | None = None,
    all_daily: bool = True,
) -> History:
    """Write ``generate_history`` into the database with bulk inserts. Returns the history written."""
    history = generate_history(
        days=days, commitments=commitments, seed=seed, today=today or date.today(), all_daily=all_daily
    )
    rows = Commitment.objects.bulk_create(
        [
            Commitment(
                repair=repair,
                author=offender,
                text=c.text,
                start=c.start,
                end=c.end,
                created_at=_at(c.start, 9),
                updated_at=_at(c.versions[-1].effective_from, 9),
            )
            for c in history.commitments
        ]
    )
    ids = {c.id: row for c, row in zip(history.commitments, rows, strict=True)}
    ScheduleVersion.objects.bulk_create(
        [
            ScheduleVersion(
                commitment=ids[c.id],
                effective_from=v.effective_from,
                kind=v.schedule.kind.value,
                weekdays=",".join(str(d) for d in sorted(v.schedule.weekdays)),
                on=v.schedule.on,
                event=v.schedule.event,
                text=c.text,
                end=c.end,
                created_at=_at(v.effective_from, 9),
            )
            for c in history.commitments
            for v in c.versions
        ]
    )
    check_rows = CheckIn.objects.bulk_create(
        [
            CheckIn(
                repair=repair,
                commitment=ids[c.commitment_id],
                on=c.on,
                status=c.status.value,
                recorded_at=_at(c.on, 21),
                updated_at=_at(c.on, 21),
            )
            for c in history.check_ins
        ],
        batch_size=2000,
    )
    Confirmation.objects.bulk_create(
        [
            Confirmation(
                repair=repair,
                check_in=row,
                partner=hurt,
                verdict=c.confirmation.value,
                created_at=_at(c.on + timedelta(days=1), 8),
            )
            for c, row in zip(history.check_ins, check_rows, strict=True)
            if c.confirmation.value != "none"
        ],
        batch_size=2000,
    )
    QuestionnaireResponse.objects.bulk_create(_responses(repair, offender, hurt, history), batch_size=2000)
    history_changed(repair.pk, None, history.today)  # bulk inserts bypass the services: redo any stored past
    return history


def _responses(repair: Repair, offender: Any, hurt: Any, h: History) -> list[QuestionnaireResponse]:
    out = []
    for who, hour in ((hurt, 19), (offender, 20)):
        for a in h.csi4:
            items = {str(i + 1): v for i, v in enumerate(a.items)}
            out.append(
                QuestionnaireResponse(
                    repair=repair,
                    user=who,
                    instrument="csi4",
                    answers=items,
                    total=a.total,
                    headline=a.total,
                    band=score("csi4", items).band,
                    shared=True,
                    taken_at=_at(a.on, hour),
                )
            )
    for t in h.trust:
        items = {
            "predictability": t.predictability,
            "dependability": t.dependability,
            "faith": t.faith,
            "trust_today": t.trust_today,
        }
        out.append(
            QuestionnaireResponse(
                repair=repair,
                user=hurt,
                instrument="trust_checkin",
                answers=items,
                total=sum(items.values()),
                headline=t.trust_today,
                shared=True,
                taken_at=_at(t.on, 19),
            )
        )
    for f in h.forgiveness:
        items = dict(f.items)  # the generator uses the check-in's own item ids
        out.append(
            QuestionnaireResponse(
                repair=repair,
                user=hurt,
                instrument="forgiveness_checkin",
                answers=items,
                total=score("forgiveness_checkin", items).total,
                headline=items["decision"],
                shared=False,
                taken_at=_at(f.on, 19),
            )
        )
    return out
