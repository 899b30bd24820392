"""The shipped texts of each kind of message, in French and English, and the variables a
template may use. An organisation without its own template for a kind and language sends these.

Templates are plain text rendered in a sandbox (`tracker.services.messages.templates`): only the
variables below, `{% if %}` tests and filters; anything else is refused when the template is
saved.
"""

from __future__ import annotations

from tracker.models import MessageKind

K = MessageKind

# The variables, in the order the pages list them. Dates are written in the reader's (the
# candidate's) language and time zone.
VARIABLES: tuple[str, ...] = (
    "candidate_name",  # the candidate's full name
    "posting_title",  # the posting's title
    "posting_reference",  # the posting's reference
    "organisation",  # the hiring organisation's name
    "deadline",  # the posting's deadline, date and time
    "interview",  # the candidate's next interview, date and time (empty when none)
    "application_url",  # the candidate's application page (TRACKER_PUBLIC_URL)
)

KINDS: tuple[MessageKind, ...] = tuple(MessageKind)

DEFAULTS: dict[tuple[MessageKind, str], tuple[str, str]] = {
    (K.ACKNOWLEDGEMENT, "fr"): (
        "Nous avons bien reçu votre candidature — {{ posting_title }}",
        "Bonjour {{ candidate_name }},\n\n"
        "Votre candidature au poste « {{ posting_title }} » (réf. {{ posting_reference }}) "
        "nous est bien parvenue. Nous l’étudierons après la date limite du {{ deadline }} "
        "et reviendrons vers vous.\n\n"
        "Vous pouvez suivre où elle en est sur {{ application_url }}\n\n"
        "Cordialement,\n{{ organisation }}",
    ),
    (K.ACKNOWLEDGEMENT, "en"): (
        "We have received your application — {{ posting_title }}",
        "Dear {{ candidate_name }},\n\n"
        "Thank you: your application for “{{ posting_title }}” (ref. {{ posting_reference }}) "
        "has reached us. We will look at it after the deadline of {{ deadline }} and get back "
        "to you.\n\n"
        "You can follow its progress at {{ application_url }}\n\n"
        "Kind regards,\n{{ organisation }}",
    ),
    (K.INTERVIEW_INVITATION, "fr"): (
        "Invitation à un entretien — {{ posting_title }}",
        "Bonjour {{ candidate_name }},\n\n"
        "Votre candidature au poste « {{ posting_title }} » a retenu notre attention et nous "
        "souhaitons vous rencontrer"
        "{% if interview %} le {{ interview }}{% else %} ; la date vous sera précisée "
        "prochainement{% endif %}.\n\n"
        "Merci de nous confirmer votre présence en répondant à ce message.\n\n"
        "Cordialement,\n{{ organisation }}",
    ),
    (K.INTERVIEW_INVITATION, "en"): (
        "Invitation to an interview — {{ posting_title }}",
        "Dear {{ candidate_name }},\n\n"
        "Your application for “{{ posting_title }}” caught our attention and we would like to "
        "meet you"
        "{% if interview %} on {{ interview }}{% else %}; we will let you know the date "
        "shortly{% endif %}.\n\n"
        "Please confirm that you can attend by replying to this message.\n\n"
        "Kind regards,\n{{ organisation }}",
    ),
    (K.REJECTION_AFTER_REVIEW, "fr"): (
        "Votre candidature — {{ posting_title }}",
        "Bonjour {{ candidate_name }},\n\n"
        "Nous vous remercions de l’intérêt que vous portez à {{ organisation }}. Après examen "
        "attentif des candidatures reçues pour le poste « {{ posting_title }} » "
        "(réf. {{ posting_reference }}), nous ne sommes pas en mesure de donner une suite "
        "favorable à la vôtre.\n\n"
        "Nous vous souhaitons pleine réussite dans vos recherches.\n\n"
        "Cordialement,\n{{ organisation }}",
    ),
    (K.REJECTION_AFTER_REVIEW, "en"): (
        "Your application — {{ posting_title }}",
        "Dear {{ candidate_name }},\n\n"
        "Thank you for your interest in {{ organisation }}. Having carefully reviewed the "
        "applications for “{{ posting_title }}” (ref. {{ posting_reference }}), we are unable "
        "to take yours further.\n\n"
        "We wish you every success in your search.\n\n"
        "Kind regards,\n{{ organisation }}",
    ),
    (K.REJECTION_AFTER_INTERVIEW, "fr"): (
        "Suite à votre entretien — {{ posting_title }}",
        "Bonjour {{ candidate_name }},\n\n"
        "Merci d’avoir pris le temps de nous rencontrer pour le poste « {{ posting_title }} ». "
        "Après délibération du jury, nous avons retenu une autre candidature.\n\n"
        "Nous avons apprécié notre échange et vous souhaitons le meilleur pour la suite.\n\n"
        "Cordialement,\n{{ organisation }}",
    ),
    (K.REJECTION_AFTER_INTERVIEW, "en"): (
        "Following your interview — {{ posting_title }}",
        "Dear {{ candidate_name }},\n\n"
        "Thank you for taking the time to meet us about “{{ posting_title }}”. After the "
        "panel's deliberation, we have chosen another applicant.\n\n"
        "We enjoyed our conversation and wish you all the best for what comes next.\n\n"
        "Kind regards,\n{{ organisation }}",
    ),
    (K.OFFER, "fr"): (
        "Proposition d’embauche — {{ posting_title }}",
        "Bonjour {{ candidate_name }},\n\n"
        "Nous avons le plaisir de vous proposer le poste « {{ posting_title }} » "
        "(réf. {{ posting_reference }}) au sein de {{ organisation }}.\n\n"
        "Nous reviendrons vers vous très vite pour les détails de votre arrivée ; vous pouvez "
        "suivre votre candidature sur {{ application_url }}\n\n"
        "Cordialement,\n{{ organisation }}",
    ),
    (K.OFFER, "en"): (
        "Job offer — {{ posting_title }}",
        "Dear {{ candidate_name }},\n\n"
        "We are pleased to offer you the position “{{ posting_title }}” "
        "(ref. {{ posting_reference }}) at {{ organisation }}.\n\n"
        "We will be in touch shortly about the details of your start; you can follow your "
        "application at {{ application_url }}\n\n"
        "Kind regards,\n{{ organisation }}",
    ),
}
