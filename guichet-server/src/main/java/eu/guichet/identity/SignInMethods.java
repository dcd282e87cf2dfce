package eu.guichet.identity;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import eu.guichet.identity.internal.IdentityProperties;

/** Which sign-in methods this deployment offers, for the sign-in page. */
@Component
public class SignInMethods {

    /** Path that starts the OpenID Connect sign-in (Spring Security's authorization request endpoint). */
    public static final String OIDC_START = "/oauth2/authorization/oidc";

    private final boolean localAccounts;
    private final ObjectProvider<ClientRegistrationRepository> clients;

    SignInMethods(IdentityProperties properties, ObjectProvider<ClientRegistrationRepository> clients) {
        this.localAccounts = properties.localAccounts();
        this.clients = clients;
    }

    /** Username and password, checked against Guichet's own accounts (embedded/demo mode). */
    public boolean localAccounts() {
        return localAccounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenNobodyCanSignIn() {
        if (!localAccounts() && !openIdConnect()) {
            LoggerFactory.getLogger(SignInMethods.class).warn("No sign-in method is configured: configure OpenID"
                    + " Connect (docs/how-to/configure-openid-connect.md) or start in demo mode.");
        }
    }

    /** Sign-in through the OpenID Connect identity provider (production). */
    public boolean openIdConnect() {
        return clients.getIfAvailable() != null;
    }
}
