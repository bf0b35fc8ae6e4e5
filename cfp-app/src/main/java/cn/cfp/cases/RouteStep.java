package cn.cfp.cases;

import cn.cfp.scheme.LocalizedText;
import cn.cfp.scheme.Stage;
import java.util.List;

/** A step of a case's route: the scheme's flow step with the case stages left after waivers. */
public record RouteStep(String key, LocalizedText name, List<Stage> stages, boolean together) {

    public RouteStep {
        stages = List.copyOf(stages);
    }
}
