package cn.cfp.cases;

import cn.cfp.scheme.Stage;
import java.time.LocalDate;
import java.util.List;

/**
 * What a case publishes when it changes: the contract with the modules downstream (planning starts from
 * {@link CaseOpened}; the back half from {@link StageCompleted}; the registry and surveillance from {@link Concluded}).
 * Listeners run after commit ({@code @ApplicationModuleListener}); the event publication table keeps them until done.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    public record CaseOpened(long caseId, long applicationId, String reference, String schemeCode, LocalDate acceptedOn,
                             List<Stage> route) {
    }

    public record StageCompleted(long caseId, long applicationId, Stage stage, List<Stage> nowOpen, LocalDate on) {
    }

    public record ManagerAssigned(long caseId, long applicationId, long userId) {
    }

    public record TeamAssigned(long caseId, long applicationId, List<TeamMember> team) {
    }

    public record ClockPaused(long caseId, long applicationId, LocalDate from, String reason) {
    }

    public record ClockResumed(long caseId, long applicationId, LocalDate on) {
    }

    public record ClockExtended(long caseId, long applicationId, int days, String reason) {
    }

    public record Concluded(long caseId, long applicationId, CertificationCase.Outcome outcome, LocalDate on) {
    }

    public record Terminated(long caseId, long applicationId, String reason, LocalDate on) {
    }
}
