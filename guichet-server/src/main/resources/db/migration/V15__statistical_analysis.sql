-- A statistical answer is computed in an HDAB analysis: an extract and a workspace for the analyst, identified like
-- a permit (the extract and workspace modules key their rows by this id). Set at the first assignment.
alter table statistical_answer add column analysis_id uuid unique;

-- An analysis's workspace locks when its answer is released.
alter table workspace drop constraint workspace_lock_reason_check;
alter table workspace add constraint workspace_lock_reason_check
    check (lock_reason in ('REVOKED', 'EXPIRED', 'ANSWERED'));
