package cn.cfp.reporting.internal;

import cn.cfp.body.BodyIdentity;
import cn.cfp.reporting.CncaReporting;
import cn.cfp.reporting.ReportItem;
import cn.cfp.shared.DateTexts;
import cn.cfp.shared.Hashes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CNCA report package [R-PUB-3]: the items' public data as JSON in the documented format
 * ({@code docs/cnca-reporting.md}, format {@value #FORMAT}) and as an Excel sheet with Chinese headers. The regulator's
 * export is the same sheet with the reporting columns.
 */
@Component
class ReportPackages {

    static final String FORMAT = "cfp-cnca-report";
    static final int FORMAT_VERSION = 1;
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** The sheet's columns (message keys reporting.xlsx.&lt;column&gt;), in order; the last four only with reporting data. */
    static final List<String> COLUMNS = List.of("item", "kind", "number", "scheme", "version", "status", "eventDate", "holder",
            "manufacturer", "product", "model", "footprint", "footprintUnit", "issuedOn", "validUntil", "cause", "recordedAt",
            "ageDays");
    static final List<String> REPORTING_COLUMNS = List.of("reported", "reportedOn", "channel", "receipt");

    private final CncaReporting reporting;
    private final BodyIdentity body;
    private final MessageSource messages;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ReportPackages(CncaReporting reporting, BodyIdentity body, MessageSource messages, Clock clock) {
        this.reporting = reporting;
        this.body = body;
        this.messages = messages;
        this.clock = clock;
    }

    /** The package: its id is the SHA-256 of the item ids it holds (the same items, the same id). */
    ObjectNode json(List<ReportItem> items) {
        LocalDate today = reporting.today();
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("packageId", packageId(items));
        root.put("generatedAt", clock.instant().toString());
        ObjectNode b = root.putObject("body");
        b.put("name", body.name(ZH));
        b.put("nameEn", body.name(Locale.ENGLISH));
        b.put("approvalNumber", body.approvalNumber());
        b.put("bodyCode", body.bodyCode());
        root.put("itemCount", items.size());
        ArrayNode list = root.putArray("items");
        for (ReportItem i : items) {
            ObjectNode n = list.addObject();
            n.put("itemId", i.id());
            n.put("kind", i.kind().name());
            n.put("number", i.number());
            n.put("scheme", i.schemeCode());
            if (i.version() == null) {
                n.putNull("version");
            } else {
                n.put("version", i.version());
            }
            n.put("status", i.status());
            n.put("eventDate", i.eventDate().toString());
            n.put("recordedAt", i.recordedAt().toString());
            n.put("ageDays", i.ageDays(today));
            if (i.reported() == null) {
                n.putNull("reported");
            } else {
                ObjectNode r = n.putObject("reported");
                r.put("submissionId", i.reported().submissionId());
                r.put("at", i.reported().at().toString());
                r.put("channel", i.reported().channel().name());
                r.put("receipt", i.reported().receipt());
            }
            JsonNode data = reporting.data(i);
            n.set("certificate", data.path("certificate").isMissingNode() ? json.nullNode() : data.get("certificate"));
            n.set("statusChange", data.path("statusChange").isMissingNode() ? json.nullNode() : data.get("statusChange"));
        }
        return root;
    }

    byte[] jsonBytes(List<ReportItem> items) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(json(items)).getBytes(StandardCharsets.UTF_8);
    }

    /** The sheet (报送清单 / 监管查看), one row per item; {@code withReporting} adds whether and how it was reported. */
    byte[] xlsx(List<ReportItem> items, boolean withReporting) {
        LocalDate today = reporting.today();
        List<String> columns = new ArrayList<>(COLUMNS);
        if (withReporting) {
            columns.addAll(REPORTING_COLUMNS);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(text(withReporting ? "reporting.xlsx.sheet.regulator" : "reporting.xlsx.sheet.package"));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(text("reporting.xlsx." + columns.get(c)));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 1;
            for (ReportItem i : items) {
                Row row = sheet.createRow(r++);
                JsonNode data = reporting.data(i);
                JsonNode cert = data.path("certificate");
                JsonNode change = data.path("statusChange");
                List<String> products = new ArrayList<>();
                List<String> models = new ArrayList<>();
                List<String> footprints = new ArrayList<>();
                List<String> units = new ArrayList<>();
                for (JsonNode p : cert.path("products")) {
                    products.add(p.path("name").asString(""));
                    models.add(p.path("model").asString(""));
                    footprints.add(p.path("footprint").asString(""));
                    units.add(p.path("footprintUnit").asString(""));
                }
                int c = 0;
                row.createCell(c++).setCellValue(i.id());
                row.createCell(c++).setCellValue(i.kind().label(ZH));
                row.createCell(c++).setCellValue(i.number());
                row.createCell(c++).setCellValue(nz(i.schemeCode()));
                row.createCell(c++).setCellValue(i.version() == null ? "" : i.version().toString());
                row.createCell(c++).setCellValue(statusLabel(i.status()));
                row.createCell(c++).setCellValue(i.eventDate().toString());
                row.createCell(c++).setCellValue(cert.path("holderName").asString(""));
                row.createCell(c++).setCellValue(cert.path("manufacturerName").asString(""));
                row.createCell(c++).setCellValue(String.join("；", products));
                row.createCell(c++).setCellValue(String.join("；", models));
                row.createCell(c++).setCellValue(String.join("；", footprints));
                row.createCell(c++).setCellValue(String.join("；", units.stream().distinct().toList()));
                row.createCell(c++).setCellValue(cert.path("issuedOn").asString(""));
                row.createCell(c++).setCellValue(cert.path("validUntil").asString(""));
                row.createCell(c++).setCellValue(change.path("cause").asString(""));
                row.createCell(c++).setCellValue(DateTexts.time(i.recordedAt(), ZH));
                row.createCell(c++).setCellValue(i.ageDays(today));
                if (withReporting) {
                    row.createCell(c++).setCellValue(text(i.isReported() ? "reporting.state.reported" : "reporting.state.unreported"));
                    row.createCell(c++).setCellValue(i.isReported() ? DateTexts.date(i.reported().at(), ZH) : "");
                    row.createCell(c++).setCellValue(i.isReported() ? i.reported().channel().label(ZH) : "");
                    row.createCell(c).setCellValue(i.isReported() ? nz(i.reported().receipt()) : "");
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String packageId(List<ReportItem> items) {
        StringBuilder ids = new StringBuilder();
        items.stream().map(ReportItem::id).sorted().forEach(id -> ids.append(id).append(','));
        return Hashes.sha256Hex(ids.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private String statusLabel(String status) {
        try {
            return cn.cfp.certificate.CertificateStatus.valueOf(status).label(ZH);
        } catch (IllegalArgumentException e) {
            return status;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, ZH);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
