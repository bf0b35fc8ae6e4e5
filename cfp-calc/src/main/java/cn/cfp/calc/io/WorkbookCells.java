package cn.cfp.calc.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.ExcelNumberFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * The cells {@link InventoryWorkbook} reads, behind a small interface with two sources:
 * <ul>
 *   <li>{@link #stream}: an .xlsx package read with StAX straight from the XML of the sheets the import needs, plus the
 *       shared strings, the styles (for date cells) and the workbook's date system. No XmlBeans document per sheet,
 *       no POI row and cell objects, no other sheet parsed: several times faster than the usermodel and a fraction of its
 *       memory (docs/performance.md).</li>
 *   <li>{@link #usermodel}: a POI {@link Workbook} (any other format POI reads, e.g. .xls, and the fallback when the
 *       package is one the streaming source does not take).</li>
 * </ul>
 * The streaming cells answer exactly as POI's {@code XSSFCell} does for the same XML (cell type from the {@code t}
 * attribute, a formula's cached value and its type, blank cells, rows and cells without a reference, array-formula
 * ranges, {@code _xHHHH_} escapes, rich-text runs without phonetic runs, the cell's or its column's style for dates),
 * so the import accepts and refuses the same workbooks with the same messages. A formula never is evaluated — as
 * before, its cached value is read (a formula without one reads as POI gives it: 0, or an empty text).
 */
final class WorkbookCells {

    private WorkbookCells() {
    }

    /** A workbook: its sheets by name (case-insensitive, as POI's {@code getSheet}). */
    interface Book extends AutoCloseable {
        /** The sheet, or null when the workbook has none of that name. */
        Page sheet(String name);

        @Override
        void close() throws IOException;
    }

    /** A sheet: its rows by 0-based index. */
    interface Page extends Iterable<Line> {
        Line row(int index);

        /** The last row index, -1 when there are no rows (POI's {@code getLastRowNum}). */
        int lastRowNum();
    }

    /** A row: its cells by 0-based column, in column order. */
    interface Line extends Iterable<Value> {
        int rowNum();

        Value cell(int column);
    }

    /** A cell, with the accessors of POI's {@link Cell} the import uses (same results, same exceptions). */
    interface Value {
        int column();

        CellType type();

        CellType cachedFormulaResultType();

        String string();

        double number();

        boolean bool();

        /** {@link DateUtil#isCellDateFormatted(Cell)}. */
        boolean dateFormatted();

        Date date();
    }

    // ------------------------------------------------------------------------------------------------ usermodel

    /** Cells of a POI workbook. */
    static Book usermodel(Workbook wb) {
        return new Book() {
            @Override
            public Page sheet(String name) {
                Sheet s = wb.getSheet(name);
                return s == null ? null : new Page() {
                    @Override
                    public Line row(int index) {
                        Row r = s.getRow(index);
                        return r == null ? null : line(r);
                    }

                    @Override
                    public int lastRowNum() {
                        return s.getLastRowNum();
                    }

                    @Override
                    public Iterator<Line> iterator() {
                        Iterator<Row> it = s.iterator();
                        return new Iterator<>() {
                            public boolean hasNext() {
                                return it.hasNext();
                            }

                            public Line next() {
                                return line(it.next());
                            }
                        };
                    }
                };
            }

            @Override
            public void close() throws IOException {
                wb.close();
            }
        };
    }

    private static Line line(Row r) {
        return new Line() {
            @Override
            public int rowNum() {
                return r.getRowNum();
            }

            @Override
            public Value cell(int column) {
                Cell c = r.getCell(column);
                return c == null ? null : value(c);
            }

            @Override
            public Iterator<Value> iterator() {
                Iterator<Cell> it = r.iterator();
                return new Iterator<>() {
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    public Value next() {
                        return value(it.next());
                    }
                };
            }
        };
    }

    private static Value value(Cell c) {
        return new Value() {
            public int column() {
                return c.getColumnIndex();
            }

            public CellType type() {
                return c.getCellType();
            }

            public CellType cachedFormulaResultType() {
                return c.getCachedFormulaResultType();
            }

            public String string() {
                return c.getStringCellValue();
            }

            public double number() {
                return c.getNumericCellValue();
            }

            public boolean bool() {
                return c.getBooleanCellValue();
            }

            public boolean dateFormatted() {
                return DateUtil.isCellDateFormatted(c);
            }

            public Date date() {
                return c.getDateCellValue();
            }
        };
    }

    // ------------------------------------------------------------------------------------------------ streaming

    /**
     * Reads the sheets named {@code sheets} (when present) of an .xlsx package. Throws on anything it cannot read —
     * the caller then opens the workbook with POI's usermodel, which accepts or refuses it as before.
     */
    static Book stream(byte[] xlsx, List<String> sheets) throws Exception {
        OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx));
        try {
            if (pkg.isStrictOoxmlFormat()) {
                throw new IllegalArgumentException("strict OOXML: read through the usermodel");
            }
            XSSFReader xr = new XSSFReader(pkg);
            StreamBook book = new StreamBook();
            XMLInputFactory f = XMLHelper.newXMLInputFactory();
            try (InputStream in = xr.getWorkbookData()) {
                book.date1904 = date1904(f, in);
            }
            book.styles = xr.getStylesTable();
            try (InputStream in = xr.getSharedStringsData()) {
                book.sharedStrings = in == null ? List.of() : sharedStrings(f, in);
            }
            XSSFReader.SheetIterator it = xr.getSheetIterator();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    for (String wanted : sheets) {
                        if (wanted.equalsIgnoreCase(name) && !book.sheets.containsKey(wanted)) {
                            book.sheets.put(wanted, sheet(f, in, book));
                            break;
                        }
                    }
                }
            }
            return book;
        } finally {
            pkg.revert(); // read only: close without saving
        }
    }

    private static boolean date1904(XMLInputFactory f, InputStream in) throws XMLStreamException {
        XMLStreamReader x = f.createXMLStreamReader(in);
        try {
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT) {
                    String n = x.getLocalName();
                    if (n.equals("workbookPr")) {
                        String v = attr(x, "date1904");
                        return v != null && (v.trim().equals("1") || v.trim().equals("true"));
                    }
                    if (n.equals("sheets")) {
                        return false; // workbookPr comes before the sheets
                    }
                }
            }
            return false;
        } finally {
            x.close();
        }
    }

    /** The shared strings as POI's XSSFRichTextString#getString gives them: runs (without phonetic ones) or the text. */
    private static List<String> sharedStrings(XMLInputFactory f, InputStream in) throws XMLStreamException {
        List<String> out = new ArrayList<>();
        XMLStreamReader x = f.createXMLStreamReader(in);
        try {
            RichText rt = null;
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    if (rt == null) {
                        if (x.getLocalName().equals("si")) {
                            rt = new RichText();
                        }
                    } else {
                        rt.start(x.getLocalName());
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT && rt != null) {
                    if (rt.depth == 0 && x.getLocalName().equals("si")) {
                        out.add(decode(rt.value()));
                        rt = null;
                    } else {
                        rt.end();
                    }
                } else if (rt != null && isText(e)) {
                    rt.text(x);
                }
            }
            return out;
        } finally {
            x.close();
        }
    }

    private static boolean isText(int e) {
        return e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE;
    }

    private static String attr(XMLStreamReader x, String local) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equals(local)) {
                String ns = x.getAttributeNamespace(i);
                if (ns == null || ns.isEmpty()) {
                    return x.getAttributeValue(i);
                }
            }
        }
        return null;
    }

    /** POI's {@code _xHHHH_} unescaping (XSSFRichTextString#utfDecode). */
    static String decode(String s) {
        if (s == null || !s.contains("_x")) {
            return s;
        }
        return new XSSFRichTextString(s).getString();
    }

    /**
     * The text of a CT_Rst (a shared string or an inline string): the concatenated runs {@code r/t} when there are
     * runs, else the direct {@code t} (null when there is none); phonetic runs {@code rPh} are left out.
     */
    private static final class RichText {
        int depth; // elements open below the si / is element
        String path = ""; // local names of the open elements, e.g. "r/t"
        StringBuilder direct;
        StringBuilder runs;

        void start(String local) {
            depth++;
            path = path.isEmpty() ? local : path + "/" + local;
            if (path.equals("t") && direct == null) {
                direct = new StringBuilder();
            } else if (path.equals("r") && runs == null) {
                runs = new StringBuilder();
            }
        }

        void end() {
            depth--;
            int slash = path.lastIndexOf('/');
            path = slash < 0 ? "" : path.substring(0, slash);
        }

        void text(XMLStreamReader x) {
            if (path.equals("t")) {
                direct.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
            } else if (path.equals("r/t")) {
                runs.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
            }
        }

        String value() {
            if (runs != null) {
                return runs.toString();
            }
            return direct == null ? null : direct.toString();
        }
    }

    private static final class StreamBook implements Book {
        final Map<String, StreamPage> sheets = new LinkedHashMap<>();
        boolean date1904;
        StylesTable styles;
        List<String> sharedStrings;

        @Override
        public Page sheet(String name) {
            for (var e : sheets.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        @Override
        public void close() {
            // everything was read when the package was open
        }
    }

    private static final class StreamPage implements Page {
        final StreamBook book;
        final TreeMap<Integer, StreamLine> rows = new TreeMap<>();
        final List<CellRangeAddress> arrayFormulas = new ArrayList<>();
        /** The first cols element: min, max (1-based) and style of each col. */
        final List<long[]> cols = new ArrayList<>();

        StreamPage(StreamBook book) {
            this.book = book;
        }

        @Override
        public Line row(int index) {
            return rows.get(index);
        }

        @Override
        public int lastRowNum() {
            return rows.isEmpty() ? -1 : rows.lastKey();
        }

        @Override
        public Iterator<Line> iterator() {
            Iterator<StreamLine> it = rows.values().iterator();
            return new Iterator<>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public Line next() {
                    return it.next();
                }
            };
        }

        /** The column's default style index, -1 if none (POI's ColumnHelper#getColDefaultStyle). */
        int columnStyle(int column) {
            for (long[] c : cols) {
                if (c[0] <= column + 1 && c[1] >= column + 1) {
                    return (int) c[2];
                }
            }
            return -1;
        }
    }

    private static final class StreamLine implements Line {
        int rowNum;
        int[] columns = new int[8];
        StreamCell[] cells = new StreamCell[8];
        int size;

        @Override
        public int rowNum() {
            return rowNum;
        }

        /** Adds or replaces (a later cell of the same column wins, as in POI's row map). */
        void put(StreamCell c) {
            int i = Arrays.binarySearch(columns, 0, size, c.column);
            if (i >= 0) {
                cells[i] = c;
                return;
            }
            i = -i - 1;
            if (size == columns.length) {
                columns = Arrays.copyOf(columns, size * 2);
                cells = Arrays.copyOf(cells, size * 2);
            }
            System.arraycopy(columns, i, columns, i + 1, size - i);
            System.arraycopy(cells, i, cells, i + 1, size - i);
            columns[i] = c.column;
            cells[i] = c;
            size++;
        }

        int lastColumn() {
            return size == 0 ? -1 : columns[size - 1];
        }

        @Override
        public Value cell(int column) {
            int i = Arrays.binarySearch(columns, 0, size, column);
            return i < 0 ? null : cells[i];
        }

        @Override
        public Iterator<Value> iterator() {
            return new Iterator<>() {
                int i;

                public boolean hasNext() {
                    return i < size;
                }

                public Value next() {
                    return cells[i++];
                }
            };
        }
    }

    /** One c element: what POI's CTCell holds, answered as XSSFCell answers. */
    private static final class StreamCell implements Value {
        final StreamPage page;
        final StreamLine row;
        int column;
        String t = "n";
        long style = -1;
        String v; // null: no v element
        boolean formula; // an f element that is not a data-table formula
        boolean inline; // an is element
        String inlineText;

        StreamCell(StreamPage page, StreamLine row) {
            this.page = page;
            this.row = row;
        }

        @Override
        public int column() {
            return column;
        }

        private boolean isFormula() {
            if (formula) {
                return true;
            }
            for (CellRangeAddress r : page.arrayFormulas) {
                if (r.isInRange(row.rowNum, column)) {
                    return true;
                }
            }
            return false;
        }

        private CellType base(boolean blankCells) {
            return switch (t) {
                case "b" -> CellType.BOOLEAN;
                case "n" -> v == null && blankCells ? CellType.BLANK : CellType.NUMERIC;
                case "e" -> CellType.ERROR;
                case "s", "inlineStr", "str" -> CellType.STRING;
                default -> throw new IllegalStateException("Illegal cell type: " + t);
            };
        }

        @Override
        public CellType type() {
            return isFormula() ? CellType.FORMULA : base(true);
        }

        @Override
        public CellType cachedFormulaResultType() {
            if (!isFormula()) {
                throw new IllegalStateException("Only formula cells have cached results");
            }
            return base(false);
        }

        @Override
        public String string() {
            CellType type = type();
            switch (type) {
                case BLANK:
                    return "";
                case STRING:
                    return find();
                case FORMULA: {
                    CellType cached = base(false);
                    if (cached != CellType.STRING) {
                        throw mismatch(CellType.STRING, cached, true);
                    }
                    return find();
                }
                default:
                    throw mismatch(CellType.STRING, type, false);
            }
        }

        private String find() {
            if (t.equals("inlineStr")) {
                if (inline) {
                    return decode(inlineText);
                }
                return v != null ? decode(v) : "";
            }
            if (t.equals("str")) {
                return v != null ? decode(v) : "";
            }
            if (v == null) {
                return "";
            }
            try {
                return page.book.sharedStrings.get(Integer.parseInt(v));
            } catch (RuntimeException e) {
                return ""; // POI: an unreadable index gives an empty text
            }
        }

        @Override
        public double number() {
            CellType type = isFormula() ? cachedFormulaResultType() : type();
            switch (type) {
                case BLANK:
                    return 0.0;
                case NUMERIC:
                    if (v == null || v.isEmpty()) {
                        return 0.0;
                    }
                    try {
                        return Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw mismatch(CellType.NUMERIC, CellType.STRING, false);
                    }
                default:
                    throw mismatch(CellType.NUMERIC, type, false);
            }
        }

        @Override
        public boolean bool() {
            CellType type = type();
            switch (type) {
                case BLANK:
                    return false;
                case BOOLEAN:
                case FORMULA:
                    return "1".equals(v);
                default:
                    throw mismatch(CellType.BOOLEAN, type, false);
            }
        }

        @Override
        public boolean dateFormatted() {
            double d = number();
            if (!DateUtil.isValidExcelDate(d)) {
                return false;
            }
            ExcelNumberFormat nf = ExcelNumberFormat.from(style());
            return nf != null && DateUtil.isADateFormat(nf);
        }

        /** XSSFCell#getCellStyle: its own style, else its column's, else the default one. */
        private CellStyle style() {
            StylesTable st = page.book.styles;
            if (st == null) {
                return null; // POI's empty styles table: the default style, General, not a date
            }
            CellStyle s = null;
            if (st.getNumCellStyles() > 0 && style >= 0) {
                s = st.getStyleAt(Math.toIntExact(style));
            }
            if (s == null) {
                int idx = page.columnStyle(column);
                s = st.getStyleAt(idx == -1 ? 0 : idx);
            }
            return s;
        }

        @Override
        public Date date() {
            if (type() == CellType.BLANK) {
                return null;
            }
            return DateUtil.getJavaDate(number(), page.book.date1904);
        }

        private static IllegalStateException mismatch(CellType expected, CellType actual, boolean formula) {
            String msg = "Cannot get a " + expected + " value from a " + actual + " " + (formula ? "formula " : "")
                    + "cell";
            return new IllegalStateException(msg);
        }
    }

    /** The 0-based column of a cell reference such as "AB12" (CellReference#getCol, without its regular expression). */
    static int column(String ref) {
        int n = ref.length();
        int i = n > 0 && ref.charAt(0) == '$' ? 1 : 0;
        int col = 0;
        int letters = 0;
        for (; i < n && letters < 4; i++, letters++) {
            char ch = ref.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                col = col * 26 + (ch - 'A' + 1);
            } else if (ch >= 'a' && ch <= 'z') {
                col = col * 26 + (ch - 'a' + 1);
            } else {
                break;
            }
        }
        if (i < n && ref.charAt(i) == '$') {
            i++;
        }
        boolean digits = i < n;
        for (int k = i; k < n; k++) {
            char ch = ref.charAt(k);
            digits &= ch >= '0' && ch <= '9';
        }
        if (letters == 0 || !digits) {
            return new CellReference(ref).getCol(); // anything unusual: as POI reads it
        }
        return col - 1;
    }

    private static StreamPage sheet(XMLInputFactory f, InputStream in, StreamBook book) throws XMLStreamException {
        StreamPage page = new StreamPage(book);
        XMLStreamReader x = f.createXMLStreamReader(in);
        try {
            boolean inSheetData = false;
            int colsSeen = 0;
            StreamLine row = null;
            StreamCell cell = null;
            StringBuilder v = null; // open v element
            RichText is = null; // open is element
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    if (is != null) {
                        is.start(x.getLocalName());
                        continue;
                    }
                    String n = x.getLocalName();
                    if (cell != null) {
                        switch (n) {
                            case "v" -> {
                                if (cell.v == null) {
                                    v = new StringBuilder();
                                }
                            }
                            case "f" -> {
                                String ft = attr(x, "t");
                                if (!"dataTable".equals(ft)) {
                                    cell.formula = true;
                                }
                                String ref = attr(x, "ref");
                                if ("array".equals(ft) && ref != null) {
                                    page.arrayFormulas.add(CellRangeAddress.valueOf(ref));
                                }
                            }
                            case "is" -> {
                                if (!cell.inline) {
                                    is = new RichText();
                                }
                            }
                            default -> {
                            }
                        }
                    } else if (row != null && n.equals("c")) {
                        cell = new StreamCell(page, row);
                        String r = attr(x, "r");
                        cell.column = r != null ? column(r) : row.lastColumn() + 1;
                        String t = attr(x, "t");
                        if (t != null) {
                            cell.t = t;
                        }
                        String s = attr(x, "s");
                        if (s != null) {
                            cell.style = Long.parseLong(s.trim());
                        }
                    } else if (inSheetData && n.equals("row")) {
                        row = new StreamLine();
                        String r = attr(x, "r");
                        // a row without a number follows the last one (XSSFRow)
                        row.rowNum = r != null ? Math.toIntExact(Long.parseLong(r.trim()) - 1)
                                : page.rows.isEmpty() ? 0 : page.rows.lastKey() + 1;
                    } else if (n.equals("sheetData")) {
                        inSheetData = true;
                    } else if (n.equals("cols")) {
                        colsSeen++;
                    } else if (n.equals("col") && colsSeen == 1) {
                        String min = attr(x, "min");
                        String max = attr(x, "max");
                        String style = attr(x, "style");
                        page.cols.add(new long[] {min == null ? 0 : Long.parseLong(min.trim()),
                                max == null ? 0 : Long.parseLong(max.trim()),
                                style == null ? 0 : Long.parseLong(style.trim())});
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    if (is != null) {
                        if (is.depth == 0) {
                            cell.inline = true;
                            cell.inlineText = is.value();
                            is = null;
                        } else {
                            is.end();
                        }
                        continue;
                    }
                    String n = x.getLocalName();
                    if (v != null && n.equals("v")) {
                        cell.v = v.toString();
                        v = null;
                    } else if (cell != null && n.equals("c")) {
                        row.put(cell);
                        cell = null;
                    } else if (row != null && n.equals("row")) {
                        page.rows.put(row.rowNum, row);
                        row = null;
                    } else if (n.equals("sheetData")) {
                        inSheetData = false;
                    }
                } else if (isText(e)) {
                    if (is != null) {
                        is.text(x);
                    } else if (v != null) {
                        v.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
                    }
                }
            }
            return page;
        } finally {
            x.close();
        }
    }
}
