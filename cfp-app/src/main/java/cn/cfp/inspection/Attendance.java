package cn.cfp.inspection;

import cn.cfp.scheme.InspectionRules;
import java.time.Instant;

/** One attendee of a meeting of the visit (CNEX closing meeting [001 §9.6.4 5)], CICC sign-in sheet [004 §9.5.2]). */
public record Attendance(long id, InspectionRules.Meeting meeting, String name, String organisation, String position,
                         boolean signed, String recordedBy, Instant recordedAt) {
}
