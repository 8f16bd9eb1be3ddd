"""Every main page, for both partners, in plain words: no internal file names or codes, each caveat once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User

from tests.main_pages import fill_repair, pages_for

from .conftest import client_for, join_bob, make_user, rows_for_the_module, start_alice_repair

# Names only the people who built amends know. None may reach a page a person reads.
INTERNAL = [
    "FRAMEWORKS",
    ".md",
    "seed document",
    "shared/design",
    "non_apology",
    "no_apology",
    "i hurt my partner",
    "i was hurt",
    "Headline item",
    "delivery-how",
    "trust_checkin",
    "forgiveness_checkin",
]


@pytest.fixture
def filled(alice: User, bob: User, alice_repair: Any, joined_bob: Any) -> Any:
    fill_repair(alice, bob, alice_repair)
    return alice_repair


def _visible_text(html: str) -> str:
    """What a person can read: the page without tags, scripts, attributes' values or comments."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<!--.*?-->", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _pages(filled: Any, user: User) -> dict[str, str]:
    client = client_for(user)
    out = {}
    for url in pages_for(user, filled):
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        out[url] = response.content.decode()
    return out


@pytest.fixture(scope="module")
def main_pages(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, dict[str, str]]]:
    """Every main page as each partner reads it in a filled repair, rendered once for the module:
    the checks below only read the HTML (each used to render all the pages again)."""
    with rows_for_the_module(django_db_blocker) as unblocked:
        with unblocked():
            alice, bob = make_user("pages-alice"), make_user("pages-bob")
            repair = start_alice_repair(alice)
            join_bob(bob, repair)
            fill_repair(alice, bob, repair)
            pages = {"alice": _pages(repair, alice), "bob": _pages(repair, bob)}
        yield pages


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_no_page_shows_an_internal_name_or_code(who: str, main_pages: dict[str, dict[str, str]]) -> None:
    found = [
        (url, name)
        for url, html in main_pages[who].items()
        for name in INTERNAL
        if name in _visible_text(html)  # case-sensitive on purpose: "(i hurt my partner)" is the bug
    ]
    assert not found, found


# Template source a person must never read: Django shows a "{# ... #}" comment that spans lines as text.
TEMPLATE_SOURCE = ("{#", "#}", "{%", "%}", "{{", "}}")


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_no_page_shows_template_source(who: str, main_pages: dict[str, dict[str, str]]) -> None:
    found = [
        (url, mark) for url, html in main_pages[who].items() for mark in TEMPLATE_SOURCE if mark in _visible_text(html)
    ]
    assert not found, found


def test_no_template_comment_spans_lines() -> None:
    from pathlib import Path

    import amends.web

    templates = Path(amends.web.__file__).parent / "templates"
    open_comments = [
        f"{p.relative_to(templates)}:{n}"
        for p in templates.rglob("*.html")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if line.count("{#") > line.count("#}")
    ]
    assert not open_comments, f"use {{% comment %}} for a comment over several lines: {open_comments}"


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_each_caveat_and_citation_appears_at_most_once_per_page(
    who: str, main_pages: dict[str, dict[str, str]]
) -> None:
    repeated = []
    for url, html in main_pages[who].items():
        text = _visible_text(html)
        for phrase in ("Not a validated scale", "not a validated scale", "J Fam Psychol"):
            if text.count(phrase) > 1:
                repeated.append((url, phrase, text.count(phrase)))
    assert not repeated, repeated


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_sources_fold_into_one_expandable_line_per_page(who: str, main_pages: dict[str, dict[str, str]]) -> None:
    loose = []
    for url, html in main_pages[who].items():
        if "Rests on:" in html and html.count('class="sources"') != 1:
            loose.append(url)
        if html.count('<details class="sources"') > 1:
            loose.append(url)
    assert not loose, loose


def test_wrapped_content_lines_flow_as_one_paragraph_and_blank_lines_start_a_new_one() -> None:
    from amends.web.templatetags.amends_tags import prose

    assert (
        str(prose("Start with what\nhappened.\n\nThen <listen>."))
        == "<p>Start with what happened.</p><p>Then &lt;listen&gt;.</p>"
    )


def test_a_check_in_score_reads_the_same_with_its_scale_everywhere(filled: Any, bob: User) -> None:
    from amends.web.trust.models import QuestionnaireResponse

    r = QuestionnaireResponse.objects.get(repair=filled, instrument="trust_checkin")
    words = "4 out of 10 (0 is not at all, 10 is completely)"
    questionnaires = client_for(bob).get(f"/repairs/{filled.pk}/trust/check-in/").content.decode()
    timeline = client_for(bob).get(f"/repairs/{filled.pk}/trust/timeline/").content.decode()
    assert r.headline == 4 and words in questionnaires and words in timeline


def test_on_day_one_the_dashboard_is_one_start_here_card_with_no_charts(alice_repair: Any, alice: User) -> None:
    page = client_for(alice).get(f"/repairs/{alice_repair.pk}/trust/").content.decode()
    assert "Start here" in page and "Make your first commitment" in page
    assert "<figure" not in page and "Download the charts" not in page and "<table" not in page


def test_with_data_the_dashboard_draws_charts_with_downloads_in_one_menu(filled: Any, alice: User) -> None:
    page = client_for(alice).get(f"/repairs/{filled.pk}/trust/").content.decode()
    assert "Start here" not in page and page.count("<figure") == 4
    assert page.count("Download the charts") == 1 and page.count("data-chart-png") == 4


@pytest.mark.parametrize("name", ["trust_dashboard", "trust_commitments", "trust_questions", "trust_timeline"])
def test_every_trust_page_links_back_to_the_repair(name: str, filled: Any, bob: User) -> None:
    from django.urls import reverse

    page = client_for(bob).get(reverse(name, args=[filled.pk])).content.decode()
    assert f'href="/repairs/{filled.pk}/"' in page


def _broken_markup(html: str) -> list[str]:
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    described = {i for refs in re.findall(r'aria-describedby="([^"]*)"', html) for i in refs.split()}
    missing = [f"aria-describedby points to no element: {i}" for i in sorted(described - ids)]
    lists_in_paragraphs = re.findall(r"<p\b[^>]*>(?:(?!</p>).)*<(?:ul|ol)\b", html, flags=re.S)
    return missing + [f"a list inside a paragraph: {m[:60]}" for m in lists_in_paragraphs]


@pytest.mark.parametrize("who", ["alice", "bob", "anonymous"])
def test_help_text_ids_exist_and_no_list_sits_inside_a_paragraph(
    who: str, main_pages: dict[str, dict[str, str]], db: Any
) -> None:
    if who == "anonymous":
        client = client_for(None)
        pages = {url: client.get(url).content.decode() for url in ("/accounts/signup/", "/accounts/login/", "/")}
    else:
        pages = main_pages[who]
    broken = [(url, problem) for url, html in pages.items() for problem in _broken_markup(html)]
    assert not broken, broken
