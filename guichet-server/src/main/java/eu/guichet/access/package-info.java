/**
 * Access: data access applications (EHDS Art. 67), data requests (Art. 69), their assessment on statutory clocks
 * and the permits issued (Art. 68), with their fees (Art. 62). Publishes {@link eu.guichet.access.ApplicationReceived},
 * {@link eu.guichet.access.DecisionIssued} and the permit events ({@link eu.guichet.access.PermitGranted}, amended,
 * extended, revoked, expired) that the register, the data plane and the workspace consume. Tells people what happens
 * through the notification module, in the transaction of each change, and reminds them of clocks near their deadline.
 * Keeps the analysts' queue of statistical answers, which output control closes with
 * {@link eu.guichet.access.StatisticalAnswers#answered}.
 */
package eu.guichet.access;
