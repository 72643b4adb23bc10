"""Rules for harm outside the home: a missing child and exploitation (CSE, CCE).

Missing rules are mostly light on their own: not home, phone off, late hour and
nobody knowing where the child is only alert in combination, and any sign the
child is safe (texted, dropped back, planned) turns them off.
"""

from __future__ import annotations

from .rule import Rule, rule

MISSING_RESOLVED = (
    r"\b(?:texted|messaged|(?:rang|called) (?:me|us|to say)|dropped (?:her|him|them) "
    r"(?:back|off|home)|(?:shes|hes|theyre) (?:back|home|safe)|(?:she|he|they) (?:came|got) "
    r"(?:back|home)|turned up|found (?:her|him|them)|all fine|all good|false alarm|panic over|"
    r"home safe|back safe|planned|agreed with|gone (?:off )?to (?:uni|university)|away at (?:uni|"
    r"university)|moved (?:out|on)|(?:crept|crawled|snuck|climbed) into (?:ours|mine|our|my|the)|"
    r"(?:was|were) (?:asleep )?(?:in|on) (?:our|my|the) (?:bed|sofa|settee|couch))\b"
)
# A way out of the house left open in the night.
OPENING = r"(?:window|back door|front door|door)(?:s| is| was| left)? (?:wide )?open"
RADICAL = r"\b(?:far right|far-right|extremis\w*|isis|nazi\w*|jihad\w*|terror\w*)\b"

MISSING: tuple[Rule, ...] = (
    rule(
        "gone_missing",
        "child_missing",
        0.75,
        r"\b(?:gone|go|goes|going|went|is|was|been|has|hes|shes|theyre|are|report|reported|"
        r"reporting|now|still|currently|run|ran|her|him|them)\s+missing\b(?! (?:his|her|their|my|"
        r"our|the|you|a|an|out|school|lessons?|class|classes|from (?:the )?(?:table|photo|picture|"
        r"team|game|register|list|group|chat)|from this|home\b|me|mum|dad|nan|family|friends?|him|"
        r"them|it|that|this|so|too|loads|a lot|lots)\b)",
        "missing",
        unless=r"\b(?:dog|cat|puppy|kitten|hamster|rabbit|tortoise|keys?|socks?|shoes?|remote|"
        r"wallet|purse|parcel|homework|tooth|teeth|tooth fairy|book|coat|jumper|kit|lunchbox|file|"
        r"paperwork|money|cash|pieces?|card|i|ive)\b<G>{0,25}?\bmissing",
        avoid=MISSING_RESOLVED,
        urgent=True,
    ),
    rule(
        "not_home",
        "child_missing",
        0.55,
        r"\b(?:(?:hasnt|has not|havent|have not|hadnt|didnt|did not|not|isnt|is not|wasnt|arent)"
        r"\b (?:yet |even )?(?:come|came|got|arrived|returned|made it|turned up|been)? ?(?:back|"
        r"home)|never (?:came|got|made it) (?:home|back)|never (?:arrived|turned up|made it) "
        r"(?:at|to) (?:school|college|home))\b",
        "back home never",
        negatable=False,
        avoid=MISSING_RESOLVED,
    ),
    rule(
        "phone_off",
        "child_missing",
        0.45,
        r"\b(?:phones? (?:is |are |been |going |keeps going |goes |keeps )?(?:off|dead|switched "
        r"off|turned off|straight to voicemail|to voicemail|ringing out)|(?:keeps|is|just) ringing"
        r" out|(?:not|isnt|wont|arent|no) (?:answering|picking up|replying|responding)|no answer|"
        r"no reply|straight to voicemail|location (?:is |has been |been )?(?:off|turned off|"
        r"switched off)|(?:turned|switched) (?:her|his|their) (?:phone|location) off)\b",
        "phone phones ringing answering picking replying responding answer reply voicemail "
        "location turned switched",
        negatable=False,
        avoid=MISSING_RESOLVED,
    ),
    rule(
        "whereabouts_unknown",
        "child_missing",
        0.6,
        r"\b(?:(?:no ?one|nobody|none of (?:her|his|their) (?:friends|mates)) (?:knows|know|has "
        r"seen|have seen|seen) (?:where|her|him|them)|no idea where (?:she|he|they)|(?:dont|do "
        r"not|doesnt) know where (?:she|he|they)|cant find (?:her|him|them) anywhere|(?:not|hasnt|"
        r"havent|nobody has|no ?one has) (?:been )?seen (?:her|him|them) since|hasnt been seen|"
        r"(?:cant|cannot|can not) find (?:her|him|them|our \w+|my \w+)(?! a | an | any)|(?:now|and)"
        r" "
        r"(?:shes|hes|theyre) gone|"
        r"not been seen|(?:bed|room)(?:s| is| was)? empty|not (?:in|at) (?:her|his|their) "
        r"(?:room|bed|friends|mates|nans|school)|no sign of "
        r"(?:her|him|them))\b",
        "know knows seen where find empty room bed friends mates nans school sign gone",
        negatable=False,
        avoid=MISSING_RESOLVED,
    ),
    rule(
        "ran_off",
        "child_missing",
        0.5,
        r"\b(?:absconded|absconding|absconds|run away|ran away|runs away|running away|run off|"
        r"ran off|runs off|done a runner|legged it|bolted|walked out|stormed (?:out|off)|took off|"
        r"climbed out (?:of )?(?:the |her |his |"
        r"their )?window|snuck out|sneaked out|sneaks out|gone awol|went awol)\b",
        "absconded absconding absconds away off runner legged bolted walked stormed "
        "climbed snuck sneaked sneaks awol",
        avoid=MISSING_RESOLVED,
        jokeable=True,
    ),
    rule(
        "late_hour",
        "child_missing",
        0.4,
        r"\b(?:(?:its|it is|now|gone|past|after|still out at) (?:now )?(?:gone )?(?:midnight|"
        r"1[0-2](?::\d\d)? ?(?:pm)?|[1-5](?::\d\d)? ?am|half (?:1[0-2]|[1-5])|\d{1,2}:\d\d)|"
        r"gone midnight|middle of the night|in the night|last night|getting dark|its dark|after "
        r"dark|(?:was|is|were) (?:due|meant"
        r" to be|supposed to be) (?:back|home|in)|should (?:have|of)(?: been)? (?:back|home|in)|"
        r"shouldve been (?:back|home|in)|due (?:back|home) (?:at|by))\b",
        "midnight half am pm 0 00 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 "
        "01 02 03 04 05 1am 2am 3am 4am 5am 10pm 11pm "
        "12pm night dark due meant supposed should shouldve",
        negatable=False,
        avoid=MISSING_RESOLVED,
    ),
    rule(
        "empty_bed",
        "child_missing",
        0.7,
        r"\b(?:(?:woke|wake|waking|got) up\b<G>{0,30}?\b(?:bed|room)(?:s| is| was)? (?:empty|not "
        r"been slept in)|(?:bed|room)(?:s| is| was)? (?:empty|not been slept in)\b<G>{0,40}?\b"
        + OPENING
        + r"|"
        + OPENING
        + r"\b<G>{0,40}?\b(?:bed|room)(?:s| is| was)? empty|(?:bed|room) (?:hasnt|has not|wasnt) "
        r"been slept in)\b",
        "woke wake waking got bed beds room rooms window windows door doors",
        negatable=False,
        avoid=MISSING_RESOLVED,
        urgent=True,
    ),
    rule(
        "police_searching",
        "child_missing",
        0.5,
        r"\b(?:(?:police|officers|the helicopter|search party)\b<G>{0,20}?\b(?:looking|searching)"
        r"(?: for (?:her|him|them)| everywhere|(?=\s*(?:[,.!?]|$)))|(?:reported|report) "
        r"(?:her|him|them) (?:as )?missing(?! from))\b",
        "police officers helicopter search reported report",
        avoid=MISSING_RESOLVED,
    ),
    rule(
        "worried",
        "child_missing",
        0.3,
        r"\b(?:worried sick|frantic|out of my mind)\b",
        "worried frantic out",
        avoid=MISSING_RESOLVED,
    ),
)

EXPLOITATION: tuple[Rule, ...] = (
    rule(
        "flattery",
        "exploitation",
        0.45,
        r"\b(?:(?:telling|tells|told|says|calls) (?:her|him) (?:shes|hes|she is|he is)? ?(?:so )?"
        r"(?:beautiful|gorgeous|mature|special|grown up|his girlfriend|sexy)|mature for (?:her|"
        r"his|my|their) age|keeps messaging (?:her|him))\b",
        "telling tells told says calls mature keeps",
    ),
    rule(
        "meet_up",
        "exploitation",
        0.55,
        r"\b(?:(?:asking|asked|asks|wants|wanted|arranged|arranging|begging) (?:her|him|them) to "
        r"meet|meet (?:him|her|them|up) at a (?:hotel|flat|house|car park)|(?:hotel|flat|party) "
        r"with (?:a |an )?(?:older|grown)? ?(?:man|men|guys|lads)|working for (?:someone|some "
        r"(?:lads|people|guy|man|older)|a (?:guy|man|bloke|lad)|them)|hanging (?:a)?round "
        r"(?:outside )?(?:the )?school)\b",
        "asking asked asks wants wanted arranged arranging begging meet hotel flat party working "
        "hanging",
    ),
    rule(
        "unexplained_items",
        "exploitation",
        0.55,
        r"\b(?:(?:wont|cant|doesnt|refuses to|wouldnt|will not) (?:say|explain|tell (?:me|us)) "
        r"where\b<G>{0,25}?\b(?:came from|comes from|got (?:it|them|the money)|from)|(?:wont|"
        r"wouldnt|refuses to) (?:say|tell (?:me|us)) (?:why|who)\b<G>{0,30}?\b(?:money|cash|paid|"
        r"gifts?|phone|presents))\b|\b(?:money|cash|paid|gifts?|phone)\b<G>{0,30}?\b(?:wont|"
        r"wouldnt|refuses to) (?:say|tell (?:me|us)) (?:why|who)\b",
        "wont cant doesnt refuses wouldnt will money cash paid gift gifts phone",
    ),
    rule(
        "older_person",
        "exploitation",
        0.5,
        r"\b(?:older (?:boyfriend|man|men|guy|guys|lads?|bloke|blokes|boys?|friends?|mates?|"
        r"girlfriend|woman|people|person)|(?:boyfriend|man|guy|bloke|fella|friend|lad)\b"
        r"<G>{0,30}?\b(?:is|whos|who is|aged|age|hes|he is|who|was) (?:1[89]|[2-4]\d)|in (?:his|"
        r"their|her) (?:20s|twenties|30s|thirties|40s)|(?:grown|adult) (?:men|man|males?)|"
        r"someone older|(?:lad|man|guy|bloke|fella|bloke) of (?:about |around )?(?:1[89]|[2-4]\d)|"
        r"(?:1[89]|[2-4]\d) ?(?:year old|yr old|yo|y/o) (?:man|men|guy|bloke|lad|"
        r"boyfriend|fella|male))\b",
        "older boyfriend man guy bloke fella friend lad in grown adult someone year yr yo y",
    ),
    rule(
        "gifts",
        "exploitation",
        0.45,
        r"\b(?:(?:buy\w*|bought|giv\w+|gave|pay\w*|paid|send\w*|sent)\b<G>{0,20}?\b(?:her|him|them|"
        r"me)\b"
        r"<G>{0,20}?\b(?:stuff|things|gifts|presents|trainers|clothes|phones?|money|cash|vapes?|"
        r"alcohol|vodka|drink|drinks|drugs|weed|nails|lifts?|taxis?|ubers?|takeaways?|food|"
        r"mcdonalds|maccies|nandos|meals?|makeup|jewellery|perfume|credit|top ?ups?|cigarettes|fags"
        r"|"
        r"tobacco)|(?:vodka|alcohol|"
        r"drinks?|drugs|weed|vapes|lifts|cash|money)\b<G>{0,20}?\bby (?:older|men|lads|a man|guys|"
        r"someone)|(?:taxis?|ubers?|lifts?)\b<G>{0,20}?(?:paid for|from) (?:by )?(?:a |an |some )?"
        r"(?:friend|man|men|older|lads|guy)|(?:new|designer|expensive) (?:trainers|clothes|stuff|"
        r"phone|things|jewellery|bag)\b<G>{0,50}?\b(?:wont|cant|doesnt|refuses to|no idea where)|"
        r"(?:loads|lots) of new (?:clothes|stuff|trainers|things)|com(?:es|ing)? (?:back|home) "
        r"with new (?:stuff|things|clothes|trainers))\b",
        "buy* bought giv* gave pay* paid send* sent vodka alcohol drink drinks drugs weed vapes lif"
        "ts cash "
        "money taxi taxis uber ubers lift new designer expensive loads lots comes coming come",
    ),
    rule(
        "second_phone",
        "exploitation",
        0.5,
        r"\b(?:(?:second|2nd|secret|extra|spare|burner|another|other) phone\b(?! case| charger|"
        r" cover| screen| holder| number)|(?:two|2) phones|burner|phones? (?:he|she|they) (?:wont"
        r"|cant|doesnt|refuses to) (?:explain|say)|new phone\b<G>{0,20}?\b(?:wont|cant|doesnt|"
        r"refuses to|no idea where))\b",
        "phone phones burner",
    ),
    rule(
        "phone_and_cash",
        "exploitation",
        0.75,
        r"\b(?:(?:second|2nd|secret|extra|burner|another|two|2) phones?\b<G>{0,30}?\b(?:cash|money|"
        r"drugs|weed|notes)|(?:cash|money|notes)\b<G>{0,30}?\b(?:second|2nd|secret|extra|burner|"
        r"another) phone)\b",
        "phone phones",
    ),
    rule(
        "cash",
        "exploitation",
        0.45,
        r"\b(?:(?:wads?|loads?|lots|rolls?|bundles?|stacks?|large amounts?|amounts?|piles?) of "
        r"(?:cash|money|notes)|bags? (?:of|full of) (?:cash|money|notes)|(?:cash|money) (?:he|she|"
        r"they) (?:cant|wont|doesnt) explain|"
        r"unexplained (?:cash|money|gifts|items|clothes)|com(?:es|ing)? (?:back|home) with "
        r"(?:money|cash|loads))\b",
        "bag bags wad wads load loads lots roll rolls bundle bundles stack stacks large amount amou"
        "nts "
        "pile piles cash money unexplained comes coming come",
    ),
    rule(
        "debt",
        "exploitation",
        0.75,
        r"\b(?:(?:owes?|owing|in debt|a debt|debt to)\b<G>{0,60}?\b(?:work it off|hurt|older|"
        r"lads|dealer|people|someone|gang|or else|do a drop|drop)|work(?:ing)? it off|debt "
        r"bondage)\b",
        "owe owes owing debt work working",
    ),
    rule(
        "drug_running",
        "exploitation",
        0.7,
        r"\b(?:do(?:ing)? a drop|(?:drop|dropping|deliver\w*) (?:off )?(?:a |some )?(?:package|"
        r"parcel|bag|stuff|drugs)|hold(?:ing)? (?:a |some |onto )?(?:package|parcel|bag|stuff|"
        r"drugs|a knife) for|running drugs|dealing (?:drugs|weed|coke|for)|sell(?:ing)? (?:drugs|"
        r"weed|coke|crack|gear|for)|making (?:him|her|them) sell|shotting|trap ?house|cuckoo\w*|"
        r"plugging|involved in county lines)\b",
        "do doing drop dropping deliver* hold holding running dealing sell selling making "
        "shotting trap traphouse cuckoo* plugging involved",
    ),
    rule(
        "drug_kit",
        "exploitation",
        0.45,
        r"\b(?:scales|baggies|small bags|deal bags|snap bags|bags of (?:weed|white|powder|pills)|"
        r"tick list|cling ?film wraps?)\b",
        "scales baggies small deal snap bags tick cling clingfilm",
    ),
    rule(
        "topic",
        "exploitation",
        0.45,
        r"\b(?:cse|cce|county lines|grooming|groomed|exploit\w*|trafficked|trafficking)\b",
        "cse cce county grooming groomed exploit* trafficked trafficking",
    ),
    rule(
        "being_groomed",
        "exploitation",
        0.55,
        r"\b(?:is|being|been|was|getting) (?:groomed|exploited|trafficked)\b",
        "groomed exploited trafficked",
        avoid=RADICAL,
    ),
    rule(
        "images",
        "exploitation",
        0.7,
        r"\b(?:(?:ask\w*|pressur\w*|begg\w*|paid|pay\w*|offer\w*|money|cash|\d+)\b<G>{0,30}?\b"
        r"(?:for|send|sending|to send)\b<G>{0,10}?\b(?:pics|pictures|photos|images|nudes|videos|"
        r"selfies|vids)|(?:share|post|leak|send|show)\w*\b<G>{0,40}?\b(?:unless|if (?:she|he|they"
        r"|i) (?:doesnt|dont|wont))\b|sextort\w*|nudes?|or (?:he|she|they)(?:ll| will| is going to|"
        r" "
        r"are going to) (?:send|share|post|show|leak)\w*|(?:demand\w*|blackmail\w*)\b<G>{0,40}?"
        r"\b(?:pics?|pictures|photos?|images?|videos?|money|£?\d+))\b",
        "ask* pressur* begg* paid pay* offer* money cash for send sending share* post* leak* "
        "show* sextort* nude nudes or demand* blackmail*",
        unless=r"\b(?:school photos?|photographer|passport)\b",
    ),
    rule(
        "picked_up",
        "exploitation",
        0.5,
        r"\b(?:picked up|collected|dropped off|driven (?:around|about|off)|getting into|got into|"
        r"gets into)\b<G>{0,30}?\b(?:cars?|older|men|lads|guys|strangers|people (?:we|i) dont "
        r"know|different cars)\b",
        "picked collected dropped driven getting got gets",
    ),
    rule(
        "travel",
        "exploitation",
        0.45,
        r"\b(?:(?:going|goes|gone|went|travell?ing|trips?) to [a-z]+\b(?: [a-z]+)? (?:on "
        r"(?:school days|weekdays|week days|the train|the coach)|during school|instead of school|"
        r"for days|overnight|by train|and wont say)|out of (?:area|town|county) (?:for days|"
        r"overnight|and wont))",
        "going goes gone went travelling traveling trip trips out",
    ),
)

OUTSIDE_RULES: tuple[Rule, ...] = MISSING + EXPLOITATION
