package eu.guichet.optout.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;

/**
 * Keeps opt-outs matching across a key rotation: at start, before the application serves requests, every stored
 * pseudonym made under an older key version is replaced by its current-version pseudonym
 * ({@link Pseudonymiser#upgrade(String)}: no national identifier needed), in one transaction, audited with counts.
 * After a rotation the citizen's freshly computed pseudonym then finds their history, and the snapshot extracts read is
 * in the version of freshly pseudonymised lake data. Logs counts and versions only.
 */
@Component
public class OptOutRekeying implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OptOutRekeying.class);
    static final int BATCH = 5_000;

    private final OptOutRepository repository;
    private final Pseudonymiser pseudonymiser;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    OptOutRekeying(OptOutRepository repository, Pseudonymiser pseudonymiser, TransactionTemplate transactions,
            AuditTrail audit) {
        this.repository = repository;
        this.pseudonymiser = pseudonymiser;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long rekeyed = transactions.execute(status -> rekeyTo(pseudonymiser));
        if (rekeyed > 0) {
            log.info("Re-keyed {} opt-out pseudonyms to key version {}", rekeyed, pseudonymiser.keyVersion());
        }
    }

    /**
     * Re-keys every stored pseudonym to the given pseudonymiser's current key version, in the caller's transaction.
     *
     * @return how many distinct pseudonyms were re-keyed
     */
    public long rekeyTo(Pseudonymiser target) {
        String prefix = "v" + (target.keyVersion() < 10 ? "0" : "") + target.keyVersion();
        List<String> from = repository.keyVersionPrefixes();
        if (from.isEmpty() || from.equals(List.of(prefix))) {
            return 0;
        }
        long rekeyed = 0;
        for (List<String> old = repository.pseudonymsOlderThan(prefix, BATCH); !old.isEmpty();
                old = repository.pseudonymsOlderThan(prefix, BATCH)) {
            repository.replacePseudonyms(old, old.stream().map(target::upgrade).toList());
            rekeyed += old.size();
        }
        audit.record(AuditRecord.success("optout.pseudonyms_rekeyed", "opt_out_key", target.keyVersion())
                .with("from_versions", String.join(",", from)).with("rekeyed", rekeyed).by("system"));
        return rekeyed;
    }
}
