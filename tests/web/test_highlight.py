from __future__ import annotations

from amends.web.highlight import highlight_html


def test_findings_win_over_overlapping_elements_and_text_is_escaped() -> None:
    text = "I'm sorry if <you> were hurt 💔"
    findings = [{"span": [4, 12], "severity": "high", "rule": "conditional"}]
    hurt = text.index("hurt")
    elements = {"remorse": {"spans": [[0, 9]]}, "impact": {"spans": [[hurt, hurt + 4]]}}
    html = str(highlight_html(text, findings, elements))
    assert '<mark class="mark-finding sev-high" title="conditional">sorry if</mark>' in html
    assert 'mark-element" title="remorse"' not in html  # overlapped the finding, so dropped
    assert '<mark class="mark-element" title="impact">hurt</mark>' in html
    assert "&lt;you&gt;" in html and "💔" in html
