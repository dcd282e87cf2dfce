/**
 * Opt-out: citizens' opt-outs from the secondary use of their health data (EHDS Art. 71) and their history, stored by
 * pseudonym only, and the snapshot of opt-outs in effect at a permit's reference instant that extracts filter on.
 */
package eu.guichet.optout;
