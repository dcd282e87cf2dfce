package eu.guichet.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint is public: anyone, signed in or not, may call it. One of {@link AllowAnonymous},
 * {@link AllowAuthenticated} or {@link AllowRoles} must decide every endpoint; an endpoint without a decision is
 * refused to everyone (deny by default).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface AllowAnonymous {
}
