package cn.cfp.planning;

import cn.cfp.scheme.ManDayActivity;
import java.math.BigDecimal;

/** A planner's figure replacing the computed one for a scope and activity; always with a reason. */
public record ManDayOverride(String scopeKey, ManDayActivity activity, BigDecimal manDays, String reason) {
}
