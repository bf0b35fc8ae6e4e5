package cn.cfp.demo;

import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import cn.cfp.party.ClientRegistration;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data once (idempotent: skipped when the demo body exists) before the web server opens its port, so
 * that the demo logins work as soon as the port answers (issue 8 item 18), and prints how to log in once it is up.
 * On with {@code ./cfp serve}; off for a plain {@code java -jar} ({@code CFP_DEMO}).
 */
@Component
@ConditionalOnProperty(name = "cfp.demo.enabled", havingValue = "true")
@Order(10)
class DemoData implements SmartInitializingSingleton, ApplicationRunner {

    static final String PASSWORD = cn.cfp.access.PasswordPolicy.DEMO_PASSWORD;
    static final String BODY = "华绿产品认证中心（演示）";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organisations organisations;
    private final UserDirectory users;
    private final String baseUrl;
    private final ApplicationArguments arguments;
    private final TransactionTemplate transaction;

    /** Whether this start loaded the demo data (a fresh database): then the demo cases follow ({@link DemoCases}). */
    private volatile boolean loadedNow;

    DemoData(Organisations organisations, UserDirectory users, @Value("${cfp.base-url}") String baseUrl,
             ApplicationArguments arguments, PlatformTransactionManager transactions) {
        this.organisations = organisations;
        this.users = users;
        this.baseUrl = baseUrl;
        this.arguments = arguments;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** After every bean exists (the database migrated), before the web server starts taking requests. */
    @Override
    public void afterSingletonsInstantiated() {
        if (!arguments.getNonOptionArgs().isEmpty()) {
            return; // a CLI command (e.g. `audit verify`), not the platform
        }
        loadedNow = Boolean.TRUE.equals(transaction.execute(status -> {
            if (organisations.findByName(BODY).isEmpty()) {
                load();
                return true;
            }
            return false;
        }));
    }

    boolean loadedNow() {
        return loadedNow;
    }

    /** Demo user name -> (display name, role). */
    static Map<String, Object[]> staff() {
        Map<String, Object[]> m = new LinkedHashMap<>();
        m.put("admin", new Object[] {"系统管理员 王敏", Role.ADMIN});
        m.put("pm", new Object[] {"项目经理 李强", Role.PROJECT_MANAGER});
        m.put("inspector", new Object[] {"检查员 张伟", Role.INSPECTOR});
        m.put("inspector2", new Object[] {"检查员 陈静", Role.INSPECTOR});
        m.put("verifier", new Object[] {"核查员 刘洋", Role.VERIFIER});
        m.put("expert", new Object[] {"技术专家 赵磊", Role.TECHNICAL_EXPERT});
        m.put("reviewer", new Object[] {"复核人员 孙丽", Role.REVIEWER});
        m.put("decider", new Object[] {"认证决定人员 周涛", Role.DECISION_MAKER});
        m.put("preparer", new Object[] {"证书编制 吴娜", Role.PREPARER});
        m.put("evaluator", new Object[] {"能力评价 郑凯", Role.COMPETENCE_EVALUATOR});
        m.put("schemer", new Object[] {"方案制定 冯雪", Role.SCHEME_MANAGER});
        m.put("archivist", new Object[] {"档案管理 何平", Role.ARCHIVIST});
        m.put("regulator", new Object[] {"监管机构 观察员", Role.REGULATOR});
        return m;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().isEmpty()) {
            return;
        }
        log.info("""

                ==================================================================
                 CFP is running at {}
                 Log in as  admin / {}  (administrator)
                 Other demo users, same password: pm, inspector, inspector2, verifier,
                 expert, reviewer, decider, preparer, evaluator, schemer, archivist,
                 regulator; client users: client-motor, client-furniture
                ==================================================================""", baseUrl, PASSWORD);
    }

    private void load() {
        long body = organisations.create("system", BODY, "Hualv Product Certification Centre (demo)", "91110108MA01ABCD5T",
                Organisation.Kind.BODY);
        staff().forEach((username, v) -> users.create("system", username, (String) v[0], PASSWORD, Set.of((Role) v[1]),
                v[1] == Role.REGULATOR ? null : body));
        // the demo clients are onboarded as the body onboards a company (R-PTY-1): with address, legal representative and
        // contact, so that their certificates print every party's name and address [000 Annex 3 items 2-4]
        long motor = organisations.registerClient("system", new ClientRegistration("南阳华安防爆电机有限公司（演示）",
                "Nanyang Hua'an Explosion-proof Motor Co. (demo)", "91411300MA44XY0125", "河南省南阳市示范区演示路 18 号",
                "张华安（演示）", "李联络（演示）", "0377-6000 0000"), null);
        long furniture = organisations.registerClient("system", new ClientRegistration("浙江森雅家具有限公司（演示）",
                "Zhejiang Senya Furniture Co. (demo)", "91330100MA27ABC34B", "浙江省杭州市余杭区演示大道 66 号",
                "王森雅（演示）", "赵联络（演示）", "0571-8000 0000"), null);
        users.create("system", "client-motor", "华安电机 申请联系人", PASSWORD, Set.of(Role.CLIENT), motor);
        users.create("system", "client-furniture", "森雅家具 申请联系人", PASSWORD, Set.of(Role.CLIENT), furniture);
    }
}
