"""Journal text as the readers see it: lower case, plain apostrophes, common spellings.

People write in a hurry: "im", "dont", "wanna", "myslef", "tommorow", "kms". The
readers (rules and the learned model) see one spelling of each, so a pattern
written once covers the shorthand and the usual slips of the thumb.
"""

from __future__ import annotations

import re

# Shorthand and misspellings, token by token. Written for this project from the
# ways people type on phones; each maps to the spelling the rules are written in.
SPELLINGS: dict[str, str] = {
    # pronouns and contractions typed without apostrophes
    "im": "i'm",
    "ive": "i've",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "cannot": "can't",
    "wont": "won't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "couldnt": "couldn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "arent": "aren't",
    "werent": "weren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "thats": "that's",
    "theres": "there's",
    "whats": "what's",
    "its": "it's",
    "itll": "it'll",
    "theyd": "they'd",
    "theyll": "they'll",
    "youd": "you'd",
    "youre": "you're",
    "u": "you",
    "ya": "you",
    "ur": "your",
    "urself": "yourself",
    "r": "are",
    "n": "and",
    "nd": "and",
    "b": "be",
    "bc": "because",
    "bcs": "because",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "becuase": "because",
    "becasue": "because",
    "wanna": "want to",
    "wana": "want to",
    "gonna": "going to",
    "gona": "going to",
    "gotta": "got to",
    "tryna": "trying to",
    "kinda": "kind of",
    "dunno": "don't know",
    "idk": "i don't know",
    "idc": "i don't care",
    "idgaf": "i don't care",
    "rn": "right now",
    "tn": "tonight",
    "tonite": "tonight",
    "2nite": "tonight",
    "tonihgt": "tonight",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tmw": "tomorrow",
    "tomoz": "tomorrow",
    "tommorow": "tomorrow",
    "tommorrow": "tomorrow",
    "tomorow": "tomorrow",
    "2moro": "tomorrow",
    "anymor": "anymore",
    "anymoore": "anymore",
    "nomore": "no more",
    "alot": "a lot",
    "abuot": "about",
    "aboutt": "about",
    "drownd": "drown",
    "drowing": "drowning",
    "planed": "planned",
    "everthing": "everything",
    "happends": "happens",
    "tierd": "tired",
    "beeing": "being",
    "whish": "wish",
    "forver": "forever",
    "freinds": "friends",
    "acounts": "accounts",
    "pasewords": "passwords",
    "releived": "relieved",
    "killng": "killing",
    "kys": "kill yourself",
    "relly": "really",
    "realy": "really",
    "desision": "decision",
    "decison": "decision",
    "scaired": "scared",
    "anxous": "anxious",
    "peacful": "peaceful",
    "wierd": "weird",
    "wud": "would",
    "jus": "just",
    "attemt": "attempt",
    "attemted": "attempted",
    "dissapointed": "disappointed",
    "dissappointed": "disappointed",
    "disapointed": "disappointed",
    "decition": "decision",
    "descision": "decision",
    "decesion": "decision",
    "suacide": "suicide",
    "paracetemol": "paracetamol",
    "paracetomol": "paracetamol",
    "woud": "would",
    "wuld": "would",
    "beter": "better",
    "woudnt": "wouldn't",
    "somthing": "something",
    "happend": "happened",
    "famly": "family",
    "hapier": "happier",
    "arround": "around",
    "leters": "letters",
    "meny": "many",
    "saveing": "saving",
    "helpped": "helped",
    "relapesd": "relapsed",
    "relapced": "relapsed",
    "purpous": "purpose",
    "purpse": "purpose",
    "untill": "until",
    "scrached": "scratched",
    "clif": "cliff",
    "trian": "train",
    "steping": "stepping",
    "atempt": "attempt",
    "attemp": "attempt",
    "hosptial": "hospital",
    "hosiptal": "hospital",
    "dicided": "decided",
    "desided": "decided",
    "befor": "before",
    "agian": "again",
    "bday": "birthday",
    "frday": "friday",
    "thurs": "thursday",
    "everyting": "everything",
    "evrything": "everything",
    "everyone's": "everyone is",
    "evryone": "everyone",
    "ppl": "people",
    "fam": "family",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "pls": "please",
    "plz": "please",
    "ok": "okay",
    "k": "okay",
    "w": "with",
    "wo": "without",
    "w/o": "without",
    "abt": "about",
    "thru": "through",
    "tho": "though",
    "ngl": "not going to lie",
    "tbh": "to be honest",
    "fr": "for real",
    "frfr": "for real",
    # the words that carry risk, as they are often typed
    "myslef": "myself",
    "mysefl": "myself",
    "myelf": "myself",
    "mself": "myself",
    "myslf": "myself",
    "meself": "myself",
    "mysef": "myself",
    "wnat": "want",
    "wnt": "want",
    "watn": "want",
    "wan": "want",
    "kil": "kill",
    "kll": "kill",
    "dye": "die",
    "ded": "dead",
    "deid": "dead",
    "alvie": "alive",
    "allive": "alive",
    "livng": "living",
    "liveing": "living",
    "exsist": "exist",
    "exsit": "exist",
    "excist": "exist",
    "dissapear": "disappear",
    "disapear": "disappear",
    "dissappear": "disappear",
    "pils": "pills",
    "pilz": "pills",
    "pillz": "pills",
    "tabs": "tablets",
    "suicidial": "suicidal",
    "sucidal": "suicidal",
    "suicdal": "suicidal",
    "suisidal": "suicidal",
    "suicidle": "suicidal",
    "suicde": "suicide",
    "sucide": "suicide",
    "suiside": "suicide",
    "suicid": "suicide",
    "sewerslide": "suicide",
    "sewerslided": "suicide",
    "self-harm": "self harm",
    "selfharm": "self harm",
    "selfharming": "self harming",
    "goodby": "goodbye",
    "gbye": "goodbye",
    "byebye": "goodbye",
    "overdoes": "overdose",
    "overdoze": "overdose",
    "wrsits": "wrists",
    "wirsts": "wrists",
    "wrsit": "wrist",
    "burdon": "burden",
    "burdan": "burden",
    "funral": "funeral",
    "nobodys": "nobody's",
    "noone": "no one",
    "no-one": "no one",
    "every1": "everyone",
    "some1": "someone",
    "no1": "no one",
    "4ever": "forever",
    "b4": "before",
    # euphemisms that people (often young people) use for suicide
    "kms": "kill myself",
    "kmsl": "kill myself",
    "unalive": "kill myself",
    "unaliving": "killing myself",
    "unalived": "killed myself",
    "ctb": "kill myself",
    "od": "overdose",
    "oding": "overdosing",
    "od'ing": "overdosing",
    "od'd": "overdosed",
    "sh": "self harm",
    "atempts": "attempts",
    "pestiside": "pesticide",
    "pesticde": "pesticide",
    "pestacide": "pesticide",
    "pesticid": "pesticide",
    "evry": "every",
    "felings": "feelings",
    # Scots (and some Irish and northern English): "a cannae dae this", "naebody wid miss me"
    "cannae": "can't",
    "canny": "can't",
    "dinnae": "don't",
    "dinna": "don't",
    "didnae": "didn't",
    "disnae": "doesn't",
    "doesnae": "doesn't",
    "isnae": "isn't",
    "wisnae": "wasn't",
    "wasnae": "wasn't",
    "wouldnae": "wouldn't",
    "widnae": "wouldn't",
    "couldnae": "couldn't",
    "shouldnae": "shouldn't",
    "willnae": "won't",
    "havenae": "haven't",
    "hivnae": "haven't",
    "naebody": "nobody",
    "naeone": "no one",
    "naewan": "no one",
    "nae": "no",
    "maself": "myself",
    "masel": "myself",
    "mysel": "myself",
    "masell": "myself",
    "wid": "would",
    "tae": "to",
    "dae": "do",
    "aboot": "about",
    "oot": "out",
    "aff": "off",
    "doon": "down",
    "heid": "head",
    "hame": "home",
    "oan": "on",
    "wi": "with",
    "telt": "told",
    "greetin": "crying",
    "mam": "mum",
    "maw": "mum",
    "a'm": "i'm",
    "a'll": "i'll",
    "a've": "i've",
    "a'd": "i'd",
    "dosnt": "doesn't",
    "agen": "again",
    "tomoro": "tomorrow",
    "wierdly": "weirdly",
    "stiched": "stitched",
    "hapend": "happened",
}
# Words typed with the g dropped ("thinkin of jus drivin into a tree"): the verbs and words
# the readers key on, not every word ending in "in" ("cabin", "cousin", "begin").
_DROPPED_G = """think driv mak know com go do feel try plann cutt hurt want say gett tak look walk
    jump sleep wak liv dy kill end leav giv writ sav hid keep start stopp pull fall burn bleed
    hang overdos noth someth everyth anyth wish hop lett wait tell"""
SPELLINGS.update({f"{stem}in": f"{stem}ing" for stem in _DROPPED_G.split()})

# Euphemisms of more than one word, replaced before the token table above.
PHRASES: tuple[tuple[str, str], ...] = (
    (r"\bself\s*-\s*harm", "self harm"),
    (r"\bsewer\s*slide", "suicide"),
    (
        r"\bcatch(?:ing)?\s+the\s+bus\b(?=[^.]{0,30}\b(?:forever|for good|permanently|final|last)\b)",
        "kill myself",
    ),
    (r"\bun\s*-?\s*alive\b", "kill myself"),
    (r"\bover\s+dos", "overdos"),
    (r"\bw/o\b", "without"),
    (r"\bend\s+my\s+live\b", "end my life"),
    (r"\bkill\s+my\s+self\b", "kill myself"),
    (r"\bmy\s+self\b", "myself"),
    (r"\bany\s+more\b", "anymore"),
    (r"\bno\s+one'?s\b", "no one"),
    (r"\bk\s*m\s*s\b", "kill myself"),
    # Scots "am" and "a" for "i'm" and "i", and "ma" for "my", only where English has no
    # such words: "am no stressed", "a cannae", "gave ma dug tae ma auntie"
    (
        r"(?<![\w'])(?<!\bi\s)(?<!\d\s)am\s+(?=no\b|nae\b|gonnae\b|gettin|goin|out\b|done\b|sick\b|tired\b|past\b|away\b|that\b|so\b|too\b|pure\b|aw\b)",
        "i'm ",
    ),
    (
        r"\b(i'm|i'll|a'll|am|will|wid|would)\s+no\b(?=\s+(?:be|go|see|make|sit|get|last|stay|wake|bother|tell|stressed|scared|feart|happy|okay|ok|sad|fine|well|here|around|coming)\b)",
        r"\1 not",
    ),
    (
        r"\ba\s+(?=(?:was|went|cannae|dinnae|didnae|wisnae|widnae|couldnae|know|ken|tried|had|got|slept|felt|thought|telt|told|could|would|wid|can't|don't|didn't|wasn't|kept|am)\b)",
        "i ",
    ),
    (
        r"(?<![\w'])(?<!\bmy\s)(?<!\bme\s)(?<!\bthe\s)(?<!\byer\s)(?<!\byour\s)ma\s+(?!(?:and|an|n|was|is|says|said|told|telt|would|wid|will|has|had|didn't|doesn't|isn't|wasn't|cannae|can't|too|so)\b)(?=[a-z])",
        "my ",
    ),
    (r"\b(my|the|our|wee)\s+dug\b", r"\1 dog"),
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_PHRASES = [(re.compile(pattern), replacement) for pattern, replacement in PHRASES]
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[^\w\s]", re.UNICODE)
_REPEATS = re.compile(r"(\w)\1{2,}")


def tokens(text: str) -> list[str]:
    """Words (with their apostrophes) and punctuation marks, lower case, spellings fixed."""
    lowered = _REPEATS.sub(r"\1\1", text.lower().translate(_APOSTROPHES))
    for pattern, replacement in _PHRASES:
        lowered = pattern.sub(replacement, lowered)
    out: list[str] = []
    for token in _TOKEN.findall(lowered):
        out.extend(SPELLINGS.get(token, token).split())
    return out


def normalise(text: str) -> str:
    """One line of words separated by single spaces; sentence marks kept as '.'."""
    words = []
    for token in tokens(text):
        if token.isalnum() or "'" in token:
            words.append(token)
        elif token in ".!?;" and words and words[-1] != ".":
            words.append(".")
    return " ".join(words)


# Journals are also written about oneself as "you", "she" or "he": a text with no "i",
# "me" or "my" in it is read a second time with that person turned into "i", so "she gave
# the dog away so it would be looked after when she's gone" reads like the first-person line
# it stands for. A text that speaks of "i" as well is about someone else ("my grandad died,
# he was ninety") and is left alone, unless it says that she or he is the writer ("she cut
# herself last night. that's me"); so is "they", which is nearly always the others. The
# rules read "herself" and "himself" only through this turn, so a friend's self-harm told
# in a first-person note is not read as the writer's own.
_FIRST_PERSON_WORDS = frozenset({"i", "i'm", "i've", "i'll", "i'd", "me", "my", "myself", "mine"})
_THIRD_PERSON_IS_ME = re.compile(
    r"\b(?:(?:she|he|that)(?:'s|\s+is)\s+me|i(?:'m|\s+am)\s+(?:her|him))\b"
)
_SUBJECTS = frozenset({"you", "she", "he"})
_FIRST_PERSON = {
    "she's": "i'm",
    "he's": "i'm",
    "you're": "i'm",
    "she'll": "i'll",
    "he'll": "i'll",
    "you'll": "i'll",
    "she'd": "i'd",
    "he'd": "i'd",
    "you'd": "i'd",
    "you've": "i've",
    "herself": "myself",
    "himself": "myself",
    "yourself": "myself",
    "his": "my",
    "your": "my",
    "him": "me",
    "hers": "mine",
    "yours": "mine",
}
_BEFORE_SUBJECT = frozenset(
    {
        ".",
        "and",
        "but",
        "so",
        "because",
        "cause",
        "when",
        "if",
        "that",
        "then",
        "until",
        "once",
        "after",
        "before",
        "while",
        "says",
        "said",
        "thinks",
        "thought",
        "knows",
        "feels",
    }
)
_AGREEMENT = {
    "is": "am",
    "was": "was",
    "has": "have",
    "does": "do",
    "doesn't": "don't",
    "isn't": "am not",
    "hasn't": "haven't",
    "are": "am",
    "were": "was",
    "aren't": "am not",
}


def in_first_person(normalised: str) -> str:
    """A normalised text with second- and third-person subjects turned into the first
    person ("she wants to be gone" -> "i want to be gone"), when it has no first person or
    says that the third person is the writer."""
    words = normalised.split()
    if _FIRST_PERSON_WORDS.intersection(words) and not _THIRD_PERSON_IS_ME.search(normalised):
        return normalised
    out: list[str] = []
    for i, word in enumerate(words):
        previous = out[-1] if out else "."
        if word in _SUBJECTS and (previous in _BEFORE_SUBJECT or word != "you"):
            out.append("i")
        elif word == "you":
            out.append("me")
        elif word == "her":
            following = words[i + 1] if i + 1 < len(words) else "."
            out.append(
                "me" if following in _BEFORE_SUBJECT or following in {"to", "a", "the"} else "my"
            )
        elif previous == "i" and i and words[i - 1] in _SUBJECTS:
            out.append(_AGREEMENT.get(word, word[:-1] if _third_person_verb(word) else word))
        else:
            out.append(_FIRST_PERSON.get(word, word))
    return " ".join(out)


def _third_person_verb(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
