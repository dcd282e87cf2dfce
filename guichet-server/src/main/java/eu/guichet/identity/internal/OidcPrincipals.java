package eu.guichet.identity.internal;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

import eu.guichet.security.CurrentUser;
import eu.guichet.security.SignedInUser;

/** Turns what the OpenID Connect provider says (ID token at sign-in, access token on the API) into a Guichet user. */
final class OidcPrincipals {

    private OidcPrincipals() {
    }

    /** The Spring Security authorities of a user: one {@code ROLE_<role>} per role. */
    static List<GrantedAuthority> authorities(CurrentUser user) {
        return user.roles().stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    /** Browser sign-in (authorization code flow). */
    static OAuth2UserService<OidcUserRequest, OidcUser> userService(OidcAccounts accounts) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser oidc = delegate.loadUser(request);
            CurrentUser user = accounts.signIn(oidc.getIssuer().toString(), oidc.getSubject(), oidc.getClaims());
            return new SignedInOidcUser(user, oidc);
        };
    }

    /** API calls with a bearer access token. */
    static Converter<Jwt, AbstractAuthenticationToken> jwtConverter(OidcAccounts accounts) {
        return jwt -> {
            CurrentUser user = accounts.signIn(jwt.getIssuer().toString(), jwt.getSubject(), jwt.getClaims());
            return new SignedInJwt(user, jwt);
        };
    }

    static final class SignedInOidcUser extends DefaultOidcUser implements SignedInUser {
        private final CurrentUser user;

        SignedInOidcUser(CurrentUser user, OidcUser oidc) {
            super(authorities(user), oidc.getIdToken(), oidc.getUserInfo());
            this.user = user;
        }

        @Override
        public CurrentUser currentUser() {
            return user;
        }

        @Override
        public String getName() {
            return user.username();
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

    static final class SignedInJwt extends AbstractAuthenticationToken {
        private final JwtUser principal;

        SignedInJwt(CurrentUser user, Jwt jwt) {
            super(authorities(user));
            this.principal = new JwtUser(user, jwt);
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return principal.jwt();
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.user().username();
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

    record JwtUser(CurrentUser user, Jwt jwt) implements SignedInUser {
        @Override
        public CurrentUser currentUser() {
            return user;
        }
    }

}
