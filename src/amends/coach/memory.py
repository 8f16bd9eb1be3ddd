"""Forget the text users wrote once a request is answered.

The coach caches embeddings and partner-message readings so one analysis never repeats work.
A web worker must not keep what a user typed in memory between requests (privacy, and the
architecture's "stateless workers" rule), so the web layer calls :func:`forget_user_text` after
every request. Batch and CLI runs keep their caches for the life of the process.
"""

from __future__ import annotations

import sys


def forget_user_text() -> None:
    embed = sys.modules.get("amends.coach.embed")
    if embed is not None:
        embed.clear_cache()
    reply = sys.modules.get("amends.coach.reply")
    if reply is not None:
        reply.forget_partner_readings()
