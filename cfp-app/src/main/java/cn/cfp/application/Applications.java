package cn.cfp.application;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import cn.cfp.audit.AuditTrail;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.calendar.WorkingDays;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.evidence.EvidenceStore;
import cn.cfp.party.Organisation;
import cn.cfp.party.Organisations;
import cn.cfp.party.Site;
import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.shared.Refusal;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application aggregate (认证委托 → 受理): guards every transition; an illegal one is refused and
 * nothing changes. Every change is audited in the same transaction.
 *
 * <pre>
 * DRAFT --submit--> SUBMITTED --accept--> ACCEPTED --terminate--> TERMINATED
 *                    |   ^  \--refuse--> REFUSED
 *      requestSupplement  submit (client answers)
 *                    v   |
 *              SUPPLEMENT_REQUESTED
 * </pre>
 */
@Service
public class Applications {

    /** Who may review and decide on applications. */
    static final Set<Role> REVIEWERS = EnumSet.of(Role.PROJECT_MANAGER, Role.ADMIN);

    /** Pseudo checklist item: proof of entrustment when applicant, manufacturer and factory differ [R-PTY-3, 000 §7.1.2]. */
    public static final String ENTRUSTMENT_ITEM = "entrustment-proof";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SchemeCatalog schemes;
    private final Organisations organisations;
    private final EvidenceStore evidence;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    Applications(JdbcClient jdbc, AuditTrail audit, Clock clock, SchemeCatalog schemes, Organisations organisations,
                 EvidenceStore evidence, WorkingDayCalendar calendar, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.schemes = schemes;
        this.organisations = organisations;
        this.evidence = evidence;
        this.calendar = calendar;
        this.events = events;
    }

    // ------------------------------------------------------------------ queries

    public ApplicationView get(long id) {
        return jdbc.sql("SELECT * FROM application WHERE id = :id").param("id", id).query(this::view).optional()
                .orElseThrow(() -> Refusal.notFound("Application " + id));
    }

    /** The application, if this person may see it: staff see all; a client sees those naming its organisation. */
    public ApplicationView getFor(CfpPrincipal who, long id) {
        ApplicationView app = get(id);
        requireVisible(who, app);
        return app;
    }

    public static boolean visibleTo(CfpPrincipal who, ApplicationView app) {
        if (who.isStaff()) {
            return true;
        }
        Long org = who.organisationId();
        return who.isClient() && org != null
                && (org == app.applicantOrgId() || org == app.manufacturerOrgId() || org == app.factoryOrgId());
    }

    static void requireVisible(CfpPrincipal who, ApplicationView app) {
        if (!visibleTo(who, app)) {
            throw Refusal.forbidden("You may not see application " + app.reference() + " / 无权查看该申请");
        }
    }

    public List<ApplicationView> visibleTo(CfpPrincipal who) {
        if (who.isStaff()) {
            return jdbc.sql("SELECT * FROM application ORDER BY id DESC").query(this::view).list();
        }
        if (who.isClient() && who.organisationId() != null) {
            return jdbc.sql("""
                    SELECT * FROM application WHERE applicant_org_id = :o OR manufacturer_org_id = :o OR factory_org_id = :o
                    ORDER BY id DESC""").param("o", who.organisationId()).query(this::view).list();
        }
        return List.of();
    }

    /** Accepted applications not yet concluded (the 90-day clock runs). */
    public List<ApplicationView> open() {
        return jdbc.sql("SELECT * FROM application WHERE status = 'ACCEPTED' ORDER BY accepted_on, id").query(this::view).list();
    }

    public ApplicationDetails details(long id) {
        ApplicationView app = get(id);
        Scheme scheme = schemes.get(app.schemeCode());
        Map<String, Object> row = jdbc.sql("SELECT * FROM application WHERE id = :id").param("id", id).query().singleRow();
        Map<String, DocumentStatus> docs = new LinkedHashMap<>();
        for (ChecklistItem item : checklist(scheme, app)) {
            docs.put(item.id(), new DocumentStatus(item, null, null));
        }
        jdbc.sql("SELECT * FROM application_document WHERE application_id = :id").param("id", id).query((rs, n) -> {
            String itemId = rs.getString("item_id");
            DocumentStatus s = docs.get(itemId);
            if (s != null) {
                long ev = rs.getLong("evidence_id");
                docs.put(itemId, new DocumentStatus(s.item(), rs.getBoolean("applies"), rs.wasNull() ? null : ev));
            }
            return null;
        }).list();
        Map<Eligibility, Boolean> eligibility = new LinkedHashMap<>();
        Arrays.stream(Eligibility.values()).forEach(e -> eligibility.put(e, null));
        jdbc.sql("SELECT condition_code, declared FROM eligibility_declaration WHERE application_id = :id").param("id", id)
                .query((rs, n) -> eligibility.put(Eligibility.valueOf(rs.getString(1)), rs.getBoolean(2))).list();
        List<Event> history = jdbc.sql("SELECT * FROM application_event WHERE application_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> new Event(rs.getObject("happened_on", LocalDate.class), rs.getString("actor"), rs.getString("kind"),
                        rs.getString("note"), rs.getObject("due_on", LocalDate.class))).list();
        return new ApplicationDetails(app, scheme, formOf(row), List.copyOf(docs.values()), eligibility, history,
                (LocalDate) toDate(row.get("submitted_on")), (LocalDate) toDate(row.get("file_complete_on")),
                (LocalDate) toDate(row.get("acceptance_due_on")), (LocalDate) toDate(row.get("contract_signed_on")),
                (String) row.get("contract_fee"), (String) row.get("refusal_reason"));
    }

    public record DocumentStatus(ChecklistItem item, Boolean applies, Long evidenceId) {
        /** Whether this item still blocks submission. */
        public boolean missing() {
            return switch (item.kind()) {
                case REQUIRED -> evidenceId == null;
                case CONDITIONAL -> applies == null || (applies && evidenceId == null);
                case OPTIONAL -> false;
            };
        }
    }

    public record Event(LocalDate on, String actor, String kind, String note, LocalDate dueOn) {
    }

    public record ApplicationDetails(ApplicationView application, Scheme scheme, Map<String, String> form,
                                     List<DocumentStatus> documents, Map<Eligibility, Boolean> eligibility,
                                     List<Event> history, LocalDate submittedOn, LocalDate fileCompleteOn,
                                     LocalDate acceptanceDueOn, LocalDate contractSignedOn, String contractFee,
                                     String refusalReason) {
    }

    // ------------------------------------------------------------------ client: filling in

    /**
     * Starts an application for the client's own organisation as applicant (R-APP-1). Refused when the
     * applicant, manufacturer or factory had a CFP certificate revoked within the scheme's ban [R-PTY-2].
     */
    @Transactional
    public long create(CfpPrincipal client, String schemeCode, long manufacturerOrgId, long factoryOrgId, Map<String, String> form) {
        requireClient(client);
        Scheme scheme = schemes.find(schemeCode).orElseThrow(() -> new Refusal("Unknown scheme '" + schemeCode
                + "'; choose one of " + schemes.codes() + " / 认证方案不存在"));
        long applicant = client.organisationId();
        List<Long> allowed = organisations.partiesOf(applicant).stream().map(Organisation::id).toList();
        List<String> problems = new ArrayList<>();
        if (!allowed.contains(manufacturerOrgId)) {
            problems.add("The manufacturer must be your company or one you registered / 制造商须为本企业或本企业登记的企业");
        }
        if (!allowed.contains(factoryOrgId)) {
            problems.add("The factory must be your company or one you registered / 生产企业须为本企业或本企业登记的企业");
        }
        if (!problems.isEmpty()) {
            throw new Refusal(400, problems);
        }
        if (form != null) {
            problems.addAll(formProblems(scheme, form));
            if (!problems.isEmpty()) {
                throw new Refusal(400, problems);
            }
        }
        revocationBan(scheme, applicant, manufacturerOrgId, factoryOrgId).ifPresent(reason -> {
            throw new Refusal(409, reason);
        });
        String reference = nextReference();
        jdbc.sql("""
                INSERT INTO application (reference, scheme_code, applicant_org_id, manufacturer_org_id, factory_org_id, status,
                                         form_json, created_by, created_at)
                VALUES (:r, :s, :a, :m, :f, 'DRAFT', :form, :by, :at)""")
                .param("r", reference).param("s", scheme.code()).param("a", applicant).param("m", manufacturerOrgId)
                .param("f", factoryOrgId).param("form", json.writeValueAsString(form == null ? Map.of() : new java.util.TreeMap<>(form)))
                .param("by", client.username()).param("at", OffsetDateTime.now(clock)).update();
        long id = jdbc.sql("SELECT id FROM application WHERE reference = :r").param("r", reference).query(Long.class).single();
        audit.record(client.username(), "APPLICATION_CREATED", target(reference),
                Map.of("scheme", scheme.code(), "manufacturer", manufacturerOrgId, "factory", factoryOrgId));
        return id;
    }

    /**
     * R-PTY-2: a revoked CFP certificate of any of the three parties within the scheme's ban period
     * (e.g. 1 year [000 §9.1.6; 003 ¶27]) refuses the application, saying until when.
     */
    public Optional<String> revocationBan(Scheme scheme, long... orgIds) {
        Integer months = scheme.reapplicationBanMonths().value();
        if (months == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        for (long org : orgIds) {
            Optional<Map<String, Object>> latest = jdbc.sql("""
                    SELECT certificate_no, revoked_on FROM cfp_revocation WHERE organisation_id = :o ORDER BY revoked_on DESC
                    FETCH FIRST 1 ROWS ONLY""").param("o", org).query().listOfRows().stream().findFirst();
            if (latest.isPresent()) {
                LocalDate revoked = (LocalDate) toDate(latest.get().get("revoked_on"));
                LocalDate until = revoked.plusMonths(months);
                if (today.isBefore(until)) {
                    String name = organisations.find(org).map(Organisation::name).orElse("#" + org);
                    return Optional.of("CFP certificate " + latest.get().get("certificate_no") + " of " + name + " was revoked on "
                            + revoked + "; under " + scheme.reapplicationBanMonths().cite() + " a new application is possible from "
                            + until + " / 该企业的产品碳足迹证书于 " + revoked + " 被撤销，" + until + " 起方可再次申请");
                }
            }
        }
        return Optional.empty();
    }

    /** Staff record a revocation issued before the platform (the certificate lifecycle writes its own). */
    @Transactional
    public void recordRevocation(CfpPrincipal staff, long orgId, String certificateNo, LocalDate revokedOn) {
        requireReviewer(staff);
        if (certificateNo == null || certificateNo.isBlank() || revokedOn == null || revokedOn.isAfter(LocalDate.now(clock))) {
            throw new Refusal("Give the certificate number and a revocation date not in the future / 请填写证书编号和撤销日期");
        }
        organisations.find(orgId).orElseThrow(() -> Refusal.notFound("Organisation " + orgId));
        jdbc.sql("""
                INSERT INTO cfp_revocation (organisation_id, certificate_no, revoked_on, recorded_by, recorded_at)
                VALUES (:o, :c, :d, :by, :at)""").param("o", orgId).param("c", certificateNo.strip()).param("d", revokedOn)
                .param("by", staff.username()).param("at", OffsetDateTime.now(clock)).update();
        audit.record(staff.username(), "REVOCATION_RECORDED", "organisation:" + orgId,
                Map.of("certificateNo", certificateNo.strip(), "revokedOn", revokedOn.toString()));
    }

    @Transactional
    public long addProduct(CfpPrincipal client, long id, String productName, String model, String category, Long siteId,
                           Integer bomItems, Integer ghgSources) {
        ApplicationView app = editable(client, id);
        List<String> problems = new ArrayList<>();
        if (productName == null || productName.isBlank()) {
            problems.add("The product name is required / 请填写产品名称");
        }
        if (model == null || model.isBlank()) {
            problems.add("The model is required / 请填写型号规格");
        }
        if (siteId == null) {
            problems.add("Choose the production site where the product is made / 请选择生产场所");
        } else {
            Optional<Site> site = organisations.site(siteId);
            if (site.isEmpty() || site.get().organisationId() != app.factoryOrgId()) {
                problems.add("Site " + siteId + " is not a production site of the factory of this application / 该生产场所不属于本申请的生产企业");
            }
        }
        if (bomItems != null && bomItems < 0 || ghgSources != null && ghgSources < 0) {
            problems.add("Counts of BOM items and GHG sources cannot be negative / 物料数和排放源数不能为负");
        }
        if (!problems.isEmpty()) {
            throw new Refusal(400, problems);
        }
        jdbc.sql("""
                INSERT INTO application_product (application_id, product_name, model, category, site_id, bom_items, ghg_sources)
                VALUES (:a, :n, :m, :c, :s, :b, :g)""").param("a", id).param("n", productName.strip()).param("m", model.strip())
                .param("c", category == null || category.isBlank() ? null : category.strip()).param("s", siteId)
                .param("b", bomItems).param("g", ghgSources).update();
        long productId = jdbc.sql("SELECT MAX(id) FROM application_product WHERE application_id = :a").param("a", id)
                .query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("product", productName.strip());
        details.put("model", model.strip());
        details.put("site", siteId);
        audit.record(client.username(), "PRODUCT_ADDED", target(app.reference()), details);
        return productId;
    }

    @Transactional
    public void removeProduct(CfpPrincipal client, long id, long productId) {
        ApplicationView app = editable(client, id);
        if (jdbc.sql("DELETE FROM application_product WHERE id = :p AND application_id = :a").param("p", productId).param("a", id).update() == 0) {
            throw Refusal.notFound("Product " + productId + " of application " + app.reference());
        }
        audit.record(client.username(), "PRODUCT_REMOVED", target(app.reference()), Map.of("productId", productId));
    }

    /**
     * Saves answers to the scheme's application form (R-APP-1). Unknown fields, choices outside the
     * options and yes/no answers other than true/false are refused; answers merge with earlier ones.
     */
    @Transactional
    public void answerForm(CfpPrincipal client, long id, Map<String, String> answers) {
        ApplicationView app = editable(client, id);
        Scheme scheme = schemes.get(app.schemeCode());
        List<String> problems = formProblems(scheme, answers);
        if (!problems.isEmpty()) {
            throw new Refusal(400, problems);
        }
        Map<String, Object> row = jdbc.sql("SELECT form_json FROM application WHERE id = :id").param("id", id).query().singleRow();
        Map<String, String> form = new java.util.TreeMap<>(formOf(row));
        answers.forEach((k, v) -> form.put(k, v == null ? "" : v.strip()));
        jdbc.sql("UPDATE application SET form_json = :f, row_version = row_version + 1 WHERE id = :id")
                .param("f", json.writeValueAsString(form)).param("id", id).update();
        audit.record(client.username(), "APPLICATION_FORM_SAVED", target(app.reference()), new java.util.TreeMap<>(answers));
    }

    static List<String> formProblems(Scheme scheme, Map<String, String> answers) {
        List<String> problems = new ArrayList<>();
        var form = scheme.applicationForm().value();
        for (Map.Entry<String, String> a : answers.entrySet()) {
            var field = form == null ? Optional.<cn.cfp.scheme.ApplicationForm.Field>empty() : form.field(a.getKey());
            if (field.isEmpty()) {
                problems.add("The application form of " + scheme.code() + " has no field '" + a.getKey() + "' / 申请书中没有该项");
                continue;
            }
            String v = a.getValue() == null ? "" : a.getValue().strip();
            if (v.length() > 1000) {
                problems.add("'" + field.get().label().en() + "' is longer than 1000 characters / 内容过长");
            }
            if (!v.isEmpty() && field.get().type() == cn.cfp.scheme.ApplicationForm.Type.CHOICE && field.get().options().stream()
                    .noneMatch(o -> o.zh().equals(v) || v.equalsIgnoreCase(o.en()))) {
                problems.add("'" + v + "' is not an option of '" + field.get().label().en() + "'; choose one of "
                        + field.get().options().stream().map(o -> o.zh()).toList() + " / 请从选项中选择");
            }
            if (!v.isEmpty() && field.get().type() == cn.cfp.scheme.ApplicationForm.Type.YES_NO && !v.equals("true") && !v.equals("false")) {
                problems.add("'" + field.get().label().en() + "' is answered true or false, got '" + v + "' / 请回答是或否");
            }
        }
        return problems;
    }

    /** Answers the deciding question of a conditional checklist item (适用时). */
    @Transactional
    public void answerCondition(CfpPrincipal client, long id, String itemId, boolean applies) {
        ApplicationView app = editable(client, id);
        ChecklistItem item = item(app, itemId);
        if (item.kind() != ChecklistItem.Kind.CONDITIONAL) {
            throw new Refusal("Item '" + itemId + "' is " + item.kind() + ", not conditional: there is no question to answer");
        }
        upsertDocument(id, itemId, applies, null, false);
        audit.record(client.username(), "CHECKLIST_ANSWERED", target(app.reference()), Map.of("item", itemId, "applies", applies));
    }

    /** Uploads the document for a checklist item: stored in the evidence store as a new version (R-APP-2). */
    @Transactional
    public EvidenceFile attachDocument(CfpPrincipal client, long id, String itemId, String filename, InputStream content) {
        ApplicationView app = editable(client, id);
        ChecklistItem item = item(app, itemId);
        EvidenceFile file = evidence.store(client, app.applicantOrgId(), app.reference(), item.id() + " " + item.name().zh(), filename, content);
        upsertDocument(id, itemId, true, file.id(), true);
        audit.record(client.username(), "CHECKLIST_DOCUMENT_ATTACHED", target(app.reference()),
                Map.of("item", itemId, "evidenceId", file.id(), "sha256", file.sha256()));
        return file;
    }

    @Transactional
    public void declareEligibility(CfpPrincipal client, long id, Eligibility condition, boolean declared, String note) {
        ApplicationView app = editable(client, id);
        jdbc.sql("DELETE FROM eligibility_declaration WHERE application_id = :a AND condition_code = :c")
                .param("a", id).param("c", condition.name()).update();
        jdbc.sql("INSERT INTO eligibility_declaration (application_id, condition_code, declared, note) VALUES (:a, :c, :d, :n)")
                .param("a", id).param("c", condition.name()).param("d", declared).param("n", note).update();
        audit.record(client.username(), "ELIGIBILITY_DECLARED", target(app.reference()),
                Map.of("condition", condition.name(), "declared", declared));
    }

    /**
     * Submits (or re-submits after a supplement request). Refused, listing everything missing, unless
     * the file is complete: at least one product, every required document, every conditional question
     * answered (and its document when it applies), proof of entrustment when the parties differ
     * [R-PTY-3], and every eligibility condition declared [R-PTY-2]. A complete file starts the
     * scheme's acceptance-notice deadline in working days [R-APP-3].
     */
    @Transactional
    public WorkingDays submit(CfpPrincipal client, long id) {
        ApplicationView app = getFor(client, id);
        requireClient(client);
        requireStatus(app, ApplicationStatus.DRAFT, ApplicationStatus.SUPPLEMENT_REQUESTED);
        ApplicationDetails d = details(id);
        List<String> missing = new ArrayList<>();
        if (app.products().isEmpty()) {
            missing.add("List at least one product and model / 请至少填写一个产品型号");
        }
        d.scheme().applicationForm().optional().ifPresent(form -> form.fields().stream()
                .filter(f -> f.required() && d.form().getOrDefault(f.id(), "").isBlank())
                .forEach(f -> missing.add("Application form: '" + f.label().en() + "' is required [" + f.cite() + "] / 申请书未填写：" + f.label().zh())));
        for (DocumentStatus s : d.documents()) {
            if (s.missing()) {
                missing.add(s.item().kind() == ChecklistItem.Kind.CONDITIONAL && s.applies() == null
                        ? "Answer: " + s.item().question().en() + " (" + s.item().name().en() + ") / 请回答：" + s.item().question().zh()
                        : "Document missing: " + s.item().name().en() + " [" + s.item().cite() + "] / 缺少文件：" + s.item().name().zh());
            }
        }
        d.eligibility().forEach((e, v) -> {
            if (!Boolean.TRUE.equals(v)) {
                missing.add("Eligibility not declared: " + e.en() + " [" + Eligibility.CITE + "] / 未声明：" + e.zh());
            }
        });
        if (!missing.isEmpty()) {
            throw new Refusal(400, missing);
        }
        Scheme scheme = d.scheme();
        LocalDate today = LocalDate.now(clock);
        Integer days = scheme.acceptanceNoticeWorkingDays().value();
        WorkingDays due = days == null ? null : calendar.plusWorkingDays(today, days);
        jdbc.sql("""
                UPDATE application SET status = 'SUBMITTED', submitted_on = COALESCE(submitted_on, :t), file_complete_on = :t,
                       acceptance_due_on = :due, row_version = row_version + 1 WHERE id = :id""")
                .param("t", today).param("due", due == null ? null : due.date()).param("id", id).update();
        event(id, client.username(), app.status() == ApplicationStatus.DRAFT ? "SUBMITTED" : "SUPPLEMENT_PROVIDED", null,
                due == null ? null : due.date());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileCompleteOn", today.toString());
        details.put("acceptanceDueOn", due == null ? null : due.date().toString());
        audit.record(client.username(), "APPLICATION_SUBMITTED", target(app.reference()), details);
        return due;
    }

    // ------------------------------------------------------------------ body: review and acceptance

    /** Asks the client for supplements (R-APP-3). The time until the client answers is the client's. */
    @Transactional
    public void requestSupplement(CfpPrincipal staff, long id, String whatIsMissing, LocalDate dueOn) {
        requireReviewer(staff);
        ApplicationView app = get(id);
        requireStatus(app, ApplicationStatus.SUBMITTED);
        if (whatIsMissing == null || whatIsMissing.isBlank()) {
            throw new Refusal("Say what the client must supplement / 请写明需补充的内容");
        }
        if (dueOn != null && dueOn.isBefore(LocalDate.now(clock))) {
            throw new Refusal("The supplement deadline " + dueOn + " is in the past / 补充期限不能早于今天");
        }
        jdbc.sql("UPDATE application SET status = 'SUPPLEMENT_REQUESTED', file_complete_on = NULL, acceptance_due_on = NULL, "
                + "row_version = row_version + 1 WHERE id = :id").param("id", id).update();
        event(id, staff.username(), "SUPPLEMENT_REQUESTED", whatIsMissing.strip(), dueOn);
        audit.record(staff.username(), "SUPPLEMENT_REQUESTED", target(app.reference()),
                Map.of("note", whatIsMissing.strip(), "dueOn", String.valueOf(dueOn)));
    }

    /**
     * Accepts the application (R-APP-3, R-APP-4): every contract-review item confirmed, the contract
     * date and fee recorded; the 90-day clock starts today.
     */
    @Transactional
    public void accept(CfpPrincipal staff, long id, Set<ContractReview> confirmed, LocalDate contractSignedOn, String fee) {
        accept(staff, id, confirmed, contractSignedOn, fee, null, null);
    }

    /**
     * Accepts with optional exemptions (R-APP-5): an on-site waiver or the adoption of a prior
     * verification is refused unless the scheme provides for it and its conditions are met.
     */
    @Transactional
    public void accept(CfpPrincipal staff, long id, Set<ContractReview> confirmed, LocalDate contractSignedOn, String fee,
                       Exemptions.OnsiteWaiver waiver, Exemptions.PriorVerification prior) {
        requireReviewer(staff);
        ApplicationView app = get(id);
        requireStatus(app, ApplicationStatus.SUBMITTED);
        Scheme scheme = schemes.get(app.schemeCode());
        ApplicationDetails d = details(id);
        List<String> problems = new ArrayList<>();
        if (waiver != null) {
            problems.addAll(checkWaiver(scheme, waiver, d.submittedOn()));
        }
        if (prior != null) {
            problems.addAll(checkPrior(scheme, prior, d.submittedOn()));
        }
        for (ContractReview item : ContractReview.values()) {
            if (confirmed == null || !confirmed.contains(item)) {
                problems.add("Contract review not confirmed: " + item.en() + " / 合同评审未确认：" + item.zh());
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (contractSignedOn == null || contractSignedOn.isAfter(today)) {
            problems.add("Give the date the contract was signed (not in the future) / 请填写合同签订日期（不晚于今天）");
        }
        if (fee == null || fee.isBlank()) {
            problems.add("Record the fee agreement / 请填写收费约定");
        }
        if (!problems.isEmpty()) {
            throw new Refusal(400, problems);
        }
        jdbc.sql("""
                UPDATE application SET status = 'ACCEPTED', accepted_on = :t, contract_signed_on = :c, contract_fee = :f,
                       decided_by = :by, onsite_exempt = :w, prior_verification = :p, row_version = row_version + 1 WHERE id = :id""")
                .param("t", today).param("c", contractSignedOn).param("f", fee.strip()).param("by", staff.username())
                .param("w", waiver != null).param("p", prior != null).param("id", id).update();
        if (waiver != null) {
            event(id, staff.username(), "ONSITE_WAIVED", waiver.previousInspectionReference() + " " + waiver.previousInspectionPassedOn()
                    + " [" + scheme.onsiteInspectionExemption().cite() + "]", null);
        }
        if (prior != null) {
            event(id, staff.username(), "PRIOR_VERIFICATION_ADOPTED", prior.statementReference() + " " + prior.issuingBody() + " "
                    + prior.statementIssuedOn() + " [" + scheme.priorVerificationAdoption().cite() + "]", null);
        }
        event(id, staff.username(), "ACCEPTED", fee.strip(), null);
        audit.record(staff.username(), "APPLICATION_ACCEPTED", target(app.reference()),
                Map.of("acceptedOn", today.toString(), "contractSignedOn", contractSignedOn.toString(), "fee", fee.strip()));
        events.publishEvent(new ApplicationAccepted(id, app.reference(), app.schemeCode(), today));
    }

    static List<String> checkWaiver(Scheme scheme, Exemptions.OnsiteWaiver w, LocalDate appliedOn) {
        var rule = scheme.onsiteInspectionExemption();
        if (!rule.stated()) {
            return List.of("Scheme " + scheme.code() + " does not provide for waiving the on-site inspection / 该认证方案不允许免于现场检查");
        }
        List<String> p = new ArrayList<>();
        String cite = " [" + rule.cite() + "]";
        if (Boolean.TRUE.equals(rule.value().sameFactoryRequired()) && !w.sameFactory()) {
            p.add("On-site waiver: the previous inspection must be of the same producer's same factory" + cite + " / 须为同一生产者的同一工厂");
        }
        if (Boolean.TRUE.equals(rule.value().sameProductTypeRequired()) && !w.sameProductType()) {
            p.add("On-site waiver: the product must be of the same type as the one inspected" + cite + " / 须为同类型产品");
        }
        if (w.previousInspectionReference() == null || w.previousInspectionReference().isBlank() || w.previousInspectionPassedOn() == null) {
            p.add("On-site waiver: give the reference and date of the passed inspection or surveillance" + cite + " / 请填写已通过检查的编号和日期");
        } else if (rule.value().previousInspectionWithinMonths() != null && appliedOn != null
                && w.previousInspectionPassedOn().isBefore(appliedOn.minusMonths(rule.value().previousInspectionWithinMonths()))) {
            p.add("On-site waiver: the inspection of " + w.previousInspectionPassedOn() + " is more than "
                    + rule.value().previousInspectionWithinMonths() + " months before the application of " + appliedOn + cite
                    + " / 已通过的检查早于申请日前 " + rule.value().previousInspectionWithinMonths() + " 个月");
        }
        return p;
    }

    static List<String> checkPrior(Scheme scheme, Exemptions.PriorVerification v, LocalDate appliedOn) {
        var rule = scheme.priorVerificationAdoption();
        if (!rule.stated()) {
            return List.of("Scheme " + scheme.code() + " does not provide for adopting a prior verification / 该认证方案不允许采信已有核查结果");
        }
        List<String> p = new ArrayList<>();
        String cite = " [" + rule.cite() + "]";
        if (Boolean.TRUE.equals(rule.value().identicalProductRequired()) && !v.identicalProduct()) {
            p.add("Prior verification: the product must be identical to the one verified" + cite + " / 产品须与已核查产品完全一致");
        }
        if (!v.bodyApprovedOrAccredited()) {
            p.add("Prior verification: the issuing body must be " + rule.value().acceptedBodies().en() + cite + " / 出具机构须为"
                    + rule.value().acceptedBodies().zh());
        }
        if (v.statementIssuedOn() == null || v.statementReference() == null || v.statementReference().isBlank()) {
            p.add("Prior verification: give the statement's reference and issue date" + cite + " / 请填写核查声明编号和签发日期");
        } else if (rule.value().maxAgeMonths() != null && appliedOn != null
                && v.statementIssuedOn().isBefore(appliedOn.minusMonths(rule.value().maxAgeMonths()))) {
            p.add("Prior verification: the statement of " + v.statementIssuedOn() + " was issued more than " + rule.value().maxAgeMonths()
                    + " months before the application of " + appliedOn + cite + " / 核查声明签发于申请前 " + rule.value().maxAgeMonths() + " 个月以上");
        }
        return p;
    }

    @Transactional
    public void refuse(CfpPrincipal staff, long id, String reasons) {
        requireReviewer(staff);
        ApplicationView app = get(id);
        requireStatus(app, ApplicationStatus.SUBMITTED, ApplicationStatus.SUPPLEMENT_REQUESTED);
        if (reasons == null || reasons.isBlank()) {
            throw new Refusal("State the reasons for refusing / 请写明不予受理的理由");
        }
        jdbc.sql("UPDATE application SET status = 'REFUSED', refusal_reason = :r, decided_by = :by, row_version = row_version + 1 WHERE id = :id")
                .param("r", reasons.strip()).param("by", staff.username()).param("id", id).update();
        event(id, staff.username(), "REFUSED", reasons.strip(), null);
        audit.record(staff.username(), "APPLICATION_REFUSED", target(app.reference()), Map.of("reasons", reasons.strip()));
    }

    /** Terminates an accepted application with a notice, e.g. after persistent document-review failure (R-DOC-1). */
    @Transactional
    public void terminate(CfpPrincipal staff, long id, String reasons) {
        requireReviewer(staff);
        ApplicationView app = get(id);
        requireStatus(app, ApplicationStatus.ACCEPTED);
        if (reasons == null || reasons.isBlank()) {
            throw new Refusal("State the reasons for terminating / 请写明终止理由");
        }
        jdbc.sql("UPDATE application SET status = 'TERMINATED', refusal_reason = :r, row_version = row_version + 1 WHERE id = :id")
                .param("r", reasons.strip()).param("id", id).update();
        event(id, staff.username(), "TERMINATED", reasons.strip(), null);
        audit.record(staff.username(), "APPLICATION_TERMINATED", target(app.reference()), Map.of("reasons", reasons.strip()));
    }

    // ------------------------------------------------------------------ helpers

    List<ChecklistItem> checklist(Scheme scheme, ApplicationView app) {
        List<ChecklistItem> items = new ArrayList<>(scheme.documentChecklist().optional()
                .map(c -> c.items()).orElse(List.of()));
        if (app.applicantOrgId() != app.manufacturerOrgId() || app.applicantOrgId() != app.factoryOrgId()) {
            items.add(new ChecklistItem(ENTRUSTMENT_ITEM,
                    new cn.cfp.scheme.LocalizedText("委托人、生产者、生产企业不同时的委托关系证明（如委托合同、OEM/ODM 协议）",
                            "Proof of entrustment between applicant, manufacturer and factory (contract, OEM/ODM agreement)"),
                    ChecklistItem.Kind.REQUIRED, null, "000 §7.1.2"));
        }
        return items;
    }

    private ChecklistItem item(ApplicationView app, String itemId) {
        return checklist(schemes.get(app.schemeCode()), app).stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new Refusal(404, "Checklist item '" + itemId + "' does not exist in scheme "
                        + app.schemeCode() + " / 文件清单中无此项"));
    }

    private void upsertDocument(long id, String itemId, boolean applies, Long evidenceId, boolean replaceEvidence) {
        Optional<Long> existing = jdbc.sql("SELECT evidence_id FROM application_document WHERE application_id = :a AND item_id = :i")
                .param("a", id).param("i", itemId).query((rs, n) -> {
                    long e = rs.getLong(1);
                    return rs.wasNull() ? -1L : e;
                }).optional();
        Long keep = replaceEvidence ? evidenceId : existing.filter(e -> e >= 0).orElse(null);
        jdbc.sql("DELETE FROM application_document WHERE application_id = :a AND item_id = :i").param("a", id).param("i", itemId).update();
        jdbc.sql("INSERT INTO application_document (application_id, item_id, applies, evidence_id) VALUES (:a, :i, :ap, :e)")
                .param("a", id).param("i", itemId).param("ap", applies).param("e", keep).update();
    }

    private ApplicationView editable(CfpPrincipal client, long id) {
        requireClient(client);
        ApplicationView app = getFor(client, id);
        if (client.organisationId() != app.applicantOrgId()) {
            throw Refusal.forbidden("Only the applicant may change application " + app.reference() + " / 只有认证委托人可修改申请");
        }
        requireStatus(app, ApplicationStatus.DRAFT, ApplicationStatus.SUPPLEMENT_REQUESTED);
        return app;
    }

    private static void requireClient(CfpPrincipal who) {
        if (!who.isClient() || who.organisationId() == null) {
            throw Refusal.forbidden("Only a client user acts for the applicant here / 此操作须由委托方用户完成");
        }
    }

    static void requireReviewer(CfpPrincipal who) {
        if (REVIEWERS.stream().noneMatch(who::has)) {
            throw Refusal.forbidden("Only a project manager (application reviewer) may do this / 只有项目经理（申请评审人员）可执行此操作");
        }
    }

    static void requireStatus(ApplicationView app, ApplicationStatus... allowed) {
        if (Arrays.stream(allowed).noneMatch(s -> s == app.status())) {
            throw new Refusal(409, "Application " + app.reference() + " is " + app.status() + "; this step needs "
                    + Arrays.toString(allowed) + " / 申请当前状态不允许此操作");
        }
    }

    void event(long id, String actor, String kind, String note, LocalDate dueOn) {
        jdbc.sql("""
                INSERT INTO application_event (application_id, happened_on, recorded_at, actor, kind, note, due_on)
                VALUES (:a, :d, :at, :actor, :k, :n, :due)""").param("a", id).param("d", LocalDate.now(clock))
                .param("at", OffsetDateTime.now(clock)).param("actor", actor).param("k", kind).param("n", note)
                .param("due", dueOn).update();
    }

    static String target(String reference) {
        return "application:" + reference;
    }

    private String nextReference() {
        int year = LocalDate.now(clock).getYear();
        String prefix = "CFPA-" + year + "-";
        long n = jdbc.sql("SELECT COUNT(*) FROM application WHERE reference LIKE :p").param("p", prefix + "%").query(Long.class).single();
        return prefix + String.format("%04d", n + 1);
    }

    private Map<String, String> formOf(Map<String, Object> row) {
        @SuppressWarnings("unchecked")
        Map<String, String> form = json.readValue((String) row.get("form_json"), Map.class);
        return form;
    }

    static Object toDate(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }

    private ApplicationView view(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long factory = rs.getLong("factory_org_id");
        List<ApplicationView.Site> sites = organisations.sites(factory).stream()
                .map(s -> new ApplicationView.Site(s.id(), s.name(), s.address())).toList();
        List<ApplicationView.Product> products = jdbc.sql("SELECT * FROM application_product WHERE application_id = :a ORDER BY id")
                .param("a", id).query((r, n) -> {
                    long site = r.getLong("site_id");
                    Long siteId = r.wasNull() ? null : site;
                    int bom = r.getInt("bom_items");
                    Integer bomItems = r.wasNull() ? null : bom;
                    int ghg = r.getInt("ghg_sources");
                    Integer ghgSources = r.wasNull() ? null : ghg;
                    return new ApplicationView.Product(r.getLong("id"), r.getString("product_name"), r.getString("model"),
                            r.getString("category"), siteId, bomItems, ghgSources);
                }).list();
        List<ApplicationView.Unit> units = jdbc.sql("SELECT * FROM certification_unit WHERE application_id = :a ORDER BY id")
                .param("a", id).query((r, n) -> {
                    long site = r.getLong("site_id");
                    Long siteId = r.wasNull() ? null : site;
                    return new ApplicationView.Unit(r.getLong("id"), r.getString("label"), siteId, r.getString("category"),
                            List.of(r.getString("models").split("\n")), r.getString("functional_unit"), r.getBoolean("agreed"));
                }).list();
        return new ApplicationView(id, rs.getString("reference"), rs.getString("scheme_code"), rs.getLong("applicant_org_id"),
                rs.getLong("manufacturer_org_id"), factory, ApplicationStatus.valueOf(rs.getString("status")), sites, products,
                units, rs.getObject("accepted_on", LocalDate.class), rs.getBoolean("onsite_exempt"),
                rs.getBoolean("prior_verification"));
    }
}
