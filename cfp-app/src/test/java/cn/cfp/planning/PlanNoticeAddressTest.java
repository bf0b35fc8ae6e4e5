package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 8 item 17: the team notice is addressed to the client company ("致：<company>") and signed by the certification
 * body, not "To: CFPA-2026-0001 … 认证机构"; item 12: it speaks one language, the reader's.
 */
@CfpIntegrationTest
class PlanNoticeAddressTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    Plans plans;
    @Autowired
    Organisations organisations;

    @Test
    void the_team_notice_is_addressed_to_the_company_and_signed_by_the_body_in_the_readers_one_language() throws IOException {
        PlanningFixture fx = new PlanningFixture(context);
        TestHttp http = new TestHttp(port, users, tokens);
        long app = fx.application("client-motor", "CEC-FURNITURE", "ACCEPTED", "木家具", null, null);
        plans.proposeTeam(fx.who("pm"), app, "FURNITURE", List.of(new MemberInput(fx.userId("inspector"), TeamRole.LEADER),
                new MemberInput(fx.userId("inspector2"), TeamRole.INSPECTOR)));
        String company = organisations.find(fx.clientOrg("client-motor")).orElseThrow().name();
        String body = organisations.all().stream().filter(o -> o.kind() == Organisation.Kind.BODY).findFirst().orElseThrow().name();
        String reference = plans.forApplication(app).orElseThrow().applicationReference();

        String chinese = text(http.sendForBytes("/planning/" + app + "/notices/team.pdf", "client-motor"));
        assertThat(chinese).contains("检查组组成通知书").contains("致：" + company).contains(body)
                .doesNotContain("致：" + reference).doesNotContain("Notice of the Inspection Team").doesNotContain("To:");

        String english = text(http.sendForBytes("/planning/" + app + "/notices/team.pdf?lang=en", "client-motor"));
        assertThat(english).contains("Notice of the Inspection Team").contains("To: " + company).contains(body)
                .contains("team leader").doesNotContain("检查组组成通知书").doesNotContain("致：").doesNotContain("如对检查组成员有异议");
    }

    private static String text(HttpResponse<byte[]> pdf) throws IOException {
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
