package cn.cfp.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.body.BodyIdentity;
import cn.cfp.scheme.CertificateContent;
import cn.cfp.scheme.LocalizedText;
import cn.cfp.scheme.Step;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The certificate's rules without a server [R-CERT-1, R-CERT-3]: who may prepare and check, the derived stage and
 * status, and the annex pages of a certificate of several products.
 */
class CertificateRulesTest {

    static final long DECIDER = 7;
    static final long REVIEWER = 8;

    static CertificateContent content(boolean preparerMayNotDecide) {
        return new CertificateContent(LocalizedText.of("产品碳足迹标识认证证书", null), LocalizedText.of("上述产品符合……的要求。", null),
                LocalizedText.of("GB/T 24067", null), List.of(CertificateContent.Addition.STAGE_SHARES),
                List.of(new Step("A", LocalizedText.of("a. 名称", "a. name")), new Step("B", LocalizedText.of("b. 证书编号", "b. number"))),
                preparerMayNotDecide, true);
    }

    static Actor actor(long id, Role... roles) {
        return new Actor(id, "u" + id, "U" + id, Set.of(roles), null);
    }

    static Certificate certificate(List<Certificate.Entry> entries, List<Certificate.Issue> issues) {
        return new Certificate(1, 1, "CFP-2026-0001", "CNEX-01-G", LocalDate.of(2026, 12, 1), DECIDER, List.of(REVIEWER), entries,
                issues, CertificateJson.INSTANCE);
    }

    static Certificate.Entry entry(int seq, Certificate.Kind kind, long actor, String data) {
        return new Certificate.Entry(seq, kind, actor, "u" + actor, Instant.parse("2026-12-01T00:00:00Z"), data);
    }

    static String draftJson() {
        return CertificateJson.INSTANCE.write(new CertificateDraft("张签发", "GB/T 24067", "123", "单元", null, null, null, null));
    }

    static CertificateData data(int products) {
        List<PublicCertificate.Product> ps = new ArrayList<>();
        for (int i = 1; i <= products; i++) {
            ps.add(new PublicCertificate.Product("防爆电机 " + i, "YBX3-" + i, new BigDecimal("18.5"), "kgCO2e", "1 台"));
        }
        return new CertificateData("华安电机", "南阳市一路 1 号", "华安电机", "南阳市一路 1 号", "华安电机工厂", "南阳市二路 2 号", "YBX3 系列",
                ps, "1 台", "从摇篮到大门", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "初始检查+产品碳足迹核查+获证后监督",
                42, "ab".repeat(32), 18.5, List.of(new CertificateData.StageShare("PRODUCTION", new BigDecimal("64.9"))));
    }

    @Test
    void a_cnex_preparer_who_decided_or_reviewed_the_case_is_refused_but_not_where_the_scheme_has_no_such_rule_001_9_9() {
        Certificate c = certificate(List.of(entry(1, Certificate.Kind.DRAFTED, 0, draftJson())), List.of());
        Actor decider = actor(DECIDER, Role.PREPARER);
        Actor reviewer = actor(REVIEWER, Role.PREPARER);
        assertThat(c.preparer(decider, content(true)).reasons()).extracting(Reason::code).containsExactly("certificate.preparerDecided");
        assertThat(c.preparer(reviewer, content(true)).reasons()).extracting(Reason::code).containsExactly("certificate.preparerDecided");
        assertThat(c.preparer(decider, content(false)).allowed()).isTrue();
        assertThat(c.preparer(actor(99, Role.REVIEWER), content(false)).reasons()).extracting(Reason::code)
                .containsExactly("certificate.notPreparer");
        assertThatThrownBy(() -> c.edit(decider, new CertificateDraft(null, null, null, null, null, null, null, null), content(true)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(403));
    }

    @Test
    void the_checker_is_not_the_preparer_and_ticks_every_field_then_the_stage_follows_from_the_history() {
        Actor preparer = actor(20, Role.PREPARER, Role.REVIEWER);
        String confirmation = CertificateJson.INSTANCE.confirmation(data(1), CertificateJson.INSTANCE.draft(draftJson()));
        Certificate confirmed = certificate(List.of(entry(1, Certificate.Kind.DRAFTED, 0, draftJson()),
                entry(2, Certificate.Kind.CONFIRMED, preparer.id(), confirmation)), List.of());
        assertThat(confirmed.stage()).isEqualTo(Certificate.Stage.CONFIRMED);
        assertThat(confirmed.confirmed().orElseThrow().data().footprintKgCo2e()).isEqualTo(18.5);
        assertThatThrownBy(() -> confirmed.check(preparer, Set.of("A", "B"), content(true)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reasons()).extracting(Reason::code)
                        .containsExactly("certificate.checkerIsPreparer"));
        Actor checker = actor(30, Role.REVIEWER);
        assertThatThrownBy(() -> confirmed.check(checker, Set.of("A"), content(true)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reasons()).extracting(Reason::field)
                        .containsExactly("field-B"));
        String ticks = confirmed.check(checker, Set.of("A", "B"), content(true));
        // an edit after confirmation withdraws it and the checks with it
        Certificate edited = certificate(List.of(entry(1, Certificate.Kind.DRAFTED, 0, draftJson()),
                entry(2, Certificate.Kind.CONFIRMED, preparer.id(), confirmation), entry(3, Certificate.Kind.CHECKED, checker.id(), ticks),
                entry(4, Certificate.Kind.EDITED, preparer.id(), draftJson())), List.of());
        assertThat(edited.stage()).isEqualTo(Certificate.Stage.DRAFT);
        assertThat(edited.confirmed()).isEmpty();
        assertThat(edited.checked()).isEmpty();
    }

    @Test
    void an_issued_certificate_is_valid_through_its_validity_date_and_expired_the_day_after() {
        LocalDate until = LocalDate.of(2028, 11, 30);
        Certificate c = certificate(List.of(entry(1, Certificate.Kind.DRAFTED, 0, draftJson())),
                List.of(new Certificate.Issue("CFP012320261230001", 1, LocalDate.of(2026, 12, 1), until, "decider", Instant.now())));
        assertThat(c.status(until)).contains(CertificateStatus.VALID);
        assertThat(c.status(until.plusDays(1))).contains(CertificateStatus.EXPIRED);
        assertThatThrownBy(c::requireIssuable).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.reasons()).extracting(Reason::code).containsExactly("certificate.alreadyIssued"));
    }

    @Test
    void the_printed_footprint_keeps_three_decimals_at_most() {
        assertThat(Certificates.printed(18.5).toPlainString()).isEqualTo("18.5");
        assertThat(Certificates.printed(18.49999).toPlainString()).isEqualTo("18.5");
        assertThat(Certificates.printed(0.12345).toPlainString()).isEqualTo("0.123");
        assertThat(Certificates.printed(20.0).toPlainString()).isEqualTo("20");
    }

    @Test
    void several_products_go_on_annex_pages_with_the_summary_table_and_the_sentence_tying_them_to_the_number_000_annex_3()
            throws IOException {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/certificate");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        BodyIdentity body = mock(BodyIdentity.class);
        when(body.querySite()).thenReturn("https://cfp.example.cn");
        when(body.approvalNumber()).thenReturn("CNCA-R-2020-123");
        CertificateData d = data(25);
        PublicCertificate record = new PublicCertificate("CFP012320261230001", "CNEX-01-G", 1, d.holderName(), d.holderAddress(),
                d.manufacturerName(), d.manufacturerAddress(), d.factoryName(), d.factoryAddress(), d.unit(), d.products(),
                d.functionalUnit(), d.systemBoundary(), d.dataFrom(), d.dataTo(), "GB/T 24067", d.mode(), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 1), null, LocalDate.of(2028, 11, 30), "示例认证机构", "北京市", "https://cfp.example.cn/c/CFP012320261230001",
                null, null);
        byte[] pdf = new CertificatePdf(messages).render(new CertificatePdf.Content(record, content(true), d,
                CertificateJson.INSTANCE.draft(draftJson()), List.of(), body, null));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // the main page and two annex pages of 20 + 5 products
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper strip = new PDFTextStripper();
            strip.setStartPage(1);
            strip.setEndPage(1);
            String main = strip.getText(doc);
            assertThat(main).contains("CFP-0123-2026-123-0001", "见证书附页", "2028年11月30日", "生产 64.9%", "https://cfp.example.cn");
            strip.setStartPage(3);
            strip.setEndPage(3);
            String annex2 = strip.getText(doc);
            assertThat(annex2).contains("证书附页（第 2页，共 2页）", "产品碳足迹认证信息汇总表", "防爆电机 25", "YBX3-25", "18.5",
                    "此证书附件需与编号CFP-0123-2026-123-0001的中国产品碳足迹标识认证证书同时使用方为有效。");
        }
    }
}
