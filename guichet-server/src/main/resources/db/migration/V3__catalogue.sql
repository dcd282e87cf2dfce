-- Catalogue: dataset descriptions (HealthDCAT-AP), their status history, and each user's basket.
create table dataset (
    id              uuid primary key,
    identifier      text        not null unique,       -- dct:identifier, stable across revisions
    status          text        not null check (status in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETIRED')),
    holder_id       uuid references organisation (id), -- the data holder responsible; null for unassigned imports
    description     jsonb       not null,              -- eu.guichet.catalogue.DatasetDescription
    revision        integer     not null check (revision > 0),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    published_at    timestamptz,
    last_checked_at timestamptz not null               -- EHDS Art. 60: the holder re-checks at least yearly
);

create index dataset_holder on dataset (holder_id);
create index dataset_status on dataset (status);

-- Every status change, with who made it and why (a return to the holder carries the HDAB's reason).
create table dataset_status_change (
    id          bigint generated always as identity primary key,
    dataset_id  uuid        not null references dataset (id) on delete cascade,
    from_status text        not null,
    to_status   text        not null,
    actor_id    uuid        not null references app_user (id),
    reason      text,
    changed_at  timestamptz not null
);

create index dataset_status_change_dataset on dataset_status_change (dataset_id, changed_at);

-- A signed-in user's basket: the datasets (and chosen variables, "TABLE.COLUMN") an application will start from.
create table basket_item (
    user_id    uuid        not null references app_user (id) on delete cascade,
    dataset_id uuid        not null references dataset (id) on delete cascade,
    variables  text[]      not null default '{}',
    added_at   timestamptz not null,
    primary key (user_id, dataset_id)
);
