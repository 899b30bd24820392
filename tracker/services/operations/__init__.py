"""Running the service rather than recruiting: the demo data of `tracker demo` (`demo`), and
the operator's tools that look after the installation as a whole (backup and restore, health
and diagnostics) rather than after any one posting or person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.operations.backup import (
        BackupReport,
        RestoreReport,
        create_backup,
        restore_backup,
        verify_backup,
    )
    from tracker.services.operations.demo import (
        DEMO_PASSWORD,
        DemoDocuments,
        load_demo,
        prepare_documents,
    )
    from tracker.services.operations.doctor import (
        Finding,
        check_cookies,
        check_database,
        check_folder,
        check_public_url,
        check_secret_key,
        check_smtp,
        diagnose,
        worst,
    )
    from tracker.services.operations.health import (
        Readiness,
        beat,
        clean_error,
        forget,
        instance_name,
        readiness,
        record_dispatch,
        scheduler_instances,
        stale_after,
    )

_MODULES: dict[str, tuple[str, ...]] = {
    "backup": ("BackupReport", "RestoreReport", "create_backup", "restore_backup", "verify_backup"),
    "demo": ("DEMO_PASSWORD", "DemoDocuments", "load_demo", "prepare_documents"),
    "doctor": ("Finding", "check_cookies", "check_database", "check_folder", "check_public_url",
               "check_secret_key", "check_smtp", "diagnose", "worst"),
    "health": ("Readiness", "beat", "clean_error", "forget", "instance_name", "readiness",
               "record_dispatch", "scheduler_instances", "stale_after"),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
