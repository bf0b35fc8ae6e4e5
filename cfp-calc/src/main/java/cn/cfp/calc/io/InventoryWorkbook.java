package cn.cfp.calc.io;

import cn.cfp.calc.gwp.GwpSets;
import cn.cfp.calc.model.AllocationMethod;
import cn.cfp.calc.model.Boundary;
import cn.cfp.calc.model.CarbonFlow;
import cn.cfp.calc.model.DataQuality;
import cn.cfp.calc.model.DatabaseTier;
import cn.cfp.calc.model.DqrScores;
import cn.cfp.calc.model.Emission;
import cn.cfp.calc.model.EmissionFactor;
import cn.cfp.calc.model.FactorType;
import cn.cfp.calc.model.FunctionalUnit;
import cn.cfp.calc.model.GasAmount;
import cn.cfp.calc.model.Input;
import cn.cfp.calc.model.Inventory;
import cn.cfp.calc.model.MassBalance;
import cn.cfp.calc.model.Origin;
import cn.cfp.calc.model.Output;
import cn.cfp.calc.model.PedigreeScores;
import cn.cfp.calc.model.Process;
import cn.cfp.calc.model.Rules;
import cn.cfp.calc.model.Stage;
import cn.cfp.calc.model.Uncertainty;
import cn.cfp.calc.unit.Quantity;
import cn.cfp.calc.unit.Unit;
import cn.cfp.calc.unit.Units;
import cn.cfp.calc.io.WorkbookCells.Line;
import cn.cfp.calc.io.WorkbookCells.Page;
import cn.cfp.calc.io.WorkbookCells.Value;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Excel data-collection template (R-CALC-13), modelled on the data-collection lists (数据采集清单) of the CEC
 * furniture rules (seed 002, Annex 2): product information, processes, inputs (materials, energy, transport with
 * 用量/单位/获取方式 自产·外购/来源地·距离/运输方式/备注), direct emissions, carbon balances and emission factors.
 * Every data sheet has the Chinese header in row 1, the column key in row 2 and data from row 3; columns are found
 * by their key, so they may be reordered. The import reads into the same {@link Inventory} as the JSON format and
 * collects every error with its sheet, row and column.
 */
public final class InventoryWorkbook {

    public static final String PRODUCT = "product";
    public static final String PROCESSES = "processes";
    public static final String INPUTS = "inputs";
    public static final String EMISSIONS = "emissions";
    public static final String BALANCES = "carbon-balances";
    public static final String FACTORS = "factors";
    static final String INSTRUCTIONS = "instructions";
    static final String LISTS = "lists";
    static final int FIRST_DATA_ROW = 2; // 0-based: row 3 in Excel
    static final int VALIDATION_ROWS = 1000;

    /** A column of a data sheet. {@code list}: name of the drop-down list, or null. */
    record Col(String key, String zh, String list) {
    }

    /** Choices of a drop-down list: stored value "中文 CODE". */
    record Choice(String code, String zh) {
        String display() {
            return zh + " " + code;
        }
    }

    static final Map<String, List<Choice>> LIST_VALUES = new LinkedHashMap<>();

    static {
        LIST_VALUES.put("L_STAGE", List.of(new Choice("RAW_MATERIAL_ACQUISITION", "原材料获取"),
                new Choice("RAW_MATERIAL_TRANSPORT", "原材料运输"), new Choice("PRODUCTION", "生产制造"),
                new Choice("DISTRIBUTION_STORAGE", "分销和储存"), new Choice("USE", "产品使用"),
                new Choice("END_OF_LIFE", "废弃处置")));
        LIST_VALUES.put("L_ORIGIN", List.of(new Choice("FOSSIL", "化石"), new Choice("BIOGENIC", "生物源"),
                new Choice("DLUC", "直接土地利用变化")));
        LIST_VALUES.put("L_TYPE", List.of(new Choice("MEASURED", "实测或物料衡算"), new Choice("SUPPLIER", "供应商数据"),
                new Choice("REGIONAL", "区域因子"), new Choice("NATIONAL", "国家因子"),
                new Choice("INTERNATIONAL", "国际因子")));
        LIST_VALUES.put("L_DATABASE", List.of(new Choice("SCHEME_SPECIFIED", "机构或客户指定"),
                new Choice("DOMESTIC", "国内权威数据库"), new Choice("INTERNATIONAL", "国际数据库"),
                new Choice("OTHER", "其他")));
        LIST_VALUES.put("L_ALLOCATION", List.of(new Choice("MASS", "质量分配"), new Choice("ECONOMIC", "经济价值分配"),
                new Choice("PHYSICAL", "其他物理关系分配")));
        LIST_VALUES.put("L_BOUNDARY", List.of(new Choice("CRADLE_TO_GATE", "从摇篮到大门"),
                new Choice("CRADLE_TO_GRAVE", "从摇篮到坟墓")));
        LIST_VALUES.put("L_DISTRIBUTION", List.of(new Choice("LOGNORMAL", "对数正态"), new Choice("NORMAL", "正态"),
                new Choice("UNIFORM", "均匀"), new Choice("TRIANGULAR", "三角")));
        LIST_VALUES.put("L_DIRECTION", List.of(new Choice("IN", "输入"), new Choice("OUT", "输出")));
        LIST_VALUES.put("L_BOOL", List.of(new Choice("yes", "是"), new Choice("no", "否")));
        LIST_VALUES.put("L_ACQUISITION", List.of(new Choice("own", "自产"), new Choice("purchased", "外购")));
    }

    static final List<Col> QUALITY = List.of(
            new Col("TeR", "技术代表性 TeR (1–5)", null), new Col("GeR", "地理代表性 GeR (1–5)", null),
            new Col("TiR", "时间代表性 TiR (1–5)", null), new Col("P", "精确度 P (1–5)", null),
            new Col("pedigree", "谱系矩阵评分 (可靠性,完整性,时间,地理,技术 如 2,1,2,2,1)", null),
            new Col("basicVariance", "基本不确定性方差 σ²", null),
            new Col("distribution", "不确定性分布", "L_DISTRIBUTION"), new Col("gsd", "几何标准差 GSD", null),
            new Col("sd", "标准差", null), new Col("min", "最小值", null), new Col("mode", "众数", null),
            new Col("max", "最大值", null));

    static final List<Col> PROCESS_COLS = List.of(
            new Col("id", "工序编号", null), new Col("name", "工序名称", null), new Col("stage", "生命周期阶段", "L_STAGE"),
            new Col("location", "地点", null), new Col("outputFlow", "产品/产出名称", null),
            new Col("outputAmount", "产量", null), new Col("outputUnit", "单位", "L_UNIT"),
            new Col("allocation", "分配方法 (多产出时)", "L_ALLOCATION"), new Col("allocationPercent", "分配比例 %", null),
            new Col("price", "单价 (经济分配)", null), new Col("remark", "备注", null));

    static final List<Col> INPUT_COLS = withQuality(List.of(
            new Col("process", "所属工序编号", null), new Col("name", "数据类型 (原料/包装/能源/运输等名称)", null),
            new Col("amount", "用量", null), new Col("unit", "单位", "L_UNIT"),
            new Col("provider", "上游工序编号 (自产)", null), new Col("providerOutput", "上游工序产出名称", null),
            new Col("factor", "排放因子编号", null), new Col("flow", "按流选择因子 (如 electricity)", null),
            new Col("stage", "生命周期阶段 (空=工序阶段)", "L_STAGE"), new Col("excluded", "按取舍准则排除", "L_BOOL"),
            new Col("reason", "排除理由", null), new Col("acquisition", "获取方式 自产/外购", "L_ACQUISITION"),
            new Col("originOrDistance", "距离估算/来源地", null), new Col("transportMode", "运输方式", null),
            new Col("dataSource", "数据来源", null), new Col("remark", "备注", null)));

    static final List<Col> EMISSION_COLS = withQuality(List.of(
            new Col("process", "所属工序编号", null), new Col("name", "排放源名称 (废气等)", null),
            new Col("gas", "温室气体", "L_GAS"), new Col("amount", "排放量", null), new Col("unit", "单位", "L_UNIT"),
            new Col("origin", "来源 化石/生物源", "L_ORIGIN"), new Col("removal", "是否为清除 (吸收)", "L_BOOL"),
            new Col("stage", "生命周期阶段 (空=工序阶段)", "L_STAGE"), new Col("primary", "初级数据 (现场数据)", "L_BOOL"),
            new Col("dataSource", "数据来源", null), new Col("remark", "备注", null)));

    static final List<Col> BALANCE_COLS = withQuality(List.of(
            new Col("process", "所属工序编号", null), new Col("balance", "碳平衡名称", null),
            new Col("direction", "输入/输出", "L_DIRECTION"), new Col("material", "物料名称", null),
            new Col("amount", "质量", null), new Col("unit", "单位", "L_UNIT"),
            new Col("carbonFraction", "含碳量 (0–1)", null), new Col("origin", "来源 化石/生物源", "L_ORIGIN"),
            new Col("stage", "生命周期阶段 (空=工序阶段)", "L_STAGE"), new Col("remark", "备注", null)));

    static final List<Col> FACTOR_COLS = withQuality(List.of(
            new Col("id", "因子编号", null), new Col("name", "因子名称", null), new Col("flow", "服务的流 (可选)", null),
            new Col("unit", "活动数据单位", "L_UNIT"), new Col("gas", "温室气体 (CO2e=已折算)", "L_GAS"),
            new Col("amount", "排放因子 kg/单位", null), new Col("origin", "来源 化石/生物源", "L_ORIGIN"),
            new Col("source", "数据来源/数据库", null), new Col("version", "版本", null), new Col("year", "年份", null),
            new Col("region", "地区", null), new Col("type", "因子类型", "L_TYPE"),
            new Col("database", "数据库优先级", "L_DATABASE"), new Col("remark", "备注", null)));

    /** Rows of the product sheet: key, Chinese label, English label, note. */
    static final String[][] PRODUCT_ROWS = {
            {"name", "清单名称", "inventory name", ""},
            {"product", "产品名称及类别、规格/型号", "product name, category, model", ""},
            {"functionalUnit", "功能单位/声明单位", "functional or declared unit (description)", "如: 一把椅子, 使用 10 年"},
            {"fuAmount", "功能单位数量", "functional unit amount", "通常为 1"},
            {"fuUnit", "功能单位的单位", "unit of the functional unit", "如 p (件/台) 或 kg"},
            {"fuProcess", "参考工序编号 (成品工序)", "reference process id (the finished product)", "见 processes 表"},
            {"fuFlow", "参考产出名称 (可空)", "reference output flow (optional)", "空 = 该工序第一个产出"},
            {"productMass", "单位产品的重量", "product mass per unit", "取舍准则的基准"},
            {"productMassUnit", "重量单位", "unit of the product mass", "默认 kg"},
            {"boundary", "系统边界", "system boundary", "从摇篮到大门 / 从摇篮到坟墓"},
            {"periodFrom", "数据统计期 起", "data period from", "YYYY-MM-DD, 一般为一个自然年或12个月"},
            {"periodTo", "数据统计期 止", "data period to", "YYYY-MM-DD"},
            {"cutOffPercent", "取舍准则 (% 产品质量)", "cut-off limit, % of product mass", "默认 5"},
            {"secondaryDataPenalty", "次级数据保守系数 (比例)", "secondary-data penalty (fraction)", "如 0.1 = 10 %; 默认 0"},
            {"maximumDqr", "最低数据质量要求 (DQR 上限)", "worst acceptable DQR (1–5)", "可空"},
    };

    private InventoryWorkbook() {
    }

    private static List<Col> withQuality(List<Col> cols) {
        List<Col> all = new ArrayList<>(cols);
        all.addAll(QUALITY);
        return List.copyOf(all);
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** The blank data-collection template. */
    public static void writeTemplate(OutputStream out) throws IOException {
        write(null, out);
    }

    /** The template filled with {@code inv} (null: blank). Reading it back gives an equal inventory. */
    public static void write(Inventory inv, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.LIGHT_GREEN.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            head.setWrapText(true);
            CellStyle key = wb.createCellStyle();
            key.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            key.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            instructions(wb.createSheet(INSTRUCTIONS), head);
            Sheet product = wb.createSheet(PRODUCT);
            Sheet processes = dataSheet(wb, PROCESSES, PROCESS_COLS, head, key);
            Sheet inputs = dataSheet(wb, INPUTS, INPUT_COLS, head, key);
            Sheet emissions = dataSheet(wb, EMISSIONS, EMISSION_COLS, head, key);
            Sheet balances = dataSheet(wb, BALANCES, BALANCE_COLS, head, key);
            Sheet factors = dataSheet(wb, FACTORS, FACTOR_COLS, head, key);
            lists(wb);
            productSheet(product, head, key, inv);
            validations(processes, PROCESS_COLS);
            validations(inputs, INPUT_COLS);
            validations(emissions, EMISSION_COLS);
            validations(balances, BALANCE_COLS);
            validations(factors, FACTOR_COLS);
            if (inv != null) {
                fill(inv, processes, inputs, emissions, balances, factors);
            }
            wb.setActiveSheet(wb.getSheetIndex(PRODUCT));
            wb.write(out);
        }
    }

    private static void instructions(Sheet s, CellStyle head) {
        String[] lines = {
                "产品碳足迹数据采集清单 / Product carbon footprint data-collection template (GB/T 24067, R-CALC-13)",
                "",
                "填写说明 / How to fill in:",
                "1. product 表: 产品基本信息、功能单位、系统边界、数据统计期 (一般为一个自然年或12个月) 和规则参数。",
                "   product sheet: product, functional unit, boundary, data period and rules (column 'value').",
                "2. processes 表: 每个工序一行 (多产出工序: 同一编号每个产出一行, 并填写分配方法或分配比例)。",
                "   processes: one row per process output; repeat the id for further outputs (give allocation).",
                "3. inputs 表: 原材料、辅料、包装材料、能源 (热能、燃料、水、电力)、运输。每行填写所属工序、用量、单位, 以及",
                "   provider (自产: 上游工序编号) 或 factor (外购: 排放因子编号) 或 flow (按优先级自动选择因子) 之一。",
                "   inputs: materials, packaging, energy, transport; link each to exactly one of provider, factor, flow.",
                "   被取舍准则排除的输入: excluded = 是, 单位须为质量单位, 填写理由。",
                "4. emissions 表: 生产过程直接排放 (废气等), 单位为质量; 清除 (吸收) 填 removal = 是, 用量填正数。",
                "5. carbon-balances 表: 物料衡算法, 每种含碳物料一行, 同名平衡合为一个: CO2 = (输入碳 − 输出碳) × 44/12;",
                "   数据质量与不确定性填写在该平衡的第一行。",
                "6. factors 表: 排放因子, kg 气体/活动单位; 多种气体时同一编号每种气体一行 (名称等填在第一行)。",
                "   因子优先级: 实测/物料衡算 > 供应商 > 区域 > 国家 > 国际; 数据库: 指定 > 国内权威 > 国际 > 其他。",
                "7. 数据质量: PEF DQR 评分 TeR/GeR/TiR/P (1 最好 – 5 最差); 谱系矩阵评分 5 个整数, 如 2,1,2,2,1。",
                "   不确定性: distribution LOGNORMAL 填 gsd; NORMAL 填 sd; UNIFORM 填 min,max; TRIANGULAR 填 min,mode,max。",
                "8. 第 1 行为中文表头, 第 2 行为列键 (请勿修改), 自第 3 行起填写数据。下拉列表的值为 \"中文 CODE\",",
                "   也可直接填写 CODE (如 PRODUCTION) 或中文名称。是/否 可填 是, 否, yes, no。",
                "   Row 1: Chinese header; row 2: column key (do not change); data from row 3.",
                "",
                "计算 / Calculate:  ./cfp calc filled.xlsx   (错误信息会指明表、行、列 / every error names sheet, row and column)",
                "单位 / Units: " + String.join(", ", Units.all().keySet()),
        };
        for (int i = 0; i < lines.length; i++) {
            Cell c = s.createRow(i).createCell(0);
            c.setCellValue(lines[i]);
            if (i == 0) {
                c.setCellStyle(head);
            }
        }
        s.setColumnWidth(0, 140 * 256);
    }

    private static Sheet dataSheet(Workbook wb, String name, List<Col> cols, CellStyle head, CellStyle key) {
        Sheet s = wb.createSheet(name);
        Row zh = s.createRow(0);
        Row keys = s.createRow(1);
        zh.setHeightInPoints(45);
        for (int c = 0; c < cols.size(); c++) {
            Cell h = zh.createCell(c);
            h.setCellValue(cols.get(c).zh());
            h.setCellStyle(head);
            Cell k = keys.createCell(c);
            k.setCellValue(cols.get(c).key());
            k.setCellStyle(key);
            s.setColumnWidth(c, Math.min(40, Math.max(12, cols.get(c).zh().length() * 2 + 2)) * 256);
        }
        s.createFreezePane(0, FIRST_DATA_ROW);
        return s;
    }

    private static void productSheet(Sheet s, CellStyle head, CellStyle key, Inventory inv) {
        Row h = s.createRow(0);
        String[] hs = {"key 字段", "项目", "item", "value 填写值", "说明 note"};
        for (int c = 0; c < hs.length; c++) {
            h.createCell(c).setCellValue(hs[c]);
            h.getCell(c).setCellStyle(head);
        }
        for (int r = 0; r < PRODUCT_ROWS.length; r++) {
            Row row = s.createRow(r + 1);
            Cell k = row.createCell(0);
            k.setCellValue(PRODUCT_ROWS[r][0]);
            k.setCellStyle(key);
            row.createCell(1).setCellValue(PRODUCT_ROWS[r][1]);
            row.createCell(2).setCellValue(PRODUCT_ROWS[r][2]);
            row.createCell(4).setCellValue(PRODUCT_ROWS[r][3]);
        }
        s.setColumnWidth(0, 22 * 256);
        s.setColumnWidth(1, 30 * 256);
        s.setColumnWidth(2, 40 * 256);
        s.setColumnWidth(3, 36 * 256);
        s.setColumnWidth(4, 40 * 256);
        DataValidationHelper dv = s.getDataValidationHelper();
        int fuUnit = productRow("fuUnit");
        int massUnit = productRow("productMassUnit");
        int boundary = productRow("boundary");
        for (int[] rl : new int[][] {{fuUnit, 0}, {massUnit, 0}, {boundary, 1}}) {
            DataValidation v = dv.createValidation(dv.createFormulaListConstraint(rl[1] == 0 ? "L_UNIT" : "L_BOUNDARY"),
                    new CellRangeAddressList(rl[0], rl[0], 3, 3));
            v.setShowErrorBox(false);
            s.addValidationData(v);
        }
        if (inv == null) {
            set(s.getRow(productRow("fuAmount")), 3, 1.0);
            set(s.getRow(massUnit), 3, "kg");
            set(s.getRow(productRow("cutOffPercent")), 3, 5.0);
            return;
        }
        var fu = inv.functionalUnit();
        set(s.getRow(productRow("name")), 3, inv.name());
        set(s.getRow(productRow("product")), 3, inv.product());
        set(s.getRow(productRow("functionalUnit")), 3, fu.description());
        set(s.getRow(productRow("fuAmount")), 3, fu.amount().amount());
        set(s.getRow(fuUnit), 3, fu.amount().unit().symbol());
        set(s.getRow(productRow("fuProcess")), 3, fu.process());
        set(s.getRow(productRow("fuFlow")), 3, fu.flow());
        if (fu.productMass() != null) {
            set(s.getRow(productRow("productMass")), 3, fu.productMass().amount());
            set(s.getRow(massUnit), 3, fu.productMass().unit().symbol());
        }
        set(s.getRow(boundary), 3, display("L_BOUNDARY", inv.boundary().name()));
        set(s.getRow(productRow("periodFrom")), 3, inv.periodFrom() == null ? null : inv.periodFrom().toString());
        set(s.getRow(productRow("periodTo")), 3, inv.periodTo() == null ? null : inv.periodTo().toString());
        set(s.getRow(productRow("cutOffPercent")), 3, inv.rules().cutOffPercent());
        set(s.getRow(productRow("secondaryDataPenalty")), 3, inv.rules().secondaryDataPenalty());
        set(s.getRow(productRow("maximumDqr")), 3, inv.rules().maximumDqr());
    }

    static int productRow(String key) {
        for (int r = 0; r < PRODUCT_ROWS.length; r++) {
            if (PRODUCT_ROWS[r][0].equals(key)) {
                return r + 1;
            }
        }
        throw new IllegalArgumentException(key);
    }

    private static void lists(Workbook wb) {
        Sheet s = wb.createSheet(LISTS);
        Map<String, List<String>> values = new LinkedHashMap<>();
        LIST_VALUES.forEach((k, v) -> values.put(k, v.stream().map(Choice::display).toList()));
        values.put("L_UNIT", new ArrayList<>(Units.all().keySet()));
        List<String> gases = new ArrayList<>(List.of("CO2e", "CO2", "CH4"));
        new java.util.TreeSet<>(GwpSets.defaultSet().gases()).forEach(g -> {
            if (!gases.contains(g) && !g.startsWith("CH4")) {
                gases.add(g);
            }
        });
        values.put("L_GAS", gases);
        int c = 0;
        for (var e : values.entrySet()) {
            for (int r = 0; r < e.getValue().size(); r++) {
                Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
                row.createCell(c).setCellValue(e.getValue().get(r));
            }
            Name n = wb.createName();
            n.setNameName(e.getKey());
            String col = org.apache.poi.ss.util.CellReference.convertNumToColString(c);
            n.setRefersToFormula("'" + LISTS + "'!$" + col + "$1:$" + col + "$" + e.getValue().size());
            c++;
        }
        wb.setSheetHidden(wb.getSheetIndex(s), true);
    }

    private static void validations(Sheet s, List<Col> cols) {
        DataValidationHelper dv = s.getDataValidationHelper();
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).list() == null) {
                continue;
            }
            DataValidation v = dv.createValidation(dv.createFormulaListConstraint(cols.get(c).list()),
                    new CellRangeAddressList(FIRST_DATA_ROW, VALIDATION_ROWS, c, c));
            // units and gases: the list is a help, other spellings (aliases) are checked on import
            v.setShowErrorBox(!cols.get(c).list().equals("L_UNIT") && !cols.get(c).list().equals("L_GAS"));
            s.addValidationData(v);
        }
    }

    static String display(String list, String code) {
        for (Choice ch : LIST_VALUES.get(list)) {
            if (ch.code().equals(code)) {
                return ch.display();
            }
        }
        return code;
    }

    private static void fill(Inventory inv, Sheet processes, Sheet inputs, Sheet emissions, Sheet balances,
                             Sheet factors) {
        int pr = FIRST_DATA_ROW;
        int ir = FIRST_DATA_ROW;
        int er = FIRST_DATA_ROW;
        int br = FIRST_DATA_ROW;
        for (Process p : inv.processes()) {
            boolean first = true;
            for (Output o : p.outputs()) {
                RowWriter w = new RowWriter(processes, pr++, PROCESS_COLS);
                w.put("id", p.id());
                if (first) {
                    w.put("name", p.name());
                    w.put("stage", display("L_STAGE", p.stage().name()));
                    w.put("location", p.location());
                    w.put("allocation", p.allocation() == null ? null : display("L_ALLOCATION", p.allocation().name()));
                }
                w.put("outputFlow", o.flow());
                w.put("outputAmount", o.amount().amount());
                w.put("outputUnit", o.amount().unit().symbol());
                w.put("allocationPercent", o.allocationPercent());
                w.put("price", o.price());
                first = false;
            }
            for (Input in : p.inputs()) {
                RowWriter w = new RowWriter(inputs, ir++, INPUT_COLS);
                w.put("process", p.id());
                w.put("name", in.name());
                w.put("amount", in.amount().amount());
                w.put("unit", in.amount().unit().symbol());
                w.put("provider", in.provider());
                w.put("providerOutput", in.providerOutput());
                w.put("factor", in.factor());
                w.put("flow", in.flow());
                w.put("stage", in.stage() == null ? null : display("L_STAGE", in.stage().name()));
                w.put("excluded", in.excluded() ? display("L_BOOL", "yes") : null);
                w.put("reason", in.exclusionReason());
                w.quality(in.quality(), in.uncertainty());
            }
            for (Emission e : p.emissions()) {
                RowWriter w = new RowWriter(emissions, er++, EMISSION_COLS);
                w.put("process", p.id());
                w.put("name", e.name());
                w.put("gas", e.gas());
                w.put("amount", e.amount().amount());
                w.put("unit", e.amount().unit().symbol());
                w.put("origin", display("L_ORIGIN", e.origin().name()));
                w.put("removal", display("L_BOOL", e.removal() ? "yes" : "no"));
                w.put("stage", e.stage() == null ? null : display("L_STAGE", e.stage().name()));
                w.put("primary", display("L_BOOL", e.primary() ? "yes" : "no"));
                w.quality(e.quality(), e.uncertainty());
            }
            for (MassBalance mb : p.massBalances()) {
                boolean first2 = true;
                for (int d = 0; d < 2; d++) {
                    for (CarbonFlow cf : d == 0 ? mb.carbonIn() : mb.carbonOut()) {
                        RowWriter w = new RowWriter(balances, br++, BALANCE_COLS);
                        w.put("process", p.id());
                        w.put("balance", mb.name());
                        w.put("direction", display("L_DIRECTION", d == 0 ? "IN" : "OUT"));
                        w.put("material", cf.name());
                        w.put("amount", cf.mass().amount());
                        w.put("unit", cf.mass().unit().symbol());
                        w.put("carbonFraction", cf.carbonFraction());
                        if (first2) {
                            w.put("origin", display("L_ORIGIN", mb.origin().name()));
                            w.put("stage", mb.stage() == null ? null : display("L_STAGE", mb.stage().name()));
                            w.quality(mb.quality(), mb.uncertainty());
                        }
                        first2 = false;
                    }
                }
            }
        }
        int fr = FIRST_DATA_ROW;
        for (EmissionFactor f : inv.factors()) {
            boolean first = true;
            for (GasAmount g : f.gases()) {
                RowWriter w = new RowWriter(factors, fr++, FACTOR_COLS);
                w.put("id", f.id());
                w.put("gas", g.gas());
                w.put("amount", g.amount());
                w.put("origin", display("L_ORIGIN", g.origin().name()));
                if (first) {
                    w.put("name", f.name());
                    w.put("flow", f.flow());
                    w.put("unit", f.unit().symbol());
                    w.put("source", f.source());
                    w.put("version", f.version());
                    w.put("year", f.year() == null ? null : (double) f.year());
                    w.put("region", f.region());
                    w.put("type", display("L_TYPE", f.type().name()));
                    w.put("database", display("L_DATABASE", f.database().name()));
                    w.quality(f.quality(), f.uncertainty());
                }
                first = false;
            }
        }
    }

    private static void set(Row row, int col, Object v) {
        if (v == null) {
            return;
        }
        Cell c = row.getCell(col) == null ? row.createCell(col) : row.getCell(col);
        if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
        } else {
            c.setCellValue(v.toString());
        }
    }

    private static final class RowWriter {
        final Row row;
        final List<Col> cols;

        RowWriter(Sheet s, int r, List<Col> cols) {
            this.row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
            this.cols = cols;
        }

        void put(String key, Object v) {
            for (int c = 0; c < cols.size(); c++) {
                if (cols.get(c).key().equals(key)) {
                    set(row, c, v);
                    return;
                }
            }
            throw new IllegalArgumentException("no column " + key);
        }

        void quality(DataQuality q, Uncertainty u) {
            if (q != null && q.dqr() != null) {
                put("TeR", q.dqr().ter());
                put("GeR", q.dqr().ger());
                put("TiR", q.dqr().tir());
                put("P", q.dqr().p());
            }
            if (q != null && q.pedigree() != null) {
                PedigreeScores p = q.pedigree();
                put("pedigree", p.reliability() + "," + p.completeness() + "," + p.temporal() + ","
                        + p.geographical() + "," + p.technological());
            }
            if (q != null) {
                put("basicVariance", q.basicVariance());
            }
            if (u != null) {
                put("distribution", display("L_DISTRIBUTION", u.kind().name()));
                switch (u.kind()) {
                    case LOGNORMAL -> put("gsd", u.a());
                    case NORMAL -> put("sd", u.a());
                    case UNIFORM -> {
                        put("min", u.a());
                        put("max", u.b());
                    }
                    case TRIANGULAR -> {
                        put("min", u.a());
                        put("mode", u.b());
                        put("max", u.c());
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    public static Inventory read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /**
     * Imports a filled template. All errors are collected and thrown together as an
     * {@link InventoryImportException}; each names the sheet, the Excel row number and the column key.
     */
    public static Inventory read(InputStream in, String source) throws IOException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new InventoryImportException(source, List.of("not a readable .xlsx workbook: " + e.getMessage()));
        }
        try (WorkbookCells.Book wb = open(bytes, source)) {
            return new Reader(wb).read(source);
        }
    }

    /** The sheets the import reads; no other sheet of the workbook is parsed. */
    static final List<String> READ_SHEETS = List.of(PRODUCT, PROCESSES, INPUTS, EMISSIONS, BALANCES, FACTORS);

    /**
     * The cells of an .xlsx package straight from its XML ({@link WorkbookCells#stream}); anything else — another
     * format POI reads, or a package the streaming reader does not take — through POI's usermodel as before, which
     * accepts or refuses it with the same message.
     */
    static WorkbookCells.Book open(byte[] bytes, String source) {
        if (FileMagic.valueOf(bytes) == FileMagic.OOXML) {
            try {
                return WorkbookCells.stream(bytes, READ_SHEETS);
            } catch (Exception e) {
                // the usermodel below reads it or gives today's refusal
            }
        }
        return usermodel(bytes, source);
    }

    /** The workbook through POI's usermodel (the reading before the streaming one; kept as the fallback). */
    static WorkbookCells.Book usermodel(byte[] bytes, String source) {
        Workbook wb;
        try {
            wb = WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new InventoryImportException(source, List.of("not a readable .xlsx workbook: " + e.getMessage()));
        }
        return WorkbookCells.usermodel(wb);
    }

    /** Imports through POI's usermodel only (tests compare it with the streaming reading). */
    static Inventory readWithUsermodel(byte[] bytes, String source) throws IOException {
        try (WorkbookCells.Book wb = usermodel(bytes, source)) {
            return new Reader(wb).read(source);
        }
    }

    /** Parses one workbook, collecting errors. */
    private static final class Reader {
        final WorkbookCells.Book wb;
        final List<String> errors = new ArrayList<>();
        Boundary boundary;

        Reader(WorkbookCells.Book wb) {
            this.wb = wb;
        }

        /** A data row: its cells by column key. */
        final class RowData {
            final String sheet;
            final Line row;
            final Map<String, Integer> cols;

            RowData(String sheet, Line row, Map<String, Integer> cols) {
                this.sheet = sheet;
                this.row = row;
                this.cols = cols;
            }

            int excelRow() {
                return row.rowNum() + 1;
            }

            String where(String col) {
                return "sheet '" + sheet + "' row " + excelRow() + " column '" + col + "'";
            }

            void error(String col, String message) {
                errors.add(where(col) + ": " + message);
            }

            void rowError(String message) {
                errors.add("sheet '" + sheet + "' row " + excelRow() + ": " + message);
            }

            Value cell(String col) {
                Integer c = cols.get(col);
                return c == null ? null : row.cell(c);
            }

            String text(String col) {
                return cellText(cell(col));
            }

            String required(String col, String what) {
                String t = text(col);
                if (t == null) {
                    error(col, what + " is missing");
                }
                return t;
            }

            Double number(String col) {
                Value c = cell(col);
                if (c == null) {
                    return null;
                }
                CellType t = c.type() == CellType.FORMULA ? c.cachedFormulaResultType() : c.type();
                if (t == CellType.NUMERIC) {
                    return c.number();
                }
                String s = cellText(c);
                if (s == null) {
                    return null;
                }
                try {
                    double d = Double.parseDouble(s.trim());
                    if (Double.isFinite(d)) {
                        return d;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                error(col, "'" + s + "' is not a number");
                return null;
            }

            Double requiredNumber(String col, String what) {
                Double d = number(col);
                if (d == null && text(col) == null) {
                    error(col, what + " is missing");
                }
                return d;
            }

            Double nonNegative(String col, String what) {
                Double d = requiredNumber(col, what);
                if (d != null && d < 0) {
                    error(col, what + " must not be negative, was " + fmt(d));
                    return null;
                }
                return d;
            }

            Unit unit(String col, boolean required) {
                String t = text(col);
                if (t == null) {
                    if (required) {
                        error(col, "unit is missing");
                    }
                    return null;
                }
                var u = Units.find(t);
                if (u.isEmpty()) {
                    error(col, "unknown unit '" + t + "'");
                    return null;
                }
                return u.get();
            }

            <E extends Enum<E>> E choice(String col, Class<E> type, String list) {
                String t = text(col);
                if (t == null) {
                    return null;
                }
                String code = code(list, t);
                if (code != null) {
                    try {
                        return Enum.valueOf(type, code);
                    } catch (IllegalArgumentException e) {
                        // reported below
                    }
                }
                error(col, "'" + t + "' is not one of " + String.join(", ",
                        LIST_VALUES.get(list).stream().map(Choice::code).toList()));
                return null;
            }

            /** The life-cycle stage of column 'stage', checked against the system boundary of the product sheet. */
            Stage stage() {
                Stage st = choice("stage", Stage.class, "L_STAGE");
                if (st != null && boundary != null && !boundary.includes(st)) {
                    error("stage", "stage " + st + " is outside the system boundary " + boundary);
                    return null;
                }
                return st;
            }

            /** yes/no; blank gives {@code dflt}. */
            boolean bool(String col, boolean dflt) {
                String t = text(col);
                if (t == null) {
                    return dflt;
                }
                String l = t.trim().toLowerCase(Locale.ROOT);
                String code = code("L_BOOL", t);
                if ("yes".equals(code) || l.equals("true") || l.equals("y") || l.equals("1") || l.equals("x")) {
                    return true;
                }
                if ("no".equals(code) || l.equals("false") || l.equals("n") || l.equals("0")) {
                    return false;
                }
                error(col, "'" + t + "' is not yes or no (是/否)");
                return dflt;
            }

            /** Quality and uncertainty columns; null parts when blank. Errors are collected. */
            DataQuality quality() {
                Double[] d = {number("TeR"), number("GeR"), number("TiR"), number("P")};
                DqrScores dqr = null;
                int given = 0;
                for (int k = 0; k < 4; k++) {
                    if (d[k] != null) {
                        given++;
                        if (d[k] < 1 || d[k] > 5) {
                            error(QUALITY.get(k).key(), "DQR score must be between 1 and 5, was " + fmt(d[k]));
                            return null;
                        }
                    }
                }
                if (given > 0 && given < 4) {
                    for (int k = 0; k < 4; k++) {
                        if (d[k] == null) {
                            error(QUALITY.get(k).key(), "DQR score is missing (give all of TeR, GeR, TiR, P or none)");
                        }
                    }
                    return null;
                }
                if (given == 4) {
                    dqr = new DqrScores(d[0], d[1], d[2], d[3]);
                }
                PedigreeScores ped = null;
                String p = text("pedigree");
                if (p != null) {
                    String[] parts = p.trim().split("\\s*[,，;；\\s]\\s*");
                    int[] v = new int[parts.length];
                    boolean ok = parts.length == 5;
                    for (int k = 0; ok && k < 5; k++) {
                        try {
                            v[k] = Integer.parseInt(parts[k]);
                            ok = v[k] >= 1 && v[k] <= 5;
                        } catch (NumberFormatException e) {
                            ok = false;
                        }
                    }
                    if (!ok) {
                        error("pedigree", "'" + p + "' is not five integer scores 1–5 (reliability, completeness, "
                                + "temporal, geographical, technological), e.g. 2,1,2,2,1");
                        return null;
                    }
                    ped = new PedigreeScores(v[0], v[1], v[2], v[3], v[4]);
                }
                Double basic = number("basicVariance");
                if (basic != null && basic < 0) {
                    error("basicVariance", "must not be negative, was " + fmt(basic));
                    return null;
                }
                return new DataQuality(dqr, ped, basic);
            }

            Uncertainty uncertainty() {
                Uncertainty.Kind kind = choice("distribution", Uncertainty.Kind.class, "L_DISTRIBUTION");
                if (kind == null) {
                    return null;
                }
                try {
                    return switch (kind) {
                        case LOGNORMAL -> new Uncertainty(kind, req("gsd"), 0, 0);
                        case NORMAL -> new Uncertainty(kind, req("sd"), 0, 0);
                        case UNIFORM -> new Uncertainty(kind, req("min"), req("max"), 0);
                        case TRIANGULAR -> new Uncertainty(kind, req("min"), req("mode"), req("max"));
                    };
                } catch (MissingValue e) {
                    return null;
                } catch (IllegalArgumentException e) {
                    error("distribution", e.getMessage());
                    return null;
                }
            }

            private double req(String col) {
                Double d = requiredNumber(col, "value for the distribution");
                if (d == null) {
                    throw new MissingValue();
                }
                return d;
            }
        }

        static final class MissingValue extends RuntimeException {
            MissingValue() {
                super(null, null, false, false);
            }
        }

        /** Data rows of a sheet (blank rows skipped); null if the sheet or a column is missing (error added). */
        List<RowData> rows(String sheetName, List<Col> cols, boolean requiredSheet) {
            Page s = wb.sheet(sheetName);
            if (s == null) {
                if (requiredSheet) {
                    errors.add("sheet '" + sheetName + "' is missing");
                }
                return List.of();
            }
            Line keys = s.row(1);
            Map<String, Integer> map = new HashMap<>();
            if (keys != null) {
                for (Value c : keys) {
                    String k = cellText(c);
                    if (k != null) {
                        map.putIfAbsent(k.trim(), c.column());
                    }
                }
            }
            boolean ok = true;
            for (Col c : cols) {
                if (!map.containsKey(c.key())) {
                    errors.add("sheet '" + sheetName + "' row 2 column '" + c.key() + "': column is missing "
                            + "(row 2 must hold the column keys of the template)");
                    ok = false;
                }
            }
            if (!ok) {
                return List.of();
            }
            List<RowData> out = new ArrayList<>();
            for (int r = FIRST_DATA_ROW; r <= s.lastRowNum(); r++) {
                Line row = s.row(r);
                if (row == null) {
                    continue;
                }
                boolean blank = true;
                for (Col c : cols) {
                    if (cellText(row.cell(map.get(c.key()))) != null) {
                        blank = false;
                        break;
                    }
                }
                if (!blank) {
                    out.add(new RowData(sheetName, row, map));
                }
            }
            return out;
        }

        /** Runs a model constructor; its validation message is reported for the row. */
        <T> T make(RowData r, Supplier<T> s) {
            try {
                return s.get();
            } catch (IllegalArgumentException e) {
                r.rowError(e.getMessage());
                return null;
            }
        }

        /** Process under construction. */
        final class ProcessDraft {
            final RowData first;
            final String id;
            String name;
            Stage stage;
            String location;
            AllocationMethod allocation;
            final List<Output> outputs = new ArrayList<>();
            final List<RowData> outputRows = new ArrayList<>();
            final List<Input> inputs = new ArrayList<>();
            final List<Emission> emissions = new ArrayList<>();
            final Map<String, BalanceDraft> balances = new LinkedHashMap<>();

            ProcessDraft(RowData first, String id) {
                this.first = first;
                this.id = id;
            }
        }

        final class BalanceDraft {
            RowData first;
            final List<CarbonFlow> in = new ArrayList<>();
            final List<CarbonFlow> out = new ArrayList<>();
            Origin origin;
            Stage stage;
            DataQuality quality;
            Uncertainty uncertainty;
        }

        final class FactorDraft {
            RowData first;
            String id;
            String name;
            String flow;
            Unit unit;
            final List<GasAmount> gases = new ArrayList<>();
            String source;
            String version;
            Integer year;
            String region;
            FactorType type;
            DatabaseTier database;
            DataQuality quality;
            Uncertainty uncertainty;
        }

        Inventory read(String source) {
            // ---- product
            Map<String, Line> product = new HashMap<>();
            Page ps = wb.sheet(PRODUCT);
            if (ps == null) {
                errors.add("sheet '" + PRODUCT + "' is missing");
            } else {
                for (Line row : ps) {
                    String k = cellText(row.cell(0));
                    if (k != null && row.rowNum() > 0) {
                        product.putIfAbsent(k.trim(), row);
                    }
                }
            }
            Map<String, Integer> valueCol = Map.of("value", 3);
            java.util.function.Function<String, RowData> prow = key -> {
                Line row = product.get(key);
                if (row == null) {
                    String m = "sheet '" + PRODUCT + "': row '" + key + "' is missing (column A holds the keys)";
                    if (ps != null && !errors.contains(m)) {
                        errors.add(m);
                    }
                    return null;
                }
                return new RowData(PRODUCT, row, valueCol);
            };
            String name = productText(prow, "name");
            String productName = productText(prow, "product");
            String fuDescription = productText(prow, "functionalUnit");
            Double fuAmount = null;
            RowData r = prow.apply("fuAmount");
            if (r != null) {
                fuAmount = r.requiredNumber("value", "functional unit amount");
                if (fuAmount != null && !(fuAmount > 0)) {
                    r.error("value", "functional unit amount must be positive, was " + fmt(fuAmount));
                    fuAmount = null;
                }
            }
            Unit fuUnit = (r = prow.apply("fuUnit")) == null ? null : r.unit("value", true);
            RowData fuProcessRow = prow.apply("fuProcess");
            String fuProcess = fuProcessRow == null ? null : fuProcessRow.required("value", "reference process id");
            String fuFlow = productText(prow, "fuFlow");
            Double mass = null;
            if ((r = prow.apply("productMass")) != null) {
                mass = r.number("value");
                if (mass != null && !(mass > 0)) {
                    r.error("value", "product mass must be positive, was " + fmt(mass));
                    mass = null;
                }
            }
            Unit massUnit = Units.KG;
            if ((r = prow.apply("productMassUnit")) != null && r.text("value") != null) {
                massUnit = r.unit("value", false);
                if (massUnit != null && massUnit.dimension() != cn.cfp.calc.unit.Dimension.MASS) {
                    r.error("value", "unit '" + massUnit.symbol() + "' is not a mass unit");
                    massUnit = null;
                }
            }
            if ((r = prow.apply("boundary")) != null) {
                boundary = r.choice("value", Boundary.class, "L_BOUNDARY");
                if (boundary == null && r.text("value") == null) {
                    r.error("value", "system boundary is missing (CRADLE_TO_GATE or CRADLE_TO_GRAVE)");
                }
            }
            LocalDate from = productDate(prow, "periodFrom");
            LocalDate to = productDate(prow, "periodTo");
            Double cutOff = productNumber(prow, "cutOffPercent");
            Double penalty = productNumber(prow, "secondaryDataPenalty");
            Double maxDqr = productNumber(prow, "maximumDqr");

            // ---- processes
            Map<String, ProcessDraft> processes = new LinkedHashMap<>();
            for (RowData d : rows(PROCESSES, PROCESS_COLS, true)) {
                String id = d.required("id", "process id");
                if (id == null) {
                    continue;
                }
                ProcessDraft p = processes.get(id);
                if (p == null) {
                    p = new ProcessDraft(d, id);
                    processes.put(id, p);
                    p.name = d.text("name");
                    p.stage = d.stage();
                    if (p.stage == null && d.text("stage") == null) {
                        d.error("stage", "life-cycle stage is missing");
                    }
                    p.location = d.text("location");
                    p.allocation = d.choice("allocation", AllocationMethod.class, "L_ALLOCATION");
                }
                String flow = d.required("outputFlow", "output name");
                Double amount = d.requiredNumber("outputAmount", "output amount");
                if (amount != null && !(amount > 0)) {
                    d.error("outputAmount", "output amount must be positive, was " + fmt(amount));
                    amount = null;
                }
                Unit unit = d.unit("outputUnit", true);
                Double share = d.number("allocationPercent");
                Double price = d.number("price");
                if (flow != null && amount != null && unit != null) {
                    Double a = amount;
                    Output o = make(d, () -> new Output(flow, new Quantity(a, unit), share, price));
                    if (o != null) {
                        p.outputs.add(o);
                        p.outputRows.add(d);
                    }
                }
            }

            // ---- factors
            Map<String, FactorDraft> factors = new LinkedHashMap<>();
            Map<String, List<FactorDraft>> byFlow = new HashMap<>();
            for (RowData d : rows(FACTORS, FACTOR_COLS, true)) {
                String id = d.required("id", "factor id");
                if (id == null) {
                    continue;
                }
                FactorDraft f = factors.get(id);
                if (f == null) {
                    f = new FactorDraft();
                    f.first = d;
                    f.id = id;
                    factors.put(id, f);
                    f.name = d.text("name");
                    f.flow = d.text("flow");
                    f.unit = d.unit("unit", true);
                    f.source = d.text("source");
                    f.version = d.text("version");
                    Double y = d.number("year");
                    if (y != null && (y != Math.rint(y) || y < 1900 || y > 2200)) {
                        d.error("year", "'" + fmt(y) + "' is not a year");
                    } else if (y != null) {
                        f.year = y.intValue();
                    }
                    f.region = d.text("region");
                    f.type = d.choice("type", FactorType.class, "L_TYPE");
                    if (f.type == null && d.text("type") == null) {
                        d.error("type", "factor type is missing (MEASURED, SUPPLIER, REGIONAL, NATIONAL or INTERNATIONAL)");
                    }
                    f.database = d.choice("database", DatabaseTier.class, "L_DATABASE");
                    f.quality = d.quality();
                    f.uncertainty = d.uncertainty();
                    if (f.flow != null) {
                        byFlow.computeIfAbsent(f.flow, k -> new ArrayList<>()).add(f);
                    }
                }
                String gas = d.text("gas");
                if (gas == null) {
                    gas = "CO2e";
                } else if (!gasKnown(gas)) {
                    d.error("gas", "unknown gas '" + gas + "'");
                    gas = null;
                }
                Double amount = d.requiredNumber("amount", "factor value (kg per unit)");
                Origin origin = d.choice("origin", Origin.class, "L_ORIGIN");
                if (gas != null && amount != null) {
                    String g = gas;
                    GasAmount ga = make(d, () -> new GasAmount(g, amount, origin));
                    if (ga != null) {
                        f.gases.add(ga);
                    }
                }
            }

            // ---- inputs
            for (RowData d : rows(INPUTS, INPUT_COLS, true)) {
                ProcessDraft p = owner(d, processes);
                String n = d.required("name", "input name");
                Double amount = d.nonNegative("amount", "amount");
                Unit unit = d.unit("unit", true);
                String provider = d.text("provider");
                String providerOutput = d.text("providerOutput");
                String factor = d.text("factor");
                String flow = d.text("flow");
                Stage stage = d.stage();
                int before = errors.size();
                boolean excluded = d.bool("excluded", false);
                boolean excludedUnreadable = errors.size() > before;
                String reason = d.text("reason");
                DataQuality q = d.quality();
                Uncertainty u = d.uncertainty();
                int links = (provider != null ? 1 : 0) + (factor != null ? 1 : 0) + (flow != null ? 1 : 0);
                if (excludedUnreadable) {
                    continue; // reported; the link rule depends on it
                }
                if (!excluded && links != 1) {
                    d.error(links == 0 ? "factor" : "provider", "input '" + (n == null ? "?" : n) + "' must be linked to "
                            + "exactly one of provider, factor or flow (has " + links + ")");
                    continue;
                }
                if (!excluded && unit != null) {
                    if (provider != null) {
                        ProcessDraft prov = processes.get(provider);
                        if (prov == null) {
                            d.error("provider", "process '" + provider + "' is not in sheet '" + PROCESSES + "'");
                        } else {
                            Output o = outputOf(prov, providerOutput != null ? providerOutput
                                    : prov.outputs.size() > 1 ? n : null);
                            if (o == null && !prov.outputs.isEmpty()) {
                                d.error("providerOutput", "process '" + provider + "' has no output '"
                                        + (providerOutput != null ? providerOutput : n) + "'");
                            } else if (o != null && !unit.isCompatibleWith(o.amount().unit())) {
                                d.error("unit", "unit '" + unit.symbol() + "' is not compatible with '"
                                        + o.amount().unit().symbol() + "' of output '" + o.flow() + "' of process '"
                                        + provider + "'");
                            }
                        }
                    } else if (factor != null) {
                        FactorDraft f = factors.get(factor);
                        if (f == null) {
                            d.error("factor", "emission factor '" + factor + "' is not in sheet '" + FACTORS + "'");
                        } else if (f.unit != null && !unit.isCompatibleWith(f.unit)) {
                            d.error("unit", "unit '" + unit.symbol() + "' is not compatible with '" + f.unit.symbol()
                                    + "' of emission factor '" + factor + "'");
                        }
                    } else {
                        List<FactorDraft> c = byFlow.get(flow);
                        if (c == null) {
                            d.error("flow", "no emission factor in sheet '" + FACTORS + "' serves flow '" + flow + "'");
                        } else {
                            for (FactorDraft f : c) {
                                if (f.unit != null && !unit.isCompatibleWith(f.unit)) {
                                    d.error("unit", "unit '" + unit.symbol() + "' is not compatible with '"
                                            + f.unit.symbol() + "' of emission factor '" + f.id + "'");
                                }
                            }
                        }
                    }
                }
                if (excluded && unit != null && unit.dimension() != cn.cfp.calc.unit.Dimension.MASS) {
                    d.error("unit", "an input excluded under the cut-off rule must be given as a mass, but '"
                            + unit.symbol() + "' is not a mass unit");
                    continue;
                }
                if (p != null && n != null && amount != null && unit != null) {
                    Input in = make(d, () -> new Input(n, new Quantity(amount, unit), provider, providerOutput, factor,
                            flow, stage, excluded, reason, q, u));
                    if (in != null) {
                        p.inputs.add(in);
                    }
                }
            }

            // ---- emissions
            for (RowData d : rows(EMISSIONS, EMISSION_COLS, false)) {
                ProcessDraft p = owner(d, processes);
                String n = d.text("name");
                String gas = d.required("gas", "gas");
                if (gas != null && !gasKnown(gas)) {
                    d.error("gas", "unknown gas '" + gas + "'");
                    gas = null;
                }
                Double amount = d.nonNegative("amount", "amount (use removal = yes for uptakes)");
                Unit unit = d.unit("unit", true);
                if (unit != null && unit.dimension() != cn.cfp.calc.unit.Dimension.MASS) {
                    d.error("unit", "unit '" + unit.symbol() + "' is not a mass unit");
                    unit = null;
                }
                Origin origin = d.choice("origin", Origin.class, "L_ORIGIN");
                boolean removal = d.bool("removal", false);
                Stage stage = d.stage();
                boolean primary = d.bool("primary", true);
                DataQuality q = d.quality();
                Uncertainty u = d.uncertainty();
                if (p != null && gas != null && amount != null && unit != null) {
                    String g = gas;
                    Unit un = unit;
                    Emission e = make(d, () -> new Emission(n, g, new Quantity(amount, un), origin, removal, stage,
                            primary, q, u));
                    if (e != null) {
                        p.emissions.add(e);
                    }
                }
            }

            // ---- carbon balances
            for (RowData d : rows(BALANCES, BALANCE_COLS, false)) {
                ProcessDraft p = owner(d, processes);
                String bn = d.required("balance", "balance name");
                String dir = d.text("direction");
                String dirCode = dir == null ? null : code("L_DIRECTION", dir);
                if (dir == null) {
                    d.error("direction", "direction is missing (IN or OUT)");
                } else if (dirCode == null) {
                    d.error("direction", "'" + dir + "' is not one of IN, OUT");
                }
                String material = d.required("material", "material name");
                Double amount = d.nonNegative("amount", "mass");
                Unit unit = d.unit("unit", true);
                if (unit != null && unit.dimension() != cn.cfp.calc.unit.Dimension.MASS) {
                    d.error("unit", "unit '" + unit.symbol() + "' is not a mass unit");
                    unit = null;
                }
                Double cf = d.requiredNumber("carbonFraction", "carbon fraction");
                if (cf != null && !(cf >= 0 && cf <= 1)) {
                    d.error("carbonFraction", "carbon fraction must be between 0 and 1, was " + fmt(cf));
                    cf = null;
                }
                if (p == null || bn == null) {
                    continue;
                }
                BalanceDraft b = p.balances.get(bn);
                if (b == null) {
                    b = new BalanceDraft();
                    b.first = d;
                    b.origin = d.choice("origin", Origin.class, "L_ORIGIN");
                    b.stage = d.stage();
                    b.quality = d.quality();
                    b.uncertainty = d.uncertainty();
                    p.balances.put(bn, b);
                }
                if (dirCode != null && material != null && amount != null && unit != null && cf != null) {
                    Unit un = unit;
                    Double c = cf;
                    CarbonFlow flow = make(d, () -> new CarbonFlow(material, new Quantity(amount, un), c));
                    if (flow != null) {
                        (dirCode.equals("IN") ? b.in : b.out).add(flow);
                    }
                }
            }

            // ---- allocation of multi-output processes (R-CALC-8), per cell
            for (ProcessDraft p : processes.values()) {
                if (p.outputs.size() < 2) {
                    continue;
                }
                if (p.allocation == null && p.first.text("allocation") == null) {
                    p.first.error("allocation", "process '" + p.id + "' has " + p.outputs.size() + " outputs: give the "
                            + "allocation method (MASS, ECONOMIC or PHYSICAL with shares)");
                }
                long given = p.outputs.stream().filter(o -> o.allocationPercent() != null).count();
                if (given > 0 && given < p.outputs.size()) {
                    for (int k = 0; k < p.outputs.size(); k++) {
                        if (p.outputs.get(k).allocationPercent() == null) {
                            p.outputRows.get(k).error("allocationPercent", "allocation share missing: give it for "
                                    + "every output of process '" + p.id + "' or for none");
                        }
                    }
                } else if (given > 0) {
                    double sum = p.outputs.stream().mapToDouble(Output::allocationPercent).sum();
                    if (Math.abs(sum - 100.0) > 1e-6) {
                        p.outputRows.get(0).error("allocationPercent", "allocation shares of process '" + p.id
                                + "' sum to " + fmt(sum) + " %, not 100 %");
                    }
                }
            }

            // ---- cross-sheet checks
            if (fuProcess != null && !processes.containsKey(fuProcess)) {
                fuProcessRow.error("value", "reference process '" + fuProcess + "' is not in sheet '" + PROCESSES + "'");
            }
            if (processes.isEmpty() && wb.sheet(PROCESSES) != null) {
                errors.add("sheet '" + PROCESSES + "': no process is given (data start in row 3)");
            }
            if (!errors.isEmpty()) {
                throw new InventoryImportException(source, errors);
            }

            // ---- model
            List<EmissionFactor> fs = new ArrayList<>();
            for (FactorDraft f : factors.values()) {
                EmissionFactor ef = make(f.first, () -> new EmissionFactor(f.id, f.name, f.flow, f.unit, f.gases,
                        f.source, f.version, f.year, f.region, f.type, f.database, f.quality, f.uncertainty));
                if (ef != null) {
                    fs.add(ef);
                }
            }
            List<Process> procs = new ArrayList<>();
            for (ProcessDraft p : processes.values()) {
                List<MassBalance> mbs = new ArrayList<>();
                p.balances.forEach((bn, b) -> {
                    MassBalance mb = make(b.first, () -> new MassBalance(bn, b.in, b.out, b.origin, b.stage,
                            b.quality, b.uncertainty));
                    if (mb != null) {
                        mbs.add(mb);
                    }
                });
                Process pr = make(p.first, () -> new Process(p.id, p.name, p.stage, p.outputs, p.allocation,
                        p.inputs, p.emissions, mbs, p.location));
                if (pr != null) {
                    procs.add(pr);
                }
            }
            FunctionalUnit fu = null;
            if (fuAmount != null && fuUnit != null) {
                Quantity pm = mass != null && massUnit != null ? new Quantity(mass, massUnit) : null;
                Double a = fuAmount;
                fu = make(fuProcessRow, () -> new FunctionalUnit(fuDescription, new Quantity(a, fuUnit), fuProcess,
                        fuFlow, pm));
            }
            Rules rules = null;
            RowData rulesRow = prow.apply("cutOffPercent");
            if (rulesRow != null) {
                rules = make(rulesRow, () -> new Rules(cutOff == null ? 5.0 : cutOff, penalty == null ? 0.0 : penalty,
                        maxDqr));
            }
            if (!errors.isEmpty()) {
                throw new InventoryImportException(source, errors);
            }
            try {
                return new Inventory(name, productName, fu, boundary, from, to, procs, fs, rules);
            } catch (IllegalArgumentException e) {
                throw new InventoryImportException(source, List.of("inventory: " + e.getMessage()));
            }
        }

        private ProcessDraft owner(RowData d, Map<String, ProcessDraft> processes) {
            String id = d.required("process", "process id");
            if (id == null) {
                return null;
            }
            ProcessDraft p = processes.get(id);
            if (p == null) {
                d.error("process", "process '" + id + "' is not in sheet '" + PROCESSES + "'");
            }
            return p;
        }

        private Output outputOf(ProcessDraft p, String flow) {
            if (p.outputs.isEmpty()) {
                return null;
            }
            if (flow == null) {
                return p.outputs.get(0);
            }
            for (Output o : p.outputs) {
                if (o.flow().equals(flow)) {
                    return o;
                }
            }
            return null;
        }

        private String productText(java.util.function.Function<String, RowData> prow, String key) {
            RowData r = prow.apply(key);
            return r == null ? null : r.text("value");
        }

        private Double productNumber(java.util.function.Function<String, RowData> prow, String key) {
            RowData r = prow.apply(key);
            return r == null ? null : r.number("value");
        }

        private LocalDate productDate(java.util.function.Function<String, RowData> prow, String key) {
            RowData r = prow.apply(key);
            if (r == null) {
                return null;
            }
            Value c = r.cell("value");
            if (c == null) {
                return null;
            }
            if (c.type() == CellType.NUMERIC && c.dateFormatted()) {
                return c.date().toInstant().atZone(ZoneOffset.systemDefault()).toLocalDate();
            }
            String t = cellText(c);
            if (t == null) {
                return null;
            }
            try {
                return LocalDate.parse(t.trim());
            } catch (DateTimeParseException e) {
                r.error("value", "'" + t + "' is not a date (use YYYY-MM-DD)");
                return null;
            }
        }
    }

    static boolean gasKnown(String gas) {
        try {
            GwpSets.defaultSet().canonical(gas, true);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The list code for a cell text: the code itself, the Chinese label, or "中文 CODE". */
    static String code(String list, String text) {
        String t = text.trim();
        for (Choice ch : LIST_VALUES.get(list)) {
            if (t.equalsIgnoreCase(ch.code()) || t.equals(ch.zh()) || t.equalsIgnoreCase(ch.display())) {
                return ch.code();
            }
        }
        String[] tokens = t.split("\\s+");
        String last = tokens[tokens.length - 1];
        for (Choice ch : LIST_VALUES.get(list)) {
            if (last.equalsIgnoreCase(ch.code())) {
                return ch.code();
            }
        }
        return null;
    }

    /** Text of a cell (numbers without a trailing ".0"), null when blank. */
    static String cellText(Value c) {
        if (c == null) {
            return null;
        }
        CellType t = c.type() == CellType.FORMULA ? c.cachedFormulaResultType() : c.type();
        String s = switch (t) {
            case STRING -> c.string();
            case NUMERIC -> fmt(c.number());
            case BOOLEAN -> c.bool() ? "yes" : "no";
            default -> null;
        };
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.trim();
    }

    static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
