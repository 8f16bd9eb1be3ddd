"""Workers keep nothing a user wrote in memory between requests: only the read-only models."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse


def test_no_user_text_stays_cached_after_a_coach_request(as_alice: Client, alice_repair: Any) -> None:
    from amends.coach import embed
    from amends.coach.reply import _read_partner

    url = reverse("listen_reply", args=[alice_repair.pk])
    response = as_alice.post(
        url, {"partner": "You forgot my mother's funeral.", "text": "That must have felt so lonely."}
    )
    assert response.status_code == 200
    assert len(embed._cache) == 0
    assert _read_partner.cache_info().currsize == 0


def test_no_ledger_stays_in_the_worker_after_a_dashboard_request(as_alice: Client, alice_repair: Any) -> None:
    import gc

    from amends.services import trust_queries as queries

    assert as_alice.get(reverse("trust_dashboard", args=[alice_repair.pk])).status_code == 200
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, queries.Ledger)]
