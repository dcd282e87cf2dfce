-- Identity: organisations, user accounts and their roles.
create table organisation (
    id                    uuid primary key,
    name                  text        not null unique,
    type                  text        not null check (type in ('HDAB', 'DATA_HOLDER', 'PUBLIC_BODY', 'ACADEMIC',
                                                               'COMPANY', 'MICRO_ENTERPRISE')),
    identifier            text unique,             -- national registration number (SIREN...)
    country               char(2)     not null default 'FR',
    public_health_mandate boolean     not null default false,
    created_at            timestamptz not null
);

create table app_user (
    id              uuid primary key,
    username        text        not null unique,
    display_name    text        not null,
    email           text,
    organisation_id uuid references organisation (id),
    password_hash   text,                          -- local accounts only (embedded/demo mode)
    oidc_issuer     text,                          -- accounts provisioned from OpenID Connect
    oidc_subject    text,
    national_id     text,                          -- citizens only: used to compute the opt-out pseudonym
    enabled         boolean     not null default true,
    created_at      timestamptz not null,
    unique (oidc_issuer, oidc_subject),
    check ((oidc_issuer is null) = (oidc_subject is null))
);

create table user_role (
    user_id uuid not null references app_user (id) on delete cascade,
    role    text not null check (role in ('APPLICANT', 'DATA_HOLDER', 'HDAB_REVIEWER', 'HDAB_DECIDER',
                                          'OUTPUT_CHECKER', 'HDAB_ADMIN', 'AUDITOR', 'CITIZEN')),
    primary key (user_id, role)
);

create index app_user_organisation on app_user (organisation_id);
