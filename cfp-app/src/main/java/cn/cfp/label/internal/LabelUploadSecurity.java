package cn.cfp.label.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The label check's upload ({@code POST /verify-label}) is public and changes nothing: it reads a picture and sends the
 * person to the check of the payload found (a GET). A CSRF token protects what a signed-in session may do; an anonymous
 * look-up has nothing to protect, and an anonymous visitor (or a phone's browser that opened the page from a link)
 * should not fail on a missing token. So this one endpoint has its own chain: anyone, no CSRF, the default security
 * headers. Everything else stays with the application's chain (access.internal.SecurityConfig).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class LabelUploadSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain labelUpload(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/verify-label"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable());
        return http.build();
    }
}
