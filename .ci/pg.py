"""Small PostgreSQL chores for .ci/run: is the server reachable, make or drop a scratch database.

    python .ci/pg.py reachable URL        exit 1 (and say why) if it is not
    python .ci/pg.py create URL NAME      (re)create database NAME, print its URL
    python .ci/pg.py drop URL NAME
"""

import sys

import sqlalchemy as sa
from sqlalchemy.engine import make_url


def main(action: str, url: str, name: str | None = None) -> int:
    if action == "reachable":
        try:
            with sa.create_engine(url, connect_args={"connect_timeout": 5}).connect():
                return 0
        except sa.exc.OperationalError as exc:
            print(f"PostgreSQL unreachable at {url}: {str(exc.orig).strip()}", file=sys.stderr)
            return 1
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if action == "create":
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
            print(make_url(url).set(database=name).render_as_string(hide_password=False))
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
