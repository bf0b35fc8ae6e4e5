package cn.cfp.numbering.internal;

import cn.cfp.access.Actor;
import cn.cfp.numbering.CertificateNumbers;
import cn.cfp.numbering.NumberRecord;
import cn.cfp.numbering.Numbers;
import cn.cfp.numbering.ProductCode;
import cn.cfp.numbering.ProductCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST API of certificate numbers [R-CERT-2, decision D2] and product codes. */
@RestController
@Tag(name = "numbering", description = "Certificate numbers: the CNCA number request package, its submission, the confirmed "
        + "number; locally allocated numbers; the product-code reference data")
class NumberingApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    record SubmissionInput(LocalDate submittedOn, String channel, String note) {
    }

    record ConfirmInput(String number) {
    }

    record ImportOutcome(int added, int updated) {
    }

    private final Numbers numbers;
    private final ProductCodes productCodes;
    private final CncaPackages packages;

    NumberingApiController(Numbers numbers, ProductCodes productCodes, CncaPackages packages) {
        this.numbers = numbers;
        this.productCodes = productCodes;
        this.packages = packages;
    }

    @GetMapping("/api/numbering/requests")
    @Operation(summary = "Every number request with its state (REQUESTED, SUBMITTED, CONFIRMED, ALLOCATED), newest first")
    List<NumberRecord> all() {
        return numbers.all();
    }

    @GetMapping("/api/numbering/{applicationId}")
    @Operation(summary = "The case's number state and number (state NONE when nothing was prepared)")
    CertificateNumbers.NumberView state(@PathVariable long applicationId) {
        return numbers.of(applicationId);
    }

    @GetMapping("/api/numbering/{applicationId}/request")
    @Operation(summary = "The case's number request in full: what was reported, the submission record, the number")
    NumberRecord request(@PathVariable long applicationId) {
        return numbers.require(applicationId);
    }

    @GetMapping("/api/numbering/{applicationId}/package.json")
    @Operation(summary = "The report package for CNCA as JSON (format cfp-cnca-number-request v1, docs/cnca-package.md)")
    ResponseEntity<byte[]> packageJson(@PathVariable long applicationId) {
        NumberRecord r = cnca(applicationId);
        return download(packages.json(r), MediaType.APPLICATION_JSON, r.provisionalReference() + ".json");
    }

    @GetMapping("/api/numbering/{applicationId}/package.xlsx")
    @Operation(summary = "The report package for CNCA as an Excel sheet (one row, Chinese headers)")
    ResponseEntity<byte[]> packageXlsx(@PathVariable long applicationId) {
        NumberRecord r = cnca(applicationId);
        return download(packages.xlsx(r), XLSX, r.provisionalReference() + ".xlsx");
    }

    @PostMapping("/api/numbering/{applicationId}/submission")
    @Operation(summary = "Record that the package was submitted to CNCA: submittedOn (ISO date), channel, note → SUBMITTED")
    NumberRecord submitted(Actor me, @PathVariable long applicationId, @RequestBody SubmissionInput in) {
        return numbers.recordSubmission(me, applicationId, in.submittedOn(), in.channel(), in.note());
    }

    @PostMapping("/api/numbering/{applicationId}/confirmed")
    @Operation(summary = "Enter the number CNCA confirmed (with or without hyphens) → CONFIRMED; checked against the pattern, "
            + "this body's code, the issue year, the product code, and unique (409 when another case holds it)")
    NumberRecord confirmed(Actor me, @PathVariable long applicationId, @RequestBody ConfirmInput in) {
        return numbers.confirm(me, applicationId, in.number());
    }

    @PostMapping("/api/numbering/confirmed-import")
    @Operation(summary = "Import confirmed numbers as CSV lines 'provisional reference,number' (optional header); all or nothing")
    List<NumberRecord> importConfirmed(Actor me, @RequestBody byte[] csv) {
        return numbers.importConfirmed(me, new String(csv, StandardCharsets.UTF_8));
    }

    @GetMapping("/api/product-codes")
    @Operation(summary = "The product codes (3 digits, CNCA CFP-label catalogue), imported by an admin")
    List<ProductCode> codes() {
        return productCodes.all();
    }

    @PostMapping("/api/product-codes/import")
    @Operation(summary = "Import product codes as CSV lines 'code,name zh,name en' (optional header): adds new codes, updates "
            + "names, never deletes; errors refused with line numbers, nothing stored")
    ImportOutcome importCodes(Actor me, @RequestBody byte[] csv) {
        var r = productCodes.importCsv(me, new String(csv, StandardCharsets.UTF_8));
        return new ImportOutcome(r.added(), r.updated());
    }

    private NumberRecord cnca(long applicationId) {
        NumberRecord r = numbers.require(applicationId);
        if (!r.cnca()) {
            throw cn.cfp.shared.Refusal.notFound("numbering.local", r.schemeCode(), String.valueOf(r.number()));
        }
        return r;
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }
}
