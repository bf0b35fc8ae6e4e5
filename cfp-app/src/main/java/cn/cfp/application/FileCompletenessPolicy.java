package cn.cfp.application;

import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.Scheme;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether an application file is complete enough to submit (R-APP-1, R-PTY-2, R-PTY-3): at least one product, every
 * required answer of the scheme's form, every required document, every conditional question answered (and its document
 * when it applies), and every eligibility condition declared [000 §7.1.1–§7.1.2]. Lists everything missing at once.
 */
final class FileCompletenessPolicy {

    private FileCompletenessPolicy() {
    }

    static Verdict check(Scheme scheme, Application app, List<ChecklistItem> checklist) {
        List<Reason> missing = new ArrayList<>();
        if (app.products().isEmpty()) {
            missing.add(Reason.of("application.file.noProduct"));
        }
        Map<String, String> form = app.form();
        scheme.applicationForm().optional().ifPresent(f -> f.fields().stream()
                .filter(x -> x.required() && form.getOrDefault(x.id(), "").isBlank())
                .forEach(x -> missing.add(Reason.of("application.file.formAnswerMissing", x.label(), x.cite()).at("f." + x.id()))));
        Map<String, Application.Document> docs = app.documents();
        for (ChecklistItem item : checklist) {
            Application.Document d = docs.get(item.id());
            switch (item.kind()) {
                case REQUIRED -> {
                    if (d == null || d.evidenceId() == null) {
                        missing.add(Reason.of("application.file.documentMissing", item.name(), item.cite()));
                    }
                }
                case CONDITIONAL -> {
                    if (d == null) {
                        missing.add(Reason.of("application.file.questionUnanswered", item.question(), item.name()));
                    } else if (d.applies() && d.evidenceId() == null) {
                        missing.add(Reason.of("application.file.documentMissing", item.name(), item.cite()));
                    }
                }
                case OPTIONAL -> { }
            }
        }
        for (Eligibility e : Eligibility.values()) {
            Application.Declaration d = app.eligibility().get(e);
            if (d == null || !d.declared()) {
                missing.add(Reason.of("application.file.eligibilityUndeclared", e, Eligibility.CITE));
            }
        }
        return Verdict.of(missing);
    }

    /** Whether a checklist item still blocks submission (for the page's checklist column). */
    static boolean blocks(ChecklistItem item, Application.Document d) {
        return switch (item.kind()) {
            case REQUIRED -> d == null || d.evidenceId() == null;
            case CONDITIONAL -> d == null || d.applies() && d.evidenceId() == null;
            case OPTIONAL -> false;
        };
    }
}
