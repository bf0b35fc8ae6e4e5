package cn.cfp.access;

import cn.cfp.shared.Verdict;
import java.util.Set;

/**
 * Answers, for one kind of record, whether a person holds any of the required {@link Relation}s to a record of that
 * kind. Implemented by the module that owns the records (applications and their cases, evidence); called centrally for
 * every request whose action the access table ties to a record. Throws a 404 refusal when there is no such record.
 */
public interface RecordGuard {

    /** The record kind as named in the access table (e.g. {@code application}). */
    String kind();

    Verdict check(Actor actor, long id, Set<Relation> anyOf);
}
