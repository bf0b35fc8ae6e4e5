package cn.cfp.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The message bundles, configured by {@code spring.messages.*} exactly as Spring Boot would, but formatting each message
 * with a {@link MessageFormat} of its own. Spring's {@link ResourceBundleMessageSource} keeps one MessageFormat per code
 * and language and formats under a lock on it; with {@code always-use-message-format} every text goes that way, and
 * under the load test 200 requests rendering the same reasons and labels queued on those locks (JFR contention,
 * docs/performance.md). Parsing a short pattern per call costs microseconds; the bundles themselves stay cached.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfig {

    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        PerCallFormats source = new PerCallFormats();
        source.setBasenames(properties.getBasename().toArray(String[]::new));
        if (properties.getEncoding() != null) {
            source.setDefaultEncoding(properties.getEncoding().name());
        }
        source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        if (properties.getCacheDuration() != null) {
            source.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        if (properties.getCommonMessages() != null && !properties.getCommonMessages().isEmpty()) {
            Properties common = new Properties();
            for (Resource resource : properties.getCommonMessages()) {
                try {
                    PropertiesLoaderUtils.fillProperties(common, resource);
                } catch (IOException e) {
                    throw new UncheckedIOException("spring.messages.common-messages: cannot read " + resource, e);
                }
            }
            source.setCommonMessages(common);
        }
        return source;
    }

    /** A ResourceBundleMessageSource whose MessageFormats are never shared between calls. */
    static final class PerCallFormats extends ResourceBundleMessageSource {

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            String pattern = resolveCodeWithoutArguments(code, locale);
            return pattern == null ? null : createMessageFormat(pattern, locale);
        }
    }
}
