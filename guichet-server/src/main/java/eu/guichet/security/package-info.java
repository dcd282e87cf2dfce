/**
 * The security kernel every module codes against: roles, the signed-in {@link eu.guichet.security.CurrentUser},
 * the access decisions each endpoint must declare, and object-level denials. Sign-in itself lives in identity.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package eu.guichet.security;
