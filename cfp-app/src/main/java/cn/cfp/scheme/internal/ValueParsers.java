package cn.cfp.scheme.internal;

import cn.cfp.scheme.ApplicationForm;
import cn.cfp.scheme.AssuranceLevel;
import cn.cfp.scheme.AssurancePolicy;
import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.ClaimEvaluation;
import cn.cfp.scheme.CutOffRule;
import cn.cfp.scheme.EvaluationItem;
import cn.cfp.scheme.PreliminaryEvaluation;
import cn.cfp.scheme.DataPriority;
import cn.cfp.scheme.VerificationTables;
import cn.cfp.scheme.DecisionPolicy;
import cn.cfp.scheme.DocumentChecklist;
import cn.cfp.scheme.FootprintIncreaseRule;
import cn.cfp.scheme.Independence;
import cn.cfp.scheme.IndependenceRequirement;
import cn.cfp.scheme.IndependenceRule;
import cn.cfp.scheme.InspectionRules;
import cn.cfp.scheme.IntRange;
import cn.cfp.scheme.LabelRounding;
import cn.cfp.scheme.LabelRules;
import cn.cfp.scheme.CompetenceField;
import cn.cfp.scheme.LocalizedText;
import cn.cfp.scheme.ProductClass;
import cn.cfp.scheme.ManDayActivity;
import cn.cfp.scheme.ManDayBand;
import cn.cfp.scheme.ManDayBandTable;
import cn.cfp.scheme.ManDayRange;
import cn.cfp.scheme.ManDayRule;
import cn.cfp.scheme.ManDayTable;
import cn.cfp.scheme.NcClass;
import cn.cfp.scheme.NcDeadline;
import cn.cfp.scheme.NonconformityPolicy;
import cn.cfp.scheme.PlanNotice;
import cn.cfp.scheme.OnsiteInspectionExemption;
import cn.cfp.scheme.PriorVerificationAdoption;
import cn.cfp.scheme.Flow;
import cn.cfp.scheme.FlowStep;
import cn.cfp.scheme.ProcedureSteps;
import cn.cfp.scheme.Stage;
import cn.cfp.scheme.PublicationRule;
import cn.cfp.scheme.MemberRequirement;
import cn.cfp.scheme.Qualification;
import cn.cfp.scheme.QualificationRequirement;
import cn.cfp.scheme.QuantificationMethod;
import cn.cfp.scheme.QuantificationMethods;
import cn.cfp.scheme.RecordRetention;
import cn.cfp.scheme.ResultUnit;
import cn.cfp.scheme.RetentionRule;
import cn.cfp.scheme.RoundingBand;
import cn.cfp.scheme.SchemeParameter;
import cn.cfp.scheme.Step;
import cn.cfp.scheme.StatusAction;
import cn.cfp.scheme.SurveillanceFootprintRule;
import cn.cfp.scheme.SurveillancePolicy;
import cn.cfp.scheme.TeamPolicy;
import cn.cfp.scheme.Term;
import cn.cfp.scheme.TimeLimit;
import cn.cfp.scheme.UnitDivision;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Parses and checks the {@code value} of each scheme parameter. One function per parameter key. */
final class ValueParsers {

    /** Seed id (3 digits) followed by a clause: "000 §7.3.3", "003 ¶29", "000 Ann. 2 §4.4". */
    static final Pattern CITE = Pattern.compile("\\d{3}\\s+\\S.*");

    private static final Pattern ITEM_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> RESULT_UNITS = Set.of("gCO2e", "kgCO2e", "tCO2e", "CO2e");

    private static final Map<SchemeParameter<?>, Function<Node, Object>> PARSERS = Map.ofEntries(
            Map.entry(SchemeParameter.CERTIFICATION_MODE, ValueParsers::steps),
            Map.entry(SchemeParameter.FLOW, ValueParsers::flow),
            Map.entry(SchemeParameter.UNIT_DIVISION, ValueParsers::unitDivision),
            Map.entry(SchemeParameter.DOCUMENT_CHECKLIST, ValueParsers::checklist),
            Map.entry(SchemeParameter.APPLICATION_FORM, ValueParsers::applicationForm),
            Map.entry(SchemeParameter.ACCEPTANCE_NOTICE_WORKING_DAYS, Node::positiveInt),
            Map.entry(SchemeParameter.TIME_LIMIT, ValueParsers::timeLimit),
            Map.entry(SchemeParameter.ON_SITE_AFTER_DOCUMENT_REVIEW_WORKING_DAYS, Node::positiveInt),
            Map.entry(SchemeParameter.DOCUMENT_REVIEW_ROUNDS, Node::positiveInt),
            Map.entry(SchemeParameter.TEAM_POLICY, ValueParsers::team),
            Map.entry(SchemeParameter.MAN_DAY_TABLE, ValueParsers::manDays),
            Map.entry(SchemeParameter.VERIFICATION_PLAN_NOTICE, ValueParsers::planNotice),
            Map.entry(SchemeParameter.PRELIMINARY_EVALUATION, ValueParsers::preliminaryEvaluation),
            Map.entry(SchemeParameter.STAGE_GAP_MAX_MONTHS, Node::positiveInt),
            Map.entry(SchemeParameter.CLAIM_EVALUATION, ValueParsers::claimEvaluation),
            Map.entry(SchemeParameter.NONCONFORMITIES, ValueParsers::nonconformities),
            Map.entry(SchemeParameter.DECISION, ValueParsers::decision),
            Map.entry(SchemeParameter.INDEPENDENCE, ValueParsers::independence),
            Map.entry(SchemeParameter.VALIDITY_YEARS, Node::positiveInt),
            Map.entry(SchemeParameter.RENEWAL_WINDOW, ValueParsers::term),
            Map.entry(SchemeParameter.RENEWAL_PROCEDURE, Node::text),
            Map.entry(SchemeParameter.SURVEILLANCE, ValueParsers::surveillance),
            Map.entry(SchemeParameter.SURVEILLANCE_FOOTPRINT, ValueParsers::surveillanceFootprint),
            Map.entry(SchemeParameter.SURVEILLANCE_NC_DEADLINE, ValueParsers::ncDeadline),
            Map.entry(SchemeParameter.SUSPENSION_MAX_MONTHS, Node::positiveInt),
            Map.entry(SchemeParameter.STATUS_ACTION_WORKING_DAYS, Node::positiveInt),
            Map.entry(SchemeParameter.REAPPLICATION_BAN_MONTHS, Node::positiveInt),
            Map.entry(SchemeParameter.FOOTPRINT_INCREASE_RULE, ValueParsers::footprintIncrease),
            Map.entry(SchemeParameter.CUT_OFF, ValueParsers::cutOff),
            Map.entry(SchemeParameter.QUANTIFICATION_METHODS, ValueParsers::quantification),
            Map.entry(SchemeParameter.RESULT_UNIT, ValueParsers::resultUnit),
            Map.entry(SchemeParameter.DATA_PRIORITY, ValueParsers::dataPriority),
            Map.entry(SchemeParameter.VERIFICATION_TABLES, ValueParsers::verificationTables),
            Map.entry(SchemeParameter.ASSURANCE, ValueParsers::assurance),
            Map.entry(SchemeParameter.PRIOR_VERIFICATION, ValueParsers::priorVerification),
            Map.entry(SchemeParameter.ONSITE_EXEMPTION, ValueParsers::onsiteExemption),
            Map.entry(SchemeParameter.PUBLICATION, ValueParsers::publication),
            Map.entry(SchemeParameter.RECORD_RETENTION, ValueParsers::retention),
            Map.entry(SchemeParameter.LABEL, ValueParsers::label),
            Map.entry(SchemeParameter.LABEL_ROUNDING, ValueParsers::labelRounding),
            Map.entry(SchemeParameter.ON_SITE_INSPECTION, ValueParsers::onSiteInspection),
            Map.entry(SchemeParameter.LABEL_MARK, n -> n.enumValue(cn.cfp.scheme.LabelMark.class)));

    static {
        for (SchemeParameter<?> p : SchemeParameter.ALL) {
            if (!PARSERS.containsKey(p)) {
                throw new IllegalStateException("No parser for scheme parameter " + p.key());
            }
        }
    }

    private ValueParsers() {
    }

    static Object parse(SchemeParameter<?> parameter, Node value) {
        return PARSERS.get(parameter).apply(value);
    }

    static String cite(Node n) {
        String c = n.string();
        if (!CITE.matcher(c).matches()) {
            throw n.error("must start with the 3-digit seed id and name the clause, e.g. \"000 §7.3.3\" or \"003 ¶29\", got "
                    + Node.describe(n.raw()));
        }
        return c;
    }

    // ---- shared shapes

    private static Step step(Node n) {
        var f = n.fields("key", "zh", "en");
        return new Step(f.req("key").key(), new LocalizedText(f.req("zh").string(), f.opt("en").optString()));
    }

    private static List<Step> uniqueSteps(Node n) {
        List<Step> steps = n.nonEmptyList().stream().map(ValueParsers::step).toList();
        Set<String> seen = new HashSet<>();
        List<Node> nodes = n.list();
        for (int i = 0; i < steps.size(); i++) {
            if (!seen.add(steps.get(i).key())) {
                throw nodes.get(i).error("duplicate key " + steps.get(i).key());
            }
        }
        return steps;
    }

    /** A flow step names its canonical stage ({@code stage: X}) or stages ({@code stages: [X, Y]}, {@code together}). */
    private static Flow flow(Node n) {
        List<FlowStep> steps = new java.util.ArrayList<>();
        Set<String> keys = new HashSet<>();
        Set<Stage> seen = new HashSet<>();
        Stage.Phase phase = Stage.Phase.BEFORE_CASE;
        for (Node s : n.nonEmptyList()) {
            var f = s.fields("key", "zh", "en", "stage", "stages", "together");
            String key = f.req("key").key();
            if (!keys.add(key)) {
                throw s.error("duplicate key " + key);
            }
            List<Stage> stages;
            if (!f.opt("stage").isNull() && !f.opt("stages").isNull()) {
                throw s.error("give either stage or stages, not both");
            } else if (!f.opt("stage").isNull()) {
                stages = List.of(f.opt("stage").enumValue(Stage.class));
            } else if (!f.opt("stages").isNull()) {
                stages = f.opt("stages").nonEmptyList().stream().map(x -> x.enumValue(Stage.class)).toList();
            } else {
                throw s.error("needs its canonical stage: stage: one of " + java.util.Arrays.toString(Stage.values()));
            }
            for (Stage st : stages) {
                // several seed steps before the case (receiving, contract review, contract) are all the acceptance
                if (!seen.add(st) && st.phase() != Stage.Phase.BEFORE_CASE) {
                    throw s.error("stage " + st + " appears twice in the flow");
                }
                if (st.phase().ordinal() < phase.ordinal()) {
                    throw s.error("stage " + st + " (" + st.phase() + ") cannot follow a " + phase + " stage");
                }
                phase = st.phase();
            }
            boolean together = !f.opt("together").isNull() && f.opt("together").bool();
            if (together && stages.size() < 2) {
                throw f.opt("together").error("only applies to a step of two or more stages");
            }
            steps.add(new FlowStep(key, new LocalizedText(f.req("zh").string(), f.opt("en").optString()), stages, together));
        }
        Flow flow = new Flow(steps);
        for (Stage required : List.of(Stage.ACCEPTANCE, Stage.DECISION)) {
            if (!flow.contains(required)) {
                throw n.error("has no step with stage " + required + ": every flow accepts an application and ends in a decision");
            }
        }
        return flow;
    }

    private static ProcedureSteps steps(Node n) {
        return new ProcedureSteps(uniqueSteps(n));
    }

    private static Term term(Node n) {
        var f = n.fields("amount", "unit");
        return new Term(f.req("amount").positiveInt(), f.req("unit").enumValue(Term.Unit.class));
    }

    private static Term optTerm(Node n) {
        return n.isNull() ? null : term(n);
    }

    private static IntRange intRange(Node n) {
        if (n.isNull()) {
            return null;
        }
        var f = n.fields("min", "max");
        int min = f.req("min").positiveInt();
        int max = f.req("max").positiveInt();
        if (min > max) {
            throw n.error("min " + min + " must not exceed max " + max);
        }
        return new IntRange(min, max);
    }

    // ---- parameters

    private static UnitDivision unitDivision(Node n) {
        var f = n.fields("rule", "differentSiteIsDifferentUnit", "classes", "steps", "description", "modelsPerUnit", "exceptionCite");
        UnitDivision.Rule rule = f.req("rule").enumValue(UnitDivision.Rule.class);
        List<ProductClass> classes = f.opt("classes").listOf(ValueParsers::productClass);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < classes.size(); i++) {
            if (!seen.add(classes.get(i).value())) {
                throw f.opt("classes").list().get(i).error("duplicate class '" + classes.get(i).value() + "'");
            }
        }
        List<LocalizedText> steps = f.opt("steps").listOf(Node::text);
        if (rule == UnitDivision.Rule.BY_CLASS && classes.isEmpty()) {
            throw f.opt("classes").error("is required (a non-empty list) when rule is BY_CLASS");
        }
        if (rule == UnitDivision.Rule.STEPWISE && steps.isEmpty()) {
            throw f.opt("steps").error("is required (a non-empty list) when rule is STEPWISE");
        }
        return new UnitDivision(rule, f.req("differentSiteIsDifferentUnit").bool(), classes, steps,
                f.opt("description").optText(),
                f.opt("modelsPerUnit").isNull() ? null : f.opt("modelsPerUnit").enumValue(UnitDivision.ModelsPerUnit.class),
                f.opt("exceptionCite").isNull() ? null : cite(f.opt("exceptionCite")));
    }

    /** {@code {code?, zh, en, field?}} or a plain text: a product class [002 §4; 003 ¶14]. */
    private static ProductClass productClass(Node n) {
        if (n.raw() instanceof String) {
            LocalizedText t = n.text();
            return ProductClass.named(t.zh(), t.en());
        }
        var f = n.fields("code", "zh", "en", "field");
        return new ProductClass(fieldCode(f.opt("code")), f.req("zh").string(), f.opt("en").optString(), fieldCode(f.opt("field")));
    }

    /** A field-of-competence code such as {@code PV13} or {@code FURNITURE}, or null when absent. */
    private static String fieldCode(Node n) {
        if (n.isNull()) {
            return null;
        }
        String s = n.string();
        if (!CompetenceField.CODE.matcher(s).matches()) {
            throw n.error("must be a field code of 2–40 capital letters, digits or _ like PV13, got " + Node.describe(s));
        }
        return s;
    }

    private static DocumentChecklist checklist(Node n) {
        List<ChecklistItem> items = n.nonEmptyList().stream().map(ValueParsers::checklistItem).toList();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!ids.add(items.get(i).id())) {
                throw n.list().get(i).error("duplicate item id '" + items.get(i).id() + "'");
            }
        }
        return new DocumentChecklist(items);
    }

    private static ApplicationForm applicationForm(Node n) {
        List<ApplicationForm.Field> fields = n.nonEmptyList().stream().map(ValueParsers::formField).toList();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            if (!ids.add(fields.get(i).id())) {
                throw n.list().get(i).error("duplicate field id '" + fields.get(i).id() + "'");
            }
        }
        return new ApplicationForm(fields);
    }

    private static ApplicationForm.Field formField(Node n) {
        var f = n.fields("id", "zh", "en", "type", "required", "options", "cite");
        String id = f.req("id").string();
        if (!ITEM_ID.matcher(id).matches()) {
            throw f.req("id").error("must be lower-case letters, digits and '-', got " + Node.describe(id));
        }
        Node typeNode = f.req("type");
        ApplicationForm.Type type;
        try {
            type = typeNode.enumValue(ApplicationForm.Type.class);
        } catch (RuntimeException e) {
            throw typeNode.error("must be text, choice or yes_no, got " + Node.describe(typeNode.raw()));
        }
        List<LocalizedText> options = f.has("options") ? f.req("options").listOf(Node::text) : List.of();
        if (type == ApplicationForm.Type.CHOICE && options.isEmpty()) {
            throw f.opt("options").error("is required for a choice field: the options to choose from");
        }
        if (type != ApplicationForm.Type.CHOICE && !options.isEmpty()) {
            throw f.opt("options").error("only choice fields have options");
        }
        if (!f.has("cite")) {
            throw f.opt("cite").error("is required: every form field cites its clause");
        }
        return new ApplicationForm.Field(id, new LocalizedText(f.req("zh").string(), f.opt("en").optString()), type,
                f.opt("required").boolOr(false), options, cite(f.req("cite")));
    }

    private static ChecklistItem checklistItem(Node n) {
        var f = n.fields("id", "zh", "en", "kind", "question", "cite", "answeredBy");
        String id = f.req("id").string();
        if (!ITEM_ID.matcher(id).matches()) {
            throw f.req("id").error("must be lower-case letters, digits and '-', got " + Node.describe(id));
        }
        Node kindNode = f.req("kind");
        ChecklistItem.Kind kind;
        try {
            kind = kindNode.enumValue(ChecklistItem.Kind.class);
        } catch (RuntimeException e) {
            throw kindNode.error("must be required, conditional or optional, got " + Node.describe(kindNode.raw()));
        }
        LocalizedText question = f.opt("question").optText();
        if (kind == ChecklistItem.Kind.CONDITIONAL && question == null) {
            throw f.opt("question").error("is required for a conditional item: the question that decides whether it applies");
        }
        if (kind != ChecklistItem.Kind.CONDITIONAL && question != null) {
            throw f.opt("question").error("only conditional items have a question (this item is " + kind.name().toLowerCase() + ")");
        }
        if (!f.has("cite")) {
            throw f.opt("cite").error("is required: every checklist item cites its clause, e.g. \"000 §7.1.2(3)\"");
        }
        ChecklistItem.AnsweredBy answeredBy = f.opt("answeredBy").optEnum(ChecklistItem.AnsweredBy.class);
        if (answeredBy != null && kind != ChecklistItem.Kind.CONDITIONAL) {
            throw f.opt("answeredBy").error("only a conditional item can be answered from the parties");
        }
        return new ChecklistItem(id, new LocalizedText(f.req("zh").string(), f.opt("en").optString()), kind, question,
                cite(f.req("cite")), answeredBy);
    }

    private static TimeLimit timeLimit(Node n) {
        var f = n.fields("days", "clientDelaysExcluded");
        return new TimeLimit(f.req("days").positiveInt(), f.opt("clientDelaysExcluded").optBool());
    }

    private static TeamPolicy team(Node n) {
        var f = n.fields("minMembers", "minFullTime", "leaderRequired", "qualifications", "technicalExpertAllowed",
                "technicalExpertMayVerify", "technicalExpertTimeCounted", "traineesAllowed", "traineeTimeCounted",
                "competenceAsWhole", "description", "everyMember", "fields");
        Integer min = f.opt("minMembers").optPositiveInt();
        Integer fullTime = f.opt("minFullTime").isNull() ? null : f.opt("minFullTime").nonNegativeInt();
        if (min != null && fullTime != null && fullTime > min) {
            throw f.opt("minFullTime").error("must not exceed minMembers (" + min + "), got " + fullTime);
        }
        List<QualificationRequirement> qs = f.opt("qualifications").listOf(q -> {
            var qf = q.fields("min", "anyOf", "fullTime", "ofField");
            Set<Qualification> anyOf = new HashSet<>(qf.req("anyOf").nonEmptyList().stream()
                    .map(x -> x.enumValue(Qualification.class)).toList());
            int qmin = qf.req("min").positiveInt();
            if (min != null && qmin > min) {
                throw qf.req("min").error("must not exceed minMembers (" + min + "), got " + qmin);
            }
            return new QualificationRequirement(qmin, anyOf, qf.opt("fullTime").boolOr(false), qf.opt("ofField").boolOr(false));
        });
        return new TeamPolicy(min, fullTime, f.opt("leaderRequired").boolOr(false), qs,
                f.opt("technicalExpertAllowed").optBool(), f.opt("technicalExpertMayVerify").optBool(),
                f.opt("technicalExpertTimeCounted").optBool(), f.opt("traineesAllowed").optBool(),
                f.opt("traineeTimeCounted").optBool(), f.opt("competenceAsWhole").boolOr(false),
                f.opt("description").optText(), f.opt("everyMember").listOf(m -> {
                    var mf = m.fields("roles", "anyOf", "minExperienceYears", "cite");
                    Set<String> roles = new HashSet<>();
                    for (Node r : mf.req("roles").nonEmptyList()) {
                        String role = r.string();
                        if (!MemberRequirement.ROLES.contains(role)) {
                            throw r.error("must be one of " + new java.util.TreeSet<>(MemberRequirement.ROLES) + ", got " + Node.describe(role));
                        }
                        roles.add(role);
                    }
                    Set<Qualification> anyOf = mf.opt("anyOf").isNull() ? Set.of() : new HashSet<>(mf.opt("anyOf").nonEmptyList().stream()
                            .map(x -> x.enumValue(Qualification.class)).toList());
                    Integer years = mf.opt("minExperienceYears").optPositiveInt();
                    if (anyOf.isEmpty() && years == null) {
                        throw m.error("must ask for a qualification (anyOf) or experience (minExperienceYears)");
                    }
                    return new MemberRequirement(roles, anyOf, years, mf.req("cite").string());
                }), f.opt("fields").listOf(x -> {
                    var xf = x.fields("code", "zh", "en");
                    return new CompetenceField(fieldCode(xf.req("code")), new LocalizedText(xf.req("zh").string(), xf.opt("en").optString()));
                }));
    }

    private static ManDayRange manDayRange(Node n) {
        if (n.raw() instanceof Number) {
            return ManDayRange.exactly(n.positiveNumber());
        }
        var f = n.fields("min", "max");
        BigDecimal min = f.req("min").positiveNumber();
        BigDecimal max = f.opt("max").isNull() ? null : f.opt("max").positiveNumber();
        if (max != null && max.compareTo(min) < 0) {
            throw n.error("min " + min.toPlainString() + " must not exceed max " + max.toPlainString());
        }
        return new ManDayRange(min, max);
    }

    private static ManDayTable manDays(Node n) {
        var f = n.fields("basis", "rules", "tables", "maxReductionPercent", "docReviewMaxPercentOfTotal", "description");
        List<ManDayRule> rules = f.opt("rules").listOf(r -> {
            var rf = r.fields("activity", "manDays", "note", "perProject", "guide");
            return new ManDayRule(rf.req("activity").enumValue(ManDayActivity.class), manDayRange(rf.req("manDays")),
                    rf.opt("note").optText(), rf.opt("perProject").boolOr(false), rf.opt("guide").boolOr(false));
        });
        List<ManDayBandTable> tables = f.opt("tables").listOf(ValueParsers::bandTable);
        return new ManDayTable(f.opt("basis").optEnum(ManDayTable.Basis.class), rules, tables,
                f.opt("maxReductionPercent").optPercent(), f.opt("docReviewMaxPercentOfTotal").optPercent(),
                f.opt("description").optText());
    }

    private static ManDayBandTable bandTable(Node n) {
        var f = n.fields("driver", "bands", "note");
        List<Node> bandNodes = f.req("bands").nonEmptyList();
        List<ManDayBand> bands = bandNodes.stream().map(ValueParsers::band).toList();
        for (int i = 0; i < bands.size(); i++) {
            ManDayBand b = bands.get(i);
            if (b.upTo() != null && b.upTo() <= b.above()) {
                throw bandNodes.get(i).error("bands must be ascending: upTo " + b.upTo() + " must be greater than above " + b.above());
            }
            if (i > 0) {
                ManDayBand prev = bands.get(i - 1);
                if (prev.upTo() == null) {
                    throw bandNodes.get(i - 1).error("only the last band may be open-ended (upTo missing)");
                }
                if (b.above() < prev.upTo()) {
                    throw bandNodes.get(i).error("bands overlap: this band starts above " + b.above()
                            + " but the previous band already covers up to " + prev.upTo()
                            + " (bands must be ascending and non-overlapping)");
                }
                if (b.above() > prev.upTo()) {
                    throw bandNodes.get(i).error("gap between bands: counts " + (prev.upTo() + 1) + "–" + b.above()
                            + " are not covered (the previous band ends at " + prev.upTo() + ")");
                }
            }
        }
        return new ManDayBandTable(f.req("driver").enumValue(ManDayBandTable.Driver.class), bands, f.opt("note").optText());
    }

    private static ManDayBand band(Node n) {
        var f = n.fields("above", "upTo", "manDays", "caseByCase", "note");
        int above = f.req("above").nonNegativeInt();
        Integer upTo = f.opt("upTo").optPositiveInt();
        boolean caseByCase = f.opt("caseByCase").boolOr(false);
        Map<ManDayActivity, ManDayRange> md = new EnumMap<>(ManDayActivity.class);
        Node mdNode = f.opt("manDays");
        if (!mdNode.isNull()) {
            String[] names = java.util.Arrays.stream(ManDayActivity.values()).map(Enum::name).toArray(String[]::new);
            var mf = mdNode.fields(names);
            for (ManDayActivity a : ManDayActivity.values()) {
                if (mf.has(a.name())) {
                    md.put(a, manDayRange(mf.req(a.name())));
                }
            }
        }
        if (md.isEmpty() && !caseByCase) {
            throw mdNode.error("is required unless caseByCase is true");
        }
        return new ManDayBand(above, upTo, md, caseByCase, f.opt("note").optText());
    }

    private static PlanNotice planNotice(Node n) {
        var f = n.fields("plan", "minWorkingDaysBefore", "clientConfirmation", "description");
        return new PlanNotice(f.opt("minWorkingDaysBefore").optPositiveInt(),
                f.opt("clientConfirmation").optEnum(PlanNotice.Confirmation.class), f.opt("plan").optText(),
                f.opt("description").optText());
    }

    private static final Pattern EVALUATION_ITEM_ID = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private static List<EvaluationItem> evaluationItems(Node n) {
        List<Node> nodes = n.nonEmptyList();
        List<EvaluationItem> items = new java.util.ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node x : nodes) {
            var f = x.fields("id", "zh", "en", "cite");
            String id = f.req("id").string();
            if (!EVALUATION_ITEM_ID.matcher(id).matches()) {
                throw f.req("id").error("must be upper-case letters, digits and '_' like A or KEY_STAGES, got " + Node.describe(id));
            }
            if (!ids.add(id)) {
                throw x.error("duplicate item id '" + id + "'");
            }
            String en = f.opt("en").optString();
            items.add(new EvaluationItem(id, new LocalizedText(f.req("zh").string(), en), cite(f.req("cite"))));
        }
        return List.copyOf(items);
    }

    private static PreliminaryEvaluation preliminaryEvaluation(Node n) {
        var f = n.fields("items", "description");
        return new PreliminaryEvaluation(evaluationItems(f.req("items")), f.opt("description").optText());
    }

    private static ClaimEvaluation claimEvaluation(Node n) {
        var f = n.fields("items", "rounds", "consistencyItems", "description");
        return new ClaimEvaluation(evaluationItems(f.req("items")), f.opt("rounds").optPositiveInt(),
                f.has("consistencyItems") ? evaluationItems(f.req("consistencyItems")) : List.of(), f.opt("description").optText());
    }

    private static NonconformityPolicy nonconformities(Node n) {
        var f = n.fields("classes", "issueWithinWorkingDays", "reEvaluationWorkingDays",
                "closureRequiredBeforeCertificate", "failIfDeadlineMissed", "description", "deadlineConsequence",
                "explanationAllowed", "listTitles");
        List<NcClass> classes = f.opt("classes").listOf(c -> {
            var cf = c.fields("key", "zh", "en", "effectBelowPercent", "effectAtLeastPercent");
            return new NcClass(cf.req("key").key(), new LocalizedText(cf.req("zh").string(), cf.opt("en").optString()),
                    cf.opt("effectBelowPercent").optPercent(), cf.opt("effectAtLeastPercent").optPercent());
        });
        return new NonconformityPolicy(classes, intRange(f.opt("issueWithinWorkingDays")),
                intRange(f.opt("reEvaluationWorkingDays")), f.opt("closureRequiredBeforeCertificate").optBool(),
                f.opt("failIfDeadlineMissed").optBool(), f.opt("description").optText(),
                f.opt("deadlineConsequence").optEnum(NonconformityPolicy.DeadlineConsequence.class),
                f.opt("explanationAllowed").optBool(),
                f.opt("listTitles").listOf(t -> {
                    var tf = t.fields("source", "zh", "en");
                    return new NonconformityPolicy.ListTitle(tf.req("source").enumValue(cn.cfp.scheme.Stage.class),
                            new LocalizedText(tf.req("zh").string(), tf.opt("en").optString()));
                }));
    }

    private static DecisionPolicy decision(Node n) {
        var f = n.fields("outcomes", "certificateIssueLimit", "certificateIssueFrom", "failureNoticeLimit", "failureNoticeFrom",
                "description");
        return new DecisionPolicy(f.opt("outcomes").isNull() ? List.of() : uniqueSteps(f.opt("outcomes")),
                optTerm(f.opt("certificateIssueLimit")), f.opt("certificateIssueFrom").optText(),
                optTerm(f.opt("failureNoticeLimit")), f.opt("failureNoticeFrom").optText(), f.opt("description").optText());
    }

    private static Independence independence(Node n) {
        return new Independence(n.nonEmptyList().stream().map(r -> {
            var rf = r.fields("rule", "text", "cite");
            if (!rf.has("cite")) {
                throw rf.opt("cite").error("is required: every independence rule cites its clause");
            }
            return new IndependenceRequirement(rf.req("rule").enumValue(IndependenceRule.class), rf.req("text").text(),
                    cite(rf.req("cite")));
        }).toList());
    }

    private static SurveillancePolicy surveillance(Node n) {
        var f = n.fields("firstWithinMonths", "firstRecommended", "firstAtMonth", "maxIntervalMonths", "noticeMonthsAhead",
                "extraAllowed", "unannouncedAllowed", "description");
        return new SurveillancePolicy(f.opt("firstWithinMonths").optPositiveInt(), f.opt("firstRecommended").optBool(),
                f.opt("firstAtMonth").optPositiveInt(), f.opt("maxIntervalMonths").optPositiveInt(),
                f.opt("noticeMonthsAhead").optPositiveInt(), f.opt("extraAllowed").optBool(),
                f.opt("unannouncedAllowed").optBool(), f.opt("description").optText());
    }

    private static SurveillanceFootprintRule surveillanceFootprint(Node n) {
        var f = n.fields("expectDecrease", "reductionTargetMustBeMet", "revokeIfIncreaseAtLeastPercent", "description");
        return new SurveillanceFootprintRule(f.opt("expectDecrease").optBool(), f.opt("reductionTargetMustBeMet").optBool(),
                f.opt("revokeIfIncreaseAtLeastPercent").optPercent(), f.opt("description").optText());
    }

    private static NcDeadline ncDeadline(Node n) {
        var f = n.fields("months", "onMiss", "description");
        return new NcDeadline(f.opt("months").optPositiveInt(), f.opt("onMiss").optEnum(StatusAction.class),
                f.opt("description").optText());
    }

    private static FootprintIncreaseRule footprintIncrease(Node n) {
        var f = n.fields("unplannedPercent", "plannedPercent", "minDurationMonths", "ifNoReReviewRequested",
                "ifReReviewRefused", "consequence", "durationInclusive");
        return new FootprintIncreaseRule(f.req("unplannedPercent").percent(), f.req("plannedPercent").percent(),
                f.req("minDurationMonths").positiveInt(), f.opt("ifNoReReviewRequested").optEnum(StatusAction.class),
                f.opt("ifReReviewRefused").optEnum(StatusAction.class), f.opt("consequence").optText(),
                f.opt("durationInclusive").boolOr(false));
    }

    private static CutOffRule cutOff(Node n) {
        var f = n.fields("maxPercent", "basis");
        return new CutOffRule(f.opt("maxPercent").optPercent(), f.req("basis").text());
    }

    private static QuantificationMethods quantification(Node n) {
        var f = n.fields("methods", "preferred", "description");
        List<QuantificationMethod> methods = f.opt("methods").listOf(x -> x.enumValue(QuantificationMethod.class));
        List<QuantificationMethod> preferred = f.opt("preferred").listOf(x -> x.enumValue(QuantificationMethod.class));
        for (QuantificationMethod p : preferred) {
            if (!methods.contains(p)) {
                throw f.opt("preferred").error("lists " + p + ", which is not among methods " + methods);
            }
        }
        if (methods.isEmpty() && !f.has("description")) {
            throw f.opt("methods").error("is required unless a description says where the methods are defined");
        }
        return new QuantificationMethods(methods, preferred, f.opt("description").optText());
    }

    private static ResultUnit resultUnit(Node n) {
        var f = n.fields("units", "per");
        List<String> units = f.req("units").nonEmptyList().stream().map(u -> {
            String s = u.string();
            if (!RESULT_UNITS.contains(s)) {
                throw u.error("must be one of " + RESULT_UNITS + ", got " + Node.describe(s));
            }
            return s;
        }).toList();
        return new ResultUnit(units, f.opt("per").optText());
    }

    private static DataPriority dataPriority(Node n) {
        var f = n.fields("factorOrder", "databaseOrder", "secondaryDataPenalty", "description", "penaltyPercent",
                "maximumDqr", "qualityFailure");
        java.math.BigDecimal dqr = f.opt("maximumDqr").isNull() ? null : f.opt("maximumDqr").positiveNumber();
        if (dqr != null && (dqr.compareTo(java.math.BigDecimal.ONE) < 0 || dqr.compareTo(java.math.BigDecimal.valueOf(5)) > 0)) {
            throw n.error("maximumDqr must be between 1 and 5 (PEF DQR scale), got " + dqr);
        }
        return new DataPriority(f.opt("factorOrder").listOf(Node::text), f.opt("databaseOrder").listOf(Node::text),
                f.opt("secondaryDataPenalty").optBool(), f.opt("description").optText(), f.opt("penaltyPercent").optPercent(),
                dqr, f.opt("qualityFailure").optEnum(cn.cfp.scheme.DataQualityFailure.class));
    }

    private static VerificationTables verificationTables(Node n) {
        var f = n.fields("tables");
        List<VerificationTables.Table> tables = f.opt("tables").listOf(x -> x.enumValue(VerificationTables.Table.class));
        if (!tables.contains(VerificationTables.Table.PRIMARY_DATA) || !tables.contains(VerificationTables.Table.SECONDARY_DATA)) {
            throw n.error("tables must include PRIMARY_DATA and SECONDARY_DATA (000 Ann.2 §4.3.2.1(3), §4.3.2.2(6))");
        }
        return new VerificationTables(tables);
    }

    private static AssurancePolicy assurance(Node n) {
        var f = n.fields("levels", "materialityThresholdRequired", "description");
        return new AssurancePolicy(f.opt("levels").listOf(x -> x.enumValue(AssuranceLevel.class)),
                f.opt("materialityThresholdRequired").optBool(), f.opt("description").optText());
    }

    private static PriorVerificationAdoption priorVerification(Node n) {
        var f = n.fields("identicalProductRequired", "acceptedBodies", "maxAgeMonths", "description", "waives", "simplifies");
        Stage waives = f.opt("waives").optEnum(Stage.class);
        Stage simplifies = f.opt("simplifies").optEnum(Stage.class);
        if ((waives == null) == (simplifies == null)) {
            throw n.error("needs exactly one of 'waives' (the adoption takes the stage out) and 'simplifies' (the stage stays, simplified)");
        }
        return new PriorVerificationAdoption(f.opt("identicalProductRequired").optBool(), f.opt("acceptedBodies").optText(),
                f.opt("maxAgeMonths").optPositiveInt(), f.opt("description").optText(),
                waives, simplifies);
    }

    private static OnsiteInspectionExemption onsiteExemption(Node n) {
        var f = n.fields("sameFactoryRequired", "sameProductTypeRequired", "previousInspectionWithinMonths", "description", "waives");
        return new OnsiteInspectionExemption(f.opt("sameFactoryRequired").optBool(), f.opt("sameProductTypeRequired").optBool(),
                f.opt("previousInspectionWithinMonths").optPositiveInt(), f.opt("description").optText(),
                f.req("waives").enumValue(Stage.class));
    }

    private static PublicationRule publication(Node n) {
        var f = n.fields("channel", "withinWorkingDays", "clientConsentRequired", "description");
        return new PublicationRule(f.opt("channel").optText(), f.opt("withinWorkingDays").optPositiveInt(),
                f.opt("clientConsentRequired").optBool(), f.opt("description").optText());
    }

    private static RecordRetention retention(Node n) {
        return new RecordRetention(n.nonEmptyList().stream().map(r -> {
            var rf = r.fields("holder", "record", "minimum", "rule", "cite");
            Term min = optTerm(rf.opt("minimum"));
            LocalizedText rule = rf.opt("rule").optText();
            if (min == null && rule == null) {
                throw rf.opt("minimum").error("is required unless a 'rule' text says how long to keep the record");
            }
            if (!rf.has("cite")) {
                throw rf.opt("cite").error("is required: every retention rule cites its clause");
            }
            return new RetentionRule(rf.req("holder").enumValue(RetentionRule.Holder.class), rf.opt("record").optText(),
                    min, rule, cite(rf.req("cite")));
        }).toList());
    }

    private static LabelRules label(Node n) {
        var f = n.fields("minWidthMm", "minHeightMm", "deformationForbidden", "qrCode", "valueUnit",
                "placementPriority", "description");
        return new LabelRules(f.opt("minWidthMm").optPositiveInt(), f.opt("minHeightMm").optPositiveInt(),
                f.opt("deformationForbidden").optBool(), f.opt("qrCode").optBool(), f.opt("valueUnit").optString(),
                f.opt("placementPriority").listOf(Node::text), f.opt("description").optText());
    }

    private static LabelRounding labelRounding(Node n) {
        var f = n.fields("bands", "uncoveredBelow");
        List<Node> nodes = f.req("bands").nonEmptyList();
        List<RoundingBand> bands = nodes.stream().map(b -> {
            var bf = b.fields("aboveGrams", "upToGrams", "stepGrams", "rule");
            BigDecimal above = bf.req("aboveGrams").number();
            if (above.signum() < 0) {
                throw bf.req("aboveGrams").error("must be ≥ 0, got " + above.toPlainString());
            }
            BigDecimal upTo = bf.opt("upToGrams").isNull() ? null : bf.opt("upToGrams").positiveNumber();
            BigDecimal step = bf.opt("stepGrams").isNull() ? null : bf.opt("stepGrams").positiveNumber();
            LocalizedText rule = bf.opt("rule").optText();
            if (step == null && rule == null) {
                throw bf.opt("stepGrams").error("is required unless a 'rule' text says how to round");
            }
            return new RoundingBand(above, upTo, step, rule);
        }).toList();
        for (int i = 0; i < bands.size(); i++) {
            RoundingBand b = bands.get(i);
            if (b.upToGrams() != null && b.upToGrams().compareTo(b.aboveGrams()) <= 0) {
                throw nodes.get(i).error("bands must be ascending: upToGrams must be greater than aboveGrams");
            }
            if (i > 0) {
                RoundingBand prev = bands.get(i - 1);
                if (prev.upToGrams() == null) {
                    throw nodes.get(i - 1).error("only the last band may be open-ended (upToGrams missing)");
                }
                int cmp = b.aboveGrams().compareTo(prev.upToGrams());
                if (cmp < 0) {
                    throw nodes.get(i).error("bands overlap: this band starts above " + b.aboveGrams().toPlainString()
                            + " g but the previous band covers up to " + prev.upToGrams().toPlainString() + " g");
                }
                if (cmp > 0) {
                    throw nodes.get(i).error("gap between bands: (" + prev.upToGrams().toPlainString() + ", "
                            + b.aboveGrams().toPlainString() + "] g is not covered");
                }
            }
        }
        return new LabelRounding(bands, f.opt("uncoveredBelow").optText());
    }

    private static InspectionRules onSiteInspection(Node n) {
        var f = n.fields("checklist", "consistency", "attendance", "reportContents", "suspensionReasons", "suspensionNotice",
                "description");
        var c = f.req("checklist").fields("set", "headings", "title");
        var checklist = ChecklistSets.resolve(c.req("set"), c.opt("headings"), c.opt("title"));
        List<InspectionRules.InspectionItem> consistency = inspectionItems(f.req("consistency"));
        List<InspectionRules.Meeting> meetings = f.opt("attendance").listOf(m -> m.enumValue(InspectionRules.Meeting.class));
        List<InspectionRules.InspectionItem> report = inspectionItems(f.req("reportContents"));
        List<Step> reasons = uniqueSteps(f.req("suspensionReasons"));
        return new InspectionRules(checklist, consistency, meetings, report, reasons, f.req("suspensionNotice").text(),
                f.opt("description").optText());
    }

    private static List<InspectionRules.InspectionItem> inspectionItems(Node n) {
        Set<String> ids = new HashSet<>();
        return n.nonEmptyList().stream().map(i -> {
            var f = i.fields("id", "zh", "en", "cite");
            String id = f.req("id").string();
            if (!ITEM_ID.matcher(id).matches() || !ids.add(id)) {
                throw f.req("id").error("must be a unique lower-case id like name-model, got " + Node.describe(id));
            }
            return new InspectionRules.InspectionItem(id, new LocalizedText(f.req("zh").string(), f.opt("en").optString()),
                    f.has("cite") ? cite(f.req("cite")) : null);
        }).toList();
    }
}
