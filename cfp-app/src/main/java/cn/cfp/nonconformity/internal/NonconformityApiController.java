package cn.cfp.nonconformity.internal;

import cn.cfp.access.Actor;
import cn.cfp.nonconformity.NewNonconformity;
import cn.cfp.nonconformity.NonconformityDetail;
import cn.cfp.nonconformity.NonconformityView;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of nonconformities (R-NC-1..3): raise, issue a list (PDF), the client's answers with evidence, the team's
 * verification, the NC_CLOSURE stage and the policies. Who may call what: the access table (actions.yaml,
 * nonconformity section); the service checks the team role and the applicant.
 */
@RestController
@Tag(name = "nonconformities", description = "Nonconformities: raise, issue to the client, answer with evidence, verify, close")
class NonconformityApiController {

    record IssueRequest(Stage source, LocalDate dueOn) {
    }

    record ClosureRequest(String note) {
    }

    /** Both standing policies: no open NC (001 §9.6.7 5) b) and no failed deadline (003 ¶75). */
    record Policies(Verdict noneOpen, Verdict noneFailed) {
    }

    private final Nonconformities ncs;
    private final NonconformityPdf pdf;

    NonconformityApiController(Nonconformities ncs, NonconformityPdf pdf) {
        this.ncs = ncs;
        this.pdf = pdf;
    }

    @GetMapping("/api/nonconformities/{applicationId}")
    @Operation(summary = "The case's nonconformities with issue, answers, verification and closure (a client sees the issued ones, without the team's notes)")
    List<NonconformityDetail> list(Actor me, @PathVariable long applicationId) {
        return ncs.details(me, applicationId);
    }

    @PostMapping("/api/nonconformities/{applicationId}")
    @Operation(summary = "Raise a nonconformity (a member of the case's team): source, clause, description, class from the scheme, effect % where graded")
    NonconformityView raise(Actor me, @PathVariable long applicationId, @RequestBody(required = false) NewNonconformity body) {
        if (body == null) {
            throw Refusal.badRequest(List.of(Reason.of("nonconformity.descriptionRequired").at("description")));
        }
        return ncs.raise(me, applicationId, body);
    }

    @PostMapping("/api/nonconformities/{applicationId}/issue")
    @Operation(summary = "Issue every raised nonconformity of one activity to the client as a list, with the due date agreed with the client")
    Nonconformities.IssuedList issue(Actor me, @PathVariable long applicationId, @RequestBody(required = false) IssueRequest body) {
        IssueRequest b = body == null ? new IssueRequest(null, null) : body;
        if (b.source() == null) {
            throw Refusal.badRequest(List.of(Reason.of("nonconformity.source", (Object) null, List.copyOf(Nonconformities.SOURCES)).at("source")));
        }
        return ncs.issue(me, applicationId, b.source(), b.dueOn());
    }

    @GetMapping("/api/nonconformities/{applicationId}/lists/{source}.pdf")
    @Operation(summary = "The issued list of one activity as a PDF, titled as the scheme names it (e.g. CNEX on-site inspection findings list), in the reader's language")
    ResponseEntity<byte[]> listPdf(@PathVariable long applicationId, @PathVariable String source, Locale locale) {
        return pdf.response(applicationId, stage(source), locale);
    }

    @PostMapping("/api/nonconformities/{applicationId}/{ncId}/answer")
    @Operation(summary = "The applicant answers an issued nonconformity: correction, cause, corrective action and evidence files (or a clear explanation where the scheme allows)")
    NonconformityDetail answer(Actor me, @PathVariable long applicationId, @PathVariable long ncId,
                               @RequestParam(required = false) String correction, @RequestParam(required = false) String cause,
                               @RequestParam(required = false) String correctiveAction,
                               @RequestParam(required = false) String explanation,
                               @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        return ncs.answer(me, applicationId, ncId, new Nonconformities.AnswerInput(correction, cause, correctiveAction, explanation),
                uploads(files));
    }

    @PostMapping("/api/nonconformities/{applicationId}/{ncId}/verification")
    @Operation(summary = "The team verifies the latest answer (WRITTEN or ON_SITE): accept closes it; reject gives the reason and a new due date")
    NonconformityDetail verify(Actor me, @PathVariable long applicationId, @PathVariable long ncId,
                               @RequestBody(required = false) Nonconformities.VerifyInput body) {
        Nonconformities.VerifyInput b = body == null ? new Nonconformities.VerifyInput(false, null, null, null, null, null, null) : body;
        return ncs.verify(me, applicationId, ncId, b);
    }

    @PostMapping("/api/nonconformities/{applicationId}/closure")
    @Operation(summary = "Complete the NC_CLOSURE stage (CICC 004 §9.7): refused while any nonconformity is open")
    Policies closure(Actor me, @PathVariable long applicationId, @RequestBody(required = false) ClosureRequest body) {
        ncs.completeClosure(me, applicationId, body == null ? null : body.note());
        return policies(applicationId);
    }

    @GetMapping("/api/nonconformities/{applicationId}/policy")
    @Operation(summary = "The standing policies: no open nonconformity, no missed deadline that fails the case")
    Policies policies(@PathVariable long applicationId) {
        return new Policies(ncs.noneOpen(applicationId, java.util.Set.of()), ncs.noneFailed(applicationId));
    }

    static Stage stage(String source) {
        try {
            Stage s = Stage.valueOf(source);
            if (Nonconformities.SOURCES.contains(s)) {
                return s;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw Refusal.notFound("nonconformity.source", source, List.copyOf(Nonconformities.SOURCES));
    }

    static List<Nonconformities.Upload> uploads(List<MultipartFile> files) {
        List<Nonconformities.Upload> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f == null || f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
                    continue;
                }
                try {
                    out.add(new Nonconformities.Upload(f.getOriginalFilename(), f.getInputStream()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}
