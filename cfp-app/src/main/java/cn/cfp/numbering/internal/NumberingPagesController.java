package cn.cfp.numbering.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.numbering.NumberRecord;
import cn.cfp.numbering.Numbers;
import cn.cfp.numbering.ProductCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff page of certificate numbers {@code /numbering} [R-CERT-2, decision D2]: every request with its state and age,
 * the CNCA package downloads, the submission record, the confirmed-number entry and the CSV import; and the admin's
 * product-code page {@code /admin/product-codes}. A refused form comes back to the page with its reasons.
 */
@Controller
class NumberingPagesController {

    private final Numbers numbers;
    private final ProductCodes productCodes;
    private final java.time.Clock clock;

    NumberingPagesController(Numbers numbers, ProductCodes productCodes, java.time.Clock clock) {
        this.numbers = numbers;
        this.productCodes = productCodes;
        this.clock = clock;
    }

    /** A row of the page: the record and its age in days. */
    record Row(NumberRecord r, long ageDays) {
    }

    @GetMapping("/numbering")
    String page(Actor me, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        cn.cfp.shared.Paging paging = cn.cfp.shared.Paging.of(page, size);
        cn.cfp.shared.Paging.Page<NumberRecord> result = numbers.page(paging);
        List<Row> rows = result.items().stream().map(r -> new Row(r, numbers.ageDays(r))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("result", result);
        model.addAttribute("paging", paging);
        model.addAttribute("recorder", me.has(Role.PROJECT_MANAGER) || me.has(Role.PREPARER));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("codes", productCodes.all().stream().collect(Collectors.toMap(c -> c.code(), Function.identity())));
        return "numbering/list";
    }

    @PostMapping("/numbering/{applicationId}/submission")
    String submitted(Actor me, @PathVariable long applicationId, @RequestParam(required = false) LocalDate submittedOn,
                     @RequestParam(required = false) String channel, @RequestParam(required = false) String note) {
        numbers.recordSubmission(me, applicationId, submittedOn, channel, note);
        return "redirect:/numbering#request-" + applicationId;
    }

    @PostMapping("/numbering/{applicationId}/confirmed")
    String confirmed(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String number) {
        numbers.confirm(me, applicationId, number);
        return "redirect:/numbering#request-" + applicationId;
    }

    @PostMapping("/numbering/confirmed-import")
    String importConfirmed(Actor me, @RequestParam(required = false) MultipartFile file) throws IOException {
        numbers.importConfirmed(me, file == null ? "" : new String(file.getBytes(), StandardCharsets.UTF_8));
        return "redirect:/numbering?imported";
    }

    @GetMapping("/admin/product-codes")
    String codes(Model model, @RequestParam(required = false) Map<String, String> p) {
        model.addAttribute("codes", productCodes.all());
        model.addAttribute("result", p.containsKey("added") ? p : null);
        return "numbering/product-codes";
    }

    @PostMapping("/admin/product-codes")
    String importCodes(Actor me, @RequestParam(required = false) MultipartFile file) throws IOException {
        var r = productCodes.importCsv(me, file == null ? "" : new String(file.getBytes(), StandardCharsets.UTF_8));
        return "redirect:/admin/product-codes?added=" + r.added() + "&updated=" + r.updated();
    }
}
