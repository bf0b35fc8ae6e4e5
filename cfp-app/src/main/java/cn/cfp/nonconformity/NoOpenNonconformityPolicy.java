package cn.cfp.nonconformity;

import cn.cfp.scheme.Stage;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * "No positive conclusion while a nonconformity is open" (R-NC-2; 001 §9.6.7 5) b; 004 §9.8.5; 002 §5.7; 003 ¶75):
 * refused with one reason per open nonconformity (its number, source and status), so the person sees which ones.
 * Asked by the on-site stages before they complete, and by the technical review and the decision.
 */
public final class NoOpenNonconformityPolicy {

    private NoOpenNonconformityPolicy() {
    }

    /**
     * @param sources the activities whose nonconformities count; empty means every activity
     */
    public static Verdict check(Collection<NonconformityView> ncs, Set<Stage> sources) {
        List<Reason> open = ncs.stream()
                .filter(NonconformityView::open)
                .filter(n -> sources.isEmpty() || sources.contains(n.source()))
                .map(n -> Reason.of("nonconformity.open", n.number(), n.source(), n.status(), n.clause()))
                .toList();
        return Verdict.of(open);
    }
}
