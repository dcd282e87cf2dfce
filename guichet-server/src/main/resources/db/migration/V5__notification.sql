-- Notifications: what the platform tells a user in the application, and the e-mails that go with it. Both rows are
-- written in the transaction of the change they announce (transactional outbox): a rolled-back change sends nothing.
create table notification (
    id           uuid primary key,
    recipient_id uuid        not null references app_user (id) on delete cascade,
    type         text        not null,              -- stable code, e.g. transparency.results_due
    message_key  text        not null,              -- rendered in the reader's language when shown
    arguments    text[]      not null default '{}',
    link         text        not null,              -- a path in the application, e.g. /register/{id}
    due_at       timestamptz,
    created_at   timestamptz not null,
    read_at      timestamptz
);

create index notification_recipient on notification (recipient_id, (read_at is null), created_at desc);

-- The e-mail outbox, drained by a scheduled job through SMTP. Rendered (French then English) when written.
create table mail_outbox (
    id              uuid primary key,
    notification_id uuid        references notification (id) on delete set null,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);

create index mail_outbox_pending on mail_outbox (next_attempt_at) where status = 'PENDING';
