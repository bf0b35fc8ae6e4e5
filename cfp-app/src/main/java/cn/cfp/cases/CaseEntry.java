package cn.cfp.cases;

import cn.cfp.scheme.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One recorded fact of a case's history, in order. Everything about where a case stands is derived from these.
 *
 * @param seq   1, 2, 3 … per case (unique: two writers cannot both append the same entry)
 * @param on    the date the fact takes effect (a pause's start, a resumption, the acceptance)
 * @param at    when it was recorded
 * @param actor the username of who recorded it
 * @param note  the reason or remark, as written by the person
 * @param data  structured details (team, manager, days, outcome)
 */
public record CaseEntry(int seq, Kind kind, Stage stage, LocalDate on, Instant at, String actor, String note,
                        Map<String, String> data) {

    public enum Kind {
        OPENED, STAGE_WAIVED, STAGE_SIMPLIFIED, STAGE_COMPLETED, MANAGER_ASSIGNED, TEAM_ASSIGNED, PAUSED, RESUMED, EXTENDED, CONCLUDED, TERMINATED
    }

    public CaseEntry {
        data = Map.copyOf(data);
    }
}
