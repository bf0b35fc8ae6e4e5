package cn.cfp.planning.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.planning.InspectionScheme;
import cn.cfp.planning.ManDayOverride;
import cn.cfp.planning.MemberInput;
import cn.cfp.planning.PlanView;
import cn.cfp.planning.Plans;
import cn.cfp.planning.TeamVerdict;
import cn.cfp.planning.VerificationPlan;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the planning workflow (R-PLAN), one call per step so another system can drive it. Who may call each
 * endpoint is stated here and in the security table; the service checks record-level access and the plan's status.
 */
@RestController
class PlanningApiController {

    static final String STAFF = "hasAnyRole('ADMIN','PROJECT_MANAGER','INSPECTOR','VERIFIER','TECHNICAL_EXPERT','REVIEWER',"
            + "'DECISION_MAKER','PREPARER','COMPETENCE_EVALUATOR','SCHEME_MANAGER','ARCHIVIST')";
    static final String STAFF_AND_CLIENT = "hasAnyRole('ADMIN','PROJECT_MANAGER','INSPECTOR','VERIFIER','TECHNICAL_EXPERT','REVIEWER',"
            + "'DECISION_MAKER','PREPARER','COMPETENCE_EVALUATOR','SCHEME_MANAGER','ARCHIVIST','CLIENT')";
    static final String PLANNERS = "hasAnyRole('PROJECT_MANAGER','ADMIN')";
    static final String WRITERS = "hasAnyRole('PROJECT_MANAGER','ADMIN','INSPECTOR','VERIFIER')";

    record TeamRequest(String field, List<MemberInput> members) {
    }

    record ObjectionRequest(Long memberUserId, String reason) {
    }

    record ResolutionRequest(String resolution, String note, String field, List<MemberInput> members) {
    }

    record ManDaysRequest(List<ManDayOverride> overrides) {
    }

    private final Plans plans;

    PlanningApiController(Plans plans) {
        this.plans = plans;
    }

    @GetMapping("/api/planning")
    @PreAuthorize(STAFF)
    List<PlanView> all() {
        return plans.all();
    }

    @GetMapping("/api/planning/{applicationId}")
    @PreAuthorize(STAFF_AND_CLIENT)
    PlanView get(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long applicationId) {
        return plans.view(me, applicationId);
    }

    @PostMapping("/api/planning/{applicationId}")
    @PreAuthorize(PLANNERS)
    PlanView start(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long applicationId) {
        return plans.start(me, applicationId);
    }

    @GetMapping("/api/planning/{applicationId}/candidates")
    @PreAuthorize(STAFF)
    List<Map<String, Object>> candidates(@PathVariable long applicationId) {
        return plans.candidates(applicationId).stream().map(c -> Map.<String, Object>of("userId", c.profile().userId(),
                "username", c.profile().username(), "name", c.profile().name(), "fullTime", c.profile().fullTime(),
                "conflicted", c.conflicted())).toList();
    }

    @PostMapping("/api/planning/{applicationId}/team/check")
    @PreAuthorize(STAFF)
    TeamVerdict check(@PathVariable long applicationId, @RequestBody(required = false) TeamRequest body) {
        TeamRequest b = body == null ? new TeamRequest(null, List.of()) : body;
        return plans.checkTeam(applicationId, b.field(), b.members());
    }

    @PutMapping("/api/planning/{applicationId}/team")
    @PreAuthorize(PLANNERS)
    PlanView team(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long applicationId,
                  @RequestBody(required = false) TeamRequest body) {
        TeamRequest b = body == null ? new TeamRequest(null, List.of()) : body;
        return plans.proposeTeam(me, applicationId, b.field(), b.members());
    }

    @PostMapping("/api/planning/{applicationId}/objections")
    @PreAuthorize("hasRole('CLIENT')")
    PlanView object(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long applicationId,
                    @RequestBody(required = false) ObjectionRequest body) {
        ObjectionRequest b = body == null ? new ObjectionRequest(null, null) : body;
        return plans.object(me, applicationId, b.memberUserId(), b.reason());
    }

    @PostMapping("/api/planning/{applicationId}/objections/{objectionId}/resolution")
    @PreAuthorize(PLANNERS)
    PlanView resolve(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long applicationId, @PathVariable long objectionId,
                     @RequestBody(required = false) ResolutionRequest body) {
        ResolutionRequest b = body == null ? new ResolutionRequest(null, null, null, null) : body;
        return plans.resolveObjection(me, applicationId, objectionId, b.resolution(), b.note(), b.field(), b.members());
    }

    @PutMapping("/api/planning/{applicationId}/man-days")
    @PreAuthorize(PLANNERS)
    PlanView manDays(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long applicationId,
                     @RequestBody(required = false) ManDaysRequest body) {
        return plans.setManDays(me, applicationId, body == null ? List.of() : body.overrides());
    }

    @PutMapping("/api/planning/{applicationId}/inspection-scheme")
    @PreAuthorize(WRITERS)
    PlanView inspectionScheme(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long applicationId,
                              @RequestBody(required = false) InspectionScheme body) {
        return plans.setInspectionScheme(me, applicationId, body);
    }

    @PutMapping("/api/planning/{applicationId}/verification-plan")
    @PreAuthorize(WRITERS)
    PlanView verificationPlan(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long applicationId,
                              @RequestBody(required = false) VerificationPlan body) {
        return plans.setVerificationPlan(me, applicationId, body);
    }

    @PostMapping("/api/planning/{applicationId}/approval")
    @PreAuthorize("hasRole('PROJECT_MANAGER')")
    PlanView approve(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long applicationId) {
        return plans.approve(me, applicationId);
    }

    @PostMapping("/api/planning/{applicationId}/sending")
    @PreAuthorize(PLANNERS)
    PlanView send(@AuthenticationPrincipal CfpPrincipal me, @PathVariable long applicationId) {
        return plans.send(me, applicationId);
    }
}
