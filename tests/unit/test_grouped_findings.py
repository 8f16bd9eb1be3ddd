"""Findings are said once per rule: every passage quoted in reading order, the message once (coach.results)."""

from __future__ import annotations

from amends.coach.reply import analyze_reply
from amends.coach.results import grouped_findings

PARTNER = "You told me you'd stopped texting her and you were still doing it."
MOCKING = "Oh, I'm SO sorry that I'm not perfect like you. Happy now?"


def _finding(rule: str, span: list[int], severity: str = "high", message: str = "m") -> dict[str, object]:
    return {"rule": rule, "severity": severity, "span": span, "message": message, "suggestion": f"s{span[0]}"}


def test_one_rule_found_three_times_in_a_real_reply_is_one_item() -> None:
    report = analyze_reply(partner_message=PARTNER, reply=MOCKING).to_dict()
    contempt = [f for f in report["findings"] if f["rule"] == "contempt"]
    assert len(contempt) >= 2  # the JSON keeps every span, for highlighting
    groups = [g for g in grouped_findings(MOCKING, report["findings"]) if g["rule"] == "contempt"]
    assert len(groups) == 1
    assert groups[0]["quotes"][-1] == "Happy now?" and len(groups[0]["quotes"]) == len(contempt)


def test_quotes_in_reading_order_items_where_each_rule_first_was_and_the_worst_severity() -> None:
    text = "aaaa bbbb cccc dddd"
    findings = [
        _finding("blame", [10, 14], "low"),
        _finding("excuse", [0, 4]),
        _finding("blame", [5, 9], "medium"),
    ]
    groups = grouped_findings(text, findings)
    assert [g["rule"] for g in groups] == ["blame", "excuse"]
    assert groups[0]["quotes"] == ["bbbb", "cccc"] and groups[0]["severity"] == "medium"
    assert groups[0]["suggestion"] == "s10"  # the suggestion of the finding the coach listed first


def test_one_rule_with_two_messages_stays_two_items_and_a_repeated_span_is_quoted_once() -> None:
    text = "aaaa bbbb"
    findings = [
        _finding("contempt", [0, 4]),
        _finding("contempt", [5, 9], message="other"),
        _finding("contempt", [0, 4]),
    ]
    groups = grouped_findings(text, findings)
    assert [(g["message"], g["quotes"]) for g in groups] == [("m", ["aaaa"]), ("other", ["bbbb"])]
