"""initial schema

Revision ID: 0001
Revises: 
Kind: schema
Create Date: 2026-11-25 09:06:38.807085+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('website', sa.String(length=500), nullable=True),
    sa.Column('address_locality', sa.String(length=200), nullable=True),
    sa.Column('address_country', sa.String(length=2), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
    sa.UniqueConstraint('slug', name=op.f('uq_organisation_slug'))
    )
    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('admin', 'hr', 'candidate', name='role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('locale', sa.Enum('fr', 'en', name='locale', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role <> 'hr' OR organisation_id IS NOT NULL", name=op.f('ck_user_account_hr_has_organisation')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_user_account_organisation_id_organisation'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('email', name=op.f('uq_user_account_email'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_account_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('entity_type', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_audit_log_actor_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_log_entity', ['entity_type', 'entity_id'], unique=False)

    op.create_table('candidate_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('headline', sa.String(length=200), nullable=True),
    sa.Column('education_level', sa.Enum('none', 'cap_bep', 'bac', 'bac+2', 'bac+3', 'bac+5', 'bac+8', name='education_level', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('education_detail', sa.Text(), nullable=True),
    sa.Column('experience_years', sa.Integer(), nullable=True),
    sa.Column('experience_summary', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('experience_years IS NULL OR experience_years >= 0', name=op.f('ck_candidate_profile_experience_not_negative')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_candidate_profile_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate_profile')),
    sa.UniqueConstraint('user_id', name=op.f('uq_candidate_profile_user_id'))
    )
    op.create_table('posting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('hiring_organization_name', sa.String(length=200), nullable=False),
    sa.Column('department', sa.String(length=300), nullable=True),
    sa.Column('location', sa.String(length=300), nullable=True),
    sa.Column('address_locality', sa.String(length=200), nullable=True),
    sa.Column('address_country', sa.String(length=2), nullable=True),
    sa.Column('category', sa.String(length=40), nullable=True),
    sa.Column('employment_type', sa.Enum('permanent', 'fixed_term', 'internship', 'apprenticeship', 'temporary', 'freelance', 'volunteer', 'other', name='employment_type', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('duration_months', sa.Integer(), nullable=True),
    sa.Column('working_time_percent', sa.Integer(), nullable=True),
    sa.Column('job_start_date', sa.Date(), nullable=True),
    sa.Column('date_posted', sa.Date(), nullable=True),
    sa.Column('valid_through_date', sa.Date(), nullable=True),
    sa.Column('valid_through_time', sa.Time(), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('valid_through', sa.DateTime(timezone=True), nullable=True),
    sa.Column('apply_method', sa.Enum('email', 'url', 'in_app', name='apply_method', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('apply_email', sa.String(length=254), nullable=True),
    sa.Column('apply_url', sa.String(length=1000), nullable=True),
    sa.Column('application_contact', sa.String(length=300), nullable=True),
    sa.Column('salary_min', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('salary_max', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('salary_currency', sa.String(length=3), nullable=True),
    sa.Column('salary_period', sa.Enum('hour', 'day', 'week', 'month', 'year', name='salary_period', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('context', sa.Text(), nullable=True),
    sa.Column('missions', sa.Text(), nullable=True),
    sa.Column('working_conditions', sa.Text(), nullable=True),
    sa.Column('benefits', sa.Text(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'open', 'closed', 'filled', 'cancelled', name='posting_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('visibility', sa.Enum('public', 'private', name='visibility', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('source_text', sa.Text(), nullable=True),
    sa.Column('source_url', sa.String(length=1000), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("visibility <> 'private' OR owner_id IS NOT NULL", name=op.f('ck_posting_private_has_owner')),
    sa.CheckConstraint("visibility <> 'public' OR organisation_id IS NOT NULL", name=op.f('ck_posting_public_has_organisation')),
    sa.CheckConstraint('(valid_through_date IS NULL) = (valid_through IS NULL)', name=op.f('ck_posting_deadline_complete')),
    sa.CheckConstraint('duration_months IS NULL OR duration_months > 0', name=op.f('ck_posting_duration_positive')),
    sa.CheckConstraint('salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max', name=op.f('ck_posting_salary_min_not_above_max')),
    sa.CheckConstraint('working_time_percent IS NULL OR working_time_percent BETWEEN 1 AND 100', name=op.f('ck_posting_working_time_range')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_posting_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_posting_organisation_id_organisation'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_id'], ['user_account.id'], name=op.f('fk_posting_owner_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posting')),
    sa.UniqueConstraint('reference', name=op.f('uq_posting_reference'))
    )
    with op.batch_alter_table('posting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posting_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_posting_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index('ix_posting_status_valid_through', ['status', 'valid_through', 'id'], unique=False)
        batch_op.create_index('ix_posting_valid_through', ['valid_through', 'id'], unique=False)

    op.create_table('application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('posting_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', 'under_review', 'interview', 'offer', 'hired', 'rejected', 'withdrawn', name='application_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('cover_letter', sa.Text(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('is_late', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['user_account.id'], name=op.f('fk_application_candidate_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['posting_id'], ['posting.id'], name=op.f('fk_application_posting_id_posting'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application')),
    sa.UniqueConstraint('posting_id', 'candidate_id', name=op.f('uq_application_posting_id_candidate_id'))
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index('ix_application_posting_status', ['posting_id', 'status'], unique=False)

    op.create_table('candidate_language',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=60), nullable=False),
    sa.Column('level', sa.Enum('A1', 'A2', 'B1', 'B2', 'C1', 'C2', name='cefr_level', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('is_native', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['profile_id'], ['candidate_profile.id'], name=op.f('fk_candidate_language_profile_id_candidate_profile'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate_language')),
    sa.UniqueConstraint('profile_id', 'language', name=op.f('uq_candidate_language_profile_id_language'))
    )
    op.create_table('candidate_skill',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['profile_id'], ['candidate_profile.id'], name=op.f('fk_candidate_skill_profile_id_candidate_profile'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate_skill')),
    sa.UniqueConstraint('profile_id', 'label', name=op.f('uq_candidate_skill_profile_id_label'))
    )
    op.create_table('required_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('posting_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('cv', 'cover_letter', 'diploma', 'reference_letter', 'portfolio', 'identity', 'other', name='document_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.Column('is_required', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['posting_id'], ['posting.id'], name=op.f('fk_required_document_posting_id_posting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_required_document'))
    )
    with op.batch_alter_table('required_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_required_document_posting_id'), ['posting_id'], unique=False)

    op.create_table('requirement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('posting_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('technical_skill', 'knowledge', 'know_how', 'soft_skill', 'education', 'experience', 'language', 'other', name='requirement_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=True),
    sa.Column('is_required', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['posting_id'], ['posting.id'], name=op.f('fk_requirement_posting_id_posting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_requirement'))
    )
    with op.batch_alter_table('requirement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_requirement_posting_id'), ['posting_id'], unique=False)

    op.create_table('application_status_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.Enum('draft', 'submitted', 'under_review', 'interview', 'offer', 'hired', 'rejected', 'withdrawn', name='from_status', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('to_status', sa.Enum('draft', 'submitted', 'under_review', 'interview', 'offer', 'hired', 'rejected', 'withdrawn', name='to_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_application_status_change_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['changed_by_id'], ['user_account.id'], name=op.f('fk_application_status_change_changed_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_status_change'))
    )
    with op.batch_alter_table('application_status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_status_change_application_id'), ['application_id'], unique=False)

    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('cv', 'cover_letter', 'diploma', 'reference_letter', 'portfolio', 'identity', 'other', name='document_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(sha256) = 64', name=op.f('ck_document_sha256_length')),
    sa.CheckConstraint('size_bytes >= 0', name=op.f('ck_document_size_not_negative')),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_document_application_id_application'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['user_account.id'], name=op.f('fk_document_owner_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document'))
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_owner_id'), ['owner_id'], unique=False)

    op.create_table('interview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('posting_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('video_url', sa.String(length=1000), nullable=True),
    sa.Column('status', sa.Enum('scheduled', 'completed', 'cancelled', 'no_show', name='interview_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('duration_minutes BETWEEN 1 AND 1440', name=op.f('ck_interview_duration_range')),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_interview_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['posting_id'], ['posting.id'], name=op.f('fk_interview_posting_id_posting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview'))
    )
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interview_posting_id'), ['posting_id'], unique=False)
        batch_op.create_index('ix_interview_starts_at', ['starts_at'], unique=False)

    op.create_table('note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_note_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_note_author_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_note'))
    )
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_application_id'), ['application_id'], unique=False)

    op.create_table('requirement_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('requirement_id', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.Column('self_rating', sa.Integer(), nullable=True),
    sa.Column('reviewer_rating', sa.Integer(), nullable=True),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('reviewer_rating IS NULL OR reviewer_rating BETWEEN 1 AND 4', name=op.f('ck_requirement_evidence_reviewer_rating_range')),
    sa.CheckConstraint('self_rating IS NULL OR self_rating BETWEEN 1 AND 4', name=op.f('ck_requirement_evidence_self_rating_range')),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_requirement_evidence_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requirement_id'], ['requirement.id'], name=op.f('fk_requirement_evidence_requirement_id_requirement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['user_account.id'], name=op.f('fk_requirement_evidence_reviewer_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_requirement_evidence')),
    sa.UniqueConstraint('application_id', 'requirement_id', name=op.f('uq_requirement_evidence_application_id_requirement_id'))
    )
    with op.batch_alter_table('requirement_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_requirement_evidence_requirement_id'), ['requirement_id'], unique=False)

    op.create_table('interview_panel_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.ForeignKeyConstraint(['interview_id'], ['interview.id'], name=op.f('fk_interview_panel_member_interview_id_interview'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_interview_panel_member_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_panel_member')),
    sa.UniqueConstraint('interview_id', 'email', name=op.f('uq_interview_panel_member_interview_id_email'))
    )
    with op.batch_alter_table('interview_panel_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_panel_member_user_id'), ['user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('interview_panel_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_panel_member_user_id'))

    op.drop_table('interview_panel_member')
    with op.batch_alter_table('requirement_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_requirement_evidence_requirement_id'))

    op.drop_table('requirement_evidence')
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_application_id'))

    op.drop_table('note')
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_index('ix_interview_starts_at')
        batch_op.drop_index(batch_op.f('ix_interview_posting_id'))
        batch_op.drop_index(batch_op.f('ix_interview_application_id'))

    op.drop_table('interview')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_owner_id'))
        batch_op.drop_index(batch_op.f('ix_document_application_id'))

    op.drop_table('document')
    with op.batch_alter_table('application_status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_status_change_application_id'))

    op.drop_table('application_status_change')
    with op.batch_alter_table('requirement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_requirement_posting_id'))

    op.drop_table('requirement')
    with op.batch_alter_table('required_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_required_document_posting_id'))

    op.drop_table('required_document')
    op.drop_table('candidate_skill')
    op.drop_table('candidate_language')
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_index('ix_application_posting_status')
        batch_op.drop_index(batch_op.f('ix_application_candidate_id'))

    op.drop_table('application')
    with op.batch_alter_table('posting', schema=None) as batch_op:
        batch_op.drop_index('ix_posting_valid_through')
        batch_op.drop_index('ix_posting_status_valid_through')
        batch_op.drop_index(batch_op.f('ix_posting_owner_id'))
        batch_op.drop_index(batch_op.f('ix_posting_organisation_id'))

    op.drop_table('posting')
    op.drop_table('candidate_profile')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_entity')
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_account_organisation_id'))

    op.drop_table('user_account')
    op.drop_table('organisation')
