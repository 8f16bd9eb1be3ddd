"""Stop 61: someone else's risk told in the app's own register (a partner's crisis after a disclosure, a relative hurt by
their partner), from the relationship-context tuning splits and the tune half of a helper's probe set. LABELLING.md
section 3: the writer is offered help for the person they are worried about, never their own crisis page. Each case that
was wrong sits beside the sentence it must not swallow."""

from __future__ import annotations

import pytest

from amends.safety.detector import scan_safety
from tests.unit.safety_cases import SOMEONE_ELSES_ABUSE_PASS
from tests.unit.safety_cases_later_writers import OTHERS_TOLD

# A third person, then words of a risk to their own life said of them.
THEIRS = [
    "Our son, who is nineteen, told me last night that he can't see the point of living anymore.",
    "My sister rang at 2am slurring, saying she'd taken everything in the bathroom cabinet.",
    "I think my partner is suicidal, he gave away his guitar and said goodbye to his friends.",
    "Since the affair came out my husband has stopped eating and talks about ending it all.",
    "My son he is 16 and I find cuts on his arm yesterday. He say it is from the cat.",
    "my husband had a breakdown and said he wants to jump off the roof at his work",
    "hes not eating and keeps saying 'whats the point'. i think hes really depressed. how do i ask him if hes safe?",
    # The writer's fear is for them: no victim reading of "scared to leave him alone".
    "he keeps talking about ending it all since i told him about the texts. im scared to leave him alone",
    "my boyfriend punches walls and says he wants to die whenever he thinks about what i did with his friend",
]

# Someone else's partner hurting or controlling them, told in the third person.
ABUSED = [
    "my wifes sister is staying with us because her husband hurts her.",
    "im worried about my brother. his girlfriend has his money, his phone, and he never comes to family stuff anymore.",
    "My severely depressed friend is in an abusive marriage and I want to know how to be the best friend I can be.",
    "I have a friend who is in a DV situation and is not ready to get out at this time.",
]

# Their suicide threat made a condition on the writer is coercion as well as their risk (LABELLING.md section 3).
COERCED = [
    "he said he'd kill himself if i left. so i stayed. i dont know how long i can do this",
    "he keeps saying he will shoot himself if i ever see my ex again, and he tracks my location",
    "When I told him I wanted a break he said he would kill himself if I left.",
]

# What the new lines must not read as anyone's risk, and the writer's own risk that stays the writer's.
OTHERS = [
    ("she said she wants to die and honestly so do i", {"third_party", "suicide_risk"}),
    ("we went to the beach and she loved it, me too", set()),
    ("my husband is killing it at work since he got sober", set()),
    ("she said she would rather die than go to karaoke again", set()),
    ("since she left i want to die", {"suicide_risk"}),
    ("her husband checks her phone since the affair, we both agreed to it", set()),
    ("my daughter doesnt want to go to school tomorrow, she has a test", set()),
    ("my wife wants to die of embarrassment every time i tell that story", set()),
    ("my sister was in an abusive relationship years ago and she's happily remarried now", set()),
    ("since she found out i want to die", {"suicide_risk"}),
]


@pytest.mark.parametrize("text", THEIRS)
def test_someone_elses_risk_said_of_them_is_theirs(text: str) -> None:
    report = scan_safety(text)
    assert report.types == {"third_party"}
    assert report.someone_else == ("suicide",)
    assert report.action != "crisis"


@pytest.mark.parametrize("text", COERCED)
def test_their_threat_made_a_condition_on_the_writer_is_also_abuse(text: str) -> None:
    assert scan_safety(text).types == {"abuse_victim", "third_party"}


@pytest.mark.parametrize("text", ABUSED)
def test_someone_elses_partner_hurting_them_is_theirs(text: str) -> None:
    report = scan_safety(text)
    assert report.types == {"third_party"}
    assert report.someone_else == ("abuse",)


@pytest.mark.parametrize(("text", "types"), OTHERS)
def test_echoes_idioms_and_the_writers_own_risk(text: str, types: set[str]) -> None:
    assert scan_safety(text).types == types


@pytest.mark.parametrize("text", OTHERS_TOLD)
def test_someone_elses_risk_told_as_heard_is_never_the_writers(text: str) -> None:
    report = scan_safety(text)
    assert report.types <= {"third_party"}
    assert report.action != "crisis"


# The writer's own wish with someone else in the sentence stays the writer's crisis.
WRITERS_OWN = [
    "he makes me want to die",
    "since she found out i keep thinking she'd be better off with the insurance than with me",
    "she said she has a plan to end it, and i have one too, i just havent told her",
]


@pytest.mark.parametrize("text", WRITERS_OWN)
def test_the_writers_own_wish_beside_someone_else_stays_the_writers(text: str) -> None:
    report = scan_safety(text)
    assert "suicide_risk" in report.types
    assert report.action == "crisis"


@pytest.mark.parametrize("text", SOMEONE_ELSES_ABUSE_PASS)
def test_someone_elses_abuse_is_never_the_writers(text: str) -> None:
    report = scan_safety(text)
    assert report.types <= {"third_party"}
    assert report.someone_else in ((), ("abuse",))


# The writer's own suicide patterns matching words said of someone else: the third_party help is added, and the writer's
# flag stays (a held-out "both at risk" text twice lost it when such flags were taken away).
SAID_OF_THEM = [
    "after the affair came out he stopped eating and said hes just waiting to die",
    "shes been googling how many pills it takes. i saw it in the ipad history last night",
    "My husband bought a rope and I found it in the garage. He says it's for the boat but we sold the boat last year.",
    "our counsellor asked him if he has thoughts of suicide and he said yes, every day",
]
SAID_OF_THEM_PASS = [
    "he makes me want to die",
    "since she found out i keep thinking she'd be better off with the insurance than with me",
    "Gave my sister the passwords and told her where the will is, just in case. First calm evening in weeks.",
]


@pytest.mark.parametrize("text", SAID_OF_THEM)
def test_words_said_of_someone_else_add_their_help_beside_the_writers_flag(text: str) -> None:
    report = scan_safety(text)
    assert "third_party" in report.types
    assert report.someone_else == ("suicide",)
    assert report.types & {"suicide_risk", "self_harm"}


@pytest.mark.parametrize("text", SAID_OF_THEM_PASS)
def test_the_writers_own_words_beside_someone_else_add_no_help_for_them(text: str) -> None:
    report = scan_safety(text)
    assert "third_party" not in report.types
    assert report.action == "crisis"
