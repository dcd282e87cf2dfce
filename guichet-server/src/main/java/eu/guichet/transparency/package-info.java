/**
 * Transparency: the public register of the HDAB (EHDS Art. 57–59, 61). Keeps its own read model, fed only by the
 * access module's events, of each application on receipt, each decision with its justification, each permit and its
 * fate; with the enforcement measures the HDAB records, the results permit holders publish (and reminders when they
 * are due), and the citizens' view of which datasets were used by whom and why. Organisations only: never a person.
 */
package eu.guichet.transparency;
