package cn.cfp.registry;

import cn.cfp.audit.AuditTrail;
import cn.cfp.certificate.PublicCertificate;
import cn.cfp.shared.Hashes;
import cn.cfp.shared.storage.DataDirectory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-data export of the registry [R-PUB-1; issue 10 item 7]: every published certificate's public fields and its
 * status today, as CSV (UTF-8 with a byte-order mark so that Excel reads the Chinese, a header row, one row per product)
 * and as JSON, in {@code <data-dir>/open-data/}. Made by the daily job and on the first request when no file exists.
 * Idempotent: a run that finds the same content leaves the files as they are; every run is audited.
 */
@Service
public class OpenData {

    public static final String CSV = "certificates.csv";
    public static final String JSON = "certificates.json";

    /** The CSV columns, in order (documented in docs/registry.md). */
    public static final List<String> COLUMNS = List.of("number", "scheme", "version", "status", "status_since",
            "holder", "holder_address", "manufacturer", "manufacturer_address", "factory", "factory_address", "unit",
            "product", "model", "footprint", "footprint_unit", "functional_unit", "system_boundary", "data_from", "data_to",
            "basis", "mode", "first_issued_on", "issued_on", "changed_on", "valid_until", "body", "url");

    private static final int BATCH = 500;

    private final RegistryRepository repository;
    private final Registry registry;
    private final AuditTrail audit;
    private final Path directory;
    private final JsonMapper json = JsonMapper.builder().build();

    OpenData(RegistryRepository repository, Registry registry, AuditTrail audit, @Value("${cfp.data-dir}") Path dataDir) {
        this.repository = repository;
        this.registry = registry;
        this.audit = audit;
        this.directory = dataDir.resolve("open-data");
    }

    /** What one run did. */
    public record Export(LocalDate day, long certificates, String csvSha256, String jsonSha256, boolean rewritten) {
    }

    /** The file ({@link #CSV} or {@link #JSON}), exported first if there is none yet; empty for another name. */
    public Optional<Path> file(String name) {
        if (!CSV.equals(name) && !JSON.equals(name)) {
            return Optional.empty();
        }
        Path file = directory.resolve(name);
        if (!Files.exists(file)) {
            synchronized (this) {
                if (!Files.exists(file)) {
                    export("public-request");
                }
            }
        }
        return Optional.of(file);
    }

    /** Writes both files from the registry as it stands today and audits the run (actor {@code system}). */
    public synchronized Export export(String trigger) {
        DataDirectory.directory(directory);
        LocalDate day = registry.today();
        Path csvTmp = directory.resolve(CSV + ".tmp");
        Path jsonTmp = directory.resolve(JSON + ".tmp");
        long count = 0;
        try (BufferedWriter csv = Files.newBufferedWriter(csvTmp, StandardCharsets.UTF_8);
             BufferedWriter js = Files.newBufferedWriter(jsonTmp, StandardCharsets.UTF_8)) {
            csv.write('\uFEFF');
            csv.write(String.join(",", COLUMNS));
            csv.write("\r\n");
            js.write("{\"generatedOn\":\"" + day + "\",\"certificates\":[");
            for (int offset = 0; ; offset += BATCH) {
                List<String> numbers = repository.numbers(offset, BATCH);
                for (String number : numbers) {
                    Optional<RegistryEntry> entry = registry.load(number, day);
                    if (entry.isEmpty()) {
                        continue;
                    }
                    js.write(count == 0 ? "\n" : ",\n");
                    js.write(json.writeValueAsString(entry.get()));
                    for (String row : rows(entry.get())) {
                        csv.write(row);
                        csv.write("\r\n");
                    }
                    count++;
                }
                if (numbers.size() < BATCH) {
                    break;
                }
            }
            js.write("\n]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the open-data export in " + directory, e);
        }
        String csvHash = sha256(csvTmp);
        String jsonHash = sha256(jsonTmp);
        boolean rewritten = replace(csvTmp, directory.resolve(CSV), csvHash) | replace(jsonTmp, directory.resolve(JSON), jsonHash);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("day", day.toString());
        details.put("certificates", count);
        details.put("csvSha256", csvHash);
        details.put("jsonSha256", jsonHash);
        details.put("rewritten", rewritten);
        details.put("trigger", trigger);
        audit.record("system", "OPEN_DATA_EXPORTED", "open-data", details);
        return new Export(day, count, csvHash, jsonHash, rewritten);
    }

    /** The CSV rows of one certificate: one per product, the certificate's fields repeated. */
    static List<String> rows(RegistryEntry e) {
        PublicCertificate c = e.certificate();
        return c.products().stream().map(p -> String.join(",", List.of(
                cell(c.number()), cell(c.schemeCode()), cell(c.version()), cell(e.status().name()), cell(e.statusSince()),
                cell(c.holderName()), cell(c.holderAddress()), cell(c.manufacturerName()), cell(c.manufacturerAddress()),
                cell(c.factoryName()), cell(c.factoryAddress()), cell(c.unit()),
                cell(p.name()), cell(p.model()), cell(p.footprint() == null ? null : p.footprint().toPlainString()),
                cell(p.footprintUnit()), cell(p.functionalUnit() != null ? p.functionalUnit() : c.functionalUnit()),
                cell(c.systemBoundary()), cell(c.dataFrom()), cell(c.dataTo()), cell(c.basis()), cell(c.mode()),
                cell(c.firstIssuedOn()), cell(c.issuedOn()), cell(c.changedOn()), cell(c.validUntil()), cell(c.bodyName()),
                cell(c.url())))).toList();
    }

    /** RFC 4180 quoting; a text beginning with = + @ is prefixed with ' so that a spreadsheet never runs it as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static boolean replace(Path tmp, Path target, String hash) {
        try {
            if (Files.exists(target) && Objects.equals(sha256(target), hash)) {
                Files.delete(tmp);
                return false;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target, e);
        }
    }

    private static String sha256(Path file) {
        try (var in = Files.newInputStream(file)) {
            MessageDigest md = Hashes.sha256();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
