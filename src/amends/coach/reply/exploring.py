"""How specific a question about the partner's experience is (LABELLING.md section 2, exploration).

Level 1 asks openly ("What was it like?", "How are you holding up?", "What do you need from me?"); level 2 names a
possible experience or feeling for them to confirm or correct ("Did it make you feel like you can't ask me for
things?", "Is it like losing another little bit of her?", "Are you more angry about the money or about me going behind
your back?"). EPITOME (Sharma et al. 2020) draws the line the same way: a strong exploration is a specific guess at
what the person lives, a weak one a generic invitation.
"""

from __future__ import annotations

import re

from amends.coach.reply import cues

# A question, and its last clause: a question may open after a statement in the same sentence ("I'd like to call him,
# but first, how do you feel about that?").
_QUESTION = re.compile(r"[^.!?\n]{0,400}\?")  # bounded: linear on any input
_CLAUSE = re.compile(r"[^,;:.!?\n]{0,400}\?")
_LEAD = re.compile(
    r"^\s*(?:(?:and|but|so|or|ok(?:ay)?|also|first|then|now|honestly|really|like|hey|babe|love)\b,?\s*)*", re.I
)
# Yes/no questions, which put a possibility to them.
_YES_NO = re.compile(
    r"^(?:is|are|was|were|am|do|does|did|have|has|had|would|could|will|might|ain'?t|isn'?t|aren'?t|don'?t|doesn'?t|"
    r"didn'?t|wasn'?t|weren'?t|haven'?t|hasn'?t)\s+(?:you|u|ya|it|that|this|he|she|they|there|we|i|your|the|what|all|"
    r"(?:a |some )?part of (?:you|u))\b",
    re.I,
)
# Yes/no in form, open in fact: an invitation to talk or a request ("Do you want to tell me about it?", "Can you tell me
# what happened?", "Is there anything I can do?"), or a check on how they are with no feeling named ("Are you okay?").
_INVITATION = re.compile(
    r"^(?:(?:do|would) you (?:want|like|wanna|feel like talking)|(?:can|could|would|will) (?:you|u) (?:tell|share|talk|"
    r"say|help|let|walk)|(?:can|could|may) i\b|is there (?:anything|something)|are there|do you need|will you\b|"
    r"(?:are|r) (?:you|u) (?:feeling |doing )?(?:ok(?:ay)?|alright|all right|fine|good|better|safe|there|up|awake|home|"
    r"free|around|still)\b|have you (?:eaten|slept|talked|spoken)\b)",
    re.I,
)
_CHOICE = re.compile(r"\bor\b(?! (?:something|anything|not|what|so)\b)", re.I)
_MIN_WORDS = 3  # "Is it?" names nothing; "Is that close?" checks a reading just given
# A feeling named in so many words: an open question that names the feeling it supposes ("Why do you think you felt so
# alone that night?") is strong. The mechanisms read it too.
NAMES_A_FEELING = re.compile(r"\b" + cues.FEELING_NAMED + r"\b", re.I)


def proposes_an_experience(sentence: str) -> bool:
    """Whether the sentence's question names a possible experience or feeling for them to confirm (level 2), rather than
    asking openly (level 1): a yes/no question that is not a bare invitation (it puts a reading to them, "Is that how
    it feels?"), a choice between two readings ("..., the money or me lying to you?"), or an open question that names
    the feeling it supposes ("Why do you think you felt so alone?")."""
    questions = _QUESTION.findall(sentence)
    for clause in [*questions, *(c for q in questions for c in _CLAUSE.findall(q))]:
        body = _LEAD.sub("", clause, count=1).strip()
        if len(body.split()) < 2:
            continue
        if _CHOICE.search(body) and len(sentence.split()) >= 6:
            return True
        if _YES_NO.match(body) and not _INVITATION.match(body) and len(body.split()) >= _MIN_WORDS:
            return True
        if NAMES_A_FEELING.search(body):
            return True
    return False
