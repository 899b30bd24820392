"""`tracker privacy ...`: a person's data exported or erased, and the retention policy run."""

from __future__ import annotations

import click


@click.group("privacy")
def privacy_group() -> None:
    """Candidates' data rights: export, erasure, retention."""
