/**
 * Access: data access applications (EHDS Art. 67), data requests (Art. 69), their assessment and the permits issued
 * (Art. 68). Its first part is the statutory clocks ({@link eu.guichet.access.StatutoryClocks}): the legal time limits
 * of each step, computed as Regulation (EEC, Euratom) No 1182/71 says, on the HDAB's calendar of public holidays.
 */
package eu.guichet.access;
