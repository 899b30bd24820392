"""`tracker serve --workers N`: the web pages in N processes forked by gunicorn (a maintained
pre-fork server), each serving `--threads` requests at once, and the reminder dispatcher and the
dossier worker in processes of their own beside them (`tracker scheduler`, `tracker worker`).

Each worker builds its own application and database engine after the fork, so no connection is
shared between processes; the master only watches them (a worker that dies is replaced) and
opens no database connection of its own once the schema is checked. SQLite in WAL mode takes
several processes; PostgreSQL takes several machines.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterable
from typing import Any

from gunicorn.app.base import BaseApplication

Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class _Server(BaseApplication):  # gunicorn ships no types: BaseApplication is Any
    def __init__(self, build: Callable[[], Wsgi], options: dict[str, Any]) -> None:
        self._build = build
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self._options.items():
            self.cfg.set(name, value)

    def load(self) -> Wsgi:  # called in each worker, after the fork
        return self._build()


def serve(build: Callable[[], Wsgi], *, host: str, port: int, workers: int, threads: int,
          trusted_proxy: str | None) -> None:
    """Run gunicorn until SIGTERM or Ctrl+C (it stops its workers gracefully first)."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    def app() -> Wsgi:
        made = build()
        return made if trusted_proxy is None else behind_proxy(made, trusted_proxy)

    _Server(app, {
        "bind": [bind], "workers": workers, "worker_class": "gthread", "threads": threads,
        "preload_app": False, "proc_name": "tracker", "accesslog": None, "errorlog": "-",
        "loglevel": "warning", "timeout": 120, "graceful_timeout": 30,
        # idle keep-alive connections are kept (in a poller, not a thread) as long as a proxy
        # in front usually keeps its own (gunicorn's default, 2 s, makes browsers reconnect)
        "keepalive": 75,
        # the scheme from X-Forwarded-Proto, from the proxy only
        "forwarded_allow_ips": trusted_proxy or "",
    }).run()


def behind_proxy(app: Wsgi, proxy: str) -> Wsgi:
    """The client's address and scheme from X-Forwarded-For/-Proto when the request comes from
    the proxy, so the log-in throttle counts per visitor; from anyone else the headers are
    dropped (as waitress's trusted_proxy does in single-process mode)."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    fixed = ProxyFix(app, x_for=1, x_proto=1)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("REMOTE_ADDR") == proxy:
            return fixed(environ, start_response)
        for header in ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO"):
            environ.pop(header, None)
        return app(environ, start_response)

    return wsgi


def start_beside(*command: str) -> subprocess.Popen[bytes]:
    """A `tracker` command (`scheduler`, `worker`) as a child process, with this process's
    environment."""
    return subprocess.Popen([sys.executable, "-m", "tracker", *command])
