"""Contact, apply e-mail and URL, and the documents asked for in a posting's text (the salary
is read by text_salary)."""

from __future__ import annotations

import re

from tracker.importers.base import EMAIL, URL, ParsedPosting
from tracker.models.enums import DocumentKind

_APPLYING = re.compile(r"(candidat|cv\b|lettre|envoy|adress|postul|apply|applica|submit|send|"
                       r"contact|e-?mail|courriel)", re.I)


def _around(text: str, match: re.Match[str], width: int = 60) -> str:
    start = max(0, text.rfind("\n", 0, match.start()) + 1, match.start() - width)
    end = text.find("\n", match.end())
    end = min(end if end != -1 else len(text), match.end() + width)
    return text[start:end]


# What an address is for besides applying: accommodation, complaints, the job sheet, a mailing
# list's own ('To post, send to ...').
_OTHER_PURPOSE = re.compile(r"\b(?:accommodation|discriminat\w*|title ix|section 504|complaints?|"
                            r"harass\w*|grievance|fiche de poste peut être obtenue|"
                            r"désinscri\w*|unsubscribe|to post|mailing list|liste de diffusion)\b", re.I)
# An address given for questions, with a word that applications do not go there ('please
# don't send CVs to this address', 'merci de postuler uniquement via le bouton').
_NOT_HERE = re.compile(r"(?i)\b(?:don['’]t|do not|never)\s++send\s++(?:your\s++)?(?:applications?|"
                       r"CVs?|r[ée]sum[ée]s?)\s++to\s++(?:this|that)\s++(?:e-?mail\s++)?address|"
                       r"(?:postuler|candidater)\s++uniquement\s++(?:via|par|sur|en ligne)|"
                       r"n['’]envoyez pas (?:vos |de )?candidatures? (?:à|a) cette adresse")
# A mailing list's own service address: 'desinscription@…', 'unsubscribe@…', 'noreply@…'.
# (and an address for another purpose by its name: 'accommodations@…' for help to apply with a
# disability, 'privacy@…', 'dpo@…', 'eeo@…')
_LIST_ADDRESS = re.compile(r"(?i)(?:d[ée]s?inscri\w*|unsubscribe|d[ée]sabonnement|no-?reply|"
                           r"ne-pas-repondre|listserv|mailer-daemon|accommodations?|accessibility|"
                           r"privacy|dpo|rgpd|gdpr|eeo)@")
# A sentence that says where to send the application.
_SENDING = re.compile(r"\b(?:candidatures?|(?:send|submit|email|e-mail)\s++(?:your\s++)?(?:cv|"
                      r"resume|résumé|application)|applications?\s++(?:to|should|must)|apply\s++"
                      r"(?:by|to|at|via)\s++e-?mail|cv\b[^.]{0,40}\b(?:à|to)\b|"
                      r"transmises|à adresser|adressez|envoyez|par (?:e-?mail|courriel|mail)\s++(?:à|a)\b|"
                      r"by e-?mail\s++(?:to|at)\b|return\w*\s++(?:the\s++|your\s++)?"
                      r"(?:completed\s++)?(?:application\s++)?(?:form|pack)\b[^.\n]{0,60}?\s++to)", re.I)
# An address given for questions, not for applications ('For informal enquiries please contact').
_ENQUIRY = re.compile(r"\b(?:informal (?:enquir\w*|inquir\w*|discussions?|chat|conversation|visits?)|"
                      r"enquiries|inquiries|questions?|renseignements?|informations? "
                      r"compl[ée]mentaires?|more information|further (?:information|details))\b",
                      re.I)
# Applications made elsewhere than by e-mail: online, through a board, a 'Postuler' button.
_ONLINE = re.compile(r"\b(?:apply online|applications? (?:should|must) be (?:made|submitted) "
                     r"(?:through|via|online)|through (?:NHS Jobs|TRAC|our (?:careers|online))|"
                     r"bouton\s*+«?\s*+(?:Postuler|Candidater)|postuler en ligne|"
                     r"candidatures? en ligne|"
                     # 'apply using the online application form', 'Apply through the careers
                     # portal', 'do not send applications by email', 'à déposer exclusivement en
                     # ligne', 'en cliquant sur « Postuler »'
                     r"apply (?:using|through|via) (?:the |our )?(?:online|careers? (?:portal|site|page)|"
                     r"portal|website)|online application form|do not send (?:your )?applications? by "
                     r"e-?mail|(?:à déposer|déposez|postulez|candidatez)\b[^.\n]{0,60}?\ben ligne\b(?!\s++ou\b)|"
                     r"en cliquant sur\s*+«?\s*+postuler)|"
                     # a board's button naming where one applies: '[ Postuler via X ]'
                     r"\[\s*+(?:postuler|candidater|apply)\s++(?:via|sur|on|through)\b|"
                     # a board named as where one applies: 'Please apply through TradeHub'
                     r"\bapply\s++(?:through|via|on)\s++(?-i:[A-Z][a-z]+[A-Z]?\w*)\b(?!\s*+@)|"
                     # 'applications are only accepted through the online form', 'please apply
                     # through the button above', 'we can't accept CVs by email', 'please click Apply'
                     r"\bonly accept(?:ed)?\s++(?:applications\s++)?(?:through|via|online)\b|"
                     r"\bapply\s++(?:through|using|via)\s++the\s++(?:button|link|form)\b|"
                     r"\b(?:can['’]t|cannot|can not|do not|don['’]t)\s++accept\s++(?:CVs?|r[ée]sum[ée]s?|"
                     r"applications?)\s++(?:by|via)\s++e-?mail|\bplease click\s++(?:on\s++)?[«\"“']?Apply\b",
                     re.I)
# An e-mail's sender, and the words that say to answer it ('reply to this email', 'par retour de
# mail', 'm'écrire directement à cette adresse').
_SENDER = re.compile(r"^[> \t]*+(?:de|from)[ \t]*+:[^\n@]*?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.I | re.M)
_REPLY = re.compile(r"\b(?:reply (?:directly |simply )?to (?:this|my) e-?mail|reply to me|respond "
                    r"(?:directly )?to this e-?mail|just reply|par retour (?:de )?(?:mail|courriel)|"
                    r"r[ée]pon(?:dez|dre) (?:simplement |directement )?(?:à|a) ce (?:e-?mail|mail|"
                    r"courriel|message)|(?:écrire|m'écrire)[^.\n]{0,30}\bà cette adresse|"
                    # ('email their CV straight to me at the address above')
                    r"(?:to me|à moi)?\s*(?:at|à) (?:the|l['’]) ?(?:e-?mail )?(?:address|adresse) "
                    r"(?:above|ci-dessus))",
                    re.I)
# A greeting to one named reader ('Bonjour Julien,', 'Hi Marta,'), not to a list ('Dear colleagues').
_ONE_READER = re.compile(r"^(?:Bonjour|Hello|Hi|Dear|Hola|Olá|Cher|Chère)\s++(?!colleagues|all\b|"
                         r"everyone|tous|à tous|collègues|friends|team)[A-ZÉ][\w-]+\s*+,", re.M)
_HEADER = re.compile(r"^[>\s]*+(?:de|from|à|a|to|cc|envoyé|sent|objet|subject|reply-to)\s*+:", re.I)


def _sentence(line: str, position: int) -> str:
    """The sentence of a line around a position."""
    start = max(line.rfind(". ", 0, position) + 1, 0)
    end = line.find(". ", position)
    return line[start:end if end != -1 else len(line)]


def _run_on(lines: list[str], index: int, sentence: str) -> str:
    """A line's sentence with the end of the line before it, when it opens the line and that
    one's sentence runs on into it ('Pour une question sur⏎votre candidature : X')."""
    before = lines[index - 1].rstrip() if index else ""
    if lines[index].lstrip().startswith(sentence.strip()[:20]) and before \
            and not before.endswith((".", "!", "?", ":")):
        return before.rsplit(". ", 1)[-1] + " " + sentence
    return sentence


def read_contact(result: ParsedPosting, lines: list[str], lang: str) -> None:
    """Apply e-mail and URL (near words about applying), contact, documents asked for."""
    apply_lines = [i for i, line in enumerate(lines) if _APPLYING.search(line)]
    applying = set(apply_lines)  # looked up around each address, not scanned for each
    emails = [(m.group(0).rstrip("."), i) for i, line in enumerate(lines) if "@" in line
              for m in EMAIL.finditer(line)
              if not _OTHER_PURPOSE.search(_sentence(line, m.start()))
              and not _LIST_ADDRESS.match(m.group(0))
              and not _NOT_HERE.search(" ".join(lines[i:i + 2]))]
    # the address of the sentence about applying, then one near it; an e-mail's headers name
    # who sent and received the message, not where to apply
    text = "\n".join(lines)
    online = _ONLINE.search(text) is not None
    # (where one applies online, an address for questions about one's application is no
    # address to apply to: 'Pour une question sur votre candidature : X')
    near = next(((e, i) for e, i in emails if _SENDING.search(sentence := _run_on(
        lines, i, _sentence(lines[i], lines[i].find(e)))) and not _HEADER.match(lines[i])
        and not (online and _ENQUIRY.search(sentence))), None)
    if not near and not online:
        near = next(((e, i) for e, i in emails if not applying.isdisjoint(range(i - 2, i + 3))
                     and not _HEADER.match(lines[i])
                     and not _ENQUIRY.search(_sentence(lines[i], lines[i].find(e)))), None)
    emails = [pair for pair in emails if not _HEADER.match(lines[pair[1]])]
    if not near and online:
        # applications go online: an address for questions or the board's is none to apply to
        emails = []
    sender = _SENDER.search(text)
    reply = _REPLY.search(text)
    if not near and not emails and sender and (reply or _ONE_READER.search(text)):
        # an e-mail that carries a post to one reader, or says to answer it, and gives no other
        # address: one applies by answering it; sure only where the text says so
        result.add("apply_email", sender.group(1).rstrip("."), reply.group(0) if reply
                   else sender.group(0).strip(), 0.85 if reply else 0.6)
        emails = []
    if near:
        email, index = near
        result.add("apply_email", email, lines[index], 0.9)
        start = max((j for j in range(index - 2, index + 1) if j in applying), default=index)
        contact = " ".join(" ".join(lines[start:index + 1]).split()).strip(" ,;")
        result.add("application_contact", contact[:300], contact, 0.6)
    elif emails:
        result.add("apply_email", emails[0][0], lines[emails[0][1]], 0.6)
    for line in lines:
        if re.search(r"(postul|candidat|apply|application|recrutement|jobs?\b|careers?)",
                     line, re.I):
            match = URL.search(line)
            if match:
                result.add("apply_url", match.group(0).rstrip(".,;"), line, 0.7)
                break
    application_text = " ".join(lines[i] for i in apply_lines)
    documents = [
        (r"\b(cv|c\.v\.|curriculum vitae|résumé|resume)\b", DocumentKind.CV,
         "CV", "CV"),
        (r"(lettre de motivation|cover(?:ing)? letter|letter of motivation|motivation letter|"
         r"letter of application)", DocumentKind.COVER_LETTER, "Lettre de motivation",
         "Cover letter"),
        (r"(copie[s]? (?:du|des) diplômes?|copies? of (?:your )?(?:degree|diploma)s?)",
         DocumentKind.DIPLOMA, "Diplôme", "Diploma"),
        (r"(lettres? de recommandation|letters? of (?:recommendation|reference)|"
         r"reference letters?)", DocumentKind.REFERENCE_LETTER, "Lettres de recommandation",
         "Reference letters"),
    ]
    for pattern, kind, label_fr, label_en in documents:
        match = re.search(pattern, application_text, re.I)
        if match:
            result.add("required_documents",
                       {"kind": kind, "label": label_fr if lang == "fr" else label_en},
                       _around(application_text, match), 0.75)
