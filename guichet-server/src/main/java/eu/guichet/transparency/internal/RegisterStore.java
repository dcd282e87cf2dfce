package eu.guichet.transparency.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.PermitId;
import eu.guichet.security.UserId;
import eu.guichet.transparency.DatasetUse;
import eu.guichet.transparency.EnforcementMeasure;
import eu.guichet.transparency.RegisterEntry;
import eu.guichet.transparency.RegisterPage;
import eu.guichet.transparency.RegisterPermit;
import eu.guichet.transparency.RegisterQuery;
import eu.guichet.transparency.ResultPublication;

/** The register's storage as the module's API uses it (the SQL stays in the package-private repositories). */
@Component
public class RegisterStore {

    private final RegisterReader reader;
    private final Results results;
    private final EnforcementMeasures measures;
    private final ActivityCounts activity;

    RegisterStore(RegisterReader reader, Results results, EnforcementMeasures measures, ActivityCounts activity) {
        this.reader = reader;
        this.results = results;
        this.measures = measures;
        this.activity = activity;
    }

    public eu.guichet.transparency.ActivityReport activityReport(Optional<Integer> year, ZoneId zone) {
        return activity.report(year, zone);
    }

    public RegisterPage search(RegisterQuery query, ZoneId zone, Instant now) {
        return reader.search(query, zone, now);
    }

    public Optional<RegisterEntry> find(ApplicationId id, Instant now) {
        return reader.find(id, now);
    }

    public Optional<RegisterPermit> findPermit(PermitId id, Instant now) {
        return reader.findPermit(id, now);
    }

    public List<eu.guichet.transparency.RegisterDataset> datasetsNamed() {
        return reader.datasetsNamed();
    }

    public List<DatasetUse> datasetUses() {
        return reader.datasetUses();
    }

    public List<EnforcementMeasure> enforcementMeasures(Optional<PermitId> permit) {
        return measures.list(permit);
    }

    public void insert(EnforcementMeasure measure, UserId recordedBy) {
        measures.insert(measure, recordedBy);
    }

    public Set<UserId> members(PermitId permit) {
        return results.members(permit);
    }

    public void insert(ResultPublication result, UserId declaredBy) {
        results.insert(result, declaredBy);
    }
}
