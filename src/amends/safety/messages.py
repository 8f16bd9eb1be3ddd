"""User-facing safety wording, in our own words. Reviewed for: no diagnosis, no blame,
no promise or hint that anyone will be alerted, nothing that reveals a partner's answers."""

from __future__ import annotations

PAUSED_NOTICE = "The shared space is paused for now."

MESSAGES = {
    "suicide_support": (
        "Thank you for telling us. What you are feeling matters, and you do not have to face it "
        "alone. You can talk to someone right now, any time of day."
    ),
    "acute": (
        "Please get help now. Call or text the crisis line below, or call emergency services. "
        "If you can, stay near other people until you have spoken to someone."
    ),
    "not_acute": (
        "Please talk to a doctor, counsellor or therapist soon, ideally in the next few days, about how "
        "you have been feeling. A safety plan can help in the meantime: it takes a few minutes and stays "
        "on this device."
    ),
    "abuse_victim": (
        "What you describe is not okay, and it is not your fault. Specialist services listen in "
        "confidence and can help you think about your options, at your own pace. You decide what happens next."
    ),
    "danger": (
        "Your safety comes first. If you are in danger now, call emergency services. When you can, a "
        "specialist line can help you plan your next steps in confidence."
    ),
    "abuse_perpetration": (
        "It takes courage to name this. Hurting or frightening a partner is never okay, and change is "
        "possible with the right support. These confidential lines help people who want to stop."
    ),
    # Someone else at risk (LABELLING.md section 3, third_party): the writer is not the one in crisis, so this speaks to
    # them as the person who is worried, and never shows their own crisis page. Crisis lines also counsel people
    # worried about someone else (988's public pages say so for the US); an emergency comes first.
    "someone_else": (
        "It sounds like someone you care about may be at risk. If they might act on it now, call emergency "
        "services and stay with them if you safely can. Crisis lines also talk with people who are worried about "
        "someone else: they can help you work out what to say and what to do next. Looking after yourself matters too."
    ),
    # A relative's or friend's partner hurting them (third_party): domestic-abuse services also advise the people around
    # someone who is being hurt; pressing them to leave can raise their danger, so the wording speaks of helping
    # without adding to it.
    "someone_else_abused": (
        "It sounds like someone you care about is being hurt or controlled by a partner. Domestic-abuse services also "
        "talk with worried friends and family, in confidence, about how to help without putting them at more risk. "
        "If they are in danger now, call emergency services."
    ),
    # Shown instead of "abuse_perpetration" beside the victim's message, when one text tells of harm suffered and harm
    # done. Many who are hurt also hit out, in fear or in anger (and the detector reads some victims' stories as
    # both), so this part neither accuses nor excuses (FRAMEWORKS.md: safety first; no blame).
    "abuse_both": (
        "If you have also hit out or frightened them, in fear or in anger, that does not undo what was done to "
        "you. These confidential lines can help with that part too, without judgment."
    ),
}

# Someone else at risk (``SafetyReport.someone_else``): by what puts them at risk, the words for the person worried
# about them and the lines that also counsel the people around someone at risk. ``routing`` and the CLI both read it.
SOMEONE_ELSE_HELP: dict[str, tuple[str, tuple[str, ...]]] = {
    "suicide": ("someone_else", ("emergency", "suicide")),
    "abuse": ("someone_else_abused", ("emergency", "dv_victim")),
}
