package eu.guichet.transparency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.PermitId;
import eu.guichet.access.StatutoryClocks;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.Organisation;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;
import eu.guichet.transparency.internal.RegisterStore;

/**
 * The transparency module's API: the public register (read by anyone), the enforcement measures HDAB administrators
 * record, and the results permit members declare. Recording and declaring are audited in their transaction.
 */
@Service
public class TransparencyRegister {

    /** A DOI (optionally as {@code doi:} or a doi.org address) or a web address. */
    private static final Pattern DOI = Pattern.compile("(?i)(doi:|https?://(dx\\.)?doi\\.org/)?10\\.\\d{4,9}/\\S+");
    private static final Pattern WEB = Pattern.compile("(?i)https?://[^\\s/$.?#][^\\s]*");

    private final RegisterStore store;
    private final IdentityManagement identity;
    private final AuditTrail audit;
    private final ZoneId zone;
    private final Clock clock;

    TransparencyRegister(RegisterStore store, IdentityManagement identity, AuditTrail audit, StatutoryClocks clocks,
            Clock clock) {
        this.store = store;
        this.identity = identity;
        this.audit = audit;
        this.zone = clocks.settings().zone();
        this.clock = clock;
    }

    // --- the public register ------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public RegisterPage search(RegisterQuery query) {
        return store.search(query, zone, clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<RegisterEntry> findEntry(ApplicationId id) {
        return store.find(id, clock.instant());
    }

    @Transactional(readOnly = true)
    public RegisterEntry getEntry(ApplicationId id) {
        return findEntry(id).orElseThrow(() -> new NotFoundException("transparency.entry_not_found",
                "No application " + id + " in the register."));
    }

    @Transactional(readOnly = true)
    public RegisterPermit getPermit(PermitId id) {
        return store.findPermit(id, clock.instant()).orElseThrow(() -> new NotFoundException(
                "transparency.permit_not_found", "No permit " + id + " in the register."));
    }

    /** Every dataset the register names, by identifier. */
    @Transactional(readOnly = true)
    public List<RegisterDataset> datasetsNamed() {
        return store.datasetsNamed();
    }

    /** The citizens' view (Art. 58): which organisation used which dataset, and why. */
    @Transactional(readOnly = true)
    public List<DatasetUse> datasetUses() {
        return store.datasetUses();
    }

    /** Enforcement measures, newest first; only those about {@code permit} when given. */
    @Transactional(readOnly = true)
    public List<EnforcementMeasure> enforcementMeasures(Optional<PermitId> permit) {
        return store.enforcementMeasures(permit);
    }

    /** Activity counts over the applications received in {@code year} (all years when empty). */
    @Transactional(readOnly = true)
    public ActivityReport activityReport(Optional<Integer> year) {
        return store.activityReport(year, zone);
    }

    public ZoneId zone() {
        return zone;
    }

    // --- enforcement measures (Art. 59, 63) ---------------------------------------------------------------------

    public boolean canRecordEnforcementMeasure(CurrentUser caller) {
        return caller.hasRole(Role.HDAB_ADMIN);
    }

    public void checkCanRecordEnforcementMeasure(CurrentUser caller) {
        if (!canRecordEnforcementMeasure(caller)) {
            throw new AccessDenied("transparency.enforcement_not_allowed",
                    "Only an HDAB administrator records enforcement measures.");
        }
    }

    @Transactional
    public EnforcementMeasure recordEnforcementMeasure(NewEnforcementMeasure request, CurrentUser caller) {
        checkCanRecordEnforcementMeasure(caller);
        Organisation organisation = identity.findOrganisation(new OrganisationId(request.organisationId()))
                .orElseThrow(() -> invalid("transparency.organisation_unknown", "organisationId",
                        "No such organisation."));
        Optional<PermitId> permit = Optional.ofNullable(request.permitId()).map(PermitId::new);
        if (permit.isPresent() && store.findPermit(permit.get(), clock.instant()).isEmpty()) {
            throw invalid("transparency.permit_unknown", "permitId", "No such permit in the register.");
        }
        if (request.decidedOn().isAfter(today())) {
            throw invalid("transparency.date_in_future", "decidedOn", "A measure is recorded once decided.");
        }
        EnforcementMeasure measure = new EnforcementMeasure(UUID.randomUUID(), organisation.id(),
                organisation.name(), permit, request.kind(), request.description().strip(), request.decidedOn(),
                clock.instant());
        store.insert(measure, caller.id());
        audit.record(AuditRecord.success("transparency.enforcement_measure_recorded", "enforcement_measure",
                measure.id()).with("organisation", organisation.id()).with("kind", measure.kind())
                .with("permit", permit.map(PermitId::toString).orElse("none")));
        return measure;
    }

    // --- results (Art. 61) --------------------------------------------------------------------------------------

    /** Only the persons named in the permit declare its results. */
    public boolean canDeclareResult(CurrentUser caller, PermitId permit) {
        return store.members(permit).contains(caller.id());
    }

    public void checkCanDeclareResult(CurrentUser caller, PermitId permit) {
        if (!canDeclareResult(caller, permit)) {
            throw new AccessDenied("transparency.not_a_permit_member",
                    "Only the persons named in the permit declare its results.");
        }
    }

    @Transactional
    public ResultPublication declareResult(PermitId permit, NewResultPublication request, CurrentUser caller) {
        getPermit(permit);
        checkCanDeclareResult(caller, permit);
        String reference = request.reference().strip();
        if (!DOI.matcher(reference).matches() && !WEB.matcher(reference).matches()) {
            throw invalid("transparency.result_reference_invalid", "reference",
                    "Give a DOI (10.1234/abc) or a web address (https://...).");
        }
        if (request.publishedOn().isAfter(today())) {
            throw invalid("transparency.date_in_future", "publishedOn", "Declare a result once published.");
        }
        ResultPublication result = new ResultPublication(UUID.randomUUID(), permit, request.title().strip(),
                reference, request.publishedOn(), clock.instant());
        store.insert(result, caller.id());
        audit.record(AuditRecord.success("transparency.result_declared", "permit", permit)
                .with("result", result.id()));
        return result;
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private static ValidationException invalid(String code, String field, String message) {
        return new ValidationException(code, message, List.of(new ValidationException.FieldError(field, message)));
    }
}
