"""The coaches on shapes real people write (issue 13), by LABELLING.md §1-2: sentences written by the team."""

from __future__ import annotations

import pytest

from amends.coach.apology import analyze_apology
from amends.coach.reply import analyze_reply, cues, find_rules
from amends.ledger.commitment_check import check_missed_note


def present(text: str) -> set[str]:
    return set(analyze_apology(text).present)


def rules(text: str) -> set[str]:
    return set(analyze_apology(text).rules)


def assert_level(mechanism: str, level: int, replies: tuple[str, ...], partner: str | None = None) -> None:
    """Each reply scores ``level`` on ``mechanism`` (LABELLING.md section 2)."""
    for reply in replies:
        assert analyze_reply(partner, reply).level(mechanism) == level, reply


def test_a_gerund_alone_names_the_act_but_does_not_own_it() -> None:
    assert present("Sorry for reading your diary.") >= {"remorse", "specificity"}
    assert "responsibility" not in present("Sorry for reading your diary.")
    assert "responsibility" in present("Sorry, I read your diary.")


def test_sorry_for_my_named_slip_is_ownership_like_my_mistake() -> None:
    assert {"responsibility", "specificity"} <= present("Sorry for my misspelling.")
    assert "responsibility" not in present("I'm sorry for my behaviour.")


def test_a_bereavement_is_no_confession() -> None:
    report = analyze_apology("I'm so sorry for your loss. I lost my brother a few years back.")
    assert report.verdict == "no_apology"
    assert "responsibility" not in report.present


def test_sympathy_for_what_befell_the_reader_is_not_remorse() -> None:
    assert "remorse" not in present("I'm sorry for what happened to you.")
    assert "passive" not in rules("I'm so sorry that happened. Was the nurse with her?")


def test_impact_repair_and_change_need_a_wrong_to_answer() -> None:
    assert "impact" not in present("Sorry to hear that. Hope you feel better soon!")
    assert "change" not in present("That's their problem now. Keep moving forward.")
    assert "change" in present("I'm sorry I lied. From now on I'll tell you where I am.")


def test_a_correction_given_with_the_apology_is_the_repair() -> None:
    assert "repair" in present("*their, sorry for the typo")
    assert "repair" in present("Sorry, I meant the 2010 folder, not the 2009 one.")
    assert "repair" not in present("Great game. Sorry man. But margarine??? Downvoted*")


def test_a_named_slip_beside_my_bad_is_specific() -> None:
    assert "specificity" in present("My bad, I thought they were brothers.")
    assert "specificity" not in present("I thought it was, but my bad.")


def test_a_reason_right_after_sorry_but_is_an_excuse() -> None:
    assert "excuse" in rules("Sorry for the late reply, but I usually check the bottom of the page first.")
    assert "excuse" not in rules("Sorry for the late reply, but I was away, and that's no excuse.")


def test_everyday_excuses_are_found() -> None:
    for text in ("Sorry I missed it, something came up.", "Sorry I was late, I'm new to this city."):
        assert "excuse" in rules(text), text


def test_hedges_after_other_apology_words_are_conditional() -> None:
    assert "conditional" in rules("My bad if that was unclear.")
    assert {"conditional", "deflection"} <= rules("Sorry if anyone was offended.")


def test_a_text_wrapped_whole_in_quotes_is_read_as_the_writers_own() -> None:
    assert "conditional" in rules('"Oh, when I said ""we"" I meant us. My bad if that was unclear."')
    assert "contempt" in {f.rule for f in find_rules('"You\'re such an idiot, honestly."')}
    assert "contempt" not in {f.rule for f in find_rules('She said "you\'re such an idiot" and left.')}


def test_real_defensiveness_and_counterattacks_are_found() -> None:
    cases = {
        "That's not what I said at all.": "defensiveness",
        "So now it's my fault?": "defensiveness",
        "You're the one who lied first.": "counterattack",
        "Says the guy who forgot my birthday.": "counterattack",
        "It's not that deep.": "minimizing",
        "Dump him.": "fixing",
        "You clearly have no idea what you're talking about.": "criticism",
        "Lmao, imagine thinking that.": "contempt",
    }
    for text, rule in cases.items():
        assert rule in {f.rule for f in find_rules(text)}, text


def test_the_writer_calling_themself_names_is_not_contempt() -> None:
    for text in (
        "I was an idiot, and I'm sorry.",
        "I felt so stupid for forgetting.",
        "That was a stupid thing for me to do.",
    ):
        assert "contempt" not in {f.rule for f in find_rules(text)}, text


def test_a_factual_check_in_note_is_not_told_it_cancels_an_apology() -> None:
    assert check_missed_note("The train was delayed.") == ()
    assert any("apology" not in f.message for f in check_missed_note("It wasn't my fault, the train was delayed."))


def test_the_writers_own_act_with_its_reason_is_an_explanation() -> None:
    assert "explanation" in present("Sorry, I should have said so. I left them out because this was a short example.")
    assert "explanation" not in present("Sorry, I only did it because you asked.")


def test_a_mistaken_belief_owned_beside_the_apology_is_an_explanation() -> None:
    for text in (
        "Sorry, I thought you were asking about the other thread.",
        "My bad, I didn't realise you were still using the car.",
        "I'm sorry, I wasn't aware the meeting had moved.",
    ):
        assert "explanation" in present(text), text
    for text in (
        "Sorry, I thought I had to sign for it.",  # a reason that justifies: the excuse finding's
        "Sorry about that, I thought it was normal to reply all.",
        "I thought you were great in the play.",  # no apology: no wrong to explain
        "Sorry, I thought about it all night and I still disagree.",
    ):
        assert "explanation" not in present(text), text


def test_a_slip_named_without_an_article_is_specific() -> None:
    for text in ("Sorry for delayed response.", "My bad on the wording.", "Sorry for making fun of your name."):
        assert "specificity" in present(text), text
    assert "specificity" not in present("Sorry for making you feel bad.")
    # Named with nothing around it (stop 39).
    for text in ("Sorry, typo.", "sorry, wrong link", "Whoops, double post."):
        assert "specificity" in present(text), text
    assert "specificity" not in present("Sorry, wrong again?")


def test_an_act_named_in_a_hedged_apology_is_specific_but_not_owned() -> None:
    # LABELLING.md section 1: "if" hedges the apology (the conditional finding); the act is still named.
    report = analyze_apology("Sorry if I used the wrong pronoun.")
    assert "specificity" in report.present and "responsibility" not in report.present
    assert "conditional" in report.rules
    assert "specificity" not in present("Sorry if I offended anyone.")


def test_sympathy_beside_a_bare_sorry_is_not_remorse_in_text_that_owns_no_act() -> None:
    assert "remorse" not in present("I'm so sorry, that is rough. Hope it gets better.")
    assert "remorse" not in present("They could have prepared you better. I'm so sorry. Sending you love.")
    # The same comfort beside an owned act, or in answer to a given mistake, leaves the apology whole.
    assert "remorse" in present("I'm so sorry. I lied to you about the money. I hope you can forgive me.")
    assert "remorse" in present("I'm so sorry I forgot. I hope you can forgive me.")
    report = analyze_apology("I'm so sorry. I hope you can forgive me.", mistake="I forgot your birthday")
    assert "remorse" in report.present


def test_sorry_that_brings_bad_news_or_speaks_for_a_group_is_not_remorse() -> None:
    assert "remorse" not in present("I'm sorry to inform you, it's worse.")
    assert "remorse" not in present("I'm sorry to tell you this but your mate is wrong.")
    assert "remorse" not in present("I'd like to apologize on behalf of all Azwel mains.")
    assert "remorse" not in present("Better safe than sorry.")
    assert "remorse" in present("I'm sorry to say I lied to you.")
    assert "remorse" in present("Sorry to say, I lied.")


def test_sorry_to_a_friend_but_a_disagreement_takes_back_nothing_it_gave() -> None:
    assert "remorse" not in present("Sorry fam, but this is a repost on this sub as well.")
    assert "remorse" in present("Sorry man, but I forgot to bring your charger.")


def test_real_defences_counterattacks_and_dismissals_are_named() -> None:
    def found(text: str) -> set[str]:
        return {f.rule for f in find_rules(text)}

    assert "defensiveness" in found("Nah mate, I think you have me mixed up with someone else.")
    assert "defensiveness" in found("My comment wasn't aimed at you.")
    assert "invalidating" in found("It isn't harassment, no matter how you feel about it.")
    assert "invalidating" in found("You need to take a step back.")
    assert "stonewalling" in found("Im done talking to you.")
    assert "stonewalling" in found("Good point but whatever.")
    assert "counterattack" in found("No, you are disrespectful. At least I pay my respects.")
    assert "counterattack" in found("Just because you lack reading skills doesn't mean I am a moron.")
    # What looks alike but concedes, or asks, is none of these.
    assert not found("No, you're right, I was late.") & {"counterattack", "defensiveness"}
    assert "stonewalling" not in found("Whatever you need tonight, I'm here.")
    assert "invalidating" not in found("I'll try to relax my tone when we talk.")


def test_my_bad_before_a_noun_is_an_adjective_not_ownership() -> None:
    assert "responsibility" not in present("Use this to aim better than my bad aim :)")
    assert "responsibility" in present("Oh my bad, I forgot the link.")


def test_an_oversight_owned_with_a_hedge_or_a_not_is_ownership() -> None:
    assert {"responsibility", "specificity"} <= present("Sorry, I must have misread your message.")
    assert {"responsibility", "specificity"} <= present("Oops, I didn't check the date before I posted. Sorry.")
    assert "responsibility" not in present("Sorry, you didn't check the date.")


def test_a_fix_already_made_or_offered_is_the_repair() -> None:
    assert "repair" in present("Sorry, I got the link wrong. Fixed now.")
    assert "repair" in present("My bad, I forgot the recipe step, I've added it back in.")
    assert "repair" in present("Sorry I posted your photo without asking. Want me to delete it?")
    assert "repair" not in present("Sorry I posted your photo without asking. Do you want me to go?")
    assert "repair" not in present("Sorry, I was wrong about the date.")
    # The fix made now, an offer to undo it, and the correction given with the error owned (stop 39).
    assert "repair" in present("Sorry, I had forgotten the attachment, now I added it.")
    assert "repair" in present("Sorry, I shared your post without asking. Can I remove it?")
    assert "repair" in present("I was wrong, it was the 14th, not the 12th.")
    assert "repair" not in present("I was wrong, and I know it hurt you.")
    assert "repair" not in present("Sorry I shared it. Can I explain why?")


def test_politeness_sorries_in_general_text_are_not_remorse() -> None:
    # To someone by nickname, as a last word after a statement the writer is not in, or before "but".
    assert "remorse" not in present("Sorry mate, I just don't rate their new album.")
    assert "remorse" not in present("The shop closes at six on Sundays, sorry.")
    assert "remorse" not in present("I'm sorry. But, you can keep that opinion to yourself.")
    assert "remorse" not in present("I'm sorry. I hope the interview goes well for you!")
    # The same shapes with the writer's own act at issue stay apologies.
    assert "remorse" in present("Sorry mate, I forgot to bring your charger back.")
    assert "remorse" in present("Oh, sorry pal. Didn't mean to be rude.")
    assert "remorse" in present("I forgot to bring your charger back, sorry.")
    assert "remorse" in present("It was only a joke and it meant nothing. Sorry.")
    assert "remorse" in present("Sorry. I hope you can forgive me for missing it.")
    report = analyze_apology("The shop closes at six, sorry.", mistake="I sent you to a closed shop")
    assert "remorse" in report.present


def test_a_sorry_that_asks_leave_or_owns_not_knowing_is_excuse_me_not_remorse() -> None:
    # LABELLING.md section 1: "excuse me"/"sorry, what?" is not remorse (stop 45, real Stanford Politeness requests).
    for text in (
        "Sorry, one more question: does the offer include delivery?",
        "Sorry, I'm kinda new to this sub. Which flair do I use?",
        "Sorry, I know nothing about gardening. Is that a weed or a herb?",
        "sorry I can't find the form on their site, do you have a link?",
        "I don't understand what you mean by the second step, sorry",
        # Stop 48 (real-sorry tuning half): not understanding or not knowing, also with the reader named between
        # or a "but" before the confusion.
        "Sorry @dana I don't understand. Could you say more?",
        "I'm very sorry Sam, I still don't fully understand. Can you give an example?",
        "Sorry, I got a bit confused. How did you wire the second switch?",
        "I'm sorry, but it's still not clear. Do you mean the old version?",
        "Sorry Jo how do you mean? Which folder?",
        "I'm not sure, honestly. There may be a map at the station. Sorry.",
        "I'm sorry to say I haven't a clue what this means.",
    ):
        report = analyze_apology(text)
        assert "remorse" not in report.present, text
        assert report.verdict == "no_apology", text
    # An apology for the asking itself, or for an act, stays remorse, also after the same openings.
    assert "remorse" in present("Sorry for the dumb question, but where do I click to save?")
    assert "remorse" in present("Sorry, I forgot to send the form. Do you still need it?")
    assert "remorse" in present("Sorry, I'm late with this. Can you still take it?")
    assert "remorse" in present("Sorry Sam, I forgot to send you the map.")
    assert "remorse" in present("I don't know why I said that to you. Sorry.")
    assert "remorse" in present("I'm sorry, I got angry and shouted at you.")


def test_sorry_for_their_low_mood_beside_comfort_is_sympathy_not_deflection() -> None:
    # LABELLING.md section 1: sympathy is no apology, and with no act of the writer's at issue there is nothing for
    # "sorry you feel" to deflect from (real-dev and real-sorry tuning texts, stop 48).
    report = analyze_apology("I'm sorry you're feeling so low, mate. That sounds really difficult. Sending you hugs.")
    assert "deflection" not in {f.rule for f in report.findings}
    assert report.verdict == "no_apology"
    # Sorry for their reaction stays a deflection on its own, or when the writer's act is at issue.
    assert "deflection" in rules("I'm sorry you feel that way.")
    mistake = "I read your messages"
    report = analyze_apology("I'm sorry you're feeling this way. I hope you feel better soon.", mistake=mistake)
    assert "deflection" in {f.rule for f in report.findings}
    assert "deflection" in rules("I'm sorry you feel that way about me reading your phone. I hope you feel better.")


def test_sympathy_and_apologies_mentioned_to_the_reader_are_not_remorse() -> None:
    for text in (
        "I'm sorry this guy is hassling you, block him.",
        "Sorry bout your knee, hope it heals soon.",
        "I'm sorry to see that you left the team.",
        "What are you apologizing for? You did nothing wrong.",
        "You won't be sorry, give it a try.",
        # Comfort beside a bare "sorry" (stop 48), in more words and in the stock words of comfort.
        "Sorry, love. You deserve better.",
        "Bless your heart. I'm so sorry.",
        "Sorry :( I know that feeling.",
        "I am so sorry. Feel better soon!",
        "So sorry. Thinking of you.",
        "I'm so sorry. Rest in peace, Gran.",
    ):
        assert "remorse" not in present(text), text
    # With an act of the writer's owned, the apology stands.
    assert "remorse" in present("I'm sorry I was the guy who hassled you.")
    assert "remorse" in present("I'm sorry I lied to you. You deserve better.")
    assert "remorse" in present("I'm sorry I shouted at you. I'm here for you now.")
    assert "remorse" in present("Sorry about your bike, I scratched it when I borrowed it.")


def test_an_apology_mentioned_is_neither_remorse_nor_an_act_owned() -> None:
    # LABELLING.md §1: "I said sorry already" is no remorse, and saying sorry is no transgression to own.
    for text in (
        "I said sorry already.",
        "Can you forgive me already? I said sorry like ten times.",
        "I've said I'm sorry a hundred times.",
        "How many times do I have to say sorry?",
    ):
        report = analyze_apology(text)
        assert not {"remorse", "responsibility", "specificity", "forgiveness_request"} & set(report.present), text
        assert report.verdict == "no_apology", text
    assert "forgiveness_pressure" in rules("Can you forgive me already? I said sorry like ten times.")
    # Words said that hurt are still an act, and a gentle request is still a request.
    assert {"responsibility", "specificity"} <= present("I said hurtful things about your mother. I'm sorry.")
    assert "forgiveness_request" in present("I'm so sorry I lied. I hope in time you can forgive me.")
    assert "remorse" in present("I said I was sorry before, and I am. I'm sorry I lied about the trip.")


def test_the_thing_not_done_or_the_step_not_taken_is_named() -> None:
    # LABELLING.md §1 specificity: the concrete behaviour, also as a step the writer should have taken.
    for text in (
        "Sorry, should have checked the date before I booked.",
        "I'm sorry for not calling you back last night.",
        "Sorry to not reply sooner.",
        "Sorry for not being there when your dad was in hospital.",
    ):
        assert "specificity" in present(text), text
    assert "specificity" not in present("Sorry, should have known better.")


def test_an_act_named_right_after_the_apology_owns_it_without_a_subject() -> None:
    assert "responsibility" in present("Oops, sorry, forgot to lock the door.")
    assert "responsibility" in present("Sorry about that, clicked the wrong link.")
    assert "responsibility" in present("I had forgotten the date, sorry.")
    # A new sentence after "sorry." is someone else's news, not an elided "I".
    assert "responsibility" not in present("I'm so sorry. Read about the flood in your town on the news.")


def test_their_feeling_named_as_anyones_in_their_place_is_strong_understanding_not_advice() -> None:
    # LABELLING.md section 2: naming the inferred feeling is strong interpretation; "if I were you" here advises nothing.
    for reply in (
        "I know I let you down. I'd feel invisible too if I were you.",
        "If I were you, I'd be furious with me.",
        "Anyone would be hurt after finding out like that.",
        "I'd be angry too.",
    ):
        report = analyze_reply("You forgot me again.", reply)
        assert report.level("interpretation") == 2, reply
        assert "fixing" not in {f.rule for f in report.findings}, reply
    # Advice and polite offers stay what they are.
    assert "fixing" in {f.rule for f in analyze_reply(reply="If I were you I'd just forget it.").findings}
    assert analyze_reply(reply="I'd be happy to make a donation if you have some left!").level("interpretation") == 0


def test_a_sincere_first_person_sorry_is_strong_warmth() -> None:
    # LABELLING.md section 2: "I'm sorry" names the replier's own feeling, as in EPITOME's labels.
    sincere = (
        "I'm sorry. How are you feeling now?",
        "I'm so sorry.",
        "I love you, I'm sorry.",
        "I am truly sorry.",
        "You're right to be mad. I feel really bad.",  # names the replier's own feeling too (stop 52)
    )
    assert_level("emotional_reaction", 2, sincere, "You forgot me again.")
    # Not when it regrets their feeling, is denied, or has no "I" at all.
    assert analyze_reply(reply="I'm sorry you feel that way.").level("emotional_reaction") < 2
    # "I'm sorry, but..." still names the feeling (every one of the 31 labelled tuning replies from independent
    # writers gives it 2, stop 52); what follows the "but" is a finding of its own.
    taken_back = analyze_reply(reply="I'm sorry, but you always overreact.")
    assert taken_back.level("emotional_reaction") == 2 and taken_back.findings
    assert analyze_reply(reply="I'm not sorry.").level("emotional_reaction") < 2
    assert analyze_reply(reply="Sorry.").level("emotional_reaction") < 2


def test_a_feeling_inferred_by_name_or_reflected_in_the_negative_is_strong_understanding() -> None:
    # LABELLING.md section 2: strong interpretation names the specific inferred feeling.
    named = (
        "That must have been terrifying.",
        "It must have felt humiliating.",
        "So you're not happy with how the evening went.",
        "It sounds like you're not ready to talk about it yet.",
        "So on the one hand, you're worried about the money, and on the other you want the trip.",
        "Yeah, you're feeling a little bit let down by how I handled it?",
        "I understand your frustration with me.",
        "I hear your hurt, and it makes sense.",
    )
    assert_level("interpretation", 2, named, "You left me at the party.")
    # "Hard" names no particular feeling: the guide's own wording stays generic understanding.
    assert analyze_reply("You left me at the party.", "That must have been really hard.").level("interpretation") == 1
    assert analyze_reply("You left me at the party.", "You're not alone.").level("interpretation") < 2
    assert analyze_reply("You left me at the party.", "I feel your pain.").level("interpretation") < 2


def test_plain_words_of_understanding_are_generic_understanding() -> None:
    # LABELLING.md section 2, level 1: a generic statement of understanding.
    plain = ("Yeah, I can understand that.", "I could see that.", "Honestly, I feel you.")
    assert_level("interpretation", 1, plain, "I hate how it ended.")
    # "Yes, but": understanding granted, then taken back, is defensiveness and earns none (LABELLING.md section 2).
    report = analyze_reply("You left me alone at the party.", "I understand you're upset, but I had to work late.")
    assert report.level("interpretation") == 0 and "defensiveness" in {f.rule for f in report.findings}
    # A frustration named is a feeling named, not a generic formula.
    assert analyze_reply("I hate how it ended.", "That must have been so frustrating.").level("interpretation") == 2


def test_reassurance_and_compassion_that_name_no_feeling_are_weak_warmth() -> None:
    # LABELLING.md section 2: warmth that alludes to emotion without naming it is emotional reaction 1.
    weak = ("You'll be okay, I promise.", "Don't let them get to you.", "I hope your sister is alright.", "Poor kitty.")
    assert_level("emotional_reaction", 1, weak)
    assert analyze_reply(reply="Oh, poor you.").level("emotional_reaction") == 0


def test_a_feeling_of_ones_own_named_for_them_is_strong_warmth() -> None:
    for reply in (
        "I'm sorry to hear that.",
        "I really feel for you.",
        "I'm so happy for you!",
        "It really worries me.",
        "I'm honestly so relieved you're safe.",
        "Glad it worked out for you in the end.",
        "This hurts to read.",
        "I really care about how this turned out for you.",
        "I'm honestly so angry on your behalf.",
        "I feel for your frustration with the landlord.",
        "I'll miss you so much when you move.",
        "Honestly the most heartbreaking thing I've ever read.",
    ):
        assert analyze_reply(reply=reply).level("emotional_reaction") == 2, reply
    assert analyze_reply(reply="Sorry you feel that way.").level("emotional_reaction") < 2
    assert analyze_reply(reply="I'm sad you feel that way.").level("emotional_reaction") < 2
    assert analyze_reply(reply="I'm glad you told me.").level("emotional_reaction") == 1
    assert analyze_reply(reply="I moved the sofa like you asked.").level("emotional_reaction") == 0


def test_encouragement_and_plain_sadness_are_weak_warmth() -> None:
    for reply in ("Don't give up on each other.", "That's such a sad way to find out.", "I appreciate you telling me."):
        assert analyze_reply(reply=reply).level("emotional_reaction") == 1, reply


def test_a_reflection_that_names_their_feeling_is_strong_understanding() -> None:
    for reply in (
        "So you're feeling torn about it.",
        "It sounds like you were really hurt.",
        "Your mom is important to you.",
        "It sounds like you care a lot about your brother.",
        "I get the sense that your job is really important to you.",
        "So you're struggling to keep up with everything.",
        "And that was really frustrating for you, being kept waiting again?",
        "It's hard to say no to your friends when they all drink.",
        "So you're feeling a bit dissatisfied with how things are at home.",
    ):
        assert analyze_reply(reply=reply).level("interpretation") == 2, reply
    assert analyze_reply(reply="You're just mad because you lost.").level("interpretation") == 0
    assert analyze_reply(reply="That must have been really hard for you.").level("interpretation") == 1
    assert analyze_reply(reply="That is really scary to hear.").level("interpretation") < 2


def test_a_reflective_question_about_their_experience_keeps_some_understanding() -> None:
    partner = "Since the baby came I've been drinking more, and I hate how tired I am all the time."
    for reply in (
        "Okay, so you're not getting much rest these days?",
        "So it's not something you chose, and it wears you down?",
    ):
        assert analyze_reply(partner_message=partner, reply=reply).level("interpretation") >= 1, reply


def test_questions_in_a_mocking_reply_explore_nothing() -> None:
    partner = "You didn't call when you said you would, and I sat by the phone all evening."
    mocking = "Oh poor you, sitting by the phone. What were you feeling, abandoned?"
    report = analyze_reply(partner_message=partner, reply=mocking)
    assert "contempt" in report.rules
    assert report.level("exploration") == 0
    sincere = "I'm sorry I didn't call. What was that evening like for you?"
    assert analyze_reply(partner_message=partner, reply=sincere).level("exploration") >= 1


def test_a_feeling_question_that_names_nothing_is_generic_exploration() -> None:
    # LABELLING.md section 2: strong exploration names the partner's possible experience or feeling for them to
    # confirm; an open question about it, however specific its setting, is generic (as the independent writers of the
    # partner sets label it, stop 52).
    partner = "You left me at the party and I stood at the back on my own for an hour."
    for reply in (
        "And how does that feel for you now?",
        "How are you feeling about it?",
        "How did it feel standing at the back on your own for an hour?",
        "What was that hour like for you?",
    ):
        assert analyze_reply(partner_message=partner, reply=reply).level("exploration") == 1, reply
    for named in (
        "Did it feel like nobody at that party cared that you were on your own?",
        "Were you more embarrassed or more hurt, standing there on your own?",
        "Why do you think you felt so alone at the back there?",
    ):
        assert analyze_reply(partner_message=partner, reply=named).level("exploration") == 2, named


def test_validation_that_names_no_feeling_is_generic_understanding_never_contempt() -> None:
    # LABELLING.md section 2: validating their feeling or what they lived through is understanding (level 1 when
    # it names no feeling), and a reply that validates is no attack: the findings head must not call it one.
    partner = "You forgot my birthday again and I sat there alone all evening."
    validating = (
        "You didn't deserve that.",
        "No one deserves to be treated like that.",
        "That was unfair to you.",
        "Your anger is completely valid.",
        "That's a lot to carry.",
    )
    assert_level("interpretation", 1, validating, partner)
    for reply in validating + ("You have every right to be angry with me.",):
        assert not analyze_reply(partner, reply).findings, reply
    assert analyze_reply(partner, "It wasn't unfair to you.").level("interpretation") == 0
    # Mockery borrows the generic formula ("that must be really tough, sweatie"), so it does not shield a sentence.
    mocking = "Sorry you are still being messaged by ugly guys, that must be really tough, you are brave sweatie"
    assert not any(pattern.search(mocking) for pattern in cues.VALIDATION)


def test_an_order_given_in_contempt_is_not_advice() -> None:
    # LABELLING.md section 2: fixing is a solution before the feeling; "Stop lying." and "Go lie somewhere else" are
    # the mockery found there, not solutions.
    for reply in ("You honestly think a law did away with straw purchases? Stop lying.", "Go lie somewhere else."):
        found = {f.rule for f in analyze_reply("You lied to me about the money.", reply).findings}
        assert "contempt" in found and "fixing" not in found, reply
    advice = {f.rule for f in analyze_reply("You lied to me about the money.", "Just don't think about it.").findings}
    assert "fixing" in advice


def test_sorry_for_how_things_turned_out_for_them_is_sympathy_unless_an_act_is_owned() -> None:
    # LABELLING.md section 1: "sorry that happened to you" is sympathy, not remorse; with an act owned or a mistake
    # given, the same words answer it.
    for text in ("Sorry it had to mean the end of the relationship.", "I'm sorry. It's gonna take time to heal."):
        assert "remorse" not in present(text), text
    assert "remorse" in present("I'm sorry things turned out like this. I lied to you about the money.")
    assert "remorse" in analyze_apology("I'm sorry it had to end this way.", mistake="I cheated").present


def test_a_reflection_said_as_if_or_with_a_newly_named_feeling_is_strong_understanding() -> None:
    # LABELLING.md section 2, level 2: the specific inferred feeling, named (stop 39).
    strong = (
        "So it's almost as if you feel a bit torn.",
        "So you're just feeling a bit hesitant about it?",
        "It sounds like you felt pressured.",
    )
    assert_level("interpretation", 2, strong, "I want to be with her, but I also want to see my mates.")
    assert analyze_reply("You forgot again.", "You're just angry because you're tired.").level("interpretation") < 2


def test_a_lie_recast_as_care_is_an_excuse_and_mistakes_were_made_keeps_its_sorry() -> None:
    # LABELLING.md section 1: context used to justify is an excuse; owned as self-deception it is not (stop 39).
    assert "excuse" in rules("I'm sorry I lied. I was protecting you from the truth.")
    assert "excuse" not in rules("I'm sorry I lied. I told myself I was protecting you, but I was protecting myself.")
    # "Mistakes were made" is the act at issue, so the last-word "sorry" is not an afterthought in general text.
    assert analyze_apology("Mistakes were made and I'm sorry.").verdict == "non_apology"


def test_the_guides_inferred_feeling_is_understanding_and_presence_offered_is_warmth() -> None:
    # The guide's own "you must have felt invisible" form: strong understanding, never contempt (stop 39).
    partner = "I found the messages. You told me it was over with her."
    report = analyze_reply(partner, "You must have felt so humiliated when you read those messages.")
    assert report.level("interpretation") == 2 and not report.findings
    # LABELLING.md section 2: warmth that names no feeling is emotional reaction 1.
    assert analyze_reply(partner, "Take all the time you need. I'm here.").level("emotional_reaction") == 1
    assert analyze_reply(partner, "I'm here at the station, where are you?").level("emotional_reaction") == 0


@pytest.mark.parametrize(
    ("reply", "level"),
    [
        # Their feeling named back in the guide's inferred form is strong understanding by rule, not by a head's
        # margin (stop 46, when the retrained head put the first at 1).
        ("You must have felt so humiliated when you read those messages.", 2),
        ("You must have been terrified when I didn't come home that night.", 2),
        ("You must feel so alone in this.", 2),
        # No feeling named: where they were is an inference, at most generic, never their feeling named back.
        ("You must have been at work when she called.", 1),
    ],
)
def test_you_must_have_felt_names_their_feeling_back(reply: str, level: int) -> None:
    partner = "I found the messages. You told me it was over with her."
    assert analyze_reply(partner, reply).level("interpretation") == level


def test_owning_a_false_blame_validating_anger_and_letting_them_not_talk_are_no_attack() -> None:
    # Stop 39 probes: the writer owning what they made the partner believe is not blame; "and you should be" agrees
    # with the feeling, it gives no advice; "It's okay that you don't want to talk" is generic understanding.
    partner = "I found the messages. You told me it was over with her."
    assert not analyze_reply(partner, "I let you believe it was your fault.").findings
    assert "blame" in {f.rule for f in analyze_reply(partner, "It was your fault, not mine.").findings}
    assert not analyze_reply(partner, "You're angry, and you should be.").findings
    assert "fixing" in {f.rule for f in analyze_reply(partner, "You should be more careful with your phone.").findings}
    okay = analyze_reply(partner, "It's okay that you don't want to talk to me right now.")
    assert okay.level("interpretation") == 1
    inferred = analyze_reply(partner, "You probably feel like you don't know me anymore.")
    assert not inferred.findings and inferred.level("interpretation") >= 1
    assert not analyze_reply(partner, "You probably feel stupid for trusting me, but you're not.").findings


def test_questions_after_plans_helpers_or_facts_explore_nothing() -> None:
    # LABELLING.md section 2: exploration asks about feelings or experiences; planning, helper and closed
    # factual questions gather information (stop 40, from the real AnnoMI tuning splits).
    partner = "I want to cut back on the drinking before the wedding."
    for reply in (
        "Who could help you stick to that?",
        "So what would that look like on a normal weekday?",
        "What would be the benefits of cutting back now?",
        "What have you tried so far?",
        "Have there been times before when you tried to cut down?",
        "Did you tell your sister about it?",
        "And who are these friends you drink with?",
        "Why would you want to change it now?",
    ):
        assert analyze_reply(partner_message=partner, reply=reply).level("exploration") == 0, reply
    assert (
        analyze_reply(partner_message=partner, reply="How are you feeling about the wedding?").level("exploration") >= 1
    )


def test_feel_meaning_think_asks_but_names_no_feeling() -> None:
    partner = "I only have a couple of coffees a day now."
    for reply in (
        "Do you feel like you're doing okay with how much coffee you have?",
        "Do you feel pretty sure you could drop the last one too?",
        "Do you feel that there are times it gets away from you?",
    ):
        assert analyze_reply(partner_message=partner, reply=reply).level("exploration") == 1, reply
    named = "Do you feel like you're blaming yourself for the late nights?"
    assert analyze_reply(partner_message=partner, reply=named).level("exploration") == 2


def test_an_invitation_to_tell_more_after_a_filler_is_exploration() -> None:
    partner = "Work has been a lot lately and I keep snapping at the kids."
    for reply in (
        "Okay, so, um, tell me a little more about those evenings.",
        "So, tell me what you think is behind the snapping.",
    ):
        assert analyze_reply(partner_message=partner, reply=reply).level("exploration") >= 1, reply
    assert (
        analyze_reply(partner_message=partner, reply="You know what? Take the weekend off.").level("exploration") == 0
    )


def test_not_knowing_or_not_being_an_expert_owned_beside_the_apology_is_an_explanation() -> None:
    for text in (
        "I apologize. Wasn't aware the rota had changed, thanks for telling me.",
        "Sorry, I'm not a lawyer, so I may have read the lease wrong.",
    ):
        assert "explanation" in present(text), text
    assert "explanation" not in present("I'm not a lawyer, but the lease looks fine to me.")  # no apology


def test_what_they_want_or_fear_said_back_to_them_is_strong_understanding() -> None:
    # LABELLING.md section 2: naming the specific inferred feeling or experience is interpretation 2 (stop 40).
    partner = "I keep saying I'll cut down on the drinking and then the weekend comes."
    for reply in (
        "And you really want to be there for the kids on Saturday mornings.",
        "I can tell you really care about getting this right.",
        "I feel like you really wanted this weekend to go differently.",
        "You probably think I'm going to lecture you about it.",
    ):
        assert analyze_reply(partner_message=partner, reply=reply).level("interpretation") == 2, reply
    assert (
        analyze_reply(partner_message=partner, reply="You want to know what I think? Stop buying it.").level(
            "interpretation"
        )
        < 2
    )


def test_a_plan_for_when_it_starts_again_and_openness_for_good_are_change() -> None:
    # The seed: trust is rebuilt through consistency, transparency and reliability (stop 40).
    for text in (
        "I'm sorry I yelled at you. When I feel it building I'll step outside and come back when I'm calm.",
        "I'm sorry I hid the messages. You can see my phone whenever you want.",
        "I'm sorry I snapped. Whenever I get defensive I'll stop and ask what you need.",
    ):
        assert "change" in present(text), text
    assert "change" not in present("I'm sorry I forgot to call. When I get home I'll call you.")


def test_whatever_you_need_is_an_offer_not_a_shrug() -> None:
    report = analyze_apology("Whatever you need, I'll do it. I'm sorry I forgot our anniversary.")
    assert "minimizing" not in report.rules
    assert "minimizing" in analyze_apology("Sorry, whatever.").rules


def test_clearing_the_partner_makes_the_pressure_context_and_a_missing_reminder_blames() -> None:
    owned = (
        "I'm sorry I snapped at you. I've been under so much pressure at work, but that's not your fault "
        "and I shouldn't have taken it out on you."
    )
    report = analyze_apology(owned)
    assert "blame" not in report.rules and "excuse" not in report.rules
    assert {"explanation", "responsibility"} <= set(report.present)
    assert "excuse" in analyze_apology("Sorry I snapped, I've been under so much pressure.").rules
    blaming = analyze_apology("I'm sorry I forgot your mum's birthday, but in my defence you didn't remind me.")
    assert "blame" in blaming.rules and blaming.verdict == "non_apology"


def test_encouragement_is_weak_warmth_and_an_unnamed_why_feeling_is_generic_exploration() -> None:
    assert analyze_reply(reply="You're stronger than you think.").level("emotional_reaction") == 1
    assert analyze_reply(reply="Why do you think you feel that way?").level("exploration") == 1
    assert analyze_reply(reply="Why do you think you felt so alone that night?").level("exploration") == 2


def test_reassurance_care_and_a_typed_heart_are_weak_warmth() -> None:
    weak = (
        "Please don't hate yourself, it was not your fault.",
        "The important thing is for you to be happy.",
        "You're already taking a huge step forward by coming here to talk about it.",
        "You're doing great.",
        "Thank you for telling me <3",
    )
    assert_level("emotional_reaction", 1, weak)
    assert_level(
        "emotional_reaction",
        0,
        ("It's not my fault you were late.", "You're doing it again.", "I want you to be quiet."),
    )


def test_shared_joy_plain_sadness_and_a_worry_talked_down_are_weak_warmth() -> None:
    weak = (
        "Congratulations!! How long did it take you?",
        "That's sad.",
        "Laws don't apply when you've got money. Sad but true.",
        "Had a baby before, those movements should be the last of your worries.",
        "I think you'll have no problem telling her.",
        "Don't let all the jokes get to you.",
    )
    assert_level("emotional_reaction", 1, weak)
    not_warmth = (
        "Just don't fake it and you'll have no problem with it.",
        "That's sad that you still think that's an argument.",
        "We got the congratulations card you sent.",
        "The last of your boxes is in the hall.",
    )
    assert_level("emotional_reaction", 0, not_warmth)


def test_a_sworn_or_disbelieving_question_is_no_exploration() -> None:
    rhetorical = (
        "What the hell is this lineup?",
        "How can anyone like that team?",
        "When everyone is lying, who are you supposed to believe?",
        "Do you think this is a game?",
    )
    assert_level("exploration", 0, rhetorical)
    assert_level("exploration", 1, ("What happened at the game?", "How are you doing today?"))
