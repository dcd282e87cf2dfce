package eu.guichet.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.identity.UserAccount;
import eu.guichet.security.CurrentUser;

/**
 * Loads local (password) accounts for sign-in. Disabled and provider-managed accounts cannot sign in here; an account
 * under attack (see {@link LoginThrottle}) is reported locked.
 */
class LocalAccounts implements UserDetailsService {

    private final IdentityRepository repository;
    private final LoginThrottle throttle;

    LocalAccounts(IdentityRepository repository, LoginThrottle throttle) {
        this.repository = repository;
        this.throttle = throttle;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String hash = repository.findPasswordHash(username)
                .orElseThrow(() -> new UsernameNotFoundException("No local account"));
        UserAccount account = repository.findUserByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No local account"));
        return new LocalAccountPrincipal(toCurrentUser(account), hash, !throttle.isLocked(username));
    }

    static CurrentUser toCurrentUser(UserAccount account) {
        return new CurrentUser(account.id(), account.username(), account.displayName(), account.organisationId(),
                account.roles());
    }
}
