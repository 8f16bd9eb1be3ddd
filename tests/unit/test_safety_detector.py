"""The crisis-language detector: paraphrases flag, idioms pass, spans are exact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from eval.paths import EXAMPLES
from eval.safety import load

import amends
from amends.coach.checks import registry
from amends.coach.text import TextRejected
from amends.safety.detector import scan_safety
from amends.safety.lexicon import FLAG_TYPES
from tests.unit.safety_cases import CAUGHT, PASSES

SHOULD_FLAG = [
    ("I don't see the point of going on", "suicide_risk"),
    ("everyone would be better off without me", "suicide_risk"),
    ("I've been thinking about ending it all", "suicide_risk"),
    ("I want to disappear forever", "suicide_risk"),
    ("i cut myself again", "self_harm"),
    ("he hit me", "abuse_victim"),
    ("she checks my phone and won't let me see my friends", "abuse_victim"),
    ("I shoved her", "abuse_perpetration"),
    ("I scare him when I get angry", "abuse_perpetration"),
]
SHOULD_PASS = [
    "this is killing me",
    "I could die of embarrassment",
    "dying to see you",
    "my phone is dead",
    "I'd kill for a coffee",
    "that joke killed",
    "I would never hurt myself",
    "he has never hit me",
]


@pytest.mark.parametrize(("text", "kind"), SHOULD_FLAG)
def test_paraphrases_of_risk_are_flagged_with_their_type(text: str, kind: str) -> None:
    assert kind in scan_safety(text).types


@pytest.mark.parametrize("text", SHOULD_PASS)
def test_idioms_and_denials_do_not_flag(text: str) -> None:
    report = scan_safety(text)
    assert report.flags == () and report.action == "none"


def test_suicide_and_self_harm_always_need_the_crisis_line() -> None:
    assert scan_safety("I want to kill myself").action == "crisis"
    assert scan_safety("I've been burning my skin").action == "crisis"


def test_abuse_without_immediate_danger_is_support_and_with_it_is_crisis() -> None:
    assert scan_safety("my husband slapped me last week").action == "support"
    danger = scan_safety("he hit me and he said he is going to kill me")
    assert danger.action == "crisis" and danger.immediate_danger


# A threat to kill told in any tense (stop 37): "would" and "'d" read as support only before.
THREATS_TO_KILL = [
    "he said he would kill me if I ever left him",
    "He told me that he would kill me if I left",
    "she said she'd kill me if I told anyone",
    "my boyfriend says he will kill me if I ever leave",
    "he threatened my life last week",
]


@pytest.mark.parametrize("text", THREATS_TO_KILL)
def test_a_threat_to_kill_the_writer_is_immediate_danger_in_any_tense(text: str) -> None:
    report = scan_safety(text)
    assert "abuse_victim" in report.types
    assert report.immediate_danger and report.action == "crisis"


def test_a_threat_to_kill_the_writer_is_not_read_as_the_writers_own_wish_to_die() -> None:
    assert scan_safety("He told me that he would kill me if I left").types == {"abuse_victim"}
    # The writer's own wish in the same breath still counts.
    assert scan_safety("he said he would kill me and honestly I want to die").types == {
        "abuse_victim",
        "suicide_risk",
    }


# Strangling in the passive or as a noun is immediate danger as "he strangled me" is (stop 56); "choked up" is emotion.
@pytest.mark.parametrize(
    "text",
    [
        "This morning I was strangled by my husband and I can't stop shaking.",
        "I got strangled by my boyfriend last night and my throat still hurts.",
        "I was being choked by him and couldn't breathe.",
        "My husband put his hands round my neck again yesterday. Should I get checked out after strangulation?",
    ],
)
def test_strangling_told_in_any_grammar_is_immediate_danger(text: str) -> None:
    report = scan_safety(text)
    assert report.immediate_danger and report.action == "crisis", report.types


def test_strangling_feared_is_a_victims_fear_not_danger_now() -> None:
    report = scan_safety("I don't want to end up getting choked out by my boyfriend one day.")
    assert report.action != "crisis" and not report.immediate_danger


def test_choked_up_is_no_danger() -> None:
    assert scan_safety("I was choked up when my husband read his vows to me.").action == "none"
    assert scan_safety("I nearly choked on my dinner when he told me the price.").action == "none"


# Marks a partner left are the victim's, not self-harm (stop 56: the head read 64 such sentences in real DV dev posts
# as self-harm, none of them true); the writer's own act on their body beside the abuse still is.
INJURIES_A_PARTNER_LEFT = [
    "My boyfriend shoved me into the door frame and I have a bruise all down my arm.",
    "My husband kicked me in the ribs. It hurts to breathe and I'm covered in bruises.",
    "He slammed my hand in the car door and two of my fingers are bleeding.",
]
OWN_ACTS_BESIDE_ABUSE = [
    "He hit me again, and afterwards I went upstairs and cut my arm.",
    "When he screams at me I go into the bathroom and scratch my wrists until they bleed.",
    "He pushed me down the stairs. I relapsed that night and burned my thigh.",
]


@pytest.mark.parametrize("text", INJURIES_A_PARTNER_LEFT)
def test_injuries_a_partner_left_are_abuse_not_self_harm(text: str) -> None:
    assert scan_safety(text).types == {"abuse_victim"}


@pytest.mark.parametrize("text", OWN_ACTS_BESIDE_ABUSE)
def test_the_writers_own_harm_beside_abuse_is_still_self_harm(text: str) -> None:
    assert {"abuse_victim", "self_harm"} <= scan_safety(text).types


@pytest.mark.parametrize(
    "text",
    [
        "she took my birth control prescription to the pharmacy",
        "I picked up my prescription from the pharmacy after work",
        "my dad would kill me if he saw my grades lol",
    ],
)
def test_errands_and_everyday_hyperbole_about_killing_are_no_threat(text: str) -> None:
    assert scan_safety(text).action == "none"


def test_a_prescription_cancelled_behind_her_back_still_reads_as_abuse() -> None:
    assert (
        "abuse_victim" in scan_safety("she took my birth control prescription to the pharmacy and cancelled it").types
    )


def test_perpetration_is_support_not_crisis() -> None:
    assert scan_safety("I pushed my girlfriend during the row").action == "support"


def test_spans_are_code_point_indices_even_after_emoji_and_curly_quotes() -> None:
    text = "😢😢 Honestly… I don’t want to live anymore"
    flag = scan_safety(text).flags[0]
    assert text[flag.span[0] : flag.span[1]].lower().startswith("don’t want to live")


def test_to_dict_has_the_documented_shape() -> None:
    out = scan_safety("he hit me").to_dict()
    assert set(out) == {"kind", "text", "flags", "action", "english", "someone_else"} and out["kind"] == "safety"
    assert out["english"] is True
    assert set(out["flags"][0]) == {"type", "span", "score"}


def test_talk_about_films_and_the_resolved_past_passes() -> None:
    assert not scan_safety("We watched a film where the hero kills himself").flags
    assert not scan_safety("Years ago I was suicidal but I'm in a good place now").flags


def test_a_past_that_is_back_still_flags() -> None:
    assert scan_safety("I used to cut years ago and now I've started again").flags


def test_empty_or_binary_input_is_rejected() -> None:
    with pytest.raises(TextRejected):
        scan_safety("   ")
    with pytest.raises(TextRejected):
        scan_safety(42)  # type: ignore[arg-type]


def test_example_table_is_large_and_balanced() -> None:
    rows = [json.loads(line) for line in (EXAMPLES / "crisis_sentences.jsonl").read_text().splitlines()]
    assert sum(r["flag"] for r in rows) >= 150 and sum(not r["flag"] for r in rows) >= 150
    assert {t for r in rows for t in r["types"]} == {"suicide_risk", "self_harm", "abuse_victim", "abuse_perpetration"}
    assert any(r["split"] == "heldout" for r in rows)


def test_recall_on_the_tune_split_stays_high() -> None:
    rows = [json.loads(line) for line in (EXAMPLES / "crisis_sentences.jsonl").read_text().splitlines()]
    flagged = [r for r in rows if r["flag"] and r["split"] == "tune"]
    hits = sum(1 for r in flagged if scan_safety(r["text"]).flags)
    assert hits / len(flagged) >= 0.97


# Ordinary repair writing (written for this test, not taken from the example sets or the
# prototypes): remorse, the partner's fear or pain, affairs, lies, accidents, forgetting.
ORDINARY_APOLOGIES = [
    "I'm sorry for the pain I put you through this year.",
    "I know how frightened you were when I didn't come home.",
    "I'm sorry I forgot to pick up your inhaler from the chemist.",
    "I slept with someone at the conference and I'm so ashamed.",
    "I reversed into your car and hid the dent from you.",
    "I've been texting my ex and I should have told you.",
    "I'm so sorry I made you feel like a burden when you were ill.",
    "You must feel like you always come second to my job.",
    "I was so wrapped up in my own stuff that I forgot about you.",
    "I'm sorry I made you cry, I'll do better.",
]


@pytest.mark.parametrize("text", ORDINARY_APOLOGIES)
def test_ordinary_apologies_raise_no_action(text: str) -> None:
    assert scan_safety(text).action == "none"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I feel like a burden to everyone", "suicide_risk"),
        ("I'm sorry I'm such a burden, you'd all be better off without me", "suicide_risk"),
        ("I'm sorry, I just want to die", "suicide_risk"),
        ("I've been cutting again and hiding it from you", "self_harm"),
        ("I'm sorry I pushed you against the wall", "abuse_perpetration"),
        ("I'm sorry I hit you", "abuse_perpetration"),
        ("you grabbed me by the throat", "abuse_victim"),
    ],
)
def test_risk_inside_repair_writing_still_flags(text: str, kind: str) -> None:
    assert kind in scan_safety(text).types


def test_fresh_table_is_large_labelled_and_split_by_hash() -> None:
    import hashlib

    rows = load("crisis_fresh.jsonl")
    assert sum(r["flag"] for r in rows) >= 120 and sum(not r["flag"] for r in rows) >= 120
    for r in rows:
        assert bool(r["types"]) == r["flag"]
        want = "fresh-tune" if hashlib.sha256(r["text"].encode("utf-8")).digest()[0] % 2 == 0 else "fresh-held"
        assert r["split"] == want


def test_recall_on_the_fresh_tune_split_stays_high() -> None:
    flagged = [r for r in load("crisis_fresh.jsonl") if r["flag"] and r["split"] == "fresh-tune"]
    hits = sum(1 for r in flagged if scan_safety(r["text"]).flags)
    assert hits / len(flagged) >= 0.95


def test_social_table_is_balanced_and_split_by_position() -> None:
    rows = load("crisis_social.jsonl")
    crises = [r for r in rows if r["flag"]]
    assert len(rows) == 120 and len(crises) == 60
    for kind in FLAG_TYPES:
        assert sum(kind in r["types"] for r in crises) == 15
    for i, r in enumerate(rows):
        assert r["split"] == ("social-tune" if i % 2 == 0 else "social-held")
        assert r["flag"] == bool(set(r["types"]) - {"third_party"})


def test_the_second_writers_tune_half_is_read() -> None:
    # Only the tuning half: the held half is never read while lines are written (eval/safety.py reports it).
    tune = [r for r in load("crisis_social.jsonl") if r["split"] == "social-tune"]
    caught = sum(1 for r in tune if r["flag"] and scan_safety(r["text"]).action != "none")
    # An alarm is a flag of the writer's own risk: "my friend told me she's been burning herself" is someone else's
    # (third_party, stop 59), answered with help for the writer to help her.
    alarms = sum(1 for r in tune if not r["flag"] and scan_safety(r["text"]).types & set(FLAG_TYPES))
    assert caught >= 28 and alarms <= 4, (caught, alarms)


def test_text_that_is_not_english_is_marked_so_the_caller_shows_the_crisis_line() -> None:
    report = scan_safety("Я больше не хочу жить, всё бессмысленно.")
    assert report.english is False and report.to_dict()["english"] is False


def test_the_web_banner_is_shown_for_a_text_amends_cannot_read() -> None:
    from amends.web.coach_views import safety_for

    result = safety_for("Je suis tellement fatiguée, je ne veux plus me réveiller le matin.")
    assert result is not None and result.english is False and result.to_dict()["english"] is False


@pytest.mark.parametrize(
    "text",
    ["I also owed him a phone call.", "I want to hear you out without sighing or saying 'we've been over this'."],
)
def test_reported_false_alarms_pass(text: str) -> None:
    assert scan_safety(text).action == "none"


# The classes the issue reported missed, in LABELLING.md's own examples (not trained on).
MISSED_CLASSES = [
    ("I keep telling myself not to end it tonight", "suicide_risk"),
    ("tell me why I shouldn't just end things", "suicide_risk"),
    ("it would be easier to just stop existing", "suicide_risk"),
    ("they'd all be fine if I was gone", "suicide_risk"),
    ("I relapsed and burned my arm last night", "self_harm"),
    ("when he drinks I wonder if tonight he'll hurt me again", "abuse_victim"),
    ("I'm sorry I pinned you against the wall", "abuse_perpetration"),
]


@pytest.mark.parametrize(("text", "kind"), MISSED_CLASSES)
def test_negated_ideation_means_and_fear_of_more_violence_are_caught(text: str, kind: str) -> None:
    assert kind in scan_safety(text).types


def test_a_long_post_flags_when_one_sentence_carries_the_risk() -> None:
    filler = "Work was long again and the bus was late, so I got home after eight. " * 12
    report = scan_safety(filler + "Honestly I have been thinking about ending my life. " + filler)
    assert report.action == "crisis"
    start, end = report.flags[0].span
    assert "ending my life" in report.text[start:end] or report.text[start:end] in "ending my life"


def test_shipped_vectors_that_do_not_match_the_prototypes_fail_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    from amends.safety import learned

    monkeypatch.setattr(learned, "prototype_key", lambda: "not-the-key-it-was-built-with")
    with pytest.raises(learned.StaleModel, match="make train"):
        learned._load()


def test_the_learned_half_loads_once_however_many_threads_ask_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    from amends.safety import learned

    real_load, calls = learned._load, []
    ready = threading.Barrier(8)

    def counted_load() -> learned.Learned:
        calls.append(1)
        time.sleep(0.05)  # hold the door open: without the lock the other threads would load too
        return real_load()

    monkeypatch.setattr(learned, "_load", counted_load)
    monkeypatch.setattr(learned, "_loaded", None)

    def ask() -> None:
        ready.wait()
        learned.learned()

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1


def test_real_example_sets_keep_their_splits_and_labels() -> None:
    for name in ("crisis_real_cssrs.jsonl", "crisis_real_dv.jsonl", "crisis_relctx.jsonl"):
        rows = [json.loads(line) for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines() if line]
        # fresh: real posts labelled later, never trained on; relationship-context texts have none, but a
        # dev2 and dev3 parts that tune the patterns and that the head never trains on. The real posts'
        # dev2 (2026-12-02) tunes the patterns too, and the head never trains on it either; so does the
        # relationship-context dev4, while its held2 (a second writer's texts) is never tuned on. dev5 (two more
        # writers) tunes the patterns; held3 (two other writers, written beside them) is never tuned on. dev6 (four
        # more writers, stop 41), dev7 and dev8 (four more each, stop 42) and dev9 (four more, stop 43) were each
        # read once untouched, then tuned the patterns, and so was dev10 (four more, stop 43). The real posts' dev3
        # (400 more, stop 43) and dev4 (200 more, stop 43) likewise, and dev5 (210 more, stop 57).
        assert {r["split"] for r in rows} == (
            {"dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "held", "held2", "held3"}
            if name == "crisis_relctx.jsonl"
            else {"dev", "dev2", "dev3", "dev4", "dev5", "held", "fresh"}
        )
        assert all(r["flag"] == bool(set(r["types"]) - {"third_party"}) for r in rows), name


def test_a_wide_cue_alone_does_not_carry_a_head_only_suicide_flag() -> None:
    # Words of a story ("over and over", "plans", "peace") are not a wish to die on their own ...
    for text in ("We have plans.", "Over and over.", "All I want is peace.", "I keep replaying it over and over."):
        assert scan_safety(text).action == "none", text
    # ... while the core of the topic still is, with or without a feeling word.
    for text in ("I have been saving my pills for a month.", "Everyone would be better off without me."):
        assert "suicide_risk" in scan_safety(text).types, text


# Relationship-context wording the detector missed (our own variants, not the labelled rows): stalking
# after a block, self-blame for a partner's violence, "consequences" threats, taking a partner's keys
# so they cannot leave, a wish to be gone at a clause end, and the blade wanted as a way to cope.
RELATIONSHIP_CONTEXT = [
    ("She keeps calling from different numbers since I blocked her.", "abuse_victim"),
    ("I spotted his car outside my work twice this week.", "abuse_victim"),
    ("Sorry I got you angry enough to throw your mug at the wall.", "abuse_victim"),
    ("I freeze every time he raises his voice near me.", "abuse_victim"),
    ("He says if I see my sister again there will be consequences.", "abuse_victim"),
    ("I told him if he texts his ex there'll be consequences.", "abuse_perpetration"),
    ("I hid her car keys so she couldn't leave after the row.", "abuse_perpetration"),
    ("I should not have hidden your phone so you couldn't call anyone.", "abuse_perpetration"),
    ("If she goes, honestly, what's the point in being here at all.", "suicide_risk"),
    ("Some nights I wish she had just finished me.", "suicide_risk"),
    ("When we fight I just want the blade, it calms me down.", "self_harm"),
]
RELATIONSHIP_CONTEXT_PASS = [
    "I took your keys so you couldn't drive after all that wine.",
    "Our striker choked under the pressure again tonight.",
    "Stop it, you'll kill me with those dad jokes.",
    "We got thrashed, well, murdered 7-0, so let's drown our sorrows.",
    "What's the point in being here at this party if you won't talk to me?",
]


# Plans, means and goodbye acts with no feeling word, hidden injuries, leaving for safety and control
# written as a note or an apology: LABELLING.md section 3's hard classes, in our own words.
HARD_CLASSES = [
    # The denied form still flags, and so does fear the author shares with someone else (sixth stop).
    # A harmless use beside a real act does not hide the act.
    ("I broke her trust, and then I pushed her into the wall when she found out.", "abuse_perpetration"),
    ("He broke my arm last month and now he says I'm pushing him away.", "abuse_victim"),
    ("I'm scared he'll leave me if I don't do what he says, and he keeps my bank card.", "abuse_victim"),
    ("He said he'll make me pay for what happened if I ever tell anyone.", "abuse_victim"),
    ("He thinks I'm on my phone too much so he takes it off me and reads my messages.", "abuse_victim"),
    ("My phone was on silent because he took it off me.", "abuse_victim"),
    ("I don't want to keep living anymore.", "suicide_risk"),
    ("I don't want to lie anymore, I just want to die.", "suicide_risk"),
    ("My savings are gone and I have nothing left to live for.", "suicide_risk"),
    ("I cut back on eating and cut my arms again.", "self_harm"),
    ("I want to end my life at the end of the week.", "suicide_risk"),
    ("I have plans for my future but I just want to die.", "suicide_risk"),
    ("He tracks my phone and reads my messages.", "abuse_victim"),
    ("I'm only here because my husband forced me to have sex with his friend.", "abuse_victim"),
    ("He has a few drinks and then he hits me.", "abuse_victim"),
    ("I took all my blood pressure pills at once last night.", "suicide_risk"),
    ("I took my sleeping pills all at once.", "suicide_risk"),
    ("I wake up and wish I was dead.", "suicide_risk"),
    ("I can't go on.", "suicide_risk"),
    ("He follows me everywhere and checks my phone.", "abuse_victim"),
    ("I'm so angry at myself I want to hurt myself.", "self_harm"),
    ("He went for drinks and came back and hit me.", "abuse_victim"),
    ("I'm dying inside and I just want to end it all.", "suicide_risk"),
    ("I just want to disappear.", "suicide_risk"),
    ("I cried myself to sleep and then I cut myself.", "self_harm"),
    ("I'm at the end of my rope.", "suicide_risk"),
    ("I keep thinking about killing myself, over and over.", "suicide_risk"),
    ("Last night was the worst night of my life and I don't want to live anymore.", "suicide_risk"),
    ("I relapsed last night and cut my arm.", "self_harm"),
    ("He takes my bank card and I beat myself up about letting him.", "abuse_victim"),
    ("If I take all of them it would kill me.", "suicide_risk"),
    ("I'm going to give everyone some space, permanently. I've written the notes.", "suicide_risk"),
    ("This is going to kill me, I have the pills ready.", "suicide_risk"),
    ("It has got worse over the weeks and I don't want to be alive anymore.", "suicide_risk"),
    # ...while the same words still flag beside a risk.
    ("I keep telling myself I won't cut again, but the blade is back in my bag.", "self_harm"),
    ("I'll take the train to the coast tonight and walk into the sea.", "suicide_risk"),
    ("I feel worthless when he calls me names in front of the kids.", "abuse_victim"),
    ("I won't go to the police, he'd kill me.", "abuse_victim"),
    ("He threw my phone at the wall and then threw it in the bin so I couldn't call anyone.", "abuse_victim"),
    ("He took my car keys and my bank card so I can't leave the house.", "abuse_victim"),
    ("I get so jealous that I go through her phone every night and track where she is.", "abuse_perpetration"),
    ("I can't go on like this. I'm so tired of being alive.", "suicide_risk"),
    # ...but a day inside a struggle still counts, and so does a will that is written.
    ("i keep promising myself i won't do it this weekend but i don't know anymore", "suicide_risk"),
    ("I've written my will and it's in the drawer with the cat's papers.", "suicide_risk"),
    ("Its time for me to check out early. I will be leaving to my destination shortly", "suicide_risk"),
    ("Honestly I don't think I deserve to live after what I did to her.", "suicide_risk"),
    ("My kids are terrified of him and so am I, he's back on Friday.", "abuse_victim"),
    ("Nobody will have to look after me after Friday, it's all arranged.", "suicide_risk"),
    ("I wrote letters for the boys and left them in the drawer with my will.", "suicide_risk"),
    ("Drove to the top floor of the multistorey again and stood there a long time.", "suicide_risk"),
    ("I've been saving up my codeine in a sock in the wardrobe.", "suicide_risk"),
    ("Some mornings I wish a lorry would just hit me on the way to work.", "suicide_risk"),
    ("The kids would have an easier time of it if I just wasn't around any more.", "suicide_risk"),
    ("I wear long sleeves to dinner so she doesn't see my arms.", "self_harm"),
    ("After every row I bash my head against the wardrobe door.", "self_harm"),
    ("I told the nurse the razor slipped, which wasn't true.", "self_harm"),
    ("The protection order hearing is next week and I'm staying with my aunt till then.", "abuse_victim"),
    ("He somehow knows which bus I take to work now.", "abuse_victim"),
    ("She texted me from a new account again last night.", "abuse_victim"),
    ("He unplugs the router and takes it to work so I can't contact anyone.", "abuse_victim"),
    ("I've been going through her messages every night while she sleeps.", "abuse_perpetration"),
    ("I set up a tracker on his car without him knowing.", "abuse_perpetration"),
    ("I told my girlfriend she can't go out with her netball friends any more.", "abuse_perpetration"),
    ("My mum died in 2019 and some nights I just want to die too.", "suicide_risk"),
    ("My boyfriend called me a name and I slapped his face hard twice.", "abuse_perpetration"),
    ("I put my hand over her mouth to stop her screaming during the row.", "abuse_perpetration"),
    ("I threw the kettle at her. It missed.", "abuse_perpetration"),
    ("I tried to kill myself two years ago and I still think about doing it every day.", "suicide_risk"),
    ("I've tried to overdose before and I still have the pills in my drawer.", "suicide_risk"),
    # A past attempt is a risk in itself: told as history, it still flags (a miss costs more than noise).
    ("I've attempted suicide before, more than once.", "suicide_risk"),
    ("When I was 15 I wanted to die, and lately I want to kill myself again.", "suicide_risk"),
    ("I sat on the roof of the car park for two hours after the row.", "suicide_risk"),
    ("If I was gone she could finally be free of all this.", "suicide_risk"),
    ("I wrote letters for Ellie and for my mum and put them in the bedside drawer.", "suicide_risk"),
    ("The urges are back since Friday and I know where the blades are.", "self_harm"),
    ("He held the dog out of the window and said next time he'd let go.", "abuse_victim"),
    ("I keep a chair under the door handle on the nights he drinks.", "abuse_victim"),
    ("Stopped taking my tablets last month and started keeping them instead.", "suicide_risk"),
    ("Kept telling myself tonight is not the night.", "suicide_risk"),
    ("I go upstairs and cut when the shouting starts.", "self_harm"),
    ("I have to ask him before I spend anything, even on shampoo.", "abuse_victim"),
    ("Sorry I followed you to your sister's and waited outside.", "abuse_perpetration"),
    ("Sorry I blocked your sister and your friends on your phone, I was jealous.", "abuse_perpetration"),
    ("Three weeks ago I finally left my abusive husband and I'm sleeping at a friend's.", "abuse_victim"),
    ("How do I ask a domestic violence shelter whether they take kids?", "abuse_victim"),
    ("I'm ten days out from my abuser and I still check the locks twice.", "abuse_victim"),
    ("I've worked out exactly how I'd do it.", "suicide_risk"),
    ("Some nights I hope I don't wake up.", "suicide_risk"),
    ("I think about not existing most days.", "suicide_risk"),
    ("I wish I'd never been born.", "suicide_risk"),
    ("I've chosen a date. It's after the kids' exams.", "suicide_risk"),
    ("I keep checking how high the bridge is on the way to work.", "suicide_risk"),
    ("I'm dreading the next time he drinks.", "abuse_victim"),
    ("There's a grab bag under the stairs in case I have to get out fast.", "abuse_victim"),
    ("I still flinch when he reaches past me.", "abuse_victim"),
    ("She gets so angry whenever I see my sister that I've stopped going.", "abuse_victim"),
    ("Note to self: went through Dan's texts again while he slept.", "abuse_perpetration"),
    ("It's been a month since I shoved Priya and she still jumps when I stand up.", "abuse_perpetration"),
    ("Grandad's rifle is in the shed and I know where he hides the key.", "suicide_risk"),
    ("Took the tablets with wine and hoped they would be enough.", "suicide_risk"),
    ("Nobody knows, the burns are on my hips where clothes cover them.", "self_harm"),
    ("I want to sleep for a week and never wake up.", "suicide_risk"),
    ("He says it was my idea, but he takes my bank card every payday.", "abuse_victim"),
    ("I keep my pills in the drawer and I've been saving them, there's enough now.", "suicide_risk"),
]
HARD_CLASSES_PASS = [
    "Packed the rope and tent pegs for the trip, can't wait.",
    "My pills live by the kettle so I remember them with breakfast.",
    "This job is killing me, I'm home so late every night.",
    "We watched a true crime series about a refuge and then donated to a refuge charity.",
    "My phone died so I missed all your messages, sorry love.",
    "My first boyfriend was rough with me, but that was twenty years ago and he moved abroad long since.",
    "I'm worried about my mate Tom, he keeps saying he's done with everything.",
    "Cut my thumb on the bread knife making sandwiches.",
    "My grandad died last spring and I've been short with everyone.",
    "I've been a wreck since the funeral, I know that's not an excuse.",
    "I threw a pillow at him as a joke.",
    "I wanted to kill myself back when I was 15, and I'm so glad I stayed.",
    "Ten years ago I was contemplating suicide for some of the same reasons you describe.",
    "Wrote a letter to Grandad for his 90th and read it out at the party.",
    "We left the car on the top floor of the car park and went for lunch.",
    "Tonight is the night of the big match, sorry I'll be late home.",
    "Mum's weekly pill organiser is on the windowsill so she remembers them.",
    "My girlfriend's brother has been self-harming again and she's been at the hospital with him.",
    "He choked in the final set again, we laughed about it in the car.",
    "I left my abusive ex twelve years ago and I'm happily remarried now.",
    "Our church collects coats for the local animal shelter every winter.",
    "We volunteered at a women's shelter fundraiser last year.",
    "We've picked a date for the wedding at last!",
    "I picked a date night for Friday, just us two.",
    "My hospital bag is packed by the door in case I need to go in early.",
    "I flinch at every jump scare, you know that.",
    "I'm terrified of the next time I have to give a speech.",
    "I've thought a lot about how I'd do it differently if we had that night again.",
    "It took three tries to fix the boiler, but in the end it worked.",
    "Her brother's suicide threats were the reason she stayed with him.",
    "I hit send before I read it back, and I'm sorry it came out so cold.",
    "The scars are on my knees from falling off my bike as a kid.",
    # A violent verb that lands on a thing, with no person, fear or control in the sentence.
    "I hit the brakes just in time.",
    "I threw the old sofa out at last.",
    "After the move I could hibernate for a month, honestly.",
    "I'm so done with this project, roll on Friday.",
    # Sharing by agreement is not control.
    "We share locations on our phones so he knows I got home safe after late shifts.",
    "He holds my passport in the safe with his, we agreed it's easier for travel.",
    "She has my phone passcode and I have hers, it was my idea after I lied.",
    "I bumped my head on the cupboard door again, there's a lump now.",
    "Sam's sister has been self-harming and he's been with her at A&E all night.",
    "I keep my tablets in the pill box by the kettle so I don't miss the morning dose.",
    # A violent verb that lands on a thing or a feeling, not a person (patterns.yaml `object_uses`).
    "I broke her trust and I'm so sorry.",
    "I threw a party for her birthday and forgot to invite her sister.",
    "He's pushing me away and I don't know how to reach him.",
    "I shoved my clothes into the bag and drove to my mum's to cool off.",
    "I'm scared she'll leave me once she hears the whole story.",
    # Myself as the one talked to, a commute, presence offered, an affair ended, one's own low mood.
    "Honest check-in: I didn't go to the meeting on Wednesday. I made an excuse to myself. Going Saturday instead.",
    "I told myself it was harmless for months. It wasn't.",
    "From the 1st of March I'm getting the earlier train so I'm home by half six.",
    "I won't keep pushing to talk; I'll say once that I'm here, and then wait.",
    "I feel like the ground's gone from under me since I found out.",
    "Q: When did you last speak to her? A: The 14th, on the phone, to end it. Nothing since.",
    "I rang her to end it and blocked her number while you watched.",
    "I feel worthless when I compare myself to her, because she's younger and I can't help it.",
    "I won't go to the office drinks if she's going to be there.",
    "Threw her old jumper in the bin after the row, very dramatic of me, I regret it now.",
    "He slammed the door on his way out to football and I sulked all evening. We've talked since.",
    # Prompts that answers echo ("Which of my habits might get in the way?", "the urge to defend myself").
    "Which of my habits might get in the way? Drinking after work.",
    "When I feel the urge to defend myself I will take a breath and listen first.",
    "Some days I want to give up on us.",
    "She hung up on me in the middle of a row about money and we didn't talk till the morning.",
    "how I feel: jealous when she goes out with her work friends. I know its my issue not hers, I'm working on it",
    "we agreed to share locations while I drive up to Scotland on my own, it was my idea, makes me feel safer on the A9",
    "He handed me the car keys and said you drive, he'd had two beers. We always do that.",
    # Ordinary strain in heavy words.
    "Honestly the lie was eating me alive.",
    "im so tired of being the one who remembers everything.",
    "Honestly some days I feel like I'm drowning in all of it, the kids, work, the money.",
    "I've booked the stop smoking clinic for Tuesday.",
    "I can't go on like this in our marriage, pretending everything is fine at dinner parties.",
    # Commitments with a day in them: a day alone is a diary, and "I will" is not a will.
    "I will be home by 7 every Friday.",
    "I will go to my first GA meeting on Thursday.",
    "I've booked a locksmith for tomorrow and I check the doors every night now.",
    # What a friend says, and someone else's fear (sixth stop).
    "You deserve to live a life where nobody talks to you like I did.",
    "My sister was so scared of him, and I never asked her why she stayed.",
    # Answers that echo the check-ins' own words (seventh stop): resentment, and a span of time.
    "If I'm honest I still find myself wanting my partner to pay for what happened.",
    "It's been up and down but over the weeks it's got easier to talk.",
    "We argued over the phone bill again, he thinks I'm on my phone too much.",
    # Promises of honesty, a phone's state, money lost to a habit (our own apology examples, seventh stop).
    "I don't want to keep secrets anymore.",
    "im sorry i lied about smoking. im not going to hide it anymore, even if i slip up",
    "sorry, didnt realise the date. my phone was off",
    "My phone was on silent.",
    "All our savings are gone.",
    "The money is gone. I don't know what else to say.",
    # Habits talked about as in counselling (AnnoMI client turns in the real replies set's tuning splits).
    "I'll cut back on my drinking.",
    "I want to cut down to two drinks a night.",
    "It's just my way of relaxing at the end of the day.",
    "I have big plans for my future.",
    "I'll focus more on that than on the unnecessary stuff in my life.",
    "I have an app on my phone that tracks my steps.",
    "I'm only here because my wife forced me to come.",
    "She would make me promise not to have more than two drinks.",
    # Medicine as prescribed, the pill, a chore taken over, a phone put away (third batch of notes, seventh stop).
    "I will take my blood pressure pills every morning like the doctor said.",
    "I took my blood pressure pills at once when I got up.",
    "I've gone back on the pill.",
    "That sounds exhausting, doing bedtime alone every night. Can I take over tonight and tomorrow?",
    "Tell me again, I'm putting my phone away.",
    "I can't go on doing every school run alone. I need you to actually take some of it.",
    "i'm exhausted. the guilt follows me everywhere, into work, into the shower, even into my dreams",
    "He went for drinks with a colleague and my head ran away with me.",
    "I'm angry at myself.",
    # Heartbreak in stock words, from the hurt partner.
    "I cried myself to sleep again.",
    "I feel like I'm dying inside.",
    "I just want to disappear for a while, go to my sister's and think.",
    "I keep replaying it in my head, over and over.",
    "I'm at the end of my rope with the kids.",
    "Last night was the worst night of my life.",
    # Recovery talk from the one who slipped.
    "I relapsed on Friday and had six pints.",
    "I put a gambling block on my bank account.",
    "My sponsor says I should stop beating myself up.",
    "Did you ever think about how this would kill me?",
    "I took the kids to my mum's for the weekend to give us both space.",
]


@pytest.mark.parametrize(("text", "kind"), RELATIONSHIP_CONTEXT + HARD_CLASSES + CAUGHT)
def test_relationship_context_risk_is_caught(text: str, kind: str) -> None:
    assert kind in scan_safety(text).types


@pytest.mark.parametrize("text", RELATIONSHIP_CONTEXT_PASS + HARD_CLASSES_PASS + PASSES)
def test_relationship_context_look_alikes_pass(text: str) -> None:
    assert scan_safety(text).action == "none", scan_safety(text).types


# Warning signs that add up across sentences (patterns.yaml `warning_signs`): no sentence names a risk.
WARNING_SIGNS = [
    ("I gave my camera to Ollie and my records to my sister. I won't be needing them.", "suicide_risk"),
    ("The bank details are in the red folder in the hall. Look after the cats for me.", "suicide_risk"),
    ("Wrote a letter for each of the kids. They're in the glovebox, not sending them yet.", "suicide_risk"),
    ("I kept my wrists covered all weekend at your parents'. They're healing now, honestly.", "self_harm"),
]
WARNING_SIGNS_PASS = [
    "I gave my old bike to my nephew. He loves it.",
    "I left a note for you on the fridge. Sorry for everything this week.",
    "The spare key is under the plant pot. Text me when you're home.",
    "We gave my mum's sofa to the charity shop, and I won't need the van after all.",
    "I didn't want you to see my legs, I haven't shaved in weeks. Sorry.",
    "My knee is still healing after the fall. I'll skip the walk on Sunday.",
]


@pytest.mark.parametrize(("text", "kind"), WARNING_SIGNS)
def test_warning_signs_are_caught_across_sentences(text: str, kind: str) -> None:
    report = scan_safety(text)
    assert kind in report.types
    assert report.action == "crisis"
    for sentence in text.split(". "):  # each sentence alone names no risk
        assert kind not in scan_safety(sentence).types, sentence


@pytest.mark.parametrize("text", WARNING_SIGNS_PASS)
def test_one_arrangement_without_a_goodbye_passes(text: str) -> None:
    assert scan_safety(text).action == "none", scan_safety(text).types


# Every example the coaches show (commitments, apologies, replies) is ordinary repair writing, good or bad: none
# may raise a safety action. Several did: "I will put my phone in the drawer at dinner" and "I'll be reachable
# around the clock" before the sixth stop; "I started this and I want to end it well", "Nobody died, it's fine"
# and "Give me a break" before the seventh.
COACH_EXAMPLES = sorted({text for check in registry() for text in (*check.examples_flag, *check.examples_pass)})
# Two blame and excuse examples name a push and fear: read literally they may be abuse, and the detector may ask.
COACH_EXAMPLES_THAT_MAY_ASK = {
    "I only did it because you pushed me.",
    "I did it because I was scared, and that's no excuse.",
}


@pytest.mark.parametrize("text", [t for t in COACH_EXAMPLES if t not in COACH_EXAMPLES_THAT_MAY_ASK])
def test_the_coach_examples_raise_no_safety_action(text: str) -> None:
    assert scan_safety(text).action == "none", scan_safety(text).types


def test_the_coach_examples_cover_every_coach() -> None:
    assert {check.kind for check in registry()} == {"apology", "reply", "commitment"}
    assert len(COACH_EXAMPLES) > 450 and COACH_EXAMPLES_THAT_MAY_ASK <= set(COACH_EXAMPLES)


def test_a_partner_named_abusive_and_a_question_about_getting_out_flag_together() -> None:
    # Planning to leave for safety (LABELLING.md section 3), told across two sentences.
    text = "My boyfriend of ten years is a master manipulator and a narcissist. How do I get out? I'm on benefits."
    flag = next(f for f in scan_safety(text).flags if f.type == "abuse_victim")
    assert flag.span[0] < text.index("How do I") < flag.span[1]
    # Getting out of a chore is not leaving.
    chore = "My wife is a narcissist about her sourdough, honestly. How do I get out of the washing up tonight?"
    assert "abuse_victim" not in scan_safety(chore).types


@pytest.mark.parametrize(
    ("name", "size", "most"),
    [
        ("repair_notes.jsonl", 240, 3),
        ("repair_notes2.jsonl", 160, 2),
        ("repair_notes3.jsonl", 200, 1),
        ("repair_notes4.jsonl", 200, 1),
        ("repair_notes5.jsonl", 300, 8),
    ],
)
def test_ordinary_repair_notes_rarely_raise_an_action(name: str, size: int, most: int) -> None:
    # Our own commitments, check-in notes, argument logs, feeling statements, answers, journey answers, listening
    # practice and apology drafts: before the sixth stop's lexicon lines the tune halves raised 10 of 118 and
    # 7 of 92 actions. The third batch (recovery notes, partner messages, replies) raised 15 of 95 before the seventh,
    # and the fourth (heavy but safe feelings, counselling notes), written after it, raised 4 of 103. The fifth, by
    # three more writers (tune: two of them; held: the third), raised 11 of 200 before the tenth stop's idioms.
    rows = [json.loads(line) for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines()]
    assert len(rows) == size and {r["split"] for r in rows} == {"tune", "held"}
    assert all(r["types"] == [] and r["source"] == "own" for r in rows)
    alarmed = [r["text"] for r in rows if r["split"] == "tune" and scan_safety(r["text"]).action != "none"]
    assert len(alarmed) <= most, alarmed


def _prose(node: object) -> list[str]:
    if isinstance(node, str):
        return [node] if " " in node else []
    if isinstance(node, dict):
        node = list(node.values())
    return [text for item in node for text in _prose(item)] if isinstance(node, list) else []


CONTENT = Path(amends.__file__).parent / "content"


def _prose_of(files: list[Path]) -> list[str]:
    """Every distinct sentence-like string in these content files."""
    return sorted({t for f in files for t in _prose(yaml.safe_load(f.read_text(encoding="utf-8")))})


def test_the_journey_prompts_and_conversation_guides_raise_no_safety_action() -> None:
    # Answers often start by echoing the prompt, so the prompt itself must read as ordinary repair writing
    # ("Which of my habits might get in the way?" raised suicide_risk before the sixth stop).
    texts = _prose_of(sorted([*(CONTENT / "journey").glob("*.yaml"), *(CONTENT / "conversations").glob("*.yaml")]))
    assert len(texts) > 200
    alarmed = [t for t in texts if scan_safety(t).action != "none"]
    assert alarmed == []


def test_the_playbooks_guide_and_check_in_wording_raise_no_safety_action() -> None:
    # The same for the playbooks, the guide, the feelings list and the non-risk questionnaires with their result
    # notes: "wanting my partner to pay for what happened" (the forgiveness check-in) and "the direction over
    # weeks" (the trust check-in's note) raised flags before the seventh stop. The risk screens (ASQ, HARK, PHQ-9,
    # CAGE) ask about risk on purpose and are left out.
    screens = {"asq.yaml", "hark.yaml", "phq9.yaml", "phq2.yaml", "cage.yaml"}
    instruments = [f for f in (CONTENT / "instruments").glob("*.yaml") if f.name not in screens]
    files = sorted([*(CONTENT / "playbooks").glob("*.yaml"), *CONTENT.glob("*.yaml"), *instruments])
    texts = _prose_of([f for f in files if f.name not in {"resources.yaml", "safety_plan.yaml"}])
    assert len(texts) > 250
    alarmed = [t for t in texts if scan_safety(t).action != "none"]
    assert alarmed == []


def test_the_abusers_apology_is_not_the_writers_repair_frame() -> None:
    # The abuse cycle told by the one it happens to: his or her "sorry" does not make the sentence an apology.
    for text in (
        "she cried and said sorry after she knocked me into the radiator",
        "he apologised after he held my face against the car window",
    ):
        assert "abuse_victim" in scan_safety(text).types, text
    for text in ("I'm scared he'll leave me", "I knocked my knee against the table again, sorry for swearing"):
        assert scan_safety(text).action == "none", text
