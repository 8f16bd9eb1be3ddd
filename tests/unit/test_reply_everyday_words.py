"""The reply coach's findings in the words partners use (stop 50), from replies a helper wrote blind to LABELLING.md
section 2; tests/examples/replies_probe.jsonl keeps that set (``probe-tune``) and a second, never read
(``probe-held``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from amends.coach.reply import analyze_reply, find_rules

PARTNER = "You promised you'd be at the scan and you didn't even text. I sat there on my own."
PROBE = Path(__file__).resolve().parents[1] / "examples" / "replies_probe.jsonl"


def _rules(reply: str) -> set[str]:
    return {f.rule for f in analyze_reply(partner_message=PARTNER, reply=reply).findings}


@pytest.mark.parametrize(
    ("reply", "rule"),
    [
        ("You're so uptight about everything lately.", "criticism"),
        ("Calm down, Shakespeare, it was a text.", "contempt"),
        ("Oh no, someone call the police, I missed a scan.", "contempt"),
        ("Cool story. Anything else?", "contempt"),
        ("I was going to tell you, I just didn't get round to it.", "defensiveness"),
        ("I got there as soon as I could, what else did you want me to do?", "defensiveness"),
        ("i had back to back meetings all day ok", "defensiveness"),
        ("Okay, let's make a rota for the appointments then.", "fixing"),
        ("Babe, you could just text me the morning of.", "fixing"),
        ("You really shouldn't be this upset over one appointment.", "invalidating"),
        ("There's honestly nothing to be worried about.", "invalidating"),
        ("You're reading way too much into it.", "invalidating"),
        ("ur one to talk, you missed my work do", "counterattack"),
        ("You do the exact same thing with your mum's calls.", "counterattack"),
        ("You don't tell me when you're running late either.", "counterattack"),
        ("You wound me up all morning, what did you expect.", "blame"),
        ("Maybe if you'd reminded me I wouldn't have forgotten.", "blame"),
        ("whatever u want to believe", "stonewalling"),
        ("cant be bothered with this tonight", "stonewalling"),
        ("not tonight. going to sleep", "stonewalling"),
        ("There's nothing to talk about.", "stonewalling"),
        ("I've said what I had to say.", "stonewalling"),
        ("If you'd paid me any attention at all this year I wouldn't have gone looking.", "blame"),
        ("ur mum was meant to text me, thats on her not me", "blame"),
        ("And who forgot the dentist twice last month?", "counterattack"),
        ("You're not exactly partner of the year yourself.", "counterattack"),
        ("Oh look, the birthday police have arrived.", "contempt"),
        ("Listen to yourself. It's like living with a prosecutor.", "contempt"),
        ("You're exhausting, you know that?", "criticism"),
        ("This is the thing with you, everything is a test.", "criticism"),
        ("It's not something to be upset about, they were lovely.", "invalidating"),
        ("How you felt isn't my problem.", "invalidating"),
        ("Lighten up, it was a joke.", "invalidating"),
        ("its not cheating if nothing happened", "minimizing"),
        ("Forty minutes isn't the end of the world.", "minimizing"),
        ("I didn't forget. I was planning a surprise.", "defensiveness"),
        ("I don't owe you a play-by-play of my sessions.", "defensiveness"),
    ],
)
def test_a_finding_in_everyday_words(reply: str, rule: str) -> None:
    assert rule in _rules(reply)


@pytest.mark.parametrize(
    ("reply", "rule"),
    [
        ("I'm so sorry, I told you to shut up in front of everyone and I hate that I did.", "contempt"),
        ("You sat there alone while I was right there in the car park, and I'm sorry.", "defensiveness"),
        ("I'm sorry. I can only imagine hearing it brought up like it was nothing.", "minimizing"),
        ("I'm scared to find out what you could get for breakfast there.", "fixing"),
        ("Maybe if you held onto it longer it would have worked, who knows.", "blame"),
        ("Guess it's on you now, your turn.", "blame"),
        ("If it isn't working now, you need to move on and find someone who treats you well.", "invalidating"),
        ("I'm sorry. I said I'd call and I didn't even send a message.", "fixing"),
        ("My heart sinks. You were alone in that car park and I wasn't even a text away.", "defensiveness"),
    ],
)
def test_words_near_a_finding_are_not_it(reply: str, rule: str) -> None:
    # The lexicon lines' look-alikes: the rules must not match them. Whether the partner head (which reads the whole
    # reply, not these words) flags the reply is tested in test_reply_partner_head.py.
    assert rule not in {f.rule for f in find_rules(reply)}


def test_the_read_probe_set_keeps_what_its_fixes_reached() -> None:
    rows = [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines() if line.strip()]
    tune = [r for r in rows if r["split"] == "probe-tune"]
    assert len(tune) == 90 and {r["split"] for r in rows} >= {"probe-tune", "probe-tune2"}
    found = sum(
        set(r["findings"]) <= {f.rule for f in analyze_reply(partner_message=r["partner"], reply=r["text"]).findings}
        for r in tune
        if r["findings"]
    )
    assert found / sum(1 for r in tune if r["findings"]) >= 0.70  # 0.75 after the fixes, 0.30 before
