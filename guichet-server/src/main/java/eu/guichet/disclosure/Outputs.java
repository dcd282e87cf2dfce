package eu.guichet.disclosure;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.access.Analysis;
import eu.guichet.access.Permit;
import eu.guichet.access.PermitId;
import eu.guichet.access.PermitManagement;
import eu.guichet.access.StatisticalAnswers;
import eu.guichet.audit.AuditOutcome;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.disclosure.internal.OutputCheckRunner;
import eu.guichet.disclosure.internal.OutputFiles;
import eu.guichet.disclosure.internal.OutputRepository;
import eu.guichet.disclosure.internal.OutputRules;
import eu.guichet.problem.ConflictException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;
import eu.guichet.workspace.SavedQueries;
import eu.guichet.workspace.SavedQuery;
import eu.guichet.workspace.Workspace;
import eu.guichet.workspace.WorkspaceId;
import eu.guichet.workspace.WorkspaceStatus;
import eu.guichet.workspace.Workspaces;

/**
 * Output control's API (ARCHITECTURE.md security properties 1 and 4). A member of an open workspace of an active
 * permit asks to release a saved query's result; the automatic checks run at once, within the request when quick, in
 * the background when longer than {@code guichet.disclosure.check-wait}; two independent output checkers — neither
 * the requester nor a member of the permit, nor the same person twice — approve it; the file is then stored under its SHA-256 and only the permit's
 * members download it while the permit is active. In a statistical answer's analysis (EHDS Art. 69, Art. 68(3)) the
 * analyst asks, the same checks and reviews apply, the release closes the answer and the applicant downloads it.
 * Members see the check's findings without values; checkers see the
 * values too. Every move is audited ({@link OutputLifecycle}); refusals are audited on their own.
 */
@Service
public class Outputs {

    private final OutputRepository outputs;
    private final OutputCheckRunner checks;
    private final OutputFiles files;
    private final OutputRules rules;
    private final Workspaces workspaces;
    private final SavedQueries savedQueries;
    private final PermitManagement permits;
    private final StatisticalAnswers analyses;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outputs(OutputRepository outputs, OutputCheckRunner checks, OutputFiles files, OutputRules rules,
            Workspaces workspaces, SavedQueries savedQueries, PermitManagement permits, StatisticalAnswers analyses,
            AuditTrail audit, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.analyses = analyses;
        this.outputs = outputs;
        this.checks = checks;
        this.files = files;
        this.rules = rules;
        this.workspaces = workspaces;
        this.savedQueries = savedQueries;
        this.permits = permits;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    // --- the requester --------------------------------------------------------------------------------------------

    /** Asks to release a saved query's result; the checks start at once (SUBMITTED until they end). */
    public Output request(WorkspaceId workspaceId, NewOutput request, CurrentUser caller) {
        Workspace w = activeMember(workspaceId, caller);
        OutputRules.validate(request);
        SavedQuery saved = savedQueries.get(workspaceId, request.savedQueryId(), caller);
        var now = clock.instant();
        Output o = new Output(OutputId.random(), workspaceId, w.permitId(), saved.id(), saved.name(),
                request.description().strip(), request.table(), OutputStatus.SUBMITTED, 1, caller.id(), now, now,
                Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty());
        transactions.executeWithoutResult(s -> {
            outputs.insert(o);
            audit.record(AuditRecord.success("output.requested", "output", o.id()).with("workspace", workspaceId)
                    .with("savedQuery", saved.id()));
        });
        return runChecks(o.id());
    }

    /** The caller's view of a request: a member of its permit (findings without values) or an output checker. */
    public Output get(OutputId id, CurrentUser caller) {
        Output o = outputs.find(id).orElseThrow(() -> notFound(id));
        boolean member = isMember(o, caller);
        if (caller.hasRole(Role.OUTPUT_CHECKER) && !member) {
            return withCells(o, true);
        }
        if (!member) {
            refuse(id, "not_member");
            throw notFound(id);
        }
        return withCells(o, false);
    }

    /** The workspace's requests, newest first (members only). */
    public List<Output> ofWorkspace(WorkspaceId workspaceId, CurrentUser caller) {
        workspaces.get(workspaceId, caller);
        return outputs.ofWorkspace(workspaceId);
    }

    /** Resubmits a returned (or unchecked) request, with a new description if given: a new round of checks and reviews. */
    public Output resubmit(OutputId id, Optional<String> description, CurrentUser caller) {
        Output current = outputs.find(id).orElseThrow(() -> notFound(id));
        requester(current, caller);
        activeMember(current.workspaceId(), caller);
        transactions.executeWithoutResult(s -> {
            Output o = outputs.findForUpdate(id).orElseThrow(() -> notFound(id));
            var move = rules.allowed(o, OutputStatus.SUBMITTED);
            outputs.resubmitted(id, description.filter(d -> !d.isBlank()).map(String::strip).orElse(o.description()));
            rules.apply(o, move, AuditRecord.success(move.action(), "output", id).with("round", o.round() + 1));
        });
        return runChecks(id);
    }

    public Output withdraw(OutputId id, CurrentUser caller) {
        requester(outputs.find(id).orElseThrow(() -> notFound(id)), caller);
        transactions.executeWithoutResult(s -> {
            Output o = outputs.findForUpdate(id).orElseThrow(() -> notFound(id));
            var move = rules.allowed(o, OutputStatus.WITHDRAWN);
            rules.apply(o, move, AuditRecord.success(move.action(), "output", id));
        });
        return get(id, caller);
    }

    /**
     * The released file: permit members only, while the permit is active; for a statistical answer's analysis, the
     * applicant and their team, once released (the analyst computed it for them). Audited.
     */
    public ReleasedFile file(OutputId id, CurrentUser caller) {
        Output o = outputs.find(id).orElseThrow(() -> notFound(id));
        if (analyses.analysisOf(o.permitId()).isPresent()) {
            if (!analyses.receivesAnswer(o.permitId(), caller)) {
                refuse(id, "not_recipient");
                throw notFound(id);
            }
        } else if (!isMember(o, caller)) {
            refuse(id, "not_member");
            throw notFound(id);
        } else {
            activePermit(o.workspaceId(), o.permitId(), caller);
        }
        if (o.status() != OutputStatus.RELEASED || o.sha256().isEmpty()) {
            refuse(id, "not_released");
            throw new ConflictException("disclosure.not_released",
                    "The output is not released: it needs its checks and two approvals.");
        }
        transactions.executeWithoutResult(s -> audit.record(AuditRecord.success("output.downloaded", "output", id)
                .with("sha256", o.sha256().get())));
        return new ReleasedFile(id, o.sha256().get(), files.released(o.sha256().get()));
    }

    // --- output checkers ----------------------------------------------------------------------------------------

    /** Requests waiting for a review, oldest first. */
    public List<Output> queue() {
        return outputs.awaitingReview();
    }

    /** A checker approves, rejects or returns the request; the second independent approval releases it. */
    public Output review(OutputId id, ReviewDecision decision, String comment, CurrentUser caller) {
        if (!caller.hasRole(Role.OUTPUT_CHECKER)) {
            throw new AccessDenied("disclosure.checker_only", "Only an output checker reviews outputs.");
        }
        Output before = outputs.find(id).orElseThrow(() -> notFound(id));
        if (before.requestedBy().equals(caller.id()) || isMember(before, caller)) {
            audit.recordIndependently(AuditRecord.of("output.review_refused", AuditOutcome.DENIED).on("output", id)
                    .with("reason", "not_independent"));
            throw new AccessDenied("disclosure.reviewer_not_independent",
                    "You asked for this output or are named in its permit: an independent checker reviews it.");
        }
        transactions.executeWithoutResult(s -> {
            Output o = outputs.findForUpdate(id).orElseThrow(() -> notFound(id));
            rules.review(o, decision, comment, caller, clock.instant()).ifPresent(released -> {
                events.publishEvent(new OutputReleased(id, o.permitId(), released));
                // a statistical answer leaves here: the answer is closed in the release's transaction
                analyses.analysisOf(o.permitId()).ifPresent(a -> analyses.answered(a.applicationId(), id.toString()));
            });
        });
        return get(id, caller);
    }

    // --- shared -----------------------------------------------------------------------------------------------

    private Output runChecks(OutputId id) {
        checks.run(id);
        return withCells(outputs.find(id).orElseThrow(), false);
    }

    private Output withCells(Output o, boolean values) {
        List<CellCheck> cells = files.cells(o.id());
        if (!values) {
            cells = cells.stream().map(CellCheck::withoutValue).toList();
        }
        return new Output(o.id(), o.workspaceId(), o.permitId(), o.savedQueryId(), o.savedQueryName(),
                o.description(), o.table(), o.status(), o.round(), o.requestedBy(), o.requestedAt(), o.updatedAt(),
                o.checkError(), o.summary(), cells, o.reviews(), o.sha256(), o.releasedAt());
    }

    private boolean isMember(Output o, CurrentUser caller) {
        return workspaces.findByPermit(o.permitId()).filter(w -> w.status() != WorkspaceStatus.DELETED)
                .map(w -> w.hasMember(caller.id())).orElse(false);
    }

    private void requester(Output o, CurrentUser caller) {
        if (!isMember(o, caller)) {
            refuse(o.id(), "not_member");
            throw notFound(o.id());
        }
    }

    /** The workspace, if the caller is a member, it is open and its permit active now. */
    private Workspace activeMember(WorkspaceId workspaceId, CurrentUser caller) {
        Workspace w = workspaces.get(workspaceId, caller);
        activePermit(workspaceId, w.permitId(), caller);
        if (w.status() != WorkspaceStatus.OPEN) {
            throw inactive();
        }
        return w;
    }

    private void activePermit(WorkspaceId workspaceId, PermitId permitId, CurrentUser caller) {
        Optional<Analysis> analysis = analyses.analysisOf(permitId);
        if (analysis.isPresent()) {
            if (!analysis.get().analyst().map(caller.id()::equals).orElse(false) || !analysis.get().open()) {
                audit.recordIndependently(AuditRecord.of("output.access_refused", AuditOutcome.DENIED)
                        .on("workspace", workspaceId).with("reason", "analysis_closed"));
                throw inactive();
            }
            return;
        }
        Permit permit;
        try {
            permit = permits.getPermit(permitId, caller);
        } catch (NotFoundException e) {
            throw new NotFoundException("workspace.not_found", "No workspace " + workspaceId + " that you may enter.");
        }
        if (!permit.hasMember(caller.id()) || !permit.isActive(clock.instant())) {
            audit.recordIndependently(AuditRecord.of("output.access_refused", AuditOutcome.DENIED)
                    .on("workspace", workspaceId).with("reason", "permit_inactive"));
            throw inactive();
        }
    }

    private void refuse(OutputId id, String reason) {
        audit.recordIndependently(AuditRecord.of("output.access_refused", AuditOutcome.DENIED).on("output", id)
                .with("reason", reason));
    }

    private static ConflictException inactive() {
        return new ConflictException("disclosure.permit_inactive",
                "The permit is not active (revoked or expired): nothing more is released or downloaded.");
    }

    private static NotFoundException notFound(OutputId id) {
        return new NotFoundException("disclosure.not_found", "No output " + id + " that you may see.");
    }
}
