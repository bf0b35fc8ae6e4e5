package cn.cfp.planning.internal;

import cn.cfp.access.Actor;
import cn.cfp.planning.InspectionScheme;
import cn.cfp.planning.ManDayOverride;
import cn.cfp.planning.MemberInput;
import cn.cfp.planning.PlanView;
import cn.cfp.planning.Plans;
import cn.cfp.planning.VerificationPlan;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Verdict;
import java.util.List;
import java.util.Map;
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

    record TeamRequest(String field, List<MemberInput> members) {
    }

    record ObjectionRequest(Long memberUserId, String reason) {
    }

    record ResolutionRequest(String resolution, String note, String field, List<MemberInput> members) {
    }

    record ManDaysRequest(List<ManDayOverride> overrides) {
    }

    /** The client's answer to the current revision: {@code revision} (optional, must be the current one) and its text. */
    record AnswerRequest(Integer revision, String note, String reason) {
    }

    /** A revision of the sent on-site plan: the whole revised inspection scheme and what changed and why. */
    record RevisionRequest(InspectionScheme inspectionScheme, String note) {
    }

    private final Plans plans;

    PlanningApiController(Plans plans) {
        this.plans = plans;
    }

    /** A page of every plan, newest first (page from 0, size 1-200, default 50; the total in X-Total-Count). */
    @GetMapping("/api/planning")
    org.springframework.http.ResponseEntity<List<PlanView>> all(@org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
                                                                @org.springframework.web.bind.annotation.RequestParam(required = false) Integer size) {
        Paging.Page<PlanView> p = plans.page(Paging.of(page, size));
        return org.springframework.http.ResponseEntity.ok().header("X-Total-Count", String.valueOf(p.total())).body(p.items());
    }

    @GetMapping("/api/planning/{applicationId}")
    PlanView get(Actor me, @PathVariable long applicationId) {
        return plans.view(me, applicationId);
    }

    @GetMapping("/api/planning/{applicationId}/candidates")
    List<Map<String, Object>> candidates(@PathVariable long applicationId) {
        return plans.candidates(applicationId).stream().map(c -> Map.<String, Object>of("userId", c.profile().userId(),
                "username", c.profile().username(), "name", c.profile().name(), "fullTime", c.profile().fullTime(),
                "conflicted", c.conflicted())).toList();
    }

    @PostMapping("/api/planning/{applicationId}/team/check")
    Verdict check(@PathVariable long applicationId, @RequestBody(required = false) TeamRequest body) {
        TeamRequest b = body == null ? new TeamRequest(null, List.of()) : body;
        return plans.checkTeam(applicationId, b.field(), b.members());
    }

    @PutMapping("/api/planning/{applicationId}/team")
    PlanView team(Actor me, @PathVariable long applicationId,
                  @RequestBody(required = false) TeamRequest body) {
        TeamRequest b = body == null ? new TeamRequest(null, List.of()) : body;
        return plans.proposeTeam(me, applicationId, b.field(), b.members());
    }

    @PostMapping("/api/planning/{applicationId}/objections")
    PlanView object(Actor me, @PathVariable long applicationId,
                    @RequestBody(required = false) ObjectionRequest body) {
        ObjectionRequest b = body == null ? new ObjectionRequest(null, null) : body;
        return plans.object(me, applicationId, b.memberUserId(), b.reason());
    }

    @PostMapping("/api/planning/{applicationId}/objections/{objectionId}/resolution")
    PlanView resolve(Actor me, @PathVariable long applicationId, @PathVariable long objectionId,
                     @RequestBody(required = false) ResolutionRequest body) {
        ResolutionRequest b = body == null ? new ResolutionRequest(null, null, null, null) : body;
        return plans.resolveObjection(me, applicationId, objectionId, b.resolution(), b.note(), b.field(), b.members());
    }

    @PutMapping("/api/planning/{applicationId}/man-days")
    PlanView manDays(Actor me, @PathVariable long applicationId,
                     @RequestBody(required = false) ManDaysRequest body) {
        return plans.setManDays(me, applicationId, body == null ? List.of() : body.overrides());
    }

    @PutMapping("/api/planning/{applicationId}/inspection-scheme")
    PlanView inspectionScheme(Actor me, @PathVariable long applicationId,
                              @RequestBody(required = false) InspectionScheme body) {
        return plans.setInspectionScheme(me, applicationId, body);
    }

    @PutMapping("/api/planning/{applicationId}/verification-plan")
    PlanView verificationPlan(Actor me, @PathVariable long applicationId,
                              @RequestBody(required = false) VerificationPlan body) {
        return plans.setVerificationPlan(me, applicationId, body);
    }

    @PostMapping("/api/planning/{applicationId}/approval")
    PlanView approve(Actor me, @PathVariable long applicationId) {
        return plans.approve(me, applicationId);
    }

    @PostMapping("/api/planning/{applicationId}/sending")
    PlanView send(Actor me, @PathVariable long applicationId) {
        return plans.send(me, applicationId);
    }

    /** The applicant confirms the current revision of the on-site plan [001 §9.6.2; 003 ¶36; 004 §9.4.3]. */
    @PostMapping("/api/planning/{applicationId}/confirmation")
    PlanView confirm(Actor me, @PathVariable long applicationId, @RequestBody(required = false) AnswerRequest body) {
        AnswerRequest b = body == null ? new AnswerRequest(null, null, null) : body;
        return plans.confirm(me, applicationId, b.revision(), b.note());
    }

    /** The applicant asks for a change of the current revision, with its reason. */
    @PostMapping("/api/planning/{applicationId}/change-requests")
    PlanView requestChange(Actor me, @PathVariable long applicationId, @RequestBody(required = false) AnswerRequest body) {
        AnswerRequest b = body == null ? new AnswerRequest(null, null, null) : body;
        return plans.requestChange(me, applicationId, b.revision(), b.reason());
    }

    /** The planner sends a revision of the on-site plan (003 ¶36: revisions are kept). */
    @PostMapping("/api/planning/{applicationId}/revisions")
    PlanView revise(Actor me, @PathVariable long applicationId, @RequestBody(required = false) RevisionRequest body) {
        RevisionRequest b = body == null ? new RevisionRequest(null, null) : body;
        return plans.revise(me, applicationId, b.inspectionScheme(), b.note());
    }

    /** The on-site visit starts: refused while the client's confirmation the scheme requires is missing. */
    @PostMapping("/api/planning/{applicationId}/visit-start")
    PlanView startVisit(Actor me, @PathVariable long applicationId) {
        return plans.startVisit(me, applicationId);
    }
}
