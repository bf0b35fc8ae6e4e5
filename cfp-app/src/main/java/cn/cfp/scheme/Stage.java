package cn.cfp.scheme;

import cn.cfp.shared.Localized;
import java.util.Locale;

/**
 * The closed vocabulary of certification stages. Every {@code flow} step of a scheme file names the canonical stage(s)
 * it consists of (checked at start-up), so each body's flow — CICC's stage 1 / stage 2, CGC's separate verification,
 * CNCA's combined on-site visit — is a route through one and the same case machine.
 *
 * <p>{@link Phase#BEFORE_CASE} stages happen on the application, before a case exists; {@link Phase#CASE} stages form
 * the case's route from acceptance to the decision; {@link Phase#AFTER_DECISION} stages belong to the certificate's life.
 */
public enum Stage implements Localized {
    APPLICATION(Phase.BEFORE_CASE, Responsible.CLIENT, "认证委托", "application"),
    ACCEPTANCE(Phase.BEFORE_CASE, Responsible.CASE_MANAGER, "申请评审与受理", "application review and acceptance"),
    PLANNING(Phase.CASE, Responsible.CASE_MANAGER, "认证策划", "planning"),
    DOCUMENT_REVIEW(Phase.CASE, Responsible.TEAM, "文件评审", "document review"),
    PRELIMINARY_EVALUATION(Phase.CASE, Responsible.TEAM, "一阶段评价", "stage-1 evaluation"),
    ON_SITE_INSPECTION(Phase.CASE, Responsible.TEAM, "现场检查", "on-site inspection"),
    VERIFICATION(Phase.CASE, Responsible.TEAM, "产品碳足迹核查", "PCF verification"),
    NC_CLOSURE(Phase.CASE, Responsible.CLIENT, "不符合项整改与关闭", "nonconformity closure"),
    REPORT(Phase.CASE, Responsible.TEAM, "报告编制", "report"),
    TECHNICAL_REVIEW(Phase.CASE, Responsible.REVIEWER, "技术评审（复核）", "technical review"),
    DECISION(Phase.CASE, Responsible.DECISION_MAKER, "认证决定", "certification decision"),
    SURVEILLANCE(Phase.AFTER_DECISION, Responsible.TEAM, "获证后监督", "surveillance");

    /** Where a stage sits relative to the certification case. */
    public enum Phase { BEFORE_CASE, CASE, AFTER_DECISION }

    /** Who must act while a case is in the stage (derived, never stored). */
    public enum Responsible implements Localized {
        CLIENT("委托方", "the client"),
        CASE_MANAGER("项目经理", "the project manager"),
        TEAM("检查组", "the team"),
        REVIEWER("复核人员", "the reviewer"),
        DECISION_MAKER("认证决定人员", "the decision maker");

        private final String zh;
        private final String en;

        Responsible(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        @Override
        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? en : zh;
        }
    }

    private final Phase phase;
    private final Responsible responsible;
    private final String zh;
    private final String en;

    Stage(Phase phase, Responsible responsible, String zh, String en) {
        this.phase = phase;
        this.responsible = responsible;
        this.zh = zh;
        this.en = en;
    }

    public Phase phase() {
        return phase;
    }

    public Responsible responsible() {
        return responsible;
    }

    @Override
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
