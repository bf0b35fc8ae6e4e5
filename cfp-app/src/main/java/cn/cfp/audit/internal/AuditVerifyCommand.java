package cn.cfp.audit.internal;

import cn.cfp.audit.AuditTrail;
import cn.cfp.audit.ChainVerdict;
import cn.cfp.shared.ReasonTexts;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code cfp audit verify}: verifies the chain, prints the verdict and sets the exit code
 * (0 intact, 3 broken), in English (for operators' logs). Started by the {@code ./cfp} script with the web
 * server off.
 */
@Component
@Order(0)
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditTrail trail;
    private final ReasonTexts texts;
    private int exitCode;

    AuditVerifyCommand(AuditTrail trail, ReasonTexts texts) {
        this.trail = trail;
        this.texts = texts;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.size() >= 2 && words.get(0).equals("audit") && words.get(1).equals("verify")) {
            ChainVerdict verdict = trail.verify();
            System.out.println(texts.text(verdict.summary(), Locale.ENGLISH));
            exitCode = verdict.intact() ? 0 : 3;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
