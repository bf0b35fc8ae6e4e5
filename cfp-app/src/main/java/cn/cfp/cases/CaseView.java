package cn.cfp.cases;

import cn.cfp.scheme.LocalizedText;
import cn.cfp.scheme.Stage;
import java.util.List;

/**
 * A case as pages and the API show it, all derived from the aggregate: the route with each stage's state, what is open
 * now, who must act, the team, the end and the clock.
 */
public record CaseView(long caseId, long applicationId, String reference, String schemeCode, Status status,
                       List<Step> route, List<Stage> currentStages, List<Stage.Responsible> waitingFor, long managerUserId,
                       List<TeamMember> team, CertificationCase.End end, CaseClock clock, List<CaseEntry> history) {

    /** OPEN and PAUSED are running; the others are ends. */
    public enum Status { OPEN, PAUSED, CERTIFIED, NOT_CERTIFIED, TERMINATED }

    public enum State { DONE, WAIVED, OPEN, AHEAD }

    public record Step(String key, LocalizedText name, boolean together, List<StageState> stages) {
    }

    public record StageState(Stage stage, State state) {
    }

    static CaseView of(CertificationCase c, java.time.LocalDate asOf) {
        List<Stage> open = c.currentStages();
        List<Step> route = c.route().steps().stream().map(s -> new Step(s.key(), s.name(), s.together(),
                s.stages().stream().map(st -> new StageState(st, c.completed().contains(st) ? State.DONE
                        : open.contains(st) ? State.OPEN : State.AHEAD)).toList())).toList();
        Status status = c.end().map(e -> switch (e.outcome()) {
            case CERTIFIED -> Status.CERTIFIED;
            case NOT_CERTIFIED -> Status.NOT_CERTIFIED;
            case TERMINATED -> Status.TERMINATED;
        }).orElse(c.paused() ? Status.PAUSED : Status.OPEN);
        return new CaseView(c.id(), c.applicationId(), c.reference(), c.schemeCode(), status, route, open, c.waitingFor(),
                c.managerUserId(), c.team(), c.end().orElse(null), c.clock(asOf), c.history());
    }

    public boolean isOpen() {
        return end == null;
    }

    /** Whether the case's route has {@code stage} (by name, for pages) and it was not waived. */
    public boolean hasStage(String stage) {
        return route.stream().flatMap(s -> s.stages().stream())
                .anyMatch(s -> s.stage().name().equals(stage) && s.state() != State.WAIVED);
    }
}
