package cn.cfp.planning;

import cn.cfp.CaseFixture;
import cn.cfp.access.Actor;
import org.springframework.context.ApplicationContext;

/** Applications and cases for planning tests, made through the application module's own use cases ({@link CaseFixture}). */
final class PlanningFixture {

    private final CaseFixture cases;
    private final ApplicationContext context;

    PlanningFixture(ApplicationContext context) {
        this.cases = new CaseFixture(context);
        this.context = context;
    }

    /** A person's recorded fields of competence as {@code FIELD:LEVEL:trained:exam:projects}. */
    java.util.List<String> registryFields(long userId) {
        return context.getBean(cn.cfp.personnel.StaffRegistry.class).get(userId).fields().stream()
                .map(f -> f.field() + ":" + f.level() + ":" + f.trained() + ":" + f.examPassed() + ":" + f.projects()).toList();
    }

    Actor who(String username) {
        return cases.who(username);
    }

    long clientOrg(String clientUser) {
        return cases.clientOrg(clientUser);
    }

    /** An application of the client's company with one product, SUBMITTED or ACCEPTED (then its case is open at planning). */
    long application(String clientUser, String schemeCode, String status, String category, Integer bomItems, Integer ghgSources) {
        return "ACCEPTED".equals(status) ? cases.accepted(clientUser, schemeCode, category, bomItems, ghgSources)
                : cases.submitted(clientUser, schemeCode, category, bomItems, ghgSources);
    }

    /** The plan the case's opening started. */
    PlanView plan(long applicationId) {
        return cases.awaitPlan(applicationId);
    }

    long userId(String username) {
        return cases.userId(username);
    }
}
