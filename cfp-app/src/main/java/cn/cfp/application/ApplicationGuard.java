package cn.cfp.application;

import cn.cfp.access.Actor;
import cn.cfp.access.RecordGuard;
import cn.cfp.access.Relation;
import cn.cfp.access.Role;
import cn.cfp.cases.CertificationCase;
import cn.cfp.cases.Cases;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Record-level access to an application and its case — the one rule, asked by the access interceptor for every
 * request about one: clients of the applicant, manufacturer or factory see it (only the applicant fills it in); staff
 * act on it only in the role they hold on it — the case's project manager (before acceptance any project manager),
 * a member of its team — and never while they have declared a conflict of interest with any of its parties
 * (R-PER-2). A client who is not a party is told the application does not exist.
 */
@Component
class ApplicationGuard implements RecordGuard {

    private final ApplicationQueries queries;
    private final Cases cases;
    private final StaffRegistry staff;

    ApplicationGuard(ApplicationQueries queries, Cases cases, StaffRegistry staff) {
        this.queries = queries;
        this.cases = cases;
        this.staff = staff;
    }

    @Override
    public String kind() {
        return "application";
    }

    @Override
    @Transactional(readOnly = true)
    public Verdict check(Actor actor, long id, Set<Relation> anyOf) {
        ApplicationQueries.Parties app = queries.parties(id).orElseThrow(() -> Refusal.notFound("application.notFound", id));
        Set<Long> parties = app.all();
        if (actor.isClient()) {
            if (!parties.contains(actor.organisationId())) {
                throw Refusal.notFound("application.notFound", id); // another company's case: not even its existence
            }
            if (anyOf.contains(Relation.PARTY) || anyOf.contains(Relation.APPLICANT) && actor.organisationId() == app.applicant()) {
                return Verdict.allow();
            }
            return Verdict.refuse(Reason.of(anyOf.contains(Relation.APPLICANT) ? "access.onlyApplicant" : "access.staffOnly", app.reference()));
        }
        if (!actor.isStaff()) {
            return Verdict.refuse(Reason.of("access.staffOnly", app.reference()));
        }
        if (staff.conflicted(actor.id(), parties)) {
            return Verdict.refuse(Reason.of("access.conflicted", app.reference()));
        }
        if (anyOf.contains(Relation.STAFF)) {
            return Verdict.allow();
        }
        Optional<CertificationCase> c = cases.ofApplication(id);
        List<Reason> why = new ArrayList<>();
        for (Relation r : anyOf) {
            switch (r) {
                case STAFF -> {
                    return Verdict.allow();
                }
                case CASE_MANAGER -> {
                    if (c.isEmpty() ? actor.has(Role.PROJECT_MANAGER) : c.get().isManager(actor.id())) {
                        return Verdict.allow();
                    }
                    why.add(Reason.of("access.notCaseManager", app.reference()));
                }
                case TEAM -> {
                    if (c.isPresent() && c.get().isTeamMember(actor.id())) {
                        return Verdict.allow();
                    }
                    why.add(Reason.of("access.notTeam", app.reference()));
                }
                case PARTY, APPLICANT -> why.add(Reason.of("access.clientsOnly", app.reference()));
            }
        }
        return Verdict.of(why.isEmpty() ? List.of(Reason.of("access.staffOnly", app.reference())) : why);
    }
}
