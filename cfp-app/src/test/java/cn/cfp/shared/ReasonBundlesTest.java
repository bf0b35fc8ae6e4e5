package cn.cfp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Refusals are codes; their words live in the message bundles, in Chinese (the default) and English. Every code the
 * code base uses must be in both, with the same arguments, and every message must be a valid MessageFormat pattern —
 * so no person ever sees a bare code or a broken sentence.
 */
class ReasonBundlesTest {

    static final Path MAIN = Path.of("src/main/java");
    /** A string literal that is a message code of a module: {@code "cases.pause.already"}. */
    static final Pattern CODE = Pattern.compile(
            "\"((?:shared|access|application|cases|planning|personnel|party|evidence|calendar|audit|scheme|document|web|notification|evaluation|nonconformity|report|inspection|verification|numbering)\\.[a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)*)\"");

    @Test
    void every_reason_code_used_in_the_code_has_a_chinese_and_an_english_message() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("codes found in the code").hasSizeGreaterThan(100);
        Properties zh = all("");
        Properties en = all("_en");
        List<String> missing = new ArrayList<>();
        for (String code : used) {
            if (!zh.containsKey(code)) {
                missing.add(code + " (zh)");
            }
            if (!en.containsKey(code)) {
                missing.add(code + " (en)");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void chinese_and_english_bundles_have_the_same_keys_and_the_same_arguments_and_parse() {
        Properties zh = all("");
        Properties en = all("_en");
        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
        List<String> problems = new ArrayList<>();
        for (String key : zh.stringPropertyNames()) {
            try {
                int a = new MessageFormat(zh.getProperty(key)).getFormats().length;
                int b = new MessageFormat(en.getProperty(key)).getFormats().length;
                if (a != b) {
                    problems.add(key + ": " + a + " arguments in Chinese, " + b + " in English");
                }
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void a_reason_reads_in_one_language_with_its_arguments() {
        Reason r = Reason.of("cases.pause.already", "CFPA-2026-0001", java.time.LocalDate.of(2026, 3, 1));
        assertThat(Messages.english(r)).isEqualTo("The clock of case CFPA-2026-0001 is paused since 2026-03-01; resume it first");
        assertThat(Messages.chinese(r)).isEqualTo("认证项目 CFPA-2026-0001 已自 2026-03-01 起暂停计时；请先恢复");
        // an apostrophe survives MessageFormat
        assertThat(Messages.english(Reason.of("application.form.noSuchField", "CEC-FURNITURE", "x")))
                .isEqualTo("The application form of CEC-FURNITURE has no field 'x'");
    }

    private static Properties all(String suffix) {
        Properties all = new Properties();
        for (String base : Messages.baseNames()) {
            try (InputStream in = ReasonBundlesTest.class.getClassLoader().getResourceAsStream(base + suffix + ".properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    all.putAll(p);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return all;
    }
}
