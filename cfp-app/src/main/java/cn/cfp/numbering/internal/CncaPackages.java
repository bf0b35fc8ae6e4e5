package cn.cfp.numbering.internal;

import cn.cfp.body.BodyIdentity;
import cn.cfp.numbering.NumberRecord;
import cn.cfp.numbering.ProductCode;
import cn.cfp.numbering.ProductCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report package for CNCA's number [000 §9.1.2; decision D2] as JSON (format {@value #FORMAT}, documented in
 * docs/cnca-package.md and docs/cnca-package.schema.json) and as an Excel sheet with one row under Chinese headers.
 * The CNCA platform's interface is not public: this is the file a person uploads or copies from.
 */
@Component
class CncaPackages {

    static final String FORMAT = "cfp-cnca-number-request";
    static final int VERSION = 1;

    private final BodyIdentity body;
    private final ProductCodes productCodes;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    CncaPackages(BodyIdentity body, ProductCodes productCodes) {
        this.body = body;
        this.productCodes = productCodes;
    }

    /** The package as an ordered map (the JSON document). */
    Map<String, Object> content(NumberRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("formatVersion", VERSION);
        m.put("provisionalReference", r.provisionalReference());
        m.put("caseReference", r.caseReference());
        m.put("scheme", r.schemeCode());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", body.name());
        b.put("nameEn", body.name(java.util.Locale.ENGLISH));
        b.put("approvalNumber", body.approvalNumber());
        b.put("bodyCode", body.bodyCode());
        m.put("body", b);
        m.put("productCode", r.productCode());
        m.put("productName", productCodes.find(r.productCode()).map(ProductCode::nameZh).orElse(null));
        m.put("issueYear", r.issueOn().getYear());
        m.put("issueOn", r.issueOn().toString());
        m.put("requestedAt", r.requestedAt().toString());
        m.put("requestedBy", r.requestedBy());
        m.put("fields", r.fields());
        return m;
    }

    byte[] json(NumberRecord r) {
        return json.writeValueAsBytes(content(r));
    }

    /** One sheet, a header row in Chinese and one data row. */
    byte[] xlsx(NumberRecord r) {
        Map<String, String> cols = new LinkedHashMap<>();
        cols.put("临时参考号", r.provisionalReference());
        cols.put("案件编号", r.caseReference());
        cols.put("认证方案", r.schemeCode());
        cols.put("认证机构名称", body.name());
        cols.put("认证机构批准号", body.approvalNumber());
        cols.put("认证机构识别码", body.bodyCode());
        cols.put("产品代码", r.productCode());
        cols.put("产品代码名称", productCodes.find(r.productCode()).map(ProductCode::nameZh).orElse(""));
        cols.put("发证年份", String.valueOf(r.issueOn().getYear()));
        cols.put("发证日期", r.issueOn().toString());
        r.fields().forEach((k, v) -> cols.putIfAbsent(k, v));
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("证书编号申请");
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Row head = sheet.createRow(0);
            Row row = sheet.createRow(1);
            int i = 0;
            for (Map.Entry<String, String> e : cols.entrySet()) {
                var h = head.createCell(i);
                h.setCellValue(e.getKey());
                h.setCellStyle(bold);
                row.createCell(i).setCellValue(e.getValue() == null ? "" : e.getValue());
                sheet.setColumnWidth(i, 20 * 256);
                i++;
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
