package cn.cfp.cases;

import cn.cfp.scheme.Flow;
import cn.cfp.scheme.FlowStep;
import cn.cfp.scheme.Stage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The stages a case goes through, from the scheme's flow: its {@link Stage.Phase#CASE} stages in order, without the
 * waived ones (an on-site waiver or an adopted prior verification takes its stage out; a step left empty disappears).
 * Derived from the scheme and the case's waivers, never stored.
 */
public record Route(List<RouteStep> steps) {

    public Route {
        steps = List.copyOf(steps);
    }

    public static Route of(Flow flow, Collection<Stage> waived) {
        List<RouteStep> steps = new ArrayList<>();
        for (FlowStep s : flow.steps()) {
            List<Stage> stages = s.stages().stream().filter(st -> st.phase() == Stage.Phase.CASE && !waived.contains(st)).toList();
            if (!stages.isEmpty()) {
                steps.add(new RouteStep(s.key(), s.name(), stages, s.together() && stages.size() > 1));
            }
        }
        return new Route(steps);
    }

    public boolean contains(Stage stage) {
        return steps.stream().anyMatch(s -> s.stages().contains(stage));
    }

    public List<Stage> stages() {
        return steps.stream().flatMap(s -> s.stages().stream()).toList();
    }

    /** The stages open now, given the completed ones: the first unfinished step's next stage (or all its stages when together). */
    public List<Stage> current(Set<Stage> completed) {
        for (RouteStep s : steps) {
            List<Stage> open = s.stages().stream().filter(st -> !completed.contains(st)).toList();
            if (!open.isEmpty()) {
                return s.together() ? open : List.of(open.get(0));
            }
        }
        return List.of();
    }
}
