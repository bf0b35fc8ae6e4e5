package cn.cfp.application;

import cn.cfp.access.Actor;
import cn.cfp.access.Relation;
import cn.cfp.evidence.CaseFiles;
import cn.cfp.shared.Verdict;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Documents filed under an application's reference are governed by the application's own access rule. */
@Component
class ApplicationCaseFiles implements CaseFiles {

    private final ApplicationQueries queries;
    private final ApplicationGuard guard;

    ApplicationCaseFiles(ApplicationQueries queries, ApplicationGuard guard) {
        this.queries = queries;
        this.guard = guard;
    }

    @Override
    public Optional<Verdict> check(Actor actor, String caseRef, Set<Relation> anyOf) {
        return queries.idByReference(caseRef).map(id -> guard.check(actor, id, anyOf));
    }
}
