package eu.guichet.identity.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import eu.guichet.audit.AuditTrail;

/**
 * Three filter chains. Which endpoint admits whom is not decided here but on each controller method
 * ({@code @AllowAnonymous}, {@code @AllowAuthenticated}, {@code @AllowRoles}), enforced deny-by-default by the access
 * interceptor; these chains only authenticate: the API statelessly (HTTP Basic for local accounts, bearer tokens from
 * the OpenID Connect provider), the browser with a session (form and/or OpenID Connect sign-in), and the actuator
 * (health and info only).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock) {
        return new LoginThrottle(clock);
    }

    @Bean
    LocalAccounts localAccounts(IdentityRepository repository, LoginThrottle throttle) {
        return new LocalAccounts(repository, throttle);
    }

    @Bean
    OidcAccounts oidcAccounts(IdentityRepository repository, IdentityProperties properties, AuditTrail audit,
            Clock clock, ApplicationEventPublisher events) {
        return new OidcAccounts(repository, properties, audit, clock, events);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Keeps the session registry in step with sessions that time out or end. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    SessionExpiry sessionExpiry(SessionRegistry sessionRegistry) {
        return new SessionExpiry(sessionRegistry);
    }

    @Bean
    AccessProblemHandlers accessProblemHandlers(AuditTrail audit) {
        return new AccessProblemHandlers(audit);
    }

    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, AccessProblemHandlers problems) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**",
                        "/actuator/info").permitAll().anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.notExposed()))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, IdentityProperties properties, AccessProblemHandlers problems,
            ObjectProvider<JwtDecoder> jwtDecoder, OidcAccounts oidcAccounts, LocalAccounts localAccounts)
            throws Exception {
        boolean basic = properties.localAccounts();
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        var entryPoint = problems.apiEntryPoint(basic, bearer);
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll()) // decided per endpoint, deny by default
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // stateless: no cookie ever authenticates an API call
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(problems.deniedHandler()));
        if (basic) {
            http.userDetailsService(localAccounts).httpBasic(b -> b.authenticationEntryPoint(entryPoint));
        }
        if (bearer) {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(problems.deniedHandler())
                    .jwt(j -> j.jwtAuthenticationConverter(OidcPrincipals.jwtConverter(oidcAccounts))));
        }
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain browserChain(HttpSecurity http, IdentityProperties properties, AccessProblemHandlers problems,
            ObjectProvider<ClientRegistrationRepository> clients, OidcAccounts oidcAccounts,
            LocalAccounts localAccounts, SessionRegistry sessionRegistry) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll()) // decided per endpoint, deny by default
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId())
                        .maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?expired"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .accessDeniedHandler(problems.deniedHandler()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                                        + "form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (properties.localAccounts()) {
            http.userDetailsService(localAccounts)
                    .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"));
        }
        if (clients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error")
                    .userInfoEndpoint(u -> u.oidcUserService(OidcPrincipals.userService(oidcAccounts))));
        }
        return http.build();
    }
}
