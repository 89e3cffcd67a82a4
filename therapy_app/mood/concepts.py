"""Concepts that words point to, for the learned reader: written for this project.

Two lines that share no word can share concepts: "the bridge is high enough" and
"my pills are saved up" both touch means and keeping. The model learns weights for
concepts and for pairs of concepts met in one sentence, so what it learns from one
kind of line carries over to others.
"""

from __future__ import annotations

CONCEPTS: dict[str, str] = {
    "death": """die dies died dying dead death deaths suicide suicidal kill killed killing unalive
        alive live living life lives exist existing existence funeral grave buried born breathe
        breathing wake waking woke forever nothing oblivion disappear disappeared vanish vanished
        gone afterlife heaven nonexistent ending end ended""",
    "means": """pill tablet meds medication medicine prescription paracetamol painkiller overdose
        dose blade razor knife rope belt noose gun shotgun pistol rifle cartridge bullet bridge
        roof rooftop balcony window tracks train railway crossing cliff ledge edge drop height
        high floor motorway traffic lorry truck reservoir river sea water drown jump jumping hang
        hanging poison exhaust garage bottle stash collection wrist wrists vein veins""",
    "harm": """hurt harm cut cutting burn burning scratch scratching carve carving hit hitting
        punch punched bruise bruises bleed bleeding bled blood scar scars punish punishment
        deserve deserved relapse relapsed urge urges pain sting lighter bang banged headbang pull
        pulled hair dug dig compass nails scald scalded scratched scratches sh clean""",
    "time": """tonight tomorrow soon weekend friday saturday sunday monday tuesday wednesday
        thursday date birthday christmas week month deadline countdown midnight morning""",
    "decision": """plan planned planning decided decide decision choice ready booked arranged
        sorted settled figured worked chosen picked""",
    "finality": """last final goodbye goodbyes farewell anymore never afterwards after leaving
        leave over done finished finally letter letters note notes will affairs order peace
        peaceful calm relief relieved free quiet chill""",
    "burden": """burden weight better easier off without miss notice care matter point worth
        reason useless worthless waste pointless hopeless tired exhausted trapped empty numb""",
    "keeping": """hid hidden hide hiding kept keep saved saving stashed secret drawer shoebox
        pencil sock checked counting timing enough promise eyeing waiting calling research
        researched researching googled searched""",
    "attempt": """tried try attempt attempted hospital stomach pumped survived ward icu
        sectioned overdosed od found ambulance survive attempts anniversary""",
    "giving": """gave give gives giving given away rehome rehomed rehoming donate donated handed
        returned returning envelope envelopes labelled keepsake inherit promised bequeath""",
    "arranging": """password passwords pin login logins bank accounts insurance pension beneficiary
        cremation testament paperwork documents debts overdraft cancel cancelled canceled
        unsubscribed deleted closed tidied cleared instructions list spare key keys""",
    "absence": """here around whoever behind remember""",
    "research": """googling google searching search looked reading forums forum
        videos reddit youtube lethal painless quickest fatal deep tall heights doses""",
    "self": """i i'm i've i'd i'll me my myself mine you you're your yourself""",
    "others": """everyone everybody family mum mom dad kids friends parents sister brother
        husband wife partner people them they world""",
    "joking": """lol lmao haha jk joking kidding literally basically coffee pizza laughing
        work film movie game exam phone battery""",
}

CONCEPT_OF_WORD: dict[str, str] = {
    word: concept for concept, words in CONCEPTS.items() for word in words.split()
}
