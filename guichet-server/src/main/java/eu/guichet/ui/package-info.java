/**
 * UI shell: the server-rendered layout every page shares (theme, header with role-aware navigation, language switch,
 * footer), the sign-in, home, account and error pages. Other modules' pages plug into the layout template.
 */
package eu.guichet.ui;
