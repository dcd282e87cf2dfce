package eu.guichet.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.transaction.event.TransactionalEventListener;

import eu.guichet.identity.UserAccessChanged;

/**
 * Ends the browser sessions of a user whose access changed, once the change is committed: their next request goes
 * back to the sign-in page, and the new sign-in carries the new roles. (API calls are stateless: each one is
 * authenticated afresh.)
 */
class SessionExpiry {

    private static final Logger log = LoggerFactory.getLogger(SessionExpiry.class);

    private final SessionRegistry sessions;

    SessionExpiry(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(UserAccessChanged change) {
        int expired = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            if (change.username().equals(nameOf(principal))) {
                for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                    session.expireNow();
                    expired++;
                }
            }
        }
        if (expired > 0) {
            log.info("Ended {} session(s) of user {} after an access change", expired, change.userId());
        }
    }

    private static String nameOf(Object principal) {
        if (principal instanceof UserDetails user) {
            return user.getUsername();
        }
        if (principal instanceof OAuth2User user) {
            return user.getName();
        }
        return null;
    }
}
