"""Rules for allegations against carers (LADO) and for radicalisation.

Allegation rules only recognise that a process is happening or a child has
said something about a carer; the bot never takes a view on the substance.
"""

from __future__ import annotations

from .rule import Rule, rule

EXTREME = (
    r"(?:extremis\w*|far[- ]right|neo[- ]?nazis?|nazis?|jihad\w*|isis|isil|daesh|al[- ]qaeda|"
    r"white (?:power|supremac\w*|nationalis\w*)|incels?|race war|great replacement|manifesto|"
    r"terroris[tm]s?|propaganda|swastikas?|martyr\w*|kuffar|kafirs?|beheading\w*|\w+ shooter|"
    r"\w+ bomber|mass shooting|school shooting|islamis[tm]\w*|militia|coming war|civil war|"
    r"boogaloo|ss flag|nazi flag|hitler|1488|(?:jews|muslims|immigrants|foreigners) (?:control|"
    r"are taking over|are invading))"
)

ALLEGATION: tuple[Rule, ...] = (
    rule("lado", "allegation_against_carer", 0.75, r"\blado\b", "lado"),
    rule(
        "allegation_made",
        "allegation_against_carer",
        0.8,
        r"\b(?:allegations?\b<G>{0,30}?\b(?:against|about) (?:us|me|my|our|him|her|them|the "
        r"carers?|a carer|another carer)|allegations? (?:has |have |had )?(?:been )?(?:made|"
        r"raised|put in|reported)\b(?! if)|(?:made|making|raised|reported|put in|received) an "
        r"allegation|accus\w* (?:me|us|my (?:husband|wife|partner|other half)|him|her)\b"
        r"<G>{0,30}?\b(?:of|hitting|hurting|abus\w*|touching))\b",
        "allegation allegations made making raised reported put received accus*",
    ),
    rule(
        "allegation_word",
        "allegation_against_carer",
        0.4,
        r"\ballegations?\b",
        "allegation allegations",
    ),
    rule(
        "household_investigated",
        "allegation_against_carer",
        0.75,
        r"\b(?:were|we are|weve been|im|i am|ive been|my (?:husband|wife|partner|other half) (?:is|"
        r"has been)) (?:now |still )?(?:under investigation|being investigated)\b",
        "under being",
        unless=r"\b(?:noise|parking|planning|council tax|tax|benefits?|insurance|speeding)\b",
    ),
    rule(
        "investigation",
        "allegation_against_carer",
        0.5,
        r"\b(?:under investigation|being investigated|investigating us|strategy (?:meeting|"
        r"discussion)|section 47|s47|(?:want|wants|going) to interview (?:me|us|my (?:husband|"
        r"wife|partner))|(?:had|has|have) to move out while)\b",
        "under being investigating strategy section s47 want wants going had has have",
    ),
    rule(
        "suspended",
        "allegation_against_carer",
        0.75,
        r"\b(?:(?:suspended|on hold)\b<G>{0,30}?\b(?:pending|investigation|allegation|lado)|"
        r"(?:kids|children|placements?|they) (?:have been|were|was|has been) (?:moved|removed|"
        r"taken) (?:after|because|while|pending))\b",
        "suspended hold kids children placement placements they",
    ),
    rule(
        "placements_stopped",
        "allegation_against_carer",
        0.7,
        r"\b(?:(?:stopped|suspended|paused|put on hold|frozen|removed) (?:all |any )?(?:placements|"
        r"new placements|our approval|us)\b<G>{0,40}?\b(?:while|pending|until|because|after)|what "
        r"(?:the|our|a|my) \w+ (?:said|told \w+) about (?:me|us|my (?:husband|wife|partner)))\b",
        "stopped suspended paused put frozen removed what",
    ),
    rule(
        "child_said_carer",
        "allegation_against_carer",
        0.8,
        r"\b(?:told|tells|said|says|saying|claimed|claims|claiming|alleged|alleges|alleging|"
        r"accused|accusing|telling people)\b<G>{0,40}?\b(?:i|we|my (?:husband|wife|partner|other ha"
        r"lf)|(?:her|his|their|the|another|a previous"
        r"|her old|his old|a former|her last|his last) (?:foster )?carers?|(?:another|a previous|"
        r"her old|his old|her last|his last|a former) foster (?:mum|dad|carer|family))\b"
        r"<G>{0,20}?\b(?:hit|hits|slapped|hurt|hurts|kicked|pushed|locked|abused|touched|smacked|"
        r"grabbed|punched|starved|shouted at|assaulted)\b",
        "told tells said says saying claimed claims claiming alleged alleges alleging accused "
        "accusing telling",
    ),
    rule(
        "child_said_harm",
        "allegation_against_carer",
        0.45,
        r"\b(?:said|says|told|claims|claimed|alleged)\b<G>{0,30}?\b(?:pushed|hit|slapped|hurt|"
        r"kicked|grabbed|smacked|locked|punched)\b",
        "said says told claims claimed alleged",
    ),
    rule(
        "carer_hurts_me",
        "allegation_against_carer",
        0.85,
        r"\b(?:foster )?(?:carers?|foster (?:mum|dad|parents?|family))\b<G>{0,25}?\b(?:hits|hit|"
        r"hurts|hurt|slaps|kicks|punches|locks|locked|starves|touches|touched|grabs|pushes|shouts"
        r" at|doesnt give|wont give|dont give)\b<G>{0,10}?\bme\b",
        "carer carers foster",
        author="child",
    ),
    rule(
        "other_carer",
        "allegation_against_carer",
        0.7,
        r"\b(?:carers?|foster (?:mum|dad|parents?|family|carers?)|who fosters?|fosters (?:him|her|"
        r"them|the \w+))\b<G>{0,40}?\b(?:is |are |keeps |has been )?(?:hitting|hits|hurting|hurts|"
        r"abusing|smacking|smacks|slapping|slaps|locking|locks|shuts|shutting|starving|starves|"
        r"beats|beating)\b<G>{0,15}?\b(?:the |their |her |his )?(?:kids|children|child|boy|girl|"
        r"baby|him|her|them)\b",
        "carer carers foster fosters",
        author="adult",
    ),
    rule(
        "referral_about_us",
        "allegation_against_carer",
        0.7,
        r"\b(?:(?:referral|report|reports|complaint|complaints|concerns?) (?:made )?(?:about|on|"
        r"against) (?:us|me|my (?:husband|wife|partner|other half)|our (?:household|family|home))"
        r"|reported us|who reported (?:it|us))\b",
        "referral report reports complaint complaints concern concerns reported who",
    ),
)

RADICALISATION: tuple[Rule, ...] = (
    rule(
        "extremist_topic",
        "radicalisation",
        0.45,
        r"\b" + EXTREME + r"\b",
        "extremis* far neo neonazi neonazis nazi nazis jihad* isis isil daesh qaeda "
        "power supremac* nationalis* incel incels war replacement manifesto terrorist "
        "terrorists terrorism propaganda swastika swastikas martyr* kuffar kafir kafirs "
        "beheading* shooter bomber shooting islamist islamists islamism militia boogaloo "
        "flag hitler 1488 jews muslims immigrants foreigners",
    ),
    rule(
        "violent_intent",
        "radicalisation",
        0.55,
        r"\b(?:talk\w* about|plan\w*|want\w* to|going to|threaten\w*|wants? to do what|says? "
        r"(?:hell|shell|he will|she will|hed|shed)|said (?:hed|shed|he would|she would|hell|"
        r"shell)|posting about|keeps saying|obsessed with|telling (?:him|her|them) to)\b"
        r"<G>{0,40}?\b(?:attack\w*|bomb\w*|shoot\w*|stab\w*|blow\w* (?:up|\w+ up)|kill\w*|"
        r"murder\w*|wipe\w* out|massacre\w*|behead\w*|take action|burn down|do the same|get(?:ting)"
        r"? "
        r"(?:weapons|guns|a gun)|do what "
        r"(?:he|they) did|copy (?:him|them|what))\b",
        "talk* plan* want* going threat* wants says said posting keeps obsessed telling",
        media_ok=True,
        jokeable=True,
    ),
    rule(
        "glorifies_attack",
        "radicalisation",
        0.5,
        r"\b(?:attackers?|bombers?|shooters?|terrorists?|jihadis?|martyrs?)\b<G>{0,10}?\b(?:were|"
        r"are|was|is|as) (?:heroes|hero|legends?|right|brave|martyrs)\b",
        "attacker attackers bomber bombers shooter shooters terrorist terrorists jihadi jihadis "
        "martyr martyrs",
        media_ok=True,
    ),
    rule(
        "hate_violence",
        "radicalisation",
        0.8,
        r"\b(?:(?:jews|jewish people|muslims|immigrants|foreigners|black people|gay people|gays|"
        r"trans people|women|christians|asians|refugees|kuffar|kafirs?|whites|white people|"
        r"infidels|asylum seekers)\b<G>{0,40}?\b(?:should|need to|needs to|deserve to|deserves "
        r"to|must|ought to|have to)(?: all)? (?:be (?:killed|wiped out|punished|gassed|shot|"
        r"exterminated|burned|hanged|dead|stabbed|bombed|dealt with|got rid of|gotten rid of|"
        r"removed)|die|burn|get (?:killed|shot|stabbed))|"
        r"(?:kill|stab|shoot|attack|bomb|wipe out) (?:all )?(?:the )?(?:next )?(?:jews?|muslims?|"
        r"immigrants?|foreigners?|refugees?|kuffar|infidels?|asylum seekers?))\b",
        "jews jewish muslims immigrants foreigners black gay gays trans women christians asians "
        "refugees kuffar kafir kafirs whites white infidels asylum kill stab shoot attack bomb "
        "wipe",
        media_ok=True,
    ),
    rule(
        "travel_to_fight",
        "radicalisation",
        0.8,
        r"\b(?:(?:travel\w*|go|going|fly|flying|get out there|gone)\b<G>{0,30}?\b(?:syria|iraq|"
        r"afghanistan|abroad|overseas|out there)\b<G>{0,20}?\bto (?:join|fight)|to (?:join|fight "
        r"(?:for|with)) (?:isis|the fight|the cause|the jihad)|(?:join|fight) (?:in|for) (?:syria|"
        r"iraq|isis|the caliphate)|join them if (?:he|she) could|(?:get|getting|go|going|travel) to"
        r" "
        r"(?:syria|iraq|afghanistan)\b)\b",
        "syria iraq afghanistan abroad overseas isis caliphate join fight there",
        media_ok=True,
    ),
    rule(
        "being_radicalised",
        "radicalisation",
        0.7,
        r"\b(?:radicali[sz](?:ing|ed|es|e)|(?:recruit\w*|groom\w*|brainwash\w*)\b<G>{0,40}?\b"
        + EXTREME
        + r")\b",
        "radicalising radicalizing radicalised radicalized radicalises radicalise radicalize "
        "recruit* groom* brainwash*",
    ),
    rule(
        "extremist_content",
        "radicalisation",
        0.55,
        r"\b(?:watch\w*|shar\w*|post\w*|read\w*|look\w* at|obsessed with|into|download\w*|found|"
        r"chatting|talking|sends? (?:him|her|them))\b<G>{0,25}?\b" + EXTREME,
        "watch* shar* post* read* look* obsessed into download* found chatting talking send sends",
        media_ok=True,
    ),
    rule(
        "attack_target",
        "radicalisation",
        0.7,
        r"\b(?:how to (?:make|build) (?:a )?(?:bomb|explosive|pipe bomb|gun)|bomb[- ]?making|"
        r"(?:bomb|explosives?|weapons?|attack) (?:guide|instructions|manual|plans)|(?:blow|blowing)"
        r" up "
        r"(?:the |a |his |her )?(?:school|mosque|church|synagogue|college|station|building)|"
        r"(?:shoot\w*|stab\w*|attack\w*|bomb\w*) (?:up )?(?:the |his |her )?(?:school|mosque|"
        r"church|synagogue|college|class|temple|gurdwara)|hit ?list|kill ?list|day of (?:reckoning"
        r"|the rope)|school shoot\w*|christchurch|mass shoot\w*)\b",
        "bomb* explosive explosives gun weapon weapons attack* blow blowing shoot* stab* "
        "list hitlist killlist reckoning rope christchurch",
        media_ok=True,
        jokeable=True,
    ),
)

TRUST_RULES: tuple[Rule, ...] = ALLEGATION + RADICALISATION
