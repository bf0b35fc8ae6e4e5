package cn.cfp.access.internal;

import static cn.cfp.access.Role.ADMIN;
import static cn.cfp.access.Role.ARCHIVIST;

import cn.cfp.access.Role;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Who may call which endpoint. Every endpoint is listed here; anything not listed is denied,
 * so a new endpoint is unreachable until somebody states who may call it. Record-level rules
 * (a client sees only its own organisation's files) live in the services.
 * The role x endpoint matrix test (AccessMatrixTest) walks this table.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfig {

    static String[] staff() {
        return Role.STAFF.stream().map(Enum::name).toArray(String[]::new);
    }

    static String[] staffAndClients() {
        String[] staff = staff();
        String[] all = Arrays.copyOf(staff, staff.length + 1);
        all[staff.length] = Role.CLIENT.name();
        return all;
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, BearerTokenFilter bearer, LoginFailureHandler failureHandler) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // public
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // any logged-in person
                        .requestMatchers(HttpMethod.GET, "/", "/mywork").authenticated()
                        .requestMatchers(HttpMethod.GET, "/schemes", "/schemes/**", "/api/schemes", "/api/schemes/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/calendar", "/api/calendar/**").authenticated()
                        .requestMatchers("/tokens", "/tokens/**").authenticated()
                        // administration
                        .requestMatchers(HttpMethod.POST, "/calendar/**").hasRole(ADMIN.name())
                        .requestMatchers("/admin/users", "/admin/users/**", "/admin/organisations").hasRole(ADMIN.name())
                        .requestMatchers("/admin/audit", "/admin/audit/**", "/api/audit/**").hasAnyRole(ADMIN.name(), ARCHIVIST.name())
                        // evidence: staff and client users; which case a person may see is checked per record
                        .requestMatchers("/evidence", "/evidence/**", "/api/evidence", "/api/evidence/**").hasAnyRole(staffAndClients())
                        // client parties: only client users (for their own company and the parties it registered)
                        .requestMatchers("/portal", "/portal/**", "/api/parties", "/api/parties/**").hasRole(Role.CLIENT.name())
                        // applications, notices, planning, personnel: staff and clients; the services check the case
                        // what the client does on its application
                        .requestMatchers(HttpMethod.POST, "/applications", "/api/applications",
                                "/applications/*/products", "/applications/*/products/*/remove", "/api/applications/*/products",
                                "/applications/*/documents/**", "/api/applications/*/documents/**",
                                "/applications/*/eligibility", "/api/applications/*/eligibility",
                                "/applications/*/submit", "/api/applications/*/submit",
                                "/applications/*/form", "/api/applications/*/form").hasRole(Role.CLIENT.name())
                        // what the application reviewer (project manager) decides
                        .requestMatchers(HttpMethod.POST, "/applications/*/supplement", "/api/applications/*/supplement",
                                "/applications/*/accept", "/api/applications/*/accept", "/applications/*/refuse", "/api/applications/*/refuse",
                                "/applications/*/terminate", "/api/applications/*/terminate", "/applications/*/units", "/api/applications/*/units",
                                "/applications/*/clock/*", "/api/applications/*/clock/*")
                        .hasAnyRole(Role.PROJECT_MANAGER.name(), ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/applications/*/document-review", "/api/applications/*/document-review")
                        .hasAnyRole(Role.PROJECT_MANAGER.name(), Role.INSPECTOR.name(), Role.VERIFIER.name())
                        // reading applications: staff, and clients for their own (checked per record)
                        .requestMatchers(HttpMethod.GET, "/applications", "/applications/**", "/api/applications", "/api/applications/**")
                        .hasAnyRole(staffAndClients())
                        // planning (R-PLAN): the client objects to the team; the project manager plans and approves;
                        // team inspectors/verifiers write the inspection scheme and verification plan (checked per plan)
                        .requestMatchers(HttpMethod.POST, "/planning/*/objections", "/api/planning/*/objections").hasRole(Role.CLIENT.name())
                        .requestMatchers(HttpMethod.POST, "/planning/*/approval", "/api/planning/*/approval").hasRole(Role.PROJECT_MANAGER.name())
                        .requestMatchers(HttpMethod.POST, "/planning/*/inspection-scheme", "/planning/*/verification-plan")
                        .hasAnyRole(Role.PROJECT_MANAGER.name(), ADMIN.name(), Role.INSPECTOR.name(), Role.VERIFIER.name())
                        .requestMatchers(HttpMethod.PUT, "/api/planning/*/inspection-scheme", "/api/planning/*/verification-plan")
                        .hasAnyRole(Role.PROJECT_MANAGER.name(), ADMIN.name(), Role.INSPECTOR.name(), Role.VERIFIER.name())
                        .requestMatchers(HttpMethod.POST, "/api/planning/*/team/check").hasAnyRole(staff())
                        .requestMatchers(HttpMethod.POST, "/planning/**", "/api/planning/**").hasAnyRole(Role.PROJECT_MANAGER.name(), ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/planning/**").hasAnyRole(Role.PROJECT_MANAGER.name(), ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/planning", "/api/planning/*/candidates").hasAnyRole(staff())
                        .requestMatchers(HttpMethod.GET, "/planning", "/planning/*", "/api/planning/*",
                                "/planning/*/notices/*", "/api/planning/*/notices/*").hasAnyRole(staffAndClients())
                        // personnel (R-PER): everyone on the staff declares conflicts; competence evaluators and admins edit profiles
                        .requestMatchers(HttpMethod.POST, "/personnel/*/conflicts").hasAnyRole(staff())
                        .requestMatchers(HttpMethod.PUT, "/api/personnel/*/conflicts/*").hasAnyRole(staff())
                        .requestMatchers(HttpMethod.POST, "/personnel/*").hasAnyRole(ADMIN.name(), Role.COMPETENCE_EVALUATOR.name())
                        .requestMatchers(HttpMethod.PUT, "/api/personnel/*").hasAnyRole(ADMIN.name(), Role.COMPETENCE_EVALUATOR.name())
                        .requestMatchers(HttpMethod.GET, "/personnel", "/personnel/*", "/api/personnel", "/api/personnel/*").hasAnyRole(staff())
                        .requestMatchers("/dashboard", "/api/dashboard/**").hasAnyRole(staff())
                        .requestMatchers("/api/revocations").hasAnyRole(Role.PROJECT_MANAGER.name(), ADMIN.name())
                        // the OpenAPI description of the REST API (no data)
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().denyAll())
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
