package eu.guichet.optout;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.optout.internal.BulkImporter;
import eu.guichet.optout.internal.OptOutRepository;
import eu.guichet.problem.ConflictException;
import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The opt-out module's API (EHDS Art. 71): citizens opt out, withdraw and see their history; the HDAB imports
 * opt-outs in bulk; extracts read the opt-outs in effect at a permit's reference instant.
 *
 * <p>Only pseudonyms are stored: a citizen's national identifier (from their account) is turned into the national
 * pseudonym with the same function ingestion applies, so an opt-out matches the person's records in the lake. Every
 * change is audited in its transaction, with ids and counts only.
 */
@Service
public class OptOutRegister {

    private final OptOutRepository repository;
    private final BulkImporter importer;
    private final Pseudonymiser pseudonymiser;
    private final IdentityManagement identity;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OptOutRegister(OptOutRepository repository, BulkImporter importer, Pseudonymiser pseudonymiser,
            IdentityManagement identity, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.importer = importer;
        this.pseudonymiser = pseudonymiser;
        this.identity = identity;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // --- citizens ------------------------------------------------------------------------------------------------

    /** The citizen opts out, effective now. Refused (409) while an opt-out of theirs is in effect. */
    @Transactional
    public OptOutStatus optOut(CurrentUser citizen) {
        String pseudonym = pseudonymOf(citizen);
        OptOutId id = OptOutId.random();
        Instant now = now();
        if (!repository.insertIfNoneInEffect(id, pseudonym, OptOutSource.CITIZEN, citizen.id(), null, now)) {
            throw new ConflictException("optout.already_opted_out", "Your opt-out is in effect already.");
        }
        events.publishEvent(new OptOutRegistered(id, OptOutSource.CITIZEN, now));
        audit.record(AuditRecord.success("optout.registered", "opt_out", id).with("source", OptOutSource.CITIZEN));
        return OptOutStatus.of(repository.history(pseudonym));
    }

    /** The citizen withdraws the opt-out in effect, now. Refused (409) when none is. */
    @Transactional
    public OptOutStatus withdraw(CurrentUser citizen) {
        String pseudonym = pseudonymOf(citizen);
        OptOutPeriod current = repository.findInEffect(pseudonym)
                .orElseThrow(() -> new InvalidTransitionException("optout.not_opted_out",
                        "You have no opt-out in effect to withdraw."));
        Instant now = now();
        if (!repository.withdraw(current.id(), citizen.id(), now)) {
            throw new InvalidTransitionException("optout.not_opted_out", "You have no opt-out in effect to withdraw.");
        }
        events.publishEvent(new OptOutWithdrawn(current.id(), now));
        audit.record(AuditRecord.success("optout.withdrawn", "opt_out", current.id())
                .with("source", current.source()));
        return OptOutStatus.of(repository.history(pseudonym));
    }

    /** The citizen's opt-out in effect, if any, and every past one. */
    @Transactional(readOnly = true)
    public OptOutStatus history(CurrentUser citizen) {
        return OptOutStatus.of(repository.history(pseudonymOf(citizen)));
    }

    /** Whether the citizen's account carries the national identifier an opt-out needs. */
    @Transactional(readOnly = true)
    public boolean hasNationalIdentifier(CurrentUser citizen) {
        return identity.findNationalIdentifier(citizen.id()).isPresent();
    }

    public boolean canOptOut(CurrentUser user) {
        return user.hasRole(Role.CITIZEN);
    }

    public void checkCanOptOut(CurrentUser user) {
        if (!canOptOut(user)) {
            throw new AccessDenied("optout.citizens_only", "Only citizens opt out, for themselves.");
        }
    }

    private String pseudonymOf(CurrentUser citizen) {
        checkCanOptOut(citizen);
        String nationalIdentifier = identity.findNationalIdentifier(citizen.id())
                .orElseThrow(() -> new ConflictException("optout.no_national_identifier",
                        "Your account carries no national identifier, so no opt-out can be registered for it: "
                                + "sign in through the identity provider that supplies it, or ask the HDAB."));
        return pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, nationalIdentifier);
    }

    // --- the HDAB ------------------------------------------------------------------------------------------------

    /**
     * Registers opt-outs from a text with one national identifier per line (optional header), effective now, in one
     * transaction: all of the file's valid lines or nothing. Lines that are not national identifiers are reported by
     * number and reason, never echoed.
     */
    @Transactional
    public BulkImportReport importBulk(InputStream csv, CurrentUser admin) {
        checkCanImport(admin);
        OptOutImportId importId = OptOutImportId.random();
        Instant now = now();
        BulkImportReport report = importer.run(csv, importId, admin.id(), now);
        if (report.registered() > 0) {
            events.publishEvent(new OptOutsImported(importId, report.registered(), now));
        }
        audit.record(AuditRecord.success("optout.bulk_imported", "opt_out_import", importId)
                .with("read", report.identifiersRead()).with("registered", report.registered())
                .with("already_opted_out", report.alreadyOptedOut()).with("rejected", report.rejected()));
        return report;
    }

    public boolean canImport(CurrentUser user) {
        return user.hasRole(Role.HDAB_ADMIN);
    }

    public void checkCanImport(CurrentUser user) {
        if (!canImport(user)) {
            throw new AccessDenied("optout.import_hdab_admin_only", "Only the HDAB's administrators import opt-outs.");
        }
    }

    // --- extracts ------------------------------------------------------------------------------------------------

    /**
     * How many people's opt-outs were in effect at the reference instant (a permit's grant, or an amendment's):
     * those that took effect strictly before it and were not withdrawn before it.
     */
    @Transactional(readOnly = true)
    public long countInEffectAt(Instant reference) {
        return repository.countInEffectAt(reference);
    }

    /**
     * Streams the national pseudonyms of the opt-outs in effect at the reference instant (same rule as
     * {@link #countInEffectAt(Instant)}), under the current key version — the version of freshly pseudonymised lake
     * data — in no particular order, each once. Rows are fetched in pages, never all in memory; the consumer runs
     * inside this method's read-only transaction, so it should hand pseudonyms on (e.g. append them to a DuckDB
     * table) rather than do slow work.
     *
     * @return how many pseudonyms were given: the snapshot's size, for the extract's evidence
     */
    @Transactional(readOnly = true)
    public long forEachInEffectAt(Instant reference, Consumer<String> nationalPseudonyms) {
        int current = pseudonymiser.keyVersion();
        long[] count = { 0 };
        repository.forEachPseudonymInEffectAt(reference, pseudonym -> {
            nationalPseudonyms.accept(
                    Pseudonymiser.keyVersionOf(pseudonym) == current ? pseudonym : pseudonymiser.upgrade(pseudonym));
            count[0]++;
        });
        return count[0];
    }

    /** How many opt-outs are in effect now (the HDAB's import page). */
    @Transactional(readOnly = true)
    public long countInEffectNow() {
        return repository.countInEffectAt(now().plus(1, ChronoUnit.MICROS));
    }

    /** The key version of the pseudonyms {@link #forEachInEffectAt(Instant, Consumer)} gives. */
    public int keyVersion() {
        return pseudonymiser.keyVersion();
    }

    /** Now, to the microsecond PostgreSQL keeps, so events and answers carry the instants stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
