"""The ledger's one hot read: a range of check-ins as core values, with the partner's verdict."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import connection

from amends import ledger
from amends.web.trust.models import CheckIn, Confirmation

Index = dict[str, dict[date, ledger.CheckIn]]
_STATUS = {s.value: s for s in ledger.Status}
_CONF = {
    "confirmed": ledger.Confirmation.CONFIRMED,
    "disputed": ledger.Confirmation.DISPUTED,
    None: ledger.Confirmation.NONE,
}


def check_in_index(
    commitment_ids: list[int], authors: frozenset[int], after: date | None, upto: date | None = None
) -> tuple[Index, dict[str, list[date]]]:
    """Check-ins of these (visible) commitments after ``after`` (all when None) and on or before ``upto``
    (no end when None), with the partner's verdict, as core values indexed by commitment and day; and
    per commitment the days nobody has answered yet.

    Raw SQL on purpose: this is the hot path of every dashboard, and the ORM's per-row converters
    cost more than the ledger's whole computation. Dates are parsed once per distinct day (SQLite
    gives the text, PostgreSQL gives dates). A verdict counts only when its writer is one of
    ``authors``, which is the access rule for a confirmation of a visible check-in
    (``access.visible``). The unique (commitment, day) index serves the range.
    """
    if not commitment_ids:
        return {}, {}

    ci, cf = CheckIn._meta.db_table, Confirmation._meta.db_table
    marks = ",".join(["%s"] * len(commitment_ids))
    # SQLite's date converter would parse every row's day; as text, each distinct day is parsed once below.
    day_column = 'CAST(c."on" AS TEXT)' if connection.vendor == "sqlite" else 'c."on"'
    sql = (
        f"SELECT c.commitment_id, {day_column}, c.status, f.verdict, f.partner_id FROM {ci} c "
        f"LEFT JOIN {cf} f ON f.check_in_id = c.id WHERE c.commitment_id IN ({marks})"
    )
    params: list[Any] = [*commitment_ids]
    if after is not None:
        sql += ' AND c."on" > %s'
        params.append(after)
    if upto is not None:
        sql += ' AND c."on" <= %s'
        params.append(upto)
    days: dict[Any, date] = {}
    make, status, conf = ledger.CheckIn.stored, _STATUS, _CONF
    out: Index = {str(pk): {} for pk in commitment_ids}
    quiet: dict[str, list[date]] = {str(pk): [] for pk in commitment_ids}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for cid, on, s, v, writer in cursor.fetchall():
            day = days.get(on)
            if day is None:
                day = days[on] = on if isinstance(on, date) else date.fromisoformat(on)
            key = str(cid)
            if writer is None:
                quiet[key].append(day)
            out[key][day] = make(key, day, status[s], conf[v] if writer in authors else conf[None])
    return out, quiet
