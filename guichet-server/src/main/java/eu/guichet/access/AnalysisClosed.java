package eu.guichet.access;

/** The statistical answer computed in this analysis was released: its workspace locks. */
public record AnalysisClosed(PermitId analysisId, ApplicationId applicationId) {
}
