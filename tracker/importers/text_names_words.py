"""The words a reader knows organisations and their names by, shared by the rules that find a
posting's title and its employer: an organisation's words ('Université', 'Agency', a legal
form), a name's shape (capitalised words and their connectors), the sentences an employer
recruits or describes itself with, a sex marker, a sign-off; and the employer written after a
post's name ('X – Danish Agency for Water and Coast'), which is no part of it."""

from __future__ import annotations

import re

from tracker.importers.text_names_forms import LEGAL_WORDS
from tracker.importers.text_names_layout import WEBMAIL_NAMES, post_word

# Words naming an organisation (a header line holding one is the employer, not the title).
_ORG_WORDS = (
    r"Communaut[ée] de communes|Universit[éy]|Universit[àa]|Institut[e]?|Centre|Center|CNRS|Inserm|"
    r"INRAE|Inria|CEA|Minist[èe]re|Ministry|Mairie|Ville d[e']|R[ée]gion|D[ée]partement|Conseil|"
    r"Council|Communaut[ée]|M[ée]tropole|[ÉE]cole|School|College|Coll[èe]ge|Agence|Agency|"
    r"Fondation|Foundation|Association|H[ôo]pital|Hospital|CHU|Rectorat|Acad[ée]mie|"
    r"Pr[ée]fecture|United Nations|UNHCR|UNICEF|OSCE|Organi[sz]ation|Committee|Comit[ée]|"
    r"Commission|Bank|Banque|Fund|Fonds|Trust|Society|Soci[ée]t[ée]|F[ée]d[ée]ration|Federation|"
    r"Syndicat|Groupement|Department (?:of|for)|Directorate(?:-General)? (?:of|for)|NHS|"
    r"Joint Undertaking|Parlement|Parliament|Laboratoire|Laboratory|LabEx|Mus[ée]e|Museum|"
    r"R[ée]seau|Groupe|Agglom[ée]ration|Commune|Canton|"
    r"[ÉE]tat d[eu']|Gouvernement|Government of|County|City of|Th[ée][âa]tre|Theater|Clinique|"
    r"Clinic|Pharmacie|Pharmacy|Cabinet (?:m[ée]dical|dentaire|v[ée]t[ée]rinaire|d'avocats|"
    r"comptable|infirmier|de kin[ée]\w*|kin[ée]\w*)|EHPAD|Lyc[ée]e|Op[ée]ra|Orchestr[ae]|Biblioth[èe]que|Library|"
    r"Schools|School District|Public Schools|Holdings|Co\.|" + LEGAL_WORDS + "|"
    r"Diocese|Dioc[èe]se|Church|[ÉE]glise|Paroisse|Parish|Synod|Mosque|Synagogue|Temple|"
    r"Administration|Authority|GAEC|EARL|SCEA|GEIQ|Coop[ée]rative|Ligue|League|Medical City|"
    r"Service d[ée]partemental|"
    r"Board(?!\s+(?:member|director|secretary|clerk|officer))")
_ORG = re.compile(rf"\b(?:{_ORG_WORDS})\b", re.I)
# A line starting with an organisation's name: 'Communauté de communes X - 5 rue ...'.
_EMPLOYER = re.compile(
    r"^(?:[lL]['’]|[lL]a |[lL]e |[tT]he )?((?:Communaut[ée] de communes|Université|University|"
    r"Universit[àa]|Institut|Institute|Centre|Center|CNRS|Inserm|INRAE|Inria|CEA|Ministère|"
    r"Ministry|Mairie|Ville d[e']|Région|Département|Conseil|Communauté|Métropole|École|Ecole|"
    r"School|College|Collège|Agence|Agency|Office|Fondation|Foundation|Association|Hôpital|"
    r"Hospital|CHU|Rectorat|Académie|Préfecture|UN\b|United Nations|UNHCR|UNICEF|OSCE|GAEC|"
    r"EARL|SCEA|GEIQ|Coopérative|Ligue|Centre de gestion)\b"
    r"(?:(?:[\s-]+|,\s+(?=(?:de|du|des|et|and|of)\s|[dl]['’]))"
    r"(?:(?:of|de|du|des|la|le|et|and|for|the|pour|dans|sur|aux|au|à|en)\s+|[dl]['’])*"
    r"(?:[A-ZÀ-Ý][\w'’.-]*|"
    r"\d{1,2}\b(?!\s+(?:rue|avenue|place|bd|boulevard|chemin|allée|route|quai)\b)))*)")
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
_ARTICLE = re.compile(r"^(?:un\.?e|un·e|un\(e\)|une|un)\s+(?=\w)", re.I)
# Tried only where a run of spaces starts (or at a word), not at each space of the run.
_SEX = re.compile(r"(?<!\s)\s*+[\(\[]?\b([HFMWhfmw]/[HFMWhfmw](?:/[DdXx])?)\b[\)\]]?\s*+")
_CONNECTORS = r"(?:of|for|the|and|de|du|des|la|le|les|et|pour|sans|on|in|&|d['’]|l['’])"
# ("La Bolée d'Armor": an elided connector joins the next word without a space)
_NAME = rf"[A-ZÀ-Ý][\w'’&.-]*(?:(?:\s+(?:{_CONNECTORS}\s+)*|\s+(?:(?:de|du)\s+)?[dl]['’])" \
        rf"[A-ZÀ-Ý][\w'’&.-]*){{0,7}}"
_NAME_RE = re.compile(rf"^{_NAME}$")
# "La commune de Cazères (Landes) recrute", "Rights Watch International is seeking"
_RECRUITS = re.compile(
    rf"^((?:(?i:(?:la|le|les|the)\s++|l['’]\s*+)[^\n:;.()]{{3,120}}?)|{_NAME})\s*+(?:\([^)]{{0,160}}\)\s*+)?"
    r"(?:,[^;:.]{3,200}?,\s*+)?"  # an apposition: ', full member of the Committee on ...,'
    # a first verb of growth before the one that recruits ('X, ..., renforce son équipe et
    # cherche', 'X is expanding its lab and seeks')
    r"(?:(?i:renforce|renforcent|d[ée]veloppe|d[ée]veloppent|agrandit|[ée]toffe|compl[èe]te|"
    r"poursuit sa croissance|expands|is expanding|is growing|grows|strengthens|is strengthening)"
    r"\b[^;:.\n]{0,80}?\s(?:et|and)\s++)?"
    r"(?<![sS]['’])"  # ('X s'engage en faveur de la diversité' commits, recruits no one)
    r"(?i:recrute|recrutent|recherche|recherchent|cherche|cherchent|rech(?=\.)|engage|engagent|"
    r"(?:souhaite|souhaitent|d[ée]sire|d[ée]sirent) (?:engager|embaucher)|embauche|is recruiting|"
    r"wishes to hire|is looking to hire|requires(?=\s++(?:an?|two|three|four|several|\d{1,2})(?:\s|$))|"
    r"is hiring|is seeking|seeks|is looking for|wishes to appoint|wish to appoint|"
    r"invites (?:nominations and )?applications|se propose de recruter|souhaite recruter|"
    r"lance un appel|va recruter|intends to recruit|wishes to recruit|is looking to recruit|"
    r"seeks to appoint|would like to appoint|is looking to appoint|met au concours|"
    r"mettent au concours|ouvre un concours|organise un concours|"
    # 'Le ministère X organise au titre de l'année 2027 un recrutement sans concours'
    r"(?:organise|organisent|ouvre|ouvrent|lance|lancent)\b[^;:.\n]{0,60}?\b(?:un|des) "
    r"(?:recrutements?|concours|campagnes? de recrutement))\b")
# "The Organisation for Economic Co-operation and Development (OECD) is an international ..."
_SELF_DESCRIBED = re.compile(
    rf"^(?:The\s+|L['’]|La\s+|Le\s+)?({_NAME}(?:\s*+\([A-Z][\w&]{{1,9}}(?:\s[A-Z]{{2,5}})?\))?)\s++"
    r"(?:is|est)\s++(?:a|an|the|une?|l['’])\b[^.]{0,80}?\b(?:organi[sz]ation|NGO|ONG|university|université|"
    r"association|charity|foundation|fondation|institut\w*|agency|agence|collectivité|"
    r"commune|non-profit|nonprofit|not-for-profit|company|entreprise|société|start-up|"
    r"startup|network|réseau|federation|fédération|body|organisme|établissement|bank|banque|"
    r"hospital|authority|institution|employer|firm|group|groupe|operator|airline|retailer|"
    r"provider|manufacturer|developer|cooperative|coopérative|groupement|exploitation|farm|"
    r"ferme|domaine|school district|district|department|ministry|ministère)\b")
_SIGN_OFF = re.compile(r"^(?:cordialement|bien cordialement|best regards|kind regards|regards|"
                       r"sincerely|bien à vous|salutations|belle journée|bonne journée|"
                       r"bonne fin de journée|(?:belle|bonne) fin de semaine|bon week-end|"
                       r"bonne soirée|à très vite|best wishes|warmly|"
                       r"à bientôt|warm regards|all the best|many thanks|"
                       r"thanks|cheers|merci)\b", re.I)
# A domain's labels that name no organisation: a site's or a mailbox's words, and a webmail's.
_GENERIC_LABELS = {"www", "jobs", "job", "careers", "career", "recrutement", "recruitment", "rh",
                   "hr", "mail", "email", "emploi", "contact", "info", *WEBMAIL_NAMES}


# 'X in the Central Ground Water Board', 'X – Danish Agency for Water and Coast': the employer
# written after the post.
_TRAILING_ORG = re.compile(r"(?:\s+(?:in|at|with|within)\s+(?:the\s+)?|\s+[—–|]\s+|\s+-\s+(?:the\s+)?)"
                           r"(?P<org>[A-ZÀ-Ý][^—–|,;:()]{3,90})$")


# The nouns of a whole body that employs (not of a unit that names the post's place: 'College
# of Engineering', 'North West Region', 'Aquatic Center' stay).
_WHOLE_BODY = re.compile(r"\b(?:Agency|Agence|Board|Authority|Autorit[ée]|Ministry|Minist[èe]re|"
                         r"Commission|Corporation|Company|Trust|Foundation|Fondation|Association|"
                         r"University|Universit[ée]|Hospital|H[ôo]pital|Bank|Banque|Council|"
                         r"Institute|Organi[sz]ation|Society|Limited|Ltd|Inc|LLC|GmbH)\b")


def _employer_off(title: str) -> str:
    """The post without the organisation named after it (a name holding an organisation's
    word, no post's word, when the post's part names a post)."""
    match = _TRAILING_ORG.search(title)
    if not match:
        return title
    org, post = match["org"].strip(), title[:match.start()].strip()
    if (_WHOLE_BODY.search(org) and len(org.split()) >= 2 and not post_word(org) and post_word(post)
            and _NAME_RE.match(org.replace(",", ""))):
        return post
    return title


# A campus's service named after the university ('University Housing', 'University Program').
CAMPUS_SERVICE = re.compile(r"(?:University|College)\s+(?:Housing|Programs?|Recreation|Police|"
                            r"Health|Services|Athletics|Relations|Advancement|Dining|Libraries|"
                            r"Library|Communications|Facilities|Parking)\b")
