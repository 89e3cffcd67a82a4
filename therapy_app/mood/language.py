"""Is a note written in English? The feelings and risk readers read English only.

A note counts as another language when it is mostly in a non-Latin script, or when
it has more of the commonest words of French, German, Spanish, Italian, Portuguese,
Dutch or the Nordic languages than of English. Slang and short notes ("ngl this
slaps", "meh") have neither, and count as English: the page should not nag.
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
_COMMON_ELSEWHERE = frozenset(
    """
    je suis pas le les et est très mon ma mes une des avec pour mais c'est j'ai plus
    ich nicht und der die das ist mehr mich mir ein eine sehr auch aber heute habe bin
    yo quiero que el es muy mi los las una por pero estoy tengo más hoy
    io non sono che il di mi della questo molto oggi ho
    eu não estou muito meu minha com uma hoje tenho
    ik niet het een en van ben heb vandaag maar
    jeg ikke og det er har jag inte och är mig
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
LATIN_END = 0x24F


def looks_english(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(ord(ch) > LATIN_END for ch in letters) > len(letters) / 2:
        return False
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    english = sum(word in _COMMON_ENGLISH for word in words)
    elsewhere = sum(word in _COMMON_ELSEWHERE for word in words)
    return elsewhere <= english
