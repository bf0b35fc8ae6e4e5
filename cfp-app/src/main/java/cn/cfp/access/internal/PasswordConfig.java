package cn.cfp.access.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, also needed by command-line runs without the web server. */
@Configuration(proxyBeanMethods = false)
class PasswordConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, with the {id} prefix so the algorithm can be upgraded later without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
