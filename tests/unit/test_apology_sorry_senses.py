"""A "sorry" that regrets nothing the writer did (LABELLING.md section 1: sympathy, sarcasm, and a "sorry" that
softens a disagreement have no remorse), from the real-text tuning splits in stop 51, each beside the sincere
apology it must not swallow (stop 57 added the real-sorry half's "excuse me" senses)."""

from __future__ import annotations

import pytest

from amends.coach.apology import analyze_apology

# (text, remorse?)
SENSES = [
    ("I'm sorry, there is no way this guy is Canadian.", False),
    ("I'm sorry, there is no way I can excuse what I said to your sister.", True),
    ("In 5 days bones would not be crusted over, sorry not buying it.", False),
    ("If IOS: sorry lol get a real phone", False),
    ("I'm sorry he's treating people this way. You will find better.", False),
    ("Sorry. This happens to too many good people.", False),
    ("This guy gets it... Sorry brother", False),
    ("Sorry babe, I forgot to pick you up from the station.", True),
    ("[NAME] I'm so sorry sweety", False),
    ("I'm sorry should I have brought my make-up wipes to the MRI? Find some peace, man.", False),
    ("I'm sorry. Should I have asked you first? Yes, I should have, and I didn't.", True),
    ("Oh sorry, I forgot there isn't any paperwork involved in getting a gun.", False),
    ("Sorry, I didn't realise there wasn't any money left in the joint account when I booked the trip.", True),
    ("Oh sorry, I forgot to call your mum back. I'll ring her now.", True),
    ("oh sorry mr. wizard yeah i meant math in general", False),
    # stop 57: "excuse me" before a question, being new, not grasping the reader, a bracketed softener
    ("Sorry, I'm a total React newbie. Where does the state live?", False),
    ("Sorry, I was wondering whether the ferry runs on Sundays?", False),
    ("Sorry, I still have trouble following your point about the rota.", False),
    ("Sorry - you lost me. Which form do you mean?", False),
    ("I'm sorry I lost your keys.", True),
    ("Your plan isn't clear to me (sorry). Is it Tuesday or Thursday?", False),
    # stop 58: confusing the reader is the writer's own slip; being confused is not
    ("Sorry, I confused you with my last message.", True),
    ("Sorry, I mixed up the dates for the school play.", True),
    ("Sorry, I'm confused. Which weekend do you mean?", False),
    ("Sorry Rarst, confused here: which file?", False),
]


@pytest.mark.parametrize(("text", "remorse"), SENSES)
def test_the_sense_of_sorry(text: str, remorse: bool) -> None:
    assert ("remorse" in analyze_apology(text).present) is remorse
