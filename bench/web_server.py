"""The server bench/web.py measures: the tracker's own application (what `tracker serve`
builds, from the environment's settings) with one more route, `/_bare`, a Flask view that
renders nothing and reads no database: the floor a tracker page is compared with, measured
through the same server, process, middleware and client.

    python bench/web_server.py PORT THREADS WORKERS
"""

from __future__ import annotations

import sys
from typing import Any


def build() -> Any:
    from tracker.app import create_app

    app = create_app()
    app.add_url_rule("/_bare", "bench_bare", lambda: "bare")
    return app


def main() -> None:
    port, threads, workers = (int(value) for value in sys.argv[1:4])
    if workers > 1:
        from tracker.cli import serve_workers

        serve_workers.serve(build, host="127.0.0.1", port=port, workers=workers,
                            threads=threads, trusted_proxy=None)
    else:
        import waitress

        waitress.serve(build(), host="127.0.0.1", port=port, threads=threads, ident="tracker")


if __name__ == "__main__":
    main()
