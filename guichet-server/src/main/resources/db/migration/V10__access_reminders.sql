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

-- The HDAB_ANALYST role: staff who prepare anonymised statistical answers.
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in ('APPLICANT', 'DATA_HOLDER',
    'HDAB_REVIEWER', 'HDAB_DECIDER', 'HDAB_ANALYST', 'OUTPUT_CHECKER', 'HDAB_ADMIN', 'AUDITOR', 'CITIZEN'));

-- The statistical answers the HDAB owes: a data request granted (EHDS Art. 69) or an application answered in
-- anonymised statistical form (Art. 68(3)). One per application; its lifecycle is StatisticalAnswer.Status.
create table statistical_answer (
    application_id uuid        primary key references application (id),
    outcome        text        not null,   -- the decision's DecisionOutcome
    decided_at     timestamptz not null,
    due_at         timestamptz not null,
    status         text        not null check (status in ('QUEUED', 'IN_PREPARATION', 'ANSWERED')),
    analyst_id     uuid        references app_user (id),
    assigned_at    timestamptz,
    answered_at    timestamptz,
    output_ref     text                    -- the output-control reference of the released answer
);

create index statistical_answer_due on statistical_answer (due_at) where status <> 'ANSWERED';
