"""Candidates' data rights and the employer's duties about personal data: a person's data
exported as one archive (access and portability), erased so that nothing of it remains but a
pseudonym in the audit trail, applications and accounts kept no longer than the organisation's
retention policy, and consent to the talent pool recorded and revocable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.privacy.consent import (
        PoolChoice,
        holds,
        set_talent_pool,
        talent_pools,
    )
    from tracker.services.privacy.erase import (
        AddressPlan,
        ErasurePlan,
        ErasureRow,
        address_plan,
        carry_out_request,
        check_may_erase,
        delete_account,
        erase_address,
        erase_person,
        erasure_plan,
        list_erasures,
        pending_request,
        pseudonym,
        received_under,
        request_erasure,
        truncate_wal,
    )
    from tracker.services.privacy.export import Export, export_named, export_person, subject_of
    from tracker.services.privacy.policy import (
        Notice,
        Policy,
        list_policies,
        own_notices,
        policy_of,
        privacy_notice,
        set_privacy_notice,
        set_retention,
    )
    from tracker.services.privacy.retention import (
        AccountWarning,
        Action,
        Report,
        anonymise,
        run,
        send_warnings,
    )

_MODULES: dict[str, tuple[str, ...]] = {
    "erase": (
        "ErasurePlan", "ErasureRow", "erase_person", "delete_account", "erasure_plan", "check_may_erase",
        "pseudonym", "received_under", "request_erasure", "pending_request", "list_erasures",
        "carry_out_request", "truncate_wal", "AddressPlan", "address_plan", "erase_address",
    ),
    "export": ("Export", "export_person", "export_named", "subject_of"),
    "consent": ("PoolChoice", "holds", "talent_pools", "set_talent_pool"),
    "policy": ("Policy", "Notice", "policy_of", "set_retention", "set_privacy_notice",
               "privacy_notice", "own_notices", "list_policies"),
    "retention": ("Action", "AccountWarning", "Report", "anonymise", "run", "send_warnings"),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
