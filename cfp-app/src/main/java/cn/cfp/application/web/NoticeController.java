package cn.cfp.application.web;

import cn.cfp.application.ApplicationNotices;
import cn.cfp.application.Applications;
import cn.cfp.document.NoticePdf;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Notices as PDF for the client and staff of the case. */
@RestController
class NoticeController {

    private final Applications applications;
    private final ApplicationNotices notices;
    private final NoticePdf pdf;

    NoticeController(Applications applications, ApplicationNotices notices, NoticePdf pdf) {
        this.applications = applications;
        this.notices = notices;
        this.pdf = pdf;
    }

    @GetMapping({"/applications/{id}/notices/{kind}.pdf", "/api/applications/{id}/notices/{kind}.pdf"})
    ResponseEntity<byte[]> notice(@PathVariable long id, @PathVariable String kind) {
        var app = applications.get(id);
        ApplicationNotices.Kind k;
        try {
            k = ApplicationNotices.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw cn.cfp.shared.Refusal.notFound("application.notice.unknownKind", kind, java.util.Arrays.asList(ApplicationNotices.Kind.values()));
        }
        return pdf.response(notices.notice(id, k), app.reference() + "-" + kind.toLowerCase(Locale.ROOT) + ".pdf");
    }
}
