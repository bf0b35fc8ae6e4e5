package cn.cfp.access;

import java.util.List;

/** A module's contribution to "my work": what its records ask of this person now. Each module provides its own. */
public interface TaskSource {

    List<Task> tasksFor(Actor actor);
}
