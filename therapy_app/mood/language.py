"""Is a note written in English? The feelings and risk readers read English only.

A note counts as English when enough of its words are common English words. Short
notes ("ok", "meh") count as English: there is too little to tell, and the page
should not nag about one word.
"""

from __future__ import annotations

import re

_COMMON_ENGLISH = frozenset(
    """
    a about after again all am an and any are as at be because been before being but by
    can can't could day did didn't do don't down even feel feeling felt for from get go
    going good got had has have having he her here him his how i i'm i've if in into is
    isn't it it's just know like little lot me more much my myself need never no not now
    of off oh ok okay on one only or out over really right said see she so some still
    such than that that's the their them then there they think this time to today too up
    us very was wasn't we well went were what when which who why will with won't would
    you your yeah tired sad happy work want
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
MIN_WORDS_TO_JUDGE = 3
MIN_ENGLISH_SHARE = 0.2


def looks_english(text: str) -> bool:
    words = _WORD.findall(text.lower().replace("’", "'"))
    if len(words) < MIN_WORDS_TO_JUDGE:
        return not any(ord(ch) > 0x24F for ch in text if ch.isalpha())
    common = sum(word in _COMMON_ENGLISH for word in words)
    return common / len(words) >= MIN_ENGLISH_SHARE
