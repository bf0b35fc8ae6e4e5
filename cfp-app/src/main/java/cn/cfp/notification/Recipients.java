package cn.cfp.notification;

import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import cn.cfp.access.UserView;
import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.cases.CertificationCase;
import cn.cfp.cases.Parties;
import cn.cfp.personnel.StaffProfile;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.scheme.Stage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who is concerned, as the other modules say: a client company's people, a case's manager and team, the holders of a
 * staff role. Only enabled users; never staff who declared a conflict of interest with a party (R-PER-2: they are not
 * to see the record, so they are not told about it either).
 */
@Component
class Recipients {

    private final UserDirectory users;
    private final Applications applications;
    private final StaffRegistry staff;

    Recipients(UserDirectory users, Applications applications, StaffRegistry staff) {
        this.users = users;
        this.applications = applications;
        this.staff = staff;
    }

    /** The people of the applicant company (they fill in the application and answer the body). */
    List<UserView> applicant(long applicationId) {
        return clients(List.of(applications.get(applicationId).applicantOrgId()));
    }

    /** The people of the case's parties: applicant, manufacturer, factory. */
    List<UserView> parties(Parties parties) {
        return clients(parties.all());
    }

    /** The project managers who may review a submitted application (no conflict with its parties). */
    List<UserView> reviewers(long applicationId) {
        ApplicationView app = applications.get(applicationId);
        return unconflicted(users.withRole(Role.PROJECT_MANAGER),
                List.of(app.applicantOrgId(), app.manufacturerOrgId(), app.factoryOrgId()));
    }

    /** These people (ids of users that no longer exist or are disabled are left out). */
    List<UserView> people(Collection<Long> userIds) {
        return users.byIds(new LinkedHashSet<>(userIds)).stream().filter(UserView::enabled).toList();
    }

    /** Who must act on this stage of the case now ({@link Stage.Responsible}), as "my work" sees it. */
    List<UserView> responsibleFor(Stage stage, CertificationCase c) {
        Set<Long> ids = new LinkedHashSet<>();
        switch (stage.responsible()) {
            case CASE_MANAGER -> ids.add(c.managerUserId());
            case TEAM -> {
                ids.add(c.managerUserId());
                c.team().forEach(m -> ids.add(m.userId()));
            }
            case CLIENT -> {
                return parties(c.parties());
            }
            case REVIEWER -> {
                return unconflicted(users.withRole(Role.REVIEWER), c.parties().all());
            }
            case DECISION_MAKER -> {
                return unconflicted(users.withRole(Role.DECISION_MAKER), c.parties().all());
            }
        }
        return people(ids);
    }

    private List<UserView> clients(Collection<Long> orgIds) {
        List<UserView> out = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (long org : new LinkedHashSet<>(orgIds)) {
            users.ofOrganisation(org).stream().filter(u -> u.roles().contains(Role.CLIENT) && seen.add(u.id())).forEach(out::add);
        }
        return out;
    }

    private List<UserView> unconflicted(List<UserView> people, Collection<Long> orgIds) {
        Map<Long, StaffProfile> profiles = staff.profiles(people.stream().map(UserView::id).toList());
        return people.stream().filter(UserView::enabled)
                .filter(u -> profiles.get(u.id()) == null || profiles.get(u.id()).conflictsWith(orgIds).isEmpty())
                .toList();
    }
}
