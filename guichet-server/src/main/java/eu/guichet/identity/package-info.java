/**
 * Identity: organisations, user accounts, roles and sign-in (local accounts in embedded mode, OpenID Connect in
 * production), and the deny-by-default access rules every endpoint declares.
 */
package eu.guichet.identity;
