"""Phrase cues for EPITOME's three mechanisms (Sharma et al. 2020), strong (2) and weak (1).

EPITOME scores each mechanism 0 (none), 1 (weak: generic) or 2 (strong: specific to the
seeker). Our cues follow its definitions: emotional reaction is warmth and compassion;
interpretation is understanding of their feelings and experience; exploration is a curious
question about their feelings and experience.
"""

from __future__ import annotations

from amends.coach.reply.rules._match import patterns

ER_STRONG = patterns(
    r"\b(?:so|really|truly|deeply|incredibly|very|terribly) sorry\b(?! (?:if|you feel|but))",
    r"\bmy heart\b",
    r"\bi hate that (?:you|i)\b",
    r"\bbreaks? my heart\b",
    r"\bi feel (?:awful|terrible|sick|horrible|so bad)\b",
    r"\bi(?:'m| am) heartbroken\b",
    r"\bit (?:kills|pains|guts) me\b",
    r"\bi can only imagine\b",
    r"\bi(?:'m| am) (?:so )?sad (?:that|for)\b",
)
ER_WEAK = patterns(
    r"\bsorry\b(?! (?:if|you feel|but))",
    r"\bi love you\b",
    r"\bi care (?:about|for) you\b",
    r"\bi feel bad\b",
    r"\bi(?:'m| am) (?:right )?here (?:for|with) you\b",
    r"\bthat sucks\b",
    r"❤",
)
IP_STRONG = patterns(
    r"\byou (?:must have )?felt\b",
    r"\byou must (?:have )?(?:be|been|feel)\b",
    r"\bit makes (?:total |complete )?sense (?:that )?you\b",
    r"\bof course you(?:'re| are| felt| were| want)\b",
    r"\bno wonder you\b",
    r"\bi can (?:see|understand) (?:why|how)\b",
    r"\bi understand why\b",
    r"\bthat must have (?:been|felt)\b",
    r"\byou were (?:counting|relying|depending) on me\b",
    r"\byou have every (?:reason|right)\b",
    r"\bit sounds like you\b",
    r"\byou(?:'re| are) right to (?:be|feel)\b",
    r"\b(?:made|left) you feel\b",
    r"\byou deserved\b",
    r"\bi left you\b",
    r"\byou had to\b",
    r"\byou(?:'re| are) (?:hurt|angry|scared|afraid|sad|upset|disappointed) because\b",
    r"\bwhat i(?:'m| am) hearing\b",
)
IP_WEAK = patterns(
    r"\bi (?:understand|get it|get that|get why)\b",
    r"\bi see (?:that|it|how|what)\b",
    r"\bi know (?:you|it|that|how)\b",
    r"\b(?:that|this) (?:must be|is) (?:hard|painful|awful)\b",
    r"\bi hear you\b",
    r"\byour feelings make sense\b",
)
EX_STRONG = patterns(
    r"\bfe(?:el|lt|eling)\b",
    r"\blike for you\b",
    r"\bwhat (?:do|would) you need\b",
    r"\bwhat would help\b",
    r"\bmean(?:s|t)? to you\b",
    r"\bgoing through\b",
    r"\bhow (?:are|were) you\b",
    r"\bwhat (?:was|is|were) (?:it|that|this)(?: \w+){0,2} like\b",
    r"\btell me more\b",
    r"\bhurt(?:s|ing)? (?:you )?(?:the )?most\b",
    r"\bhelp me understand\b",
    r"\bfor you\b",
)
INVITE = patterns(
    r"^\s*(?:can you |could you |will you |would you )?(?:please )?tell me\b",
    r"^\s*help me understand\b",
    r"\bi (?:want|would like|'d like) to (?:hear|understand|know)\b",
)
RHETORICAL = patterns(
    r"\bwhy (?:do|did|can't|won't|would) you (?:always|never|even|have to)\b",
    r"\bhow could you\b",
    r"\b(?:seriously|really)\s*\?",
    r"\bare you (?:serious|kidding)\b",
    r"\bwhat do you want from me\b",
    r"\bcan (?:we|you) (?:just )?(?:move on|drop|stop|let it go|forget)\b",
    r"\bforgive\b",
    r"\bwhat (?:was|am) i supposed to\b",
    r"\bwhat else\b",
    r"\bisn't it\b",
    r"\bdon't you (?:think|see|agree)\b",
    r"\bright\s*\?\s*$",
)
# Words that put the writer's own position at the centre of a "validation": agreeing that
# the writer was justified is not understanding the partner (the sycophancy trap).
SELF_JUSTIFY = patterns(
    r"\byou(?:'re| are) right (?:that|when) i\b",
    r"\bi had no (?:other )?choice\b",
    r"\banyone would have\b",
    r"\bwe both know\b",
    r"\bi was right\b",
    r"\byou (?:agree|know) (?:that )?i\b",
    r"\b(?:not|wasn't|isn't) (?:really )?my fault\b",
    r"\bi did (?:what i had to|nothing wrong|the right thing)\b",
    r"\bi had (?:good|every) reason\b",
    r"\byou(?:'d| would) have done the same\b",
)
