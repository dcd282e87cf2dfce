/**
 * Audit: the append-only, hash-chained trail of every change, login and denial, written in the same transaction as
 * the change it records; its verification (chain and external anchors) and its export for auditors.
 */
package eu.guichet.audit;
