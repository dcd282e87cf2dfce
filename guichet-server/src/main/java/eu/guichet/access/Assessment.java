package eu.guichet.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import eu.guichet.security.UserId;

/**
 * The reviewer's assessment of an application against the criteria of EHDS Art. 68(1), with a recommendation to the
 * decider.
 */
public record Assessment(List<CriterionAssessment> criteria, DecisionOutcome recommendation, String summary,
        UserId assessedBy, Instant assessedAt) {

    public Assessment {
        criteria = List.copyOf(criteria);
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(assessedBy, "assessedBy");
        Objects.requireNonNull(assessedAt, "assessedAt");
    }

    /** What the reviewer submits; who and when are added by Guichet. */
    public record Draft(List<CriterionAssessment> criteria, DecisionOutcome recommendation, String summary) {

        public Draft {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
            if (recommendation == null) {
                throw new eu.guichet.problem.ValidationException("access.recommendation_required",
                        "An assessment ends with a recommendation to the decider.",
                        List.of(new eu.guichet.problem.ValidationException.FieldError("recommendation", "required")));
            }
        }

        public Assessment by(UserId reviewer, Instant at) {
            return new Assessment(criteria, recommendation, summary == null || summary.isBlank() ? null
                    : summary.strip(), reviewer, at);
        }
    }

    /** The criteria of Art. 68(1) a reviewer checks. */
    public enum Criterion {
        /** The purpose is one of Art. 53 and none of Art. 54. */
        PURPOSE,
        /** Each variable is necessary and proportionate to the purpose (minimisation). */
        NECESSITY,
        /** For pseudonymised data, the GDPR legal basis (Art. 67(4)). */
        LEGAL_BASIS,
        /** The applicant and the team are qualified for the processing. */
        QUALIFICATION,
        /** Technical and organisational measures against re-identification and misuse. */
        SAFEGUARDS,
        /** The ethics assessment, where national law requires it. */
        ETHICS,
        /** The justification of an exception to the opt-out (Art. 71). */
        OPT_OUT_EXCEPTION
    }

    public enum Verdict {
        MET, NOT_MET, NOT_APPLICABLE
    }

    public record CriterionAssessment(Criterion criterion, Verdict verdict, String comment) {

        public CriterionAssessment {
            Objects.requireNonNull(criterion, "criterion");
            Objects.requireNonNull(verdict, "verdict");
            comment = comment == null || comment.isBlank() ? null : comment.strip();
        }
    }
}
