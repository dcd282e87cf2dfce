/**
 * Demo mode ({@code java -jar guichet-server.jar demo}): an embedded PostgreSQL under {@code ./guichet-data/}, demo
 * organisations and one account per role, and slow demo preparation run once in the background with visible progress.
 */
package eu.guichet.demo;
