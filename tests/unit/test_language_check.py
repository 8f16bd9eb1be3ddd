"""The coach's language check: a text in another language is never read as English, so the crisis
detector shows the crisis line with a plain note instead of passing it in silence; and that crisis
listing names each place to turn to once."""

from __future__ import annotations

import pytest

from amends.coach.matching import read
from amends.coach.text import looks_english
from amends.safety.detector import scan_safety
from amends.safety.resources import for_region

NOT_ENGLISH = [
    "Quiero morir, no puedo más con esta vida.",  # one English-looking word ("no") in eight
    "No quiero seguir así, él me pega cuando bebe.",
    "Je ne veux plus vivre, je suis tellement fatigué de tout.",
    "Ich kann nicht mehr, ich will nicht mehr leben.",
    "Não aguento mais, eu quero sumir para sempre.",
    "Non ce la faccio più, voglio solo che finisca tutto.",
    "Ik kan niet meer, ik wil er niet meer zijn.",
    # Each once passed for English on one shared word ("no", "to", "me", "e").
    "Lo siento mucho, no quería hacerte daño anoche.",
    "Mi dispiace tanto, ho sbagliato e lo so.",
    "Desculpa, eu menti para você e me arrependo.",
    "Przepraszam, to była moja wina.",
    # Short, or sharing two words with English ("no", "me"), or in a language the list lacked.
    "Ya no quiero vivir, todo me duele.",
    "Artık yaşamak istemiyorum.",
    "Undskyld at jeg løj for dig.",
    "Jag vill inte leva längre.",
    # Stop 49: short, in letters English never writes, in a language the list lacked, or one word each way.
    "Boję się wrócić do domu.",
    "boję się go",
    "Nočem več živeti",
    "Îmi pare rău că am mințit",
    "aku sayang kamu",
    "mi novio me pega",
    "me volvi a cortar",
    # Typed without accents, or in Zulu, Catalan or Welsh.
    "cok korkuyorum ondan",
    "ngiyesaba ukubuyela ekhaya",
    "t'estimo molt, perdona'm",
    "rwy'n caru ti, mae'n ddrwg gen i",
]
ENGLISH = [
    "I can't go on like this anymore.",
    "We had dinner at La Casa del Sol and I was late again, I'm sorry.",
    "I said 'te quiero' to her and then I left without a word.",
    "No, no, no. That is not what happened at the party.",
    "Sorry, I forgot our anniversary. No excuses.",
    "He told me 'c'est la vie' like it was nothing and walked out.",
    # Real English once refused as another language: too few of the first, short word list.
    "Happy New Year everyone!",
    "Yeah... major design flaw.",
    "Mm-hmm. Mm-hmm.",
    "Reported *Checks mod list* u/JannisT I regret nothing",
    "Cut again last night. Penknife. First time since spring.",
    "suicidal thoughts again today",
    # Too short to weigh: English unless only another language's words are known.
    "see ya",
    "Ben told me.",
    "Sorry!",
    # Names and loanwords with accents, and a borrowed word or two, stay English.
    "Sorry Zoë, I lied.",
    "Thanks Łukasz",
    "Łukasz hit me again",
    "we met at a café in Kraków",
    "Oh la la",
    "We dem boys.",
    "Working now, 5:00PM EST.",
]


@pytest.mark.parametrize("text", NOT_ENGLISH)
def test_text_in_another_language_is_not_taken_for_english(text: str) -> None:
    assert not looks_english(text)


@pytest.mark.parametrize("text", ENGLISH)
def test_english_with_a_borrowed_phrase_or_name_stays_english(text: str) -> None:
    assert looks_english(text)


def test_a_spanish_crisis_message_is_marked_not_english_so_the_crisis_line_shows() -> None:
    report = scan_safety("Quiero morir, no puedo más con esta vida.")
    assert report.english is False


def test_a_crisis_listing_names_each_place_to_turn_to_once() -> None:
    listed = for_region("INTL", ["emergency", "suicide", "crisis"])
    places = [(r.number, r.url) for r in listed]
    assert len(places) == len(set(places))
    assert any(r.url == "https://findahelpline.com" for r in listed)


def test_the_other_languages_word_list_says_who_wrote_it() -> None:
    words = read("amends.coach", "other_languages")
    assert words.provenance[0].startswith("Written by") and len(" ".join(words.lines).split()) > 150


def test_the_english_word_list_says_where_it_comes_from_and_shares_no_word_with_the_other_languages() -> None:
    english = read("amends.coach", "english_words")
    assert english.provenance[0].startswith("Written by") and "GoEmotions" in " ".join(english.provenance)
    other = set(" ".join(read("amends.coach", "other_languages").lines).split())
    assert not set(" ".join(english.lines).split()) & other


def test_a_short_crisis_note_in_english_gets_the_crisis_reading_not_the_other_language_note() -> None:
    report = scan_safety("Cut again last night. Penknife. First time since spring.")
    assert report.english is True
    assert "self_harm" in {flag.type for flag in report.flags}
