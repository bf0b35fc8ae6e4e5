package cn.cfp.access.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The filter chain: who is signed in (form login, bearer tokens), CSRF, headers. Who may do what is not stated here but
 * once, in the access table ({@code access/actions.yaml}), enforced by {@link AccessInterceptor}; this chain only lets
 * signed-in people (and the table's public endpoints) reach the application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    /** Who is signed in where: lets an account change end that person's sessions at once (issue 8 item 1). */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when the container drops a session (timeout, logout). */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, BearerTokenFilter bearer, LoginFailureHandler failureHandler, AccessTable table,
                            SessionRegistry sessions, PasswordChangeGate passwordGate,
                            @Value("${cfp.security.public-api-docs:false}") boolean publicApiDocs,
                            @Value("${cfp.security.tls:false}") boolean tls) throws Exception {
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/css/**", "/js/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
                    if (publicApiDocs) {
                        // the OpenAPI description of the REST API (no data), public only when configured (issue 8 item 6)
                        auth.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    }
                    table.publicEndpoints().forEach(e -> auth.requestMatchers(HttpMethod.valueOf(e.method()), e.pattern()).permitAll());
                    // everything else: signed in; which role and which record is the access table's (AccessInterceptor)
                    auth.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").successHandler(passwordGate.successHandler())
                        .failureHandler(failureHandler).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // every signed-in session is registered, so that disabling a person or changing their roles ends it
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?ended"))
                .addFilterAfter(passwordGate, org.springframework.security.web.access.ExceptionTranslationFilter.class)
                // API clients authenticate with a bearer token and send no session cookie: CSRF does not apply to them.
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearerToken))
                // API calls get 401/403 JSON-friendly statuses instead of a redirect to the login page
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), req -> req.getRequestURI().startsWith(req.getContextPath() + "/api/")))
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .headers(h -> {
                    h.contentSecurityPolicy(csp -> csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"));
                    h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
                    h.permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=(), usb=()"));
                    if (tls) {
                        // served over TLS (perhaps behind a proxy that terminates it): HSTS on every answer (issue 8 item 8)
                        h.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                .maxAgeInSeconds(31_536_000).includeSubDomains(true));
                    }
                });
        return http.build();
    }

    /** The password gate runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<PasswordChangeGate> passwordChangeGateRegistration(PasswordChangeGate filter) {
        FilterRegistrationBean<PasswordChangeGate> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** The bearer filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

}
