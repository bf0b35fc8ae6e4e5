package cn.cfp.application;

import java.time.LocalDate;

/** Published when an application is formally accepted: planning can start, the 90-day clock runs. */
public record ApplicationAccepted(long applicationId, String reference, String schemeCode, LocalDate acceptedOn) {
}
