package cn.cfp.application;

import cn.cfp.scheme.Scheme;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * R-PTY-2: an applicant, manufacturer or factory whose CFP certificate was revoked within the scheme's ban (e.g. one
 * year [000 §9.1.6; 003 ¶27]) cannot apply; the refusal says from when it can.
 */
final class RevocationBanPolicy {

    /** A revocation on record: the party, its name, the certificate and the date. */
    record Revocation(long organisationId, String organisation, String certificateNo, LocalDate revokedOn) {
    }

    private RevocationBanPolicy() {
    }

    static Verdict check(Scheme scheme, List<Revocation> latestPerParty, LocalDate today) {
        Integer months = scheme.reapplicationBanMonths().value();
        if (months == null) {
            return Verdict.allow();
        }
        List<Reason> reasons = new ArrayList<>();
        for (Revocation r : latestPerParty) {
            LocalDate until = r.revokedOn().plusMonths(months);
            if (today.isBefore(until)) {
                reasons.add(Reason.of("application.revocationBan", r.certificateNo(), r.organisation(), r.revokedOn(), until,
                        scheme.reapplicationBanMonths().cite()));
            }
        }
        return Verdict.of(reasons);
    }
}
