package eu.guichet.dataplane.disclosure;

import java.util.List;

/**
 * The automatic output checks of one HDAB's rules, in order: the primary rules cell by cell, differencing against the
 * project's earlier releases, secondary suppression audited by the attacker, then rounding. Each step is public so a
 * benchmark can time it; {@link #check} runs them all.
 */
public final class DisclosureChecks {

    private final DisclosureConfig config;

    public DisclosureChecks(DisclosureConfig config) {
        this.config = config;
    }

    public DisclosureConfig config() {
        return config;
    }

    /** Every rule; {@code earlier} are the project's earlier releases (empty when none). */
    public DisclosureReport check(OutputTable table, List<Release> earlier) {
        return checkAgainst(table, earlier.stream().map(KeptRelease::withoutHiddenValues).toList());
    }

    /** Every rule, against earlier releases as the HDAB kept them (with their hidden cells' values when kept). */
    public DisclosureReport checkAgainst(OutputTable table, List<KeptRelease> earlier) {
        DisclosureReport report = primary(table);
        List<IntervalAttacker.Layer> known = differencing(table, earlier, report);
        secondary(table, report, known);
        round(report);
        return report;
    }

    /** Threshold, zeros, dominance, p%. */
    public DisclosureReport primary(OutputTable table) {
        DisclosureReport report = new DisclosureReport(table, config);
        PrimaryRules.apply(table, config, report);
        return report;
    }

    public List<IntervalAttacker.Layer> differencing(OutputTable table, List<KeptRelease> earlier,
            DisclosureReport report) {
        return Differencing.apply(table, earlier, config, report);
    }

    public void secondary(OutputTable table, DisclosureReport report, List<IntervalAttacker.Layer> known) {
        SecondarySuppression.protect(table, config, report, known);
    }

    /** Marks every released count as rounded when the rules round (magnitudes are not rounded). */
    public void round(DisclosureReport report) {
        if (config.rounding() == DisclosureConfig.Rounding.NONE || report.table().magnitude()) {
            return;
        }
        for (int cell = 0; cell < report.table().shape().cells(); cell++) {
            if (!report.hidden(cell)) {
                report.add(cell, Reason.ROUNDED);
            }
        }
    }
}
