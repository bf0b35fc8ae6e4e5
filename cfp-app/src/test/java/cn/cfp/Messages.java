package cn.cfp;

import cn.cfp.shared.Reason;
import cn.cfp.shared.ReasonTexts;
import cn.cfp.shared.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundles as the application loads them (every {@code i18n/**.properties} base name, UTF-8, every message a
 * MessageFormat pattern), for tests that read a refusal's words or check the bundles themselves.
 */
public final class Messages {

    private static final ResourceBundleMessageSource SOURCE = source();
    private static final ReasonTexts TEXTS = ReasonTexts.of(SOURCE);

    private Messages() {
    }

    /** The base names of every bundle under {@code i18n/} (e.g. {@code i18n/reasons/cases}). */
    public static List<String> baseNames() {
        try {
            TreeSet<String> names = new TreeSet<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/**/*.properties")) {
                String path = r.getURL().getPath();
                String rel = path.substring(path.lastIndexOf("/i18n/") + 1, path.length() - ".properties".length());
                names.add(rel.replaceFirst("_en$", ""));
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String english(Reason r) {
        return TEXTS.text(r, Locale.ENGLISH);
    }

    public static String chinese(Reason r) {
        return TEXTS.text(r, Locale.SIMPLIFIED_CHINESE);
    }

    /** Every reason of a refusal, in English. */
    public static List<String> english(Refusal r) {
        return r.reasons().stream().map(Messages::english).toList();
    }

    /** Every reason of a refusal, in Chinese. */
    public static List<String> chinese(Refusal r) {
        return r.reasons().stream().map(Messages::chinese).toList();
    }

    public static List<String> codes(Refusal r) {
        return codes(r.reasons());
    }

    public static List<String> codes(List<Reason> reasons) {
        return reasons.stream().map(Reason::code).toList();
    }

    static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource s = new ResourceBundleMessageSource();
        s.setBasenames(baseNames().toArray(String[]::new));
        s.setDefaultEncoding("UTF-8");
        s.setFallbackToSystemLocale(false);
        s.setAlwaysUseMessageFormat(true);
        return s;
    }
}
