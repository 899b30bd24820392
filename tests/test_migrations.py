"""The schema is built by Alembic only, matches the models, and migrates both ways with data."""

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from sqlalchemy.orm import Session

from tests.conftest import PG_URL
from tracker import schema
from tracker.cli import main
from tracker.cli.context import AppContext
from tracker.config import get_settings
from tracker.db import Base, UTCDateTime, make_session_factory
from tracker.domain.errors import DomainError
from tracker.services.operations.demo import load_demo, prepare_documents

HEAD = schema.head_revision()



def table_names(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names()) - {"alembic_version"}


HEAD = schema.head_revision()  # the revision of the newest migration, whichever it is


def test_models_and_migrations_do_not_drift(engine):
    assert schema.current_revision(engine) == HEAD
    assert schema.drift(engine) == []


def test_round_trip_with_data(scratch_engine):
    schema.upgrade(scratch_engine)
    assert table_names(scratch_engine) == set(Base.metadata.tables)
    with Session(scratch_engine) as session:
        load_demo(session, settings=get_settings(),
              documents=prepare_documents(settings=get_settings()))
        session.commit()
    with scratch_engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT count(*) FROM application")) == 2
    schema.downgrade(scratch_engine, "base")
    assert table_names(scratch_engine) == set()
    schema.upgrade(scratch_engine)
    assert schema.drift(scratch_engine) == []
    with Session(scratch_engine) as session:
        result = load_demo(session, settings=get_settings(),
              documents=prepare_documents(settings=get_settings()))
        session.commit()
    assert "posting UJM-DRI-2024-CCI" in result.created


def test_page_count_added_and_removed_with_documents_kept(scratch_engine):
    """0002 adds document.page_count (NULL for the documents stored before); going back to
    0001 keeps the documents and their constraints."""
    schema.upgrade(scratch_engine, "0001")
    at = datetime(2024, 4, 1, 8, 0, tzinfo=UTC)
    user = sa.table("user_account", *(sa.column(name) for name in (
        "id", "email", "full_name", "role", "locale", "is_active")),
        sa.column("created_at", UTCDateTime()), sa.column("updated_at", UTCDateTime()))
    document = sa.table("document", *(sa.column(name) for name in (
        "owner_id", "kind", "filename", "media_type", "size_bytes", "sha256", "content")),
        sa.column("uploaded_at", UTCDateTime()))
    with scratch_engine.begin() as connection:
        connection.execute(user.insert().values(
            id=1, email="old@example.org", full_name="Old", role="candidate", locale="fr",
            is_active=True, created_at=at, updated_at=at))
        connection.execute(document.insert().values(
            owner_id=1, kind="cv", filename="old.pdf", media_type="application/pdf",
            size_bytes=3, sha256="0" * 64, content=b"%PD", uploaded_at=at))
    schema.upgrade(scratch_engine)
    assert schema.drift(scratch_engine) == []
    with scratch_engine.connect() as connection:
        assert connection.execute(sa.text(
            "SELECT filename, page_count FROM document WHERE filename = 'old.pdf'")).one() == (
            "old.pdf", None)
    schema.downgrade(scratch_engine, "0001")
    inspector = sa.inspect(scratch_engine)
    assert "page_count" not in {c["name"] for c in inspector.get_columns("document")}
    assert {c["name"] for c in inspector.get_check_constraints("document")} >= {
        "ck_document_sha256_length", "ck_document_size_not_negative"}
    with scratch_engine.connect() as connection:
        assert connection.scalar(sa.text(
            "SELECT count(*) FROM document WHERE filename = 'old.pdf'")) == 1
    schema.upgrade(scratch_engine)
    assert schema.current_revision(scratch_engine) == HEAD


def test_every_constraint_and_index_is_named_by_the_convention(engine):
    inspector = sa.inspect(engine)
    for table in Base.metadata.tables:
        for check in inspector.get_check_constraints(table):
            assert check["name"].startswith(f"ck_{table}_"), check
        for fk in inspector.get_foreign_keys(table):
            assert fk["name"].startswith(f"fk_{table}_"), fk
        for index in inspector.get_indexes(table):
            assert index["name"].startswith(("ix_", "uq_")), index
        assert inspector.get_pk_constraint(table)["name"] in (None, f"pk_{table}")


@pytest.mark.parametrize(
    ("statement", "constraint"),
    [
        ("UPDATE posting SET status = 'archived'", "ck_posting_posting_status"),
        ("UPDATE posting SET working_time_percent = 101", "ck_posting_working_time_range"),
        ("UPDATE posting SET salary_min = 10, salary_max = 5", "ck_posting_salary_min_not_above_max"),
        ("UPDATE user_account SET organisation_id = NULL WHERE role = 'hr'",
         "ck_user_account_hr_has_organisation"),
    ],
)
def test_database_enforces_the_rules_too(session, posting, statement, constraint):
    with pytest.raises(sa.exc.IntegrityError, match=constraint), session.begin_nested():
        session.execute(sa.text(statement))


def test_foreign_keys_are_enforced(session, posting):
    with pytest.raises(sa.exc.IntegrityError), session.begin_nested():
        session.execute(sa.text("UPDATE posting SET organisation_id = 999999"))


@pytest.mark.skipif(bool(PG_URL), reason="SQLite connection settings")
def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(engine):
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000


@pytest.mark.postgresql
def test_postgresql_stores_instants_as_timestamptz(engine):
    with engine.connect() as connection:
        kind = connection.scalar(sa.text(
            "SELECT data_type FROM information_schema.columns "
            "WHERE table_name = 'posting' AND column_name = 'valid_through'"
        ))
    assert kind == "timestamp with time zone"


def test_empty_database_is_migrated_on_first_use(scratch_engine):
    schema.ensure_ready(scratch_engine, embedded=False)
    assert schema.current_revision(scratch_engine) == HEAD


def test_shared_database_behind_the_code_must_be_upgraded_on_purpose(scratch_engine):
    schema.upgrade(scratch_engine)
    schema.downgrade(scratch_engine, "base")  # leaves the alembic_version table: not empty
    with pytest.raises(DomainError, match="database: the schema is at no revision, the code "
                                         f"needs {HEAD}: run `tracker db "
                                         "upgrade`"):
        schema.ensure_ready(scratch_engine, embedded=False)
    schema.ensure_ready(scratch_engine, embedded=True)  # the embedded default: always upgraded
    assert schema.current_revision(scratch_engine) == HEAD


def test_db_check_and_upgrade_commands(scratch_engine):
    def run(*args):
        app = AppContext(session_factory=make_session_factory(scratch_engine))
        return CliRunner().invoke(main, list(args), obj=app)

    result = run("db", "check")
    assert result.exit_code == 1
    assert result.stderr == ("error: database: the schema is at no revision, the head is "
                             f"{HEAD}\n")
    result = run("db", "upgrade")
    assert result.exit_code == 0 and result.output.endswith(f": empty -> {HEAD}\n")
    result = run("db", "check")
    assert result.exit_code == 0
    assert result.output == (f"database at {HEAD}, no drift between models "
                             "and schema\n")


def test_reference_columns_added_and_removed_with_postings_and_applications_kept(scratch_engine):
    """0004 adds posting.occupation_id / certification_id and requirement.occupation_skill_id to
    tables other rows reference (SQLite copies them); the demo's rows survive both ways."""
    # the demo needs the reference tables: load it at the head, go back to 0002, then up again
    schema.upgrade(scratch_engine)
    with Session(scratch_engine) as session:
        load_demo(session, settings=get_settings(),
              documents=prepare_documents(settings=get_settings()))
        session.commit()
    schema.downgrade(scratch_engine, "0002")
    inspector = sa.inspect(scratch_engine)
    assert "occupation_id" not in {c["name"] for c in inspector.get_columns("posting")}
    assert "occupation" not in inspector.get_table_names()
    with scratch_engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT count(*) FROM application")) == 2
        assert connection.scalar(sa.text("SELECT count(*) FROM requirement")) == 37
        assert connection.scalar(sa.text(
            "SELECT count(*) FROM requirement JOIN posting ON posting.id = requirement.posting_id"
        )) == 37
    schema.upgrade(scratch_engine)
    assert schema.drift(scratch_engine) == []
    with scratch_engine.connect() as connection:
        assert connection.scalar(sa.text(
            "SELECT count(*) FROM posting WHERE occupation_id IS NULL")) == 1
        assert connection.scalar(sa.text("SELECT count(*) FROM application")) == 2


def test_api_tokens_table_added_and_removed(scratch_engine):
    """0007 adds api_token (a user's tokens, stored hashed); going back to 0002 drops it and
    leaves the users alone."""
    schema.upgrade(scratch_engine, "0007")
    with scratch_engine.begin() as connection:
        connection.execute(sa.text(
            "INSERT INTO user_account (email, full_name, role, locale, is_active, created_at, "
            "updated_at) VALUES ('a@example.org', 'A', 'candidate', 'fr', true, :now, :now)"),
            {"now": datetime(2024, 4, 15, tzinfo=UTC).replace(tzinfo=None)})
        connection.execute(sa.text(
            "INSERT INTO api_token (user_id, name, token_hash, prefix, created_at) SELECT id, "
            "'laptop', :digest, 'trk_abcdefgh', :now FROM user_account"),
            {"digest": "a" * 64, "now": datetime(2024, 4, 15, tzinfo=UTC).replace(tzinfo=None)})
        with pytest.raises(sa.exc.IntegrityError), connection.begin_nested():
            connection.execute(sa.text(
                "INSERT INTO api_token (user_id, name, token_hash, prefix, created_at) "
                "SELECT id, 'short', 'abc', 'trk_', created_at FROM user_account"))
    schema.downgrade(scratch_engine, "0002")
    assert "api_token" not in sa.inspect(scratch_engine).get_table_names()
    with scratch_engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT count(*) FROM user_account")) == 1
    schema.upgrade(scratch_engine)
    assert "api_token" in sa.inspect(scratch_engine).get_table_names()


def test_import_sources_and_calendar_tables_added_and_removed(scratch_engine):
    """0005 adds posting_source, calendar_feed_token and calendar_event; going back removes
    them and leaves the postings."""
    schema.upgrade(scratch_engine, "0002")
    assert {"posting_source", "calendar_feed_token", "calendar_event"}.isdisjoint(
        table_names(scratch_engine))
    schema.upgrade(scratch_engine, "0005")
    assert {"posting_source", "calendar_feed_token", "calendar_event"} <= table_names(
        scratch_engine)
    schema.downgrade(scratch_engine, "0002")
    assert {"posting_source", "calendar_feed_token", "calendar_event"}.isdisjoint(
        table_names(scratch_engine))
    assert "posting" in table_names(scratch_engine)


def test_bac4_allowed_from_0011_and_read_as_bac3_below_it(scratch_engine):
    """0011 adds bac+4 to the CHECK of candidate_profile.education_level (between bac+3 and
    bac+5); going back below it, a Bac+4 profile keeps the level it certainly has, bac+3. The
    profiles' languages and skills stay both ways (SQLite copies the table)."""
    at = datetime(2024, 4, 15, tzinfo=UTC).replace(tzinfo=None)

    def add_profile(connection: sa.Connection, level: str) -> None:
        connection.execute(sa.text(
            "INSERT INTO user_account (email, full_name, role, locale, is_active, created_at, "
            "updated_at) VALUES (:email, 'A', 'candidate', 'fr', true, :at, :at)"),
            {"email": f"{level}@example.org", "at": at})
        connection.execute(sa.text(
            "INSERT INTO candidate_profile (user_id, education_level, created_at, updated_at) "
            "SELECT id, :level, :at, :at FROM user_account WHERE email = :email"),
            {"level": level, "email": f"{level}@example.org", "at": at})

    schema.upgrade(scratch_engine, "0009")
    with pytest.raises(sa.exc.IntegrityError, match="ck_candidate_profile_education_level"), \
            scratch_engine.begin() as connection:
        add_profile(connection, "bac+4")
    with scratch_engine.begin() as connection:
        add_profile(connection, "bac+3")
        connection.execute(sa.text(  # rows that reference the profile SQLite copies
            "INSERT INTO candidate_language (profile_id, language, level, is_native, position) "
            "SELECT id, 'en', 'C1', false, 0 FROM candidate_profile"))
        connection.execute(sa.text(
            "INSERT INTO candidate_skill (profile_id, label, position) "
            "SELECT id, 'Erasmus+', 0 FROM candidate_profile"))
    schema.upgrade(scratch_engine, "0011")
    with scratch_engine.begin() as connection:
        add_profile(connection, "bac+4")
        add_profile(connection, "bac+5")
    schema.downgrade(scratch_engine, "0009")
    with scratch_engine.connect() as connection:
        assert connection.execute(sa.text(
            "SELECT education_level FROM candidate_profile ORDER BY id")).scalars().all() == [
            "bac+3", "bac+3", "bac+5"]
        for table in ("candidate_language", "candidate_skill"):
            assert connection.scalar(sa.text(f"SELECT count(*) FROM {table}")) == 1, table
    schema.upgrade(scratch_engine)
    assert schema.drift(scratch_engine) == []
    with scratch_engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT count(*) FROM candidate_language")) == 1


def test_reference_tables_of_0011_added_and_removed_then_refilled(scratch_engine):
    """0011 adds occupation_pathway, certification_prerequisite, market_share and
    market_figure.origin with the recruitment_difficulty kind; going back removes them and keeps
    the rest of the reference data; coming back, the next load fills them again."""
    from tracker.services.reference.load import load_reference

    new_tables = {"occupation_pathway", "certification_prerequisite", "market_share"}
    schema.upgrade(scratch_engine)
    with Session(scratch_engine) as session:
        load_reference(session)
        session.commit()
    with scratch_engine.connect() as connection:
        counts = {t: connection.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in new_tables}
        figures = connection.scalar(sa.text("SELECT count(*) FROM market_figure"))
    assert counts == {"occupation_pathway": 17, "certification_prerequisite": 6,
                      "market_share": 18}
    schema.downgrade(scratch_engine, "0009")
    assert new_tables.isdisjoint(table_names(scratch_engine))
    assert "origin" not in {c["name"] for c in sa.inspect(scratch_engine).get_columns(
        "market_figure")}
    with scratch_engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT count(*) FROM market_figure")) == figures - 1
        assert connection.scalar(sa.text("SELECT count(*) FROM occupation")) == 3
    schema.upgrade(scratch_engine)
    assert schema.drift(scratch_engine) == []
    with Session(scratch_engine) as session:
        result = load_reference(session)
        session.commit()
    assert "certification RNCP39853" in result.updated and result.unchanged == ["links"]
    with scratch_engine.connect() as connection:
        assert {t: connection.scalar(sa.text(f"SELECT count(*) FROM {t}"))
                for t in new_tables} == counts


def test_reminder_anchor_backfilled_from_the_subjects_and_removed(scratch_engine):
    """0010 adds reminder.anchor_at to the reminder's key. Going back keeps one row per old key
    (the newest occurrence); coming up again gives every row the anchor its subject has (the
    deadline, the interview's start, the submission, when the event happened), with SQL that
    both backends run."""
    from tracker.models import Reminder

    schema.upgrade(scratch_engine)
    with Session(scratch_engine) as session:
        load_demo(session, settings=get_settings(),
              documents=prepare_documents(settings=get_settings()))
        # the kinds added after 0010 (hr news, messages: 0023, 0024) go with their steps when
        # going back; this test is about the kinds 0010 knew
        session.execute(sa.delete(Reminder).where(Reminder.kind.in_(
            ["application_received", "hr_digest", "message"])))
        session.commit()
        planned = dict(session.execute(sa.select(Reminder.id, Reminder.anchor_at)).all())
        assert {k.value for k in session.scalars(sa.select(Reminder.kind).distinct())} == {
            "deadline_draft", "interview_soon", "review_waiting", "closing_empty", "no_answer",
            "status_changed", "interview_scheduled"}
        # a second occurrence of an interview reminder (as if the interview had moved)
        first = session.scalars(sa.select(Reminder).where(
            Reminder.kind == "interview_soon").order_by(Reminder.id)).first()
        first_id, first_anchor = first.id, first.anchor_at
        copy = {c.key: getattr(first, c.key) for c in Reminder.__table__.columns if c.key != "id"}
        session.execute(sa.insert(Reminder).values(
            **{**copy, "anchor_at": first_anchor + timedelta(days=7)}))
        session.commit()
    schema.downgrade(scratch_engine, "0009")
    inspector = sa.inspect(scratch_engine)
    assert "anchor_at" not in {c["name"] for c in inspector.get_columns("reminder")}
    assert [u["column_names"] for u in inspector.get_unique_constraints("reminder")] == [
        ["kind", "subject_id", "recipient_key", "channel", "offset_spec"]]
    with scratch_engine.connect() as connection:
        kept = set(connection.scalars(sa.text("SELECT id FROM reminder")))
    assert first_id not in kept and len(kept) == len(planned)  # the newer occurrence stays
    schema.upgrade(scratch_engine)
    assert schema.drift(scratch_engine) == []
    with Session(scratch_engine) as session:
        backfilled = dict(session.execute(sa.select(Reminder.id, Reminder.anchor_at)).all())
    [newer] = kept - set(planned)
    assert backfilled.pop(newer) == first_anchor  # its interview's start
    assert backfilled == {i: at for i, at in planned.items() if i != first_id}
