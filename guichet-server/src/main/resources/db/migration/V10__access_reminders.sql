-- Reminders the access sweep sent about a running statutory clock: one per subject (application or holder request),
-- clock, deadline and kind of reminder, so a reminder goes out once, even across restarts (an extension moves the
-- deadline and re-arms them).
create table access_reminder (
    subject_id    uuid        not null,
    clock_kind    text        not null,   -- the StatutoryPeriod: DECISION, COMPLETION, HOLDER_DELIVERY...
    deadline      timestamptz not null,   -- the clock's due instant when the reminder was sent
    reminder_kind text        not null,   -- DUE_SOON or OVERDUE
    sent_at       timestamptz not null,
    recipients    integer     not null,
    primary key (subject_id, clock_kind, deadline, reminder_kind)
);
