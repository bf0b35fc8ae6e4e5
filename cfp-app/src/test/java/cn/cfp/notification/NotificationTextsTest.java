package cn.cfp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.Messages;
import cn.cfp.planning.TeamRole;
import cn.cfp.scheme.Stage;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Issue 8 item 16: every kind of notification has a subject and a body in Chinese and in English, which differ, name
 * no scheme, and read as written with their arguments (reference, stage, role) in the reader's language.
 */
class NotificationTextsTest {

    static final ResourceBundleMessageSource BUNDLES = bundles();

    static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource s = new ResourceBundleMessageSource();
        s.setBasenames(Messages.baseNames().toArray(String[]::new));
        s.setDefaultEncoding("UTF-8");
        s.setFallbackToSystemLocale(false);
        s.setAlwaysUseMessageFormat(true);
        return s;
    }

    final NotificationTexts texts = new NotificationTexts(BUNDLES, "https://cfp.example.cn/");

    @Test
    void every_kind_has_a_subject_and_a_body_in_both_languages_that_name_no_scheme() {
        for (NotificationKind kind : NotificationKind.values()) {
            for (String key : List.of(kind.subjectKey(), kind.bodyKey())) {
                String zh = BUNDLES.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE);
                String en = BUNDLES.getMessage(key, null, null, Locale.ENGLISH);
                assertThat(zh).as(key + " (zh)").isNotBlank();
                assertThat(en).as(key + " (en)").isNotBlank().isNotEqualTo(zh);
                assertThat(new MessageFormat(zh).getFormats()).as(key).hasSameSizeAs(new MessageFormat(en).getFormats());
                assertThat(zh + en).as(key + " is the same for every scheme").doesNotContain("CNCA", "CNEX", "CGC", "CICC", "CEC");
            }
        }
    }

    @Test
    void the_arguments_are_written_in_the_readers_language() {
        List<Object> stage = List.of(Stage.PLANNING, "CFPA-2026-0007");
        assertThat(texts.subject(NotificationKind.STAGE_TO_ACT, stage, Locale.SIMPLIFIED_CHINESE)).isEqualTo("新任务：CFPA-2026-0007 待认证策划");
        assertThat(texts.subject(NotificationKind.STAGE_TO_ACT, stage, Locale.ENGLISH)).isEqualTo("New task: planning of CFPA-2026-0007");
        // stored and read back, the bilingual argument keeps both languages
        List<Object> stored = NotificationRepository.args(NotificationRepository.argsJson(List.of("CFPA-2026-0007", TeamRole.LEADER)));
        assertThat(texts.body(NotificationKind.TEAM_APPOINTED, stored, Locale.ENGLISH))
                .startsWith("You were appointed to the team of case CFPA-2026-0007 as team leader.");
        assertThat(texts.body(NotificationKind.TEAM_APPOINTED, stored, Locale.SIMPLIFIED_CHINESE))
                .startsWith("您已被任命为认证项目 CFPA-2026-0007 检查组的组长。");
    }

    @Test
    void an_email_adds_the_address_of_the_page_to_act_on_and_where_to_change_the_address() {
        String mail = texts.mail(NotificationKind.PLAN_TO_CONFIRM, List.of("CFPA-2026-0007"), "/planning/12", Locale.ENGLISH);
        assertThat(mail).startsWith("The certification body sent the plan of case CFPA-2026-0007")
                .contains("\n\nGo to it: https://cfp.example.cn/planning/12\n")
                .contains("To change the address or language: https://cfp.example.cn/account");
    }
}
