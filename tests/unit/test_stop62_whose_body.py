"""Stop 62: whose body the harm lands on. Harm the writer turns on their own body, told beside a partner, is self-harm
and not harm dealt to the partner; violence the writer saw or heard is someone else's hand. LABELLING.md section 3.
Each case that was wrong sits beside the sentence it must not swallow."""

from __future__ import annotations

import pytest

from amends.safety.detector import scan_safety
from amends.safety.routing import route

# The writer's own body, with a partner in the sentence: self-harm, never the perpetrator's message.
OWN_BODY = [
    "When you slammed the door I punched the wall until my knuckles split open. I do this to myself and need to stop.",
    "I hit my head on the wardrobe again and again after I remembered how I lied to him. Big lump this morning.",
    "I keep punching myself in the face after every phone call with her. The bruises are getting hard to hide.",
    "i punched the wall until my knuckles broke after he said he wanted a divorce, i wanted it to hurt",
]

# Acts on the writer's own body in words the older lines did not know, told beside a partner.
OWN_ACTS = [
    "after she hung up i scraped a key along my forearm till it bled, i didnt want to feel the other thing",
    "I jabbed a drawing pin into my thumb over and over while he told me about the other woman.",
    "slammed my own fingers in the car door when you said you wanted to separate",
    "kept punching the bathroom door till my knuckles split, then cleaned the blood off before she got home",
    "I was sitting on the stairs digging a paperclip into my palm while they argued about me",
    "i held my wrist on the hot radiator till it blistered and told him i leaned on it by accident",
    "been hitting my shins with the back of a hairbrush since he moved into the spare room",
    "I slapped myself across the face over and over in the car before I went in to face her.",
    "ran boiling water over my hand after you told me, i wanted to feel anything else",
    # What the act does for the writer: an accident has no such purpose.
    "i dig my thumbnail into my wrist to stop myself crying in front of him",
    "i hit my legs with my fists so i wouldnt yell at the kids",
    "whenever he goes quiet on me i bite the inside of my cheek till i taste blood",
    "I pulled my hair out in clumps in the shower, it was the only thing that helped",
    # A second helper's classes, in our own words: a thing in hand, a hip or head driven into something, scalding water
    # or ice on purpose, an urge named by the act, wounds reopened, hunger as punishment.
    "been raking my forearms with a nail file under the duvet since you moved out",
    "I keep ramming my shoulder into the door frame when nobody's home, it's black and blue",
    "I headbutt the bathroom mirror over and over when the guilt gets loud",
    "stood under the shower as hot as it goes till my skin went blotchy, on purpose, felt like i deserved it",
    "keep holding ice in my fist until my hand goes numb and burns, did it again while you were at your mums",
    "got that pull to scratch my wrists again tonight after the counsellor brought up the affair",
    "i keep picking the scabs on my legs back open so they wont heal",
    "i dont let myself eat on days i've lied to her, its my punishment",
]

# Someone else's hand on the writer: a victim's injury, not self-harm; and accidents that are no one's harm.
NOT_SELF_HARM = [
    ("he dug his nails into my wrist till it bled and then said i bruise too easily", {"abuse_victim"}),
    ("she kept banging my head against the headboard until it bled", {"abuse_victim"}),
    ("I banged my knee on the coffee table and it bruised, clumsy as ever", set()),
    ("burned my hand on the oven tray making his birthday dinner, it blistered a bit", set()),
    ("I fell over on the ice and scraped my palms, he carried the shopping home", set()),
    ("he keeps saying it's like banging your head against a brick wall trying to get me to open up", set()),
    ("our kitten bit my fingers till they bled, she's a menace", set()),
    ("came home with bruises all over my arms from paintball with his brothers", set()),
    ("hit the heavy bag at the gym until my knuckles were raw, it helps more than shouting", set()),
    ("had to pinch myself to believe it was real when she said she'd stay", set()),
    ("I could have slapped myself for forgetting her mum's birthday again", set()),
    ("finally got my new tattoo and he came with me and held my hand", set()),
    ("after she left i banged my knee on the coffee table, typical", set()),
    ("i rub my temples to calm myself down before we talk", set()),
    ("i scratch my arms when my eczema flares, the cream helps", set()),
    ("I don't let myself eat after 8pm while I'm trying to lose weight for the wedding", set()),
    ("had a mole removed on friday and the stitches pull when i reach up", set()),
    ("got my flu jab this morning and my arm is so sore i can't lift the kettle", set()),
    ("I ran the bath as hot as it goes because my back aches after the gym", set()),
    ("headbutted the ball into the top corner twice on sunday and we won", set()),
]

# Violence at home going on now, seen or heard by the writer: someone else's danger.
SEEN_NOW = [
    "my stepdad still hits my mum when he's been drinking, i'm 16 and i don't know who to tell",
    "my sisters boyfriend was choking her in the car park, i saw it from the window",
    "I watched my best friends husband grab her by the hair at the barbecue",
]

# The writer's raised fist, and the partner's hand where it landed.
HANDS = [
    ("I lifted my fist at her in the kitchen and she backed into the corner.", {"abuse_perpetration"}),
    ("i can still feel his fist against my ribs from last night", {"abuse_victim"}),
    ("I raised my hand to ask the teacher about the trip.", set()),
    ("i told him i'd keep the kids away from him if he ever went back to her", {"abuse_perpetration"}),
    ("I told her I'd take the kids to the park on Saturday so she could rest", set()),
    ("he put his hand on my back and told me he was proud of me", set()),
]

# Someone else's act on their own body, told by the worried writer: help for them.
OTHERS_OWN_BODY = [
    "my husband admitted he's been hitting himself in the head when he thinks about the baby we lost",
    "my daughter keeps opening her old scars with her fingernails when we argue about her dad",
    "our son has scratches all down his forearms and says it's the cat, we don't have a cat",
]

# The blow, throw or threat still aimed at someone: perpetration stays beside the self-harm.
AIMED = [
    ("i punched the wall next to her head until my knuckles bled", {"abuse_perpetration", "self_harm"}),
    ("i relapsed and cut and then told him it was his fault and threw the kettle at him", {"abuse_perpetration"}),
    ("i shoved you into the fridge on sunday and then i went upstairs and cut myself", {"abuse_perpetration"}),
    ("sorry i said id hurt myself if you went to your mums. i used it to keep you here", {"abuse_perpetration"}),
]

# Someone else's violence, seen or heard by the writer: no perpetration reading.
WITNESSED = [
    "I saw him beating up my mom when I was small, I was watching quietly and did nothing.",
    "I've heard him shouting through the wall again. Should I ring someone?",
    "I also witnessed several of the dads there hitting their kids in front of everyone.",
]

# The writer's own hand, seen: the witness gate leaves these alone.
OWN_HAND = [
    "I saw red and shoved her into the door.",
    "I saw her flinch when I raised my hand to him and I hate what I've become",
]


def _types(text: str) -> set[str]:
    return {f.type for f in scan_safety(text).flags}


@pytest.mark.parametrize("text", OWN_BODY)
def test_harm_to_own_body_is_self_harm_not_perpetration(text: str) -> None:
    report = scan_safety(text)
    types = {f.type for f in report.flags}
    assert "self_harm" in types
    assert "abuse_perpetration" not in types
    assert report.action == "crisis"
    assert "Hurting or frightening a partner" not in " ".join(route(report).messages)


@pytest.mark.parametrize(("text", "expected"), AIMED)
def test_a_blow_aimed_at_someone_keeps_perpetration(text: str, expected: set[str]) -> None:
    assert expected <= _types(text)


@pytest.mark.parametrize("text", WITNESSED)
def test_violence_witnessed_is_not_the_writers_hand(text: str) -> None:
    assert "abuse_perpetration" not in _types(text)


@pytest.mark.parametrize("text", OWN_HAND)
def test_the_writers_own_hand_seen_stays_perpetration(text: str) -> None:
    assert "abuse_perpetration" in _types(text)


@pytest.mark.parametrize("text", OWN_ACTS)
def test_acts_on_the_writers_own_body_are_self_harm(text: str) -> None:
    # The head may still read some of these as a victim's too (bodies.misread_bodies says why that flag stays).
    report = scan_safety(text)
    assert "self_harm" in report.types
    assert "abuse_perpetration" not in report.types
    assert report.action == "crisis"


@pytest.mark.parametrize(("text", "expected"), NOT_SELF_HARM)
def test_someone_elses_hand_or_an_accident_is_not_self_harm(text: str, expected: set[str]) -> None:
    assert _types(text) == expected


def test_a_partner_driving_the_writers_head_into_something_is_danger() -> None:
    report = scan_safety("she kept banging my head against the headboard until it bled")
    assert report.types == {"abuse_victim"}
    assert report.immediate_danger and report.action == "crisis"


@pytest.mark.parametrize("text", SEEN_NOW)
def test_violence_at_home_seen_now_is_someone_elses_danger(text: str) -> None:
    report = scan_safety(text)
    assert {f.type for f in report.flags} == {"third_party"}
    assert report.someone_else == ("abuse",)


@pytest.mark.parametrize(("text", "expected"), HANDS)
def test_whose_hand_it_was(text: str, expected: set[str]) -> None:
    assert _types(text) == expected


@pytest.mark.parametrize("text", OTHERS_OWN_BODY)
def test_someone_elses_self_injury_is_theirs(text: str) -> None:
    report = scan_safety(text)
    assert "third_party" in report.types
    assert "self_harm" not in report.types
    assert report.someone_else == ("suicide",)
