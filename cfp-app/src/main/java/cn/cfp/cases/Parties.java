package cn.cfp.cases;

import java.util.Set;

/** The client parties of a case: applicant (认证委托人), manufacturer (生产者) and factory (生产企业) [000 §7.1.2]. */
public record Parties(long applicantOrgId, long manufacturerOrgId, long factoryOrgId) {

    public Set<Long> all() {
        return Set.copyOf(java.util.List.of(applicantOrgId, manufacturerOrgId, factoryOrgId));
    }

    public boolean includes(Long organisationId) {
        return organisationId != null && all().contains(organisationId);
    }
}
