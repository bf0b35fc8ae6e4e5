package cn.cfp.certificate.internal;

import cn.cfp.access.Actor;
import cn.cfp.certificate.CertificateDraft;
import cn.cfp.certificate.CertificateView;
import cn.cfp.certificate.Certificates;
import cn.cfp.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the certificate [R-CERT-1, R-CERT-3]: preparation, checks, issue, the signed PDF and the label. */
@RestController
@Tag(name = "certificate", description = "The certificate: draft, confirmation, checked fields, issue, signed PDF, label download")
class CertificateApiController {

    private final Certificates certificates;

    CertificateApiController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/api/certificates")
    @Operation(summary = "Certificates, newest first (a client: its own issued ones)")
    Paging.Page<CertificateView> list(Actor me, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return certificates.page(me, Paging.of(page, size));
    }

    @GetMapping("/api/certificates/cases/{applicationId}")
    @Operation(summary = "The certificate of a case: stage, draft, data preview, checks, number state, due date, issues")
    CertificateView get(@PathVariable long applicationId) {
        return certificates.view(applicationId);
    }

    @PutMapping("/api/certificates/cases/{applicationId}/draft")
    @Operation(summary = "The preparer writes the free fields (issuerName, basis, productCode, unit, trademark, assuranceLevel, "
            + "surveillanceRecord, reportPeriod); withdraws a confirmation")
    CertificateView edit(Actor me, @PathVariable long applicationId, @RequestBody CertificateDraft draft) {
        return certificates.edit(me, applicationId, draft);
    }

    @PostMapping("/api/certificates/cases/{applicationId}/confirmation")
    @Operation(summary = "The preparer confirms the data fields; the certificate number is asked for")
    CertificateView confirm(Actor me, @PathVariable long applicationId) {
        return certificates.confirm(me, applicationId);
    }

    /** The ticked field keys. */
    record Checks(Set<String> fields) {
    }

    @PostMapping("/api/certificates/cases/{applicationId}/checks")
    @Operation(summary = "A reviewer or decision maker who is not the preparer ticks every checked field of the scheme")
    CertificateView check(Actor me, @PathVariable long applicationId, @RequestBody Checks checks) {
        return certificates.check(me, applicationId, checks.fields());
    }

    @PostMapping("/api/certificates/cases/{applicationId}/issue")
    @Operation(summary = "Issue: refused until the number is there (certificate.numberMissing) and a second time "
            + "(certificate.alreadyIssued); renders, signs and stores the PDF")
    CertificateView issue(Actor me, @PathVariable long applicationId) {
        return certificates.issue(me, applicationId);
    }

    @GetMapping("/api/certificates/{number}/certificate.pdf")
    @Operation(summary = "The signed certificate PDF (staff and the case's parties)")
    ResponseEntity<byte[]> pdf(Actor me, @PathVariable String number) {
        return file(certificates.pdf(me, number), MediaType.APPLICATION_PDF, number + ".pdf");
    }

    @GetMapping("/api/certificates/{number}/label.svg")
    @Operation(summary = "The label as SVG, only while the certificate is valid (R-LBL-2)")
    ResponseEntity<byte[]> svg(Actor me, @PathVariable String number) {
        return file(certificates.label(me, number, "svg", null, 0), MediaType.valueOf("image/svg+xml"), number + "-label.svg");
    }

    @GetMapping("/api/certificates/{number}/label.png")
    @Operation(summary = "The label as PNG ?widthMm= (default 30) wide at ?dpi= (default 300), only while the certificate is valid (R-LBL-2)")
    ResponseEntity<byte[]> png(Actor me, @PathVariable String number, @RequestParam(defaultValue = "300") int dpi,
                               @RequestParam(required = false) Double widthMm) {
        return file(certificates.label(me, number, "png", widthMm, dpi), MediaType.IMAGE_PNG, number + "-label.png");
    }

    static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(bytes);
    }
}
