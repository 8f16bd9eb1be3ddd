"""Progress through a track: which steps are started or done, and where the user left off."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from amends.journey.steps import Track


@dataclass(frozen=True)
class StepStatus:
    slug: str
    number: int
    title: str
    answered: int  # prompts with a non-empty answer
    total: int
    completed: bool  # the user marked it done

    @property
    def state(self) -> str:
        if self.completed:
            return "done"
        return "started" if self.answered else "not_started"


@dataclass(frozen=True)
class TrackProgress:
    steps: tuple[StepStatus, ...]
    resume_slug: str  # where the user left off: the step to open when they return

    @property
    def done_count(self) -> int:
        return sum(1 for s in self.steps if s.completed)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / len(self.steps)) if self.steps else 0

    @property
    def finished(self) -> bool:
        return self.done_count == len(self.steps)


def track_progress(
    track: Track,
    answers: Mapping[tuple[str, str], str],
    completed: Iterable[str],
    last_edited: Mapping[str, datetime] | None = None,
) -> TrackProgress:
    """Summarise progress from answers keyed by (step slug, prompt slug) and the completed step slugs.

    The resume point is the most recently edited step that is not yet done; failing that, the first
    step not done; and once all are done, the last step.
    """
    done = set(completed)
    statuses = tuple(
        StepStatus(
            slug=step.slug,
            number=step.number,
            title=step.title,
            answered=sum(1 for p in step.prompts if answers.get((step.slug, p.slug), "").strip()),
            total=len(step.prompts),
            completed=step.slug in done,
        )
        for step in track.steps
    )
    return TrackProgress(steps=statuses, resume_slug=_resume(statuses, last_edited or {}))


def _resume(statuses: tuple[StepStatus, ...], last_edited: Mapping[str, datetime]) -> str:
    open_steps = [s for s in statuses if not s.completed]
    if not open_steps:
        return statuses[-1].slug
    edited = [s for s in open_steps if s.slug in last_edited]
    if edited:
        return max(edited, key=lambda s: last_edited[s.slug]).slug
    return open_steps[0].slug
