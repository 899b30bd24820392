"""The password rule (issue #12): length over composition, as current guidance has it (NIST SP
800-63B: no rules of character classes; a minimum length; a screen against passwords known to
be common, and against the account's own details).

The screen is zxcvbn's: it ships the 30,000 most common passwords of leaked lists (with English
words, names and keyboard patterns) and estimates how many guesses a password takes, the
address given as the user's own words. A password is refused when it is shorter than
MIN_PASSWORD_LENGTH, is one of the common passwords, is or contains the address (or its part
before the @), or would fall in fewer than 10^8 guesses (zxcvbn's score under 3: repeats,
sequences, a common word with digits)."""

from __future__ import annotations

from functools import lru_cache

from tracker.domain.errors import DomainError

MIN_PASSWORD_LENGTH = 12
# Long passphrases are welcome; past this, hashing would be work for nothing.
MAX_PASSWORD_LENGTH = 128
MIN_SCORE = 3
# zxcvbn's own bound: it matches patterns on the first 72 characters.
_SCREENED = 72


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS  # 40 ms: imported when a password is set

    return frozenset(FREQUENCY_LISTS["passwords"])


def check_password(password: str, *, email: str | None = None,
                   field: str = "password") -> None:
    """Raise DomainError(field, ...) when `password` does not follow the rule."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(field, "must be at least %(limit)s characters long",
                          limit=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise DomainError(field, "must be at most %(limit)s characters long",
                          limit=MAX_PASSWORD_LENGTH)
    folded = "".join(password.split()).casefold()
    own: list[str] = []
    if email:
        address = email.strip().casefold()
        local = address.split("@", 1)[0]
        own = [address, local]
        if address in folded or (len(local) >= 4 and local in folded):
            raise DomainError(field, "must not be your e-mail address or contain it")
    if folded in common_passwords() or password.casefold() in common_passwords():
        raise DomainError(field, "is one of the most common passwords: choose another")
    from zxcvbn import zxcvbn

    if zxcvbn(password[:_SCREENED], user_inputs=own)["score"] < MIN_SCORE:
        raise DomainError(field, "is too easy to guess: use a longer phrase of several "
                                 "unrelated words")
