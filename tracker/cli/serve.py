"""`tracker serve`: the web pages on a production WSGI server (waitress)."""

from __future__ import annotations

import click

from tracker.cli.context import AppContext, pass_app


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Requests served at the same time by this process.")
@pass_app
def serve_command(app: AppContext, host: str, port: int, threads: int) -> None:
    """Serve the web pages for HR staff and candidates with waitress.

    The embedded SQLite database is created and migrated first; a PostgreSQL database must be
    at the code's revision (`tracker db upgrade`), since other instances may share it. Several
    instances may serve the same PostgreSQL database behind a load balancer.
    """
    import waitress

    from tracker.web import create_app

    app.ensure_schema()
    web = create_app(session_factory=app.factory(), clock=app.clock)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Web UI: http://{shown}:{port}/  (Ctrl+C stops it)", err=False)
    waitress.serve(web, host=host, port=port, threads=threads, ident="tracker")
