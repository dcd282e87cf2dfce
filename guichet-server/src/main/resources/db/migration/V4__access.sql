-- Access: applications (EHDS Art. 67) and data requests (Art. 69), their status history, messages with the HDAB,
-- attached documents, the decision, and the permits (Art. 68) with all their versions.
create table application (
    id                uuid primary key,
    kind              text        not null check (kind in ('DATA_ACCESS', 'DATA_REQUEST')),
    status            text        not null check (status in ('DRAFT', 'SUBMITTED', 'PRE_SCREENING', 'PROCESSING',
                                     'AWAITING_ADDITIONAL_INFORMATION', 'AWAITING_CLARIFICATION', 'DECISION_ISSUED',
                                     'WITHDRAWN', 'LAPSED')),
    owner_id          uuid        not null references app_user (id),
    organisation_id   uuid        not null references organisation (id),
    form              jsonb       not null,  -- eu.guichet.access.ApplicationForm
    findings          jsonb       not null default '[]', -- the last screening's findings
    revision          integer     not null check (revision > 0),
    returned          boolean     not null default false, -- an incomplete application is returned once (68(4))
    accepted_by       uuid references app_user (id),      -- the reviewer who assessed it
    assessment        jsonb,                              -- eu.guichet.access.Assessment
    -- the running statutory clock (completion, then decision), as eu.guichet.access.StatutoryClock records it
    clock_period      text,
    clock_started_at  timestamptz,
    clock_extension   text,
    clock_extended_at timestamptz,
    clock_stops       jsonb       not null default '[]',
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    submitted_at      timestamptz,           -- first reception (the register publishes it)
    closed_at         timestamptz
);

create index application_owner on application (owner_id);
create index application_status on application (status);

create table application_status_change (
    id             bigint generated always as identity primary key,
    application_id uuid        not null references application (id) on delete cascade,
    action         text        not null,
    from_status    text        not null,
    to_status      text        not null,
    actor_id       uuid references app_user (id), -- null: the system (screening, lapse)
    reason         text,
    changed_at     timestamptz not null
);

create index application_status_change_application on application_status_change (application_id, changed_at);

-- Messages between the applicant and the HDAB about one application (requests for information, answers).
create table application_message (
    id             bigint generated always as identity primary key,
    application_id uuid        not null references application (id) on delete cascade,
    author_id      uuid        not null references app_user (id),
    from_hdab      boolean     not null,
    body           text        not null,
    sent_at        timestamptz not null
);

create index application_message_application on application_message (application_id, sent_at);

-- Documents attached to an application (ethics opinion, protocol); kept in the database with their SHA-256.
create table application_document (
    id             uuid primary key,
    application_id uuid        not null references application (id) on delete cascade,
    kind           text        not null check (kind in ('ETHICS_OPINION', 'PROTOCOL', 'OTHER')),
    filename       text        not null,
    media_type     text        not null,
    size_bytes     bigint      not null,
    sha256         char(64)    not null,
    content        bytea       not null,
    uploaded_by    uuid        not null references app_user (id),
    uploaded_at    timestamptz not null
);

create index application_document_application on application_document (application_id);

create table decision (
    application_id  uuid primary key references application (id),
    outcome         text        not null check (outcome in ('GRANTED', 'REFUSED', 'STATISTICAL_ANSWER_OFFERED')),
    justification   text        not null,
    decided_by      uuid        not null references app_user (id),
    decided_at      timestamptz not null,
    document        text        not null, -- the decision as HTML, as sent
    document_sha256 char(64)    not null
);

create table permit (
    id                  uuid primary key,
    application_id      uuid        not null unique references application (id),
    status              text        not null check (status in ('GRANTED', 'AMENDED', 'RENEWED', 'REVOKED', 'EXPIRED')),
    current_version     integer     not null check (current_version > 0),
    granted_at          timestamptz not null,
    valid_until         timestamptz not null,
    extended            boolean     not null default false, -- extended once at most (68(12))
    extension_requested timestamptz,                        -- when the user asked for the extension
    extension_months    integer,
    revocation_reason   text,
    closed_at           timestamptz
);

create index permit_status on permit (status, valid_until);

-- Every version of a permit (amendments make new ones; old ones stay archived).
create table permit_version (
    permit_id   uuid        not null references permit (id),
    version     integer     not null,
    content     jsonb       not null, -- eu.guichet.access.PermitTerms: scope, purpose, members, tools, fees, conditions
    reason      text,                 -- why this version (amendment)
    created_by  uuid        not null references app_user (id),
    created_at  timestamptz not null,
    primary key (permit_id, version)
);
