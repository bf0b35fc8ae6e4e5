package cn.cfp.registry.internal;

import cn.cfp.registry.Registry;
import cn.cfp.registry.RegistryEntry;
import cn.cfp.registry.RegistrySearch;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The public registry's JSON API [R-PUB-1, decision D4]: anonymous, read only, nothing but the public record. */
@RestController
@Tag(name = "public registry", description = "The public certificate registry (anonymous): a certificate by its number, "
        + "and the search by number, company, product, scheme and status [R-PUB-1]")
class RegistryApi {

    private final Registry registry;
    private final JsonMapper json = JsonMapper.builder().build();

    RegistryApi(Registry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/public/certificates/{number}")
    @Operation(summary = "A certificate by its number (with or without hyphens): its public record, current status and "
            + "status history; EXPIRED is derived from the validity date; 404 for an unknown number",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RegistryEntry.class))))
    ResponseEntity<byte[]> certificate(@PathVariable String number) {
        String found = registry.find(number).map(RegistryEntry::number)
                .or(() -> registry.canonical(number))
                .orElseThrow(() -> Refusal.notFound("registry.unknown", number.length() > 80 ? number.substring(0, 80) : number));
        byte[] body = registry.rendered(found, "json", e -> json.writeValueAsBytes(e))
                .orElseThrow(() -> Refusal.notFound("registry.unknown", found));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/api/public/certificates")
    @Operation(summary = "Search the registry: a part of the number (hyphens optional), of a company's name (holder, "
            + "manufacturer, factory), of a product's name or model; the scheme code; the current status. Newest issue "
            + "first, page size at most 100; the total is in X-Total-Count",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = RegistryEntry.class)))))
    ResponseEntity<byte[]> search(@RequestParam(required = false) String number, @RequestParam(required = false) String company,
                                  @RequestParam(required = false) String product, @RequestParam(required = false) String scheme,
                                  @Parameter(description = "VALID, SUSPENDED, REVOKED, CANCELLED, EXPIRED or ENDED")
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = RegistryPages.paging(page, size, Paging.DEFAULT_SIZE);
        Paging.Page<RegistryEntry> result = registry.search(
                new RegistrySearch(number, company, product, scheme, RegistryPages.status(status)), paging);
        StringBuilder out = new StringBuilder("[");
        List<RegistryEntry> items = result.items();
        for (int i = 0; i < items.size(); i++) {
            RegistryEntry e = items.get(i);
            byte[] one = registry.rendered(e.number(), "json", x -> json.writeValueAsBytes(x)).orElseGet(() -> json.writeValueAsBytes(e));
            out.append(i == 0 ? "" : ",").append(new String(one, StandardCharsets.UTF_8));
        }
        out.append(']');
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("X-Total-Count", String.valueOf(result.total()))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
