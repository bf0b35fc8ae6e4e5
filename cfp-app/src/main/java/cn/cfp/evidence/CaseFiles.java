package cn.cfp.evidence;

import cn.cfp.access.Actor;
import cn.cfp.access.Relation;
import cn.cfp.shared.Verdict;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read the documents filed under a case reference: answered by the module owning the cases (applications), so
 * the manufacturer's and the factory's users see their case's documents too, and a conflicted staff member does not.
 * Empty when the reference names no case (then only the organisation's own users and staff may read).
 */
public interface CaseFiles {

    Optional<Verdict> check(Actor actor, String caseRef, Set<Relation> anyOf);
}
