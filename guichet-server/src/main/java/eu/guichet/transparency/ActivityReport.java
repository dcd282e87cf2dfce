package eu.guichet.transparency;

import java.util.Optional;

/**
 * Activity counts for the HDAB's report (EHDS Art. 59: permits and refusals, average time from application to
 * decision, publications), over one year of receipt or over all years.
 *
 * @param averageDaysToDecision mean days from receipt to decision of the decided applications; empty when none
 */
public record ActivityReport(Optional<Integer> year, long applications, long dataRequests, long granted,
        long refused, long statisticalAnswers, long permitsRevoked, Optional<Double> averageDaysToDecision,
        long resultsPublished, long enforcementMeasures) {
}
