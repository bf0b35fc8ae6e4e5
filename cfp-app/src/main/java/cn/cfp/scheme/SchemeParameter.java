package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A typed key of a scheme parameter. {@link #key()} is the YAML key in a scheme file and the suffix of the message key
 * {@code scheme.param.<key>} used for labels. {@link #ALL} is the display order of the comparison table.
 */
public final class SchemeParameter<T> {

    /** Display groups of the comparison page (message key {@code scheme.group.<name>}). */
    public enum Group { PROCESS, PLANNING, FINDINGS, CERTIFICATE, SURVEILLANCE, LIFECYCLE, QUANTIFICATION, DISCLOSURE }

    public static final SchemeParameter<ProcedureSteps> CERTIFICATION_MODE = of("certificationMode", ProcedureSteps.class, Group.PROCESS);
    public static final SchemeParameter<Flow> FLOW = of("flow", Flow.class, Group.PROCESS);
    public static final SchemeParameter<UnitDivision> UNIT_DIVISION = of("unitDivision", UnitDivision.class, Group.PROCESS);
    public static final SchemeParameter<ApplicationForm> APPLICATION_FORM = of("applicationForm", ApplicationForm.class, Group.PROCESS);
    public static final SchemeParameter<DocumentChecklist> DOCUMENT_CHECKLIST = of("documentChecklist", DocumentChecklist.class, Group.PROCESS);
    public static final SchemeParameter<Integer> ACCEPTANCE_NOTICE_WORKING_DAYS = integer("acceptanceNoticeWorkingDays", Group.PROCESS,
            (v, l) -> Texts.pick(l, "资料齐全后 " + v + " 个工作日内", v + " working days after the file is complete"));
    public static final SchemeParameter<TimeLimit> TIME_LIMIT = of("timeLimit", TimeLimit.class, Group.PROCESS);
    /** Document-review rounds before the certification is terminated (a body decision where the seeds give no number [D5]). */
    public static final SchemeParameter<Integer> DOCUMENT_REVIEW_ROUNDS = integer("documentReviewRounds", Group.PROCESS,
            (v, l) -> Texts.pick(l, "最多 " + v + " 轮；仍不符合则终止认证", "at most " + v + " rounds; still not conforming → terminated"));
    public static final SchemeParameter<TeamPolicy> TEAM_POLICY = of("teamPolicy", TeamPolicy.class, Group.PLANNING);
    public static final SchemeParameter<ManDayTable> MAN_DAY_TABLE = of("manDayTable", ManDayTable.class, Group.PLANNING);
    public static final SchemeParameter<PlanNotice> VERIFICATION_PLAN_NOTICE = of("verificationPlanNotice", PlanNotice.class, Group.PLANNING);
    /** The on-site visit generally within n working days after the document review conformed or basically conformed (CGC ¶50). */
    public static final SchemeParameter<Integer> ON_SITE_AFTER_DOCUMENT_REVIEW_WORKING_DAYS = integer("onSiteAfterDocumentReviewWorkingDays",
            Group.PLANNING, (v, l) -> Texts.pick(l, "文件评审符合或基本符合要求后一般 " + v + " 个工作日内完成现场检查",
                    "on-site inspection generally within " + v + " working days after the document review (conforms or basically conforms)"));
    /** What the on-site inspection checks and records (R-INS; back-half §1.2–1.6). */
    public static final SchemeParameter<InspectionRules> ON_SITE_INSPECTION = of("onSiteInspection", InspectionRules.class, Group.FINDINGS);
    /** CICC's stage 1 (一阶段核查评价) before the on-site verification [004 §9.5.2]; null in schemes without one. */
    public static final SchemeParameter<PreliminaryEvaluation> PRELIMINARY_EVALUATION = of("preliminaryEvaluation", PreliminaryEvaluation.class, Group.PROCESS);
    /** The most months between the end of stage 1 and the start of stage 2 (≤, the last day included) [004 §9.5.1]. */
    public static final SchemeParameter<Integer> STAGE_GAP_MAX_MONTHS = integer("stageGapMaxMonths", Group.PROCESS,
            (v, l) -> Texts.pick(l, "一、二阶段间隔不超过 " + v + " 个月", "at most " + v + " months between stage 1 and stage 2"));
    /** CGC's claim-and-evidence evaluation before the on-site verification [003 ¶57–63]; null in schemes without one. */
    public static final SchemeParameter<ClaimEvaluation> CLAIM_EVALUATION = of("claimEvaluation", ClaimEvaluation.class, Group.PROCESS);
    public static final SchemeParameter<NonconformityPolicy> NONCONFORMITIES = of("nonconformities", NonconformityPolicy.class, Group.FINDINGS);
    public static final SchemeParameter<DecisionPolicy> DECISION = of("decision", DecisionPolicy.class, Group.FINDINGS);
    public static final SchemeParameter<Independence> INDEPENDENCE = of("independence", Independence.class, Group.FINDINGS);
    public static final SchemeParameter<Integer> VALIDITY_YEARS = integer("validityYears", Group.CERTIFICATE,
            (v, l) -> Texts.pick(l, v + " 年", v + " years"));
    public static final SchemeParameter<Term> RENEWAL_WINDOW = of("renewalWindow", Term.class, Group.CERTIFICATE,
            (v, l) -> Texts.pick(l, "有效期届满前 " + v.summary(l) + "内", "within " + v.summary(l) + " before expiry"));
    public static final SchemeParameter<LocalizedText> RENEWAL_PROCEDURE = of("renewalProcedure", LocalizedText.class, Group.CERTIFICATE,
            (v, l) -> v.in(l));
    public static final SchemeParameter<SurveillancePolicy> SURVEILLANCE = of("surveillance", SurveillancePolicy.class, Group.SURVEILLANCE);
    public static final SchemeParameter<SurveillanceFootprintRule> SURVEILLANCE_FOOTPRINT = of("surveillanceFootprint", SurveillanceFootprintRule.class, Group.SURVEILLANCE);
    public static final SchemeParameter<NcDeadline> SURVEILLANCE_NC_DEADLINE = of("surveillanceNcDeadline", NcDeadline.class, Group.SURVEILLANCE);
    public static final SchemeParameter<Integer> SUSPENSION_MAX_MONTHS = integer("suspensionMaxMonths", Group.LIFECYCLE,
            (v, l) -> Texts.pick(l, "≤ " + v + " 个月", "≤ " + v + " months"));
    public static final SchemeParameter<Integer> STATUS_ACTION_WORKING_DAYS = integer("statusActionWorkingDays", Group.LIFECYCLE,
            (v, l) -> Texts.pick(l, "核实后 " + v + " 个工作日内", "within " + v + " working days after confirming"));
    public static final SchemeParameter<Integer> REAPPLICATION_BAN_MONTHS = integer("reapplicationBanMonths", Group.LIFECYCLE,
            (v, l) -> Texts.pick(l, v + " 个月内不得重新委托", "no new application within " + v + " months"));
    public static final SchemeParameter<FootprintIncreaseRule> FOOTPRINT_INCREASE_RULE = of("footprintIncreaseRule", FootprintIncreaseRule.class, Group.LIFECYCLE);
    public static final SchemeParameter<CutOffRule> CUT_OFF = of("cutOff", CutOffRule.class, Group.QUANTIFICATION);
    public static final SchemeParameter<QuantificationMethods> QUANTIFICATION_METHODS = of("quantificationMethods", QuantificationMethods.class, Group.QUANTIFICATION);
    public static final SchemeParameter<ResultUnit> RESULT_UNIT = of("resultUnit", ResultUnit.class, Group.QUANTIFICATION);
    public static final SchemeParameter<DataPriority> DATA_PRIORITY = of("dataPriority", DataPriority.class, Group.QUANTIFICATION);
    /** The data-check tables of the verification worksheet and report [000 Ann.2 §4.3.2; 002 §5.4.3.2 a)]. */
    public static final SchemeParameter<VerificationTables> VERIFICATION_TABLES = of("verificationTables", VerificationTables.class, Group.QUANTIFICATION);
    public static final SchemeParameter<AssurancePolicy> ASSURANCE = of("assurance", AssurancePolicy.class, Group.QUANTIFICATION);
    public static final SchemeParameter<OnsiteInspectionExemption> ONSITE_EXEMPTION = of("onsiteInspectionExemption", OnsiteInspectionExemption.class, Group.PROCESS);
    public static final SchemeParameter<PriorVerificationAdoption> PRIOR_VERIFICATION = of("priorVerificationAdoption", PriorVerificationAdoption.class, Group.QUANTIFICATION);
    public static final SchemeParameter<PublicationRule> PUBLICATION = of("publication", PublicationRule.class, Group.DISCLOSURE);
    public static final SchemeParameter<RecordRetention> RECORD_RETENTION = of("recordRetention", RecordRetention.class, Group.DISCLOSURE);
    public static final SchemeParameter<LabelRules> LABEL = of("label", LabelRules.class, Group.DISCLOSURE);
    public static final SchemeParameter<LabelRounding> LABEL_ROUNDING = of("labelRounding", LabelRounding.class, Group.DISCLOSURE);

    // ---- review (issue 10)
    // ---- (end of review)
    // ---- certificate (issue 10)
    // ---- (end of certificate)
    // ---- label (issue 10)
    /** National label or the body's own mark [decision D6]. */
    public static final SchemeParameter<LabelMark> LABEL_MARK = of("labelMark", LabelMark.class, Group.DISCLOSURE, LabelMark::summary);
    // ---- (end of label)

    /** Every parameter, in display order. */
    public static final List<SchemeParameter<?>> ALL = List.of(
            CERTIFICATION_MODE, FLOW, UNIT_DIVISION, APPLICATION_FORM, DOCUMENT_CHECKLIST, ACCEPTANCE_NOTICE_WORKING_DAYS, TIME_LIMIT,
            DOCUMENT_REVIEW_ROUNDS, ONSITE_EXEMPTION,
            TEAM_POLICY, MAN_DAY_TABLE, VERIFICATION_PLAN_NOTICE, ON_SITE_AFTER_DOCUMENT_REVIEW_WORKING_DAYS,
            PRELIMINARY_EVALUATION, STAGE_GAP_MAX_MONTHS, CLAIM_EVALUATION,
            ON_SITE_INSPECTION, NONCONFORMITIES, DECISION, INDEPENDENCE,
            VALIDITY_YEARS, RENEWAL_WINDOW, RENEWAL_PROCEDURE,
            SURVEILLANCE, SURVEILLANCE_FOOTPRINT, SURVEILLANCE_NC_DEADLINE,
            SUSPENSION_MAX_MONTHS, STATUS_ACTION_WORKING_DAYS, REAPPLICATION_BAN_MONTHS, FOOTPRINT_INCREASE_RULE,
            CUT_OFF, QUANTIFICATION_METHODS, RESULT_UNIT, DATA_PRIORITY, VERIFICATION_TABLES, ASSURANCE, PRIOR_VERIFICATION,
            PUBLICATION, RECORD_RETENTION, LABEL, LABEL_ROUNDING
            // ---- review (issue 10): , NEW_PARAM
            // ---- (end of review)
            // ---- certificate (issue 10): , NEW_PARAM
            // ---- (end of certificate)
            // ---- label (issue 10): , NEW_PARAM
            , LABEL_MARK
            // ---- (end of label)
            );

    private final String key;
    private final Class<T> type;
    private final Group group;
    private final BiFunction<T, Locale, String> summarizer;

    private SchemeParameter(String key, Class<T> type, Group group, BiFunction<T, Locale, String> summarizer) {
        this.key = key;
        this.type = type;
        this.group = group;
        this.summarizer = summarizer;
    }

    private static <T extends Summarizable> SchemeParameter<T> of(String key, Class<T> type, Group group) {
        return new SchemeParameter<>(key, type, group, Summarizable::summary);
    }

    private static <T> SchemeParameter<T> of(String key, Class<T> type, Group group, BiFunction<T, Locale, String> s) {
        return new SchemeParameter<>(key, type, group, s);
    }

    private static SchemeParameter<Integer> integer(String key, Group group, BiFunction<Integer, Locale, String> s) {
        return new SchemeParameter<>(key, Integer.class, group, s);
    }

    public static Optional<SchemeParameter<?>> byKey(String key) {
        return ALL.stream().filter(p -> p.key.equals(key)).findFirst();
    }

    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    public Group group() {
        return group;
    }

    /** Message key of the label: {@code scheme.param.<key>}. */
    public String messageKey() {
        return "scheme.param." + key;
    }

    /** One-line rendering of a value of this parameter (null-safe: null gives null). */
    public String summarize(Object value, Locale locale) {
        return value == null ? null : summarizer.apply(type.cast(value), locale);
    }

    @Override
    public String toString() {
        return key;
    }
}
