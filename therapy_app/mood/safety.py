"""Risk of self-harm or suicide in what a person wrote.

Deliberately recall-first: a missed signal costs far more than an unneeded
support box. Phrases cover direct statements, indirect ones ("everyone would be
better off without me"), and plans or means. Common idioms ("dying to see",
"killing it") and explicit denials ("I'm not suicidal") do not count.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_SELF = r"(?:my\s?self|my own body)"
_WANT = r"(?:want(?:ed)?|wanna|going|gonna|plan(?:ning)?|need|ready|decided|about|thinking about|think about)"

RISK_PATTERNS: tuple[str, ...] = (
    # direct
    r"\bsuicid",
    r"\bkill(?:ing)?\s+" + _SELF + r"\b",
    r"\b(?:end|ending|take|taking|took)\s+(?:my|my own)\s+life\b",
    r"\bend(?:ing)?\s+(?:it|it all|everything)\b(?!\s+(?:with|for)\b)",
    r"\bend(?:ing)?\s+things\b",
    r"\b(?:end|stop)\s+(?:my|the)\s+(?:suffering|pain)\s+(?:for good|permanently|forever)\b",
    r"\bpain\s+to\s+stop\s+(?:for good|permanently|forever)\b",
    r"\b(?:wants?|wanted|wanna|wish)\s+(?:to\s+)?(?:be\s+)?(?:die|dead)\b",
    r"\b(?:rather|better)\s+(?:be\s+)?dead\b",
    r"\bif\s+i\s+(?:were|was)\s+dead\b",
    r"\bif\s+i\s+died\b",
    r"\b(?:not|didn'?t|don'?t|wouldn'?t|never)\s+exist\b",
    r"\bnot\s+worth\s+living\b|\bisn'?t\s+worth\s+living\b",
    r"\bdeath\s+(?:seems|is|feels)\s+(?:like\s+)?(?:the\s+)?(?:only\s+)?(?:answer|option|way out|solution|escape)\b",
    r"\bonly\s+way\s+out\b",
    r"\bsleep\s+forever\b",
    r"\bmy\s+(?:own\s+)?funeral\b",
    r"\bwish\s+i\s+(?:was|were|could be)\s+(?:dead|gone|never born)\b",
    r"\bwish\s+i\s+(?:could\s+)?(?:die|disappear)\b",
    r"\bwish\s+i\s+(?:had\s+)?(?:never been born|wasn'?t born|didn'?t exist)\b",
    r"\bbetter off dead\b",
    r"\b(?:don'?t|do not|no longer)\s+want\s+to\s+(?:live|be alive|exist|be here|wake up|go on)\b",
    r"\bnot\s+want(?:ing)?\s+to\s+(?:live|be alive|exist|wake up)\b",
    r"\b(?:no|any)\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|go on|going on|being alive)\b",
    r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b",
    r"\b(?:can'?t|cannot)\s+(?:go on|keep going|do this anymore|take (?:it|this) anymore)\b",
    r"\b(?:hurt|harm|cut|cutting|burn|burning|punish)(?:ing)?\s+" + _SELF + r"\b",
    r"\bself[-\s]?harm",
    r"\bcut(?:ting)?\s+(?:again|my (?:arms?|wrists?|legs?|skin))\b",
    # indirect
    r"\b(?:everyone|everybody|they|people|world|family|kids|friends)(?:'d| would| will)?\s+(?:be\s+)?better\s+off\s+without\s+me\b",
    r"\bbetter\s+off\s+without\s+me\b",
    r"\b(?:i'?m|i am|i'?ve become|just)\s+(?:such\s+)?a\s+burden\b",
    r"\bburden\s+(?:to|on)\s+(?:everyone|everybody|them|my family|you all)\b",
    r"\b(?:want|wanted|wanna|need)\s+to\s+disappear\b(?!\s+(?:into|for|under|to)\b)",
    r"\b(?:disappear|vanish)\s+and\s+never\s+(?:come back|be found|return)\b",
    r"\bdisappear\s+(?:forever|for good|for ever|permanently)\b",
    r"\b(?:won'?t|will not|wouldn'?t)\s+be\s+(?:around|here)\s+(?:much\s+)?(?:longer|anymore|any more|for long|next)\b",
    r"\bwon'?t\s+be\s+a\s+(?:problem|burden)\b",
    r"\b(?:not|won'?t)\s+(?:going to\s+|gonna\s+)?be\s+(?:here|around)\s+(?:much\s+)?(?:longer|anymore|for long)\b",
    r"\b(?:sleep|go to sleep)\s+and\s+(?:never|not)\s+wake\s+up\b",
    r"\bnever\s+wake\s+up\b",
    r"\bno\s+(?:way|point)\s+out\b",
    r"\b(?:no one|nobody)\s+would\s+(?:miss|notice|care)\s+(?:me|if i (?:was|were) gone|if i died)\b",
    r"\bif\s+i\s+(?:was|were)\s+gone\b",
    r"\bwhen\s+i'?m\s+gone\b",
    r"\b(?:say(?:ing)?|said)\s+(?:my\s+)?goodbyes?\b",
    r"\bgoodbye\s+(?:letter|note|video|message)s?\b",
    r"\bgoodbye\s+for\s+the\s+last\s+time\b",
    r"\bin\s+case\s+i'?m\s+(?:not\s+here|gone|not around)\b",
    r"\b(?:tired|sick)\s+of\s+(?:living|being alive|life|existing)\b",
    r"\bpoint\s+(?:of|in)\s+(?:living|being alive|going on|being here)\b",
    r"\bdon'?t\s+see\s+(?:the\s+)?point\s+(?:of|in)\s+(?:life|anything)\b",
    r"\bgive\s+up\s+on\s+(?:life|living|everything)\b",
    r"\b(?:stop|stopped)\s+existing\b",
    r"\bcease\s+to\s+exist\b",
    # broader constructions, added after a held-out check showed the phrases above overfit
    r"\b(?:can'?t|cannot|don'?t think i can)\s+(?:keep\s+)?(?:living|go on|going on)\b",
    r"\bstop\s+living\b",
    r"\b(?:wasn'?t|weren'?t|not\s+be)\s+alive\b",
    r"\b(?:better|fine|happier|easier)\b[^.]{0,40}\bwithout\s+me\b",
    r"\bwithout\s+me\b[^.]{0,40}\b(?:better|fine|happier|easier)\b",
    r"\b(?:should|deserve to|going to|gonna|might as well)\s+(?:just\s+)?die\b",
    r"\bthrow(?:ing)?\s+myself\s+(?:off|in front of|under|into)\b",
    r"\bstep(?:ping)?\s+off\s+(?:the|a)\s+(?:platform|ledge|roof|bridge|edge)\b",
    r"\bfrom\s+cutting\b|\bcutting\s+(?:again|myself|my)\b",
    r"\bmy\s+own\s+death\b|\b(?:picturing|imagining)\s+(?:my\s+)?(?:death|dying)\b",
    r"\bover,?\s+(?:permanently|for good|forever)\b",
    # plans and means
    r"\b(?:wrote|writing|written|write|left)\s+(?:a|my|the)\s+(?:suicide\s+|goodbye\s+|final\s+)?(?:note|letter)s?\s+(?:to|for)\s+(?:everyone|my|them)\b",
    r"\bgiv(?:e|ing|en)\s+away\s+(?:my|all my)\s+(?:things|stuff|belongings|possessions)\b",
    r"\b(?:stockpil|sav|hoard|collect)(?:e|ed|ing)\s+(?:up\s+)?(?:my\s+)?(?:pills|meds|tablets|medication)\b",
    r"\b(?:take|took|taking|swallow(?:ed|ing)?)\s+(?:all\s+)?(?:the|my|a bottle of|a handful of|all those)\s+(?:pills|meds|tablets|sleeping pills)\b",
    r"\boverdos",
    r"\b(?:jump|jumping|jumped|step|stepping|throw myself|walk|walking)\s+(?:off|from|in front of|into)\s+(?:a|the)\s+(?:bridge|roof|building|train|bus|cliff|balcony|car|traffic|tracks|window|ledge)",
    r"\b(?:thought|thinking|think)\s+(?:about|of)\s+jumping\b",
    r"\b(?:car|bus|train|truck|lorry)\s+would\s+hit\s+me\b",
    r"\buntil\s+(?:they|it|i)\s+bled\b",
    r"\b(?:pills|tablets|meds|rope|gun|knife|blade)\s+(?:are\s+)?ready\b",
    r"\bhow\s+many\s+(?:pills|tablets|meds)\b",
    r"\bplan\s+and\s+a\s+(?:date|time|method)\b",
    r"\b(?:hang|hanging|hanged)\s+(?:" + _SELF + r"|a\s+belt|a\s+rope|a\s+noose)\b",
    r"\bnoose\b",
    r"\b(?:bought|buy|got|have)\s+(?:a\s+)?rope\b(?!\s+(?:for|to)\s+(?:the\s+)?(?:tent|boat|camping|climbing|garden))",
    r"\bslit(?:ting)?\s+my\b",
    r"\b(?:bought|buy|got|get|have)\s+(?:a\s+)?(?:gun|blade|razor)s?\s+(?:to|for)\b",
    r"\b(?:how|ways?)\s+to\s+(?:die|kill " + _SELF + r"|end it)\b",
    r"\b" + _WANT + r"\s+to\s+(?:die|end it|not be here)\b",
    r"\b(?:driv(?:e|ing)|crash(?:ing)?)\s+(?:my\s+car\s+)?(?:off|into)\s+(?:a\s+)?(?:tree|wall|traffic|cliff|river|lake)\b",
    r"\bwalk\s+into\s+(?:the\s+)?(?:sea|traffic|river)\b",
)

# Phrases that look alike but are ordinary speech; removed before matching.
IDIOMS: tuple[str, ...] = (
    r"\b(?:dying|dead)\s+(?:to|for)\b",
    r"\bkill(?:ing|ed)?\s+it\b",
    r"\bkill(?:ing)?\s+time\b",
    r"\bcould\s+kill\s+for\b",
    r"\bend\s+of\s+(?:the\s+)?(?:day|week|month|year|term|line)\b",
    r"\bjump(?:ed|ing)?\s+(?:rope|ropes)\b",
    r"\bropes?\s+course\b",
    r"\blearn(?:ed|ing)?\s+the\s+ropes\b",
    r"\bskipping\s+rope\b",
    r"\bdisappear\s+(?:into|for|under)\b",
    r"\bcould\s+sleep\s+(?:forever|for a week|for days)\b",
)

DENIALS: tuple[str, ...] = (
    r"\b(?:i'?m|i am|not|never been|wasn'?t)\s+not\s+suicidal\b",
    r"\b(?:i'?m|i am)\s+not\s+suicidal\b",
    r"\bnot\s+(?:feeling\s+)?suicidal\b",
    r"\bno\s+(?:thoughts?|plans?)\s+of\s+(?:suicide|self[-\s]?harm|hurting myself|killing myself)\b",
    r"\b(?:would|will)\s+never\s+(?:hurt|harm|kill)\s+myself\b",
    r"\bsuicide\s+(?:prevention|awareness)\b",
)

_RISK = [re.compile(pattern) for pattern in RISK_PATTERNS]
_IDIOMS = re.compile("|".join(IDIOMS))
_DENIALS = re.compile("|".join(DENIALS))


def _normalise(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("‘", "'").split())


def assess_risk(text: str) -> bool:
    """True when the text signals risk of self-harm or suicide."""
    cleaned = _IDIOMS.sub(" ", _normalise(text))
    cleaned = _DENIALS.sub(" ", cleaned)
    return any(pattern.search(cleaned) for pattern in _RISK)


LINK_SCHEMES = ("tel:", "sms:", "https://")  # call, text, open: nothing else is offered


@dataclass(frozen=True)
class SupportLink:
    label: str  # "Call 988"
    href: str  # "tel:988", "sms:988", "https://findahelpline.com"


@dataclass(frozen=True)
class SupportResource:
    name: str
    contact: str
    description: str
    links: tuple[SupportLink, ...] = ()


def _call(number: str) -> SupportLink:
    return SupportLink(f"Call {number}", "tel:" + number.replace(" ", ""))


DEFAULT_RESOURCES: tuple[SupportResource, ...] = (
    SupportResource(
        "Emergency services",
        "112 (EU and many countries), 911 (US, Canada), 999 (UK)",
        "If you are in immediate danger or might act on thoughts of harming yourself.",
        (_call("112"), _call("911"), _call("999")),
    ),
    SupportResource(
        "988 Suicide & Crisis Lifeline (US)",
        "call or text 988",
        "24/7 support in the United States.",
        (_call("988"), SupportLink("Text 988", "sms:988")),
    ),
    SupportResource(
        "Samaritans (UK and Ireland)",
        "116 123",
        "Free, any time, for anyone who is struggling.",
        (_call("116 123"),),
    ),
    SupportResource(
        "Find a helpline",
        "findahelpline.com",
        "Free, confidential crisis lines in your country, by phone, text or chat.",
        (SupportLink("Open findahelpline.com", "https://findahelpline.com"),),
    ),
    SupportResource(
        "Befrienders Worldwide",
        "befrienders.org",
        "Emotional support centres around the world for people in distress.",
        (SupportLink("Open befrienders.org", "https://befrienders.org"),),
    ),
)

NOT_A_CRISIS_SERVICE = (
    "therapy_app is a journal, not a crisis service. Nobody watches your entries in real "
    "time. If you might be in danger, contact one of these now."
)


def load_resources(path: Path | None) -> tuple[SupportResource, ...]:
    """Resources from a JSON list of {name, contact, description, links: [{label, href}]}
    (links optional; only tel:, sms: and https:// addresses), or the defaults."""
    if path is None or not path.exists():
        return DEFAULT_RESOURCES
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
        return tuple(
            SupportResource(
                i["name"],
                i["contact"],
                i["description"],
                tuple(
                    SupportLink(str(link["label"]), str(link["href"]))
                    for link in i.get("links") or []
                    if str(link["href"]).startswith(LINK_SCHEMES)
                ),
            )
            for i in items
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return DEFAULT_RESOURCES
