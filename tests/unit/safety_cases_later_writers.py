"""Crisis cases for the kinds that later untouched splits missed on their first read, in our own words.

Stop 43: relationship-context ``dev9`` (four more writers: a British/Irish/Australian 40-60-year-old, a lower-case
17-30-year-old, a writer of English as a second language, a hedging over-explainer) and ``dev10`` (four more), and
the real posts' ``dev3`` (400 more reddit-dv and C-SSRS posts) and ``dev4`` (200 more). Each flag case has a pass case beside it in meaning, so a pattern widened
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

REAL_DEV3_AND_DEV4_KINDS = [
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
    ("I am trying to hold on, honestly tonight might be it", "suicide_risk"),
    ("I finally left him three days ago and I'm at my aunt's.", "abuse_victim"),
    ("I found the courage to leave my husband last month.", "abuse_victim"),
    ("Because of my recent history of domestic violence I only rent flats with a concierge.", "abuse_victim"),
    ("When we argue he drives so recklessly to scare me.", "abuse_victim"),
    ("I rang the crisis line at 3am.", "suicide_risk"),
    ("I made a post in r/SuicideWatch about envying people with cancer.", "suicide_risk"),
    # Stop 44: aftermath kept apart from present danger; the danger itself still flags.
    ("It's been a year since my ex tried to strangle me and he still shows up outside my work.", "abuse_victim"),
    ("I'm a survivor, but my abuser still follows me home from work.", "abuse_victim"),
]

REAL_DEV3_AND_DEV4_KINDS_PASS = [
    "I'm being paid less than my colleagues.",
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
    "Tonight might be it for the old car, the engine is knocking.",
    "I left the office three days ago for a conference.",
    "I found the courage to leave my job last month.",
    "There is a recent history of flooding on this street.",
    "Some idiot drove so recklessly on the motorway today.",
    # Stop 44: a survivor's aftermath ("still have symptoms"), a year after she got out, is no present danger.
    "It's been a year since my ex tried to strangle me. Is it normal to still have symptoms of ptsd?",
    "Any other young survivors here? I'm 22 now, two years no contact. My abuser used to choke me when he was drunk.",
    "I'm healing now. My abuser beat me for years before I got away.",
]

# Relationship-context dev10 (stop 43: a terse man in his 60s, a co-parent, a writer in a same-sex relationship, a
# devout writer): the kinds the first read missed.
DEV10_KINDS = [
    ("Gun loaded. Note for Sam on the dresser. Cat goes to Lou.", "suicide_risk"),
    ("Made the will. Cancelled the milk from Monday. Won't be here to need it.", "suicide_risk"),
    ("Went out to the viaduct again. Stood at the railing. Nearly went over.", "suicide_risk"),
    ("Stood on the ledge of the car park for an hour last night.", "suicide_risk"),
    ("Left the car running in the closed garage for ten minutes yesterday.", "suicide_risk"),
    ("My daughter is the only reason, that's the only thing keeping me here.", "suicide_risk"),
    ("Waiting for the bus I keep thinking how easy one step forward would be.", "suicide_risk"),
    ("Each night I pray that the Lord will just not wake me.", "suicide_risk"),
    ("I've collected all the old painkillers in my bedside drawer and told nobody.", "suicide_risk"),
    ("Binned my razors in May and today I bought new ones.", "self_harm"),
    ("Kept my jumper on at dinner so Mum couldn't see the cuts.", "self_harm"),
    ("He reads my phone every night and deleted my sister's number.", "abuse_victim"),
    ("When he goes silent I brace for the slap.", "abuse_victim"),
    ("Staying at Jo's. Not waiting for the next beating.", "abuse_victim"),
    ("A husband can't say no to his wife, she told me, and I went along with it.", "abuse_victim"),
    ("Found a tracker under the seat of my car last week.", "abuse_victim"),
    ("I sleep in the car; it's safer than the house when he's been drinking.", "abuse_victim"),
    ("He says he'll smash the car if I visit my brother again.", "abuse_victim"),
    ("She changed the password on my bank account and won't tell me it.", "abuse_victim"),
    ("Last time I ended up with a black eye, and he's on his fourth beer now.", "abuse_victim"),
    ("If I leave she'll send those pictures to my parents.", "abuse_victim"),
    ("He punishes me with his belt when I talk back.", "abuse_victim"),
    ("She said she'll make sure I never see the kids again.", "abuse_victim"),
    ("Took his keys and his wallet so he couldn't go out.", "abuse_perpetration"),
    ("Slapped him. Last night, after the party.", "abuse_perpetration"),
    ("Shoved him against the sink on Tuesday.", "abuse_perpetration"),
    ("I kicked the cupboard right next to his face.", "abuse_perpetration"),
    ("I shouldn't have grabbed you by the arm like that.", "abuse_perpetration"),
    ("I know where you've been every day this month.", "abuse_perpetration"),
    ("I've had an AirTag in Jamie's bag since March.", "abuse_perpetration"),
    ("I warned Chris that if he went I'd make sure he regretted it.", "abuse_perpetration"),
    ("I told my husband if he left I would take the children.", "abuse_perpetration"),
    ("Ever since I struck her she flinches when I come in.", "abuse_perpetration"),
    ("I put spyware on my boyfriend's phone last month.", "abuse_perpetration"),
]

DEV10_KINDS_PASS = [
    "Dishwasher loaded. Note for Sam on the fridge about the bins.",
    "Cancelled the milk while we're on holiday.",
    "Stood at the railing of the ferry and watched the dolphins.",
    "The car was running in the garage while he fixed the exhaust, with the door open.",
    "Coffee is the only thing keeping me awake in this meeting.",
    "Please don't wake me before nine tomorrow.",
    "Bought new razors because the old ones were blunt.",
    "He checks the post every morning.",
    "I brace for the cold every time I open the door.",
    "Not waiting for the next bus, I'll walk.",
    "The tracker in the truck is for the hire company.",
    "It's safer than the house to park on the drive, says the insurer.",
    "He changed the password on the wifi.",
    "If I leave early she'll send the photos from the party later.",
    "She said she'll make sure I never see that film again, it was so bad.",
    "Took his keys to get the spare cut.",
    "I know where you've been every summer: Cornwall.",
    "I put a new app on my boyfriend's phone to split the bills.",
]

# Someone else's risk, told as the writer heard it (dev9, dev10): a relative in a learner's English ("My sister she
# tell me"), a relative who told or texted the writer, someone from the congregation, a friend named with what he
# has been talking about. Never the writer's crisis (since stop 61 most also raise the third_party flag, which offers
# help for the person at risk); the writer's own risk beside such words still flags (OTHERS_TOLD_MINE).
OTHERS_TOLD = [
    "My cousin he tell me his wife is hitting him and keeping his wages.",
    "Our daughter, who is twenty, told me she can't see the point of living.",
    "Ollie's been talking about ending it since he lost the farm.",
    "An old man in our church told me he has no reason to go on.",
    "My nephew texted me 'won't be around much longer' tonight.",
]

OTHERS_TOLD_MINE = [
    ("My sister told me to leave because he hits me.", "abuse_victim"),
    ("My friend texted me and I told her I don't want to live anymore.", "suicide_risk"),
    ("Our son told me last night that he knows I've been cutting again.", "self_harm"),
]
