"""The apology coach on how people write to a partner (stop 50): the parts of a good apology and the words that take
one back, in everyday words. The cases came from relationship apologies helpers wrote blind to LABELLING.md section 1
(tests/examples/apologies_probe.jsonl), three rounds, each set scored before it was read: the first round's cases
(the README's own apology was a non-apology), the second's and the third's, each a phrasing family the coach missed,
with the words near it that are not it."""

from __future__ import annotations

import pytest

from amends.coach.apology import analyze_apology

# (text, element, present?)
ELEMENTS = [
    ("I gave your key to my brother without asking. This was wrong, it is your flat.", "responsibility", True),
    ("Sorry, that was wrong information in my last post.", "responsibility", False),
    ("I'm sorry. Two weeks I did not call you.", "responsibility", True),
    ("I'm sorry. I imitated your accent at dinner to get a laugh.", "responsibility", True),
    ("I'm sorry I took your key. Today I take it back from him and give it to you.", "repair", True),
    ("sorry i ignored ur texts while u sat in the hospital. driving up now, there by 8", "repair", True),
    ("I'm sorry, I gamed every night. I've unplugged the console and put it in the loft.", "repair", True),
    ("im sorry i missed the recital. taking her for pancakes sat", "repair", True),
    ("Oops, my apologies, I should have included [NAME] taking her to court.", "repair", False),
    ("I'm sorry I lied about quitting. Clinic's booked for Tuesday.", "repair", True),
    ("I'm sorry I shared your messages. Now you're worried one of them knows your boss.", "impact", True),
    ("i skipped the walks, sorry. you were late to work twice cos of me.", "impact", True),
    ("sorry i told them. now theyre asking and u feel pressured.", "impact", True),
    ("I'm sorry. You went into that room alone and frightened.", "impact", True),
    ("Sorry I forgot to call your parents. Your mother waited by the phone all evening.", "impact", True),
    ("I'm sorry I shared your messages. Nothing you send me goes anywhere else.", "change", True),
    ("I'm sorry I left it all to you. Wednesdays and weekends I'm doing bath and bedtime.", "change", True),
    ("im sorry i was texting my ex. im done talking to her, for good", "change", True),
    ("I'm sorry I forgot your mom's birthday dinner. I've set reminders for every family date.", "change", True),
    ("Sorry I missed the school run again. I've set a reminder for every Tuesday.", "change", True),
    ("I'm sorry I was on my phone all evening. I've put limits on the apps I kept opening.", "change", True),
    (
        "I kissed someone at the wedding. I'm sorry. I was drunk and that's not a defence, I chose to do it.",
        "responsibility",
        True,
    ),
    (
        "I told you to shut up and I'm sorry. I was stressed, and that's no reason to take it out on you.",
        "responsibility",
        True,
    ),
    (
        "I hid the bill from you, I'm sorry. I didn't want the argument; that's the reason, not an excuse.",
        "responsibility",
        True,
    ),
    (
        "I'm sorry I called you lazy at dinner. You barely said a word for the rest of the night.",
        "responsibility",
        True,
    ),
    ("I'm sorry I lied about my parents. Whatever they say about us, you'll hear it from me.", "responsibility", True),
    (
        "I cheated and I'm so sorry. You've barely eaten and you keep asking what's wrong with you.",
        "responsibility",
        True,
    ),
    (
        "I'm so sorry I slept with someone. I've blocked her number and my phone is open to you any time.",
        "responsibility",
        True,
    ),
    ("I'm sorry I missed your race. You were scanning the crowd for me the whole way.", "impact", True),
    ("I'm sorry I forgot the passport form. You've been lying awake checking the tracker.", "impact", True),
    ("I'm sorry I mocked your plan. You'd planned it for weeks before you showed me.", "impact", True),
    ("I'm sorry I read your texts. I watched your face drop when you saw me holding it.", "impact", True),
    ("sorry i forgot ur birthday. u needed me to remember just once.", "impact", True),
    ("I'm sorry I let the insurance lapse. Car stuff goes in the shared calendar now.", "change", True),
    ("I'm sorry I shared our fight with my friends. Our arguments stay between us.", "change", True),
    ("I'm sorry I spent the savings. Any purchase over $200 we talk about first.", "change", True),
    ("I'm sorry I was on my phone while you talked. Phone stays in the drawer at dinner from now on.", "change", True),
    ("I'm sorry I didn't come to the scan. I'm coming with you to every appointment after this.", "change", True),
    ("I'm sorry I missed dinner again. If I'm running late I'll text you before six.", "change", True),
    ("i didnt come to see you in hospital and im so sorry.", "responsibility", True),
    ("I'm sorry. I made my work matter more than you.", "responsibility", True),
    ("Sorry, I thought you were asking about the other file.", "impact", False),
    ("Sorry for rambling. Thanks for the time you've spent talking with me.", "impact", False),
    ("I'm sorry. I'll call you tomorrow if I can get away.", "change", False),
    ("Sorry, the news keeps moving forward without us.", "change", False),
    ("sorry i snapped at you. i was stressed and thats no excuse.", "explanation", True),
    ("im sorry i didnt text back. thats on me.", "responsibility", True),
    ("sorry i didnt get your mum a card, i forgot and you felt embarrassed.", "remorse", True),
    ("i read your diary. im really sorry, you sat up til 2 wondering what else i knew.", "remorse", True),
    ("I went through your phone and I'm sorry. I saw how shaken you were when you found me.", "impact", True),
    ("I'm sorry I missed your graduation. You worked four years for that day.", "impact", True),
    ("I forgot your prescription, I'm sorry. You went the night without it because of me.", "impact", True),
    ("Sorry I forgot to book the cottage. I'd like to go through the other ones with you tonight.", "repair", True),
    ("Sorry I forgot the pharmacy. I'll drop it home at lunch.", "repair", True),
    ("I'm sorry I missed the bill. Bills now go straight into the shared calendar.", "change", True),
    ("I'm sorry I stayed late every night. From Monday I leave at half five.", "change", True),
    ("I'm sorry about the joke about your weight. No more jokes about your body, ever.", "change", True),
    ("I'm sorry I gamed all weekend. Both our phones go in the kitchen drawer after dinner.", "change", True),
    (
        "I'm sorry. I stayed late every night and left you with everything, and that was unfair of me.",
        "responsibility",
        True,
    ),
    ("You reminded me twice and I still forgot to go. I'm sorry.", "responsibility", True),
    ("I'm sorry. I've ignored you every evening this month.", "responsibility", True),
    ("I shouldn't have screamed at you over a dent. You looked crushed. I'm sorry.", "impact", True),
    ("sorry ive been on my phone every night. u said u feel like you live alone.", "impact", True),
    ("I lied about the bollard, I'm sorry. You wasted a whole morning on the CCTV.", "impact", True),
    ("I'm sorry I booked the wrong month. Now you're having to redo your leave.", "impact", True),
    ("I'm sorry I vaped in the garage. I know seeing me vape scares you.", "impact", True),
    ("i forgot your birthday, im so sorry. dinner at yours tonight, im cooking.", "repair", True),
    ("Sorry I never fixed the shower, my fault. Plumber's booked Monday.", "repair", True),
    ("I'm sorry I kept vaping. I threw the pods in the outside bin this morning.", "repair", True),
    ("i forgot your birthday, im so sorry. its in my calendar for every year now.", "change", True),
    ("I had an affair and I'm so sorry. I've found a couples counsellor who can see us.", "change", True),
    ("I've been messaging men behind your back, and I'm sorry.", "responsibility", True),
    ("Yeah I called your mum a leech. Sorry.", "responsibility", True),
    ("sorry you got offended by what i said about money", "responsibility", False),
    # Stop 51 (a fifth blind set, probe-tune5): scenes, repairs done and standing changes in plain words.
    (
        "I forgot the vet appointment. I'm sorry. You had told work you'd be in late and sat in the car park for it.",
        "impact",
        True,
    ),
    ("I'm sorry I lied about the bonus. You had a migraine and still had to ring the bank yourself.", "impact", True),
    ("Fine, sorry. You drove me to it.", "impact", False),
    ("I sold your bike without asking and I'm sorry. This morning I got it back from the buyer.", "repair", True),
    ("I kept smoking and lied about it. Sorry. I've thrown the last packet in the bin.", "repair", True),
    ("I lied about the overdraft. I'm sorry. There will be no more secrets about money.", "change", True),
    ("I'm sorry I joked about your weight. Your body is off limits for jokes, for good.", "change", True),
    ("I missed your scan and I'm sorry. I'll be in the room with you at every appointment after this.", "change", True),
]

# (text, finding, raised?)
FINDINGS = [
    ("ok im sorry. i told u the phone was 300 and it was 1100.", "excuse", False),
    ("Sorry you took the drama queen thing so personally.", "deflection", True),
    ("sorry ur upset about the pic, everyone said u look great", "deflection", True),
    (
        "I kissed someone at the wedding. I'm sorry. I was drunk and that's not a defence, I chose to do it.",
        "excuse",
        False,
    ),
    (
        "I told you to shut up and I'm sorry. I was stressed, and that's no reason to take it out on you.",
        "excuse",
        False,
    ),
    (
        "I hid the bill from you, I'm sorry. I didn't want the argument; that's the reason, not an excuse.",
        "excuse",
        False,
    ),
    ("I'm sorry I called you lazy at dinner. You barely said a word for the rest of the night.", "minimizing", False),
    ("I'm sorry I lied about my parents. Whatever they say about us, you'll hear it from me.", "minimizing", False),
    ("I cheated and I'm so sorry. You've barely eaten and you keep asking what's wrong with you.", "blame", False),
    (
        "I'm so sorry I slept with someone. I've blocked her number and my phone is open to you any time.",
        "excuse",
        False,
    ),
    ("sorry i lied about friday, i was playing poker. its only a game with the guys.", "minimizing", True),
    ("I forgot to feed the dog, sorry. He was only hungry for a day.", "minimizing", True),
    ("I'm sorry about last night, we were both saying stuff.", "blame", True),
    ("Sorry I shouted. You were screaming at me too.", "blame", True),
    ("I'm sorry for whatever I said last night.", "vague", True),
    ("sorry i snapped at you. i was stressed and thats no excuse.", "excuse", False),
    ("im sorry i didnt text back. thats on me.", "vague", False),
    ("sorry i didnt get your mum a card, i forgot and you felt embarrassed.", "excuse", False),
    ("I mocked your stutter and I'm so sorry. You never expected it from me.", "blame", False),
    ("I'm sorry I didn't clear the garage, and you were the one who had to explain it to the movers.", "blame", False),
    ("I'm sorry I stayed late every night. You've been exhausted.", "excuse", False),
    ("Sorry I forgot your birthday, things at work have been absolutely crazy.", "excuse", True),
    ("I apologise. You were told I'd stopped seeing him, and that wasn't true.", "passive", True),
    ("babe im sorry. i told you youre too sensitive to be a nurse. i was wrong.", "minimizing", False),
    ("I'm sorry I put it off. Whatever is going on, it has nothing to do with how you look.", "minimizing", False),
    ("I'm sorry I lied about the tax. You opened the summons alone while I was at work.", "excuse", False),
    ("I'm sorry about the savings. Decisions were made without you that shouldn't have been.", "passive", True),
    ("I'm sorry I went out, but the reason I went is that you'd been picking at me all week.", "blame", True),
    ("sorry about all the money stuff.", "vague", True),
    # Stop 51 (probe-tune5): what the partner believed is no excuse; their belief that it was their fault is no blame.
    ("I'm sorry I lied. You came looking for me because you thought my phone was dead.", "excuse", False),
    ("I'm sorry I was late, my phone was dead.", "excuse", True),
    ("I'm sorry I said it. It took you years to stop believing it was your fault.", "blame", False),
    ("I'm sorry, but honestly it was your fault too.", "blame", True),
    ("Sorry, the forms got left in the car and things slipped through the cracks.", "passive", True),
]


@pytest.mark.parametrize(("text", "element", "expected"), ELEMENTS)
def test_an_element_in_everyday_words(text: str, element: str, expected: bool) -> None:
    assert (element in analyze_apology(text).present) is expected


@pytest.mark.parametrize(("text", "rule", "expected"), FINDINGS)
def test_a_finding_in_everyday_words(text: str, rule: str, expected: bool) -> None:
    assert (rule in analyze_apology(text).rules) is expected


def test_an_act_in_the_perfect_is_not_owned_when_it_wronged_no_one() -> None:
    assert (
        "responsibility" not in analyze_apology("I've read your comment twice and I'm sorry, I can't parse it.").present
    )


def test_the_impact_highlight_holds_what_they_lived_through() -> None:
    text = "I missed your birthday dinner. I know you sat there waiting and felt forgotten. I'm sorry."
    spans = analyze_apology(text).element("impact").spans
    assert [text[a:b] for a, b in spans] == ["I know you sat there waiting and felt forgotten"]
