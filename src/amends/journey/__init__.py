"""The repair journey: its steps as data, and what counts as progress. Pure Python."""

from amends.journey.progress import StepStatus, TrackProgress, track_progress
from amends.journey.steps import Prompt, Step, Track, load_feelings, load_guide, load_track

__all__ = [
    "Prompt",
    "Step",
    "StepStatus",
    "Track",
    "TrackProgress",
    "load_feelings",
    "load_guide",
    "load_track",
    "track_progress",
]
