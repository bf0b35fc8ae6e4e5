package cn.cfp.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.audit.AuditTrail;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R-REC-1: `cfp audit verify` prints the verdict and exits non-zero on a broken chain. */
@CfpIntegrationTest
class AuditVerifyCommandTest {

    @Autowired
    AuditVerifyCommand command;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;

    @Test
    void audit_verify_exits_0_on_an_intact_chain_and_3_naming_the_record_on_a_broken_one() {
        long seq = trail.record("tester", "CLI_TEST", "thing:cli", Map.of("k", "v")).seq();
        assertThat(run()).startsWith("audit chain intact");
        assertThat(command.getExitCode()).isZero();

        jdbc.sql("UPDATE audit_record SET action = 'FORGED' WHERE seq = :s").param("s", seq).update();
        try {
            assertThat(run()).contains("BROKEN at record #" + seq);
            assertThat(command.getExitCode()).isEqualTo(3);
        } finally {
            jdbc.sql("UPDATE audit_record SET action = 'CLI_TEST' WHERE seq = :s").param("s", seq).update();
        }
        run();
        assertThat(command.getExitCode()).isZero();
    }

    private String run() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.run(new DefaultApplicationArguments("audit", "verify"));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
