"""Phrase cues for EPITOME's three mechanisms (Sharma et al. 2020), strong (2) and weak (1).

EPITOME scores each mechanism 0 (none), 1 (weak: generic) or 2 (strong: specific to the
seeker). Our cues follow its definitions: emotional reaction is warmth and compassion;
interpretation is understanding of their feelings and experience; exploration is a curious
question about their feelings and experience.
"""

from __future__ import annotations

from amends.coach.matching import compile_each, patterns

_PACKAGE = "amends.coach.reply"

# What a "sorry" is for when it is not the writer's own remorse: a condition, their feeling, or a politeness ("sorry to
# say"), as alternatives. Both the first-person and the bare apology leave these out.
_SORRY_NOT_REMORSE = r"if|you feel|that you feel|you think|to (?:say|tell|inform|bother|interrupt|disturb|break)"
# An intensified apology alone ("I'm so sorry.") is strong only beside a specific
# interpretation (the apology is then for something named); otherwise it is weak warmth.
# A sorry the writer reports having said ("I said I was sorry like 3 times", "I already said sorry", "how many times
# do I have to say I'm sorry") is no warmth now (LABELLING.md section 1: "I said sorry already" is no remorse), stop 54.
_NOT_SAID_BEFORE = (
    r"(?<!\bsaid )(?<!\bsay )(?<!\bsaid i was )(?<!\bsaid i was so )(?<!\bsaid i am )(?<!\bsaid i'm )(?<!\bsaid im )"
)
SORRY_INTENSE = compile_each(
    _NOT_SAID_BEFORE + r"\b(?:so|really|truly|deeply|incredibly|very|terribly) sorry\b(?! (?:if|you feel|but))"
)
ER_STRONG = compile_each(
    # LABELLING.md section 2: a sincere first-person "I'm sorry" names the replier's own feeling (EPITOME's labels
    # give it 2); not "sorry you feel that way" or "sorry to say". "I'm sorry, but..." is 2 as well, its "but" a
    # finding of its own (31 of the 34 labelled tuning replies with it, stop 52; the other 3 are our own oldest labels).
    _NOT_SAID_BEFORE
    + r"(?<!not )\bi(?:'m| am)(?: (?:so|really|truly|deeply|very|terribly|incredibly|just|genuinely|honestly))* sorry\b"
    rf"(?!,? (?:{_SORRY_NOT_REMORSE}))",
    r"\bmy heart\b",
    r"\bi hate that (?:you|i)\b",
    r"\bbreaks? my heart\b",
    r"\bi feel (?:awful|terrible|sick|horrible|so bad|really bad|very bad|bad)\b",  # names the replier's feeling
    r"\bi(?:'m| am) heartbroken\b",
    r"\bit (?:kills|pains|guts) me\b",
    r"\bi can only imagine\b",
    r"\bi(?:'m| am) (?:so )?sad (?:that|for)\b",
)
# The apology with its "I'm" left off, as people text it ("Sorry, love.", "sorry babe", "that's on me. sorry."). In a
# reply to a partner it is the writer's own apology, as LABELLING.md section 2 counts a first-person "I'm sorry", and
# the partner-set writers label it 2 (all 14 tuning replies with one and no finding, five writers; stop 53). In a
# support-forum reply it is often sympathy ("Sorry to hear"), which stays 1 there. Read per sentence, from its start.
BARE_SORRY = compile_each(
    r"^\W*(?:(?:ah|oh|ugh|eish|ok|okay|yeah|look|god|gosh|babe|hon|love)\W+){0,2}sorry\b"
    rf"(?!,? (?:{_SORRY_NOT_REMORSE}"
    r"|(?:that )?(?:it|this|that) (?:upset|bothered|hurt|offended|annoyed)"
    r"|you(?:'re| are| were| got) (?:upset|hurt|offended)))"
)
ER_WEAK = compile_each(
    _NOT_SAID_BEFORE + r"\bsorry\b(?! (?:if|you feel|but))",
    r"\bi love you\b",
    r"\bi care (?:about|for) you\b",
    r"\bi(?:'m| am) (?:right )?here (?:for|with) you\b",
    r"\bthat sucks\b",
    r"❤",
)
# "You're" and "you've (got)" as people text them: the subjects of their feeling granted ("ur right to be mad", "u got
# every right"), read by UNDERSTANDING_GRANTED, IP_STRONG, IP_WEAK and IP_GENERIC.
_YOU_ARE = r"(?:you(?:'re| are)|ur|youre|u r)"
_YOU_HAVE = r"(?:you|u)(?:(?: have|'ve|ve)(?: got)?| got)"
# Understanding granted in so many words: strong interpretation, and a sentence the findings head must not call an
# attack (VALIDATION below reads the same patterns).
UNDERSTANDING_GRANTED = compile_each(
    r"\bit makes (?:total |complete )?sense (?:that )?you\b",
    r"\bi can (?:see|understand) (?:why|how)\b",
    rf"\b{_YOU_ARE} right to (?:be|feel)\b",
)
# "Must have" as people text it: "must've", "must of", "musta", and "u" for "you" (stop 53: 12 strong interpretations
# in the partner tuning sets written so, such as "u must of felt tiny sitting there", scored 0).
_MUST_HAVE = r"must(?: have|'ve| of|ve)|musta"
IP_STRONG = UNDERSTANDING_GRANTED + compile_each(
    rf"\b(?:you|u) (?:(?:{_MUST_HAVE}) )?felt\b",
    rf"\b(?:you|u) (?:must|{_MUST_HAVE}) (?:be|been|feel)\b",
    r"\bof course you(?:'re| are| felt| were| want)\b",
    r"\bno wonder you\b",
    r"\bi understand why\b",
    rf"\b(?:that|it|this) (?:{_MUST_HAVE}) (?:been|felt)\b",
    r"\byou were (?:counting|relying|depending) on me\b",
    rf"\b{_YOU_HAVE} every (?:reason|right)\b",
    r"\bit sounds like you\b",
    r"\b(?:made|left) (?:you|u) feel\b",
    r"\byou deserved\b",
    r"\bi left you\b",
    r"\byou had to\b",
    r"\byou(?:'re| are) (?:hurt|angry|scared|afraid|sad|upset|disappointed) because\b",
    r"\bwhat i(?:'m| am) hearing\b",
)
IP_WEAK = compile_each(
    r"\bi (?:understand|get it|get that|get why)\b",
    # Their anger allowed, with no feeling inferred: generic validation ("ur allowed to be upset", "you SHOULD be
    # angry"), as the partner-set writers label it (stop 53).
    rf"\b{_YOU_ARE} allowed to (?:be|feel) (?:so )?(?:angry|mad|upset|furious|hurt|pissed"
    r"|livid|raging|sad|annoyed|frustrated|disappointed|scared|jealous|confused|shaken|done with me)\b",
    r"\b(?:you|u) should (?:be|feel) (?:so )?(?:angry|mad|upset|furious|hurt|pissed|livid|raging)\b",
    r"\bi see (?:that|it|how|what)\b",
    r"\bi know (?:you|it|that|how)\b",
    r"\b(?:that|this) (?:must be|is) (?:hard|painful|awful)\b",
    r"\bi hear you\b",
    # "I can understand that", "Yeah, I could see that", "I feel you": generic understanding (stop 38).
    r"\bi (?:can|could) (?:totally |completely |really )?(?:understand|see) (?:that|it|why|how)\b",
    r"\bi feel you\b",
    r"\byour feelings make sense\b",
    # The guide's second validation, "That makes sense, given what happened" (seed guide, "listen with empathy"),
    # and its kin: generic understanding with no feeling named. Not a bare "that makes sense", which in most
    # replies agrees with an idea.
    r"\b(?:that|it|your (?:reaction|anger|hurt|feeling|feelings)) makes? (?:total |complete |perfect )?sense,? "
    r"(?:given|after|with|considering|to me)\b",
    r"\b(?:that|it|your (?:reaction|anger|hurt))(?:'s| is) (?:completely |totally |so )?understandable\b",
    # Validation that names no feeling (stop 39): their feeling is legitimate, or what happened to them was not
    # deserved. "Your anger is valid", "You didn't deserve that", "No one deserves to be treated like that".
    r"\byour (?:feelings?|anger|hurt|reaction|pain|fear|fears|frustration|sadness)(?:'s| is| are) "
    r"(?:completely |totally |so |entirely |absolutely |100% )?"
    r"(?:valid|justified|legitimate|fair|real|understandable)\b",
    r"\byou(?:'re| are) not wrong to (?:feel|be)\b",
    r"\byou (?:didn't|did not|don't|do not) deserve (?:that|this|any of (?:that|this|it)|to be)\b",
    r"\b(?:no one|nobody|no-one) deserves (?:that|this|to be)\b",
    r"\b(?:that|it)(?:'s| is| was) (?:so |really |completely |totally )?(?:unfair|not fair) (?:to|on) you\b",
    r"\b(?:that|it) (?:wasn't|was not|isn't|is not) fair (?:to|on) you\b",
    r"\b(?:that|it)(?:'s| is| was) a lot to (?:carry|deal with|take in|go through|handle)\b",
    r"\bit(?:'s| is) (?:okay|ok|alright|all right|understandable) "
    r"(?:that you|if you (?:don't|do not|can't|cannot|need))\b",
)
EX_STRONG = compile_each(
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
# "Do you feel like you're good on how much you drink?", "do you feel confident you could stop?": "feel" used for
# "think", asking an opinion or a rating; it names no feeling of theirs, so alone it makes no specific question
# (real AnnoMI tuning splits, stop 40). "Did it feel like you couldn't count on me?" and "do you feel like you're
# blaming yourself?" name an experience of theirs and keep it.
FEEL_AS_THINK = compile_each(
    r"\b(?:do|did|does) you (?:\w+ )?feel (?:like|that) (?:there|that|this)\b",
    r"\bfeel (?:like|that) you(?:'re| are) (?:good|okay|ok|fine|doing (?:ok|okay|well|fine)|on target|on track)\b",
    r"\bfeel (?:pretty |very |fairly |quite |really )?(?:confident|sure|ready)\b",
)
INVITE = compile_each(
    r"^\s*(?:can you |could you |will you |would you )?(?:please )?tell me\b",
    r"^\s*help me understand\b",
    r"\bi (?:want|would like|'d like) to (?:hear|understand|know)\b",
    # "So, tell me what you think changed", "well-- Tell me, I guess, uh, tell me a little bit more": the invitation
    # after a filler or a comma (real AnnoMI tuning splits, stop 40).
    r"\b(?:so|okay|ok|well|now|and|uh|um|guess)\W{1,3}(?:(?:uh|um|just)\W{1,3})?tell (?:me|us)\b",
)
RHETORICAL = patterns(_PACKAGE, "rhetorical_questions")
COMING_BACK = patterns(_PACKAGE, "coming_back")  # a pause that says when the talk resumes
OWNED_ACT = patterns(_PACKAGE, "owned_act")  # the replier owns what the partner wrote about
REASON_DISOWNED = patterns(_PACKAGE, "reason_disowned")  # "..., but that's no excuse"
REPAIR_OFFERED = patterns(_PACKAGE, "repair_offered")  # "I deleted the app", "I'll show you the account"
# A feeling of theirs inferred in so many words ("that must have felt like u didnt matter", "you must feel so alone").
# After "you must have been" / "that must've been": a feeling or what they went through ("mortified", "so done with
# me", "sitting there stewing", "a horrible moment"), FELT_INFERRED.
_STATE_OR_ORDEAL = (
    r"(?:so |really |such |a |an |absolutely |completely |pretty |just )*"
    r"(?:\w+ed|\w+ying|humiliating|embarrassing|excruciating|heartbreaking|gutting|crushing"
    r"|sitting|waiting|wondering|stewing|dreading|worrying|lying awake|replaying|panicking|crying|hurting"
    r"|furious|angry|upset|hurt|sad|lonely|alone|done with me|scared|afraid|livid|gutted|devastated|awful|horrible"
    r"|hard|rough|brutal|scary|the worst)"
)
FELT_INFERRED = compile_each(
    r"\b(?:must|might|probably|would) (?:have )?(?:felt|feel|been feeling)\b",
    r"\bmade you feel\b",
    r"\bu must(?: have)? felt?\b",
    # What it was like for them, inferred outright ("you must be mortified", "that must've been humiliating, ...",
    # "you felt small", "probably wondering if I'd turn up", "I can only imagine how alone you felt"): in the partner
    # tuning sets the levels head lowered 11 such replies, all labelled strong, to weak (stop 54).
    # A state or an ordeal, not a fact: "you must have been at work" infers where they were, nothing they felt.
    rf"\b(?:you|u) (?:must|{_MUST_HAVE}) (?:feel|felt|(?:be|been) {_STATE_OR_ORDEAL})\b",
    rf"\b(?:that|it|this) (?:{_MUST_HAVE}) (?:stung|hurt|felt|been {_STATE_OR_ORDEAL})\b",
    r"\bi can (?:only )?imagine (?:how|what|that|the)\b",
    r"\b(?:you|u) felt\b",
    r"\bprobably (?:wondering|thinking|feeling|felt|thought)\b",
    # Stop 60 probe (a helper's levels set): the wish to escape the moment, inferred ("you must have wanted the floor
    # to swallow you").
    rf"\b(?:you|u) (?:must|{_MUST_HAVE}) wanted "
    r"(?:the (?:floor|ground|earth) to|to (?:cry|scream|disappear|hide|run|sink))\b",
) + patterns(_PACKAGE, "understanding_guessed")
# Words that put the writer's own position at the centre of a "validation": agreeing that
# the writer was justified is not understanding the partner (the sycophancy trap).
SELF_JUSTIFY = compile_each(
    r"\byou(?:'re| are) right (?:that|when) i\b",
    r"\bi had no (?:other )?choice\b",
    r"\banyone would have\b",
    r"\bwe both know\b",
    # Not "I was right there" or "I was right next to you": where, not who was right (stop 53).
    r"\bi was right\b(?! (?:there|here|next|beside|behind|in front|outside|inside|by|around|across|down|up|back"
    r"|over|at|on|in)\b)",
    r"\byou (?:agree|know) (?:that )?i\b",
    r"\b(?:not|wasn't|isn't) (?:really )?my fault\b",
    r"\bi did (?:what i had to|nothing wrong|the right thing)\b",
    r"\bi had (?:good|every) reason\b",
    r"\byou(?:'d| would) have done the same\b",
)

# --- Support-forum wording (EPITOME's own domain: a seeker's post and a response). ---
# Warmth said as comfort or encouragement: EPITOME's weak emotional reaction ("Everything will be fine").
ER_COMFORT = patterns(_PACKAGE, "warmth_comfort")
ER_ENDEARMENT = patterns(_PACKAGE, "warmth_endearment")
# Warmth said with feeling of one's own: EPITOME's strong emotional reaction ("I feel really sad for you").
ER_DEEP = patterns(_PACKAGE, "warmth_felt")
# Saying the feeling or experience one infers from the post (EPITOME interpretation).
IP_INFER = patterns(_PACKAGE, "understanding_inferred") + patterns(_PACKAGE, "understanding_guessed")
# Sharing a like experience of one's own ("I also lost my job and felt hopeless").
IP_SHARED = compile_each(
    r"\bi(?:'ve| have) been there\b",
    r"\bi (?:went|have gone|'ve gone) through (?:the same|this|that|something|almost|exactly)\b",
    r"\b(?:i|we) (?:\w+ ){0,2}(?:also|too)\b(?! (?:much|many|late|busy|tired to))",
    r"\bsame (?:thing )?(?:happened|here)\b",
    r"\bhappened to me\b",
    r"\bi felt (?:exactly|the same|this|that)\b",
    r"\b(?:i|my \w+) (?:did|was|were) (?:exactly )?the same\b",
    r"\bwhen i (?:lost|moved|signed|came out|got|was|had|flunked|went)\b",
    r"\bi (?:lost|flunked|avoided|cried|sobbed|spiraled|spent|hid|tried for|had a|had my|was diagnosed)\b",
    r"\bi know (?:the|that) feeling\b",
)
# Questions about what the seeker feels or lives through (strong exploration).
EX_INNER = compile_each(
    r"\b(?:afraid|scared|worried|tired|lonely|alone|ashamed|hurts?|miss|imagine|hoping|coping|cope|holding up|safe)\b",
    r"\b(?:your|the) (?:mind|head)\b",
    r"\baffect(?:ed|ing|s)?\b",
    r"\bheaviest|hardest|worst\b",
    r"\bmean to you\b",
    r"\bthe way you need\b",
    r"\bgrieve|grieving\b",
)
# Questions that gather facts, plans or ratings rather than explore what the partner feels or lived
# (LABELLING.md section 2; the interviewer's intake and planning questions of AnnoMI): no exploration
# unless they also name an inner experience (EX_INNER) or a feeling.
NOT_EXPLORING = patterns(_PACKAGE, "not_exploring")
# Plain advice or a brush-off is neither an interpretation nor an exploration.
ADVICE = compile_each(
    r"^\s*(?:just|try|stop|get|go|talk|join|update|block|unfollow|take|think about|look into|give|call|answer)\b",
    r"\byou (?:should|need to|have to|just need)\b",
    r"\bhave you (?:tried|considered|thought about)\b",
    r"\b(?:plenty of fish|move on|get over it|welcome to)\b",
    r"\bat least\b",
    r"\bit was just\b",
    r"\bcongrats\b",
)
# Saying back what they lived through, with "you" as its subject ("You were put in the middle...").
IP_RESTATE = compile_each(
    r"^\s*(?:and |but |so )?you(?:'re| are| were|'ve been| have been|'ve lost| have lost| had| felt| feel| needed"
    r"| trusted| shared| told| looked| watched| believed| learned| started| stood| can't| keep| kept| sat| spent| gave"
    r"| put| poured)\b"
    r"(?! (?:not|never|a failure|beautiful|amazing|brave|strong)\b)",
    r"\bleft you (?:feeling|wondering|alone|to)\b",
)

# The generic forms of understanding (EPITOME weak interpretation; LABELLING.md §2): the guide's own
# "I can see why you would feel that way" and "That must have been really hard for you" name no
# specific feeling or experience, so they are 1 unless the sentence says more.
# The feelings a "right to be ..." grants (IP_GENERIC).
_GRANTED_FEELING = (
    r"(?:angry|mad|furious|upset|hurt|pissed(?: off)?|livid|raging|fuming|shaken|scared|annoyed|frustrated"
    r"|disappointed|sick about it|done with me)(?: with me| at me| about (?:it|this|that))?"
)
IP_GENERIC = compile_each(
    r"\bi (?:can |totally |completely )?(?:see|understand|get) (?:why|how) you(?:'d| would| might| could| must)? "
    r"(?:feel|be feeling|be) (?:that way|this way|like that|like this|upset|hurt|angry|so)\b",
    r"\b(?:that|this|it) must (?:have been|be) (?:really |so |very |incredibly )?"
    r"(?:hard|difficult|tough|awful|rough)(?: for you)?\b",
    # "That must have hurt", as generic as "that must have been hard" (stop 58 probe: it scored no understanding).
    r"\b(?:that|this|it) must(?: have|'ve) (?:really |so )?(?:hurt|stung)(?: you)?(?: (?:so much|a lot|badly))?\b",
    r"\bi understand (?:how|what) you(?:'re| are)? (?:feel|feeling|going through)\b",
    # Their anger granted or understood with no more said ("You're right to be angry.", "you've every right to be
    # pissed", "I can see why you're so upset with me"): generic understanding, as the partner-set writers label it,
    # unless the sentence goes on to infer what it was like for them (stop 54).
    rf"\b(?:{_YOU_ARE} right to|{_YOU_HAVE} every (?:right|reason) to) "
    rf"(?:be|feel) (?:so |this |that |really )?{_GRANTED_FEELING}\b",
    rf"\bi (?:can |totally |completely )?(?:see|understand|get) why {_YOU_ARE} "
    rf"(?:so |this |that |really )?{_GRANTED_FEELING}\b",
)

# A reflection said with a question mark ("So you feel like you're doing this all alone?", "Sounds like
# drinking changes how you think?"): it restates, it does not ask about anything new (LABELLING.md §2).
REFLECTIVE_QUESTION = compile_each(
    r"^\W*(?:(?:okay|ok|right|yeah|mm-hmm|mm|uh|um|and|oh)\W+)*(?:so,?\s+(?:um,?\s+|uh,?\s+)?"
    r"(?:you(?:'re| are| were| feel| want| wanna| also| have|'ve)?\b|it(?:'s| is) not|there(?:'s| is)|part of)"
    r"|(?:so,?\s+)?(?:it )?sounds like|(?:so,?\s+)?what you(?:'re| are) saying)",
)

# A reflection that names the feeling or what matters to them ("So you're pretty angry about it", "It sounds
# like you're torn", "Your mom is really important to you"): EPITOME's strong interpretation, which the
# levels head, reading the whole reply, often scores weak (LABELLING.md section 2).
FEELING_NAMED = (
    r"(?:angry|mad|furious|frustrated|annoyed|irritated|worried|anxious|nervous|scared|afraid|frightened|terrified"
    r"|shocked|surprised|torn|conflicted|hurt|sad|down|low|depressed|lonely|alone|isolated|overwhelmed|stressed"
    r"|exhausted|tired|drained|fed up|stuck|trapped|unsure|uncertain|confused|ambivalent|guilty|ashamed"
    r"|embarrassed|disappointed|let down|betrayed|invisible|unheard|helpless|hopeless|relieved|proud|excited"
    r"|motivated|determined|hopeful|happy|pleased|upset|concerned|insecure|jealous|resentful|bitter|numb|lost"
    r"|struggling|hoping|worn out|on edge|in pain|care (?:about|for|a lot|so much|deeply|a great deal)"
    # Added 2026-12-01 (fifth stop), from the real-text tuning splits.
    r"|dissatisfied|miserable|devastated|heartbroken|discouraged|disheartened|uncomfortable|unhappy|defeated"
    r"|powerless|desperate|panicked|vulnerable|humiliated"
    # Added stop 39, from the real-text tuning splits.
    r"|hesitant|obligated|rushed|pressured|judged|cornered|reluctant|uneasy|unappreciated|neglected"
    # Added stop 54, from the partner tuning sets ("now you feel exposed to me of all people").
    r"|exposed|mortified|deceived|ambushed|blindsided|sidelined)"
)
# The feeling named as anyone's in their place ("I'd feel invisible too if I were you", "If I were you, I'd be
# furious with me", "Anyone would be hurt"): the inferred feeling, validated (LABELLING.md section 2, strong
# interpretation). The "if I were you" in it is not advice.
_IN_YOUR_PLACE = r"if i (?:were|was) (?:you|in your (?:shoes|place|position))"
_FELT = r"(?: have)? (?:feel|felt|be|been) (?:\w+ ){0,2}" + FEELING_NAMED + r"\b"
EMPATHIC_IF = compile_each(
    r"\bi(?:'d| would)" + _FELT + r"(?: [\w']+){0,3} (?:too|as well)\b(?:,? " + _IN_YOUR_PLACE + r"\b)?",
    r"\bi(?:'d| would)" + _FELT + r"(?: [\w']+){0,3},? " + _IN_YOUR_PLACE + r"\b",
    r"\b(?:anyone would|anybody would|everyone would|who wouldn't)" + _FELT,
    r"\b" + _IN_YOUR_PLACE + r",? i(?:'d| would)" + _FELT,
)
IP_FEELING_REFLECTION = EMPATHIC_IF + compile_each(
    # Their feeling, named as theirs ("I understand your frustration", "I feel for your disappointment"), stop 38.
    r"\bi (?:really |totally |completely |truly )?(?:understand|hear|see|get|feel for) (?:your|ur) "
    r"(?:\w+ )?(?:frustration|anger|hurt|pain|disappointment|fear|fears|sadness|grief|loneliness|worry|worries"
    r"|anxiety|confusion|exhaustion|embarrassment|shame|jealousy|resentment|heartbreak)\b",
    r"^\W*(?:(?:so|okay|ok|right|yeah|mm|mm-hmm|hmm|well|and|but|uh|um|alright|all right"
    # A two-sided reflection or a time frame before it ("So on the one hand, you're worried..."), stop 38.
    r"|on (?:the )?one hand|at this point|right now|these days|lately)\W+){0,3}"
    r"(?:(?:it )?(?:sounds|seems|feels) (?:like|as if|as though) (?:\w+ )?|i (?:get|have) the (?:feeling|sense) that |"
    # "So it's almost as if you feel a bit torn" (stop 39).
    r"(?:it(?:'s| is) )?(?:almost |kind of |sort of )?as (?:if|though) |"
    r"what i(?:'m| am)? hear(?:ing)? (?:you saying )?is (?:that )?)?"
    # Not "you're just angry" (that is invalidating), but "you're just feeling a little hesitant" reflects (stop 39).
    # The guide's own inferred form, "you must have felt invisible" (stop 46).
    r"you(?:'re| are| were|'ve been| have been| feel| felt| seem| sound| seemed"
    r"| must have (?:felt|been)| must (?:feel|be))"
    r"(?! (?:just|only)\b(?! feeling)|"
    r" (?:not|never)\b| (?:right|allowed|entitled) to\b)"
    r"(?: \w+){0,4} " + FEELING_NAMED + r"\b",
    r"^\W*(?:(?:so|okay|ok|right|yeah|and|well)\W+){0,2}"
    r"(?:(?:it )?(?:sounds|seems) like |i (?:get|have) the (?:feeling|sense) that )?"
    r"(?:your|the) (?:\w+ ){1,3}(?:is|are|was|were) (?:really |so |very )?"
    r"(?:important|precious|special|a big deal|everything) to you\b",
    r"^\W*(?:(?:so|okay|ok|right|yeah|and|well)\W+){0,2}"
    r"(?:(?:it )?(?:sounds|seems) like |i (?:get|have) the (?:feeling|sense) that )"
    r"you (?:really |obviously |clearly )?care (?:about|for|a lot|so much|deeply|a great deal)\b",
    # What it was like for them, named ("and that was really frustrating for you?", "That's pretty shocking, to
    # be told you have to give up your dog", "it's hard to say no to your friends"). A bare "that must have
    # been hard for you" names nothing specific and stays generic (IP_GENERIC).
    r"\b(?:that|it|this)(?:'s| is| was| must (?:have been|be)| sounds| seems)(?: like it was)? "
    r"(?:really |so |pretty |very |quite |incredibly |a bit |kind of )*"
    r"(?:frustrating|scary|shocking|painful|upsetting|overwhelming|exhausting|lonely|heartbreaking|confusing"
    r"|stressful|humiliating|embarrassing|infuriating|terrifying|isolating)"
    r"(?: for you| to (?:be|find|have|know|lose))\b",
    r"\b(?:it|that)(?:'s| is| was| can be| must be| must have been) (?:really |so |pretty |very |quite |kind of )*"
    r"(?:hard|difficult|tough) (?:for you )?to (?:actually |really |just )?(?!imagine|say\b(?! no))\w+",
    # The feeling inferred, by name ("That must have been scary"): specific, unlike "that must have been hard".
    r"\b(?:that|it|this) must (?:have been|be|feel|have felt) "
    r"(?:really |so |pretty |very |quite |incredibly |a bit |kind of )*"
    r"(?:frustrating|scary|frightening|shocking|painful|upsetting|overwhelming|exhausting|lonely|heartbreaking|confusing"
    r"|stressful|humiliating|embarrassing|infuriating|terrifying|isolating|devastating|maddening|disappointing)\b",
    # A feeling reflected in the negative ("So you're not too happy to be here", "you're not proud of it").
    r"^\W*(?:(?:so|okay|ok|right|yeah|mm|mm-hmm|hmm|well|and|but|uh|um)\W+){0,3}"
    r"(?:(?:it )?(?:sounds|seems) (?:like|as if|as though) )?"
    r"you(?:'re| are| were| feel| felt| seem| sound)(?:-you(?:'re| are))? (?:not|n't) "
    r"(?:too |so |very |really |that |all that )?"
    r"(?:happy|proud|sure|comfortable|ready|pleased|thrilled|concerned|worried|keen|convinced|confident|satisfied)\b",
    # Stop 40, from the real AnnoMI tuning splits: what they want said back to them ("And you really wanna do
    # what's best for your baby"), what the replier can tell or senses of them ("I can tell you really have your
    # son's interest at heart", "I feel like you really wanted to play"), and the worry they probably have about the
    # replier ("You probably think I'm going to get on your case").
    r"^\s*(?:and |but |so |right\W+)?you (?:really |kind of |kinda |sort of )?"
    r"(?:want to|wanted to|wanna|want what|want the best)\b",
    r"\bi can (?:tell|see|sense) (?:that )?you(?:'re| are| really| have| care| love| want| were)\b",
    r"\bi (?:feel|get the sense|sense) (?:like |that )?you (?:really )?(?:wanted|want|need|needed|care|cared)\b",
    r"\byou probably (?:think|thought|feel|felt|worry|worried) (?:that )?(?:i|i'm|i'd|i'll|we|people)\b",
)

# Their feeling met in so many words, though the message is not echoed ("That sounds exhausting and lonely", "That's
# fair", to "I'm still angry about Saturday"; stop 64, replies checked by hand). "You have every right to" is in
# OWNED_ACT (owned_act.txt), which the reply coach reads beside this.
FEELING_GRANTED = compile_each(
    r"\b(?:that|it|this) sounds (?:so |really |incredibly |just )?(?:exhausting|isolating|lonely|painful|terrifying"
    r"|scary|frightening|hard|heartbreaking|awful|horrible|tough|rough|brutal|stressful|frustrating|overwhelming"
    r"|upsetting|hurtful|humiliating)\b",
    r"\bthat(?:'s| is) (?:completely |totally |more than |so )?(?:fair|valid|understandable)\b",
    # What they live with, named ("Those images must be torture"), stop 64.
    r"\b(?:that|it|this|those|these)(?: \w+)? must (?:be|have been|feel) (?:so |such |absolute |pure |real |just )?"
    r"(?:torture|agony|hell|unbearable|awful|horrible|exhausting|lonely|painful|terrifying|humiliating|devastating)\b",
)

# A sentence that validates their feeling or experience ("Your anger is completely valid", "You have every right
# to be angry with me"): the findings head, which reads no words, must not call it contempt or criticism (stop 39).
# Not the generic "that must be so hard for you", which mockery borrows ("...must be tough, sweetie").
VALIDATION = (
    IP_WEAK
    + IP_FEELING_REFLECTION
    + UNDERSTANDING_GRANTED
    + compile_each(
        r"\byou have every (?:reason|right) to\b",
        # Their feeling ruled right (stop 56: a retrained partner head read "There's no version of this where you're
        # wrong to feel that" as invalidating, the finding it rules out).
        r"\b(?:you(?:'re| are) not|you aren't|no version of this where you(?:'re| are)) wrong to (?:feel|be)\b",
        # Their hurt inferred, as the guide itself words it ("You must have felt so humiliated when you read
        # them"). Only hurt feelings: "you must be so proud of yourself" is the stock sarcasm.
        r"\byou must (?:have )?(?:felt|feel|been|be) (?:so |really |very |completely |totally |utterly )?"
        r"(?:humiliated|hurt|betrayed|angry|furious|devastated|crushed|alone|lonely|invisible|scared|afraid|terrified"
        r"|sick|heartbroken|embarrassed|ashamed|worthless|abandoned|confused|exhausted|overwhelmed|let down|forgotten"
        r"|unimportant|small)\b",
        # Their experience inferred: "You probably feel like you don't know me anymore".
        r"\byou (?:probably|must|might|may) (?:feel|felt) (?:like|as if|as though) (?:you|i|we|nobody|no one|this)\b",
        # What trusting the writer cost them: "You probably feel stupid for trusting me, but you're not."
        r"\byou (?:probably |might |may |must )?(?:feel|felt) [^.!?]{0,30}\bfor "
        r"(?:trusting|believing|loving|waiting for|defending) me\b",
    )
)

# "Where do you think you should go from here?", "when are you thinking you might want to do this?": their own view
# of what to do, asked for, is no advice given (stop 39, real tuning splits). Matched against the words just before
# the advice.
THEIR_VIEW_BEFORE = compile_each(
    r"\b(?:do|would|did|don't) you (?:\w+ )?think,? (?:that )?$", r"\bare you thinking (?:that )?$"
)
