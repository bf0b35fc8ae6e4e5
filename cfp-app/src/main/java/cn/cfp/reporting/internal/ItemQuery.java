package cn.cfp.reporting.internal;

import cn.cfp.reporting.ItemFilter;
import cn.cfp.reporting.ReportKind;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The list filters as the pages and the API take them (text parameters, refused in words when malformed). */
final class ItemQuery {

    private ItemQuery() {
    }

    static ItemFilter filter(String scheme, String kind, String from, String to, String state, Boolean defaultState) {
        List<Reason> problems = new ArrayList<>();
        ReportKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = ReportKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(Reason.of("reporting.badKind", kind, List.of(ReportKind.values())).at("kind"));
            }
        }
        LocalDate f = date(from, "from", problems);
        LocalDate t = date(to, "to", problems);
        if (f != null && t != null && t.isBefore(f)) {
            problems.add(Reason.of("reporting.badPeriod", f.toString(), t.toString()).at("to"));
        }
        Boolean reported = defaultState;
        if (state != null && !state.isBlank()) {
            switch (state.strip().toLowerCase(Locale.ROOT)) {
                case "reported" -> reported = true;
                case "unreported" -> reported = false;
                case "all" -> reported = null;
                default -> problems.add(Reason.of("reporting.badState", state).at("state"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        return new ItemFilter(scheme, k, f, t, reported);
    }

    static String stateName(Boolean reported) {
        return reported == null ? "all" : reported ? "reported" : "unreported";
    }

    private static LocalDate date(String text, String field, List<Reason> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(Reason.of("reporting.badDate", text).at(field));
            return null;
        }
    }
}
