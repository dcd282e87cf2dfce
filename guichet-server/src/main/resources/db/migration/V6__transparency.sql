-- The public transparency register (EHDS Art. 57-59, 61): a read model fed only by the access module's events, plus
-- what the register itself records (enforcement measures, result publications, reminders sent). Organisations only:
-- the permit members kept here are used to reach them, never published.
create table register_entry (
    application_id     uuid primary key,
    kind               text        not null,
    organisation_id    uuid        not null,
    organisation       text        not null,          -- the name when the application was received
    title              text        not null,
    purposes           text[]      not null,          -- eu.guichet.access.Purpose names
    received_at        timestamptz not null
);

-- The latest status of each application. Kept apart from the entry: events are handled concurrently and may arrive
-- in any order (a status change before the receipt it follows), so every table here is updated order-independently.
create table register_application_status (
    application_id uuid primary key,
    status         text        not null,
    changed_at     timestamptz not null
);

create index register_entry_received on register_entry (received_at desc);

create table register_entry_dataset (
    application_id uuid    not null references register_entry (application_id) on delete cascade,
    position       integer not null,
    dataset_id     uuid    not null,
    identifier     text    not null,
    title_fr       text,
    title_en       text,
    primary key (application_id, position)
);

create index register_entry_dataset_id on register_entry_dataset (dataset_id);

-- Decisions with their justification; due: 30 working days after the decision (StatutoryPeriod.DECISION_PUBLICATION).
create table register_decision (
    application_id     uuid primary key,
    outcome            text        not null,
    justification      text        not null,
    permit_id          uuid,
    document_sha256    text        not null,
    decided_at         timestamptz not null,
    publication_due_at timestamptz not null,
    published_at       timestamptz not null
);

-- A permit's facts, each set by the event that carries it whatever the order they arrive in; its status, validity and
-- results due date are derived from them when read (granted < amended/extended by version < ended).
create table register_permit (
    permit_id          uuid primary key,
    application_id     uuid,                          -- null until PermitGranted has arrived
    granted_at         timestamptz,
    planned_until      timestamptz,                   -- validity given at the grant
    extended_until     timestamptz,                   -- validity after the extension
    last_version       integer,                       -- latest amendment or extension
    last_change        text check (last_change in ('AMENDED', 'EXTENDED')),
    last_change_at     timestamptz,
    scope_version      integer,                       -- version of the datasets and members stored
    ended              text check (ended in ('REVOKED', 'EXPIRED')),
    ended_at           timestamptz,                   -- end of processing: results due 18 months later (Art. 61)
    revocation_reason  text
);

create index register_permit_application on register_permit (application_id);

create table register_permit_dataset (
    permit_id  uuid    not null references register_permit (permit_id) on delete cascade,
    position   integer not null,
    dataset_id uuid    not null,
    identifier text    not null,
    title_fr   text,
    title_en   text,
    primary key (permit_id, position)
);

create index register_permit_dataset_id on register_permit_dataset (dataset_id);

-- The persons named in the permit: who may declare results and who is reminded. Never published.
create table register_permit_member (
    permit_id uuid not null references register_permit (permit_id) on delete cascade,
    user_id   uuid not null,
    primary key (permit_id, user_id)
);

create table register_result (
    id           uuid primary key,
    permit_id    uuid        not null references register_permit (permit_id),
    title        text        not null,
    reference    text        not null,             -- DOI or web address
    published_on date        not null,
    declared_by  uuid        not null,             -- never published
    declared_at  timestamptz not null
);

create index register_result_permit on register_result (permit_id);

-- Reminders sent about results due: one per permit, stage and due date (a moved due date re-arms them).
create table register_result_reminder (
    permit_id uuid        not null references register_permit (permit_id) on delete cascade,
    stage     text        not null,
    due_at    timestamptz not null,
    sent_at   timestamptz not null,
    primary key (permit_id, stage, due_at)
);

create table register_enforcement_measure (
    id              uuid primary key,
    organisation_id uuid        not null,
    organisation    text        not null,
    permit_id       uuid,
    kind            text        not null,
    description     text        not null,
    decided_on      date        not null,
    recorded_by     uuid        not null,          -- never published
    recorded_at     timestamptz not null
);

create index register_enforcement_measure_organisation on register_enforcement_measure (organisation_id);
