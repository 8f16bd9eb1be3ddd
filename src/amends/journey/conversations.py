"""Guided conversations as data (``amends/content/conversations/*.yaml``). Pure Python.

A conversation is a short run of steps. Each step has guidance, a cited source, and optionally prompts
(what a person writes), links to other parts of amends, and one tool: the turn-taking of "each one's
reality", the shared "we agreed" note, the time-out timer, or the partner's open questions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

_FOLDER = "amends.content.conversations"
PROMPT_WIDGETS = ("text", "feelings", "choices", "date")
TOOLS = ("turns", "agreement", "timer", "open-questions")
# Places a step may point to. The web layer turns each into a link; content never holds a URL.
LINKS = ("apology_coach", "time_out", "after_a_fight", "need_help", "commitments", "questions")
AUDIENCES = ("both", "offender", "hurt")


@dataclass(frozen=True)
class ConversationPrompt:
    slug: str
    label: str
    help: str
    widget: str = "text"
    choices: tuple[str, ...] = ()
    audience: str = "both"  # "for:" in the file: a prompt only one side is asked

    def for_role(self, role: str) -> bool:
        return self.audience in ("both", role)


@dataclass(frozen=True)
class ConversationStep:
    slug: str
    number: int
    title: str
    guidance: str
    source: str
    prompts: tuple[ConversationPrompt, ...] = ()
    tool: str | None = None
    links: tuple[str, ...] = ()

    def prompts_for(self, role: str) -> tuple[ConversationPrompt, ...]:
        return tuple(p for p in self.prompts if p.for_role(role))


@dataclass(frozen=True)
class Conversation:
    slug: str
    order: int
    title: str
    summary: str
    intro: str
    audience: str
    together: bool  # both partners take part in one shared run; otherwise one person prepares alone
    source: str
    steps: tuple[ConversationStep, ...]

    def step(self, slug: str) -> ConversationStep | None:
        return next((s for s in self.steps if s.slug == slug), None)

    def for_role(self, role: str) -> bool:
        return self.audience in ("both", role)

    def after(self, step: ConversationStep) -> ConversationStep | None:
        return self.steps[step.number] if step.number < len(self.steps) else None

    def before(self, step: ConversationStep) -> ConversationStep | None:
        return self.steps[step.number - 2] if step.number > 1 else None


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(resources.files(_FOLDER).joinpath(name).read_text(encoding="utf-8"))
    return data


def _prompt(raw: dict[str, Any]) -> ConversationPrompt:
    widget = str(raw.get("widget", "text"))
    audience = str(raw.get("for", "both"))
    if widget not in PROMPT_WIDGETS or audience not in AUDIENCES:
        raise ValueError(f"prompt {raw.get('slug')!r}: unknown widget {widget!r} or audience {audience!r}")
    return ConversationPrompt(
        str(raw["slug"]), str(raw["label"]), str(raw.get("help", "")), widget, tuple(raw.get("choices", ())), audience
    )


def _step(number: int, raw: dict[str, Any]) -> ConversationStep:
    tool, links = raw.get("tool"), tuple(raw.get("links", ()))
    if tool is not None and tool not in TOOLS or any(link not in LINKS for link in links):
        raise ValueError(f"step {raw.get('slug')!r}: unknown tool {tool!r} or link in {links!r}")
    return ConversationStep(
        slug=str(raw["slug"]),
        number=number,
        title=str(raw["title"]),
        guidance=str(raw["guidance"]).strip(),
        source=str(raw["source"]),
        prompts=tuple(_prompt(p) for p in raw.get("prompts", ())),
        tool=tool,
        links=links,
    )


def _load(name: str) -> Conversation:
    raw = _read(name)
    return Conversation(
        slug=str(raw["slug"]),
        order=int(raw["order"]),
        title=str(raw["title"]),
        summary=str(raw["summary"]),
        intro=str(raw["intro"]).strip(),
        audience=str(raw["audience"]),
        together=bool(raw["together"]),
        source=str(raw["source"]),
        steps=tuple(_step(n, s) for n, s in enumerate(raw["steps"], start=1)),
    )


@cache
def load_conversations() -> tuple[Conversation, ...]:
    """Every guided conversation, in the order the list shows them. The files are the registry."""
    names = [f.name for f in resources.files(_FOLDER).iterdir() if f.name.endswith(".yaml")]
    return tuple(sorted((_load(n) for n in names), key=lambda c: c.order))


def load_conversation(slug: str) -> Conversation | None:
    return next((c for c in load_conversations() if c.slug == slug), None)


@cache
def load_shame_page() -> dict[str, Any]:
    """The private page on shame, guilt and self-forgiveness for the partner who made the mistake."""
    data: dict[str, Any] = yaml.safe_load(
        resources.files("amends.content").joinpath("self_forgiveness.yaml").read_text(encoding="utf-8")
    )
    return data
