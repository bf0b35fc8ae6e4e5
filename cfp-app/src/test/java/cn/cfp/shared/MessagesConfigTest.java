package cn.cfp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** The message source formats with a MessageFormat per call and says exactly what Spring's own would. */
class MessagesConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, MessageSourceAutoConfiguration.class))
            .withUserConfiguration(MessagesConfig.class)
            .withPropertyValues("spring.messages.basename=i18n/reasons/cases", "spring.messages.always-use-message-format=true",
                    "spring.messages.fallback-to-system-locale=false", "spring.messages.encoding=UTF-8");

    @Test
    void the_application_message_source_is_configured_from_spring_messages_and_formats_per_call() {
        context.run(ctx -> {
            MessageSource source = ctx.getBean("messageSource", MessageSource.class);
            assertThat(source).isInstanceOf(MessagesConfig.PerCallFormats.class);
            // basename, UTF-8 and MessageFormat escaping (pause''s) all applied
            assertThat(source.getMessage("cases.resume.dateInvalid", new Object[] {"2026-01-05", "2025-12-31"}, Locale.ENGLISH))
                    .isEqualTo("The clock resumes between the pause's start (2026-01-05) and today, got 2025-12-31");
            assertThat(source.getMessage("cases.notAccepted", new Object[] {"CFP-2026-0001"}, Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("申请 CFP-2026-0001 尚未受理，还没有认证项目");
        });
    }

    @Test
    void two_calls_never_share_a_message_format() {
        MessagesConfig.PerCallFormats source = new MessagesConfig.PerCallFormats();
        source.setBasenames("i18n/reasons/cases");
        source.setDefaultEncoding("UTF-8");
        assertThat(source.resolveCode("cases.notAccepted", Locale.ENGLISH))
                .isNotNull()
                .isNotSameAs(source.resolveCode("cases.notAccepted", Locale.ENGLISH));
        assertThat(source.resolveCode("no.such.code", Locale.ENGLISH)).isNull();
    }

    @Test
    void every_message_of_every_bundle_reads_the_same_as_with_spring_s_shared_formats() throws IOException {
        List<String> baseNames = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/**/*.properties")) {
            String path = r.getURL().getPath();
            if (path.endsWith("_en.properties")) {
                continue;
            }
            baseNames.add(path.substring(path.lastIndexOf("/i18n/") + 1, path.length() - ".properties".length()));
            Properties p = PropertiesLoaderUtils.loadProperties(r);
            p.stringPropertyNames().forEach(codes::add);
        }
        ResourceBundleMessageSource spring = new ResourceBundleMessageSource();
        MessagesConfig.PerCallFormats ours = new MessagesConfig.PerCallFormats();
        for (ResourceBundleMessageSource s : List.of(spring, ours)) {
            s.setBasenames(baseNames.toArray(String[]::new));
            s.setDefaultEncoding("UTF-8");
            s.setFallbackToSystemLocale(false);
            s.setAlwaysUseMessageFormat(true);
        }
        Object[] args = {"甲", "B", "3", "2026-12-02", "e"};
        assertThat(codes).hasSizeGreaterThan(100);
        for (String code : codes) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertThat(ours.getMessage(code, args, locale)).as(code + " " + locale).isEqualTo(spring.getMessage(code, args, locale));
                assertThat(ours.getMessage(code, null, locale)).as(code + " " + locale).isEqualTo(spring.getMessage(code, null, locale));
            }
        }
    }
}
