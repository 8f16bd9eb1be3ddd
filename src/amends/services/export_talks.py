"""The export's guided conversations: each run this person may read, in the conversation's own words,
with the boxes written in it (their own, and what the partner chose to show) and the "we agreed" notes."""

from __future__ import annotations

from typing import Any

from amends.journey.conversations import load_conversation
from amends.services.export_scope import Scope, iso, ref
from amends.web.conversations.models import AgreementNote, Conversation, ConversationEntry


def conversations(scope: Scope) -> list[dict[str, Any]]:
    entries = list(scope.rows(ConversationEntry).order_by("pk"))
    notes = list(scope.rows(AgreementNote).order_by("created_at", "pk"))
    # The runs one may read, and any run holding one's own words: a partner who started a run and then
    # deleted their account leaves it without a starter, and what one wrote there is still one's own.
    held = {row.conversation_id for row in entries + notes}
    runs = list(
        (scope.rows(Conversation) | Conversation.objects.filter(pk__in=held, repair=scope.repair))
        .distinct()
        .order_by("created_at", "pk")
    )
    by_run: dict[int, dict[str, list[dict[str, Any]]]] = {run.pk: {"entries": [], "notes": []} for run in runs}
    labels = {run.pk: _labels(run.kind) for run in runs}
    for e in entries:
        step, prompt = labels[e.conversation_id].get((e.step, e.prompt), (e.step, e.prompt))
        by_run[e.conversation_id]["entries"].append(
            {
                "ref": ref(e),
                **scope.by(e),
                "step": step,
                "prompt": prompt,
                "text": e.text,
                "shared": e.shared,
                "updated": iso(e.updated_at),
            }
        )
    for n in notes:
        by_run[n.conversation_id]["notes"].append(
            {"ref": ref(n), **scope.by(n), "text": n.text, "proposed": iso(n.created_at)}
        )
    return [_run(scope, run, by_run[run.pk]) for run in runs]


def _run(scope: Scope, run: Conversation, found: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    content = load_conversation(run.kind)
    return {
        "ref": ref(run),
        **scope.by(run),
        "conversation": content.title if content else run.kind,
        "together": run.together,
        "started": iso(run.created_at),
        "finished": iso(run.finished_at),
        "agreed": iso(run.agreed_at),
        "boxes": found["entries"],
        "we_agreed_notes": found["notes"],
    }


def _labels(kind: str) -> dict[tuple[str, str], tuple[str, str]]:
    """Each box's step title and question, as the conversation's page shows them."""
    content = load_conversation(kind)
    if content is None:
        return {}
    return {(s.slug, p.slug): (s.title, p.label) for s in content.steps for p in s.prompts}
