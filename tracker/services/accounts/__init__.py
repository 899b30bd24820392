"""Accounts: people and organisations, sign-up and log-in, login sessions, candidate profiles,
personal API tokens, password resets and invitations by e-mail (signed links).

Owns the `user`, `candidate_profile`, `organisation`, `login_session` and `api_token` rows;
every other area looks people up through here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.accounts.account import (
        active_user,
        authenticate,
        change_password,
        create_account,
        list_accounts,
        log_in,
        register_candidate,
        set_password,
        set_preferences,
        tell_address_owner,
    )
    from tracker.services.accounts.directory import UserRow, list_users
    from tracker.services.accounts.invitations import (
        Invitation,
        accept_invitation,
        invitable_postings,
        invite_candidate,
        invite_staff,
        read_invitation,
    )
    from tracker.services.accounts.links import deliver
    from tracker.services.accounts.organisations import (
        Usage,
        create_organisation,
        find_organisation,
        get_organisation,
        list_organisations,
        storage_usage,
    )
    from tracker.services.accounts.passwords import (
        MAX_PASSWORD_LENGTH,
        MIN_PASSWORD_LENGTH,
        MIN_SCORE,
        check_password,
        common_passwords,
    )
    from tracker.services.accounts.resets import check_reset, complete_reset, request_reset
    from tracker.services.accounts.sessions import (
        DEVICE_MAX,
        ID_MAX,
        IP_MAX,
        LAST_SEEN_GRANULARITY,
        Account,
        Live,
        SessionRecord,
        end_all,
        end_current,
        end_session,
        forget_all,
        list_live,
        log_out_everywhere,
        resolve,
        start_session,
    )
    from tracker.services.accounts.tokens import (
        LAST_USED_GRANULARITY,
        NAME_MAX,
        TOKEN_PREFIX,
        VISIBLE_CHARS,
        check_may_manage,
        create_token,
        list_tokens,
        revoke_token,
        token_record,
        user_for_token,
    )
    from tracker.services.accounts.users import (
        LanguageInput,
        create_user,
        find_user,
        get_user,
        hash_password,
        set_profile,
        verify_password,
    )

_MODULES: dict[str, tuple[str, ...]] = {
    "account": (
        "register_candidate", "tell_address_owner", "create_account", "authenticate",
        "active_user", "set_preferences", "set_password", "change_password",
        "list_accounts", "log_in",
    ),
    "invitations": (
        "Invitation", "invite_staff", "invite_candidate", "read_invitation", "accept_invitation",
        "invitable_postings",
    ),
    "links": ("deliver",),
    "directory": ("UserRow", "list_users"),
    "organisations": (
        "create_organisation", "find_organisation", "get_organisation", "list_organisations",
        "Usage", "storage_usage",
    ),
    "passwords": (
        "common_passwords", "check_password", "MIN_PASSWORD_LENGTH", "MAX_PASSWORD_LENGTH",
        "MIN_SCORE",
    ),
    "resets": ("request_reset", "check_reset", "complete_reset"),
    "sessions": (
        "Account", "Live", "SessionRecord", "start_session", "resolve", "end_current",
        "end_session", "end_all", "log_out_everywhere", "forget_all", "list_live", "LAST_SEEN_GRANULARITY",
        "DEVICE_MAX", "IP_MAX", "ID_MAX",
    ),
    "tokens": (
        "create_token", "list_tokens", "revoke_token", "user_for_token", "check_may_manage",
        "token_record", "TOKEN_PREFIX", "VISIBLE_CHARS", "NAME_MAX", "LAST_USED_GRANULARITY",
    ),
    "users": (
        "hash_password", "create_user", "verify_password", "find_user", "get_user",
        "LanguageInput", "set_profile",
    ),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
