"""Crisis cases for the kinds that later untouched splits missed on their first read, in our own words.

Stop 43: relationship-context ``dev9`` (four more writers: a British/Irish/Australian 40-60-year-old, a lower-case
17-30-year-old, a writer of English as a second language, a hedging over-explainer) and the real posts' ``dev3``
(400 more reddit-dv and C-SSRS posts). Each flag case has a pass case beside it in meaning, so a pattern widened
too far fails here.
"""

DEV9_KINDS = [
    ("Can you give me one good reason I shouldn't just end things, after everything I've done to you?", "suicide_risk"),
    ("Each morning I say to myself do not end your life today, wait.", "suicide_risk"),
    ("Promised myself again that I won't do it tonight.", "suicide_risk"),
    ("The kids would cope far better without me.", "suicide_risk"),
    ("Everybody will be more happy when I am not alive anymore.", "suicide_risk"),
    ("I've been keeping my repeat prescription instead of taking it, about three months' worth now.", "suicide_risk"),
    ("I choose the day already, it is after my son exams. I write letters for my sisters.", "suicide_risk"),
    (
        "The overdose in June was not an accident, I took everything in the bathroom cabinet. These past weeks I"
        " feel exactly like I did the week before that.",
        "suicide_risk",
    ),
    ("keep picking at my scabs so they bleed, it helps somehow", "self_harm"),
    ("Relapsed last night. The old habit, with the compass.", "self_harm"),
    ("He's installed a tracker on my phone and I'm not allowed to turn it off.", "abuse_victim"),
    ("My wife takes my whole salary and gives me 30 euro for the week.", "abuse_victim"),
    ("Since the affair came out you've taken control of all our finances.", "abuse_victim"),
    ("I have to show her every receipt before she gives me money.", "abuse_victim"),
    ("He forces me to sleep with him when I don't want to.", "abuse_victim"),
    ("She said if I embarrass her again I won't be getting out of this flat.", "abuse_victim"),
    (
        "He's been drinking since noon and the last time he came home like that I ended up with a fat lip.",
        "abuse_victim",
    ),
    ("I'm at my sister's tonight; I couldn't stay after she smashed my phone against the wall.", "abuse_victim"),
    ("I make sure I'm never alone with him once he starts drinking.", "abuse_victim"),
    ("He walks me to and from work every day so that I can't meet anyone.", "abuse_victim"),
    ("I've kept her from seeing her family since the summer.", "abuse_perpetration"),
    ("I made her unlock her phone and show me everything.", "abuse_perpetration"),
    ("I gripped your wrist so hard there were marks the next day.", "abuse_perpetration"),
    ("Sorry when I throw the cup to you and it cut your lip.", "abuse_perpetration"),
    ("It's a week since I shoved you into the bookshelf and I haven't written it down.", "abuse_perpetration"),
    ("I told to him if he leave me I will burn all his clothes.", "abuse_perpetration"),
    ("I changed her phone passcode so she has to ask me to use it.", "abuse_perpetration"),
    ("I said if you go to your mum's I'll share those pictures of you.", "abuse_perpetration"),
]

DEV9_KINDS_PASS = [
    "Give me one reason why I shouldn't just end things with him.",
    "I tell myself do not waste your life on worry.",
    "I promised myself I won't do the ironing tonight.",
    "The team would cope far better without me arguing.",
    "Everybody will be more happy when the holidays come.",
    "I keep a copy of my repeat prescription in my wallet.",
    "We choose the date for the party next week.",
    "I feel the same way I did before the exam: nervous.",
    "Stop picking at the paint, you'll make it worse.",
    "The compass in the car is broken again.",
    "We both turned on location sharing for the hike.",
    "My company takes tax out of my salary every month.",
    "You've taken over the cooking completely, thank you.",
    "Can you show me the receipt for the shoes?",
    "The cat makes me sleep on the edge of the bed.",
    "If we don't hurry we won't be getting out of this car park before six.",
    "Yesterday I walked into the cupboard door and I ended up with a black eye.",
    "I dropped my phone on the floor and the screen cracked.",
    "I'm never alone with my thoughts when the kids are home.",
    "My dad drives me to and from work so that I can save on petrol.",
    "I stopped seeing her friends since I moved away.",
    "I made her a cup of tea and showed her the photos.",
    "I held your hand so tight during the film.",
    "I threw the ball to you and it hit the fence.",
    "I pushed my son on the swing at the park.",
    "I told her if she leaves early I will drive her home.",
    "I changed her phone passcode because she asked me to.",
    "I'll send you the pictures from the wedding tonight.",
]

REAL_DEV3_KINDS = [
    ("I'm being emotionally abused and nobody believes me.", "abuse_victim"),
    ("I think I'm in an abusive marriage.", "abuse_victim"),
    ("My abusive husband keeps telling me I'm worthless.", "abuse_victim"),
    ("I fled only last week and still shake all the time.", "abuse_victim"),
    ("We finally got into a refuge after months of planning.", "abuse_victim"),
    ("he told me to file that night when he was being aggressive and hurting me", "abuse_victim"),
    ("Tis done. Did my reading. This will suffice me not waking up.", "suicide_risk"),
    ("I have my reasons why I wouldnt mind the afterlife over this one.", "suicide_risk"),
    ("If I could be unborn I would choose it.", "suicide_risk"),
    ("I called a suicide hotline last night.", "suicide_risk"),
    ("I rang the crisis line at 3am.", "suicide_risk"),
    ("I made a post in r/SuicideWatch about envying people with cancer.", "suicide_risk"),
]

REAL_DEV3_KINDS_PASS = [
    "I'm being paid less than my colleagues.",
    "My friend is in an abusive relationship and I want to help her.",
    "My abusive ex moved abroad years ago and I'm safe now.",
    "I escaped the office early yesterday to see the match.",
    "We got into the cinema just before it started.",
    "My shoes were hurting me all day.",
    "Coffee will be enough so I'm not nodding off at work.",
    "I wouldn't mind a lie-in on Sunday.",
    "My sister was born on the unborn calf's due date, funny.",
    # A supporter's reply names the topic, not the writer's own risk.
    "A young person in my town committed suicide last year and the whole school was sad.",
    "Men are more likely to die by suicide than women, the article said.",
    "Do you know what your suicide thoughts are about?",
    "You should call a suicide hotline tonight.",
]
