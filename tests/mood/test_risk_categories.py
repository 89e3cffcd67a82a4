"""Every category clinicians screen for has cases, written as people write in journals;
idioms and denials stay unflagged. These are cases, not the measure: the measure is
`therapy-app bench mood`, on folds that hold out whole categories and styles."""

import pytest

from therapy_app.mood.language import looks_english
from therapy_app.mood.normalise import in_first_person, normalise
from therapy_app.mood.safety import (
    assess_risk,
    read_risk,
    rule_categories,
    without_idioms_and_denials,
)
from therapy_app.mood.text import suggest

BY_CATEGORY = {
    "wish to be dead": [
        "I wish I could go to sleep and not wake up",
        "honestly wish i was never born",
        "some mornings i'm gutted that i woke up",
        "you ever just wish you were dead",
        "I feel like dying",
        "dying sounds nice",
        "heaven sounds great rn, at least id be dead n done w all this",
        "I go to bed with her rosary and ask not to see the morning",
    ],
    "passive ideation": [
        "I've stopped caring whether I live or not",
        "my kids would be better off without me",
        "my kids would honestly be better off with the life insurance than with me",
        "everyone wud be beter off w/o me",
        "if a bus hit me tomorrow i wouldnt even mind",
        "i just dont wanna be around anymore",
    ],
    "active ideation": [
        "I want to kill myself",
        "kinda wanna kms ngl",
        "thinking about unaliving myself again",
        "I feel like dying and I mean it, I want to end my life",
        "I'm suicidal",
        "i am suicidal again",
    ],
    "method": [
        "i keep thinking about jumping off the bridge on the way home",
        "I want to take all my pills at once",
        "thinking about stepping in front of a train",
    ],
    "intent and timing": [
        "I'm going to do it tonight",
        "after friday i wont be here",
        "this is my last weekend, then it's over",
    ],
    "plan": [
        "I've picked a date and I know how and where",
        "its going to be the bridge on saturday after dark",
    ],
    "preparation": [
        "gave my cat to my sister for when im not here",
        "I wrote goodbye letters to my family",
        "been stockpiling my meds for weeks",
        "looked up how many paracetamol it takes",
        "put my affairs in order and wrote a will, nobody knows why",
        "gave the dog to my brother for good and didnt say why",
        "letters written. cat rehomed.",
        "sent you my bank pin, you'll know when",
        "paid the rent ahead so nobody is left with a bill",
        "been reading up on methods every night",
        "bought paracetamol at three different chemists so nobody notices",
    ],
    "access to means": [
        "there's a gun in the house and I know where dad keeps the key",
        "I have razor blades hidden in my room just in case",
        "the bridge near work is high enough, I checked",
        "the .30-06 is in the hall closet, loaded, and I can't stop thinking about it",
        "we're on the 14th floor and at night I stand on the balcony looking down for too long",
    ],
    "self-harm": [
        "I cut myself again last night",
        "i hit myself because i deserved it",
        "burnt my arm with a lighter on purpose",
        "relapsed after 3 months clean",
        "been slamming my head against the wall, there's a bruise by my hairline now",
    ],
    "calm after deciding": [
        "I'm not scared anymore, I've made my decision",
        "weirdly peaceful now that i know it's almost over",
    ],
    "past attempt": [
        "the last time I tried I woke up in hospital",
        "since my overdose in march i cant sleep",
        "you remember the night you found me in the bathtub. I feel that way again",
    ],
    "other languages": [
        "je veux mourir",
        "Ich will nicht mehr leben",
        "quiero morirme",
    ],
}

NOT_RISK = [
    "killing it at work today",
    "I'd die for a coffee right now",
    "the film was to die for",
    "my phone died on the train",
    "this heat is killing me",
    "I nearly died laughing at Sam",
    "I'm not suicidal, just worn out",
    "jumped off the pier into the sea with friends, freezing but fun",
    "took my antibiotics on time all week",
    "ended things with tom, its for the best",
    "I cried all evening after the breakup",
    "grandma died last spring and I still miss her",
    "i could strangle my flatmate for leaving the dishes",
    "deadline tomorrow and I'm dead tired",
    "two years self harm free today and so proud",
    "learning the ropes at the new job",
    "gave my old bike to my nephew, he's thrilled",
    "looked up how high Ben Nevis is for our climb in June",
    "killing time at the airport, flight delayed",
    "I feel like dying of embarrassment",
    "got the flu and feel like dying",
    "felt like dying after leg day",
    "I've never been suicidal, just exhausted",
    "a week in heaven sounds great, book it",
    "his hours are being cut, again, with a day's notice",
]


@pytest.mark.parametrize(
    ("category", "text"), [(c, t) for c, texts in BY_CATEGORY.items() for t in texts]
)
def test_each_screening_category_is_read(category: str, text: str) -> None:
    assert assess_risk(text), category
    assert suggest(text).risk


@pytest.mark.parametrize("text", NOT_RISK)
def test_idioms_denials_and_ordinary_sadness_are_not_flagged(text: str) -> None:
    assert not assess_risk(text)


def test_the_reading_names_its_categories() -> None:
    reading = read_risk("gave my cat to my sister for when im not here")
    assert reading.flagged and "passive" in reading.categories
    assert 0.0 <= reading.model_probability <= 1.0


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("am no stressed aboot it, a'll no be here", "i'm not stressed about it i'll not be here"),
        ("naebody wid miss me if a wisnae around", "nobody would miss me if i wasn't around"),
        ("gave ma dug tae ma maw", "gave my dog to my mum"),
        ("a cannae dae this, a was greetin", "i can't do this i was crying"),
        # English left alone: "i am", "am" of the clock, "my ma", "what a find"
        ("i am so tired at 9 am", "i am so tired at 9 am"),
        ("my ma and da", "my ma and da"),
        ("what a find that was", "what a find that was"),
    ],
)
def test_scots_is_read_as_the_english_it_stands_for(written: str, read_as: str) -> None:
    assert normalise(written) == read_as


def test_shorthand_and_misspellings_are_read_as_written_out() -> None:
    assert normalise("im gonna kms tn") == "i'm going to kill myself tonight"
    assert normalise("I  wnat to dye.") == "i want to die ."
    assert normalise("sooooo done w/o u") == "soo done without you"


@pytest.mark.parametrize(
    ("written", "first_person"),
    [
        ("she wants to be gone before her birthday", "i want to be gone before my birthday"),
        (
            "you tell yourself they'd be better off without you",
            "i tell myself they'd be better off without me",
        ),
        ("he has his pills saved and he is calm now", "i have my pills saved and i am calm now"),
    ],
)
def test_second_and_third_person_are_read_as_the_first(written: str, first_person: str) -> None:
    assert in_first_person(normalise(written)) == first_person


def test_a_journal_written_as_she_is_read_like_one_written_as_i() -> None:
    line = "she has written a letter to each of them and given the dog to her sister"
    assert read_risk(line).categories == read_risk(in_first_person(normalise(line))).categories
    assert read_risk(line).flagged


def test_the_language_is_named_when_it_is_not_english() -> None:
    assert looks_english("I had a long day at work")
    assert looks_english("meh")
    assert not looks_english("je suis très fatiguée aujourd'hui")
    assert not looks_english("Ich will nicht mehr leben")
    assert not suggest("quiero morirme, no puedo más").english


def _rule_categories_of(text: str) -> tuple[str, ...]:
    return rule_categories(without_idioms_and_denials(normalise(text)))


def _any_rule_reads(text: str) -> bool:
    """Whether a rule reads the note as written or turned into the first person."""
    cleaned = without_idioms_and_denials(normalise(text))
    return bool(rule_categories(cleaned) or rule_categories(in_first_person(cleaned)))


@pytest.mark.parametrize(
    ("text", "category", "read"),
    [
        # a participle in the passive is not self-harm; the progressive is
        ("his hours are being cut, again, with a day's notice", "self_harm", False),
        ("my hair was cut again and I hate it", "self_harm", False),
        ("the toast was burnt again", "self_harm", False),
        ("i have been cutting again", "self_harm", True),
        ("she is cutting again", "self_harm", True),
        ("I burned my arm again", "self_harm", True),
        # being found is a past attempt; being found something is not
        ("the night mum found me and called an ambulance", "past_attempt", True),
        ("the night you found me at home I had stopped breathing", "past_attempt", True),
        ("the day you found me at the airport I knew", "past_attempt", False),
        ("the day dad found me a flat near work", "past_attempt", False),
        # doing it all again tomorrow is not intent
        (
            "pulled an all nighter, gonna nap n then prob do it all again tmrw",
            "intent_and_plan",
            False,
        ),
        ("I will do it tomorrow when they're asleep", "intent_and_plan", True),
        # standing on the line until it is over; a stopped train is not
        (
            "the railway line behind the estate, and standing there until it's over",
            "method",
            True,
        ),
        ("standing on the tracks till it's over sounds like peace", "method", True),
        (
            "the train was stuck on the tracks and we had to stay there until it was over",
            "method",
            False,
        ),
        ("kept hitting my own head against the cubicle door till I calmed down", "self_harm", True),
        # hoping a test finds something fatal; a gun and the code to its safe; being found
        ("part of me was disappointed the scan didn't find something terminal", "wish_dead", True),
        ("hoping the scan shows it's not cancer", "wish_dead", False),
        ("my dad keeps a rifle in the loft and I know the code to the safe", "means", True),
        ("they found me in the car with the engine running last spring", "past_attempt", True),
        ("they found me in the woods after I got lost, so glad", "past_attempt", False),
        ("the A&E nurse said I was lucky but I feel like trying again", "past_attempt", True),
        ("since the psych ward I can feel myself slipping back", "past_attempt", True),
        ("out of the unit a month and I'm back in the same hole", "past_attempt", True),
        (
            "out of the unit a month and using my plan, a hard day but I'm safe",
            "past_attempt",
            False,
        ),
        ("my brother cut me down and we never talk about it", "past_attempt", True),
        ("the paramedics got to me in time and I don't know if I'm glad", "past_attempt", True),
        ("the mountain rescue found me after six hours, frozen but fine", "past_attempt", False),
        ("the biopsy came back benign and I was honestly disappointed", "wish_dead", True),
        ("the biopsy came back benign and we cried with relief", "wish_dead", False),
        ("stood in front of the gun cabinet for twenty minutes tonight", "means", True),
        # the nineteenth and twentieth blind sets' misses, by kind, and their look-alikes
        ("Some mornings I'm annoyed to find I'm still here.", "wish_dead", True),
        ("I'm annoyed that I'm still here at the office at nine", "wish_dead", False),
        (
            "she wakes up and the first thing she feels is disappointment that she did",
            "wish_dead",
            True,
        ),
        ("I've stopped caring if I'm still here next year", "passive", True),
        ("nobody woud miss me, maybe the dog a bit", "passive", True),
        ("I'm just taking up a space someone more useful could have", "passive", True),
        ("taking up space in the spare room until the flat is ready", "passive", False),
        (
            "Dear Rosie, I want you to have my rings. Take care of Biscuit for me.",
            "preparation",
            True,
        ),
        ("I want you to have my old laptop, I got a new one for work", "preparation", False),
        ("deleted all my socials and messaged everyone thanks", "preparation", True),
        (
            "deleted Instagram for a month and thanked my friends for understanding",
            "preparation",
            False,
        ),
        ("The river looks very welcoming from the bridge these days.", "means", True),
        ("the river looked so peaceful from the bridge this morning", "means", False),
        ("the balcony on the 14th floor keeps pulling my eyes", "means", True),
        ("Wore long sleeves to the barbecue again. It was 34 degrees.", "self_harm", True),
        (
            "my daughter's been wearing long sleeves in the heat and I'm frightened",
            "self_harm",
            False,
        ),
        ("I wore long sleeves at the beach because I burn so easily", "self_harm", False),
        ("had a bad night with the razor, plasters everywhere", "self_harm", True),
        ("had a bad night with the baby, she was up every two hours", "self_harm", False),
        ("then I cut for the first time in months and it felt good", "self_harm", True),
        (
            "I cut for the first time in years, the salon was booked so I did my own fringe",
            "self_harm",
            False,
        ),
        ("pressed the hot spoon onto my skin again like I used to", "self_harm", True),
        # the twenty-first set's
        ("Mrs Doyle passed peacefully at 3am. I caught myself envying her.", "wish_dead", True),
        ("Grandad died last week. I envy him his long happy life.", "wish_dead", False),
        ("on the drive home I thought about steering off the pass at the hairpin", "method", True),
        ("thought about driving into town but the buses were easier", "active", False),
        ("thought about driving off to the coast this weekend", "active", False),
        ("dads shotty is in the wardrobe n its been on my mind", "means", True),
        ("the shotgun's in the cabinet, been on my mind to clean it", "means", False),
        (
            "stood on the footbridge twenty minutes watching the traffic. Mind's not right.",
            "means",
            True,
        ),
        (
            "stood on the bridge watching the river for twenty minutes, the swans were back",
            "means",
            False,
        ),
        ("You tell the nurse it was the oven door. It wasn't the oven door.", "self_harm", True),
        ("Told mum it was the dog that chewed her slipper. It wasn't.", "self_harm", False),
        ("I know how this ends and I'm oddly grand about it", "calm_after_deciding", True),
        (
            "nearly went through with it back in 09, feeling that same pull all month",
            "past_attempt",
            True,
        ),
        ("I nearly went through with it, the tattoo, but chickened out", "past_attempt", False),
        ("only survived because my flatmate came home early", "past_attempt", True),
        ("sat in the garage thinking about running the engine with the door shut", "method", True),
        ("don't leave the engine running in the garage, open the door first", "method", False),
        # the twenty-second and twenty-third sets'
        (
            "Every morning I'm a bit annoyed my heart kept going through the night.",
            "wish_dead",
            True,
        ),
        ("I was so annoyed my heart kept racing through the whole film.", "wish_dead", False),
        ("some mornings the first feeling is annoyance that I'm still here", "wish_dead", True),
        ("If the Good Lord wanted to call me home tonight I would not argue.", "wish_dead", True),
        ("My hunting rifle has started looking like an answer instead of a tool.", "active", True),
        ("that bridge looks like the answer to the traffic problem in town", "active", False),
        ("lowkey the rope is looking like the answer tbh", "active", True),
        ("wearing hoodies in summer again bc of my arms", "self_harm", True),
        ("wore a hoodie because of my arms, I got sunburnt at the match", "self_harm", False),
        ("Had a bad night and the pencil sharpener came apart again.", "self_harm", True),
        ("the pencil sharpener broke again, third one this term", "self_harm", False),
        ("Amazing how light you feel once you've booked your exit.", "calm_after_deciding", True),
        ("booked my exit row seat for the flight to Perth", "calm_after_deciding", False),
        ("Since deciding, everything just feels quiet and okay.", "calm_after_deciding", True),
        ("since deciding to move to Leeds everything feels lighter", "calm_after_deciding", False),
        ("eight months since I took those pills and the fog is coming back", "past_attempt", True),
        ("months since I took those pills for my back and I feel great", "past_attempt", False),
        ("last Christmas I ended up in ED after trying to die", "past_attempt", True),
        ("Won't need to worry about the rent next month.", "intent_and_plan", True),
        (
            "won't need to worry about the rent next month because I got the job",
            "intent_and_plan",
            False,
        ),
        (
            "worked out the timing so mum hears from the police and doesnt walk in on me",
            "intent_and_plan",
            True,
        ),
        ("mum heard from the police that they found my bike", "intent_and_plan", False),
        # the twenty-fourth and twenty-fifth sets'
        (
            "Then I sat on the kitchen floor and wished I could fall asleep forever.",
            "wish_dead",
            True,
        ),
        ("Everyday I wake up and I am dissapointed that I am still alive.", "wish_dead", True),
        ("If the fatigue would just finish the job it started that'd be grand.", "wish_dead", True),
        ("chale i dey tire if god call me tonight i go answer sharp sharp", "wish_dead", True),
        ("every lorry on the m4 looks like a way out rn", "active", True),
        ("the train looked like a way out of this town when I was seventeen", "active", False),
        (
            "My mate offered to get me a gun and I didn't say no, and it's not for protection.",
            "means",
            True,
        ),
        ("came home and counted the sleeping tablets again", "means", True),
        ("slammed my fist into my thigh over and over till it was purple", "self_harm", True),
        (
            "Since I make the decition, I am calm, I even smile to the guards.",
            "calm_after_deciding",
            True,
        ),
        ("She swallowed the bottle two winters ago and lived.", "past_attempt", True),
        (
            'My last "accident" was no accident, and I feel the same pull this week.',
            "past_attempt",
            True,
        ),
        # the twenty-sixth set's
        ("thinkin of jus drivin into a tree n makin it look like an accident", "active", True),
        ("I am thinking to drink the pesticide in the shed, like my uncle did.", "method", True),
        ("The toddler nearly drank the bleach, I've moved it to the top shelf.", "method", False),
        (
            "Same time last year I drank the weedkiller, and I feel close to it again.",
            "past_attempt",
            True,
        ),
        (
            "The plan's finished now: Wednesday, the old railway bridge, after close.",
            "intent_and_plan",
            True,
        ),
        (
            "the plan is set for Saturday, we're meeting at the bridge for the parkrun",
            "intent_and_plan",
            False,
        ),
        ("the plan was to paint it blue this weekend", "intent_and_plan", False),
        ("my plan is set and i feel calm about it", "calm_after_deciding", True),
        (
            "walked along the viaduct looking at the drop. A practice run, really.",
            "preparation",
            True,
        ),
        ("bought two packets of paracetamol, then went back in for two more", "preparation", True),
        ("bought paracetamol for the flu, then went back for more tissues", "preparation", False),
        (
            "leaned over the motorway bridge watching the lorries. Keep going back there.",
            "means",
            True,
        ),
        ("Dear me at fourteen: I'm still cutting.", "self_harm", True),
        ("I'm still cutting down on sugar and it's working", "self_harm", False),
        ("ended up in the bathroom with a blade, first time since spring", "self_harm", True),
        ("in the bathroom with a razor shaving before the wedding", "self_harm", False),
        ("hit my bad leg with my fist over and over till it went black", "self_harm", True),
        ("guess knowin the end is comin does that", "calm_after_deciding", True),
        (
            "knowing the end is near of this awful project makes me happy",
            "calm_after_deciding",
            False,
        ),
        ("Now I know the day, all the worries go quiet.", "calm_after_deciding", True),
        ("Having decided to go makes everything quiet.", "calm_after_deciding", True),
        ("decided to go part-time and everything feels lighter", "calm_after_deciding", False),
        ("its been 2 yrs since the pills n i still feel like i failed at it", "past_attempt", True),
        ("my attemt was after the breakup, and its feeling like that again", "past_attempt", True),
        # read without their filler words too
        ("my husband would be freer if I just wasn't around anymore", "passive", True),
        ("I don't really care whether I'm still here next year", "passive", True),
        ("this lecture is so boring i might actually die haha", "active", False),
        ("whats the point of even trying to diet when i always give up", "passive", False),
        ("whats the point of even trying anymore", "passive", True),
        ("You turn it off and on again. It works.", "active", False),
        ("been here b4 n ended up in a&e feels like that again", "past_attempt", True),
        ("i just hope my heart gives up in the night", "wish_dead", True),
        ("i hope my heart stops racing before the exam", "wish_dead", False),
        ("lying awake wanting the dark to keep me", "wish_dead", True),
        ("the kids want the water to keep me company", "wish_dead", False),
        ("I want the ground to swallow me when I trip on stage", "wish_dead", False),
        ("I catch myself staring at the lorries going past", "means", True),
        ("caught myself staring at the river, so pretty in the sun", "means", False),
        ("the beam in the barn keeps pulling at me", "means", True),
        (
            "I'll make it look like a hunting accident so the insurance pays out",
            "intent_and_plan",
            True,
        ),
        ("I have a day off tomorrow and it is sunny", "intent_and_plan", False),
        ("gave my dog to my auntie, told her I'm too busy with college", "preparation", True),
        ("gave my dog to my mum for the weekend, told her I'm at a wedding", "preparation", False),
        ("checked the policy pays out if it's by my own hand", "preparation", True),
        ("our insurance policy doesn't cover flood damage", "preparation", False),
        ("like I'm going on a trip I ain't coming back from", "preparation", True),
        ("the weight lifted the second I made up my mind", "calm_after_deciding", True),
        (
            "the weight lifted the second I made up my mind to quit my job",
            "calm_after_deciding",
            False,
        ),
        (
            "scratches on my forearm, told the crew it was barbed wire. weren't barbed wire",
            "self_harm",
            True,
        ),
        ("I take the hammer to my own hand and tell the foreman it slipped", "self_harm", True),
        ("took the knife to my hand by accident while chopping onions", "self_harm", False),
        ("I used to cut in high school and I started again after the divorce", "self_harm", True),
        ("I used to cut my own hair and started again in lockdown", "self_harm", False),
        ("two years before I try to die with the pills", "past_attempt", True),
        ("I tried to die my hair pink", "past_attempt", False),
        ("I could steer the rig into the oncoming lane", "active", True),
        ("steer the car into the parking space", "active", False),
        (
            "The big semis look different now. Like a way out that's always passing by.",
            "active",
            True,
        ),
        ("the bus looks like a way out of this town", "active", False),
        ("Better I am dead than living like this", "wish_dead", True),
        ("part of me is disappointed you came down from the roof", "wish_dead", True),
        ("i was disappointed i came down with the flu", "wish_dead", False),
        ("the group chat would thrive without me. one less burden", "passive", True),
        ("our balcony is 20 floors up and i keep going out there at 3am", "means", True),
        ("the horn of the trains sounds more like an invitation lately", "means", True),
        ("we got an invitation to the bridge club", "means", False),
        ("been saving my tramadol for weeks", "preparation", True),
        ("Today I write letter for each of my children", "preparation", True),
        ("wrote a thank you letter to each of my kids' teachers", "preparation", False),
        ("transferring my savings into my mother's account, just in case", "preparation", True),
        ("im giving u my records and the cat. please take good care of her", "preparation", True),
        ("Making the decision took all the weight off", "calm_after_deciding", True),
        ("making the decision to move house took all the weight off", "calm_after_deciding", False),
        ("I press the hot kettle against my forearm", "self_harm", True),
        ("held the iron to my shirt collar", "self_harm", False),
        ("had to wear a hoodie to work in 30 degrees lol guess why", "self_harm", True),
        (
            "two years ago i drank the pesticde and now the same felings are back",
            "past_attempt",
            True,
        ),
        # the 40th-43rd blind sets' kinds, each beside a look-alike
        ("if a meteor hit my flat right now i'd say thank you", "wish_dead", True),
        ("wish god had taken me in my sleep next to him", "wish_dead", True),
        ("wish god had taken me to see the world before my knees went", "wish_dead", False),
        ("every day is a waiting room now. i'd like my name called", "wish_dead", True),
        ("lying awake hoping the ticker just quits", "wish_dead", True),
        ("every morning i am sad i wake up again in this room", "wish_dead", True),
        ("sad i wake up again at five for the early shift", "wish_dead", False),
        ("the ache of waking up at all", "wish_dead", True),
        ("who signed me up for existing", "wish_dead", True),
        ("who signed me up for this marathon", "wish_dead", False),
        ("where i grew up we say the dead are lucky", "wish_dead", True),
        ("the baby won't remember me anyway", "passive", True),
        ("the baby won't remember me being away for a weekend", "passive", False),
        ("my friends will not even feel my absence", "passive", True),
        ("she'd manage the farm better with the insurance than with me on it", "passive", True),
        ("the kids wouldn't miss the old man", "passive", True),
        ("stopped on the footbridge and thought about climbing over", "method", True),
        ("thought about climbing over the fence to get the ball", "method", False),
        ("garage, engine running, door shut", "method", True),
        ("i keep imagining the drop from the fly gallery", "method", True),
        ("imagining the drop from the top of the rollercoaster", "method", False),
        ("thinking of drinking that sniper they use for insects", "method", True),
        ("my friend says she wants to drink sniper, i hid the bottle", "method", False),
        ("tonight's it. so tired", "intent_and_plan", True),
        ("tonight's it for the season, last match", "intent_and_plan", False),
        ("when the appeal gets denied, that's my date", "intent_and_plan", True),
        ("that's my date for the wedding, she's lovely", "intent_and_plan", False),
        ("once exam week finishes, i am finishing too", "intent_and_plan", True),
        ("wife's out of town the 20th. that's the window", "intent_and_plan", True),
        ("the plumber comes between two and four, that's the window", "intent_and_plan", False),
        ("after the wedding. not before", "intent_and_plan", True),
        ("saturday is my final bow, in every sense", "intent_and_plan", True),
        ("won't need to turn it in", "intent_and_plan", True),
        ("won't need to turn it in, the prof gave an extension", "intent_and_plan", False),
        (
            "thank you messages to old teachers, goodbyes even if they don't know it",
            "preparation",
            True,
        ),
        ("drove out to the cliffs again, third time this month", "means", True),
        ("ran up to the cliffs again, third time this month, getting fitter", "means", False),
        ("the cliff path, i stand near the edge most afternoons", "means", True),
        ("stockpiled my scripts, a couple of months' worth", "means", True),
        ("roof access code at work. still works", "means", True),
        ("i used to cut in high school and i want to so bad right now", "self_harm", True),
        ("old scars itching. want to open them up again", "self_harm", True),
        ("old scars itching again. bought new blades with the nappies", "self_harm", True),
        ("bought new blades for the planer", "self_harm", False),
        ("mind's made up and it's quiet now", "calm_after_deciding", True),
        ("soon i go home, the real home, with my father", "calm_after_deciding", True),
        ("still can't look at that hose", "past_attempt", True),
        ("coast guard fished me out that night", "past_attempt", True),
        ("the lifeboat pulled me out when i got cramp", "past_attempt", False),
        ("icu nurses knew me by name after the second time", "past_attempt", True),
        ("my daughter still checks my medicine drawer since march", "past_attempt", True),
        (
            "everyone at school found out i was in the psych ward after what i did",
            "past_attempt",
            True,
        ),
        ("two years ago i tried and failed and mum still can't look at me", "past_attempt", True),
        ("two years ago i tried and failed to pass my driving test", "past_attempt", False),
        ("admitted to icu after swallowing those pills", "past_attempt", True),
        (
            "three years since i tried and the tiredness is the same as back then",
            "past_attempt",
            True,
        ),
        ("three years since i tried yoga and i still can't touch my toes", "past_attempt", False),
        ("wearing hoodies in 30 degree heat, you know why", "self_harm", True),
        # the 36th-39th blind sets' kinds (others' writing), each beside a look-alike
        ("drove past a crash on the way home and all i thought was lucky them", "wish_dead", True),
        (
            "won the raffle at the funeral tea, lucky them having such a big family",
            "wish_dead",
            False,
        ),
        (
            "reading the death notices at lunch and feeling jealous of every one of them",
            "wish_dead",
            True,
        ),
        ("i'd swap places with anyone in that graveyard", "wish_dead", True),
        ("i'd swap places with anyone on that beach right now", "wish_dead", False),
        ("woke up again, was hoping for the permanent nap", "wish_dead", True),
        ("praying for eternal rest for my nan tonight", "wish_dead", False),
        (
            "every night i pray for a game over and it keeps loading the next level",
            "wish_dead",
            True,
        ),
        ("part of me wishes the bottle had finished the job back then", "wish_dead", True),
        ("i keep asking heaven to come and get me early", "wish_dead", True),
        ("i asked god to help me get through the interview", "wish_dead", False),
        ("in my prayers i keep begging to be called home", "wish_dead", True),
        ("my doubt that my absence would leave much of a gap in anyone's life", "passive", True),
        (
            "my absence at the meeting will be a relief to nobody, i had the figures",
            "passive",
            False,
        ),
        ("nobody'd notice for a week if i was gone", "passive", True),
        ("my wife would have an easier old age without the trouble of nursing me", "passive", True),
        (
            "if i could just vanish he could start again with someone who isn't broken",
            "passive",
            True,
        ),
        ("the team would run smoother without me, and not just the team", "passive", True),
        ("my parents could afford a holiday if i wasn't born, honestly", "passive", True),
        ("i'm taking up a seat someone better should be sitting in", "passive", True),
        ("seriously considering ragequitting life, not the meme version", "active", True),
        ("my uncle is about to quit life coaching and open a cafe", "active", False),
        ("i want out, and i don't mean out of the job", "active", True),
        ("i'd like to check out for good", "active", True),
        ("the ideation has a method now", "active", True),
        ("no ideation this week, just tired", "active", False),
        ("planning to act after my daughter's wedding", "active", True),
        ("planning to act in the school play next term", "active", False),
        ("on the 12th floor thinking this is a fall damage situation", "method", True),
        ("thinking about the train again, the 6:40 doesn't even slow down", "method", True),
        ("the train didn't even slow down at our station, missed my stop", "method", False),
        ("the motorway is right there and my steering has been suspicious lately", "method", True),
        ("i pictured stepping off in front of the express", "method", True),
        ("ideation with method: the car exhaust in the garage", "method", True),
        ("the mechanic said the exhaust needs replacing", "method", False),
        ("i'm going home to the lord this week, one way or another", "intent_and_plan", True),
        ("tomorrow is the day, i feel weirdly sure about it", "intent_and_plan", True),
        ("mom works late weds and dad's away. weds it is", "intent_and_plan", True),
        ("mum's away this weekend so friday it is for the party", "intent_and_plan", False),
        ("the lake house will be empty in march. that's the window", "intent_and_plan", True),
        ("if the results come back bad i won't wait for the appointment", "intent_and_plan", True),
        (
            "found a new home for my hamster. told people it's because of allergies",
            "preparation",
            True,
        ),
        ("she deserves someone who will be around", "preparation", True),
        ("updated the beneficiary on my pension and paid off the card", "preparation", True),
        ("changed the beneficiary on my pension now we're married", "preparation", False),
        ("tidied the flat and labelled what goes to who", "preparation", True),
        ("labelled what goes to who before the removal van came", "preparation", False),
        ("wrote the passwords on a sheet so he can get into everything after", "preparation", True),
        ("texted everyone i love something nice and it felt like signing off", "preparation", True),
        ("hugged mum at the airport and it felt like saying goodbye", "preparation", False),
        ("called grandad to hear his voice one more time", "preparation", True),
        (
            "visited grandma in the hospice to hear her voice one more time before she goes",
            "preparation",
            False,
        ),
        ("researching heights like i'm min-maxing a build", "preparation", True),
        ("researching heights of the peaks for our hiking trip", "preparation", False),
        ("walked to the multistorey again and went straight to the top level", "preparation", True),
        ("drove to the top level of the car park again, the rest was full", "preparation", False),
        ("i stand at the window on the 14th floor and measure the drop", "means", True),
        ("measured the drop for the new curtains", "means", False),
        ("walked to the quarry just to learn its height by heart", "means", True),
        (
            "visited the viaduct to see whether the railing was as low as i remembered",
            "means",
            True,
        ),
        ("the balcony railing is so low, we need to watch the toddler", "means", False),
        ("i take the long way home so i can stand on the overpass", "means", True),
        ("the railway bridge is my evening walk and i linger longer each time", "means", True),
        ("his old service revolver is in the loft, never told the police about it", "means", True),
        ("47 days clean from cutting and i broke it tonight", "self_harm", True),
        ("the cat scratch excuse is getting old. i don't even have a cat", "self_harm", True),
        ("scratched my arms raw again watching telly", "self_harm", True),
        ("held my hand on the hot radiator for as long as i could", "self_harm", True),
        ("back to old habits with the compass point", "self_harm", True),
        ("skin picking turned into deliberate cuts this week", "self_harm", True),
        ("i struck myself repeatedly after the argument", "self_harm", True),
        ("had the blade out on the sink for an hour just looking at it", "self_harm", True),
        (
            "made pancakes and laughed with the kids and it felt like the last good morning",
            "calm_after_deciding",
            True,
        ),
        ("it felt like the last good day of summer", "calm_after_deciding", False),
        ("lovely tea with the family, me last proper one probably", "calm_after_deciding", True),
        ("none of it matters after next week", "calm_after_deciding", True),
        ("i feel light, like a person who already said goodbye", "calm_after_deciding", True),
        ("already said goodbye to everyone at the leaving party", "calm_after_deciding", False),
        ("since deciding, jamal hasn't cried once", "calm_after_deciding", True),
        ("since deciding to stay in the job i've slept better", "calm_after_deciding", False),
        (
            "calmer than i've been since spring, which should scare me, but it doesn't",
            "calm_after_deciding",
            True,
        ),
        (
            "mood lift after what i can only call a resolution. not the healthy kind",
            "calm_after_deciding",
            True,
        ),
        (
            "everything is arranged now and my heart is quiet like never before",
            "calm_after_deciding",
            True,
        ),
        ("i'm so done and weirdly that's the most peaceful feeling", "calm_after_deciding", True),
        ("i'm so done with exams, most peaceful feeling ever", "calm_after_deciding", False),
        (
            "slept well for the first time in months. guess knowing helps",
            "calm_after_deciding",
            True,
        ),
        ("got things sorted, which is true in a way she can't know", "calm_after_deciding", True),
        ("grandma is smiling from heaven like she knows i'm coming", "calm_after_deciding", True),
        ("woke up in the icu and the first thing i felt was annoyed", "past_attempt", True),
        ("woke up in the icu after my bypass, grateful to the team", "past_attempt", False),
        ("last year i took many pills and woke up in hospital", "past_attempt", True),
        (
            "woke up in the ambulance after the narcan, mad they brought me back",
            "past_attempt",
            True,
        ),
        ("her body still remembers the stomach pump", "past_attempt", True),
        (
            "they stitched me up in a and e and sent me home like nothing happened",
            "past_attempt",
            True,
        ),
        ("the rope broke last time and i took it as a sign", "past_attempt", True),
        ("the rope broke last time we went climbing", "past_attempt", False),
        ("the bridge didn't take me the first time", "past_attempt", True),
        ("the doctor said i was lucky and i didn't feel lucky at all", "past_attempt", True),
        ("the time i tried to drive off the pier and the car stalled", "past_attempt", True),
        ("you tried once, in college, and the feeling is whispering again", "past_attempt", True),
        ("i tried once but the recipe was too hard, might try again", "past_attempt", False),
    ],
)
def test_a_rule_reads_its_category_only_where_it_applies(
    text: str, category: str, read: bool
) -> None:
    assert (category in _rule_categories_of(text)) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # "herself" is the writer only where the note says so
        ("my flatmate hasn't left her room and I'm scared she's hurting herself again", False),
        ("one of my friends told me she's been thinking about killing herself", False),
        ("she cut herself last night and hid it under her sleeve", True),
        ("She cut herself last night and hid it under her sleeve. That's me.", True),
        ("He keeps the rope in his rucksack, and I'm him", True),
        ("every time something goes wrong my brain goes straight to just kill yourself", True),
        # a past told from a good present is not read, unless the risk is back
        ("a year ago I was writing goodbye letters, tonight I'm planning a birthday party", False),
        ("back in high school I tried to kill myself, now I coach the under 12s", False),
        ("I used to want to die every day and I'm so glad I stayed", False),
        ("a year ago I tried to kill myself and now the thoughts are back", True),
        ("two years since my overdose and today I can't stop thinking about the pills", True),
        ("my attempt was three years ago today", True),
        ("in the past few weeks I have wanted to die, now I just sleep", True),
        ("since last year I have wanted to die, today I bought the pills", True),
        ("a year ago I wanted to die and today I know where the rope is", True),
        (
            "a year since they found me in the car with the engine running, I'm not sure I'm glad",
            True,
        ),
        ("when I was at uni I planned my suicide and I caught myself planning it today", True),
        ("I used to cut and lately I've been cutting again", True),
        ("It's five years since the overdose and tonight feels just like then.", True),
        # contractions read like the words they stand for ("i'm" as "i am")
        ("woke up sad because I'm still alive", True),
        ("if I'm dead nobody cares", True),
        ("so calm now that I've decided", True),
        ("I know it'll all be over soon", True),
        ("I thought I'd die laughing but I finished the race", False),
        ("mum's going to kill me when she sees the car", False),
    ],
)
def test_a_rule_reads_the_writers_own_risk_now(text: str, read: bool) -> None:
    assert _any_rule_reads(text) is read
