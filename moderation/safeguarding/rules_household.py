"""Rules for a household in crisis: a carer who cannot keep children safe right
now, and domestic abuse between adults (children who see it are victims too).

The same words ("threatened to kill me", "pushed me") point at a carer crisis
when a young person is doing it and at domestic abuse when a partner is, so
those rules come in pairs split on whether a partner is named.
"""

from __future__ import annotations

from .rule import Rule, rule

KIDS_PRESENT = (
    r"\b(?:kids|children|child|baby|little ones?|on my own with|alone with|(?:nobody|no one) "
    r"to (?:look after|mind|watch|have))\b"
)
THREAT_ME = (
    r"\b(?:(?:threat\w*|said|says|saying|screaming|shouting|swore|swears)\b<G>{0,25}?\b(?:hell|"
    r"shell|theyll|hed|shed|he will|she will|he would|she would|going to|to) (?:kill|stab|hurt|"
    r"batter|beat|smash|attack|knife|burn|do) (?:me|us)\b|(?:said|says|told me|threat\w*)\b"
    r"<G>{0,20}?\b(?:put me in hospital|knock me out|smash my face|do me in)|threaten\w* (?:me|us)|"
    r"(?:sending|sent|making|made) (?:me )?threats|threatening (?:messages|texts|calls))\b"
)
THREAT_ANCHORS = (
    "threat* said says saying screaming shouting swore swears told sending sent making made"
)
ASSAULT_ME = (
    r"\b(?:punched|punches|hit|hits|kicked|kicks|headbutted|attacked|assaulted|pinned|pushed|"
    r"pushes|shoved|shoves|slaps|slapped|bit|bites|spat at|threw \w+ at|throwing \w+ at|"
    r"barricaded|trapped) (?:me|us)\b"
)
ASSAULT_ANCHORS = (
    "punched punches hit hits kicked kicks headbutted attacked assaulted pinned pushed pushes "
    "shoved shoves slaps slapped bit bites spat threw throwing barricaded trapped"
)
CONTROL_MONEY = (
    r"\b(?:controls?|controlling|takes?|took|keeps?)\b<G>{0,10}?\b(?:all )?(?:the |my )"
    r"(?:money|finances|bank card|bank account|benefits|wages|allowance)\b"
)
CONTROL_COMMS = (
    r"\b(?:checks?|checking|monitors?|tracks?|tracking|reads?|reading|goes through|takes?|took)"
    r"\b<G>{0,10}?\b(?:all )?(?:the |my )(?:phone|messages|texts|location|emails)\b"
)
ISOLATION = (
    r"\b(?:(?:wont|doesnt|dont|will not|never) let me (?:have|see|go|out|leave|work|talk|use|"
    r"speak)|(?:im|i am)(?: not)? allowed to (?:see|go|have|leave|talk|speak|work|use)|goes "
    r"(?:mad|mental|crazy|ballistic) if (?:im|i am|i)|calls me (?:useless|stupid|worthless|fat|"
    r"ugly|a \w+) in front of|makes? me ask (?:permission|before)|ask (?:his|her) permission|"
    r"checks? (?:all )?my (?:receipts|spending|bank statements?)|i feel trapped)\b"
)
CONTROL = CONTROL_MONEY + "|" + CONTROL_COMMS + "|" + ISOLATION
MONEY_ANCHORS = "money finances bank benefits wages allowance"
COMMS_ANCHORS = "phone messages texts location emails"
ISOLATION_ANCHORS = (
    "let allowed mad mental crazy ballistic calls permission receipts spending statements "
    "statement trapped"
)
CONTROL_ANCHORS = " ".join((MONEY_ANCHORS, COMMS_ANCHORS, ISOLATION_ANCHORS))

CARER_CRISIS: tuple[Rule, ...] = (
    rule(
        "fear_of_hurting",
        "carer_crisis",
        0.85,
        r"\b(?:(?:scared|afraid|frightened|worried|terrified|think|feel like|fear|close to|about "
        r"to)\b<G>{0,10}?\b(?:i|ill|id|im|i am)\b(?: (?:will|might|could|would|going to|am going"
        r" to))?(?: (?:snap and|end up|lose it and|really|actually))? (?:hurt|hit|harm|kill|lash "
        r"out at|smack|slap|shake|strangle|do something to)\b<G>{0,5}?\b(?:him|her|them|the "
        r"(?:kids?|baby|child|children|little ones?)|one of (?:them|the (?:kids|children|boys|"
        r"girls)))|(?:afraid|scared|frightened|"
        r"terrified) of what i (?:might|could|will|would)(?: end up)? do)\b",
        "hurt hit harm kill lash smack slap shake strangle something afraid scared "
        "frightened terrified",
        jokeable=True,
        author="adult",
    ),
    rule(
        "end_up_hurting",
        "carer_crisis",
        0.8,
        r"\b(?:im|i am|i|ill|i will)\b(?: (?:going to|gonna|will|might|could))? (?:end up|snap and"
        r"|lose it and) (?:hurt\w*|hit\w*|harm\w*|smack\w*|slap\w*|shak\w*|lash\w* out at)\b"
        r"<G>{0,5}?\b(?:him|her|them|the (?:kids?|baby|child|children|little ones?))\b",
        "end snap lose",
        jokeable=True,
        author="adult",
    ),
    rule(
        "lashing_out",
        "carer_crisis",
        0.8,
        r"\b(?:close to|about to|on the verge of|nearly|so near to)\b<G>{0,25}?\b(?:lashing out|"
        r"lash out|hitting|smacking|hurting|snapping and hitting)\b<G>{0,10}?\b(?:at )?(?:him|"
        r"her|them|the kids|one of them)\b",
        "close about verge nearly near",
        jokeable=True,
        author="adult",
    ),
    rule(
        "walked_out",
        "carer_crisis",
        0.75,
        r"\b(?:(?:ive|i have|had to|i)(?: just)? (?:walked|walk|stormed) out\b(?! of (?:work|the "
        r"meeting|the cinema|the film|the shop))|left (?:the )?(?:kids|children|them) (?:on their"
        r" own|alone|home alone)|sat in (?:the|my) car\b<G>{0,30}?\b(?:cant|wont|not|dont want to)"
        r" go (?:back )?in|cant go back in(?: there)?)\b",
        "ive i had left sat cant",
        author="adult",
    ),
    rule(
        "weapon",
        "carer_crisis",
        0.85,
        r"\b(?:(?:got|has|holding|waving|picked up|grabbed|pulled|pulling|brandishing|took)\b"
        r"<G>{0,10}?\b(?:knife|knives|blade|hammer|bat|weapon|screwdriver|scissors|machete)\b"
        r"<G>{0,40}?\b(?:threat\w*|at me|at us|going for|coming at|chasing|waving)|(?:knife|"
        r"knives|blade|weapon|machete)\b<G>{0,20}?\bto (?:my|his|her) (?:throat|neck))\b",
        "got has holding waving picked grabbed pulled pulling brandishing took knife knives "
        "blade machete weapon",
        urgent=True,
    ),
    rule(
        "threatened_me",
        "carer_crisis",
        0.8,
        THREAT_ME,
        THREAT_ANCHORS,
        author="adult",
        avoid=r"<DACTX>|<BIRTHFAM>",
    ),
    rule(
        "assaulted_me",
        "carer_crisis",
        0.75,
        ASSAULT_ME,
        ASSAULT_ANCHORS,
        author="adult",
        avoid=r"<DACTX>",
    ),
    rule(
        "smashing_up",
        "carer_crisis",
        0.5,
        r"\b(?:(?:smash\w*|trash\w*|wreck\w*|destroy\w*) (?:up )?(?:the |my |our )?(?:house|place|"
        r"room|kitchen|windows?|everything|doors?)|punched (?:holes in )?(?:the )?walls?|put (?:his"
        r"|"
        r"her) (?:fist|foot) through)\b",
        "smash* trash* wreck* destroy* punched put",
    ),
    rule(
        "incapacitated",
        "carer_crisis",
        0.8,
        r"\b(?:collapsed|passed out|fainted|blacked out|cant (?:get up|stand up|stand|breathe|"
        r"move|see)|(?:im|i am|i was|ive been) (?:really |so |too |very )?(?:drunk|wasted|off my"
        r" face|high|out of it)|shouldnt be (?:in charge|looking after|alone with|driving))\b",
        "collapsed passed fainted blacked cant im i ive shouldnt",
        requires=KIDS_PRESENT,
        author="adult",
        jokeable=True,
    ),
    rule(
        "wants_them_gone",
        "carer_crisis",
        0.7,
        r"\b(?:(?:dont|cant|do not) trust myself|need (?:someone|somebody|you|them|the sw|social"
        r" services) to (?:take|come and get|come and take|collect|remove) (?:him|her|them)\b"
        r"(?! to | for | out| swimming| shopping)|(?:end|ending|finish|finishing|give notice on|"
        r"giving notice on) (?:the |this )?placement (?:tonight|now|today|right now)|want (?:him|"
        r"her|them) (?:gone|out|removed|taken))\b",
        "dont cant do need end ending finish finishing give giving want",
        author="adult",
    ),
    rule(
        "afraid_of_child",
        "carer_crisis",
        0.65,
        r"\b(?:im|i am|were|we are|i feel) (?:really |so |getting |quite |genuinely )?(?:scared|"
        r"frightened|terrified|afraid) (?:of (?:him|her|them)|for (?:my|our) (?:life|lives|"
        r"safety)|to be (?:in the house |at home |alone |on my own )?with (?:him|her|them))\b",
        "im i were we",
        author="adult",
        avoid=r"<DACTX>",
    ),
    rule(
        "carer_hurt_child",
        "carer_crisis",
        0.8,
        r"\b(?:(?:i|ive|i have)(?: just)? (?:shook|smacked|slapped|hit|grabbed|pushed|shoved|threw|"
        r"kicked|punched|pinched|"
        r"bit) (?:him|her|them|the (?:baby|child|kid|little one))(?=\s*(?:[.,!?\n]|$| by | so | "
        r"really| hard| and | because| when| too| in (?:the )?face| across| round)))|left (?:marks"
        r"|bruises) on (?:him|her|them)\b",
        "i ive left",
        author="adult",
        unless=r"\b(?:told|tells|said|says|saying|claims?|claimed|alleg\w*|accus\w*|reckons|"
        r"which i didnt|i didnt|i never)\b",
    ),
    rule(
        "breaking_point",
        "carer_crisis",
        0.4,
        r"\b(?:breaking point|cant cope|losing it|lose it|lost it|snapped)\b",
        "breaking cant losing lose lost snapped",
    ),
)

DOMESTIC: tuple[Rule, ...] = (
    rule(
        "partner_violence",
        "domestic_abuse",
        0.85,
        r"\b(?:my|our|her|his|mums?|mummys?|\w+s) <PARTNER>s?\b<G>{0,50}?\b(?:hits|hit|hitting|"
        r"beats|beat|beaten|beating|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|"
        r"push(?:es|ed|ing)?|shov(?:es|ed|ing)|throttl\w*|chok(?:es|ed|ing)|strangl\w*|"
        r"grabb?(?:s|ed|ing)|(?:threw|throws|thrown) (?:\w+ ){1,2}at|bit|bites|attack\w*|"
        r"assault\w*|rapes?|raped|violent|abus(?:es|ed|ive|ing)|hurts|hurt)\b(?! the (?:gym|roof|"
        r"road|hay|sack|pub|shops|bottle|books|ceiling|jackpot|nail|spot)| it off| a nerve| him\b|"
        r" them\b| the (?:kids?|children|boy|girl|baby)\b| (?:his|her|their) (?:own )?(?:back|"
        r"knee|leg|arm|foot|feet|ankle|wrist|neck|shoulder|hand|head|finger|toe|hip)s?\b)",
        "partner partners husband husbands hubby wife wives boyfriend boyfriends girlfriend "
        "girlfriends ex expartner exhusband exwife half fella fiance fiancee spouse",
        unless=r"\b(?:told|tells|said|says|claims?|claimed|alleg\w*|accus\w*)\b<G>{0,40}?\b(?:my|"
        r"our) <PARTNER>\b|\b(?:lifting|gym|football|rugby|fell|tripped|slipped|accident\w*)\b",
    ),
    rule(
        "strangled",
        "domestic_abuse",
        0.85,
        r"\b(?:(?:he|she|they|<PARTNER>|(?:her|his|their|the kids|the childrens) (?:dad|mum|father|"
        r"mother))\b<G>{0,10}?\b(?:throttl(?:ed|es|ing)|strangl(?:ed|es|ing)|chok(?:ed|es|ing)) me|"
        r"marks on my neck|(?:hands?|arms?) (?:round|around|on) my (?:throat|neck)|(?:grabbed|held|"
        r"pinned) me by (?:my|the) (?:throat|neck))\b",
        "he she they marks hand hands arm arms grabbed held pinned throttled throttles throttling "
        "strangled strangles strangling choked chokes choking",
        author="adult",
    ),
    rule(
        "threatened_me",
        "domestic_abuse",
        0.85,
        THREAT_ME,
        THREAT_ANCHORS,
        author="adult",
        requires=r"<DACTX>",
    ),
    rule(
        "assaulted_me",
        "domestic_abuse",
        0.85,
        ASSAULT_ME,
        ASSAULT_ANCHORS,
        author="adult",
        requires=r"<DACTX>",
    ),
    rule("money", "domestic_abuse", 0.45, CONTROL_MONEY, MONEY_ANCHORS, author="adult"),
    rule("monitoring", "domestic_abuse", 0.45, CONTROL_COMMS, COMMS_ANCHORS, author="adult"),
    rule("isolation", "domestic_abuse", 0.5, ISOLATION, ISOLATION_ANCHORS, author="adult"),
    rule(
        "partner_control",
        "domestic_abuse",
        0.8,
        CONTROL,
        CONTROL_ANCHORS,
        author="adult",
        requires=r"\b<PARTNER>\b",
    ),
    rule(
        "confined",
        "domestic_abuse",
        0.7,
        r"\b(?:locked me (?:in|out)|took my (?:phone|keys|car keys|bank card|passport|money)|"
        r"smashed my phone)\b",
        "locked took smashed",
        author="adult",
        # Children larking about, or an account or a car: not someone controlling the carer.
        unless=r"\b(?:kids|children|boys|girls|little ones|toddler|twins)\b<G>{0,6}?\blocked me\b|"
        r"\b(?:as a joke|for a laugh|as a prank|by accident|accidentally)\b|"
        r"\blocked me out of (?:my|the) (?:account|app|email|laptop|ipad|tablet|car|portal|system"
        r"|online banking)\b",
        jokeable=True,
    ),
    rule(
        "afraid_of_partner",
        "domestic_abuse",
        0.75,
        r"\b(?:(?:scared|afraid|frightened|terrified) to go (?:back )?home|if i (?:leave|go|tell "
        r"(?:anyone|anybody|someone|people))\b<G>{0,40}?\b(?:hell|shell|he will|she will|hed|shed)"
        r"\b<G>{0,30}?\b(?:take|kill|hurt|find|make sure|make))\b",
        "scared afraid frightened terrified if",
        author="adult",
    ),
    rule(
        "fear_partner",
        "domestic_abuse",
        0.7,
        r"\b(?:im|i am|i feel) (?:really |so |getting |quite |genuinely )?(?:scared|frightened|"
        r"terrified|afraid) (?:of (?:him|her|them)|for (?:my|our) (?:life|lives|safety))\b",
        "im i",
        author="adult",
        requires=r"<DACTX>",
    ),
    rule(
        "child_witness",
        "domestic_abuse",
        0.8,
        r"\b(?:(?:hits|hit|beats|beat|punches|punched|strangled|chokes|choked|kicked|kicks) "
        r"(?:my |our |her |his )?(?:mum|mummy|mam|mom|dad|daddy|nan)\b|(?:mum|mummy|dad|daddy) "
        r"and (?:her|his) <PARTNER>\b<G>{0,40}?\b(?:fighting|hitting|hit|strangled|punched|"
        r"kicked|beat|beating))",
        "hits hit beats beat punches punched strangled chokes choked kicked kicks mum mummy dad "
        "daddy",
    ),
)

HOUSEHOLD_RULES: tuple[Rule, ...] = CARER_CRISIS + DOMESTIC
