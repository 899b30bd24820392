"""A posting's reference and grade where no labelled line of text.py's gave them: the words
boards and administrations put before their numbers ('Position number: DCCEEW/27/0419',
'Req #: 2027-118', 'Numéro d'affichage : BLA-27-0112', 'quoting job ref LT-7761') and the
grades of pay scales ('Classification: APS Level 6', 'TV-L E13', 'Band 6', 'Grade 7',
'Classe de fonction : 16', 'Barème B1', 'FG IV', a Canadian 'EC-05' alone on its line)."""

from __future__ import annotations

import re

from tracker.importers.base import ParsedPosting
from tracker.importers.dates import find_dates

_REF_WORDS = (
    r"(?:job\s++)?ref(?:erence)?\.?(?:\s++(?:no\.?|number|code|apec))?"
    r"|réf(?:érence)?\.?(?:\s++apec)?"
    r"|numéro de référence|numéro d'affichage|numéro de l'offre|numéro de l'annonce"
    r"|n°\s?de l'annonce|n°\s?d'offre|n°\s?de l'offre|position number|position no\.?"
    r"|requisition(?:\s++(?:id|number|no))?|req\s?#|vacancy\s++(?:id|number|no\.?|ref)"
    r"|job\s++(?:id|code|number|no\.?)|posting\s++(?:number|id|no\.?)"
    r"|competition(?:\s++(?:reference|number|no\.?))?|recruitment campaign|campaign\s++number"
    r"|concours(?:\s++(?:n°|no\.?|numéro))?|(?:job\s++)?post\s++id|annonce\s++n°|affichage\s++n°"
    r"|recruitment\s*+#|recruitment\s++(?:number|no\.?|id)|(?:job\s++)?opening\s++(?:id|number)"
    r"|numéro d['’]avis|avis\s++n°"
    r"|kennziffer|advert(?:isement)?\s++(?:number|no\.?|ref(?:erence)?)"
    r"|mentionnant la référence|quoting(?:\s++(?:the|job))?\s++ref(?:erence)?"
    r"|numéro de l'appel de candidatures|numéro d'appel de candidatures|numéro du concours"
    r"|numéro de concours|numéro de poste|competition number"
    r"|avis de recrutement|avis de vacance(?: de poste)?|appel à candidatures?"
    r"|vacancy notice|vacancy announcement|job opening(?: id| number)?")
# The words, then ':', '#', 'n°' or nothing, then an identifier with a digit in it.
_REFERENCE = re.compile(
    rf"(?<![\w-])(?:{_REF_WORDS})(?:(?<=#)|(?!\w))\s*+(?:#\s*+:|[:#]|n°|no\.?)?\s*+"
    r"(?P<id>[A-Z0-9][A-Za-z0-9._/-]{1,40})", re.I)
# 'INRAE — Offer 2026-DOC-0318': 'offer' opens the line or follows a separator.
_OFFER = re.compile(r"(?:^|[—·|–]\s*+)(?:offer|offre)\s++(?P<id>[A-Z0-9][A-Za-z0-9._/-]{3,40})",
                    re.I | re.M)
# The reference to quote in the subject of an application: 'en précisant en objet « CCE-DKR-2027
# »', 'with the subject line "Java – KIS/BLR/JAVA/0127"'.
_SUBJECT = re.compile(r"\b(?:en objet|objet|subject(?: line)?|quoting|mentionnant|en indiquant)"
                      r"\s*+:?\s*+[«\"“'‘]\s*+(?:[^«»\"”\n]{0,40}?\s[–-]\s)?"
                      r"(?P<id>[A-Z][A-Z0-9]*(?:[-/_.][A-Z0-9]+){1,6})\s*+[»\"”'’]", re.I)
# A board's code standing alone, or closing a header line: 'ENISA-TA-AD7-2027-03',
# 'Direction des routes – DR-2027-014', 'N° AR/AIDR/2027/004'.
_CODE_ALONE = re.compile(r"(?:^\W*|\s[–—|-]\s++|^\W*n°\s*+)(?P<id>(?-i:[A-Z]{2,}[A-Z0-9]*"
                         r"(?:[-/][A-Z0-9]{1,10}){1,6}))\s*+$", re.I)
# Any label a reader takes for a reference: a reference word ('Réf. annonce', 'REF NO') or a
# posting's noun with an identifier word ('Req ID', 'JobID', 'Posting #', 'Vacancy code',
# 'Announcement number', "Offre d'emploi n°"), 'Announcement:' or a gazette's 'NOR :', then the
# code (with a digit, not a date: see _identifier).
_ID_LABEL = re.compile(
    r"(?<![\w-])(?:(?:ref(?:erence)?|réf(?:érence)?)\.?(?:\s++(?:no\.?|number|n°|offre|annonce|"
    r"code|de l['’](?:offre|annonce)))?"
    r"|(?:job|req|requisition|vacancy|posting|position|announcement|advt|advert|offre(?:\s++d['’]emploi)?"
    r"|annonce|offer|avis|competition|opening|recruitment)\s*+(?:id|#|n°|no\.?|number|numéro|"
    r"code)(?!\w)|(?:numéro|number|no\.?|n°)\s++(?:de\s++l['’]|d['’]|du\s++|de\s++|of\s++(?:the\s++)?)?"
    r"(?:affichage|annonce|offre|poste|avis|concours|posting|vacancy|advert\w*|job)(?!\w)"
    r"|(?:announcement|(?-i:NOR))(?=\s*+:)|(?-i:ID)(?=[ :])|\[(?:offre|offer|ref|réf))"
    r"\s*+(?:[:#|]|n°)?\s*+(?P<id>[A-Z]{2,6} \d{1,4}/\d{4}(?!\d)|[A-Z0-9][A-Za-z0-9._/-]{1,40})",
    re.I)
# A reference word with a word or three that say whose or what reference it is, then the
# number: 'Réf. interne : MAINT-EL-27-02', 'Réf. agence : MEA-27-0112', 'Référence à rappeler :
# ASO-MET-114', 'Affichage no 2027-07', 'Advt. No. 05/2026', 'Notice No.: HR/27/114'.
_QUALIFIED = re.compile(
    r"(?<![\w-])(?:r[ée]f(?:[ée]rence)?\.?(?:\s++(?!no\b|n°)[^\W\d_]{1,12}(?:['’][^\W\d_]{1,12})?)"
    r"{0,3}?\s*+(?:[:#]|(?<!\w)n°|\bno\b\.?)"
    # (a posting's noun needs its number word: 'Date de l'annonce : 18 janvier' is a date)
    r"|(?:advt|advert(?:isement)?|affichage|annonce|posting|notice|vacancy|offre|circular)\.?"
    r"(?:\s++(?!no\b|n°)[^\W\d_]{1,12}){0,2}?\s*+(?:(?<!\w)n°|\bno\b\.?|#))"
    r"(?:\s*+:)?\s*+(?P<id>[A-Z0-9][A-Za-z0-9._/-]{1,40})", re.I)
# An identifier's noun before the posting's ('Code de l'offre :', 'Identifiant de l'annonce :',
# 'ID offre :') or joined to it ('Job Req:', 'Req. #', 'Stellen-ID:', 'Jobnummer:', 'Bando n.').
_ID_OF = re.compile(
    r"(?<![\w-])(?:(?:code|id|identifiant|numéro|n°)\s++(?:de\s++l['’]|d['’]|du\s++|de\s++la\s++|"
    r"de\s++)?(?:offre|annonce|poste|emploi|vacance|recrutement)\s*+[:#]"
    r"|(?:job|stellen|bando|vacature)[-\s]?(?:req(?:uisition)?|id|nummer|n(?:r|o)?\.?)\.?\s*+[:#]?"
    r"|req\.?\s*+#\s*+:?)\s*+(?P<id>[A-Z0-9][A-Za-z0-9._/-]{1,40})", re.I)
# A code's shape: letters and figures joined by '-' or '/', with a figure ('HR-2027-04',
# 'AB-27-113', '2027/DRH/14'), or figures joined twice ('2027-118' is one join: a label needed).
_CODE = r"(?P<id>(?-i:[A-Z]{1,8}(?:[-/][A-Z0-9]{1,10}){1,5})|\d{3,6}(?:[-/][A-Z0-9]{1,10}){1,5})"
# A code that the text tells to put in the subject or quote ('Please put AB-27-113 in the
# subject line', 'mentionner le code RH-2027-88 dans votre candidature'), or that a posting's
# noun or an e-mail's subject labels ('Vacancy: FIN-27-03', 'Subject: Vacancy HR-2027-04 –').
_TO_QUOTE = re.compile(
    r"\b(?:put|include|quote|mention\w*|indiqu\w*|rappel\w*|précis\w*|le code|the code)\b"
    r"[^.\n]{0,30}?(?<![\w-])" + _CODE + r"(?![\w-])[^.\n]{0,40}?\b(?:subject|objet|"
    r"correspondence|application|candidature|courriel|e-?mail|mail)\b", re.I)
_CODE_LABELLED = re.compile(
    r"^\W*(?:subject|objet|re|fwd?|tr|vacancy|job posting|posting|poste|offre|annonce)\s*+:"
    r"[^\n]{0,30}?(?<![\w-])" + _CODE + r"(?![\w-])", re.I)
# An official letter's file number opening the page: 'No. 3-14/2026-Estt.', 'F. No. A-12/2027'.
_FILE_NO = re.compile(r"^\W*(?:F(?:ile)?\.?\s*+)?No\.\s*+(?P<id>[A-Z0-9][A-Za-z0-9._/-]{2,40})"
                      r"(?:\s{2,}|$)")
# A number in brackets alone under the heading: an international body's '( 2705214 )'.
_BRACKETED = re.compile(r"^\s*+[(\[]\s*+(?P<id>[A-Z0-9][A-Z0-9-]{4,20})\s*+[)\]]\s*+$")
_YEAR = re.compile(r"(?:^|[-/])(?:19|20)\d\d(?:$|[-/])")
_NOT_REFERENCE = re.compile(r"processus|process number|selection process", re.I)

# A licence's or a certificate's grade, not the post's: 'Possession of a valid Grade II
# Wastewater Treatment Plant Operator certificate'.
_PERMIT = re.compile(r"(?i)\b(?:licen[cs]e|certificat\w*|certification|permit)\b")
_GRADES = [
    # 'Classification: APS Level 6', 'Classification : EC-05', a table's 'Classification
    # SCHADS Level 5'
    re.compile(r"\b(?i:classification)(?:\s*+:|[ \t]{2,})\s*+(?P<grade>[A-Z][A-Za-z]{0,15}"
               r"(?:[ -][A-Za-z]{1,15})?[ -]?\d{1,2})\b"),
    # a level of an Australian award, the post's pay level: '(Level 3, Security Services
    # Industry Award)', 'Level 4 under the Alpine Resorts Award' (not a qualification: 'QQI Level
    # 5 Major Award in X')
    re.compile(r"\b(?P<grade>Level \d{1,2})\b(?:,\s*+|\s++(?:under|of)\s++)(?:the\s++)?"
               r"[A-Z][\w ]{0,60}?\bAward\b(?!\s++in\b)"),
    # a US federal series and grade: 'GS-2210-12', 'ZP-1301-IV'
    re.compile(r"\b(?P<grade>(?:GS|GG|WG|WS|ZP|ZA|ZT|NH|NT)-\d{4}-(?:\d{1,2}|[IV]{1,4}))\b"),
    # a salary's level: 'R1 059 105 per annum (Level 11)'
    re.compile(r"(?i:salary|pay|remuneration)\b[^\n]{0,80}?\((?P<grade>(?-i:Level) \d{1,2})\)"),
    # a pay level under a pay label: 'Pay: Level 11 of the 7th CPC Pay Matrix', 'Pay Scale:
    # E-1 ₹40,000 – 3% – 1,40,000'
    re.compile(r"\b(?i:pay(?: scale| level| band)?|salary(?: scale| level)?)\s*+:\s*+"
               r"(?P<grade>Level \d{1,2}|[A-Z]{1,2}-?\d{1,2})(?![\w,.]|\s\d)"),  # (not 'R1 059 105')
    # a level of a pay matrix or a scale: 'Level 10 (₹56,100 – 1,77,500) in the Pay Matrix'
    re.compile(r"\b(?P<grade>Level \d{1,2})\b[^\n]{0,40}?\b(?:in|of) the (?:\w+ )?(?i:pay matrix)"),
    # a number on a scale or a grid: 'pay scale 11', 'salary grid, level 7'
    re.compile(r"\b(?i:pay|salary) (?i:scale|grid|matrix)\b(?:[^\n]{0,30}?\b(?i:level))?\s*+"
               r"(?P<grade>\d{1,2})\b(?![.,]\d)"),
    # a grade code that prices itself: 'E2: ₹50,000 – 3% – 1,60,000'
    re.compile(r"(?:^|[|(]\s*+)(?P<grade>[A-Z]{1,2}-?\d{1,2})\s*+:\s*+(?:₹|Rs\.?|INR|\$|€|£)"),
    # a named grade of two steps: 'Clerk Grade 7/8'
    re.compile(r"\b(?P<grade>[A-Z][a-z]+ Grade \d{1,2}/\d{1,2})\b"),
    # German public pay scales: 'TV-L E13', 'TVöD Bund (E13)'
    re.compile(r"\bTV(?:-?L|öD|-?H|-?V)\b(?:\s++Bund)?\s*+\(?(?P<grade>E\s?\d{1,2})\b"),
    re.compile(r"\b(?P<grade>Band\s++\d[a-d]?)\b"),
    re.compile(r"\b(?:salary class|pay class|classe de fonction|classe salariale|"
               r"classe de traitement)\s*+:?\s*+(?P<grade>\d{1,2})\b", re.I),
    re.compile(r"\b(?:barème|échelle|bareme|echelle)\s*+:?\s*+(?P<grade>[A-E]\d{1,2}\+?)(?!\w)",
               re.I),
    re.compile(r"\b(?P<grade>FG\s?(?:IV|III|II|I))\b"),
    # Luxembourg's state employees: 'groupe d'indemnité A1', 'groupe de traitement B1'
    re.compile(r"\b(?:groupe (?:d['’]indemnité|de traitement|d['’]traitement)|career group|"
               r"pay group|salary group)\s*+:?\s*+(?P<grade>[A-D]\d?)\b", re.I),
    # 'Échelle salariale : classe 8': a class of a pay scale
    re.compile(r"\b(?:échelle|echelle|salary scale|pay scale)\b[^\n]{0,30}?\bclass[e]?\s*+:?\s*+"
               r"(?P<grade>\d{1,2})\b", re.I),
    # (not a school's grade: 'Grade 3 Teacher', 'Grade 5 students')
    re.compile(r"\bGrade\s++(?P<grade>\d{1,2}|[A-Z]{1,5}\s?\d{1,2}|[A-Z]{1,3})\b(?![/.]\d)"
               r"(?!\s++(?i:teachers?|students?|pupils?|class(?:room)?|learners?|"
               r"(?:math|english|science)\w*))"),
    # the US federal General Schedule: 'GS 12', 'GS-0343-12' is a series and grade
    # (not the grade below the post's that qualifies for it: 'equivalent to the GS-11 level')
    re.compile(r"(?<!equivalent to )(?<!equivalent to the )\b(?P<grade>GS[- ]\d{1,2})\b(?![-/]\d)"),
    # 'Niveau : A1' (Belgian federal levels), a code and nothing else
    re.compile(r"(?m)^[^\w\n]*niveau\s*+:\s*+(?P<grade>[A-E]\d?)\s*+$", re.I),
]
# A Canadian classification alone on its line near the top: 'EC-05', 'PM-02', 'AS-03'.
_ALONE = re.compile(r"^\s*+(?P<grade>[A-Z]{2,3}-\d{2})\s*+$")


def _identifier(value: str) -> str | None:
    value = value.rstrip("./-")
    if len(value) < 2 or not any(c.isdigit() for c in value) or re.fullmatch(r"(?:19|20)\d\d",
                                                                           value):
        return None  # no number, or a year
    if find_dates(value, "en") or find_dates(value, "fr"):
        return None  # 'Ref: 03/05/2027' is a date
    return value


def read_ids(result: ParsedPosting, lines: list[str]) -> None:
    """Reference and grade, when the labelled lines gave none (a guess to check)."""
    if result.get("reference") is None:
        _reference(result, lines)
    if result.get("category") is None:
        _grade(result, lines)


def _reference(result: ParsedPosting, lines: list[str]) -> None:
    for line in lines:
        if _NOT_REFERENCE.search(line):
            continue
        for pattern in (_REFERENCE, _OFFER, _SUBJECT, _ID_LABEL, _QUALIFIED, _ID_OF, _TO_QUOTE,
                        _CODE_LABELLED):
            match = pattern.search(line)
            found = _identifier(match["id"]) if match else None
            if found:
                result.add("reference", found, line.strip(), 0.7)
                return
    shown = [line for line in lines if line.strip()][:12]
    for line in shown:  # a letter's file number, a number in brackets under the heading
        match = _FILE_NO.match(line) or (_BRACKETED.match(line) if line in shown[:6] else None)
        found = _identifier(match["id"]) if match else None
        if found and match and (re.search(r"[-/]", found) or match.re is _BRACKETED):
            result.add("reference", found, line.strip(), 0.6)
            return
    for line in shown:  # a code near the top
        match = _CODE_ALONE.search(line)
        if match and _YEAR.search(match["id"]) and re.search(r"[A-Z]{2}", match["id"]):
            result.add("reference", match["id"], line.strip(), 0.6)
            return


# A school's grades: 'Elementary School Teaching/Grade 3' is the class taught, no pay grade.
_SCHOOL = re.compile(r"\b(?:school|teach\w*|elementary|pupils?|students?|classroom|"
                     r"kindergarten|middle school|high school)\b", re.I)


def _grade(result: ParsedPosting, lines: list[str]) -> None:
    for pattern in _GRADES:
        for line in lines:
            match = pattern.search(line)
            if match and match["grade"][0].isdigit() and _SCHOOL.search(line):
                continue
            if match and _PERMIT.search(line):
                continue  # 'a valid Grade II Wastewater Treatment Plant Operator certificate'
            if match and len(line) <= 400:
                result.add("category", " ".join(match["grade"].split()), line.strip(), 0.6)
                return
    shown = [line for line in lines if line.strip()][:15]
    for line in shown:
        match = _ALONE.match(line)
        if match:
            result.add("category", match["grade"], line.strip(), 0.6)
            return
