"""Candidates' data rights and the employer's duties about personal data: a person's data
exported as one archive (access and portability), erased so that nothing of it remains but a
pseudonym in the audit trail, applications and accounts kept no longer than the organisation's
retention policy, and consent to the talent pool recorded and revocable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.services._reexport import lazy

if TYPE_CHECKING:
    pass

_MODULES: dict[str, tuple[str, ...]] = {}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
