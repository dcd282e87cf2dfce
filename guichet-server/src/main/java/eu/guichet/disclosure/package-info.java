/**
 * Output control (EHDS Art. 73(2); ARCHITECTURE.md security properties 1 and 4): nothing leaves a workspace except a
 * released output. A member asks to release the result of a saved workspace query; the automatic checks re-run the
 * query against the underlying rows (rules of {@code eu.guichet.dataplane.disclosure}, the HDAB's profile); two
 * independent output checkers review it; the released file (the checked, suppressed and rounded table) is stored
 * under its SHA-256 and only the permit's members download it. {@link eu.guichet.disclosure.Outputs} is the API;
 * {@link eu.guichet.disclosure.OutputReleased} tells the transparency register.
 */
package eu.guichet.disclosure;
