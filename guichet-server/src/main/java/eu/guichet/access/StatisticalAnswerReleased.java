package eu.guichet.access;

import java.time.Instant;

/** A statistical answer left output control and reached the applicant (EHDS Art. 69 or 68(3)). */
public record StatisticalAnswerReleased(ApplicationId applicationId, String outputRef, Instant releasedAt) {
}
