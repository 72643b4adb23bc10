"""Rules for harm to a child: disclosure, observed harm, missing, exploitation.

Weights: 0.6 or more alerts on its own; lighter rules only alert together
(scores combine as independent evidence). Patterns run on normalised text, so
they are lower case and carry no apostrophes ("hasnt", "shes").
"""

from __future__ import annotations

from .rule import Rule, rule

TOLD = (
    r"\b(?:told|tells|telling|said|says|saying|disclosed|whispered|admitted|confided|"
    r"mentioned|blurted|came out with|let slip)\b"
)
TOLD_ANCHORS = "told tells telling said says saying disclosed whispered admitted confided "
TOLD_ANCHORS += "mentioned blurted came slip"
PLAY = (
    r"\b(?:pillow|play ?fight\w*|tickl\w*|by accident|accident\w*|football|rugby|game|"
    r"fortnite|playing|wrestl\w*)\b"
)
# The child names the carer household as the one who hurt them: an allegation.
CARER_BLAMED = (
    r"\b(?:i|we|my (?:husband|wife|partner|other half)|(?:foster )?carers?)\b<G>{0,15}?\b"
    r"(?:hit|hits|slapped|hurt|hurts|kicked|pushed|locked|abused|touched|smacked|grabbed|"
    r"punched)\b"
)
ACCIDENT = (
    r"\b(?:fell off|falling off|fell over|tripped|football|rugby|trampoline|bike|scooter|"
    r"climbing|playground|pe lesson|nursery rang|school rang|coach|accident\w*|birth ?mark\w*|"
    r"mongolian|documented|teething|the cat|the dog|eczema)\b"
)

DISCLOSURE: tuple[Rule, ...] = (
    rule(
        "secret_with_gifts",
        "child_disclosure",
        0.75,
        r"\b(?:(?:money|sweets|presents|gifts|treats|toys|vapes|sweeties)\b<G>{0,30}?\b(?:(?:to "
        r"keep|keeping|for keeping) (?:it |this |that |things |her |him )?(?:quiet|secret|a secret|"
        r"secrets|schtum|shtum|mum|(?:her|his|my|their) mouth shut)|not to tell)|(?:secret|"
        r"secrets)\b<G>{0,30}?\b(?:money|sweets|presents|gifts|treats|toys|vapes|sweeties))\b",
        "money sweets presents gifts treats toys vapes sweeties secret secrets",
    ),
    rule(
        "told_abuse",
        "child_disclosure",
        0.9,
        TOLD + r"<G>{0,60}?\b<REL>\b<G>{0,50}?\b<ABUSE>\b",
        TOLD_ANCHORS,
        unless=PLAY + "|" + CARER_BLAMED,
    ),
    rule(
        "secret",
        "child_disclosure",
        0.5,
        r"\b(?:not to tell|dont tell|mustnt tell|cant tell|never tell|promised? not to tell|"
        r"(?:our|a|its) (?:little |special |big )?secret|keeps? (?:it|this|things) (?:a )?secret|"
        r"keeps? (?:a )?secrets?|"
        r"(?:no ?one|nobody) (?:will|would) (?:ever )?believe|wont believe (?:her|him|me))\b",
        "tell secret secrets keep keeps believe",
    ),
    rule(
        "abuse_word",
        "child_disclosure",
        0.45,
        r"\b(?:touch(?:es|ed|ing)? (?:her|him|me|them)|private (?:parts|bits)|privates|"
        r"down there|willy|fanny|front bottom|sex things|sexual\w*|porn\w*|rape[ds]?|"
        r"molest\w*|(?:hurts?|hits?|beats?|burnt|burns) (?:her|him|me)\b|hurt my bum|(?:does|did|"
        r"doing) (?:stuff |things |bad things )?to (?:her|him|me)\b(?! (?:hair|room|phone|bike|nail"
        r"s|"
        r"toys?|homework|car)\b))\b",
        "touch touches touched touching private privates down willy fanny front sex sexual* "
        "porn* rape raped rapes molest* hurt hurts hit hits beat beats burnt burns does did doing",
    ),
    rule(
        "sexual_contact",
        "child_disclosure",
        0.85,
        r"\b(?:(?:touch\w*|tuch\w*|feel\w*|rub\w*|grop\w*|lick\w*|kiss\w*) (?:her|his|my|their|"
        r"me|him) (?:private\w*|privates|bits|bum|willy|fanny|front bottom|down there|boobs|"
        r"between (?:her|his|my) legs)|(?:touch\w*|tuch\w*|feel\w*|rub\w*|grop\w*) (?:her|him|me) "
        r"(?:under|inside|through) (?:her|his|my) (?:clothes|pants|knickers|pyjamas|pjs|nightie|"
        r"nightdress|covers|duvet|top|skirt|shorts)|sex(?:ual)? things|did sex|does sex|doing sex|m"
        r"ade "
        r"(?:her|him|me) (?:watch|look at) (?:porn|videos|him|pictures)|showed (?:her|him|me) "
        r"(?:his|her) (?:willy|privates|bits)|pictures of (?:his|her) (?:willy|privates|bits))\b",
        "touch* tuch* feel* rub rubs rubbed rubbing grop* lick* kiss* sex sexual did does doing "
        "made showed pictures",
    ),
    rule(
        "child_says_me",
        "child_disclosure",
        0.9,
        r"\b(?:<REL>|he|she|they)\b<G>{0,25}?\b(?:touch(?:es|ed)|tuch\w*|hurts|hurt|hits|hit|"
        r"punch(?:es|ed)|kicks|kicked|beats|slaps|slapped|smacks|smacked|pinches|pinched|bites|"
        r"shakes|shook|grabs|grabbed|pushes|pushed|burns|burnt|rapes|raped|abuses|abused|"
        r"chokes|strangles|locks|locked) me\b",
        "me",
        author="child",
        unless=r"\b(?:foster (?:mum|dad|carers?|parents?|family)|carers?)\b",
    ),
    rule(
        "child_unsafe",
        "child_disclosure",
        0.75,
        r"\b(?:(?:dont|do not|never) feel safe (?:at home|there|with (?:him|her|them|my))|"
        r"scared to go home|(?:scared|afraid|frightened|terrified) of (?:my )?<REL>)\b",
        "safe scared afraid frightened terrified",
        author="child",
    ),
    rule(
        "private_harm",
        "child_disclosure",
        0.8,
        r"\b(?:(?:hurts?|hurting|touch\w*|tickl\w*|rub\w*|film\w*|photo\w*|pictures of) (?:my|her|h"
        r"is"
        r"|their) (?:front bottom|private\w*|privates|willy|fanny|foof|minnie|bits|down there)|"
        r"(?:take|took|taking|takes) (?:their|her|his|my|our) clothes off|(?:comes?|came|coming|"
        r"gets?) (?:in|into) (?:her|his|my|their) (?:room|bed) at night)\b",
        "hurt hurts hurting touch* tickl* rub rubs rubbing film* photo* pictures take took taking "
        "takes comes come came coming get gets",
    ),
    rule(
        "disclosed",
        "child_disclosure",
        0.75,
        r"\b(?:disclosed|made a disclosure|a disclosure)\b",
        "disclosed disclosure",
    ),
    rule(
        "sexual_assault",
        "child_disclosure",
        0.7,
        r"\b(?:raped|sexually (?:abused|assaulted)|molested|groped)\b",
        "raped sexually molested groped",
    ),
)

HARM_OBSERVED: tuple[Rule, ...] = (
    rule(
        "confined",
        "child_harm_observed",
        0.7,
        r"\b(?:locked|locks|locking|shut|shuts|shutting|kept|keeps|keeping)\b (?:him|her|them|the "
        r"(?:kids|children|boys|girls|baby|little ones)|(?:my|our|his|her|their) (?:son|daughter|"
        r"brother|sister|grandson|granddaughter)) (?:in|inside) (?:his|her|their|the|a) (?:room|"
        r"bedroom|cupboard|shed|garage|cellar|basement|loft|car|bathroom|box)\b<G>{0,40}?\b(?:for "
        r"hours|all night|all day|for days|all weekend|as (?:a )?punishment|without (?:food|tea|"
        r"dinner|water)|every night|overnight)\b",
        "locked locks locking shut shuts shutting kept keeps keeping",
    ),
    rule(
        "injury_after_contact",
        "child_harm_observed",
        0.8,
        r"\b<INJ>\b<G>{0,60}?\b(?:after|from|back from|following|since) (?:the )?"
        r"(?:weekend (?:at )?|overnight (?:at )?)?<FAMHOME>\b|\b(?:after|back from|following|"
        r"(?:picked|collected) (?:her|him|them) (?:up )?from|(?:her|his|their) return from) "
        r"<FAMHOME>\b<G>{0,60}?\b<INJ>\b",
        "bruis* black mark marks burn burns burnt welt welts swollen swelling bite scratch* "
        "injur* fractur* broken blister* after back following picked collected return hand handprin"
        "t "
        "handprints",
        unless=ACCIDENT,
    ),
    rule(
        "patterned_mark",
        "child_harm_observed",
        0.85,
        r"\b(?:hand ?prints?|hand (?:marks?|shaped)|finger ?(?:tip|print|mark)s?(?: marks?| "
        r"bruis\w*)?|(?:belt|slap|grip|bite|strap|cord|loop|buckle|fingertip) (?:marks?|bruis\w*|"
        r"burns?|shaped bruis\w*)|cigarette burns?)\b",
        "belt hand handprint finger fingertip fingertips fingerprint fingermark slap grip bite "
        "cigarette strap cord loop buckle handprints fingerprints fingermarks",
    ),
    rule(
        "unexplained",
        "child_harm_observed",
        0.45,
        r"\b(?:unexplained|no idea how|wont say how|cant explain|doesnt know how|couldnt explain|"
        r"no explanation|says? (?:he|she) fell|flinch\w*)\b",
        "unexplained idea wont cant doesnt couldnt explanation say says flinch*",
        negatable=False,
    ),
    rule(
        "injury",
        "child_harm_observed",
        0.4,
        r"\b(?:bruis\w*|black eye|welts?|swollen|swelling|fractur\w*|burns? (?:on|to)|"
        r"bite marks?|injur\w*)\b",
        "bruis* black welt welts swollen swelling fractur* burn burns bite injur*",
        unless=ACCIDENT,
    ),
    rule(
        "baby_injury",
        "child_harm_observed",
        0.85,
        r"\b(?:bruis\w*|swollen|swelling|marks?|burns?|fractur\w*|black eye|bleeding)\b",
        "bruis* swollen swelling mark marks burn burns fractur* black bleeding",
        requires=r"\b(?:baby|babies|infant|newborn|\d+ ?(?:month|week|mth|wk)s?(?: old|\))|"
        r"non[- ]?mobile|not (?:yet )?(?:rolling|crawling|walking|mobile|moving about)|"
        r"cant (?:even )?(?:move|roll|crawl|walk|sit up))",
        unless=ACCIDENT + r"|\blearning to (?:crawl|walk|stand)|(?<!not )(?<!isnt )(?<!cant )"
        r"\b(?:crawling|walking|cruising|toddling)\b",
    ),
    rule(
        "neglect",
        "child_harm_observed",
        0.5,
        r"\b(?:starving|starved|filthy|same clothes|(?:nappy|nappies) (?:hadnt|hasnt|wasnt|not|"
        r"werent|havent) (?:been )?changed|(?:not|hasnt|hadnt|wasnt) (?:been )?fed|covered in "
        r"(?:flea|bites|lice|dirt|poo|sores)|flea bites|nappy rash so bad|blistered|soiled|"
        r"no food in)\b",
        "starving starved filthy same nappy nappies fed covered flea blistered soiled food",
        negatable=False,
    ),
    rule(
        "neglect_contact",
        "child_harm_observed",
        0.8,
        r"\b(?:starving|starved|filthy|same clothes|(?:nappy|nappies) (?:hadnt|hasnt|wasnt|not|"
        r"werent|havent) (?:been )?changed|(?:not|hasnt|hadnt|wasnt) (?:been )?fed|covered in "
        r"(?:flea|bites|lice|dirt|poo|sores)|flea bites|nappy rash so bad|soiled)\b",
        "starving starved filthy same nappy nappies fed covered flea soiled",
        negatable=False,
        requires=r"\b(?:back from|after|came home from|come home from|returned from) <FAMHOME>",
    ),
    rule(
        "neglect_signs",
        "child_harm_observed",
        0.3,
        r"\b(?:nits|head lice|rotten teeth|tooth decay|no (?:coat|shoes|socks)|underweight|"
        r"malnourished|(?:hoard\w*|hiding|stealing) food|ate like (?:she|he|they) (?:hadnt|had not|"
        r"hasnt|havent) (?:eaten|been fed)|(?:nappy|nappies) (?:soaked|sodden|overflowing))\b",
        "nits head rotten tooth no underweight malnourished hoard* hiding stealing ate nappy "
        "nappies",
        negatable=False,
    ),
    rule(
        "sexualised",
        "child_harm_observed",
        0.7,
        r"\b(?:sexuali[sz]ed (?:behaviour|play|language|talk|stuff|things|games?|drawings?|"
        r"comments?|touching|acts?|dancing)|acting out sex\w*|sexual "
        r"(?:stuff|things|play|behaviour|language|acts?)|simulat\w+ sex|humping|touch\w* (?:the )?"
        r"other (?:children|kids|childrens|kids)s? (?:private\w*|bits|bottoms?)|rubbing (?:her|him|"
        r"them)sel(?:f|ves)|words like sexy|masturbat\w*)\b",
        "sexualised sexualized acting sexual simulat* humping touch* rubbing words masturbat*",
    ),
    rule(
        "family_threat",
        "child_harm_observed",
        0.8,
        r"\b(?:mums?|dads?|mother|father|family|uncle|brother|grandad|grandma|nan|boyfriend|"
        r"bloke|partner|fella)\b<G>{0,60}?\b(?:threaten\w*|(?:said|says|saying) (?:hed|shed|"
        r"theyd|hell|shell|theyll|he would|she would|he will|she will) (?:hurt|kill|take|snatch|"
        r"get|find)|(?:hell|shell|theyll|will) (?:snatch|take|grab) (?:her|him|them)|coming for "
        r"(?:her|him|them|us)|knows where (?:we|she|he|they) (?:live|lives|are))\b",
        "threat* said says saying hell shell theyll will coming knows",
    ),
    rule(
        "heard_hitting",
        "child_harm_observed",
        0.7,
        r"\b(?:hear|heard|hearing)\b<G>{0,30}?\b(?:hitting|beating|smacking|hurting|screaming at)"
        r" (?:the )?(?:kids|children|child|baby|him|her|them)\b|\b(?:hear|heard) it through the"
        r" wall",
        "hear heard hearing",
    ),
)

CHILD_RULES: tuple[Rule, ...] = DISCLOSURE + HARM_OBSERVED
