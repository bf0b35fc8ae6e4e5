package cn.cfp.access.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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

    @Bean
    SecurityFilterChain web(HttpSecurity http, BearerTokenFilter bearer, LoginFailureHandler failureHandler, AccessTable table)
            throws Exception {
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                            // the OpenAPI description of the REST API (no data)
                            .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    table.publicEndpoints().forEach(e -> auth.requestMatchers(HttpMethod.valueOf(e.method()), e.pattern()).permitAll());
                    // everything else: signed in; which role and which record is the access table's (AccessInterceptor)
                    auth.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/mywork", false)
                        .failureHandler(failureHandler).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // API clients authenticate with a bearer token and send no session cookie: CSRF does not apply to them.
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearerToken))
                // API calls get 401/403 JSON-friendly statuses instead of a redirect to the login page
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), req -> req.getRequestURI().startsWith(req.getContextPath() + "/api/")))
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
    }

    /** The bearer filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

}
