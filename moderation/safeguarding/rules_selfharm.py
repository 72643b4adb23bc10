"""Rules for self-harm and suicidal thoughts, in a child or in an adult.

Rules marked ``subject=True`` say nothing about who is at risk; the detector
works that out from the pronouns around the hit ("I", "she", "my husband").
"""

from __future__ import annotations

from .rule import Rule, rule

SH = "self_harm_child"  # placeholder; subject rules are resolved per message
ACCIDENTAL = (
    r"\b(?:fell|falling|tripped|slipped|trampoline|bike|scooter|playground|football|rugby|"
    r"accident\w*|oven|iron|kettle|hob|stove|pan|by mistake|cooking|baking|sport|pe)\b"
)

SELF_HARM: tuple[Rule, ...] = (
    rule(
        "kill_self",
        SH,
        0.9,
        r"\b(?:kill(?:s|ing|ed)? (?:my|her|him|them|your)sel(?:f|ves)\b(?! laughing| off)|"
        r"commit(?:ting|ted)? suicide|take (?:my|her|his|their) (?:own )?life|end(?:ing|ed|s)? "
        r"(?:my|her|his|their) (?:own )?life|end(?:ing)? it all|ended it all|(?:id|would|wouldve)"
        r" (?:have )?ended it|end it (?:tonight|now))\b",
        "kill kills killing killed commit committing committed life end ending ended",
        subject=True,
    ),
    rule("suicide_word", SH, 0.65, r"\bsuicid(?:e|al)\b", "suicide suicidal", subject=True),
    rule(
        "want_to_die",
        SH,
        0.8,
        r"\b(?:(?:want(?:s|ed)?|wanting) to (?:die|be dead)\b(?! of\b| laughing| for\b)|wish(?:es|e"
        r"d)?"
        r" (?:i|she|he|they) (?:was|were|wasnt|werent|had never been|was never|were never) "
        r"(?:dead|here|alive|born|around)|(?:dont|doesnt|didnt|do not|does not) want to (?:be "
        r"here(?! at| in| for| with| on| when| today| tomorrow)|be alive|live(?! like| with| in| "
        r"near| there| here)|exist|wake up|go on(?= any ?more| living|\s*$|[.,!?]))|(?:go to "
        r"sleep|sleep) and (?:not|never) wake up)",
        "die dead wish wishes wished here alive live exist wake sleep go",
        subject=True,
        jokeable=True,
    ),
    rule(
        "better_off",
        SH,
        0.85,
        r"\b(?:better off (?:dead|without (?:me|her|him|them|us)|if (?:i|she|he|they) (?:was|"
        r"were|wasnt|werent) (?:dead|here|around|gone|alive))|(?:no ?one|nobody) (?:would|will) "
        r"(?:even )?(?:notice|care|miss (?:me|her|him))\b<G>{0,25}?\bif (?:i|she|he) (?:was|were|"
        r"died|disappeared|wasnt|werent)|burden (?:to|on) (?:everyone|everybody|my family|them|"
        r"the family)|(?:better off|happier|easier|relieved|wouldnt (?:notice|care)|not (?:notice|"
        r"care))\b<G>{0,30}?\bif (?:i|she|he) (?:just )?(?:wasnt|werent|was not|was gone|were gone"
        r"|was dead|were dead|died|disappeared)|whats the point (?:of|in) (?:me|living|anything|"
        r"life|going on|being here)|"
        r"no (?:point|reason) (?:in |to )?(?:living|live|being alive|going on|being here))\b",
        "better notice care miss burden happier easier relieved point reason",
        subject=True,
    ),
    rule(
        "self_injury",
        SH,
        0.85,
        r"\b(?:(?:cut|cuts|cutting|burn|burns|burning|burnt|burned|harm|harms|harming|harmed|hurt|"
        r"hurts|hurting|scratch(?:es|ing|ed)?|hit(?:s|ting)?|punch(?:es|ing|ed)?|starv\w*|"
        r"strangl\w*|chok(?:es|ed|ing)) (?:my|her|him|them|your)sel(?:f|ves)|self[- ]?"
        r"(?:harm\w*|injur\w*))\b",
        "cut cuts cutting burn burns burning burnt burned harm harms harming harmed hurt hurts "
        "hurting scratch* hit hits hitting punch* starv* strangl* chok* self selfharm* selfinjur*",
        unless=ACCIDENTAL,
        subject=True,
    ),
    rule(
        "overdose",
        SH,
        0.9,
        r"\b(?:overdos\w*|(?:taken|swallowed|took|has had) (?:(?:a load|loads|a lot|a handful|a "
        r"bunch|a packet|packets|a box|a bottle|all|most|half|lots) of (?:her|his|my|their|the)? ?|"
        r"all (?:her|his|my|their|the) |too many |extra )?(?:tablets|pills|paracetamol|co-?codamol|"
        r"ibuprofen|sleeping (?:pills|tablets)|painkillers|antidepressants|meds|medication))\b",
        "overdos* taken swallowed took has",
        unless=r"\bfor (?:my|her|his|the|a) (?:headache|migraine|temperature|temp|pain|cold|fever"
        r"|back|tooth|period|adhd|asthma)|\b(?:calpol|as prescribed|prescribed)\b",
        urgent=True,
        subject=True,
    ),
    rule(
        "method",
        SH,
        0.85,
        r"\b(?:how (?:many|much) (?:pills|tablets|paracetamol)\b<G>{0,25}?\b(?:die|kill|overdose|"
        r"od|dead|lethal)|(?:ways|how) to (?:kill (?:my|your|her|him)sel(?:f|ves)|die|commit "
        r"suicide|end (?:it|my life)|hang (?:my|your)self)|looked up how|(?:has|got|made|making) "
        r"a plan (?:to|for) (?:kill|end|die|suicide))\b",
        "how ways looked has got made making",
        subject=True,
    ),
    rule(
        "ligature",
        SH,
        0.9,
        r"\b(?:(?:tied|tying|tie|wrapped|wrapping|put|pulled|tightened)\b<G>{0,25}?\b(?:round|"
        r"around) (?:her|his|my|their) neck|ligature\w*|noose|tried to hang|hang(?:ing)? (?:my|"
        r"her|him|them)sel(?:f|ves))\b",
        "tied tying tie wrapped wrapping put pulled tightened ligature ligatures noose tried hang "
        "hanging",
        unless=r"\b(?:scarf|costume|nativity|dressing up|school tie)\b",
        urgent=True,
        subject=True,
    ),
    rule(
        "jump",
        SH,
        0.8,
        r"\b(?:(?:jump\w*|throw\w* (?:my|her|him|them)sel\w*) (?:off|from|in front of|into) (?:a|"
        r"the|that) (?:bridge|building|roof|cliff|car park|multi-?storey|train|bus|lorry|car|"
        r"river|motorway|tracks)|driv\w* (?:my car |the car |it )?(?:into|off) (?:a|the) (?:wall|"
        r"tree|lorry|river|bridge|cliff)|step\w* (?:out )?in front of (?:a|the) (?:train|bus|"
        r"lorry|car|traffic))\b",
        "jump* throw* driv* step*",
        subject=True,
        jokeable=True,
    ),
    rule(
        "goodbye",
        SH,
        0.75,
        r"\b(?:(?:goodbye|suicide|farewell) (?:letter|note|message|video|texts?|post)|goodbye "
        r"(?:everyone|all|world|everybody)|last (?:youll|you will) (?:ever )?(?:hear|see) (?:from|o"
        r"f) "
        r"me|wont be (?:here|around) (?:tomorrow|much longer|for long)|giv(?:ing|en|es"
        r"|e)? (?:all )?(?:her|his|their|my) (?:stuff|things|belongings|possessions|games|toys) "
        r"away|giv(?:ing|en|es|e)? away (?:all )?(?:her|his|their|my) (?:stuff|things|belongings"
        r"|possessions|games|toys))\b",
        "goodbye suicide farewell giving given gives give last wont",
        subject=True,
    ),
    rule(
        "planning",
        SH,
        0.6,
        r"\b(?:plann\w* how (?:i|to|she|he)(?:d| would| will| could)? (?:do it|end it|go|die)|"
        r"(?:thought|thinking|think) (?:about|of) (?:taking|swallowing) (?:all|a load of|loads of|"
        r"the whole)\b<G>{0,15}?\b(?:tablets|pills|meds|paracetamol)|want(?:s|ed)? to disappear "
        r"(?:and never|forever|for good|for ever))\b",
        "plann* thought thinking think want wants wanted",
        subject=True,
    ),
    rule(
        "farewell_letters",
        SH,
        0.5,
        r"\b(?:written|wrote|writing|write) (?:letters|notes|a letter|a note)\b<G>{0,10}?\b(?:to|"
        r"for) (?:the kids|my|everyone|each of)\b",
        "written wrote writing write",
        subject=True,
    ),
    rule(
        "means",
        SH,
        0.75,
        r"\b(?:(?:a )?(?:rope|noose)\b<G>{0,40}?\b(?:thought|thinking|think) (?:about|of) using|"
        r"(?:has|got|bought|hidden|hid|keeps) (?:a )?rope\b<G>{0,30}?\b(?:using|use|thought|end)|"
        r"(?:thought|thinking|think) (?:about|of) using (?:it|them) (?:on|to end))\b",
        "rope noose has got bought hidden hid keeps thought thinking think",
        subject=True,
    ),
    rule(
        "stockpile",
        SH,
        0.8,
        r"\b(?:(?:tablets|pills|paracetamol|meds) (?:all )?lined up|stockpil\w+|saving up (?:my |"
        r"her |his )?(?:tablets|pills))\b",
        "tablets pills paracetamol meds stockpil* saving",
        subject=True,
    ),
    rule(
        "all_to_stop",
        SH,
        0.7,
        r"\b(?:(?:want|wants|wanted|need|needs|just want) (?:it all|everything|all of it|the pain|"
        r"the world) to (?:stop|end|go away)(?! (?:\w+ing|for|at|by|so|when|before|after)\b)|"
        r"cant see (?:the|any) point (?:in|of) (?:anything|living|life|going on|being here|"
        r"carrying on)(?: any ?more)?|(?:see|there is|theres) no "
        r"point (?:in|to) (?:anything|carrying on|going on) any ?more)\b",
        "want wants wanted need needs just cant see there theres",
        subject=True,
    ),
    rule(
        "no_way_out",
        SH,
        0.45,
        r"\b(?:cant see a way out|no way out|cant go on|whats the point any ?more|give up on "
        r"(?:everything|life))\b",
        "cant no whats give",
        subject=True,
    ),
    rule(
        "found_cuts",
        "self_harm_child",
        0.8,
        r"\b(?:cuts|slashes|cut marks|scars|wounds)\b<G>{0,30}?\b(?:on|up|down|across|all over|"
        r"along) (?:her|his|their|both) (?:arms?|wrists?|forearms?|legs?|thighs?|stomach|tummy|"
        r"belly|hips?|body|skin)\b",
        "cuts slashes cut scars wounds",
        unless=ACCIDENTAL + r"|\b(?:cat|dog|bramble\w*|nettles|eczema|operation|surgery)\b",
    ),
    rule(
        "cutting_body",
        SH,
        0.8,
        r"\b(?:(?:been|is|was|keeps|started|caught (?:her|him|them)) (?:cutting|scratching|burning|"
        r"slashing) (?:her|his|their|my) (?:arms?|wrists?|forearms?|legs?|thighs?|stomach|tummy|"
        r"hips?|skin)|(?:cut|cuts|cutting|slashed|slashing) (?:her|his|their|my) (?:wrists?|"
        r"forearms?|thighs?))\b(?! out\b| off\b)",
        "been is was keeps started caught cut cuts cutting slashed slashing",
        unless=ACCIDENTAL,
        subject=True,
    ),
    rule(
        "blades",
        "self_harm_child",
        0.8,
        r"\b(?:(?:blades?|razors?)\b<G>{0,40}?\b(?:hidden|hiding|hid|under (?:her|his|their) "
        r"(?:bed|pillow|mattress)|in (?:her|his|their) (?:room|pencil case|bag|drawer|pocket|phone"
        r" case))|(?:found|finding|find)\b<G>{0,20}?\b(?:blades?|razors?)|took (?:apart|the blade"
        r" out of) (?:a |her |his )?(?:sharpener|razor))\b",
        "blade blades razor razors found finding find took",
    ),
    rule(
        "concealing",
        "self_harm_child",
        0.45,
        r"\b(?:long sleeves (?:in|when|even)|blood on (?:her|his|their) (?:sheets|pillow|sleeves|"
        r"tissues|towel)|hiding (?:her|his|their) (?:arms|wrists))\b",
        "long blood hiding",
    ),
)
