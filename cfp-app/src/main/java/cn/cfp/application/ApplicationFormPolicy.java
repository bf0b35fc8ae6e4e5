package cn.cfp.application;

import cn.cfp.scheme.ApplicationForm;
import cn.cfp.scheme.Scheme;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers to the scheme's application form (R-APP-1): only the form's fields, at most 1000 characters, choices from the
 * options, yes/no as true or false.
 */
final class ApplicationFormPolicy {

    static final int MAX_ANSWER = 1000;

    private ApplicationFormPolicy() {
    }

    static Verdict check(Scheme scheme, Map<String, String> answers) {
        List<Reason> problems = new ArrayList<>();
        ApplicationForm form = scheme.applicationForm().value();
        for (Map.Entry<String, String> a : answers.entrySet()) {
            Optional<ApplicationForm.Field> field = form == null ? Optional.empty() : form.field(a.getKey());
            if (field.isEmpty()) {
                problems.add(Reason.of("application.form.noSuchField", scheme.code(), a.getKey()));
                continue;
            }
            ApplicationForm.Field f = field.get();
            String at = "f." + f.id();
            String v = a.getValue() == null ? "" : a.getValue().strip();
            if (v.length() > MAX_ANSWER) {
                problems.add(Reason.of("application.form.tooLong", f.label(), MAX_ANSWER).at(at));
            }
            if (!v.isEmpty() && f.type() == ApplicationForm.Type.CHOICE
                    && f.options().stream().noneMatch(o -> o.zh().equals(v) || v.equalsIgnoreCase(o.en()))) {
                problems.add(Reason.of("application.form.notAnOption", v, f.label(), f.options()).at(at));
            }
            if (!v.isEmpty() && f.type() == ApplicationForm.Type.YES_NO && !v.equals("true") && !v.equals("false")) {
                problems.add(Reason.of("application.form.yesNo", f.label(), v).at(at));
            }
        }
        return Verdict.of(problems);
    }
}
