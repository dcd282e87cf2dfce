/**
 * Statistical disclosure control of output tables: the automatic checks an HDAB runs before a result table leaves the
 * secure processing environment. A table ({@link eu.guichet.dataplane.disclosure.OutputTable}) is built from the rows
 * of the query that produced it, one contributor (person, hospital...) and value at a time, so the contributor-level
 * rules (dominance, p%) see each contributor's value; its margins and sub-totals are part of the table. The checks
 * ({@link eu.guichet.dataplane.disclosure.DisclosureChecks}) give each cell an outcome (pass, suppress, round, review),
 * reason codes and a suggestion: minimum threshold, zeros, (n,k) dominance, p%, differencing against earlier releases,
 * secondary suppression audited by linear programming so no suppressed cell is recoverable from what is released, and
 * optional rounding. Plain Java; this package sees contributors' values and never logs.
 */
package eu.guichet.dataplane.disclosure;
