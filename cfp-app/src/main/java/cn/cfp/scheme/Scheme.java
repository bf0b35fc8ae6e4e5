package cn.cfp.scheme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A certification scheme (认证实施规则) as resolved from its definition file: its own values plus the values it inherits
 * from the scheme it {@code extends}. Immutable. Every value is {@link Cited} (value + seed clause).
 *
 * @param code       URL-safe identifier, e.g. {@code CNCA-CFP-00}; the only identifier code may use
 * @param documentNumber the document's number as printed, e.g. {@code CICC-ZY/GZ-20:2025}
 * @param version    the scheme document's version, e.g. {@code 2025} or {@code v5}
 * @param seed       the source document (seed file name)
 * @param extendsCode the base scheme's code, or null for a base scheme
 * @param source     where the definition was loaded from (for error messages and the UI)
 * @param cfpLabel   true for a scheme of the national CFP label, bound by the base scheme's national limits [decision D1]
 * @param limits     the national limits applied to this scheme's values (body / base / effective) [decision D1]
 */
public record Scheme(String code, String documentNumber, LocalizedText name, LocalizedText issuer, String version, String seed,
                     String extendsCode, String source, Map<SchemeParameter<?>, Cited<?>> parameters, boolean cfpLabel,
                     Map<SchemeParameter<?>, NationalLimit> limits) {

    public Scheme {
        Objects.requireNonNull(code, "code");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        limits = limits == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    public Scheme(String code, String documentNumber, LocalizedText name, LocalizedText issuer, String version, String seed,
                  String extendsCode, String source, Map<SchemeParameter<?>, Cited<?>> parameters) {
        this(code, documentNumber, name, issuer, version, seed, extendsCode, source, parameters, false, Map.of());
    }

    /** The national limit applied to a parameter of this scheme [decision D1], if any. */
    public Optional<NationalLimit> limit(SchemeParameter<?> parameter) {
        return Optional.ofNullable(limits.get(parameter));
    }

    /** The value of a parameter with its citation; a value not stated anywhere in the chain is a Cited with null value. */
    @SuppressWarnings("unchecked")
    public <T> Cited<T> get(SchemeParameter<T> parameter) {
        Cited<?> c = parameters.get(parameter);
        return c != null ? (Cited<T>) c : new Cited<>(null, null, null, false, code);
    }

    public Optional<String> base() {
        return Optional.ofNullable(extendsCode);
    }

    public boolean isBase() {
        return extendsCode == null;
    }

    public Cited<ProcedureSteps> certificationMode() { return get(SchemeParameter.CERTIFICATION_MODE); }

    public Cited<Flow> flow() { return get(SchemeParameter.FLOW); }

    public Cited<UnitDivision> unitDivision() { return get(SchemeParameter.UNIT_DIVISION); }

    public Cited<ApplicationForm> applicationForm() { return get(SchemeParameter.APPLICATION_FORM); }

    public Cited<DocumentChecklist> documentChecklist() { return get(SchemeParameter.DOCUMENT_CHECKLIST); }

    public Cited<Integer> acceptanceNoticeWorkingDays() { return get(SchemeParameter.ACCEPTANCE_NOTICE_WORKING_DAYS); }

    public Cited<TimeLimit> timeLimit() { return get(SchemeParameter.TIME_LIMIT); }

    /** How many document-review rounds an application gets before the certification is terminated [decision D5]. */
    public Cited<Integer> documentReviewRounds() { return get(SchemeParameter.DOCUMENT_REVIEW_ROUNDS); }

    public Cited<TeamPolicy> teamPolicy() { return get(SchemeParameter.TEAM_POLICY); }

    /**
     * The product classes an application of this scheme chooses from (its unit division's classes, e.g. CEC Table 1
     * [002 §4], CGC fields [003 ¶14]); empty when the scheme lists none and the class is free text.
     */
    public java.util.List<ProductClass> productClasses() {
        UnitDivision d = unitDivision().value();
        return d == null ? java.util.List.of() : d.classes();
    }

    /** The scheme's product class this text names (code, Chinese or English name), if the scheme lists one. */
    public Optional<ProductClass> productClass(String text) {
        return productClasses().stream().filter(c -> c.matches(text)).findFirst();
    }

    /**
     * The fields of competence of this scheme: its team policy's fields, then the fields of its product classes
     * (each once, in that order).
     */
    public java.util.List<CompetenceField> competenceFields() {
        Map<String, CompetenceField> out = new LinkedHashMap<>();
        TeamPolicy team = teamPolicy().value();
        if (team != null) {
            team.fields().forEach(f -> out.putIfAbsent(f.code(), f));
        }
        for (ProductClass c : productClasses()) {
            String f = c.competenceField();
            if (f != null) {
                out.putIfAbsent(f, f.equals(c.code()) ? CompetenceField.of(c) : CompetenceField.unnamed(f));
            }
        }
        return java.util.List.copyOf(out.values());
    }

    /** The field of competence of a product of this class (the class's field, else a class text that is a field code). */
    public Optional<String> fieldOfClass(String category) {
        if (category == null || category.isBlank()) {
            return Optional.empty();
        }
        Optional<ProductClass> c = productClass(category);
        if (c.isPresent()) {
            return Optional.ofNullable(c.get().competenceField());
        }
        String code = category.strip().toUpperCase(java.util.Locale.ROOT);
        return CompetenceField.CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    public Cited<ManDayTable> manDayTable() { return get(SchemeParameter.MAN_DAY_TABLE); }

    public Cited<PlanNotice> verificationPlanNotice() { return get(SchemeParameter.VERIFICATION_PLAN_NOTICE); }
    public Cited<Integer> onSiteAfterDocumentReviewWorkingDays() { return get(SchemeParameter.ON_SITE_AFTER_DOCUMENT_REVIEW_WORKING_DAYS); }

    /** The on-site inspection's checklist, consistency items, attendance, report contents and suspension reasons. */
    public Cited<InspectionRules> onSiteInspection() { return get(SchemeParameter.ON_SITE_INSPECTION); }
    /** CICC's stage 1 [004 §9.5.2]; null value in schemes without one. */
    public Cited<PreliminaryEvaluation> preliminaryEvaluation() { return get(SchemeParameter.PRELIMINARY_EVALUATION); }

    /** The most months from the end of stage 1 to the start of stage 2 [004 §9.5.1]; null value where not stated. */
    public Cited<Integer> stageGapMaxMonths() { return get(SchemeParameter.STAGE_GAP_MAX_MONTHS); }

    /** CGC's claim-and-evidence evaluation [003 ¶57–63]; null value in schemes without one. */
    public Cited<ClaimEvaluation> claimEvaluation() { return get(SchemeParameter.CLAIM_EVALUATION); }

    public Cited<NonconformityPolicy> nonconformities() { return get(SchemeParameter.NONCONFORMITIES); }

    public Cited<DecisionPolicy> decision() { return get(SchemeParameter.DECISION); }

    public Cited<Independence> independence() { return get(SchemeParameter.INDEPENDENCE); }

    public Cited<Integer> validityYears() { return get(SchemeParameter.VALIDITY_YEARS); }

    public Cited<Term> renewalWindow() { return get(SchemeParameter.RENEWAL_WINDOW); }

    public Cited<LocalizedText> renewalProcedure() { return get(SchemeParameter.RENEWAL_PROCEDURE); }

    public Cited<SurveillancePolicy> surveillance() { return get(SchemeParameter.SURVEILLANCE); }

    public Cited<SurveillanceFootprintRule> surveillanceFootprint() { return get(SchemeParameter.SURVEILLANCE_FOOTPRINT); }

    public Cited<NcDeadline> surveillanceNcDeadline() { return get(SchemeParameter.SURVEILLANCE_NC_DEADLINE); }

    public Cited<Integer> suspensionMaxMonths() { return get(SchemeParameter.SUSPENSION_MAX_MONTHS); }

    /** Working days within which a suspension or revocation is carried out after the facts are confirmed. */
    public Cited<Integer> statusActionWorkingDays() { return get(SchemeParameter.STATUS_ACTION_WORKING_DAYS); }

    public Cited<Integer> reapplicationBanMonths() { return get(SchemeParameter.REAPPLICATION_BAN_MONTHS); }

    public Cited<FootprintIncreaseRule> footprintIncreaseRule() { return get(SchemeParameter.FOOTPRINT_INCREASE_RULE); }

    public Cited<CutOffRule> cutOff() { return get(SchemeParameter.CUT_OFF); }

    public Cited<QuantificationMethods> quantificationMethods() { return get(SchemeParameter.QUANTIFICATION_METHODS); }

    public Cited<ResultUnit> resultUnit() { return get(SchemeParameter.RESULT_UNIT); }

    public Cited<DataPriority> dataPriority() { return get(SchemeParameter.DATA_PRIORITY); }
    public Cited<VerificationTables> verificationTables() { return get(SchemeParameter.VERIFICATION_TABLES); }

    public Cited<AssurancePolicy> assurance() { return get(SchemeParameter.ASSURANCE); }

    public Cited<OnsiteInspectionExemption> onsiteInspectionExemption() { return get(SchemeParameter.ONSITE_EXEMPTION); }

    public Cited<PriorVerificationAdoption> priorVerificationAdoption() { return get(SchemeParameter.PRIOR_VERIFICATION); }

    public Cited<PublicationRule> publication() { return get(SchemeParameter.PUBLICATION); }

    public Cited<RecordRetention> recordRetention() { return get(SchemeParameter.RECORD_RETENTION); }

    public Cited<LabelRules> label() { return get(SchemeParameter.LABEL); }

    public Cited<LabelRounding> labelRounding() { return get(SchemeParameter.LABEL_ROUNDING); }

    // ---- review (issue 10)
    // ---- (end of review)

    // ---- certificate (issue 10)
    // ---- (end of certificate)

    // ---- label (issue 10)
    public Cited<LabelMark> labelMark() { return get(SchemeParameter.LABEL_MARK); }
    // ---- (end of label)
}
