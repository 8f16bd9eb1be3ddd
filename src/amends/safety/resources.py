"""Crisis and support lines by region, from ``amends/content/resources.yaml``.

Every entry carries its source and a last-verified date; entries marked ``verified: false``
were written from memory and must be checked before a release. An unknown or missing region
falls back to the international list, and a lookup never comes back empty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

REGIONS = ("US", "UK", "CA", "AU", "INTL")
CATEGORIES = (
    "crisis",
    "suicide",
    "dv_victim",
    "dv_perpetrator",
    "substance",
    "mental_health",
    "emergency",
    "couples_directory",
)
_ALIASES = {"GB": "UK", "USA": "US", "CAN": "CA", "AUS": "AU", "": "INTL"}
# "Text HOME to 741741" -> keyword HOME, number 741741; "Text 0477 13 11 14" -> number only.
_SMS = re.compile(r"^text\s+(?:(?P<word>[A-Z]+)\s+to\s+)?(?:.*?\bto\s+)?(?P<number>[\d][\d\s-]*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Resource:
    region: str
    name: str
    category: str
    source: str
    last_verified: dt.date
    verified: bool
    number: str | None = None
    text: str | None = None
    url: str | None = None
    note: str = ""

    def contact(self) -> str:
        """How to reach it, in one line: "call 116 123", "Text HOME to 741741", a web address."""
        parts = []
        if self.number:
            parts.append(f"call {self.number}")
        if self.text and self.text != self.number:
            parts.append(self.text if self.text[:1].isalpha() else f"text {self.text}")
        elif self.text:
            parts[-1] = f"call or text {self.number}"
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)

    @property
    def emergency(self) -> bool:
        return self.category == "emergency"

    def links(self) -> tuple[dict[str, str], ...]:
        """Tap-to-call, tap-to-text and web links, in the order ``contact`` names them."""
        out: list[dict[str, str]] = []
        if self.number:
            label = f"call {self.number}" + (" (emergency number)" if self.emergency else "")
            out.append({"kind": "tel", "href": "tel:" + _digits(self.number), "label": label})
        sms = _sms_href(self.text) if self.text else None
        if sms:
            same = self.text == self.number
            out.append({"kind": "sms", "href": sms, "label": f"text {self.text}" if same else str(self.text)})
        if self.url:
            href = self.url if "://" in self.url else "https://" + self.url
            out.append({"kind": "web", "href": href, "label": self.url.split("://", 1)[-1].rstrip("/")})
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "links": list(self.links()),
            "region": self.region,
            "name": self.name,
            "category": self.category,
            "number": self.number,
            "text": self.text,
            "url": self.url,
            "note": self.note,
            "source": self.source,
            "last_verified": self.last_verified.isoformat(),
            "verified": self.verified,
        }


def _resource(region: str, raw: dict[str, Any]) -> Resource:
    if raw["category"] not in CATEGORIES:
        raise ValueError(f"{region}/{raw['name']}: unknown category {raw['category']!r}")
    return Resource(
        region=region,
        name=str(raw["name"]),
        category=raw["category"],
        source=str(raw["source"]),
        last_verified=raw["last_verified"],
        verified=bool(raw["verified"]),
        number=_opt(raw.get("number")),
        text=_opt(raw.get("text")),
        url=_opt(raw.get("url")),
        note=str(raw.get("note", "")),
    )


def _digits(number: str) -> str:
    return re.sub(r"[^\d+]", "", number)


def _sms_href(text: str) -> str | None:
    """``sms:`` link for a text line; a keyword goes in the body so the message is ready to send."""
    if text.replace(" ", "").replace("-", "").isdigit():
        return "sms:" + _digits(text)
    m = _SMS.match(text.strip())
    if m is None:
        return None
    href = "sms:" + _digits(m.group("number"))
    return href + f"?&body={m.group('word')}" if m.group("word") else href


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


@lru_cache(maxsize=1)
def all_resources() -> dict[str, tuple[Resource, ...]]:
    """Every resource, by region code."""
    text = resources.files("amends.content").joinpath("resources.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return {region: tuple(_resource(region, r) for r in data[region]) for region in REGIONS}


def normalise_region(code: str | None) -> str:
    """ "gb" -> "UK"; anything unknown or missing -> "INTL"."""
    key = (code or "").strip().upper()
    key = _ALIASES.get(key, key)
    return key if key in REGIONS else "INTL"


def for_region(code: str | None, categories: Iterable[str] | None = None) -> tuple[Resource, ...]:
    """Resources for a region, optionally only some categories; never empty.

    Categories with nothing local are filled from the international list, and if that still
    gives nothing, the international crisis entries are returned.
    """
    region = normalise_region(code)
    wanted = tuple(categories) if categories is not None else CATEGORIES
    found = [r for r in all_resources()[region] if r.category in wanted]
    missing = set(wanted) - {r.category for r in found}
    if region != "INTL" and missing:
        found += [r for r in all_resources()["INTL"] if r.category in missing]
    found.sort(key=lambda r: wanted.index(r.category))  # stable: file order within a category
    # One line per place to turn to: findahelpline.com is listed under several categories, and a
    # crisis banner asking for three of them showed it twice.
    first_of: dict[tuple[str | None, str | None], Resource] = {}
    for r in found:
        first_of.setdefault((r.number, r.url), r)
    once = list(first_of.values())
    return tuple(once) or tuple(r for r in all_resources()["INTL"] if r.category == "crisis")


def first(code: str | None, category: str) -> Resource:
    """The first (most prominent) resource of a category for a region."""
    return for_region(code, [category])[0]


def footer(code: str | None) -> str:
    """The line shown on every page: "amends is not monitored. In danger? Call 999. ..."."""
    region = normalise_region(code)
    if region == "INTL":
        return (
            "amends is not monitored. In danger? Call your local emergency number "
            "(112 works on many mobile phones), or find a helpline at findahelpline.com."
        )
    emergency = first(region, "emergency")
    talk = first(region, "suicide")
    return (
        f"amends is not monitored. In danger? Call {emergency.number}. "
        f"To talk to someone now: {talk.name}, {talk.contact()}."
    )


# Headings for a full help page, most urgent first; shared by the web help page and the CLI.
HELP_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("If you are in danger now", ("emergency",)),
    ("To talk to someone now", ("suicide", "crisis")),
    ("Abuse in a relationship", ("dv_victim",)),
    ("Worried about your own behaviour", ("dv_perpetrator",)),
    ("Alcohol and drugs", ("substance",)),
    ("Mental health", ("mental_health",)),
)


def grouped_for_region(code: str | None) -> tuple[dict[str, Any], ...]:
    """Resources under plain headings for a help page: ``({"title": ..., "resources": (...)}, ...)``."""
    return tuple({"title": title, "resources": for_region(code, cats)} for title, cats in HELP_GROUPS)


footer_line = footer  # the name the web layer imports
