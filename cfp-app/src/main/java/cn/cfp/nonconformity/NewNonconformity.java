package cn.cfp.nonconformity;

import cn.cfp.scheme.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A nonconformity as the team raises it (R-NC-1; back-half §3 "data to keep per NC").
 *
 * @param source        the activity that found it: {@link Stage#DOCUMENT_REVIEW}, {@link Stage#ON_SITE_INSPECTION},
 *                      {@link Stage#VERIFICATION}, {@link Stage#PRELIMINARY_EVALUATION} (CICC stage 1) or
 *                      {@link Stage#SURVEILLANCE}
 * @param sourceRef     what in that activity it comes from, e.g. a checklist item and site ({@code A1-2.3@12}) or a
 *                      verification aspect ({@code BOUNDARY}); raising twice from the same open source is refused
 * @param clause        the requirement not met (checklist clause or rule), e.g. {@code 000 Ann.1 §2.3}
 * @param description   what was found, in the team's words
 * @param ncClass       the scheme's class key (CGC GENERAL / SERIOUS / OBSERVATION); null where the scheme has one class
 * @param effectPercent the estimated effect on the footprint result in % (CGC: the engine's what-if), or null
 * @param dueOn         the due date agreed with the client for the answer, or null until agreed
 */
public record NewNonconformity(Stage source, String sourceRef, String clause, String description, String ncClass,
                               BigDecimal effectPercent, LocalDate dueOn) {
}
