package cn.cfp.evidence.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.RecordGuard;
import cn.cfp.access.Relation;
import cn.cfp.evidence.CaseFiles;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.evidence.EvidenceStore;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Record-level access to an evidence file: the rule of its case ({@link CaseFiles}); otherwise its organisation's users and staff. */
@Component
class EvidenceGuard implements RecordGuard {

    private final EvidenceStore store;
    private final List<CaseFiles> caseFiles;

    EvidenceGuard(EvidenceStore store, List<CaseFiles> caseFiles) {
        this.store = store;
        this.caseFiles = caseFiles;
    }

    @Override
    public String kind() {
        return "evidence";
    }

    @Override
    public Verdict check(Actor actor, long id, Set<Relation> anyOf) {
        EvidenceFile file = store.get(id);
        for (CaseFiles c : caseFiles) {
            var v = c.check(actor, file.caseRef(), anyOf);
            if (v.isPresent()) {
                return v.get();
            }
        }
        if (EvidenceStore.maySee(actor, file.organisationId())) {
            return Verdict.allow();
        }
        if (actor.isClient()) {
            throw Refusal.notFound("evidence.notFound", id);
        }
        return Verdict.refuse(Reason.of("evidence.forbidden", file.organisationId()));
    }
}
