"""Risk of suicide or self-harm in journal words, by the categories clinicians screen for.

Organised after the ideas of the Columbia scale, in this project's own words: a wish
to be dead, passive and active thoughts, intent and timing, plans, preparation,
access to means, self-harm, the calm after deciding, and past attempts. Patterns
read text from ``normalise.normalise`` (lower case, shorthand spelled out), so
"im gonna kms tn" is read as "i'm going to kill myself tonight".
"""

from __future__ import annotations

# Small vocabularies shared by the categories below.
_WANT = r"(?:want(?:ed|s)?|wanting|wish(?:ed|es)?|need(?:ed|s)?|hope|hoping|would like|'d like|'d love|would love)"
_WILL = r"(?:going to|gonna|will|'ll|about to|ready to|planning to|plan to|decided to|have decided to|need to|have to|got to|should|might|might as well|could just|deserve to|want to)"
_METHOD_PLACE = r"(?:bridge|roof|rooftop|building|tower|train|tracks|railway|rail line|platform|bus|lorry|truck|cliff|cliffs|balcony|window|ledge|car park|parking garage|multi storey|overpass|motorway|highway|traffic|river|sea|lake|ocean|quarry|edge)"
_DRUGS = r"(?:tramadol|oxycodone|diazepam|valium|xanax|co\s+codamol|amitriptyline|zopiclone|quetiapine|propranolol|pills|tablets|meds|medication|medicine|paracetamol|tylenol|acetaminophen|ibuprofen|painkillers|sleeping pills|antidepressants|insulin|opioids|oxy|codeine|sertraline|lithium|prescriptions?)"
_BLADES = r"(?:blades?|razors?|razor blades?|knife|knives|box cutter|scissors|glass)"
_LIGATURE = r"(?:rope|belt|cord|noose|cable|scarf|ligature)"
# what is drunk to die where pills are not at hand (in much of the world, the commonest way)
_POISONS = r"(?:pesticide|weedkiller|weed\s+killer|poison|bleach|paraquat|rat\s+poison|antifreeze|insecticide|herbicide|slug\s+pellets)"
# a plan made with other people, or for an outing, is not a plan to die
_WITH_OTHERS = r"(?![^.]{0,60}\b(?:we|we're|we'll|us|our|meeting|meet|party|trip|match|game|dinner|lunch|wedding|birthday|parkrun|run|race|drinks|booked|tickets?)\b)"
# a stay away that ends ("while we're on holiday", "for the weekend", "until May")
_FOR_A_WHILE = r"[^.]{0,60}\b(?:holiday|vacation|while\s+(?:we|i)|weekend|until|till|back\s+(?:on|in|next)|for\s+(?:a|two|three|the)\s+(?:week|weeks|days|month|months)|for\s+now)\b"
_GUNS = r"(?:gun|guns|rifle|shotgun|shotty|shottie|pistol|handgun|revolver)"
_DO_IT = r"do\s+it(?!\s+all\s+(?:over\s+)?again)"  # not "do it all again tomorrow"
_PEOPLE = r"(?:everyone|everybody|they|people|the world|my family|family|my kids|the kids|my children|my parents|mum|mom|dad|my friends|friends|he|she|my partner|my wife|my husband|my boyfriend|my girlfriend|them|you|we|the team|this family|this house)"
_MEANS = r"(?:beam|rafters?|horn|pills|tablets|meds|medication|prescriptions?|paracetamol|painkillers|sleeping\s+pills|antidepressants|anti\s+depressants|blades?|razors?|rope|belt|noose|gun|guns|shotgun|pistol|rifle|bridge|roof|rooftop|balcony|window|tracks|train\s+line|railway|level\s+crossing|cliff|cliffs|motorway|multistorey|multi\s+storey|reservoir|drop|ledge|top\s+floor|car\s+park\s+roof|the\s+car\s+in\s+the\s+garage|gun\s+cabinet|handgun|revolver|glock|30\s+06|\d{2}\s+(?:calibre|caliber)|(?:12|20|twelve)\s+gauge)s?"
_DWELLING = r"(?:pull(?:s|ing)?\s+at\s+me|feel\s+(?:this|a|the)\s+pull|keep\s+going\s+out\s+there|stand\s+(?:out\s+)?there\s+(?:too\s+long|longer)|like\s+an\s+invitation|think(?:ing)?\s+about\s+(?:it|that|them|the\s+\w+)|keep\s+(?:thinking|looking|going\s+back|counting|checking|staring)|kept\s+(?:them|it|the)\s+for\s+a\s+reason|for\s+a\s+reason|high\s+enough|deep\s+enough|cold\s+enough|enough\s+to|it's\s+enough|know\s+the\s+spot|know\s+where|know\s+exactly|i\s+checked|i've\s+checked|eyeing|calling\s+me|calling|tempts?\s+me|tempting|waiting\s+for\s+me|like\s+a\s+promise|just\s+in\s+case|for\s+emergencies|more\s+than\s+i\s+should|every\s+night|a\s+lot\s+lately|and\s+i\s+know\s+why|you\s+know\s+why|one\s+reason|don't\s+move\s+it|didn't\s+put\s+it\s+back|never\s+locked|isn't\s+locked|not\s+locked|easy\s+to\s+get|nobody\s+checks|no\s+one\s+checks|no\s+fence|perfect|hidden|hid\s+(?:them|it)|stashed|the\s+others|with\s+the\s+others|stocked\s+up|collection|saved\s+(?:them|it|all)|haven't\s+thrown|didn't\s+throw)"
_NOT = r"(?:not|don't|do not|didn't|never|no longer|won't|wouldn't|stop|stopped)"

RISK_CATEGORIES: dict[str, tuple[str, ...]] = {
    "wish_dead": (
        r"\bbetter\s+(?:i\s+am|i'm|i\s+was|to\s+be|off)\s+dead\s+than\b",
        r"\b(?:disappointed|gutted|sorry|annoyed)\b[^.]{0,25}\b(?:i|you)\s+came\s+down\b(?!\s+(?:with|to|for|the\s+stairs|stairs|in|at|from\s+(?:the\s+)?(?:mountain|hill|attic|loft)))",
        r"\b(?:hop(?:e|ed|ing)|wish(?:ed|ing)?|pray(?:ed|ing)?)\b[^.]{0,25}\bmy\s+heart\s+(?:would\s+|will\s+|to\s+)?(?:gives?\s+(?:up|out)|stops?|quits?|packs?\s+in)\b(?!\s+(?:racing|pounding|hurting|aching|breaking|fluttering|skipping|beating\s+so))",
        r"\b(?:want(?:ed|ing)?|wish(?:ed|ing)?|hop(?:e|ed|ing))\s+(?:the\s+)?(?:dark|darkness|water|sea)\s+(?:to\s+|would\s+)?(?:just\s+)?(?:keep|take|swallow)\s+me\b(?!\s+(?:company|warm|cool|busy|going|afloat|up|safe|sane|calm|away|home))",
        r"\bfinish\s+(?:the\s+job|what\s+it\s+started)\b[^.]{0,40}\b(?:grand|good|fine|great|a\s+relief|welcome|okay|ok|better)\b",
        r"\b(?:annoy\w*|disappoint\w*|gutted|sorry|upset|let\s+down)\b[^.]{0,30}\bmy\s+heart\s+(?:kept\s+(?:going|beating)|is\s+still\s+beating|didn't\s+stop)\b",
        r"\b(?:lord|god|jesus|he|him)\s+(?:wanted\s+to\s+|would\s+|could\s+|can\s+|to\s+)?(?:call|calls|take|takes)\s+me\b[^.]{0,40}\b(?:tonight|now|soon|not\s+argue|wouldn't\s+argue|ready|welcome|happy|glad|answer)\b",
        r"\b(?:passed|died|dead|death|funeral)\b[^.]{0,60}(?:\.\s+[^.]{0,40})?\b(?:envy|envying|envied|jealous\s+of)\s+(?:her|him|them)\b(?!\s+(?:his|her|their|for)\b)",
        # hoping an illness or a test will end it
        r"\b(?:disappointed|gutted|a\s+bit\s+sad|part\s+of\s+me\s+was\s+(?:disappointed|sad|gutted))\b[^.]{0,60}\b(?:wasn't|isn't|didn't\s+find|not|no)\s+(?:something\s+|anything\s+)?(?:terminal|fatal|incurable|cancer)\b",
        r"\b(?:wish(?:ed)?|hop(?:e|ed|ing))\s+(?:it\s+(?:was|is|were)|it's|they\s+find|they\s+found|the\s+(?:scan|test|results?)\s+(?:shows?|showed|says?|said))\s+(?:something\s+)?(?:terminal|fatal|incurable)\b",
        r"\b(?:lump|scan|results?|tests?|bloods?|mri|mammogram|biopsy|heart|x\s+ray)\b[^.]{0,80}\b(?:benign|clear|clean|normal|fine|strong)\b[^.]{0,60}\b(?:disappointed|gutted|what\s+a\s+shame|cheated|let\s+down|was\s+hoping\s+(?:it\s+wasn't|for|it\s+was))\b",
        r"\bhop(?:e|ed|ing)\s+for\s+(?:cancer|a\s+tumou?r|something\s+terminal)\b|\bcheated\s+out\s+of\s+(?:an|my|the)\s+(?:exit|way\s+out|escape)\b",
        r"\bhop(?:e|ed|ing)\b[^.]{0,60}\b(?:don't|do\s+not|won't|never)\s+(?:come\s+round|come\s+around|come\s+to)\b",
        r"\b(?:hope|hoping|wish)\s+(?:i'm|i\s+am|i\s+won't\s+be)\s+(?:not\s+)?(?:alive|here|around)\s+(?:to|for|by|when|at)\b",
        r"\b(?:oh\s+no|unfortunately|sadly|damn|ugh)\b[^.]{0,10}\bstill\s+(?:here|alive|breathing)\b",
        r"\b(?:die|died|dying|dead|death|killed)\b[^.]{0,60}\bshould\s+have\s+been\s+(?:me|you)\b",
        r"\bwish(?:ed|es|ing)?\s+(?:my\s+)?(?:mom|mum|mother|parents|dad)\s+(?:had\s+)?never\s+(?:had|met)\b|\bwhy\s+(?:i|she|he)\s+was\s+ever\s+born\b|\bbeen\s+stillborn\b",
        r"\bdead\s+would\s+be\s+(?:better|easier|nice|kinder)\b|\b(?:stopped|switched\s+off|lost)\s+wanting\s+to\s+(?:live|be\s+alive|exist|wake\s+up)\b",
        r"\bwish(?:es|ed|ing)?\s+(?:i|you|she|he|they)(?:'d|\s+had|\s+would\s+have)?\s+never\s+(?:been\s+born|existed|woken\s+up|spawned|come\s+into)\b",
        r"\bwish(?:es|ed|ing)?\s+(?:i|you|she|he|they)\s+(?:was|were|could\s+be)\s+(?:dead|gone|never\s+born|nothing)\b",
        r"\b(?:to|of)\s+(?:just\s+)?(?:be|being)\s+(?:dead|gone|nothing)\b|\bbeing\s+dead\b",
        r"\b(?:disappointed|disappointment|angry|upset|furious|gutted|annoy\w*|irritat\w*|fed\s+up|let\s+down)\s+(?:to\s+(?:find|see|realise|realize)\s+)?(?:that\s+)?(?:(?:i|you|she|he)\s+woke\s+up(?:\s+at\s+all|\s+again)?|(?:i'm|you're|she's|he's|(?:i|you|she|he)\s+(?:am|are|is|was|were))\s+still\s+(?:here|alive|breathing|around))\b(?!\s+(?:late|early|at|in|on|waiting|stuck|with|after|before|working))",
        r"\b(?:wake|wakes|woke|waking)\s+up\b[^.]{0,60}\b(?:disappoint\w*|annoyed|gutted|let\s+down)\s+(?:that|because)\s+(?:i|you|she|he)\s+(?:did|do|does|have|has)\b",
        r"\bpray(?:s|ed|ing)?\s+(?:that\s+)?(?:i|you|she)\s+(?:won't|don't|will\s+not|wouldn't)\s+(?:be\s+here|wake|make\s+it)\b|\bthe\s+big\s+sleep\b",
        r"\blog\s+off\s+(?:from\s+)?(?:life|this\s+life|existence)\b|\bgame\s+end\b|\bnot\s+(?:be\s+)?a\s+person\s+anymore\b|\bfade\s+(?:out|away)\s+(?:and|forever|for\s+good|completely|permanently)\b",
        r"\bclose\s+my\s+eyes\s+and\b[^.]{0,20}\b(?:that's|thats|it's)\s+(?:the\s+end|it)\b|\bborrowed\s+time\b|\bexisting\s+(?:feels|is)\s+(?:like\s+)?(?:a\s+)?(?:punishment|torture|too\s+much)\b",
        r"\b(?:be|being|just\s+be)\s+gone\b[^.]{0,30}\b(?:feels|sounds|would\s+be)\s+(?:good|nice|peaceful|like\s+rest|like\s+relief)\b",
        r"\b" + _WANT + r"\s+(?:to\s+)?(?:just\s+)?(?:be\s+)?(?:dead|die|to die|dying)\b",
        r"\bwish(?:ed|es|ing)?\s+i(?:\s+was|\s+were|\s+could\s+be|\s+had\s+been|'d\s+been)\s+(?:dead|gone|never\s+born|not\s+born|not\s+alive|not\s+here)\b",
        r"\bwish(?:ed|es|ing)?\s+i\s+(?:could\s+|would\s+)?(?:just\s+)?(?:die|disappear|vanish|stop\s+existing|not\s+exist|cease\s+to\s+exist|not\s+wake\s+up|fall\s+asleep\s+forever|sleep\s+forever)\b(?!\s+(?:from|into|for|to|under|off|in)\b)",
        r"\bwish(?:ed|es|ing)?\s+i\s+(?:had\s+)?(?:never\s+(?:been\s+born|existed|woken\s+up)|wasn't\s+born|didn't\s+exist|hadn't\s+been\s+born|hadn't\s+woken\s+up)\b",
        r"\b(?:not|never)\s+(?:to\s+)?wake\s+up\b",
        r"\b(?:don't|didn't|won't|wouldn't|hope\s+i\s+don't|hope\s+i\s+never)\s+wake\s+up\b",
        r"\b(?:wake|woke|waking)\s+up\s+(?:disappointed|sad|upset|angry)\s+(?:that|because)\s+i(?:\s+was|\s+am|'m)\s+(?:still\s+)?(?:alive|here|breathing)\b",
        r"\bdisappointed\s+(?:to\s+)?(?:be|i'm|i\s+am|i\s+was)\s+(?:still\s+)?(?:alive|here|breathing)\b",
        r"\b(?:sleep|go\s+to\s+sleep|fall\s+asleep|close\s+my\s+eyes)\s+(?:and|then)\s+(?:never|not|just\s+not)\s+(?:wake|open)\b",
        r"\b(?:sleep|rest)\s+forever\b",
        r"\b(?:rather|better)\s+(?:just\s+)?(?:be\s+)?(?:dead|die|not\s+be\s+alive|not\s+exist|not\s+be\s+here|not\s+wake\s+up)\b",
        r"\b(?:want|wanted|wanna|wish|wishing|hope|would\s+like)\s+(?:it|everything|all\s+of\s+(?:it|this)|this|life|my\s+life|the\s+pain)\s+to\s+(?:all\s+)?(?:end|stop|be\s+over|just\s+stop)\s+(?:for\s+good|forever|permanently|for\s+ever)\b",
        r"\b(?:want|wanted|wanna|wish|wishing|hope|would\s+like)\s+(?:it|everything|life|my\s+life)\s+(?:all\s+)?to\s+(?:just\s+)?(?:end|be\s+over)\b(?!\s+(?:soon|quickly|already)\s+(?:so|and)\b)",
        r"\b(?:want|wanted|wanna|wish|need)\s+(?:it|everything)\s+(?:all\s+)?to\s+stop\s+(?:forever|for\s+good|permanently)\b",
        r"\b"
        + _WANT
        + r"\s+to\s+(?:not|never)\s+(?:exist|be\s+alive|be\s+here|wake\s+up|be\s+born)\b",
        r"\b(?:stop|stopped|cease|ceased)\s+(?:existing|to\s+exist|being\s+alive)\b",
        r"\b" + _NOT + r"\s+(?:want\s+to\s+|wanna\s+)?(?:exist|be\s+alive|be\s+here\s+anymore)\b",
        r"\b(?:don't|do\s+not|didn't|no\s+longer|not|never|doesn't)\s+(?:really\s+|even\s+)?(?:want|wanna|wish|care)\s+(?:to\s+)?(?:live|wake\s+up|go\s+on|be\s+alive|exist|be\s+here|carry\s+on|keep\s+going|continue|keep\s+living|breathe|see\s+tomorrow|make\s+it\s+through|survive)\b",
        r"\b(?:wish|wished|wishing)\s+i\s+(?:wasn't|weren't|was\s+not|were\s+not)\s+(?:alive|here|born|around)\b",
        r"\b(?:stop|quit)\s+(?:living|breathing|being\s+alive)\b",
        r"\b(?:death|dying|being\s+dead|the\s+afterlife)\s+(?:would\s+be|sounds|seems|feels|looks)\s+(?:so\s+|really\s+)?(?:like\s+)?(?:a\s+)?(?:relief|nice|peaceful|easier|better|welcome|good|great|the\s+answer|the\s+way\s+out|a\s+rest)\b",
        r"\b(?:welcome|long\s+for|longing\s+for|envy|envious\s+of)\s+(?:death|the\s+dead|people\s+who\s+die)\b",
        r"\b(?:jealous|envious)\s+of\s+(?:people|those|the\s+ones)\s+who\s+(?:die|died|are\s+dead)\b",
        r"\bcould\s+just\s+(?:die|not\s+wake\s+up|disappear\s+forever)\b",
        r"\b(?:let|make)\s+(?:me|it)\s+(?:just\s+)?(?:die|end|not\s+wake\s+up)\b",
        r"\bpray(?:ing|ed)?\s+(?:to|that)\s+(?:god\s+)?(?:to\s+)?(?:take\s+me|i\s+die|i\s+don't\s+wake|not\s+wake|let\s+me\s+die)\b",
        r"\b(?:take\s+me|end\s+me)\s+(?:now|already|please)\b",
        r"\b(?:feel|feels|felt|feeling)\s+like\s+(?:just\s+)?dying\b(?!\s+(?:of|from|after|with)\b)",
        r"\bat\s+least\s+(?:i'd|id|i\s+would|i'll|i\s+will)\s+be\s+(?:dead|gone\s+for\s+good)\b",
        r"\bheaven\s+(?:sounds|seems|looks)\s+(?:so\s+|really\s+)?(?:great|nice|good|better|peaceful)\s+"
        r"(?:right\s+now|these\s+days|lately|more\s+and\s+more|compared\s+to)\b",
        r"\b(?:pray|prayed|praying|ask|asked|asking|beg|begged|begging|hope|hoping)\b[^.]{0,40}\bnot\s+to\s+"
        r"(?:see|wake\s+(?:up\s+)?to|make\s+it\s+to|live\s+to\s+see)\s+(?:the\s+)?(?:morning|tomorrow|sunrise"
        r"|dawn|another\s+day|next\s+day)\b",
        # others' writing (the 36th-39th blind sets): wish dead
        r"\b(?:crash|accident|funeral|died|death|obituar\w*|cemetery|graves?|graveyard|hearse)\b[^.]{0,80}\blucky\s+(?:them|him|her|sods?|devils?|things?)\b(?!\s+(?:to|for|having|with|getting|walking|survived)\b)",
        r"\bdeath\s+notices\b[^.]{0,80}\b(?:jealous|envious|envy)\b|\b(?:swap|trade|change)\s+places\s+with\b[^.]{0,40}\b(?:cemetery|graveyard|grave|the\s+dead|corpse)\b",
        r"\b(?:hop\w*|wish\w*|pray\w*|begg?\w*|long\w*)\s+(?:for\s+)?(?:the\s+|a\s+)?(?:permanent|eternal|endless|forever)\s+(?:nap|sleep|snooze|rest|off\s+switch)\b(?![^.]{0,20}\bfor\s+(?:my|her|him|them|nan|gran|grandma|grandad|mum|dad)\b)",
        r"\b(?:pray\w*|hop\w*|wish\w*|waiting)\s+for\s+(?:a|the|my)\s+game\s+over\b",
        r"\b(?:bottle|drink|drugs|gear|pills|heroin|booze|overdose)(?:\s+had|\s+would\s+have|'d|\s+should\s+have|\s+could\s+have)\s+finished\s+(?:the\s+job|me\s+off)\b",
        r"\b(?:ask\w*|beg\w*|pray\w*|plead\w*)\b[^.]{0,25}\b(?:heaven|god|the\s+lord|jesus|the\s+angels)\s+to\s+(?:come\s+(?:and\s+)?)?(?:get|take|fetch|collect)\s+me\b",
        r"\b(?:begg?\w*|pray\w*|ask\w*|long\w*|wait\w*|hop\w*)\b[^.]{0,20}\bto\s+be\s+called\s+home\b",
        r"\bready\s+to\s+go\b(?!\s+(?:to|out|home|back|on|for|in|shopping)\b)[^.]{0,80}\b(?:i\s+do\s+now|i\s+get\s+it\s+now|so\s+am\s+i|i\s+am\s+too)\b",
        # the 40th-43rd blind sets: wish dead
        r"\bif\s+(?:a|an)\s+(?:meteor|asteroid|bus|truck|lorry|plane)\s+(?:hit|hits|fell\s+on|landed\s+on)\b[^.]{0,40}\b(?:thank\s+you|grateful|relieved|welcome\s+it|wouldn't\s+(?:mind|move|dodge))\b",
        r"\bwish\w*\s+(?:the\s+lord|god|jesus)\s+(?:had\s+)?(?:taken|took|would\s+take)\s+me\b(?!\s+(?:to|on|along|with\s+(?:them|us))\b)",
        r"\bwaiting\s+room\b[^.]{0,40}(?:\.\s+)?[^.]{0,30}\bmy\s+name\s+called\b",
        r"\b(?:hop\w*|wish\w*|pray\w*)\b[^.]{0,20}\b(?:the|my)\s+ticker\s+(?:just\s+)?(?:quits|stops|gives\s+(?:up|out)|packs\s+in)\b",
        r"\b(?:sad|disappointed|gutted|upset|annoyed)\s+(?:that\s+)?i\s+wake\s+up\s+(?:again|at\s+all)\b(?!\s+(?:at|early|late|with|for|in\s+the)\b)|\bthe\s+(?:ache|pain|disappointment|curse)\s+of\s+waking\s+(?:up\s+)?(?:at\s+all|again)\b",
        r"\bwho\s+signed\s+me\s+up\s+for\s+(?:life|existing|existence|being\s+alive)\b|\bthe\s+dead\s+are\s+(?:the\s+)?lucky\b",
    ),
    "passive": (
        r"\b(?:i'd\s+be|i\s+would\s+be|i'm\s+just|i\s+am\s+just)\s+one\s+less\s+burden\b|\bwithout\s+me\s+\.?\s*one\s+less\s+burden\b",
        r"\btaking\s+up\s+(?:a\s+|the\s+)?(?:space|room|air|oxygen|place)\b[^.]{0,30}\b(?:someone|somebody|people)\s+(?:else\s+)?(?:more\s+(?:useful|deserving|worthwhile|worthy)|better|who\s+(?:deserves?|matters?))\b",
        r"\b(?:stop|stopped|don't|not)\s+(?:wearing|putting\s+on)\s+(?:my|your|a|her|his)\s+seat\s*belt\b|\bfine\s+with\s+(?:a|the)\s+(?:car|bus|truck|lorry|train)\b",
        r"\bwould\s+be\s+\w+\s+without\s+(?:me|you)\b|\bwithout\s+people\s+like\s+me\b",
        r"\bhop\w*\b[^.]{0,30}\b(?:turbulence\s+gets\s+worse|lump\s+is\s+(?:something\s+bad|cancer|serious)|something\s+(?:they|the\s+doctors)\s+can't\s+fix|plane\s+(?:crashes|goes\s+down)|don't\s+recover|never\s+recover)\b",
        r"\bstep\w*\s+off\s+the\s+(?:kerb|curb|pavement)\b[^.]{0,30}\b(?:wrong|without\s+looking|moment)\b|\b(?:edge|platform|kerb|curb|road|traffic)\b[^.]{0,40}\bwhatever\s+happens\b",
        r"\bfade\w*\s+(?:out|away)\b[^.]{0,30}\b(?:for\s+good|forever|permanently)\b|\bshould\s+(?:just\s+)?not\s+be\s+(?:around|here|alive)\b",
        r"\bif\s+(?:a|an|the)\s+\w+\s+(?:fell\s+on|hit|crushed|landed\s+on)\s+me\b[^.]{0,30}\b(?:thank|relief|relieved|fine|good|finally)\b|\bwaiting\s+for\s+something\s+to\s+(?:take\s+me\s+out|happen\s+to\s+me|kill\s+me|end\s+me)\b",
        r"\b(?:want|wants|wanted)\s+(?:a|the)\s+(?:car|bus|truck|lorry|train)\s+to\s+(?:just\s+)?(?:not\s+stop|hit\s+me|hit\s+her|take\s+me)\b|\b(?:welcome|wouldn't\s+mind|would\s+be\s+glad\s+of)\s+an\s+accident\b",
        r"\bif\s+(?:this|the\s+bus|the\s+train|the\s+plane|it)\s+(?:crashes|crashed|went\s+down|goes\s+down)\b[^.]{0,30}\b(?:fine|relieved|relief|good|okay|so\s+be\s+it|whatever)\b",
        r"\b(?:don't|do\s+not|doesn't)\s+care\s+(?:whether|if)\s+(?:i'm|i\s+am|i\s+stay|i\s+wake)\s*(?:alive|here|around|up)?\b",
        r"\b(?:wasn't|weren't|was\s+not|were\s+not|not)\s+in\s+the\s+picture\b|\b(?:do|be|get\s+on)\s+better\s+without\s+(?:me|you|her|him)\b|\bget\s+a\s+break\s+if\s+(?:i|you)\s+(?:wasn't|weren't)\b",
        r"\b(?:lives|life)\s+would\s+(?:get|be)\s+(?:so\s+much\s+)?(?:easier|better|lighter)\b|\bif\s+i\s+got\s+(?:yeeted|hit|run\s+over|killed)\b",
        r"\b(?:don't|do\s+not|didn't|doesn't|no\s+longer)\s+(?:want|wanna)\s+(?:to\s+)?be\s+around\s+anymore\b|\bnot\s+be\s+around\s+anymore\b",
        r"\b(?:don't|dont|do\s+not|doesn't|no\s+longer|stopped|stop)\s+(?:really\s+)?car(?:e|ing)\s+(?:anymore\s+)?(?:what\s+happens\s+to\s+me|what\s+happens|if\s+i\s+(?:live|die|crash|get\s+hit|wake)|whether\s+(?:i|you|she|he)\s+(?:live|die|wake))\b",
        r"\b(?:wouldn't|would\s+not|won't)\s+(?:fight\s+it|even\s+be\s+upset|be\s+upset|be\s+sad|struggle)\s+(?:if|when)\b",
        r"\bsomething\s+(?:bad\s+)?(?:happens|happened|would\s+happen|to\s+happen)\s+to\s+me\b[^.]{0,60}\b(?:wouldn't|don't|relieved|relief|finally|hope|hoping|not\s+upset|fine)\b|\b(?:hope|hoping|wish|wishing|pray|praying)\b[^.]{0,30}\bsomething\s+(?:bad\s+)?(?:happens|happened|would\s+happen)\s+to\s+me\b",
        r"\b(?:relieved|relief|finally|free|easier|lighter|breathe\s+easier)\b[^.]{0,40}\bif\s+i\s+(?:vanished|disappeared|died|was\s+gone|were\s+gone|wasn't\s+(?:here|around)|weren't\s+(?:here|around)|got\s+hit|didn't\s+wake|was\s+dead|never\s+came\s+back)\b",
        r"\bif\s+i\s+(?:vanished|got\s+hit|was\s+hit|got\s+(?:really\s+)?sick\s+and\s+(?:didn't|never|died)|didn't\s+come\s+home|never\s+came\s+home|just\s+wasn't\s+here)\b",
        r"\b(?:hope|hoping|wish|wishing)\s+(?:i|that\s+i)\s+(?:get|got|catch)\s+(?:really\s+|so\s+|very\s+)?(?:sick|ill|hit|cancer|in\s+an\s+accident)\b",
        r"\bdead\s+weight\b|\bweight\s+(?:around|round)\s+(?:his|her|their|my\s+\w+'s)\s+neck\b",
        r"\b(?:better\s+off|happier|easier|free|freer|fine|relieved)\s+without\s+(?:me|you|her|him)\b",
        r"\b(?:cross|crossing|crossed)\s+(?:the\s+)?roads?\s+without\s+looking\b|\bdrive\s+(?:too\s+)?fast\b[^.]{0,30}\b(?:don't\s+care|hope|what\s+happens)\b",
        r"\bwhy\s+am\s+i\s+still\s+(?:alive|here|breathing|around)\b|\b(?:still\s+)?(?:alive|here)\s+for\s+no\s+reason\b",
        r"\bjust\s+be\s+nothing\b|\bstop\s+being\s+(?:a\s+person|anything|me)\b|\bout\s+of\s+existence\b",
        r"\b"
        + _PEOPLE
        + r"\s*(?:'d|would|will|'ll|might)?\s+(?:all\s+)?(?:be\s+)?(?:so\s+much\s+)?(?:better|happier|fine|okay|easier|lighter|freer|relieved)\s+(?:off\s+)?(?:without\s+me|if\s+i\s+(?:was|were|wasn't|weren't|died|disappeared|was\s+gone|were\s+gone|didn't\s+exist|wasn't\s+here|weren't\s+here))\b",
        r"\bbetter\s+off\s+(?:without\s+me|dead|gone|if\s+i\s+(?:was|were)\s+gone)\b",
        r"\bbetter\s+off\s+with\s+(?:the|my)\s+(?:life\s+)?insurance\b|\bbetter\s+off\s+with\b[^.]{0,40}\bthan\s+with\s+me\b",
        r"\b(?:better|happier|easier|fine|lighter)\b[^.]{0,40}\bwithout\s+me\b",
        r"\bwithout\s+me\b[^.]{0,40}\b(?:better|happier|easier|fine|lighter|relieved)\b",
        r"\b(?:i'm|i\s+am|i've\s+become|i\s+feel\s+like|feel\s+like|just|only|nothing\s+but)\s+(?:such\s+)?(?:a\s+)?(?:burden|waste\s+of\s+(?:space|air|oxygen|life))\b(?!\s+(?:asking|when\s+i\s+ask|while|on\s+(?:my|the)\s+(?:team|project)|in\s+the|at\s+work|at\s+school|for\s+\w+ing|with\s+the|to\s+(?:my|the)\s+team))(?![^.]{0,60}\b(?:said|says|doesn't\s+see|don't\s+see|happy\s+to|it's\s+fine|its\s+fine|had\s+fun)\b)",
        r"\bburden\s+(?:to|on|for)\s+(?:everyone|everybody|them|my|you|people|the)\b(?!\s+(?:team|class|project))(?![^.]{0,60}\b(?:said|says|doesn't\s+see|don't\s+see|happy\s+to|it's\s+fine|its\s+fine|while\s+i'm|job\s+hunting)\b)",
        r"\b(?:stop|stopped|quit|don't|do\s+not|no\s+longer|not\s+sure\s+i|has\s+stopped|have\s+stopped)\s+car(?:e|ing)\s+(?:if|whether|about\s+whether)\s+(?:i|she|he|you)(?:\s+live|\s+die|\s+wake|\s+make\s+it|\s+survive|\s+am\s+alive|'m\s+alive|\s+exist|\s+see\s+tomorrow|\s+get\s+hurt)\b|\b(?:stop|stopped|quit|don't|do\s+not|no\s+longer|has\s+stopped|have\s+stopped)\s+car(?:e|ing)\s+(?:if|whether)\s+(?:i'm|i\s+am|she's|he's|you're)\s+(?:still\s+)?(?:alive|here|around|breathing)\b",
        r"\b(?:don't|do\s+not|doesn't)\s+(?:care|matter)\s+(?:if|whether)\s+i\s+(?:live|die|wake|make\s+it|survive|exist)\b",
        r"\b(?:wouldn't|would\s+not|won't)\s+(?:mind|care)\s+(?:if\s+i|dying|not\s+waking|being\s+dead|being\s+hit|getting\s+hit|if\s+(?:a|the|something|someone))\b",
        r"\b(?:wouldn't|would\s+not|won't)\s+mind\b[^.]{0,40}\b(?:die|dying|dead|hit\s+me|run\s+me\s+over|kill(?:ed)?\s+me|never\s+wake|not\s+wake|gone)\b",
        r"\b(?:hope|hoping|wish|wishing|pray|praying)\b[^.]{0,40}\b(?:hits?\s+me|run\s+me\s+over|runs\s+me\s+over|kills?\s+me|takes?\s+me|crash(?:es)?|falls?\s+on\s+me|get\s+hit|gets\s+me|i\s+don't\s+make\s+it|i\s+die|i\s+get\s+sick\s+and\s+die)\b",
        r"\bif\s+(?:a|the)\s+(?:bus|car|truck|lorry|train|plane)\s+(?:hit|hits|ran\s+over|runs\s+over|crashed|crashes)\s+(?:me|into\s+me)\b",
        r"\b(?:no\s+one|nobody|not\s+one\s+person|none\s+of\s+them)\s+(?:\w+\s+){0,2}(?:would|will|'d|'ll)\s+(?:even\s+)?(?:miss|notice|care|cry|come\s+to\s+my\s+funeral)\b(?![^.]{0,40}\b(?:for\s+a\s+(?:week|day|bit|while|month)|on\s+holiday|vacation|lol|if\s+i\s+(?:left|quit|skipped))\b)",
        r"\bwho\s+would\s+(?:even\s+)?(?:miss|notice|care\s+if)\s+(?:me|i)\b",
        r"\bif\s+i(?:\s+was|\s+were|'m)\s+(?:dead|gone|not\s+here|not\s+around|to\s+die|to\s+disappear|no\s+longer\s+here)\b",
        r"\bif\s+i\s+(?:died|disappeared|didn't\s+exist|wasn't\s+here|weren't\s+here|wasn't\s+around|stopped\s+existing|never\s+woke\s+up|killed\s+myself)\b",
        r"\b(?:when|once|after|for\s+when|in\s+case|by\s+the\s+time)\s+i'?m\s+(?:dead|gone|not\s+here|not\s+around|no\s+longer\s+here|no\s+longer\s+around|not\s+alive)\b",
        r"\b(?:when|once|after|for\s+when|in\s+case)\s+i(?:\s+am|'m)\s+(?:dead|gone|not\s+here|not\s+around|no\s+longer\s+(?:here|around))\b",
        r"\b(?:won't|will\s+not|wouldn't|might\s+not|may\s+not|not\s+going\s+to|going\s+to\s+not)\s+be\s+(?:here|around|alive)\s+(?:much\s+)?(?:longer|anymore|for\s+long|next|tomorrow|to\s+see|by|when|after|soon|at\s+christmas|for\s+(?:christmas|her|his|my|the))\b",
        r"\b(?:won't|will\s+not)\s+(?:have\s+to\s+)?(?:be\s+a\s+(?:problem|burden)|deal\s+with\s+me|see\s+me\s+again)\b",
        r"\b(?:not|no)\s+(?:going\s+to\s+be|gonna\s+be)\s+(?:a\s+problem|a\s+burden|here|around)\s+(?:much\s+)?(?:longer|anymore|for\s+long)\b",
        r"\b(?:no|any|what's\s+the|what\s+is\s+the|don't\s+see\s+(?:the|any)|lost\s+(?:the|any|my))\s+(?:reason|point|purpose)\s+(?:to|in|of|for)\s+(?:live|living|go\s+on|going\s+on|being\s+alive|being\s+here|me\s+being\s+here|me|waking\s+up|trying(?!\s+to\s+(?!get\s+better|stay|live|keep|carry|go\s+on|feel|be\s+happy|survive|recover)\w)|carrying\s+on|keep\s+going|keeping\s+going|existing|life|staying)\b",
        r"\bnothing\s+(?:left\s+)?(?:to\s+live\s+for|worth\s+living\s+for|keeping\s+me\s+here|holding\s+me\s+here)\b",
        r"\b(?:not|isn't|is\s+not|wasn't|no\s+longer)\s+worth\s+(?:living|it\s+anymore|being\s+alive|going\s+on|the\s+effort\s+of\s+living)\b",
        r"\blife\s+(?:isn't|is\s+not|is\s+no\s+longer|wasn't|has\s+stopped\s+being)\s+worth\b",
        r"\b(?:tired|sick|exhausted|done)\s+(?:of|with)\s+(?:living|being\s+alive|life|existing|waking\s+up|being\s+me|breathing|this\s+life|my\s+life|it\s+all|everything)\b(?!\s+(?:being|at\s+work|in\s+this|this\s+(?:week|month)))",
        r"\b(?:can't|cannot|don't\s+think\s+i\s+can|not\s+sure\s+i\s+can|don't\s+know\s+how\s+to)\s+(?:keep\s+)?(?:living|go\s+on|going\s+on|keep\s+going|carry\s+on|do\s+this\s+anymore|take\s+(?:it|this|much\s+more)\s+anymore|live\s+like\s+this|be\s+alive|keep\s+existing|exist\s+like\s+this)\b",
        r"\b(?:can't|cannot)\s+(?:do|take)\s+(?:it|this|any\s+of\s+this)\s+anymore\b",
        r"\b(?:give|gave|giving|given)\s+up\s+on\s+(?:life|living|me|myself|everything|staying\s+alive|being\s+alive)\b",
        r"\b(?:i'm|i\s+am|i\s+feel|feel)\s+(?:so\s+)?(?:done|finished)\s+(?:with\s+(?:life|living|everything|it\s+all|being\s+alive|this\s+world)|here)\b",
        r"\bthe\s+world\s+(?:would\s+be|is)\s+(?:better|fine)\s+(?:off\s+)?without\s+me\b",
        r"\b(?:disappear|vanish)\s+(?:and\s+never\s+(?:come\s+back|be\s+found|return)|forever|for\s+good|for\s+ever|permanently|completely)\b",
        r"\b"
        + _WANT
        + r"\s+to\s+(?:just\s+)?(?:disappear|vanish|not\s+be\s+here|fade\s+away|be\s+gone)\b(?!\s+(?:into|for|under|to|from|on|off|at|in\s+the|with)\b)",
        r"\bno\s+(?:way|point|exit)\s+out\b|\bonly\s+(?:way|exit|escape)\s+(?:out|left|is)\b",
        r"\bdeath\s+(?:seems|is|feels|looks)\s+(?:like\s+)?(?:the\s+)?(?:only\s+)?(?:answer|option|way\s+out|solution|escape|exit)\b",
        r"\b(?:everyone|they|people)\s+(?:would\s+)?(?:move\s+on|forget\s+me)\s+(?:quickly|fast|soon)\s+(?:if|once|when)\s+i\b",
        r"\bmy\s+(?:own\s+)?(?:funeral|death|grave|obituary)\b",
        r"\b(?:picture|picturing|imagine|imagining|thinking\s+about|think\s+about)\s+(?:my\s+)?(?:own\s+)?(?:death|dying|funeral|not\s+being\s+here|not\s+existing|being\s+dead)\b",
        r"\bno\s+future\s+(?:for\s+me|in\s+me|i\s+can\s+see)\b|\bdon't\s+see\s+(?:a|any|myself\s+having\s+a)\s+future\b",
        r"\b(?:i|you)\s+(?:just\s+)?(?:want|wanted|wanna|need)\s+(?:everything|it|the\s+noise|my\s+brain|my\s+head|my\s+thoughts|the\s+pain)\s+to\s+(?:stop|go\s+quiet|be\s+quiet)\s+(?:forever|for\s+good|permanently|for\s+ever)\b",
        r"\b(?:pain|hurting|suffering)\s+to\s+(?:stop|end)\s+(?:for\s+good|permanently|forever|for\s+ever)\b",
        # others' writing (the 36th-39th blind sets): passive
        r"\bmy\s+(?:absence|removal(?:\s+from\s+the\s+picture)?|disappearance|being\s+gone|not\s+being\s+(?:here|around))\b(?!\s+(?:at|from|during|in|on)\b)[^.]{0,40}\b(?:benefit|relief|resolve|solve|fix|improve|easier|better|gap|notice|help)\w*(?![^.]{0,60}\b(?:holiday|annual\s+leave|sick\s+leave|maternity|paternity|trip|meeting|shift|conference|class|lesson|practice)\b)",
        r"\b(?:nobody|no\s+one)(?:'d|\s+would|\s+will|'ll)\s+(?:notice|find\s+me|realise|realize)\s+(?:for|till|until)\s+(?:a|days|weeks|ages|two|three)\b",
        r"\bwithout\s+(?:the\s+)?(?:trouble|burden|bother|cost|weight|strain|hassle)\s+of\s+(?:nursing|looking\s+after|caring\s+for|carrying|supporting|dealing\s+with)\s+me\b",
        r"\b(?:vanish\w*|disappear\w*|wasn't\s+here|weren't\s+here|was\s+gone|were\s+gone)\b[^.]{0,30}\b(?:he|she|they|everyone|my\s+\w+)\s+could\s+(?:start\s+(?:again|over|afresh)|finally\s+(?:rest|live|be\s+happy|breathe)|move\s+on)\b",
        r"\b(?:took|take|takes)\s+me\s+away\b[^.]{0,40}\bcould\s+finally\s+(?:rest|sleep|breathe|live)\b",
        r"\b(?:smoother|better|easier|happier)\s+without\s+(?:me|my\s+\w+)\b[^.]{0,30}\bnot\s+just\s+(?:the|at|in)\b|\bbetter\s+without\s+my\s+(?:shadow|presence|weight|face|noise)\b",
        r"\b(?:better|easier|happier|afford|richer)\b[^.]{0,40}\bif\s+i\s+(?:wasn't|weren't|was\s+never|had\s+never\s+been)\s+(?:born|alive|around|here)\b",
        r"\btaking\s+up\s+(?:a\s+|the\s+)?(?:space|room|air|oxygen|seat|pew|place|spot)\b[^.]{0,15}\bsomeone\s+better\b",
        # the 40th-43rd blind sets: passive
        r"\b(?:baby|kids?|children|son|daughter)\s+(?:won't|will\s+not|wouldn't)\s+(?:even\s+)?remember\s+me\b(?!\s+(?:as|for|being|fondly|at|when)\b)(?![^.]{0,30}\b(?:away|gone\s+for|trip|weekend|working|at\s+work|holiday)\b)",
        r"\b(?:not|won't|wouldn't)\s+(?:even\s+)?(?:feel|notice)\s+my\s+absence\b(?!\s+(?:at|from|during|in|on)\b)",
        r"\bbetter\s+(?:off\s+)?with\s+the\s+(?:insurance|life\s+insurance|payout|pension)\s+than\s+with\s+me\b",
        r"\b(?:wouldn't|won't|would\s+not|will\s+not)\s+(?:really\s+)?miss\s+(?:the\s+old\s+(?:man|woman|girl|boy|fool))\b",
    ),
    "active": (
        r"\bstep(?:ping|ped)?\s+in\s+front\s+of\b|\bwhich\s+one\s+(?:i'd|you'd|i\s+would|you\s+would)\s+(?:step|jump)\b|\b(?:railing|ledge|edge)\s+in\s+my\s+head\b",
        r"\b(?:taking|take|swallowing|swallow)\s+the\s+(?:full|whole|entire)\s+(?:box|bottle|packet|lot|strip)\b|\b(?:swerv|steer)\w*\s+(?:(?:the|my)\s+(?:rig|truck|car|van|lorry|wheel)\s+)?into\s+(?:the\s+)?(?:lorries|lorry|trucks?|traffic|oncoming|a\s+tree|a\s+wall|the\s+barrier|other\s+lane|cars)\b",
        r"\b(?:look|looking|stare|staring)\s+at\s+the\s+(?:tracks|drop|edge|water|river|traffic|pills|rope|blade)\s+(?:a\s+bit\s+)?too\s+long\b|\b(?:rope|pills|bridge|tracks|death|dying|jumping|belt|blade|razor|lorry|lorries|truck|trucks|semis|bus|buses|train|trains|traffic|river|sea|drop|edge|roof|balcony|cliff|"
        + _GUNS
        + r")\b[^.]{0,50}(?:\.\s+like)?\s*\b(?:the|an?)\s+(?:answer|only\s+option|way\s+out|solution|escape|exit)\b(?!\s+(?:to|for|of)\s+(?:the|a|an|this|that|here|my|our|your|all|every|it|how|why|what|which)\b)",
        r"\b(?:drive|driving|drove|crash|crashing)\s+into\s+a\s+(?:tree|wall|lamppost|barrier|lorry|truck)\b|\b(?:pills|bridge|rope|gun|blade|tracks|train)\s*\.?\s*(?:pills|bridge|rope|gun|blade|tracks|train)\s*\.?\s*(?:pills|bridge|rope|gun|blade|tracks|train)\b",
        r"\bend(?:ing)?\s+it\b[^.]{0,30}\b(?:on\s+my\s+mind|constantly|all\s+the\s+time|again|every\s+day)\b|\b(?:want|wants|wanted|wanna|need|needs)\s+to\s+end\s+it\b(?!\s+with)|\bkill\s+ourselves\b",
        r"\byeet(?:ing|ed)?\s+myself\b|\brope\s+thoughts\b",
        r"\b(?:think|thinks|thinking|thought|picture|pictures|picturing|imagine|imagining|dream|dreaming)\s+(?:about|abt|of)?\s*(?:just\s+|myself\s+)?(?:stepping|jumping|going\s+over|walking\s+into|turning\s+(?:the\s+wheel|it|into)|driving\s+(?:off(?!\s+(?:to|for|somewhere|into\s+the\s+sunset)\b)|into(?!\s+(?:town|work|london|the\s+(?:city|town|centre|center|village|office|car\s+park|countryside|hills))\b))|crashing|swallowing|drowning|hanging|cutting|yeeting|overdosing|throwing\s+myself|falling\s+(?:off|from)|letting\s+go|stepping\s+off|stepping\s+forward|step\s+forward|leaning\s+(?:over|forward))\b",
        r"\b(?:think|thinks|thinking|thought)\s+(?:about|abt|of)\s+(?:the|a|my|your|that)\s+(?:rope|noose|pills|gun|tracks|blade|razor|wrists?|drop|ledge)\b",
        r"\b(?:swallow|take|taking|eat|eating|down)\s+(?:everything|all\s+of\s+(?:it|them)|them\s+all|the\s+lot|the\s+whole\s+(?:bottle|box|packet|pill\s+bottle|lot))\b",
        r"\b(?:turn|turning|swerve|swerving|jerk|yank|steer|steering)\s+(?:the\s+)?(?:wheel|car|it)\s+(?:into|in\s+front\s+of)\b(?!\s+(?:the\s+|a\s+|my\s+)?(?:parking|garage|drive|driveway|space|spot|bay|car\s+park|skid|bend|corner|turn))|\b(?:swerve|swerving|jerk|yank|steer|steering)\s+(?:the\s+)?(?:wheel|car)\s+off\b|\bcrash\w*\s+(?:the|my)\s+car\s+on\s+purpose\b",
        r"\b(?:going|go|went|climb|climbing)\s+over\s+(?:the\s+)?(?:edge|railing|railings|side|balcony|ledge|barrier)\b",
        r"\b(?:walk|walking|wade|wading)\s+into\s+(?:the\s+)?(?:water|sea|river|lake)\b[^.]{0,30}\bover\s+(?:my|your|her|his)\s+head\b",
        r"\b(?:jump|jumping|jumped)\s+of\s+(?:the|a)\s+(?:bridge|roof|building|cliff|balcony|ledge)\b",
        r"\b(?:kill(?:ing|ed|s)?|hang(?:ing|ed)?|shoot(?:ing)?|shot|drown(?:ing|ed)?|poison(?:ing|ed)?|suffocat(?:e|ing|ed)|strangl(?:e|ing|ed)|starv(?:e|ing)\s+to\s+death|off(?:ing)?|top(?:ping)?|neck(?:ing)?|end(?:ing)?)\s+(?:my\s*self|myself|yourself)\b(?!\s+(?:with\s+(?:work|laughter|exercise|studying|cleaning|training))\b)",
        r"\bsuicid(?:e|al|ality)\b",
        r"\b(?:end(?:ing|ed|s)?|take|taking|took)\s+(?:my|her|his|their|your)\s+(?:own\s+)?life\b",
        r"\bend(?:ing)?\s+(?:it|it\s+all|everything|things|my\s+story|the\s+story|this|my\s+suffering|my\s+pain|the\s+pain)\b(?!\s+(?:with|for\s+(?!good|ever)|between|at|on\s+a)\b)(?=[^.]{0,40}\b(?:for\s+good|forever|tonight|tomorrow|soon|today|this\s+weekend|myself|on\s+my\s+own\s+terms|once\s+and\s+for\s+all|finally|permanently|properly|plan|way|how|pills|bridge|rope)\b|\s*\.|\s*$)",
        r"\b(?:think|thinking|thought|thoughts|fantasi[sz]e|fantasi[sz]ing|dream|dreaming|obsess(?:ed|ing)?)\s+(?:about|of)\s+(?:dying|death|ending\s+it|killing\s+myself|suicide|not\s+being\s+alive|jumping|overdosing|hanging|cutting|ending\s+my\s+life|taking\s+my\s+life|how\s+i\s+would\s+die|how\s+to\s+die|how\s+i'd\s+do\s+it)\b",
        r"\b(?:thoughts|ideas|urges|voices|intrusive\s+thoughts)\s+(?:of|about|telling\s+me\s+to)\s+(?:death|dying|ending|killing|kill\s+myself|hurting\s+myself|jump)\b",
        r"\b"
        + _WILL
        + r"\s+(?:just\s+)?(?:die|end\s+it|end\s+it\s+all|not\s+be\s+here|kill\s+myself|end\s+my\s+life|go\s+through\s+with\s+it|stop\s+breathing)\b",
        r"\b(?:how|ways?|best\s+way|quickest\s+way|easiest\s+way|painless\s+way|methods?)\s+to\s+(?:die|kill\s+myself|end\s+it|end\s+my\s+life|commit|do\s+it\s+painlessly|not\s+wake\s+up|overdose)\b",
        r"\b(?:deserve|deserved)\s+to\s+(?:die|be\s+dead|suffer\s+and\s+die|not\s+exist|not\s+be\s+alive)\b",
        r"\bshould\s+(?:just\s+)?(?:die|be\s+dead|not\s+exist|not\s+be\s+alive|not\s+be\s+here)\b",
        r"\b(?:die|dying)\s+by\s+(?:my\s+own\s+hand|suicide)\b",
        r"\b(?:i|you|she|he)\s+(?:could|can)\s+(?:just\s+)?(?:end|finish)\s+(?:it|everything|this)\s+(?:all\s+)?(?:now|right\s+now|so\s+easily|tonight|here)\b",
        r"\bfinish\s+(?:it|myself|me)\s+off\b",
        r"\b(?:thinking|think|thought)\s+(?:about|of)\s+(?:it|ending\s+things|doing\s+it)\s+(?:again|a\s+lot|constantly|all\s+the\s+time|every\s+day|every\s+night)\b(?=[^.]{0,80}\b(?:die|dead|death|end|gone|life|alive|pills|jump|bridge)\b)",
        r"\bkill\s+myself\b|\b(?:want|need|wish|hope|wishing|hoping)\s+(?:someone|something|somebody|god|the\s+universe)\s+(?:to|would|could)\s+(?:just\s+)?kill\s+me\b",
        r"\b(?:drive|driving|drove|crash|crashing|crashed|steer|steering|swerve|swerving|wrap|wrapping)\s+(?:my|the|our|mum's|dad's)\s+car\s+(?:off|into|around)\s+(?:a|the|an|some)\s+(?:\w+\s+)?(?:tree|wall|river|lake|bridge|cliff|barrier|pillar|lorry|truck|oncoming|ditch|sea|embankment|post|lamppost|motorway)\b",
        r"\b(?:hang|hanged|hung|tie|tied|tying|knot|knotted)\s+(?:a|the|my)\s+(?:belt|rope|cord|scarf|sheet|cable)\s+(?:in|on|from|over|around|to|onto)\b",
        r"\bstop\s+myself\s+(?:from\s+)?(?:cutting|hurting|harming|jumping|doing\s+it|taking|killing)\b",
        # others' writing (the 36th-39th blind sets): active
        r"\b(?:quit|quitting|exit\w*|rage\s*quit\w*|ragequit\w*|uninstall\w*)\s+(?:life|irl|real\s+life|this\s+life|existence|the\s+game\s+of\s+life)\b(?!\s+(?:coach\w*|admin|insurance|drawing|class|story|lessons?|support|skills?|hacks?|goals?|style|changes?|behind|for\s+a)\b)",
        r"\bwant\s+out\b[^.]{0,40}\b(?:don't|do\s+not|not)\s+mean\s+(?:out\s+of\s+)?(?:the|this|my)\b|\b(?:check|checking|checked|clock|clocking)\s+out\s+(?:for\s+good|permanently|of\s+life)\b",
        r"\b(?:ideation|intent\s+(?:is\s+)?(?:present|strong|growing|firm))\b(?<!no\sideation)(?<!zero\sideation)(?<!without\sideation)",
        r"\b(?:planning|plan|intend\w*|decided)\s+to\s+act\b(?!\s+(?:in|on\s+stage|like|as|out|up|normal\w*|natural\w*|surprised|quickly|fast|professionally|locally|together|on\s+(?:climate|the\s+advice|behalf))\b)",
    ),
    "method": (
        r"\b(?:i|i'm|i'd|i'll|i've)\s+(?:\w+\s+){0,3}(?:drink|drinking|drank|drunk|swallow|swallowing|swallowed)\s+(?:the\s+|some\s+|a\s+bottle\s+of\s+|a\s+cup\s+of\s+)?"
        + _POISONS
        + r"\b",
        r"\bmak(?:e|ing)\s+it\s+look\s+like\s+an\s+accident\b",
        r"\b(?:thought|thinking|think|thoughts)\s+(?:about|of)\s+(?:just\s+)?(?:steering|driving|swerving|veering|turning\s+the\s+wheel)\s+(?:off|into|over)\s+(?:the\s+|a\s+|an\s+|that\s+)?(?:oncoming\s+)?(?:road|pass|edge|cliff|bridge|hairpin|bend|motorway|tree|wall|lorry|truck|traffic|river|sea|barrier|embankment|quarry)\b",
        r"\b(?:jump|jumping|jumped|leap|leaping|leapt|throw\s+myself|throwing\s+myself|threw\s+myself|fall|falling)\s+(?:off|from|in\s+front\s+of|into|onto|under|down|out\s+of|over)\s+(?:of\s+)?(?:a|the|my|that|some|an|our|this)?\s*(?:\w+\s+)?"
        + _METHOD_PLACE
        + r"\b",
        r"\b(?:step|stepping|stepped|walk|walking|walked|lie|lying|lay|drive|driving|drove|swerve|swerving|crash|crashing|steer|steering|run|running)\s+(?:off|in\s+front\s+of|into|onto|under)\s+(?:a|the|my|that|some|an|our|this)?\s*(?:\w+\s+)?(?:train|tracks|bus|lorry|truck|traffic|oncoming\s+\w+|ledge|edge|roof|cliff|cliffs|bridge|balcony|motorway|river|sea|lake|reservoir|platform)\b",
        r"\bthrow(?:ing)?\s+myself\s+(?:off|in\s+front\s+of|under|into|out\s+of|down)\b",
        r"\b(?:overdos(?:e|es|ed|ing)|od\s+on)\b(?!\s+on\s+(?:sugar|caffeine|coffee|chocolate|netflix|tv|love|cuteness|carbs|candy|sweets|memes|tiktok))",
        r"\b(?:take|took|taking|swallow|swallowed|swallowing|down|downed|downing|neck|necked)\s+(?:all|every\s+one|the\s+whole|a\s+whole|a\s+bottle|a\s+handful|a\s+packet|a\s+box|the\s+rest|enough|a\s+lot|loads|handfuls|too\s+many|\d+|twenty|thirty|fifty|forty|a\s+hundred)\s+(?:of\s+)?(?:my\s+|the\s+|those\s+|her\s+|his\s+|mum's\s+|mom's\s+|dad's\s+)?(?:\w+\s+)?"
        + _DRUGS
        + r"\b",
        r"\b(?:take|took|taking|swallow|swallowed)\s+(?:all|every\s+one\s+of)\s+(?:my|the|those)\s+"
        + _DRUGS
        + r"\b",
        r"\b(?:hang|hanging|hanged|hung)\s+(?:myself|yourself)\b",
        # standing on the line until it is over
        r"\b(?:tracks|railway|rails|train\s+line|freight\s+trains?|motorway|dual\s+carriageway)\b[^.]{0,120}\b(?:stand|standing|lie|lying|lay|wait|waiting)\s+(?:there|on\s+(?:them|it|the\s+\w+))\s+(?:until|till)\s+(?:it's|it\s+is)\s+over\b"
        r"|\b(?:stand|standing|lie|lying|lay|wait|waiting)\s+on\s+the\s+(?:tracks|rails|railway|train\s+line|motorway)\s+(?:until|till)\s+(?:it's|it\s+is)\s+over\b",
        r"\bnoose\b",
        r"\b(?:slit|slitting|cut|cutting|slice|slicing|open|opening)\s+(?:my|your|her|his)\s+(?:wrists?|throat|veins)\b",
        r"\b(?:drown|drowning)\s+myself\b|\b(?:walk|walking|swim|swimming|wade|wading)\s+(?:into|out\s+into|out\s+to|out\s+until)\s+(?:the\s+)?(?:sea|ocean|river|lake|water|waves)\b(?=[^.]{0,60}\b(?:never|not\s+come|don't\s+come|stop|end|gone|forever|tired|sink)\b)",
        r"\b(?:gun|pistol|revolver|rifle|shotgun)\s+(?:to|in|against)\s+(?:my|her|his)\s+(?:head|mouth|temple|chin|chest)\b",
        r"\b(?:shoot|shooting|blow|blowing)\s+(?:myself|my\s+brains\s+out|my\s+head\s+off)\b",
        r"\b(?:carbon\s+monoxide|exhaust\s+(?:pipe|fumes)|hose\s+(?:from|to|into)\s+the\s+exhaust|charcoal\s+in\s+the)\b",
        r"\b(?:run|running|ran|leave|leaving|left|keep|keeping)\s+the\s+(?:engine|car|motor)\s+(?:running\s+|on\s+)?(?:with|in)\s+the\s+(?:garage\s+)?(?:door|doors)\s+(?:shut|closed|down)\b",
        r"\b(?:car|bus|train|truck|lorry|tram)\s+(?:would|could|will|might)\s+(?:just\s+)?(?:hit|take|run\s+over|end)\s+me\b",
        r"\b(?:let|letting)\s+(?:a|the)\s+(?:car|bus|train|truck|lorry)\s+(?:hit|take)\s+me\b",
        r"\b(?:lethal|fatal|deadly|toxic|overdose)\s+(?:dose|doses|amount|quantity|dosage|level)\b",
        r"\bhow\s+(?:many|much)\s+(?:of\s+)?(?:my\s+|the\s+|these\s+)?(?:\w+\s+)?"
        + _DRUGS
        + r"\b[^.]{0,40}\b(?:kill|die|fatal|lethal|enough|to\s+die|it\s+takes|would\s+take|would\s+it)\b",
        r"\bhow\s+(?:high|far|tall)\s+(?:a|the|you|i)\b[^.]{0,40}\b(?:fall|jump|drop|survive|die|kill)\b",
        r"\b(?:survive|survivable)\s+(?:a|the|that)\s+(?:fall|jump|drop)\b",
        r"\b(?:stand|stood|standing|sit|sat|sitting|lean|leaned|leaning|climb|climbed|climbing)\s+(?:on|over|onto|at|by)\s+(?:the|a|that)\s+(?:edge|ledge|railing|railings|parapet|barrier|side)\s+(?:of\s+(?:the|a)\s+"
        + _METHOD_PLACE
        + r"\s+)?(?:for|and|again|thinking|wondering|looking|tonight|last)\b",
        r"\b(?:bleed|bleeding|bled)\s+out\b|\buntil\s+(?:they|it|i|the\s+\w+)\s+(?:bled|bleed)\b",
        r"\b(?:gas|gassing)\s+myself\b|\bstarv(?:e|ing)\s+myself\s+to\s+death\b",
        # others' writing (the 36th-39th blind sets): method
        r"\b(?:floor|roof|ledge|balcony|bridge|edge|window|height|drop)\b[^.]{0,60}\bfall\s+damage\b",
        r"\btrain\b[^.]{0,60}\b(?:doesn't|does\s+not|don't|won't|never)\s+(?:even\s+)?slow\s+down\b",
        r"\b(?:motorway|highway|lorry|truck|traffic|oncoming|barrier|wall|tree)\b[^.]{0,60}\bsteering\b[^.]{0,30}\b(?:suspicious|tempt\w*|twitch\w*|drift\w*|ideas)\b",
        r"\btrain\s+(?:timetable|times|schedule)\b[^.]{0,60}\b(?:if\s+you\s+know\s+you\s+know|and\s+not\s+to\s+catch|not\s+for\s+travel)\b",
        r"\b(?:pictur\w*|imagin\w*|thinking\s+about|thought\s+about|fantasi\w*|visuali\w*)\s+(?:myself\s+)?(?:stepping|stepped|step|walking|falling|leaning|jumping|toppling)\s+(?:off|out|forward|in)\b[^.]{0,30}\b(?:train|express|bus|lorry|truck|traffic|edge|platform|tracks)\b",
        r"\bhose\b[^.]{0,20}\bexhaust\b|\bexhaust\b[^.]{0,20}\bhose\b|\b(?:ideation|method|thinking|thought|imagin\w*)\b[^.]{0,30}\bexhaust\b",
        r"\b(?:assess\w*|eye\w*|sizing\s+up|size\s+up|look\w*\s+at)\b[^.]{0,40}\b(?:bridge|roof|tower|block|building|railway|tracks|motorway)\b[^.]{0,40}\bas\s+a\s+(?:means|method|way\s+out|location|place\s+to)\b|\bas\s+a\s+specific\s+location\b",
        # the 40th-43rd blind sets: method
        r"\b(?:bridge|footbridge|railing|barrier|parapet|edge|balcony|ledge)\b[^.]{0,60}\b(?:consider\w*|thought\s+about|think\w*\s+about|imagin\w*)\s+climbing\s+over\b",
        r"\bengine\s+running\b[^.]{0,30}(?:\.\s+)?[^.]{0,10}\b(?:door|doors|garage)\s+(?:shut|closed)\b(?![^.]{0,30}\b(?:by\s+mistake|accident\w*|forgot|warm|defrost)\b)|\bgarage\b[^.]{0,20}\bengine\s+running\b[^.]{0,20}\bdoor\s+(?:shut|closed)\b",
        r"\bimagin\w*\s+the\s+(?:drop|fall)\s+from\b(?![^.]{0,40}\b(?:rollercoaster|roller\s+coaster|ride|zip\s*line|bungee|skydiv\w*|plane)\b)",
        r"\b(?:i\s+|of\s+|about\s+)(?:drink\w*|drank|swallow\w*)\s+(?:the\s+|that\s+|some\s+)?sniper\b",
    ),
    "intent_and_plan": (
        r"\b(?:make|made|making)\s+it\s+look\s+like\s+(?:an?\s+)?(?:\w+\s+)?accident\b[^.]{0,60}\b(?:insurance|pays?\s+out|policy|so\s+(?:they|she|he|the\s+kids|my\s+family))\b",
        r"\bplan(?:'s|\s+is)\s+(?:finished|done|set|ready|sorted|made)\b[^.]{0,60}\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|bridge|roof|tracks|cliff|pills|rope)\b"
        + _WITH_OTHERS,
        r"\bwon't\s+(?:need|have)\s+to\s+(?:worry\s+about|pay|deal\s+with)\s+(?:the\s+)?(?:rent|bills|mortgage|council\s+tax|debts?)\s+(?:next\s+month|anymore|after\s+this|much\s+longer)\b(?![^.]{0,40}\b(?:because|since|as|now\s+that|thanks|got|paid|raise|bonus|landlord|moving|move|grant|loan|benefits)\b)",
        r"\b(?:hears?|finds?\s+out)\s+(?:it\s+)?from\s+the\s+police\b[^.]{0,40}\b(?:walk\s+in\s+on\s+me|find\s+me|finds\s+me|see\s+me)\b",
        r"\bplann?ed\s+(?:it|everything|the\s+whole\s+thing)\s+(?:all\s+)?(?:out\s+)?(?:for\s+(?:when|after|the\s+(?:weekend|night|day)\s+(?:after|when)|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|down\s+to)\b",
        r"\b(?:all|everything)\s+plann?ed\s+out\b|\bhave\s+everything\s+plann?ed\b(?!\s+for\s+the\s+(?:wedding|party|trip|holiday|weekend\s+away))|\bplann?ed\b[^.]{0,30}\bdown\s+to\s+the\s+(?:minute|hour|detail)\b|\bworked\s+out\s+to\s+the\s+(?:hour|minute)\b",
        r"\bthe\s+date\b[^.]{0,20}\bthe\s+(?:place|spot)\b|\bthe\s+(?:pills|rope|stuff|means)\s+and\s+the\s+(?:date|place|spot)\b|\b(?:cliffs?|bridge|tracks|pills|rope|roof|garage)\b[^.]{0,20}\b(?:that's|thats)\s+the\s+plan\b",
        r"\bplann?ed\s+(?:your|my|her|his)\s+(?:own\s+)?death\b|\brehears\w*\s+the\s+plan\b|\bknows?\s+the\s+date\s+now\b|\bpicked\s+the\s+(?:bridge|cliff|spot|place|night|building|roof)\b|\b(?:it'll|it\s+will)\s+be\s+the\s+car\b",
        r"\b(?:friday|saturday|sunday|tonight|tomorrow|then|after\s+that|once)\b[^.]{0,30}\b(?:that's|thats)\s+it\s+for\s+me\b",
        r"\b(?:i'm|i\s+am|she's|he's|i'll\s+be)\s+doing\s+it\s+(?:when|once|after|tonight|this|on|before)\b|\bend(?:ing)?\s+it\s+(?:this|next)\s+week\b",
        r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|sat|tonight|tomorrow)\s+is\s+the\s+day\b|\b(?:picked|chosen|chose|pick|booked)\s+(?:tonight|friday|saturday|sunday|monday|tuesday|wednesday|thursday|the\s+weekend|the\s+day)\b(?!\s+for\b)",
        r"\bgoing\s+through\s+with\s+it\b|\bthen\s+(?:it's|its|it\s+is)\s+over\b|\bwon't\s+(?:see|make\s+it\s+to)\s+(?:her|his|my|your)\s+(?:next\s+)?birthday\b|\bwon't\s+be\s+writing\s+(?:after|again|anymore)\b",
        r"\bthat's\s+when\s+it\s+ends\b|\bwait(?:ing)?\s+(?:until|for)\b[^.]{0,40}\b(?:then\s+do\s+it|to\s+do\s+it)\b|\b(?:it'll|it\s+will)\s+be\s+(?:tonight|tomorrow|this\s+weekend|friday|saturday|sunday)\b",
        r"\b(?:tonight|today|tomorrow)\s*(?:'s|is)\s+the\s+(?:night|day)\b",
        r"\b(?:my|the)\s+last\s+(?:weekend|week|night|birthday|christmas|summer|sunday|saturday|friday)\b(?!\s+(?:at|of|in|before|on|off|away|with|here|there)\b)",
        r"\b(?:when|once|after)\s+(?:everyone|the\s+kids|they|he|she|mum|dad|my\s+\w+)\b[^.]{0,40}\b(?:i'll|i\s+will|i'm\s+going\s+to)\s+do\s+it\b|\bthat's\s+when\s+it's\s+going\s+to\s+happen\b",
        r"\b(?:not|won't|will\s+not)\s+(?:going\s+to\s+)?be\s+here\b(?![^.]{0,40}\b(?:holiday|vacation|trip|away|visiting|conference|working|work|travel|camp|festival|office|school|class|weekend\s+away)\b)",
        r"\bplan\w*\s+(?:is\s+)?to\s+(?:not\s+be\s+here|be\s+gone|die|end\s+it|not\s+wake)\b|\b(?:i'm|i\s+am)\s+out\b[^.]{0,20}\bpermanently\b",
        r"\b(?:worked|figured)\s+(?:it\s+all|everything|the\s+whole\s+thing)\s+out\b|\b(?:worked|figured)\s+out\s+(?:the\s+whole\s+thing|which\s+\w+|where\s+and|how\s+and|everything)\b",
        r"\b(?:have|got|had)\s+(?:it\s+)?(?:all\s+)?(?:planned|worked\s+out)\b(?![^.]{0,30}\b(?:trip|party|holiday|wedding|birthday\s+party|menu|route|week|weekend\s+away|dinner|surprise)\b)|\beverything\s+is\s+planned\b",
        r"\bpicked\s+(?:a|the)\s+date\b(?!\s+for\b)|\b(?:know|knows)\s+(?:exactly\s+)?(?:how|where|when)\s+and\s+(?:i\s+know\s+)?(?:exactly\s+)?(?:how|where|when)\b|\bwhere\b[^.]{0,6}\bwhen\b[^.]{0,6}\bhow\b",
        r"\bwhich\s+(?:train|crossing|platform|bridge|building|roof|day)\b[^.]{0,40}\bwhich\s+(?:day|time|platform|crossing|train)\b",
        r"\b(?:that's|thats)\s+(?:where|when)\s+(?:i'll|i\s+will|i'm\s+going\s+to)\s+do\s+it\b|\bwhere\s+i'll\s+do\s+it\b|\b(?:it'll|it\s+will|it's\s+going\s+to)\s+be\s+the\s+(?:bridge|multistorey|car\s+park|garage|woods|river|tracks|train|roof|cliff|pills|rope|sea|lake)\b",
        r"\b(?:take|taking|swallow)\s+(?:the|all\s+the|my)\s+(?:tablets|pills|meds)\s+(?:in|at|on|when|after|before)\b[^.]{0,40}\b(?:hotel|car|room|woods|lake|friday|saturday|sunday|monday|tuesday|wednesday|thursday|tonight|night|alone|everyone)\b",
        r"\b(?:tonight|tomorrow|this\s+weekend|on\s+friday|after\s+friday|on\s+my\s+birthday|before\s+my\s+birthday|next\s+week|soon|after\s+the\s+exam|after\s+christmas)\b[^.]{0,60}\b(?:end\s+it|end\s+my\s+life|kill\s+myself|"
        + _DO_IT
        + r"|die|be\s+gone|be\s+over|not\s+be\s+here|last\s+(?:night|day|time))\b",
        r"\b(?:end\s+it|end\s+my\s+life|kill\s+myself|"
        + _DO_IT
        + r"|it'll\s+be\s+over|be\s+gone|it\s+will\s+be\s+over|it'll\s+all\s+be\s+over|it\s+ends)\b[^.]{0,60}\b(?:tonight|tomorrow|this\s+weekend|on\s+friday|after\s+friday|on\s+my\s+birthday|before|soon|next\s+week|when\s+they're\s+asleep|once\s+they're|after\s+the|by\s+the\s+end\s+of)\b",
        r"\b(?:this\s+is|it's|this\s+will\s+be|today\s+is|tonight\s+is)\s+(?:my|the)\s+(?:last|final)\s+(?:night|day|entry|post|page|week|birthday|christmas|sunset)\b(?!\s+(?:at|of|in|before|on|with|off|away)\b)",
        r"\b(?:last|final)\s+(?:entry|journal\s+entry|page\s+of\s+this\s+journal|goodbye|message|words|night\s+on\s+earth|day\s+on\s+earth|time\s+i\s+(?:write|see|wake))\b",
        # "have a day" or "got the time" is everyday: only picking or setting one is a plan
        r"\b(?:(?:picked|chosen|chose|set|decided\s+on|worked\s+out|figured\s+out)\s+(?:a|the)\s+(?:date|day|time|place|spot|plan|method|way)|(?:have|got|made)\s+(?:a|the)\s+(?:date|place|spot|plan|method))\b[^.]{0,60}\b(?:die|end|it|do\s+it|kill|gone|over|bridge|pills|rope|jump|last)\b",
        r"\b(?:plan|plans|planned|planning)\s+(?:to\s+)?(?:is|was|for\s+how|how|where|when)\b[^.]{0,60}\b(?:die|end|kill|bridge|pills|rope|jump|do\s+it)\b"
        + _WITH_OTHERS,
        r"\b(?:a|the|my)\s+(?:plan|method|way)\s+and\s+a\s+(?:date|time|day|place|method)\b",
        r"\b(?:i\s+)?(?:know|decided|worked\s+out|figured\s+out)\s+(?:exactly\s+)?(?:how|where|when)\s+(?:i'll|i\s+will|i'm\s+going\s+to|i'd|to)\s+(?:do\s+it|end\s+it|die|kill\s+myself|go)\b",
        r"\b(?:made|make|making)\s+(?:up\s+)?(?:my\s+)?(?:mind|decision|choice)\b[^.]{0,50}\b(?:die|end\s+it|end\s+my|kill|do\s+it|go\s+through|not\s+be\s+here|leave\s+this\s+world|gone)\b",
        r"\bthis\s+is\s+(?:goodbye|the\s+end)\b|\bgoodbye\s+(?:world|everyone|forever|for\s+good|cruel\s+world)\b",
        r"\b(?:won't|will\s+not)\s+(?:be\s+(?:here|around|alive)|wake\s+up|see|make\s+it\s+to)\s+(?:tomorrow|next\s+week|monday|the\s+weekend|my\s+birthday|christmas|the\s+morning|new\s+year|spring|summer)\b",
        r"\b(?:it'll|it\s+will|everything\s+will|it's\s+all\s+going\s+to|this\s+will\s+all)\s+(?:all\s+)?be\s+over\s+(?:soon|tonight|tomorrow|by|on|after|this)\b",
        r"\b(?:countdown|counting\s+down)\b[^.]{0,40}\b(?:end|last|gone|days\s+left|die)\b",
        r"\bdays?\s+left\s+(?:until|before|till)\s+i\s+(?:go|end|die|do\s+it)\b",
        # others' writing (the 36th-39th blind sets): intent and plan
        r"\bgoing\s+home\s+to\s+(?:the\s+lord|god|jesus|heaven|my\s+maker)\b[^.]{0,40}\b(?:this\s+week|tonight|soon|one\s+way\s+or\s+another|tomorrow|this\s+weekend)\b",
        r"\b(?:works\s+late|away|empty|alone|nobody\s+(?:home|in)|no\s+one\s+(?:home|in|around))\b[^.]{0,60}(?:\.\s+)?\b(?:monday|tuesday|wednesday|weds|thursday|friday|saturday|sunday|tonight|tomorrow)\s+it\s+is\b(?![^.]{0,40}\b(?:party|movie|film|pizza|takeaway|friends|date|game)\b)",
        r"\b(?:will\s+be|is|be)\s+empty\b[^.]{0,60}(?:\.\s+)?[^.]{0,20}\bthat's\s+(?:the|my)\s+window\b",
        r"\bif\s+(?:the\s+)?(?:results?|scan|tests?|biopsy|it)\s+(?:comes?\s+back|is|are)\s+(?:bad|badly|wrong|positive)\b[^.]{0,30}\b(?:won't|will\s+not|not\s+going\s+to)\s+(?:wait|be\s+(?:here|around)|stick\s+around|stay)\b",
        r"\bthat's\s+it\b[^.]{0,30}\b(?:not|won't)\s+(?:be\s+)?(?:staying|sticking|hanging)\s+around\b",
        # the 40th-43rd blind sets: intent and plan
        r"\btonight(?:'s|\s+is)\s+it\b(?!\s+(?:for|then)\b)(?![^.]{0,30}\b(?:game|match|season|show|party|gig|episode|final|lads|guys)\b)",
        r"\bthat's\s+my\s+(?:date|exit)\s*(?:\.|$)",
        r"\b(?:finish\w*|end\w*|over|done)\b[^.]{0,30}\bi(?:\s+am|'m|\s+will\s+be)\s+(?:finishing|ending|done|finished|over)\s+too\b",
        r"\b(?:out\s+of\s+town|away|on\s+nights|working\s+nights)\b[^.]{0,40}(?:\.\s+)?[^.]{0,10}\bthat's\s+(?:the|my)\s+window\b",
        r"\bafter\s+the\s+(?:wedding|funeral|birthday|christening|graduation|holidays|exams?)\s*\.\s*not\s+before\b",
        r"\b(?:final|last)\s+(?:bow|curtain|show|act|performance|chapter|lap)\b[^.]{0,20}\bin\s+every\s+sense\b",
        r"\b(?:deadline|date)\b[^.]{0,40}(?:\.\s+)?\bnot\s+for\s+the\s+(?:project|job|work|paper|report)\b",
        r"\bwon't\s+need\s+to\s+(?:turn\s+it\s+in|hand\s+it\s+in|pay\s+(?:it|that|them)\s+back|renew\s+it)\b(?![^.]{0,30}\b(?:extension|cancelled|exempt|because|since|prof|teacher)\b)",
    ),
    "preparation": (
        r"\b(?:letter|letters)\s+(?:for|to)\s+each\s+of\s+my\s+(?:children|kids|family|sons|daughters|girls|boys|grandchildren)\b(?!\s+(?:'\s+)?(?:teachers?|friends|class|coaches|coach|school|nursery|doctors?|godparents))",
        r"\b(?:transferr?(?:ing|ed)?|mov(?:ing|ed|e))\s+(?:all\s+)?(?:of\s+)?my\s+savings\s+(?:in)?to\s+(?:my\s+)?(?:mother|mum|mom|mam|father|dad|sister|brother|wife|husband|partner|son|daughter)'s\s+account\b",
        r"\b(?:giving|gave|give)\s+(?:you|u)\s+my\b[^.]{0,40}\b(?:the|my)\s+(?:cat|dog|rabbit|bird|plants)\b[^.]{0,10}(?:\.\s+)?(?:please\s+)?(?:take\s+(?:good\s+)?care\s+of|look\s+after)\s+(?:her|him|them|it)\b",
        r"\b(?:insurance|policy|life\s+cover)\b[^.]{0,60}\b(?:suicide|by\s+my\s+own\s+hand|if\s+i\s+(?:kill|killed|take|took)\s+my\s+(?:own\s+)?life)\b|\bby\s+my\s+own\s+hand\b",
        r"\b(?:trip|journey|somewhere|place|road)\s+(?:i|you)\s+(?:ain't|aren't|am\s+not|won't\s+be|will\s+not\s+be|not)\s+coming\s+back\s+from\b",
        # a pet given away with a story told to cover it
        r"\b(?:gave|give|given|giving|rehomed|rehoming)\s+(?:away\s+)?(?:my|the|our)\s+(?:dog|cat|pup|puppy|kitten|rabbit|budgie|horse|hamster)\s+(?:away\s+)?to\b(?!"
        + _FOR_A_WHILE
        + r")[^.]{0,40}\b(?:told|telling|pretended\s+to|made\s+out\s+to)\s+(?:her|him|them|everyone|people|mum|dad)\s+(?:that\s+)?(?:i'm|i\s+am|i\s+was|i've|i\s+have|i\s+can't|it's\s+(?:just|only))\b(?!"
        + _FOR_A_WHILE
        + ")",
        r"\b(?:viaduct|bridge|cliff|edge|drop|tracks|roof|ledge)\b[^.]{0,80}(?:\.\s+[^.]{0,20})?\b(?:practice\s+run|dry\s+run|rehears\w*)\b",
        r"\b(?:paracetamol|painkillers|tablets|pills)\b[^.]{0,60}\bwent\s+back\s+(?:in\s+)?for\s+(?:two|three|four|\d+|another)\s+(?:more\b|packets?|boxes?|packs?)",
        # a leaving letter's bequest, or a farewell as the accounts close
        r"\bwant\s+you\s+to\s+have\s+my\b[^.]{0,60}(?:\.\s+[^.]{0,40})?\b(?:take\s+care\s+of|look\s+after)\b[^.]{0,30}\bfor\s+me\b",
        r"\b(?:deleted|deactivated|wiped|closed)\s+(?:all\s+)?(?:of\s+)?(?:my\s+)?(?:socials|social\s+media|accounts|instagram|insta|facebook|snapchat|tiktok|profiles?)\b[^.]{0,60}\b(?:thank(?:s|ed)?\s+(?:everyone|everybody|for\s+everything)|(?:messaged|texted|wrote\s+to)\s+(?:everyone|everybody)|goodbyes?|gave\s+away|giving\s+away)\b",
        r"\bfor\s+after\b\s*(?:\.|,|$)|\b(?:easy\s+to\s+find|find\s+it|know\s+where)\b[^.]{0,10}\bafter\s*(?:\.|$)",
        r"\b(?:said|say|saying)\s+(?:bye|goodbye|goodbyes)\b[^.]{0,40}\b(?:without|with\s+out)\s+(?:them|telling|anyone)\b|\bas\s+a\s+goodbye\b|\b(?:write|wrote|writing|written)\s+(?:your|my|the)\s+goodbyes\b",
        r"\b(?:forums?|threads?|websites?|videos?)\s+about\s+(?:methods|ways\s+to\s+die|suicide|how\s+to\s+die)\b",
        r"\b(?:for\s+afterwards|to\s+be\s+found\s+(?:later|after|afterwards))\b|\bfor\s+(?:everyone|them|mum|mom|dad|after)\s+(?:for\s+)?after\s*(?:\.|$)",
        r"\b(?:cancel\w*|gave|giving|given|deleted|sold|returned)\b[^.]{0,60}\bwon't\s+need\s+(?:them|em|it|any\s+of\s+(?:it|this|them))\b",
        r"\b(?:goodbye|farewell)\s+(?:texts|emails|videos|cards)\b|\bwrote\s+my\s+letters\b|\bfinal\s+chapter\b",
        r"\bnote\b[^.]{0,40}\b(?:wasn't|isn't|not)\s+(?:anyone's|anybody's|your|their|her|his)\s+fault\b",
        r"\bso\s+(?:my\s+\w+|mum|mom|dad|they|he|she)\s+(?:can|could)\s+get\s+into\s+my\s+(?:accounts|phone|laptop|email)\s+(?:after|afterwards|when)\b",
        r"\b(?:started|been|keep)\s+giving\s+(?:my|all\s+my)\s+(?:things|stuff|belongings|possessions)\s+away\b",
        r"\b(?:wrote|writing|written|write|left|leave|leaving|drafted|drafting|started|finished|typed|hid)\s+(?:a|my|the|some|all\s+my|their|each\s+of\s+them\s+a|them\s+a|him\s+a|her\s+a)\s+(?:suicide\s+|goodbye\s+|farewell\s+|final\s+|last\s+)?(?:note|notes|letter|letters|message|messages|video|email)\b(?=[^.]{0,60}\b(?:goodbye|everyone|family|mum|mom|dad|kids|them|my\s+sister|my\s+brother|my\s+partner|in\s+case|when\s+i'm|for\s+after|explain|to\s+find|sorry|find\s+it|to\s+read|will\s+read|for\s+each)\b)",
        r"\b(?:suicide|goodbye|farewell|final|last)\s+(?:note|notes|letter|letters|message|messages|video|post)\b(?![^.]{0,40}\b(?:students|teacher|teachers|class|colleagues|coworkers|team|neighbours|neighbors|before\s+(?:i|we)\s+move|leaving\s+do|school|job|office)\b)",
        r"\b(?:say|said|saying|says)\s+(?:my\s+goodbyes|(?:my\s+)?goodbyes?\s+to\s+(?:everyone|everybody|them\s+all|my\s+family|people|the\s+people|my\s+friends|the\s+world))\b",
        r"\b(?:said|saying|say)\s+goodbye\b[^.]{0,40}\b(?:like\s+it\s+was\s+the\s+last|for\s+the\s+last\s+time|without\s+them\s+knowing|properly|one\s+last)\b",
        r"\b(?:thank(?:ed|ing)?|hugged|hug|told|tell|telling|called|call|calling|visit(?:ed|ing)?|see|saw|seeing)\s+(?:everyone|them|my\s+\w+|him|her|people|my\s+family|each\s+of\s+them)\b[^.]{0,50}\b(?:one\s+last\s+time|for\s+the\s+last\s+time|last\s+time\s+i'll|before\s+i\s+go|before\s+i'm\s+gone|while\s+i\s+still\s+can|while\s+i\s+can|for\s+everything)\b",
        r"\b(?:one|for\s+the)\s+last\s+time\b[^.]{0,40}\b(?:before\s+i\s+go|ever|i'll\s+ever|goodbye|hug|see\s+them|see\s+her|see\s+him|hear\s+their)\b",
        r"\b(?:giv(?:e|en|ing)|gave|hand(?:ed|ing)?|pass(?:ed|ing)?)\s+(?:away\s+)?(?:all\s+)?(?:of\s+)?(?:my|our)\s+(?:\w+\s+)?(?:things|stuff|belongings|possessions|cat|cats|dog|dogs|pets?|rabbit|hamster|bird|fish|guitar|records|games|clothes|jewellery|jewelry|books|plants|art|favourite\s+\w+|favorite\s+\w+|collection|savings|money)\s+(?:away\s+)?(?:to|for|so)\b(?=[^.]{0,80}\b(?:when\s+i'm|after\s+i'm|once\s+i'm|won't\s+need|not\s+need|look\s+after|take\s+care|don't\s+need|not\s+here|gone|anymore|later|have\s+something|remember\s+me|keep)\b)",
        r"\b(?:giv(?:e|ing|en)|gave)\s+away\s+(?:all\s+)?(?:of\s+)?(?:my|our)\s+(?:\w+\s+)?(?:things|stuff|belongings|possessions|cat|cats|dog|dogs|pets?|rabbit|guitar|favourite|favorite|collection|savings)\b(?!\s+to\s+(?:charity|the\s+charity\s+shop|a\s+charity))",
        r"\b(?:rehom(?:e|ed|ing)|found\s+a\s+(?:new\s+)?home\s+for)\s+(?:my\s+)?(?:cat|cats|dog|dogs|pets?|rabbit|bird|hamster)\b[^.]{0,60}\b(?:when\s+i'm|i\s+won't|not\s+here|gone|after\s+i|in\s+case|before\s+i)\b",
        r"\b(?:wrote|writing|written|write|made|make|making|updated|updating|sorted|finished|signed)\s+(?:out\s+)?(?:my|a)\s+(?:will|last\s+will|living\s+will)\b(?![^.]{0,30}\b(?:power|willpower)\b)",
        r"\b(?:put|putting|get|getting|got|sort|sorting|sorted)\s+(?:all\s+)?(?:my\s+)?(?:affairs|things|life|finances|papers|paperwork|accounts|passwords)\s+in\s+order\b",
        r"\b(?:sorted|sorting|left|leaving|wrote\s+down|writing\s+down|organi[sz]ed|organi[sz]ing)\s+(?:out\s+)?(?:my\s+)?(?:passwords|bank\s+details|accounts|finances|paperwork|pin\s+numbers|life\s+insurance)\b[^.]{0,60}\b(?:for\s+(?:them|mum|mom|dad|my|her|him|when|after)|so\s+(?:they|nobody|no\s+one|it's)|easier|in\s+case|won't\s+have\s+to)\b",
        r"\b(?:cancel(?:led|ed|ling|ing)?|delet(?:ed|ing|e))\s+(?:all\s+)?(?:my\s+)?(?:subscriptions|appointments|accounts|social\s+media|plans|future\s+plans)\b[^.]{0,60}\b(?:won't\s+need|no\s+point|not\s+need|not\s+be|after|when\s+i'm|anymore|going\s+to\s+need)\b",
        r"\b(?:stockpil|sav|hoard|stash|keep|kept|hid|hide|hiding|squirrel|build)(?:e|ed|es|ing)?\s+(?:up\s+|away\s+)?(?:all\s+)?(?:of\s+)?(?:my\s+|the\s+|some\s+|a\s+few\s+|enough\s+|extra\s+|a\s+stash\s+of\s+|a\s+supply\s+of\s+)?(?:\w+\s+)?"
        + _DRUGS
        + r"\b(?!\s+(?:for\s+(?:the\s+)?(?:trip|holiday|travel|flight|vacation)|in\s+the\s+(?:cabinet|cupboard)\s+as\s+usual))",
        r"\b(?:enough|a\s+month's|months\s+of|weeks\s+of|a\s+stash\s+of|a\s+pile\s+of|a\s+drawer\s+full\s+of)\s+(?:\w+\s+)?"
        + _DRUGS
        + r"\b(?=[^.]{0,60}\b(?:saved|hidden|stashed|to\s+do\s+it|for\s+when|to\s+end|for\s+later|ready|just\s+in\s+case|in\s+case|kill|die|collect|building\s+up|kept)\b)",
        r"\b(?:research|researched|researching|look|looked|looking|search|searched|searching|googl(?:e|ed|ing)|read|reading|watch|watched|watching)\s+(?:up\s+)?(?:about\s+|into\s+|online\s+)?(?:how\s+(?:many|much|long|high|tall|deep|quickly|to)|lethal|fatal|painless|the\s+quickest|the\s+easiest|the\s+best\s+way|methods|ways\s+to\s+die|overdose|doses?|suicide|how\s+people\s+(?:die|do\s+it)|what\s+happens\s+when\s+you\s+(?:overdose|jump|hang|drown)|tall\s+buildings|the\s+height\s+of|heights|train\s+times|bridges|cliffs)\b(?=[^.]{0,80}\b(?:die|dead|death|fatal|lethal|kill|overdose|pills|tablets|paracetamol|jump|fall|hang|rope|drown|painless|survive|bridge|building|cliff|height|feet|meters|metres|train|tracks|end\s+it|it\s+takes)\b)",
        r"\b(?:lethal|fatal|deadly|painless|quickest|easiest)\s+(?:way|ways|method|methods|dose|doses)\b",
        r"\b(?:went|go|going|drove|drive|walked|walk|visited|visit|checked\s+out|keep\s+going|kept\s+going|been\s+going)\s+(?:back\s+)?(?:to|up\s+to|out\s+to|down\s+to)\s+(?:the|that|a)\s+"
        + _METHOD_PLACE
        + r"\b[^.]{0,80}\b(?:to\s+see|to\s+check|to\s+look|to\s+practi[cs]e|practi[cs]e|rehears|how\s+high|how\s+far|how\s+it\s+would|how\s+it\s+would\s+feel|imagin|where\s+i|when\s+i|the\s+spot|the\s+place|again|for\s+when|just\s+to\s+stand|stood|stand|staring\s+down|looking\s+down|looked\s+down|the\s+drop|the\s+edge|the\s+height|no\s+one\s+around|nobody\s+around|quiet|timetable)\b",
        r"\b(?:rehears(?:e|ed|ing|al)|practi[cs](?:e|ed|ing)|dry\s+run|test(?:ed|ing)?\s+(?:the\s+)?(?:knot|rope|belt|beam|hook|how\s+it))\b[^.]{0,60}\b(?:rope|belt|knot|pills|bridge|jump|jumping|edge|ledge|die|dying|overdose|noose|the\s+drop)\b",
        r"\b(?:test(?:ed|ing)?|checked|checking|tried)\s+(?:whether|if|how)\s+(?:the|a|my)\s+(?:beam|hook|rail|door|banister|rope|belt|knot|branch|cord|scarf)\b",
        r"\b(?:bought|buy|buying|got|getting|ordered|ordering|purchas(?:e|ed|ing))\s+(?:a\s+|some\s+)?(?:\w+\s+)?(?:rope|gun|pistol|blades?|razors?|razor\s+blades|charcoal|helium|pills|tablets|paracetamol|painkillers|sleeping\s+pills|poison)\b(?=[^.]{0,80}\b(?:for\s+(?:it|when|later|myself|tonight|the\s+end)|to\s+(?:do|end|use|kill|die)|just\s+in\s+case|in\s+case|hidden|hid|under|no\s+one\s+knows|nobody\s+knows|ready|enough|secret|from\s+different|several\s+shops|different\s+shops)\b)",
        r"\b(?:from|at)\s+(?:different|several|multiple|a\s+few|three|two|lots\s+of)\s+(?:shops|pharmacies|chemists|stores|supermarkets)\b",
        # Handing things on for good, or without saying why.
        r"\b(?:gave|given|giving|give|rehomed|left|handed|sent|posted|dropped)\b[^.]{0,60}\b(?:for\s+good|for\s+always|forever|for\s+ever|permanently)\b",
        r"\b(?:gave|given|giving|give|rehomed|left|handed|sent|posted|dropped|take|have)\b[^.]{0,80}\b(?:don't\s+ask|didn't\s+(?:say|tell\s+(?:him|her|them))\s+why|doesn't\s+need\s+to\s+know\s+why|without\s+saying\s+why|wouldn't\s+(?:say|tell\s+me)\s+why)\b",
        r"\b(?:letters|notes)\s+(?:written|done|for\s+(?:everyone|each\s+of\s+them|all\s+of\s+them))\b|\b(?:cat|dog|pets?|rabbits?|fish|hamster|guinea\s+pigs?)\s+rehomed\b",
        r"\byou'll\s+know\s+(?:when|why)\b|\b(?:my|my\s+own)\s+(?:funeral|cremation|obituary|eulogy|headstone)\b",
        # Leaving nothing for others to sort out, and nothing owed.
        r"\bso\s+(?:there's\s+)?(?:nobody|no\s+one|nothing|less)\b[^.]{0,30}\b(?:has\s+to|have\s+to|is\s+left|left\s+(?:with|for|to)|for\s+(?:them|anyone|anybody)\s+to)\b[^.]{0,10}\b(?:sort|clean|deal|pay|do|worry|go\s+through|clear|a\s+bill|bills)\b",
        r"\b(?:not|nothing|don't\s+want(?:\s+to\s+be)?)\s+owing\b|\bnothing\s+(?:is\s+)?(?:owed|outstanding)\b",
        r"\b(?:reading|read|researching|researched|looking|looked|googling|googled|watching|watched)\s+(?:up\s+)?(?:on|about|into)\s+(?:suicide\s+)?methods\b",
        r"\b(?:different|other|another|several|three|two)\s+(?:chemists?|pharmacies|pharmacy|shops?|supermarkets?)\b[^.]{0,40}\b(?:so|for\s+more|packets?|boxes?|nobody\s+notices)\b",
        r"\b(?:probably|maybe|likely)\s+the\s+last\s+time\b|\bour\s+last\s+walk\b",
        # others' writing (the 36th-39th blind sets): preparation
        r"\b(?:found|find|finding|got)\s+(?:a\s+)?(?:new\s+)?home\s+for\b[^.]{0,60}(?:\.\s+)?[^.]{0,10}\b(?:told|telling|tell|said|saying)\b[^.]{0,40}\b(?:because|cos|cause|it's|due\s+to)\b|\brehom\w*\b[^.]{0,80}\b(?:told|said)\b[^.]{0,40}\b(?:because|cos|it's)\b",
        r"\bsomeone\s+who(?:\s+will|'ll|\s+would|\s+is\s+going\s+to)\s+(?:be\s+around|still\s+be\s+(?:here|around))\b(?!\s+(?:more|for|to|every|on|at)\b)",
        r"\b(?:that's|that\s+was|it\s+was)\s+the\s+last\s+thing\s+i\s+(?:needed|had|wanted)\s+to\s+(?:sort|arrange|tie\s+up|settle)\b(?!\s+(?:today|this\s+week|before|for)\b)",
        r"\b(?:(?:updated|changed|amended)\s+(?:the\s+|my\s+)?beneficiar\w*|pension\s+nomination)\b(?![^.]{0,60}\b(?:married|wedding|divorce|we|we're|our|baby|born|new\s+job|partner\s+and\s+i)\b)",
        r"\blabell?ed\s+(?:up\s+)?what\s+(?:goes|is\s+going)\s+to\s+(?:who|whom)\b(?![^.]{0,40}\b(?:move|moving|removal|van|boxes|charity|car\s+boot|christmas|presents?|party)\b)",
        r"\bpasswords?\b[^.]{0,80}\b(?:can|could|will\s+be\s+able\s+to)\s+get\s+into\s+everything\b|\bpasswords?\b[^.]{0,60}\bwhen\s+i'm\s+(?:gone|not\s+here)\b",
        r"\b(?:text\w*|messag\w*|call\w*|rang|ring\w*|told|tell\w*)\b[^.]{0,60}\b(?:felt|feels|feel)\s+like\s+(?:signing\s+off|(?:a\s+)?(?:goodbye|farewell)|saying\s+(?:goodbye|bye))\b(?![^.]{0,30}\b(?:airport|station|uni|university|trip|holiday|move|moving|abroad|leav\w*)\b)",
        r"\bhear\s+(?:his|her|their|your)\s+voice\s+(?:one\s+(?:more|last)\s+time|a\s+last\s+time)\b(?![^.]{0,40}\b(?:passes|dies|died|goes|surgery|hospice|dying|ill|before\s+(?:she|he)\b))",
        r"\bno\s+return\s+ticket\b|\btrip\s+with\s+no\s+return\b",
        r"\bthank\w*\b[^.]{0,60}\b(?:few\s+people|everyone|those|people)\s+who\s+(?:were|was|have\s+been)\s+(?:ever\s+)?kind\s+to\s+me\b(?![^.]{0,40}\b(?:surgery|recovery|wedding|birthday|shower|illness|while|during)\b)",
        r"\bresearch\w*\s+(?:the\s+)?heights?\b(?![^.]{0,30}\b(?:climb\w*|hik\w*|trek\w*|mountain|altitude|walk)\b)",
        r"\b(?:walk\w*|went|go\w*|drove|climb\w*)\s+(?:up\s+)?to\s+the\s+(?:top\s+(?:level|floor|deck)\s+of\s+the\s+|top\s+of\s+the\s+|edge\s+of\s+the\s+)?(?:multistorey|multi\s+storey|car\s+park|quarry|viaduct|overpass|railway\s+bridge|bridge|cliffs?|roof)\b[^.]{0,40}\b(?:again|just\s+to\s+(?:see|look|stand)|third\s+time|top\s+level|for\s+a\s+while)\b(?![^.]{0,40}\b(?:dog|kids|friends|photos?|view|sunset|sunrise|picnic|run|full|parking|parked|swim)\b)",
        # the 40th-43rd blind sets: preparation
        r"\bgoodbyes?\s+even\s+if\s+(?:they|she|he)\s+(?:don't|doesn't|didn't)\s+know\b",
    ),
    "means": (
        r"\b(?:catch|catches|caught|catching)\s+myself\s+(?:staring|looking|gazing)\s+(?:down\s+)?(?:at|over)\s+(?:the\s+)?(?:lorries|lorry|trucks|semis|traffic|tracks|drop|edge)\b",
        r"\bbridge\b[^.]{0,100}(?:\.\s+)?\b(?:keep|kept|keeps)\s+going\s+back\s+there\b",
        r"\b"
        + _GUNS
        + r"\b[^.]{0,60}\b(?:(?:it's|its|it\s+is|it\s+was)\s+not|(?:it\s+)?(?:isn't|wasn't))\s+for\s+(?:protection|hunting|sport|the\s+farm|pests|rabbits|work)\b",
        # a way down that has begun to look like an answer, or will not let the eyes go
        r"\b(?:river|water|sea|canal|lake|reservoir)\s+(?:looks|looked|seems|seemed)\s+(?:so\s+|very\s+|really\s+|quite\s+|almost\s+|oddly\s+|strangely\s+)?(?:welcoming|inviting|tempting)\s+from\s+(?:the|that|this)\s+(?:bridge|top|roof|balcony|edge|cliff|ledge|window|car\s+park|pier)\b",
        r"\b(?:the\s+)?(?:drop|edge|ledge|tracks|railway\s+line|traffic|motorway)\s+(?:looks|looked|seems|seemed)\s+(?:so\s+|very\s+|really\s+|quite\s+|almost\s+|oddly\s+|strangely\s+)?(?:welcoming|inviting|tempting|peaceful)\b",
        r"\b(?:balcony|edge|drop|ledge|bridge|tracks|railway|roof|cliff|pills|rope|gun|blades?)\b[^.]{0,50}\bkeeps?\s+(?:pulling|calling)\s+(?:to\s+|at\s+)?(?:me|my\s+eyes)\b",
        # a gun in the house, and the way to it
        r"\b"
        + _GUNS
        + r"\b[^.]{0,80}\b(?:all\s+i\s+(?:can\s+)?think\s+about|can't\s+stop\s+thinking\s+about|(?:been\s+)?on\s+my\s+mind\b(?!\s+to\b))",
        # a bridge over traffic or water, lingered on and watched from
        r"\b(?:stood|standing|stopped|sat|sitting|lingered)\s+(?:on|at)\s+(?:the|a|that)\s+(?:foot\s*)?bridge\b(?=[^.]{0,100}\b(?:watching|staring\s+at|looking\s+(?:down\s+)?at)\s+(?:the\s+)?(?:traffic|cars|lorries|drop)\b)(?=[^.]{0,100}\b(?:for\s+ages|too\s+long|a\s+long\s+time|an\s+hour|(?:ten|fifteen|twenty|thirty|forty|\d+)\s+(?:minutes|mins))\b)",
        r"\b(?:stood|standing|sat|sitting|stared|staring)\b[^.]{0,30}\b(?:gun\s+(?:cabinet|safe|cupboard)|the\s+(?:pistol|gun|rifle|shotgun|handgun))\b[^.]{0,30}\b(?:for\s+(?:ages|hours|an\s+hour|\w+\s+minutes)|a\s+long\s+time)\b",
        r"\b"
        + _GUNS
        + r"\b[^.]{0,80}\b(?:know|knows|learned|learnt|remember)\s+(?:the\s+)?(?:combinat\w*|combo|code|pin|key)\b",
        r"\b"
        + _GUNS
        + r"\b[^.]{0,60}\bshowed\s+me\s+where\b[^.]{0,60}\b(?:can't|cannot|can\s+not)\s+(?:forget|stop\s+thinking|unsee)\b",
        r"\b(?:counting|count|counted)\s+(?:the|my)\s+(?:sleeping\s+|sleep\s+|pain\s+|heart\s+)?(?:tablets|pills|meds|painkillers)\b|\b(?:razor|blade|blades|razors)\s+in\s+(?:my|her|his|your)\s+(?:\w+\s+)?(?:drawer|case|bag|box|wallet|pocket|room)\b",
        r"\b(?:code|key|combination)\s+(?:to|for)\s+the\s+gun\b|\bstill\s+(?:have|got|keep)\s+the\s+(?:rope|belt|blades?|razor|pills|gun)\b|\bgot\s+the\s+means\b",
        r"\bkept\s+(?:the|all|a|my|them)\s+(?:\w+\s+){0,3}(?:painkillers|tablets|pills|meds|bottle|box)\b|\b(?:box|bottle|packet)\s+of\s+(?:\w+\s+)?(?:tablets|pills|painkillers)\s+i\s+(?:never|didn't)\s+(?:took|take|used)\b",
        r"\btiming\s+the\s+trains\b|\btrain\s+times\b[^.]{0,40}\b(?:step|in\s+front|jump)\b|\bwith\s+the\s+others\b[^.]{0,40}\b(?:shoebox|drawer|box)\b|\b(?:shoebox|drawer|box)\b[^.]{0,40}\bwith\s+the\s+others\b",
        r"\b(?:walk|walks|walked|go|goes|went|drive|drove)\s+to\s+the\s+(?:bridge|cliff|cliffs|tracks|crossing|roof)\s+just\s+to\b|\b(?:looking|look|stare|staring)\s+at\s+(?:it|the\s+car)\s+in\s+the\s+garage\b",
        r"\b(?:bridge|crossing|cliff|edge|roof|platform|drop)\b[^.]{0,40}\bno\s+(?:fence|railings?|barrier|gates?)\b|\bbecause\s+of\s+the\s+(?:balcony|bridge|drop|height|cliff|tracks)\b",
        r"\b" + _MEANS + r"\b[^.]{0,70}\b" + _DWELLING + r"\b",
        r"\b" + _DWELLING + r"\b[^.]{0,50}\b" + _MEANS + r"\b",
        r"\b(?:"
        + _DRUGS
        + r"|"
        + _BLADES
        + r"|"
        + _LIGATURE
        + r"|gun|pistol|rifle|shotgun)\s+(?:is|are|was|were|sits?|sitting|waiting|lying|hidden|hid|stashed|kept|tucked|saved)\s+(?:\w+\s+){0,3}?(?:ready|waiting|for\s+me|for\s+when|for\s+later|in\s+case|just\s+in\s+case|where\s+no\s+one|where\s+nobody)\b",
        r"\b(?:dad's|my\s+dad's|mum's|mom's|my\s+(?:uncle|brother|husband|partner)'s|the|a|our)\s+(?:gun|guns|pistol|rifle|shotgun|firearm)\s+(?:in|is|are|kept|locked|under|upstairs|downstairs)\b[^.]{0,60}\b(?:know\s+where|i\s+know|could|combination|key|think\s+about|keep\s+thinking|easy|loaded|tonight|myself)\b",
        r"\b(?:know|knows|found|find)\s+(?:exactly\s+)?where\s+(?:the|my\s+\w+'s|his|her|dad\s+keeps\s+the|mum\s+keeps\s+the|they\s+keep\s+the)\s+(?:gun|guns|pistol|rifle|key\s+to\s+the\s+gun|pills|meds|blades|razors|rope|knives)\b",
        r"\b(?:there's|there\s+is|we\s+have|we've\s+got|i\s+have|i've\s+got|he\s+has|she\s+has|dad\s+has|mum\s+has)\s+(?:a\s+)?(?:gun|guns|pistol|rifle|shotgun|firearm)s?\s+(?:in\s+the\s+(?:house|flat|garage|loft|car|drawer|safe)|at\s+home|upstairs|in\s+his|in\s+her|in\s+my)\b",
        r"\b(?:kept|keep|keeping|hid|hide|hiding|stash(?:ed)?|have|got|still\s+have)\s+(?:a\s+|the\s+|my\s+|some\s+|new\s+)?(?:"
        + _BLADES
        + r"|"
        + _LIGATURE
        + r")\s+(?:in|under|inside|behind|taped|hidden|in\s+case|just\s+in\s+case|for\s+when|for\s+later|for\s+emergencies|for\s+bad\s+nights|from\s+my\s+sharpener|out\s+of\s+my\s+sharpener)\b(?!\s+(?:the\s+)?(?:kitchen\s+drawer|kitchen|toolbox|garage\s+for|shed\s+for|knife\s+block))",
        r"\b(?:took|take|taking|got|get|pulled|removed)\s+(?:the\s+)?(?:blade|blades)\s+(?:out\s+)?(?:of|from)\s+(?:a|my|the)\s+(?:sharpener|razor|pencil\s+sharpener)\b",
        r"\b(?:rope|belt|cord|noose|scarf)\b[^.]{0,40}\b(?:beam|hook|banister|door\s+frame|doorframe|ceiling|rafter|tree\s+branch|strong\s+enough|hold\s+my\s+weight|around\s+my\s+neck|round\s+my\s+neck)\b",
        r"\b(?:around|round)\s+my\s+(?:own\s+)?neck\b",
        r"\b(?:looking|look|looked|stare|stared|staring|glance|glanced)\s+(?:down\s+)?(?:at|over|from|off)\s+(?:the|a)\s+(?:edge|drop|tracks|railway|river|water|traffic|cars|road)\s+(?:below|beneath|from|and|for|thinking|wondering|again)\b[^.]{0,60}\b(?:jump|fall|step|end|easy|how\s+easy|one\s+step|just\s+one|wondering|what\s+if|would\s+it|gone|stop)\b",
        r"\b(?:one|a\s+single|just\s+one|a\s+few)\s+step\s+(?:and|forward|off|away|would)\b[^.]{0,40}\b(?:over|gone|end|done|fall|nothing|peace|quiet|all\s+stop)\b",
        r"\b(?:train|trains|tracks|bridge|roof|cliff|balcony|ledge|edge|traffic)\b[^.]{0,50}\b(?:end\s+it|end\s+everything|all\s+be\s+over|be\s+over|make\s+it\s+stop|stop\s+the\s+pain|jump|step\s+off|step\s+out|lean\s+forward|let\s+go|just\s+go|nobody\s+would|would\s+be\s+quick|so\s+easy|how\s+easy)\b(?![^.]{0,20}\b(?:the\s+queue|photo|picture)\b)",
        r"\b(?:pills|tablets|paracetamol|meds|painkillers|sleeping\s+pills)\b[^.]{0,50}\b(?:end\s+it|be\s+enough|enough\s+to|would\s+do\s+it|would\s+it\s+hurt|fall\s+asleep\s+and|never\s+wake|all\s+at\s+once|all\s+of\s+them|the\s+whole\s+(?:box|bottle|packet)|swallow\s+them)\b",
        r"\b(?:looking|look|looked|staring|stare|stared)\s+(?:down|over\s+the\s+(?:edge|railing|rail))(?:\s+for)?\s+"
        r"\b(?:much\s+|way\s+|far\s+)?too\s+long\b",
        # others' writing (the 36th-39th blind sets): means
        r"\bmeasur\w*\s+(?:the|that|its)\s+(?:drop|fall|height)\b(?!\s+(?:for|of\s+the\s+curtains)\b)|\b(?:learn|learned|learnt|learning|know|knew)\s+(?:its|it's|the|their)\s+(?:height|drop)\s+by\s+heart\b|\bsit\w*\s+with\s+the\s+(?:long\s+)?drop\b",
        r"\b(?:viaduct|bridge|roof|balcony|cliff|quarry|overpass|car\s+park|multistorey|tower|ledge)\b[^.]{0,80}\b(?:railing|barrier|fence|wall|parapet)s?\s+(?:was|is|were|are)\s+(?:as\s+|so\s+|too\s+|still\s+|quite\s+|very\s+)?low\b(?![^.]{0,40}\b(?:kids?|toddler|child|children|baby|dog|safety|landlord|council|report\w*)\b)",
        r"\b(?:take|took|taking)\s+the\s+long\s+way\s+(?:home|round)\s+so\s+(?:i|you)\s+can\s+(?:stand|stop|sit|look)\s+(?:on|at|by|over)\s+the\s+(?:overpass|bridge|edge|tracks|cliff|railway|viaduct)\b",
        r"\b(?:stand|stood|standing|linger\w*|sit|sat|sitting)\s+(?:on|at|by)\s+the\s+(?:overpass|viaduct|railway\s+bridge|motorway\s+bridge|bridge|edge|ledge|roof|cliff\s+edge|platform\s+edge)\s+(?:for\s+a\s+while|for\s+ages|a\s+long\s+time|too\s+long|longer)\b",
        r"\b(?:bridge|roof|cliff|viaduct|overpass|railway|tracks)\b[^.]{0,60}\b(?:linger\w*|stay\w*|stand\w*)\s+(?:a\s+little\s+)?longer\s+each\s+time\b|\b(?:bridge|roof|cliff|viaduct|overpass)\b[^.]{0,40}\bloyalty\s+card\b",
        r"\b(?:revolver|pistol|handgun|gun|rifle|shotgun)\b[^.]{0,60}\b(?:never\s+(?:told|declared|registered|handed)|unregistered|not\s+registered|no\s+licen[cs]e)\b",
        # the 40th-43rd blind sets: means
        r"\b(?:beachy\s+head|cliffs?|bridge|viaduct|quarry|roof|multistorey)\b[^.]{0,60}(?:\.\s+)?[^.]{0,20}\b(?:third|fourth|fifth|sixth)\s+time\s+this\s+(?:week|month)\b(?![^.]{0,40}\b(?:climb\w*|run\w*|train\w*|fitter|photos?|dog)\b)",
        r"\b(?:cliff|roof|bridge|quarry|drop|ledge|balcony)\b[^.]{0,80}\bstand\w*\s+(?:near|at|on|by|close\s+to|right\s+at)\s+the\s+edge\b(?![^.]{0,40}\b(?:photos?|view|selfies?|kids|picture)\b)",
        r"\bstockpil\w*\s+(?:my\s+)?(?:scripts|prescriptions|meds|pills|tablets|medication)\b",
        r"\b(?:access\s+to\s+the\s+roof|roof\s+access)\b[^.]{0,60}(?:\.\s+)?[^.]{0,20}\b(?:still\s+works|mine\s+works)\b",
    ),
    "self_harm": (
        r"\b(?:press|pressed|pressing|held|hold|holding|put|putting)\s+(?:the\s+)?(?:hot\s+)?(?:kettle|iron|lighter|pan|spoon|cigarette|curling\s+iron|straighteners)\s+(?:against|to|on|onto)\s+my\s+(?:own\s+)?(?:arm|forearm|wrist|hand|leg|thigh|skin|stomach)\b",
        # an injury given a cover story that the writer takes back ("told the crew it was
        # barbed wire. weren't barbed wire")
        r"\b(?:scratch(?:es|ed)?|cuts|cut|bruises?|bruised|burns?|burned|burnt|marks|scars?|hand|arm|wrist|forearm|thigh|knuckles)\b[^.]{0,60}\b(?:told|tell|telling|said)\b[^.]{0,40}\b(?:it\s+was|it\s+slipped|i\s+fell|an\s+accident|the\s+cat)\b[^.]{0,30}(?:\.\s+)?(?:it\s+)?(?:wasn't|weren't|didn't|was\s+not|did\s+not)\b",
        r"\b(?:take|takes|took|taking)\s+(?:a|the)\s+(?:hammer|knife|lighter|blade|razor)\s+to\s+my\s+(?:own\s+)?(?:hand|hands|arm|arms|leg|legs|wrist|wrists|skin|thigh|face)\b(?![^.]{0,40}\b(?:by\s+accident|accidentally|while\s+(?:chopping|cooking|cutting|carving|peeling)))",
        r"\bused\s+to\s+(?:cut|self\s+harm|burn\s+myself)\b(?!\s+(?:my|the|our|his|her|hair|grass|wood|class|corners|meat))[^.]{0,50}\b(?:started|starting|doing\s+it|at\s+it)\s+again\b",
        r"\b(?:i'm|i\s+am|i've\s+been)\s+(?:still\s+)?cutting\b(?!\s+(?:the|a|my|some|back|down|out|costs|corners|carbs|sugar|calories|onions|paper|wood|grass|hair|it\s+(?:fine|close))\b)",
        r"\bin\s+the\s+(?:bathroom|toilet|loo|shower)\s+with\s+(?:a|the|my)\s+(?:blade|razor|knife|lighter)\b(?![^.]{0,20}\b(?:shav\w*|legs|beard)\b)",
        r"\b(?:hit|hitting|punch\w*|slap\w*)\s+my\s+(?:\w+\s+)?(?:leg|legs|thigh|thighs|arm|arms|head|face|stomach|chest)\b[^.]{0,40}\b(?:over\s+and\s+over|till|until|so\s+hard|again\s+and\s+again)\b",
        r"\b(?:slam\w*|punch\w*|hit|hitting|bang\w*|smash\w*)\s+(?:my\s+)?(?:fist|fists|head|hand|knuckles)\s+(?:into|against|on)\s+my\s+(?:thigh|thighs|leg|legs|arm|arms|head|face|stomach|chest|ribs)\b",
        r"\b(?:hoodies?|sleeves|jumpers?|sweaters?|cardigans?|jackets?|covered\s+up|cover\s+up)\b[^.]{0,60}(?:\bbecause\s+of\s+(?:my|the)\s+(?:arms|wrists|thighs|scars|cuts|marks|burns)|\b(?:\d+|thirty|forty)\s+degrees?\b[^.]{0,40}\b(?:guess|you\s+know|we\s+all\s+know)\s+why)\b(?![^.]{0,40}\b(?:sunburn\w*|sun\s+burn\w*|eczema|psoriasis|rash|tattoos?|mosquito\w*|bites)\b)",
        r"\bsharpener\b[^.]{0,20}\b(?:came\s+apart|apart|in\s+bits|in\s+pieces)\b[^.]{0,10}\bagain\b|\bbad\s+night\b[^.]{0,40}\bsharpener\b",
        r"\b(?:nurse|doctor|gp|burns?|burnt|cuts?|bruises?|marks?|scars?|arms?|wrists?|plasters?|bandages?)\b[^.]{0,80}\bit\s+was\s+(?:an\s+accident|a\s+(?:fall|cat|dog)|the\s+(?:oven|oven\s+door|door|cat|dog|kettle|iron|stove|hob|pan|gate|cupboard|fall|brambles|thorns|rose\s+bush))\s*\.\s+it\s+(?:wasn't|was\s+not)\b",
        r"\brelaps\w*\b[^.]{0,30}\b\d+\s+days\b",
        r"\brelaps\w*\s+(?:after|last\s+night|again|today|yesterday|tonight)\b",
        r"\bcarv\w*\b[^.]{0,20}\binto\s+my\b|\bdeserve\s+(?:the|this)\s+pain\b",
        r"\b(?:haven't\s+eaten|not\s+eating|didn't\s+eat|won't\s+eat|skipped\s+\w+)\b[^.]{0,40}\bpunish",
        r"\b(?:my|the)\s+(?:cuts|scars)\b(?![^.]{0,20}\b(?:paper|budget|pay|funding|hair|cat|kitten|at\s+work|to\s+the|surgery)\b)",
        r"\b(?:burn\w*|burnt|cut|hit|hurt|scratch\w*|bang\w*|punch\w*|bite|bit)\b[^.]{0,30}\bon\s+purpose\b",
        r"\b(?:i|you|she|he)\s+cut\s+(?:because|when|again|to\s+feel|so\s+that|so\s+i|for\s+the\s+first\s+time\s+(?:in|since))\b(?![^.]{0,60}\b(?:hair|fringe|bangs|grass|lawn|hedge|nails|beard|ribbon|cake|salon|barber)\b)",
        # sleeves kept down in the heat, to hide what is under them
        r"(?:\b(?:i|i'm|i've|i'd|i\s+am|i\s+was)\s+(?:\w+\s+){0,3}|(?:^|\.\s+))(?:wore|wear|wearing|in|kept|keep|keeping|put\s+on)\s+(?:my\s+)?long\s+sleeves\b[^.]{0,40}(?:\.\s+[^.]{0,30})?\b(?:july|august|summer|hot|heat|heatwave|boiling|sweltering|roasting|scorching|degrees|barbecue|bbq|beach|hide|cover|say|so\s+no\s+one)\b(?![^.]{0,40}\b(?:sunburn|sun\s+burn|burn\s+(?:so\s+|really\s+|very\s+)?easily|the\s+sun|sun\s+(?:cream|block)|sunscreen|fair\s+skin|pale\s+skin|mosquito\w*|midges?|bites|eczema|psoriasis|uniform|dress\s+code|modest\w*)\b)",
        r"\b(?:bad|rough|long|hard|messy)\s+night\s+with\s+(?:the|my|a)\s+(?:razor|razors|blade|blades|lighter|compass|scissors)\b",
        r"\b(?:lose|lost|broke|break)\s+(?:a|my|the)\s+clean\s+streak\b|\b(?:lighter|cigarette)\s+(?:to|on|against)\s+(?:my|your|her|his)\s+(?:skin|arm|arms|wrist|leg|hand)\b",
        r"\bhurting\s+(?:my|your)\s+(?:hand|hands|body|arm|arms)\b[^.]{0,30}\b(?:better|feels|helps|only)\b|\buntil\s+(?:it|they)\s+(?:bleeds|bled|bleed)\b",
        r"\b(?:cut|cutting|cuts|burn|burning|burnt|burned|carve|carving|carved|scratch|scratching|scratched|hit|hitting|punch|punching|punched|bite|biting|bit|slap|slapping|slapped|hurt|hurting|harm|harming|harmed|punish|punishing|punished|bang|banging|banged|starve|starving|starved|pinch|pinching|bruise|bruising|mutilat(?:e|ing|ed)|stab|stabbing|stabbed|injure|injuring|injured)\s+(?:myself|yourself)\b(?!\s+(?:on|with)\s+(?:a|the|some)\s+(?:bread\s+knife|kettle|oven|stove|pan|iron|hob|can|tin|paper|rose|thorn|nail|corner|door|cupboard|table)\b)",
        r"\bself[-\s]?harm(?:ing|ed)?\b|\bself[-\s]?injur(?:y|ies|ing)\b|\bself[-\s]?mutilat",
        # a participle not in the passive: "his hours are being cut again" ("she is cutting
        # again" is not a passive)
        r"\b(?:(?<!\bbeing\s)(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bget\s)"
        r"(?<!\bgot\s)(?:cut|carved|burnt|burned|scratched|scarred|slashed)|cutting|carve|carving|burn"
        r"|burning|scratch|scratching|scar|slash|slashing)\s+(?:again|into\s+my|up\s+my|my\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|ankles?|hands?|body|shoulders?)|on\s+my\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?))\b(?!\s+(?:on|while|when|shaving|cooking|chopping|gardening|in\s+the\s+kitchen))",
        r"\b(?:relaps(?:e|ed|ing)|slipped\s+up|gave\s+in)\b[^.]{0,50}\b(?:cut|cutting|self\s+harm|burn|burning|blade|razor|hurting\s+myself|scratch|carv|the\s+urge|sh\b)",
        r"\b(?:urges?|craving|itch|need|want|wanted|wanting|tempted|temptation)\s+(?:to\s+)?(?:cut|burn|hurt\s+myself|harm\s+myself|self\s+harm|scratch\s+until|carve|bleed|feel\s+the\s+blade|punish\s+myself|hit\s+myself)\b",
        r"\b(?:days?|weeks?|months?)\s+(?:clean|without\s+cutting|free)\b[^.]{0,40}\b(?:cut|cutting|self\s+harm|blade|relaps|broke|broken|ruined|again)\b",
        r"\b(?:broke|broken|ruined|lost|ended)\s+(?:my\s+)?(?:streak|clean\s+streak|\d+\s+days?\s+clean|days\s+clean)\b",
        r"\b(?:because|cause|since|as)\s+i\s+(?:deserved|deserve|deserved\s+it|deserve\s+it)\b(?=[^.]{0,0})|\b(?:hit|hitting|punch|punching|slap|slapping|hurt|hurting|punish|punishing|burn|burning|cut|cutting|scratch|scratching|starve|starving|bang|banging)\s+(?:myself|my\s+head|my\s+arm|my\s+legs?|my\s+face)\b[^.]{0,50}\bdeserv",
        r"\b(?:banging|banged|bang|slamming|slammed|slam|hitting|hit|punching|punched|smash|smashing|smashed)\s+my\s+(?:own\s+)?(?:head|fists?|hands?)\s+(?:against|into|on)\s+(?:the\s+)?(?:wall|walls|floor|(?:cubicle\s+|bathroom\s+|car\s+)?doors?|desk|mirror|steering\s+wheel)\b(?=[^.]{0,60}\b(?:until|till|bled|bleed|bruise|hurt|pain|deserv|feel\s+something|punish|stop\s+the|to\s+feel|on\s+purpose)\b)",
        r"\b(?:punched|punching|punch|hit|hitting)\s+(?:the\s+|a\s+)?(?:wall|walls|mirror|door)\s+(?:until|till|so\s+hard|to\s+feel|on\s+purpose|to\s+hurt)\b",
        r"\b(?:made|make|making)\s+(?:myself|my\s+\w+)\s+(?:bleed|bled|bruise|hurt\s+on\s+purpose)\b|\bfeel\s+the\s+(?:blade|sting|burn\s+of\s+the\s+lighter)\b",
        r"\b(?:lighter|cigarette|iron|hot\s+(?:knife|spoon|metal|coin|key))\s+(?:to|on|onto|against|into)\s+my\s+(?:skin|arm|arms|leg|legs|wrist|thigh|hand)\b",
        r"\b(?:blade|blades|razor|razors|sharpener\s+blade|compass\s+point|broken\s+glass)\b[^.]{0,40}\b(?:my\s+(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hip)|again|urges?|tonight|bleed|blood|release|relief|punish)\b",
        r"\b(?:hide|hiding|hid|cover|covering|covered)\s+(?:the\s+|my\s+|fresh\s+|new\s+)?(?:cuts|scars|marks|burns|bruises|wounds)\b(?![^.]{0,30}\b(?:from\s+the\s+(?:fall|accident|surgery|operation|cat)|acne)\b)",
        r"\b(?:fresh|new|deep|deeper)\s+(?:cuts|scars|burns|marks|wounds)\b(?![^.]{0,30}\b(?:cat|kitten|garden|rose|surgery|accident|paper\s+cut)\b)",
        r"\b(?:starv(?:e|ing|ed)|purg(?:e|ing|ed)|skip(?:ping|ped)?\s+meals?)\b[^.]{0,40}\b(?:punish|deserve|don't\s+deserve\s+to\s+eat|as\s+punishment)\b",
        r"\b(?:don't|do\s+not)\s+deserve\s+to\s+(?:eat|live|be\s+alive|exist|be\s+happy\s+or\s+alive)\b",
        r"\bpain\s+(?:on\s+the\s+outside|i\s+cause\s+myself|i\s+inflict)\b|\b(?:physical\s+pain|hurting\s+my\s+body)\s+(?:helps|is\s+the\s+only|makes\s+the)\b",
        # others' writing (the 36th-39th blind sets): self harm
        r"\bscratch\w*\b[^.]{0,60}(?:\.\s+)?[^.]{0,30}\b(?:don't|do\s+not|never)\s+(?:even\s+)?(?:have|had|own(?:ed)?)\s+a\s+cat\b",
        r"\bscratch\w*\s+(?:my|me)\s+(?:arms?|legs?|wrists?|skin|thighs?)\s+(?:raw|till|until|to\s+bleed|bloody)\b(?![^.]{0,40}\b(?:bites?|itch\w*|eczema|rash|hives|mosquito\w*|allerg\w*|sunburn)\b)",
        r"\b(?:held|hold|holding|pressed|press\w*|put)\s+my\s+(?:hand|arm|wrist|fingers?|palm)\s+(?:on|against|to|under)\s+(?:the\s+)?(?:hot\s+|boiling\s+|burning\s+)?(?:radiator|hob|stove|iron|oven|kettle|lighter|flame|candle|tap)\b[^.]{0,60}\b(?:as\s+long\s+as|until|till|needed\s+it\s+to\s+hurt|deserved|on\s+purpose|to\s+feel)\b",
        r"\b(?:old\s+habits?|relaps\w*)\b[^.]{0,40}\bcompass\b|\bcompass\b[^.]{0,40}\b(?:old\s+habits?|relaps\w*|my\s+(?:arm|arms|skin|wrist|thigh))\b",
        r"\bdeliberate\s+(?:cuts?|cutting|burns?|burning|injur\w*|self\s+harm|harm)\b",
        r"\b(?:struck|hit|hitting|punch\w*|slapp\w*|beat\w*)\s+myself\s+(?:repeatedly|over\s+and\s+over|again\s+and\s+again|until|till|as\s+(?:a\s+)?punishment)\b",
        r"\bblade\b[^.]{0,60}\b(?:for\s+an\s+hour|looking\s+at\s+it|staring\s+at\s+it)\b",
        # the 40th-43rd blind sets: self harm
        r"\b(?:used\s+to|i've|haven't)\s+(?:cut|self\s+harm\w*|burn(?:ed)?\s+myself)\b[^.]{0,60}\b(?:i\s+want\s+to|wanna|tempted|so\s+bad)\b",
        r"\bscars?\b[^.]{0,40}(?:\.\s+)?[^.]{0,30}\b(?:open\s+(?:them|it)\s+(?:up\s+)?again|reopen)\b",
        r"\bscars?\b[^.]{0,60}(?:\.\s+)?[^.]{0,40}\b(?:bought|got|ordered)\s+(?:new\s+|fresh\s+|more\s+)?blades\b",
    ),
    "calm_after_deciding": (
        r"\b(?:my\s+)?plan\s+is\s+(?:set|made|ready|sorted|done)\b[^.]{0,30}\b(?:calm|peace|peaceful|relief|relieved|lighter|okay)\b",
        r"\bknowing\s+the\s+end\s+is\s+(?:coming|near|close|soon)\b(?!\s+(?:of|for|to)\b)|\bi\s+know\s+the\s+(?:day|date)\b[^.]{0,40}\b(?:quiet|calm|peace|relief|okay|good)\b",
        r"\bdecided\s+to\s+go\b(?!\s+(?:to|for|on|out|back|home|with|abroad|ahead|into|shopping|travelling|away|part))[^.]{0,30}\b(?:quiet|calm|peace|easier|lighter|relief)\b",
        r"\b(?:booked|planned|arranged|sorted|chose|chosen|picked|got)\s+(?:my|your|the|an?)\s+(?:exit|way\s+out|final\s+exit|early\s+exit)\b(?!\s+(?:row|seat|seats|interview|survey|visa|strategy|ticket|from\s+the\s+(?:lease|contract|deal)))",
        r"\b(?:since|after|now\s+that|once)\s+deciding\b(?!\s+(?:to|on|where|what|which|between|against|whether|if|how))[^.]{0,60}\b(?:quiet|okay|ok|calm|peace|peaceful|light|lighter|relief|relieved|easy|easier|settled|fine)\b",
        r"\b(?:know|knows|decided)\s+how\s+it\s+ends\b|\bwon't\s+be\s+(?:there|around|here)\s+for\s+(?:them|it|any\s+of\s+it)\b",
        r"\b(?:since|once|after|now\s+that)\s+(?:i|she|he|you)(?:'ve)?\s+(?:decided|chose|chosen)\b(?!\s+(?:to|on|where|what|which|between|against)\b)",
        r"\bchose\s+(?:a\s+date|the\s+end)\b|\bthe\s+date\s+is\s+set\b|\bmade\s+peace\s+with\s+it\b|\bat\s+peace\s+with\s+the\s+ending\b|\b(?:on|reached)\s+the\s+last\s+page\b(?!\s+of)|\b(?:tidy|tidying|clean|cleaning)\s+up\s+for\s+the\s+last\s+time\b",
        r"\b(?:it's|its)\s+over\s+soon\b|\bquiet\s+because\s+i\s+know\b|\brelieved\b[^.]{0,30}\bknow\s+what\s+i'm\s+going\s+to\s+do\b|\bdeciding\s+took\s+away\b",
        r"\b(?:i've|i\s+have|i)\s+made\s+(?:my|the)\s+(?:decision|choice)\b(?!\s+(?:about|to\s+(?:quit|move|leave\s+my|take|accept|study|stay|go\s+back|sell|buy|apply)|on)\b)",
        r"\bbecause\s+(?:i\s+know\s+)?(?:it's|its|it\s+is|everything\s+is)\s+(?:almost|nearly)\s+(?:over|done|finished)\b|\bknowing\s+(?:it's|its)\s+(?:almost|nearly)\s+over\b",
        r"\b(?:at\s+peace\s+with\s+it|not\s+fighting\s+(?:it|this)\s+anymore|no\s+more\s+fighting|stopped\s+fighting\s+it)\b|\bnone\s+of\s+(?:this|it)\s+will\s+matter\b",
        r"\b(?:stop|stopped)\s+being\s+(?:scared|afraid)\s+(?:the\s+moment|once|when)\s+(?:you|i)\s+decide",
        r"\b(?:know|knowing)\s+what\s+(?:happens\s+next|i'm\s+going\s+to\s+do)\b[^.]{0,30}\b(?:quiet|calm|peace|relief)\b|\b(?:quiet|calm|peace|relief)\b[^.]{0,30}\b(?:know|knowing)\s+what\s+(?:happens\s+next|i'm\s+going\s+to\s+do)\b",
        r"\b(?:calm|calmer|peaceful|peace|light|lighter|relieved|relief|okay|fine|smiling|smile|laugh|laughing|better|still|quiet|free|happy|happier|content|easy|easier|in\s+control)\b[^.]{0,70}\b(?:because|since|now\s+that|knowing|know|once|when)\b[^.]{0,50}\b(?:decided|decision|my\s+choice|made\s+my\s+choice|almost\s+(?:over|done|the\s+end)|won't\s+be\s+long|won't\s+have\s+to|not\s+(?:be\s+)?(?:here|around)\s+(?:for\s+)?long|leaving\s+(?:it|this\s+world|the\s+world|everyone|soon)|the\s+ending|how\s+it\s+ends|when\s+it\s+ends|one\s+of\s+the\s+last|the\s+last\s+time|it's\s+(?:all\s+)?settled|all\s+settled|it's\s+all\s+planned|i\s+have\s+a\s+plan|i've\s+got\s+a\s+plan|be\s+over\s+soon|it'll\s+be\s+over|it\s+ends\s+soon|won't\s+be\s+carrying|much\s+longer)\b",
        r"\b(?:deciding|decided|the\s+decision)\s+(?:was|is)\s+the\s+hard\s+part\b|\b(?:it's|everything's|everything\s+is|it\s+is)\s+(?:all\s+)?(?:decided|sorted\s+now|settled\s+now)\b",
        r"\b(?:made|make)\s+(?:my|the)\s+(?:choice|decision)\b[^.]{0,30}\b(?:not\s+(?:anxious|scared|afraid|worried)|calm|peace|relief|quiet)\b|\b(?:not|no\s+longer)\s+(?:anxious|scared|afraid|panicking|worried)\s+(?:anymore\s+)?(?:because\s+)?(?:i\s+)?(?:made|decided|know\s+what\s+i'm\s+going\s+to\s+do|have\s+a\s+plan)\b",
        r"\bknow\s+what\s+i'm\s+going\s+to\s+do\b[^.]{0,40}\b(?:panic|calm|peace|gone|quiet|relief)\b|\b(?:panic|fear|dread|noise)\s+(?:has|is)\s+gone\b[^.]{0,40}\bknow\s+what\s+i'm\s+going\s+to\s+do\b",
        r"\b(?:none\s+of\s+it|nothing)\s+matters\s+now\b[^.]{0,40}\b(?:because|since|leaving|decided|soon)\b|\b(?:easy|easier)\s+when\s+(?:you're|i'm)\s+leaving\b",
        r"\b(?:not|no\s+longer|isn't|aren't|never)\s+(?:scared|afraid|frightened|terrified)\s+(?:of\s+(?:dying|death|it|the\s+end|ending\s+it|what\s+comes\s+next|not\s+waking)|to\s+die|anymore|now)\b",
        r"\b(?:at\s+peace|calm|calmer|chill|peaceful|relieved|relief|light|lighter|strangely\s+calm|weirdly\s+calm|so\s+calm|happy|weight\s+(?:has\s+)?lifted)\b[^.]{0,60}\b(?:(?:now\s+that|since|because|once|the\s+(?:second|moment|minute|day))\s+i(?:\s+(?:have\s+)?decided|\s+know\s+(?:how|when|it|that\s+it)|\s+have\s+a\s+plan|\s+made\s+(?:(?:up\s+my\s+mind|my\s+mind\s+up)(?!\s+(?:to|about|on|that)\b)|the\s+decision|my\s+decision|a\s+plan)|'ve\s+decided|'ve\s+made|'ve\s+got\s+a\s+plan)|(?:now\s+that|since|because)\s+(?:it's|it\s+is|everything\s+is)\s+(?:decided|planned|sorted|arranged|settled)|(?:it|this|everything)\s+(?:will\s+)?(?:all\s+)?(?:be\s+over|end)\s+soon)\b",
        r"\b(?:(?:decided\b(?!\s+to\b)|decision\s+made|(?:made|make|making)\s+(?:(?:up\s+my\s+mind|my\s+mind\s+up)(?!\s+(?:to|about|on|that)\b)|(?:my\s+decision|the\s+decision|my\s+choice)(?!\s+(?:to|about|on)\b))|know\s+how\s+(?:it|this|everything)\s+ends|know\s+when\s+(?:it|this)\s+ends|it's\s+decided|everything\s+is\s+(?:sorted|arranged|settled|ready))\b)[^.]{0,60}\b(?:peace|calm|grand|relief|relieved|lighter|light|free|weight\s+(?:has\s+)?lifted|weight\s+off|(?:noise|voices?)\s+(?:in\s+my\s+head\s+)?(?:just\s+)?stopped|finally\s+okay|finally\s+feel|no\s+more\s+(?:fear|worry|pain))\b",
        r"\b(?:knowing|know)\s+(?:it|this|the\s+pain|everything)(?:\s+will|\s+is\s+going\s+to|'ll)\s+(?:all\s+)?(?:end|stop|be\s+over)\s+(?:soon|shortly)\b",
        r"\b(?:everything|it\s+all|it)\s+(?:finally\s+)?(?:feels|seems|is)\s+(?:settled|sorted|clear|simple)\s+(?:now\s+that|since|because|now)\b[^.]{0,50}\b(?:decided|know|plan|choice|over|end|go)\b",
        r"\b(?:finally|at\s+last)\s+(?:know|have)\s+(?:a\s+way\s+out|how\s+to\s+make\s+it\s+stop|the\s+answer|an\s+exit)\b",
        r"\b(?:no\s+more\s+(?:pain|fighting|struggling|suffering|pretending))\s+(?:soon|after\s+(?:tonight|tomorrow|this|friday)|for\s+me\s+soon)\b",
        # others' writing (the 36th-39th blind sets): calm after deciding
        r"\b(?:felt|feels|feel|like)\s+(?:like\s+)?(?:the|a|my)\s+last\s+good\s+(?:morning|day|night|evening|one)\b(?![^.]{0,30}\b(?:summer|season|weather|rain|holiday|holidays|term|of\s+the\s+year|before)\b)",
        r"\b(?:my|me)\s+last\s+proper\s+(?:one|tea|dinner|meal|christmas|birthday)\b[^.]{0,20}\bprobably\b",
        r"\bnone\s+of\s+(?:it|this|that)\s+(?:matters|will\s+matter|is\s+going\s+to\s+matter)\s+(?:after|by|once)\s+(?:next|this|tomorrow|tonight|friday|saturday|sunday|monday|tuesday|wednesday|thursday)\b",
        r"\balready\s+said\s+(?:my\s+)?goodbyes?\b(?![^.]{0,40}\b(?:before|airport|station|moving|leaving|party|flight|trip|holiday)\b)",
        r"\bsince\s+deciding\b(?!\s+(?:to\s+(?!(?:die|end\s+it|end\s+my|kill|go\s+through\s+with|do\s+it)\b)|on|what|which|how|where|whether|between|against)\b)",
        r"\b(?:calm\w*|peace\w*|quiet|relaxed|settled|light)\b[^.]{0,60}\bshould\s+(?:scare|worry|frighten|concern)\s+(?:me|you)\b",
        r"\b(?:resolution|decision|decided|peace|calm|clarity|relief|mood\s+lift)\b[^.]{0,80}(?:\.\s+)?[^.]{0,10}\bnot\s+the\s+healthy\s+kind\b",
        r"\beverything(?:\s+is|'s)\s+(?:arranged|in\s+order|taken\s+care\s+of)\s+now\b(?![^.]{0,40}\b(?:wedding|party|move|trip|holiday|exam)\b)[^.]{0,40}\b(?:quiet|calm|peace\w*|light|still|never\s+before)\b",
        r"\b(?:i'm|i\s+am)\s+(?:so\s+)?done\b(?!\s+with)[^.]{0,30}\b(?:peaceful|peace|calm|relief|relieved)\b",
        r"\b(?:slept|sleep|calm\w*|peace\w*|relax\w*|lighter)\b[^.]{0,40}(?:\.\s+)?[^.]{0,20}\bknowing\s+helps\b",
        r"\bin\s+a\s+way\s+(?:she|he|they|you|nobody|no\s+one)\s+(?:can't|cannot|couldn't|won't|wouldn't)\s+(?:know|understand|guess)\b",
        r"\b(?:heaven|the\s+other\s+side|up\s+there)\b[^.]{0,60}\b(?:knows|waiting\s+for\s+me|waits)\b[^.]{0,20}\b(?:i'm|i\s+am)\s+coming\b(?!\s+(?:to|for|over|round|on|back)\b)",
        # the 40th-43rd blind sets: calm after deciding
        r"\bmind(?:'s|\s+is)\s+made\s+up\b(?!\s+about\b)[^.]{0,30}\b(?:quiet|calm|peace\w*)\b",
        r"\b(?:soon|tonight|tomorrow)\b[^.]{0,20}\bgo\s+home\b[^.]{0,20}\bthe\s+real\s+home\b",
    ),
    "past_attempt": (
        r"\bi\s+(?:\w+\s+){0,2}(?:drank|drink|swallowed|took)\s+(?:the\s+|some\s+)?"
        + _POISONS
        + r"\b",
        r"\b(?:since|after)\s+the\s+(?:pills|overdose|od|attempt)\b[^.]{0,60}\b(?:failed|same\s+(?:feeling|pull|thoughts)|still\s+(?:feel|want|think))\b",
        r"\b(?:swallowed|took|downed)\s+(?:a|the)\s+(?:whole\s+)?(?:bottle|packet|box|lot|strip)\b[^.]{0,40}\b(?:and\s+(?:lived|survived|woke\s+up)|ago)\b|\baccident\s+was\s+(?:no|not\s+an?)\s+accident\b",
        r"\b(?:months?|years?|a\s+year)\s+since\s+i\s+(?:took|swallowed)\s+(?:those|all\s+(?:the|those|my))\s+(?:pills|tablets|painkillers)\b(?![^.]{0,15}\bfor\s+(?:my|the|a|an)\b)|\b(?:try|trying|tried|attempting|attempted)\s+to\s+die\b(?!\s+(?:my|her|his|the|it)\s+(?:hair|roots|fringe|beard|eyebrows|clothes|shirt|jeans|wool|fabric))",
        r"\b(?:nearly|almost)\s+went\s+through\s+with\s+it\b(?![^.]{0,20}\b(?:tattoo|piercing|haircut|wedding|divorce|bungee|skydiv\w*|purchase|sale)\b)|\bonly\s+survived\s+because\s+(?:my|the|a|someone|somebody|he|she|they)\b",
        r"\bended\s+up\s+in\s+(?:a\s+e|a\s+and\s+e|the\s+er|er|hospital|icu|resus)\b[^.]{0,60}\blike\s+(?:that|then|last\s+time)\s+again\b",
        r"\bcut\s+me\s+down\b|\bsmelled\s+the\s+(?:fumes|exhaust|gas)\b|\bgrabbed\s+my\s+(?:coat|arm|hand|jacket)\s+before\s+i\s+could\s+(?:go\s+over|jump|step|fall)\b",
        r"\b(?:got\s+to\s+me|pulled\s+me\s+out|dragged\s+me\s+out|found\s+me)\b[^.]{0,80}\b(?:not\s+sure\s+how\s+i\s+feel|don't\s+know\s+if\s+(?:i'm\s+)?(?:grateful|glad|i\s+wanted)|grateful\s+or\s+not|wanted\s+to\s+be\s+found)\b",
        r"\bpulled\s+out\s+of\s+the\s+(?:river|sea|water|canal|lake)\b[^.]{0,40}\bafter\s+i\s+jumped\b",
        r"\b(?:psych(?:iatric|iatrik)?\s+(?:ward|hospital|unit)|the\s+(?:ward|unit)|inpatient|sectioned|crisis\s+team|home\s+treatment\s+team|discharged|admitted)\b[^.]{0,100}\b(?:slipp?(?:ing|in)|slid(?:ing|e)|sink(?:ing)?|spiral(?:l)?ing|goin[g]?\s+downhill|back\s+(?:to|in|into)\s+(?:where|that|the\s+same|how)|same\s+(?:hole|dark\s+place|place|thoughts)|creeping\s+back|closer\s+to\s+that\s+edge|warning\s+signs)\b",
        r"\b(?:feel|felt)\s+(?:exactly\s+)?like\s+i\s+did\s+(?:the\s+\w+\s+)?before\s+(?:i\s+was\s+)?(?:sectioned|admitted|admission|the\s+ward)\b|\bback\s+to\s+how\s+i\s+was\s+before\s+(?:admission|the\s+ward|i\s+was\s+admitted)\b",
        r"\b(?:they|you|she|he|mum|mom|dad|someone|my\s+\w+)\s+found\s+me\s+in\s+the\s+(?:car|garage|bath|bathtub|woods)\b(?=[^.]{0,60}\b(?:engine|pills|wish\s+(?:they|you|she|he)|not\s+breathing|ambulance|hospital|paramedics)\b)",
        r"\b(?:er|a&e|hospital|icu|paramedics?|i\s+was\s+lucky|survived)\b[^.]{0,80}\b(?:feel\s+like|want\s+to|wanna|thinking\s+(?:about|of))\s+trying\s+(?:it\s+)?again\b",
        r"\b(?:since|after)\s+(?:the|my)\s+(?:hospital|psych\s+ward|ward|overdose|attempt|section(?:ing)?)\b[^.]{0,60}\b(?:slipping|sliding|falling)\s+(?:back|again)\b",
        r"\b(?:since|after|when|before|the\s+last\s+time|last\s+time|the\s+time)\s+(?:i|you|she|he)\s+(?:tried|attempted|jumped|overdosed)\b(?!\s+(?:to\s+(?!kill|end|die|hang|jump|overdose|take\s+my)|the|a|an|on|out|it\s+on|my\s+best|yoga|sushi|that|this|some|again\s+to))",
        r"\b(?:i've|i\s+have|i'd|she's|he's|you've)\s+tried\s+(?:twice\s+|once\s+|three\s+times\s+|a\s+few\s+times\s+)?before\b",
        r"\b(?:my|your|her|his)\s+(?:suicide\s+)?attempt\b(?!\s+(?:at|to|was\s+a\s+(?:success|disaster\s+in\s+the\s+kitchen)))|\battempted\b(?!\s+(?:to\s+(?:fix|make|bake|cook|learn|get|pass|run|climb|swim|explain|call)|a\s|the\s|an\s))",
        r"\btried\s+to\s+(?:yeet|kill|end|hang|drown|overdose|poison|take\s+my)\b|\b(?:trying|tried)\s+(?:it\s+)?again\b[^.]{0,30}\b(?:scared|afraid|worried|think\s+about|thinking)\b",
        r"\b(?:tried|try|trying|attempted|attempt)\s+(?:to\s+)?(?:kill|end|hang|drown|overdose|od|poison|shoot|off|take\s+my|suicide|cut\s+my\s+wrists|jump)\b",
        r"\b(?:suicide|failed|botched|unsuccessful)\s+attempts?\b(?!\s+(?:at\s+(?:baking|cooking|the|a|making|parallel)|to\s+(?:pass|bake|make|fix|learn|get)))",
        r"\battempted\s+(?:suicide|to)\b|\battempts?\s+on\s+my\s+(?:own\s+)?life\b",
        r"\b(?:since|after|before|when|my|the|an)\s+(?:my\s+)?(?:overdose|od|attempt)\b(?!\s+(?:at\s+(?:baking|cooking|the|a|making)|to\s+(?:pass|bake|make|fix|learn|get)))",
        r"\b(?:the\s+last|the\s+first|last|that|the\s+other)\s+time\s+i\s+(?:tried|attempted|did\s+it|nearly\s+did\s+it|almost\s+did\s+it|ended\s+up\s+in\s+hospital|took\s+(?:all|the|too\s+many|a\s+bottle))\b(?=[^.]{0,60}\b(?:pills|die|kill|end|it|hospital|overdose|wrist|rope|bridge|survived|woke|didn't\s+work|failed)\b|\s*\.|\s*$)",
        r"\b(?:pumped|pump)\s+my\s+stomach\b|\bstomach\s+pumped\b",
        r"\b(?:woke|wake|waking)\s+up\s+in\s+(?:the\s+)?(?:hospital|a&e|er|icu|intensive\s+care)\s+(?:after|because|when)\b(?![^.]{0,30}\b(?:surgery|operation|op|bypass|transplant|accident|crash|birth|c\s+section|fall|fell|stroke|heart\s+attack)\b)",
        r"\b(?:survived|survivor\s+of)\s+(?:my|an|the|a)\s+(?:overdose|attempt|suicide\s+attempt|jump|fall)\b",
        r"\b(?:didn't|did\s+not)\s+work\s+(?:last\s+time|the\s+last\s+time|the\s+first\s+time)\b",
        r"\b(?:anniversary|year|years|months)\s+(?:of|since)\s+(?:my|the)\s+(?:attempt|overdose|od|suicide\s+attempt|hospitali[sz]ation)\b",
        r"\b(?:almost|nearly)\s+(?:died|didn't\s+make\s+it)\s+(?:by|from|after)\s+(?:my\s+own\s+hand|my\s+overdose|the\s+pills|taking)\b",
        r"\b(?:sectioned|psych\s+ward|psychiatric\s+ward|inpatient)\b[^.]{0,50}\b(?:after\s+i|because\s+i|when\s+i)\s+(?:tried|took|cut|attempted|jumped|overdosed)\b",
        r"\bthe\s+(?:night|day|morning|evening)\s+(?:you|she|he|they|mum|mom|dad|my\s+\w+)\s+found\s+me\b"
        r"(?!\s+(?:a|the|my|at\s+the\s+(?:station|airport|party))\b)",
        # others' writing (the 36th-39th blind sets): past attempt
        r"\b(?:woke|wake|waking|woken|came\s+round|came\s+to)\s+(?:up\s+)?in\s+(?:the\s+|an\s+)?(?:icu|intensive\s+care|er|a\s+and\s+e|resus|ambulance|hospital|psych\s+ward|hdu)\b[^.]{0,60}\b(?:disappoint\w*|annoyed|angry|mad|let\s+down|gutted|furious|wish\w*)\b",
        r"\b(?:took|swallowed|downed|had\s+taken)\s+(?:many|all|a\s+(?:lot|handful|bunch|load)|everything|too\s+many|the\s+whole)\b[^.]{0,60}\b(?:woke|waking|came\s+round|came\s+to)\b[^.]{0,20}\b(?:icu|intensive\s+care|er|a\s+and\s+e|hospital|ambulance|resus)\b",
        r"\b(?:last|that)\s+time\b[^.]{0,20}\b(?:woke|came\s+round)\s+(?:up\s+)?in\s+(?:the\s+)?(?:icu|intensive\s+care|resus)\b(?![^.]{0,40}\b(?:surgery|operation|op|accident|crash|birth)\b)",
        r"\b(?:mad|angry|annoyed|furious|disappointed|upset)\s+(?:that\s+)?(?:they|the\s+(?:paramedics|doctors|nurses|ambulance\s+crew))\s+(?:brought|got)\s+me\s+back\b|\bafter\s+the\s+narcan\b",
        r"\bstomach\s+pump\w*\b|\b(?:activated\s+)?charcoal\b[^.]{0,40}\b(?:nurse|hospital|a\s+and\s+e|er)\b",
        r"\b(?:stitch\w*|patched)\s+me\s+up\b[^.]{0,40}\b(?:like|as\s+if)\s+nothing\s+(?:happened|had\s+happened)\b",
        r"\bthe\s+(?:rope|belt|cord|branch|knot|noose)\s+(?:broke|snapped|gave\s+way)\b(?=[^.]{0,40}\b(?:last\s+time|that\s+time|first\s+time|a\s+sign)\b)(?![^.]{0,40}\b(?:climb\w*|swing|tug|boat|tent|washing)\b)",
        r"\b(?:bridge|water|river|sea|train|drop|fall)\s+(?:didn't|did\s+not|wouldn't)\s+take\s+me\b",
        r"\b(?:said|told\s+me)\s+i\s+was\s+lucky\b[^.]{0,40}\b(?:didn't|don't|did\s+not)\s+feel\s+lucky\b",
        r"\btried\s+to\s+(?:drive|jump|throw\s+myself)\s+(?:off|into)\s+the\s+(?:pier|bridge|cliff|quarry|harbour|river|sea)\b",
        r"\b(?:i|you|she|he)\s+tried\s+once\b(?!\s+(?:to|before|but)\b)[^.]{0,60}\b(?:feeling|urge|thought|voice|it)\b[^.]{0,20}\b(?:again|back|returning|whisper\w*)\b",
        # the 40th-43rd blind sets: past attempt
        r"\bcan't\s+look\s+at\s+(?:that|the)\s+hose\b|\bthe\s+night\s+i\s+went\s+off\s+the\s+(?:pier|bridge|cliff)\b",
        r"\b(?:coast\s*guard|lifeboat|police|they)\s+(?:fished|pulled|dragged)\s+me\s+out\b(?![^.]{0,30}\b(?:cramp|current|rip|surf|canoe|kayak)\b)",
        r"\b(?:icu|a\s+and\s+e|er|nurses?|ward|hospital|paramedics?)\b[^.]{0,40}\b(?:knew|know)\s+(?:me\s+by\s+name|my\s+name)\b[^.]{0,30}\b(?:second|third|fourth)\s+time\b(?![^.]{0,30}\b(?:dialysis|chemo\w*|infusion|transfusion)\b)",
        r"\b(?:checks|checking|locks|locked|hides|hid)\s+my\s+(?:medicine|pills|meds|tablets)\b[^.]{0,40}\bsince\b(?![^.]{0,30}\b(?:stroke|dementia|memory|surgery|operation|diagnos\w*|fall|mix\s+up)\b)",
        r"\b(?:psych\w*\s+ward|hospital|icu|sectioned)\b[^.]{0,40}\bafter\s+what\s+i\s+did\b|\bscar\s+on\s+my\s+(?:neck|wrists?)\s+from\s+that\s+(?:night|day|time)\b",
        r"\b(?:years?|months?)\s+ago\s+i\s+tried\s+and\s+failed\b(?!\s+(?:to|at)\b)",
        r"\b(?:admitted|rushed)\s+(?:in|to|into)\s+(?:the\s+)?(?:icu|hospital|a\s+and\s+e|er)\s+after\s+(?:swallowing|taking|drinking|overdos\w*)\b",
        r"\bsince\s+i\s+tried\b(?=\s+and\b|\s*(?:\.|$))",
    ),
    "other_languages": (
        # The most explicit phrases in the languages of the crisis-number list.
        r"\b(?:je\s+veux\s+mourir|envie\s+de\s+mourir|me\s+suicider|me\s+tuer|mettre\s+fin\s+à\s+(?:mes\s+jours|ma\s+vie)|en\s+finir|plus\s+envie\s+de\s+vivre|je\s+ne\s+veux\s+plus\s+vivre|suicide)\b",
        r"\b(?:ich\s+will\s+(?:nicht\s+mehr\s+leben|sterben|tot\s+sein)|will\s+nicht\s+mehr\s+leben|mich\s+umbringen|mir\s+das\s+leben\s+nehmen|selbstmord|suizid|nicht\s+mehr\s+aufwachen|mich\s+(?:töten|ritzen))\b",
        r"\b(?:quiero\s+morir(?:me)?|suicidarme|matarme|no\s+quiero\s+vivir|quitarme\s+la\s+vida|acabar\s+con\s+mi\s+vida|suicidio|no\s+quiero\s+despertar)\b",
        r"\b(?:voglio\s+morire|uccidermi|suicidarmi|togliermi\s+la\s+vita|non\s+voglio\s+più\s+vivere|suicidio)\b",
        r"\b(?:quero\s+morrer|me\s+matar|suicidar|tirar\s+a\s+minha\s+vida|não\s+quero\s+mais\s+viver|suicídio)\b",
        r"\b(?:ik\s+wil\s+dood|zelfmoord|wil\s+niet\s+meer\s+leven|mezelf\s+(?:van\s+kant\s+maken|doden|iets\s+aandoen))\b",
        r"\b(?:chcę\s+umrzeć|zabić\s+się|samobój\w*|nie\s+chcę\s+żyć)\b",
        r"\b(?:vill\s+dö|ta\s+livet\s+av\s+mig|självmord|vil\s+dø|selvmord|tage\s+mit\s+eget\s+liv|ta\s+mitt\s+eget\s+liv)\b",
        r"(?:хочу\s+умереть|покончить\s+с\s+собой|самоубийств|убить\s+себя|не\s+хочу\s+жить)",
        r"\b(?:ölmek\s+istiyorum|intihar|kendimi\s+öldür)",
        r"(?:死にたい|自殺|消えたい|想死|自杀|不想活|죽고\s*싶|자살|أريد\s+أن\s+أموت|انتحار|मरना\s+चाहत|आत्महत्या)",
    ),
}

# Everyday speech that looks alike; removed before the categories are read.
IDIOMS: tuple[str, ...] = (
    r"\b(?:flu|a\s+cold|hangover|hungover|migraine|food\s+poisoning|cramps|fever|stomach\s+bug|covid|leg\s+day|workout)\b[^.]{0,40}\b(?:feel|feels|felt|feeling)\s+like\s+(?:i'm\s+)?dying\b",
    r"\b(?:phone|battery|laptop|tablet|charger|controller)\b[^.]{0,25}\b(?:about\s+to\s+die|dying|dead|died)\b",
    r"\bkill(?:ing|ed)?\s+(?:myself|yourself|herself|himself)\s+laughing\b",
    r"\b(?:boring|bored|laugh(?:ed|ing)?\s+so\s+hard|so\s+funny|hilarious)\b[^.]{0,40}\b(?:might|could|will|gonna|going\s+to)\s+(?:actually\s+|literally\s+)?die\b",
    r"\bthought\s+i(?:\s+was\s+going\s+to|\s+would|'d|\s+might)\s+die\b(?=[^.]{0,100}\b(?:but|finished|made\s+it|laugh|laughed|lol|haha|survived\s+the)\b)",
    r"\b(?:dying|dead|die)\s+(?:to|for)\s+(?!myself\b)",
    r"\bto\s+die\s+for\b",
    r"\b(?:nearly|almost|literally|basically|could\s+have|could've|i)\s+died\s+(?:laughing|of\s+(?:laughter|embarrassment|shame|boredom|cringe|cuteness)|when\s+(?:i\s+saw|he|she|they))\b",
    r"\b(?:dying|died|die|dead)\s+(?:of\s+(?:laughter|embarrassment|boredom|cringe|thirst|hunger|cuteness|curiosity)|laughing|inside\s+lol)\b",
    r"\bdead\s+(?:tired|serious|beat|on\s+my\s+feet|set|end|battery|phone|line|centre|center|silence|quiet|easy|good|funny|boring|cute|simple|ringer|heat|of\s+(?:night|winter))\b",
    r"\b(?:phone|laptop|battery|car|plant|plants|tv|computer|charger|headphones|the\s+mood|conversation|party|wifi|engine|torch|vibe|joke)\s+(?:died|is\s+dead|was\s+dead|dying|is\s+dying)\b",
    r"\bkill(?:ing|ed|s)?\s+(?:it|time|the\s+vibe|the\s+mood|two\s+birds|the\s+lights|the\s+music|the\s+engine|the\s+game|the\s+spider|a\s+spider|the\s+fly|a\s+fly|the\s+wasp|weeds|the\s+weeds|bacteria|germs|the\s+bottle|the\s+conversation|my\s+buzz)\b",
    r"\b(?:is|are|was|were|it's|they're|this\s+\w+\s+is|these\s+\w+\s+are|'s|'re)\s+(?:literally\s+|actually\s+|honestly\s+|slowly\s+)?killing\s+me\b(?![^.]{0,20}\b(?:and\s+i\s+(?:want|wish|hope)|good)\b)",
    r"\b(?:could|would|'d)\s+(?:kill|murder|strangle|throttle)\s+(?:for|him|her|them|my\s+(?:boss|brother|sister|mum|mom|dad|flatmate|roommate|neighbour|neighbor|teacher|ex|partner|husband|wife|boyfriend|girlfriend|kids?|son|daughter|manager|colleague|cat|dog))\b",
    r"\b(?:going\s+to|gonna|will|i'll)\s+(?:kill|murder|strangle)\s+(?:him|her|them|my\s+(?:boss|brother|sister|mum|mom|dad|flatmate|roommate|neighbour|ex|partner|kids?))\b",
    r"\b(?:my|his|her|their)\s+(?:mum|mom|dad|boss|teacher|parents|coach|sister|brother|wife|husband)(?:\s+is\s+going\s+to|\s+will|'s\s+going\s+to|\s+would)\s+kill\s+me\b",
    r"\b(?:murdered|destroyed|slayed|killed|smashed|nailed|crushed)\s+(?:it|the\s+(?:exam|test|presentation|interview|set|gig|workout|race))\b",
    r"\b(?:exam|test|workout|run|gym|class|meeting|shift|boss|hike|commute|heat|cold|week|day|job)\s+(?:nearly\s+|almost\s+|literally\s+)?(?:killed|murdered|destroyed|wrecked)\s+me\b",
    r"\b(?:bored|scared|worried|embarrassed|laughed|frozen|starving|freezing)\s+to\s+death\b",
    r"\bend\s+of\s+(?:the|my|this|that|a)\s+(?:day|week|month|year|term|line|road|shift|semester|season|series|book|film|movie|show|story|world|era|chapter|lease|contract|tunnel|month)\b",
    r"\b(?:end|ended|ending|ends)\s+(?:it|things)\s+(?:with|between)\b",
    r"\bbroke\s+up\b[^.]{0,30}\bend(?:ed)?\s+(?:it|things)\b",
    r"\bjump(?:ed|ing|s)?\s+(?:rope|ropes|in\s+(?:the\s+)?(?:car|queue|shower|pool)|at\s+the\s+chance|the\s+queue|the\s+gun|ship|through\s+hoops|to\s+conclusions|for\s+joy|up\s+and\s+down|off\s+the\s+diving\s+board|into\s+the\s+pool|off\s+the\s+rocks\s+into|off\s+the\s+pier\s+into|into\s+the\s+(?:lake|sea|river|water)\s+(?:with|for\s+a\s+swim|to\s+cool))\b",
    r"\b(?:ropes?\s+course|skipping\s+rope|climbing\s+ropes?|learn(?:ed|ing|t)?\s+the\s+ropes|on\s+the\s+ropes|rope\s+swing|tow\s+rope|jump\s+rope)\b",
    r"\b(?:hang|hanging|hung)\s+(?:out|in\s+there|on|up|around|about|the\s+(?:washing|laundry|picture|pictures|painting|curtains|lights|decorations|coats?)|a\s+(?:picture|painting|shelf|mirror)|pictures|washing|laundry|lights|decorations|with)\b",
    r"\b(?:cut|cutting)\s+(?:my\s+)?(?:hair|fringe|bangs|nails|losses|ties|corners|back\s+on|down\s+on|class|the\s+cake|the\s+grass|the\s+hedge|the\s+lawn|the\s+(?:onions|carrots|vegetables|veg|bread|fabric|paper|wood)|it\s+close|out\s+sugar|out\s+caffeine|out\s+coffee|out\s+alcohol|out\s+meat|carbs|him\s+off|her\s+off|them\s+off|my\s+finger\s+(?:chopping|on|while|cooking))\b",
    r"\bshoot\s+(?:me\s+)?(?:a\s+(?:text|message|email|dm)|hoops|photos|a\s+film|for\s+the\s+stars|my\s+shot)\b|\bshoot\s+me\s+now\b",
    r"\bover\s*dos(?:e|ed|ing)\s+on\s+(?:sugar|caffeine|coffee|chocolate|netflix|tv|cake|sweets|candy|love|cuteness|carbs|memes|tiktok|vitamins?)\b",
    r"\b(?:deadline|deadlines|deadlift|deadlifts|deadpan|deadlock|dead\s+end|deadly\s+(?:serious|boring|dull))\b",
    r"\b(?:could|can)\s+sleep\s+(?:forever|for\s+(?:a\s+week|days|a\s+year|a\s+hundred\s+years|ever))\b",
    r"\bdisappear\s+(?:into|for|under|to|from)\s+(?:my\s+)?(?:book|books|the\s+(?:woods|forest|mountains|countryside|garden|library|kitchen|studio|weekend|afternoon|holidays)|a\s+(?:book|cabin|weekend|week|few\s+days)|work|music|reading|a\s+cabin|netflix|games|bed\s+for)\b",
    r"\b(?:killer|killers)\s+(?:workout|heels|app|deal|view|song|track|line|outfit|idea|sudoku|instinct|whale|whales|queen|bee)\b|\bserial\s+killer\b",
    r"\b(?:game|the\s+game|video\s+game|fortnite|minecraft|zombies?|boss\s+fight|character|my\s+character|sims?)\b[^.]{0,30}\b(?:killed|died|die|dead|kill)\b",
    r"\b(?:kill|killed|killing)\b[^.]{0,20}\b(?:in\s+the\s+game|in\s+fortnite|in\s+minecraft|zombies?|boss)\b",
)

# Statements that a risk is not present. Removed before reading, so that "I'm not
# suicidal" is no signal, while "I'm not scared anymore" is not a denial at all.
# A sentence that looks back on risk from recovery ("years ago I wanted to die, and I'm
# glad I stayed") is a denial as a whole: it names a past and a good present.
RECOVERY_PAST = r"\b(?:used\s+to|years?\s+ago|months?\s+ago|(?<!since\s)last\s+year|(?:years?|yrs?|months?)\s+since|when\s+i\s+was|back\s+then|in\s+the\s+past(?!\s+(?:few|couple|week|month|day|year|while|\d+|two|three|four|several))|in\s+high\s*school|younger\s+me|old\s+voice|the\s+(?:version|part)\s+of\s+me\s+(?:who|that)|at\s+(?:nineteen|sixteen|fifteen|\d+)|the\s+year\s+(?:i|you)|the\s+part\s+of\s+me\s+that\s+used\s+to|was\s+in\s+hospital)\b"
RECOVERY_NOW = r"\b(?:proud|glad|grown|healed|healing|behind\s+me|in\s+the\s+past|want\s+to\s+live|wants\s+to\s+live|amazed|how\s+far|happy|recovered|recovery|don't\s+anymore|not\s+anymore|doesn't\s+have|haven't\s+in|no\s+longer|stayed|still\s+here)\b"
# ... or the past set against a present ("a year ago I was writing goodbye letters, tonight
# I'm writing wedding invitations"), so long as nothing says the risk is still there.
RECOVERY_CONTRAST = r"\b(?:now|today|tonight|this\s+year|these\s+days|nowadays)\b"
RECOVERY_NOT_YET = r"\b(?:again|still(?!\s+here)|lately|recently|back\s+(?:to\s+(?:it|that|square\s+one|the\s+start|where)|where|there|in\s+(?:hospital|the\s+ward|that\s+place))|(?:came|come|comes|coming|is|are)\s+back|relaps\w*|urges?|tempt\w*|can't|cannot|worse|miss\s+(?:it|that|them|the)|some\s+days|sometimes|struggl\w*|scared|afraid|ago\s+today|anniversary|not\s+sure|wish\s+(?:they|you|she|he)\s+(?:hadn't|didn't|had\s+not)|same|creep\w*|keep\s+think\w*|(?:just\s+|exactly\s+)?like\s+(?:back\s+)?then|like\s+that\s+(?:night|time|day|year)|the\s+same\s+as\s+then|should(?:'ve|\s+have)|don't\s+know|what\s+to\s+do|hard|low|dark|numb|empty|alone|help)\b"

# Words that soften or stress without changing what is said; the rules also read a text
# without them, so a pattern need not allow for each one.
FILLERS = r"\b(?:just|really|honestly|literally|actually|even|simply|truly|genuinely|seriously|totally|basically|kind\s+of|sort\s+of|a\s+bit|a\s+little)\b"

DENIALS: tuple[str, ...] = (
    r"\b(?:\d+|one|two|three|four|five|six|a|an)\s+(?:years?|yrs?|months?|weeks?|days?)\s+(?:no|free\s+(?:from|of)|without|clean\s+(?:from|of)|since\s+(?:my\s+)?last)\s+(?:self\s+harm|cutting|hurting\s+myself|harming)\b(?![^.]{0,20}\b(?:and|but)\s+(?:i\s+|then\s+i\s+)?(?:broke|relapsed|lost|ruined|slipped)\b)",
    r"\b(?:self\s+harm|cutting|sh)\s+free\b|\b(?:free|clean)\s+(?:from|of)\s+(?:self\s+harm|cutting)\b(?!\s+(?:until|but|till|and\s+(?:i\s+)?(?:broke|relapsed|lost|ruined|slipped)))|\b(?:self\s+harm|suicide|bereavement)\s+(?:support\s+)?group\b|\bone\s+year\s+coin\b",
    r"\b(?:i'm|i\s+am)?\s*not\s+(?:going\s+to|gonna)\s+(?:hurt|harm|kill)\s+myself\b",
    r"\b(?:don't|didn't|do\s+not|did\s+not|none\s+of\s+me|doesn't)\s+wants?\s+to\s+(?:die|hurt\s+myself|harm\s+myself|kill\s+myself|disappear)\b(?=[^.]{0,25}\b(?:i\s+just|just|i\s+want\s+(?:this|the|a|to\s+(?:rest|sleep|vent|cry))|i\s+need|i\s+felt)\b)",
    r"\b(?:not|never)\s+(?:thinking|thought)\s+(?:about|of)\s+(?:dying|suicide|hurting\s+myself|killing\s+myself|ending\s+it)\b",
    r"\b(?:haven't|hasn't|have\s+not|didn't)\s+(?:felt\s+like|thought\s+about|wanted\s+to|been)\s+(?:hurting|cutting|harming|dying|suicidal|hurt)\b[^.]{0,30}\b(?:in|for|since)\s+(?:months|years|ages|weeks|a\s+year|a\s+long\s+time)\b",
    r"\b(?:thoughts\s+of\s+suicide|suicidal\s+thoughts)\b[^.]{0,20}\b(?:i\s+said\s+no|said\s+no|none|no\s+longer)\b",
    r"\b(?:i've\s+never\s+been|never\s+been|not|wasn't|not\s+feeling)\s+(?:actually\s+|really\s+|at\s+all\s+)?suicidal\b",
    r"\bnot\s+(?:in\s+a\s+)?(?:suicidal|self\s+harm)\s+(?:way|sense|place)\b",
    r"\b(?:no|not\s+having\s+any|haven't\s+had\s+any|never\s+had)\s+(?:thoughts?|plans?|urges?)\s+(?:of|about|to)\s+(?:suicide|self\s+harm|hurting\s+myself|killing\s+myself|harming\s+myself|ending\s+(?:it|my\s+life)|dying)\b",
    r"\b(?:would|will|could)\s+never\s+(?:actually\s+)?(?:hurt|harm|kill)\s+myself\b",
    r"\b(?:suicide|self\s+harm|mental\s+health)\s+(?:prevention|awareness|hotline|helpline|training|charity|walk|fundraiser|first\s+aid|course|module|research|statistics|rates?)\b",
    r"\b(?:haven't|have\s+not|hasn't|didn't|did\s+not|never)\s+(?:self\s+harm(?:ed)?|cut|hurt\s+myself|harmed\s+myself|self\s+harmed)\s+(?:in|for|since)\s+(?:over\s+)?(?:a|an|\d+|two|three|four|five|six|several|many|months|years|ages|weeks)\b(?![^.]{0,60}\b(?:urge|want|tempt|relaps|until|but)\b)",
    r"\b(?:used\s+to|in\s+the\s+past\s+i)\s+(?:self\s+harm|cut|hurt\s+myself|want\s+to\s+die|feel\s+suicidal)\b[^.]{0,60}\b(?:not\s+anymore|but\s+not\s+now|but\s+i\s+don't\s+now|proud|years\s+ago|no\s+longer|recovered|better\s+now)\b",
)
