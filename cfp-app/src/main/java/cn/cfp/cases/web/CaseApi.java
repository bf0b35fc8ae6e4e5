package cn.cfp.cases.web;

import cn.cfp.access.Actor;
import cn.cfp.cases.CaseClock;
import cn.cfp.cases.CaseView;
import cn.cfp.cases.Cases;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the certification case (keyed by its application's id): where it stands, its 90-day clock (R-PLAN-5),
 * client-caused pauses, agreed extensions and termination. Who may call each endpoint: the access table.
 */
@RestController
@Tag(name = "cases", description = "The certification case: route, stage, clock, pauses, extensions, termination")
class CaseApi {

    private final Cases cases;

    CaseApi(Cases cases) {
        this.cases = cases;
    }

    @GetMapping("/api/cases/{id}")
    @Operation(summary = "The case of application {id}: route with each stage's state, open stages, who must act, clock, history")
    CaseView get(@PathVariable long id) {
        return cases.view(id).orElseThrow(() -> Refusal.conflict("cases.notAccepted", id));
    }

    @GetMapping("/api/applications/{id}/clock")
    @Operation(summary = "Net days used of the scheme's time limit, excluding client-caused pauses; stops at the conclusion")
    CaseClock clock(@PathVariable long id) {
        return cases.clock(id);
    }

    record PauseRequest(LocalDate date, String reason) {
    }

    @PostMapping("/api/applications/{id}/clock/pause")
    @Operation(summary = "Start a client-caused pause")
    CaseClock pause(Actor me, @PathVariable long id, @RequestBody PauseRequest r) {
        return cases.pause(id, r.date(), r.reason(), me);
    }

    @PostMapping("/api/applications/{id}/clock/resume")
    @Operation(summary = "End the current pause")
    CaseClock resume(Actor me, @PathVariable long id, @RequestBody PauseRequest r) {
        return cases.resume(id, r.date(), me);
    }

    record ExtensionRequest(Integer days, String reason, LocalDate agreedOn) {
    }

    @PostMapping("/api/applications/{id}/clock/extension")
    @Operation(summary = "Record an extension of the time limit agreed with the client, with its reason [000 §7.3.3]")
    CaseClock extend(Actor me, @PathVariable long id, @RequestBody ExtensionRequest r) {
        return cases.extend(id, r.days() == null ? 0 : r.days(), r.reason(), r.agreedOn(), me);
    }

    record ReasonRequest(String reasons) {
    }

    @PostMapping("/api/applications/{id}/terminate")
    @Operation(summary = "Terminate the case with a notice (e.g. after persistent document-review failure)")
    CaseView terminate(Actor me, @PathVariable long id, @RequestBody ReasonRequest r) {
        return cases.view(cases.terminate(id, r.reasons(), me));
    }

    record ManagerRequest(Long userId) {
    }

    @PostMapping("/api/cases/{id}/manager")
    @Operation(summary = "Give the case to another project manager (administrators)")
    CaseView manager(Actor me, @PathVariable long id, @RequestBody ManagerRequest r) {
        if (r.userId() == null) {
            throw Refusal.badRequest("cases.manager.required");
        }
        return cases.view(cases.assignManager(id, r.userId(), me));
    }

    @GetMapping("/api/dashboard/clocks")
    @Operation(summary = "Open cases sorted by risk of overrunning the time limit, least time left first, a page at a time "
            + "(page from 0, size 1-200, default 50; the total in X-Total-Count)")
    ResponseEntity<List<Cases.OpenCase>> dashboard(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging.Page<Cases.OpenCase> p = cases.openByRisk(Paging.of(page, size));
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(p.total())).body(p.items());
    }
}
