package eu.guichet.security;

import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * The access decision an endpoint declares, read from its annotations (method first, then class). An endpoint
 * with none, or with more than one, has no rule and is refused to everyone.
 */
public sealed interface AccessRule {

    record Anonymous() implements AccessRule {
        @Override
        public boolean admits(Optional<CurrentUser> user) {
            return true;
        }
    }

    record Authenticated() implements AccessRule {
        @Override
        public boolean admits(Optional<CurrentUser> user) {
            return user.isPresent();
        }
    }

    record Roles(Set<Role> roles) implements AccessRule {
        public Roles {
            roles = Set.copyOf(roles);
        }

        @Override
        public boolean admits(Optional<CurrentUser> user) {
            return user.map(u -> u.hasAnyRole(roles)).orElse(false);
        }
    }

    /** Whether the given user (empty: anonymous) passes this rule. */
    boolean admits(Optional<CurrentUser> user);

    static Optional<AccessRule> of(HandlerMethod handler) {
        Optional<AccessRule> onMethod = declaredOn(handler.getMethod());
        return onMethod.isPresent() ? onMethod : declaredOn(handler.getBeanType());
    }

    private static Optional<AccessRule> declaredOn(java.lang.reflect.AnnotatedElement element) {
        boolean anonymous = AnnotatedElementUtils.hasAnnotation(element, AllowAnonymous.class);
        boolean authenticated = AnnotatedElementUtils.hasAnnotation(element, AllowAuthenticated.class);
        AllowRoles roles = AnnotatedElementUtils.findMergedAnnotation(element, AllowRoles.class);
        int declared = (anonymous ? 1 : 0) + (authenticated ? 1 : 0) + (roles != null ? 1 : 0);
        if (declared != 1) {
            return Optional.empty();
        }
        if (anonymous) {
            return Optional.of(new Anonymous());
        }
        if (authenticated) {
            return Optional.of(new Authenticated());
        }
        return Optional.of(new Roles(Set.of(roles.value())));
    }
}
