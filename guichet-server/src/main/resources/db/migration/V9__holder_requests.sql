-- What the HDAB asks of data holders about an application: a consultation before the decision (cost estimate,
-- feasibility), then, once the permit is granted, the data itself (EHDS Art. 60: 3 months, extendable once by 3),
-- after which the HDAB makes the data available within 2 months of receipt (Art. 68(7)).
create table holder_request (
    id                uuid primary key,
    application_id    uuid          not null references application (id),
    permit_id         uuid references permit (id),
    holder_id         uuid          not null references organisation (id),
    kind              text          not null check (kind in ('CONSULTATION', 'DATA')),
    status            text          not null check (status in ('REQUESTED', 'ANSWERED', 'DELIVERED', 'CANCELLED')),
    datasets          uuid[]        not null,
    requested_at      timestamptz   not null,
    -- the running statutory clock (HOLDER_DELIVERY, then PROVISION once delivered)
    clock_period      text,
    clock_started_at  timestamptz,
    clock_extension   text,
    clock_extended_at timestamptz,
    cost_estimate     numeric(12, 2),                -- the holder's compensation estimate, euros
    feasibility       text,
    answered_by       uuid references app_user (id),
    answered_at       timestamptz,
    delivered_at      timestamptz,
    unique (application_id, holder_id, kind)
);

create index holder_request_holder on holder_request (holder_id, status);
