package eu.guichet.identity.internal;


import org.springframework.security.core.userdetails.User;

import eu.guichet.security.CurrentUser;
import eu.guichet.security.SignedInUser;

/** The principal of a local-account sign-in (form or HTTP Basic). */
class LocalAccountPrincipal extends User implements SignedInUser {

    private final CurrentUser currentUser;

    LocalAccountPrincipal(CurrentUser currentUser, String passwordHash, boolean accountNonLocked) {
        super(currentUser.username(), passwordHash, true, true, true, accountNonLocked,
                OidcPrincipals.authorities(currentUser));
        this.currentUser = currentUser;
    }

    @Override
    public CurrentUser currentUser() {
        return currentUser;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

}
