"""Words and formats of printed documents, in French and English.

Dates and numbers are formatted by Babel for the locale; instants always with their zone.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

LANGUAGES = ("fr", "en")

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "application_dossier": "Dossier de candidature",
        "panel_dossier": "Dossier du jury",
        "posting_sheet": "Fiche de poste",
        "candidate": "Candidat·e",
        "posting": "Poste",
        "reference": "Référence",
        "organisation": "Employeur",
        "department": "Service",
        "location": "Lieu",
        "deadline": "Date limite de candidature",
        "status": "Statut",
        "generated": "Document établi le",
        "contents": "Sommaire",
        "key_dates": "Dates clés",
        "date_posted": "Publication",
        "interview": "Entretien",
        "job_start_date": "Prise de poste",
        "submitted_at": "Candidature déposée",
        "the_posting": "Le poste",
        "context": "Environnement et contexte",
        "missions": "Missions",
        "working_conditions": "Conditions d’exercice",
        "benefits": "Avantages",
        "category": "Catégorie",
        "employment_type": "Contrat",
        "duration": "Durée",
        "months": "mois",
        "working_time": "Quotité",
        "salary": "Rémunération",
        "apply": "Candidater",
        "requirements": "Exigences du poste et réponses",
        "posting_requirements": "Profil recherché",
        "requirement": "Exigence",
        "required": "requis",
        "preferred": "souhaité",
        "level": "Niveau",
        "evidence": "Éléments apportés",
        "self_rating": "Auto-éval.",
        "reviewer_rating": "Éval. jury",
        "no_evidence": "Aucun élément fourni",
        "documents": "Pièces demandées",
        "document": "Pièce",
        "provided": "fournie",
        "missing": "manquante",
        "optional": "facultative",
        "cover_letter": "Lettre de motivation",
        "no_cover_letter": "Aucune lettre saisie dans l’application.",
        "appendices": "Annexes",
        "appendix": "Annexe",
        "page": "page",
        "of": "sur",
        "pages": "pages",
        "profile": "Profil",
        "education": "Formation",
        "experience": "Expérience",
        "years": "ans",
        "languages": "Langues",
        "skills": "Compétences",
        "native": "langue maternelle",
        "applicants": "Candidatures",
        "name": "Nom",
        "evidence_given": "Exigences requises documentées",
        "fit": "Adéquation au poste",
        "fit_score": "Adéquation",
        "fit_score_is": "Score d’adéquation :",
        "fit_intro": "Chaque exigence, jugée d’après l’évaluation du jury, le profil et les "
                     "éléments apportés ; les exigences requises comptent double. Le score est "
                     "calculé sur les exigences évaluées ; celles sans aucun élément sont "
                     "« à évaluer ».",
        "fit_status": "Jugement",
        "reason": "Raison",
        "points": "Points",
        "score_out_of": "sur 100",
        "documents_complete": "Pièces complètes",
        "yes": "oui",
        "no": "non",
        "matrix": "Grille de comparaison",
        "schedule": "Calendrier des entretiens",
        "when": "Date et heure",
        "where": "Lieu",
        "panel": "Jury",
        "all_applicants": "tous les candidats",
        "evaluation_grid": "Grille d’évaluation",
        "criterion": "Critère",
        "comments": "Commentaires",
        "panel_member": "Membre du jury",
        "signature": "Signature",
        "date": "Date",
        "overall": "Appréciation générale",
        "scale": "1 insuffisant · 2 à conforter · 3 satisfaisant · 4 excellent",
        "none_yet": "Aucune candidature déposée.",
        "no_interview": "Aucun entretien planifié.",
        "not_stated": "non précisé",
        "local_time_of": "heure de",
        "all_day": "journée",
        "kind.technical_skill": "Compétences techniques",
        "kind.knowledge": "Connaissances",
        "kind.know_how": "Savoir-faire",
        "kind.soft_skill": "Savoir-être",
        "kind.education": "Niveau d’études",
        "kind.experience": "Expérience",
        "kind.language": "Langues",
        "kind.other": "Autres",
        "employment.permanent": "Emploi permanent",
        "employment.fixed_term": "CDD",
        "employment.internship": "Stage",
        "employment.apprenticeship": "Apprentissage",
        "employment.temporary": "Intérim",
        "employment.freelance": "Indépendant",
        "employment.volunteer": "Bénévolat",
        "employment.other": "Autre",
        "status.draft": "brouillon",
        "status.submitted": "déposée",
        "status.under_review": "en cours d’examen",
        "status.interview": "entretien",
        "status.offer": "proposition",
        "status.hired": "recruté·e",
        "status.rejected": "non retenue",
        "status.withdrawn": "retirée",
        "posting_status.draft": "brouillon",
        "posting_status.open": "ouvert",
        "posting_status.closed": "clos",
        "posting_status.filled": "pourvu",
        "posting_status.cancelled": "annulé",
        "document.cv": "CV",
        "document.cover_letter": "Lettre de motivation",
        "document.diploma": "Diplôme",
        "document.reference_letter": "Lettre de recommandation",
        "document.portfolio": "Portfolio",
        "document.identity": "Pièce d’identité",
        "document.other": "Autre pièce",
        "period.hour": "de l’heure",
        "period.day": "par jour",
        "period.week": "par semaine",
        "period.month": "par mois",
        "period.year": "par an",
        "apply.email": "par courriel à",
        "apply.url": "en ligne :",
        "apply.in_app": "dans l’application",
        "education_level.none": "Sans diplôme",
        # dossiers (#14): the status history, the typed letter, the panel's grid and annex
        "history": "Historique de la candidature",
        "history_from": "De",
        "history_to": "À",
        "history_who": "Par",
        "history_comment": "Commentaire",
        "no_history": "Aucun changement de statut.",
        "by_system": "automatiquement",
        "typed_letter": "saisie dans l’application",
        "summary": "Synthèse",
        "posting_description": "Description du poste par l’employeur",
        "description_in_annex": "La description complète du poste figure en annexe, à la fin du dossier.",
        "matrix_legend": "● atteint · ◐ en partie · ○ non démontré · « à évaluer » : rien n’a "
                         "encore été apporté ni évalué.",
    },
    "en": {
        "application_dossier": "Application dossier",
        "panel_dossier": "Panel dossier",
        "posting_sheet": "Job description",
        "candidate": "Candidate",
        "posting": "Position",
        "reference": "Reference",
        "organisation": "Employer",
        "department": "Department",
        "location": "Location",
        "deadline": "Application deadline",
        "status": "Status",
        "generated": "Generated on",
        "contents": "Contents",
        "key_dates": "Key dates",
        "date_posted": "Posted",
        "interview": "Interview",
        "job_start_date": "Start date",
        "submitted_at": "Application submitted",
        "the_posting": "The position",
        "context": "Context",
        "missions": "Duties",
        "working_conditions": "Working conditions",
        "benefits": "Benefits",
        "category": "Category",
        "employment_type": "Contract",
        "duration": "Duration",
        "months": "months",
        "working_time": "Working time",
        "salary": "Salary",
        "apply": "How to apply",
        "requirements": "Requirements and answers",
        "posting_requirements": "Person specification",
        "requirement": "Requirement",
        "required": "required",
        "preferred": "preferred",
        "level": "Level",
        "evidence": "Evidence",
        "self_rating": "Self",
        "reviewer_rating": "Panel",
        "no_evidence": "No evidence given",
        "documents": "Documents requested",
        "document": "Document",
        "provided": "provided",
        "missing": "missing",
        "optional": "optional",
        "cover_letter": "Cover letter",
        "no_cover_letter": "No cover letter written in the application.",
        "appendices": "Appendices",
        "appendix": "Appendix",
        "page": "page",
        "of": "of",
        "pages": "pages",
        "profile": "Profile",
        "education": "Education",
        "experience": "Experience",
        "years": "years",
        "languages": "Languages",
        "skills": "Skills",
        "native": "native",
        "applicants": "Applicants",
        "name": "Name",
        "evidence_given": "Required requirements evidenced",
        "fit": "Fit to the posting",
        "fit_score": "Fit",
        "fit_score_is": "Fit score:",
        "fit_intro": "Each requirement, judged from the panel's rating, the profile and the "
                     "evidence given; required requirements count double. The score is computed "
                     "over the requirements assessed; those with nothing given are \"to assess\".",
        "fit_status": "Judgement",
        "reason": "Reason",
        "points": "Points",
        "score_out_of": "out of 100",
        "documents_complete": "Documents complete",
        "yes": "yes",
        "no": "no",
        "matrix": "Comparison matrix",
        "schedule": "Interview schedule",
        "when": "Date and time",
        "where": "Place",
        "panel": "Panel",
        "all_applicants": "all applicants",
        "evaluation_grid": "Evaluation grid",
        "criterion": "Criterion",
        "comments": "Comments",
        "panel_member": "Panel member",
        "signature": "Signature",
        "date": "Date",
        "overall": "Overall assessment",
        "scale": "1 insufficient · 2 partly · 3 satisfactory · 4 excellent",
        "none_yet": "No application submitted.",
        "no_interview": "No interview scheduled.",
        "not_stated": "not stated",
        "local_time_of": "time in",
        "all_day": "all day",
        "kind.technical_skill": "Technical skills",
        "kind.knowledge": "Knowledge",
        "kind.know_how": "Know-how",
        "kind.soft_skill": "Soft skills",
        "kind.education": "Education",
        "kind.experience": "Experience",
        "kind.language": "Languages",
        "kind.other": "Other",
        "employment.permanent": "Permanent",
        "employment.fixed_term": "Fixed-term",
        "employment.internship": "Internship",
        "employment.apprenticeship": "Apprenticeship",
        "employment.temporary": "Temporary",
        "employment.freelance": "Freelance",
        "employment.volunteer": "Volunteer",
        "employment.other": "Other",
        # the labels the pages show (not the stored values), as the French ones are
        "status.draft": "Draft",
        "status.submitted": "Submitted",
        "status.under_review": "Under review",
        "status.interview": "Interview",
        "status.offer": "Offer",
        "status.hired": "Hired",
        "status.rejected": "Rejected",
        "status.withdrawn": "Withdrawn",
        "posting_status.draft": "draft",
        "posting_status.open": "open",
        "posting_status.closed": "closed",
        "posting_status.filled": "filled",
        "posting_status.cancelled": "cancelled",
        "document.cv": "CV",
        "document.cover_letter": "Cover letter",
        "document.diploma": "Diploma",
        "document.reference_letter": "Reference letter",
        "document.portfolio": "Portfolio",
        "document.identity": "Identity document",
        "document.other": "Other document",
        "period.hour": "per hour",
        "period.day": "per day",
        "period.week": "per week",
        "period.month": "per month",
        "period.year": "per year",
        "apply.email": "by e-mail to",
        "apply.url": "online:",
        "apply.in_app": "in the application",
        "education_level.none": "No diploma",
        # dossiers (#14): the status history, the typed letter, the panel's grid and annex
        "history": "Application history",
        "history_from": "From",
        "history_to": "To",
        "history_who": "By",
        "history_comment": "Comment",
        "no_history": "No status change.",
        "by_system": "automatically",
        "typed_letter": "typed in the application",
        "summary": "Summary",
        "posting_description": "The employer's description of the position",
        "description_in_annex": "The full description of the position is in the annex at the end of the dossier.",
        "matrix_legend": "● met · ◐ partly met · ○ not shown · \"to assess\": nothing given or "
                         "assessed yet.",
    },
}


# The levels of study other than none are written the same in both languages.
_EDUCATION_LEVELS = {"cap_bep": "CAP/BEP", "bac": "Bac", "bac+2": "Bac+2", "bac+3": "Bac+3",
                     "bac+4": "Bac+4", "bac+5": "Bac+5", "bac+8": "Bac+8"}
for _labels in LABELS.values():
    _labels.update({f"education_level.{key}": text for key, text in _EDUCATION_LEVELS.items()})


def education_label(level: object, lang: str = "en") -> str:
    """A level of study (EducationLevel or its value) as people write it: Bac+4, CAP/BEP."""
    value = getattr(level, "value", level)
    return LABELS.get(lang, LABELS["en"]).get(f"education_level.{value}", str(value))


class Formatter:
    """Labels, dates, times and numbers for one language."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
        self.lang = lang
        self.labels = LABELS[lang]

    def __call__(self, key: str) -> str:
        return self.labels[key]

    def date(self, value: date | None) -> str:
        """13/05/2024 in French, 13 May 2024 in English."""
        if value is None:
            return ""
        from babel.dates import format_date as _babel_date  # Babel loads when a date is printed

        return _babel_date(value, "dd/MM/y" if self.lang == "fr" else "d MMMM y", locale=self.lang)

    def long_date(self, value: date | None) -> str:
        """13 mai 2024, 13 May 2024."""
        from babel.dates import format_date as _babel_date

        return "" if value is None else _babel_date(value, "d MMMM y", locale=self.lang)

    def time(self, value: time) -> str:
        from babel.dates import format_time as _babel_time

        return _babel_time(value, "HH:mm", locale=self.lang)

    def instant(self, value: datetime | None, tz_name: str) -> str:
        """An instant as local date and time in `tz_name`, with the zone named."""
        if value is None:
            return ""
        local = value.astimezone(ZoneInfo(tz_name))
        return f"{self.date(local.date())} {self.time(local.time())} ({tz_name})"

    def local(self, day: date | None, at: time | None, tz_name: str) -> str:
        """A stated local date and optional time, with the zone: 13/05/2024 23:59 (Europe/Paris)."""
        if day is None:
            return ""
        return f"{self.date(day)}{' ' + self.time(at) if at else ''} ({tz_name})"

    def number(self, value: Decimal | int | None) -> str:
        from babel.numbers import format_decimal

        return "" if value is None else format_decimal(value, locale=self.lang)
