package cn.cfp.personnel.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.access.UserSearch;
import cn.cfp.personnel.ProfileInput;
import cn.cfp.personnel.StaffProfile;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.personnel.StaffingFigure;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the personnel registry (R-PER): staff read, admins and competence evaluators edit. */
@RestController
class PersonnelApiController {

    static final String STAFF = "hasAnyRole('ADMIN','PROJECT_MANAGER','INSPECTOR','VERIFIER','TECHNICAL_EXPERT','REVIEWER',"
            + "'DECISION_MAKER','PREPARER','COMPETENCE_EVALUATOR','SCHEME_MANAGER','ARCHIVIST')";
    static final String EDITORS = "hasAnyRole('ADMIN','COMPETENCE_EVALUATOR')";

    record Declaration(Boolean conflicted, String note, LocalDate declaredOn) {
    }

    private final StaffRegistry registry;

    PersonnelApiController(StaffRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/personnel")
    @Operation(summary = "The staff's profiles, a page at a time (page from 0, size 1-200, default 50; the total in X-Total-Count): "
            + "q in the username or name, role a staff role, sort USERNAME (default), USERNAME_DESC, NAME, NAME_DESC, NEWEST or OLDEST")
    ResponseEntity<List<StaffProfile>> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                                            @RequestParam(required = false) UserSearch.Order sort,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        UserSearch search = UserSearch.staff(q, role, sort);
        Paging.Page<StaffProfile> p = registry.search(search.text(), search.role(), search.order(), Paging.of(page, size));
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(p.total())).body(p.items());
    }

    @GetMapping("/api/personnel/staffing")
    StaffingFigure staffing() {
        return registry.staffing();
    }

    @GetMapping("/api/personnel/{userId}")
    StaffProfile get(@PathVariable long userId) {
        return registry.get(userId);
    }

    @PutMapping("/api/personnel/{userId}")
    StaffProfile save(Actor me, @PathVariable long userId,
                      @RequestBody(required = false) ProfileInput body) {
        return registry.save(me.username(), userId, body);
    }

    /** The person themself, an admin or a competence evaluator (checked by the service). */
    @PutMapping("/api/personnel/{userId}/conflicts/{organisationId}")
    StaffProfile declare(Actor me, @PathVariable long userId, @PathVariable long organisationId,
                         @RequestBody(required = false) Declaration body) {
        Declaration d = body == null ? new Declaration(null, null, null) : body;
        if (d.conflicted() == null) {
            throw Refusal.badRequest(List.of(Reason.of("personnel.declare.conflictedRequired").at("conflicted")));
        }
        return registry.declare(me, userId, organisationId, d.conflicted(), d.note(), d.declaredOn());
    }
}
