"""Case references: court case numbers, NHS numbers, NI numbers, UPNs and LA system IDs.

Shapes specific enough to stand alone (court numbers, UPNs, NI numbers, NHS numbers that pass
the mod-11 check) are taken anywhere; looser IDs need a reference word just before them
("case number", "Mosaic", "LADO ref"). Legal terms such as "Section 20" or "Reg 24" are too short
to match.
"""

from __future__ import annotations

import re

from .text import Doc, may_contain
from .types import CASE_REFERENCE, Span

_COURT = re.compile(r"(?<![\w/])[A-Za-z]{2}\d{2}[A-Za-z]\d{5}(?![\w/])")
_UPN = re.compile(
    r"(?<![\w/])[A-Za-z](?:\d{11}|\d{3} \d{4} \d{4} ?)[A-Za-z\d](?![\w/])"
)  # also as printed on a PEP: "R116 4402 9927 3"
_NI = re.compile(
    r"(?<![\w/])(?!BG|GB|NK|KN|TN|NT|ZZ|bg|gb|nk|kn|tn|nt|zz)"
    r"[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z][A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z]"
    r" ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?![\w/])"
)
_NHS = re.compile(r"(?<![\w/+\-.])(\d{3})[ \-]?(\d{3})[ \-]?(\d{4})(?![\w/\-])")
_SLASHED = re.compile(
    r"(?<![\w/])[A-Za-z]{2,6}(?:[/\-][A-Za-z]{2,6})?[/\-]\d{2,4}[/\-]\d{3,7}"
    r"(?:[/\-]\d{1,4})?(?![\w/])"
)  # "FC/23/00871", "EC-CP-22-0419"
_CUE_WORDS = (
    r"(?:\bcase (?:no|number|num|ref|reference)\b|\bref(?:erence)?\b|\bref no\b|\bmosaic\b|"
    r"\blcs\b|\blado\b|\bcp ref\b|\bplacement (?:ref|number|id)\b|\bclient (?:id|number|no)\b|"
    r"\bperson (?:id|number)\b|\bchild(?:'s)? (?:id|number)\b|\bupn\b|\bnhs (?:no|number|num)\b|"
    r"\bnhs\b|\bni (?:no|number)\b|\bnational insurance\b|\bid (?:no|number)\b|\bcase id\b|"
    r"\bpupil number\b|\bcourt (?:no|number|ref)\b|\bunique pupil number\b|"
    # Scotland's CHI and candidate numbers, Home Office and police references, passports
    r"\bchi\b|\bchi (?:no|number)\b|\bscn\b|\bcandidate (?:no|number)\b|"
    r"\bhome office (?:ref|reference|number|no)\b|\bho ref\b|\bport ref\b|\buan\b|"
    r"\bbrp\b|\bcrime (?:ref|reference|number|no)\b|\bincident (?:number|no|ref)\b|"
    r"\bpolice (?:ref|reference)\b|\blog (?:number|no)\b|\bpassport (?:number|no)\b|"
    r"\b(?:cin|cp|cpp|ehcp)(?: plan)? (?:ref|reference|number|no)\b|"
    # other LA case systems
    r"\bwccis\b|\bcarefirst\b|\bazeus\b|\bframeworki\b|\beclipse (?:id|number|no|ref)\b)"
)
_CUE = re.compile(_CUE_WORDS + r"[^.!?\n\d]{0,16}$", re.IGNORECASE)
# "The LCS number on the child's paperwork is LCS-0082914", "they wanted the Mosaic ID. It's
# 4417082": further from the word, even past one full stop, when the number is given as its value.
_CUE_FAR = re.compile(_CUE_WORDS + r"[^!\n\d]{0,60}$", re.IGNORECASE)
_VALUE = re.compile(r"(?:\bis|\bwas|\bare|'s|\bit's|\bits|:|,)\s*$", re.IGNORECASE)
_FAR = 80
# Every _CUE match contains one of these (see `may_contain`).
_CUE_STEMS = (
    "case", "ref", "mosaic", "lcs", "lado", "placement", "client", "person", "child", "upn",
    "nhs", "ni ", "national", "id ", "pupil", "court", "chi", "scn", "candidate", "home office",
    "ho ref", "port", "uan", "brp", "crime", "incident", "police", "log ", "passport", "cin ",
    "cp ", "cpp", "ehcp", "wccis", "carefirst", "azeus", "frameworki", "eclipse",
)  # fmt: skip
_CUED_ID = re.compile(
    r"(?<![\w/])[A-Za-z]{0,6}[/\-]?\d[\d/\- ]{2,16}\d(?:[A-Za-z]?|/[A-Za-z]{2,6})(?![\w/])"
)  # "24/0871/LADO" too


def nhs_check(digits: str) -> bool:
    """True when a 10-digit NHS number has a valid mod-11 check digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


_NOT_DIGITS = str.maketrans("", "", " /-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CLUSTER = re.compile(r"\d(?:[ /\-]?\d){4}")
# The same on the message as one byte per character (`Doc.narrow`), where [0-9] equals \d; a
# leading class lets the engine skip ahead.
_CLUSTER_BYTES = re.compile(rb"[0-9](?:[ /\-]?[0-9]){4}")


def _cued(text: str, start: int) -> bool:
    """A reference word ("case number", "NHS no") ends shortly before `start`."""
    lo = max(0, start - 40)
    if may_contain(text[lo:start], _CUE_STEMS) and _CUE.search(text, lo, start) is not None:
        return True
    if _VALUE.search(text, max(0, start - 6), start) is None:
        return False
    far = max(0, start - _FAR)
    window = text[far:start]
    return (
        may_contain(window, _CUE_STEMS)
        and window.count(".") + window.count("?") <= 1
        and _CUE_FAR.search(text, far, start) is not None
    )


def find_references(doc: Doc) -> list[Span]:
    text = doc.text
    spans: list[Span] = []
    narrow = doc.narrow
    if narrow is not None:
        clustered = _CLUSTER_BYTES.search(narrow) is not None
    else:
        clustered = _CLUSTER.search(text) is not None
    if not clustered:
        return spans  # every reference shape has five or more digits close together
    digit_toks = doc.digit_tokens
    bases = doc.bases
    alpha_digit = [i for i in digit_toks if bases[i][0].isalpha()]
    # Letters-only tokens just before a number: "AB 12 34 56 C", "FC/23/00871".
    before = [i - 1 for i in digit_toks if i > 0 and bases[i - 1].isalpha()]
    ni_heads = sorted({*alpha_digit, *(i for i in before if len(bases[i]) == 2)})
    slashed = [i for i in before if doc.gap(i) in ("/", "-")]
    for pattern, heads in ((_COURT, alpha_digit), (_UPN, alpha_digit), (_NI, ni_heads)):
        spans.extend(Span(m.start(), m.end(), CASE_REFERENCE) for m in doc.match_at(pattern, heads))
    slashed_heads = sorted({*slashed, *alpha_digit})  # "EC-CP-22-0419" is one token
    spans.extend(
        Span(m.start(), m.end(), CASE_REFERENCE) for m in doc.match_at(_SLASHED, slashed_heads)
    )
    plain = [i for i in digit_toks if bases[i][0].isdigit()]
    for m in doc.match_at(_NHS, plain):
        digits = m.group(1) + m.group(2) + m.group(3)
        if digits[0] == "0":
            continue  # a phone number
        cued = _cued(text, m.start())
        if nhs_check(digits) or cued:
            spans.append(Span(m.start(), m.end(), CASE_REFERENCE))
    for m in doc.match_at(_CUED_ID, sorted({*digit_toks, *slashed})):
        digits = len(m.group().translate(_NOT_DIGITS))
        if digits < 5:
            continue
        # "Mosaic numbers for our two are 3318204 and 3318205": a second one after the first
        listed = bool(spans) and text[spans[-1].end : m.start()] in (" and ", ", ", " & ")
        if not listed and not _cued(text, m.start()):
            continue
        if m.group()[0] == "0" and digits >= 10:
            continue  # a phone number next to a reference word
        spans.append(Span(m.start(), m.end(), CASE_REFERENCE))
    return spans
