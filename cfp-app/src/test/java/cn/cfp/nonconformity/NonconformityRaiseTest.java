package cn.cfp.nonconformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Refusal;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** R-NC-1: raising nonconformities on a case at its on-site stage; the named policy R-NC-2 sees them. */
@CfpIntegrationTest
class NonconformityRaiseTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Nonconformities ncs;

    static String code(Runnable r) {
        try {
            r.run();
        } catch (Refusal e) {
            return e.reasons().get(0).code();
        }
        throw new AssertionError("not refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNCA-CFP-00", "CNEX-01-G", "CEC-FURNITURE", "CGC-R52003", "CICC-ZY-GZ-20"})
    void the_fixture_brings_every_scheme_to_its_on_site_stage(String scheme) {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted(scheme);
        assertThat(fx.stages(app)).containsAnyOf(Stage.PRELIMINARY_EVALUATION, Stage.ON_SITE_INSPECTION, Stage.VERIFICATION);
    }

    @Test
    void a_team_member_raises_numbered_nonconformities_and_the_policy_lists_the_open_ones_R_NC_1_R_NC_2() {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        NonconformityView one = ncs.raise(fx.who("inspector"), app, new NewNonconformity(Stage.ON_SITE_INSPECTION, "A1-2.3@1",
                "000 Ann.1 §2.3", "记录保存期限不足 3 年", null, null, null));
        NonconformityView two = ncs.raise(fx.who("verifier"), app, new NewNonconformity(Stage.VERIFICATION, "BOUNDARY",
                "000 Ann.2 §4.3.1", "系统边界遗漏包装过程", null, null, null));
        assertThat(one.number()).isEqualTo(1);
        assertThat(two.number()).isEqualTo(2);
        assertThat(one.status()).isEqualTo(NonconformityStatus.RAISED);
        assertThat(ncs.noneOpen(app, Set.of(Stage.ON_SITE_INSPECTION)).reasons()).hasSize(1);
        assertThat(ncs.noneOpen(app, Set.of()).reasons()).extracting(r -> r.code()).containsExactly("nonconformity.open", "nonconformity.open");
        // the same checklist item twice while open; someone not on the team; no description
        assertThat(code(() -> ncs.raise(fx.who("inspector"), app, new NewNonconformity(Stage.ON_SITE_INSPECTION, "A1-2.3@1",
                "000 Ann.1 §2.3", "again", null, null, null)))).isEqualTo("nonconformity.alreadyRaised");
        assertThat(code(() -> ncs.raise(fx.who("pm"), app, new NewNonconformity(Stage.ON_SITE_INSPECTION, "A1-2.4@1",
                "000 Ann.1 §2.4", "x", null, null, null)))).isEqualTo("nonconformity.notOnTeam");
        assertThat(code(() -> ncs.raise(fx.who("inspector"), app, new NewNonconformity(Stage.ON_SITE_INSPECTION, "A1-2.4@1",
                "000 Ann.1 §2.4", " ", null, null, null)))).isEqualTo("nonconformity.descriptionRequired");
        assertThat(ncs.of(app)).hasSize(2);
    }

    @Test
    void cgc_classes_agree_with_the_effect_on_the_result_10_percent_003_70() {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CGC-R52003");
        assertThat(code(() -> ncs.raise(fx.who("verifier"), app, new NewNonconformity(Stage.VERIFICATION, "DATA", "003 ¶65",
                "电力数据与发票不符", null, null, null)))).isEqualTo("nonconformity.classRequired");
        assertThat(code(() -> ncs.raise(fx.who("verifier"), app, new NewNonconformity(Stage.VERIFICATION, "DATA", "003 ¶65",
                "电力数据与发票不符", "GENERAL", new BigDecimal("10.0"), null)))).isEqualTo("nonconformity.effectTooLarge");
        assertThat(code(() -> ncs.raise(fx.who("verifier"), app, new NewNonconformity(Stage.VERIFICATION, "DATA", "003 ¶65",
                "电力数据与发票不符", "SERIOUS", new BigDecimal("9.99"), null)))).isEqualTo("nonconformity.effectTooSmall");
        NonconformityView serious = ncs.raise(fx.who("verifier"), app, new NewNonconformity(Stage.VERIFICATION, "DATA", "003 ¶65",
                "电力数据与发票不符", "SERIOUS", new BigDecimal("10.0"), null));
        assertThat(serious.ncClass()).isEqualTo("SERIOUS");
        assertThat(ncs.raise(fx.who("verifier"), app, new NewNonconformity(Stage.VERIFICATION, "CUTOFF", "003 ¶21",
                "取舍说明不充分", "OBSERVATION", null, null)).number()).isEqualTo(2);
    }
}
