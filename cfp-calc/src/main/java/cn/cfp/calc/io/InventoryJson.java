package cn.cfp.calc.io;

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
import cn.cfp.calc.model.InvalidInventoryException;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON inventory format of docs/inventory-format.md (R-CALC-13). */
public final class InventoryJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private InventoryJson() {
    }

    public static Inventory read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    public static Inventory read(InputStream in, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new InvalidInventoryException(source + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInventoryException(source + ": the file must contain one JSON object");
        }
        return parse(new Node(root, "$"));
    }

    public static Inventory parse(String json) {
        return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "inventory");
    }

    static Inventory parse(Node root) {
        root.allowOnly(Set.of("format", "name", "product", "functionalUnit", "boundary", "period", "rules",
                "processes", "factors", "comment"));
        String format = root.text("format");
        if (format != null && !format.equals("cfp-inventory/1")) {
            throw root.field("format").error("unsupported format '" + format + "' (expected cfp-inventory/1)");
        }
        Node fuN = root.required("functionalUnit");
        fuN.allowOnly(Set.of("description", "amount", "unit", "process", "flow", "productMass"));
        FunctionalUnit fu = at(fuN, () -> new FunctionalUnit(fuN.text("description"), quantity(fuN),
                fuN.text("process"), fuN.text("flow"), fuN.field("productMass") == null ? null : quantity(fuN.field("productMass"))));
        Node period = root.field("period");
        LocalDate from = null;
        LocalDate to = null;
        if (period != null) {
            period.allowOnly(Set.of("from", "to"));
            from = date(period, "from");
            to = date(period, "to");
        }
        Rules rules = Rules.DEFAULT;
        Node r = root.field("rules");
        if (r != null) {
            r.allowOnly(Set.of("cutOffPercent", "secondaryDataPenalty", "maximumDqr"));
            rules = at(r, () -> new Rules(orDefault(r.number("cutOffPercent"), 5.0),
                    orDefault(r.number("secondaryDataPenalty"), 0.0), r.number("maximumDqr")));
        }
        List<Process> processes = new ArrayList<>();
        for (Node p : root.array("processes")) {
            processes.add(process(p));
        }
        List<EmissionFactor> factors = new ArrayList<>();
        for (Node f : root.array("factors")) {
            factors.add(factor(f));
        }
        Boundary boundary = root.enumValue("boundary", Boundary.class);
        if (boundary == null) {
            throw root.error("'boundary' is missing (CRADLE_TO_GATE or CRADLE_TO_GRAVE)");
        }
        final LocalDate f0 = from;
        final LocalDate t0 = to;
        final Rules r0 = rules;
        return at(root, () -> new Inventory(root.text("name"), root.text("product"), fu, boundary, f0, t0, processes,
                factors, r0));
    }

    private static double orDefault(Double v, double d) {
        return v == null ? d : v;
    }

    private static LocalDate date(Node n, String name) {
        String t = n.text(name);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw n.field(name).error("'" + t + "' is not a date (use YYYY-MM-DD)");
        }
    }

    static Quantity quantity(Node n) {
        double amount = n.requiredNumber("amount");
        String unit = n.text("unit");
        if (unit == null) {
            throw n.error("'unit' is missing");
        }
        return new Quantity(amount, unit(n, unit));
    }

    private static Unit unit(Node n, String symbol) {
        return Units.find(symbol).orElseThrow(() -> n.field("unit").error("unknown unit '" + symbol
                + "' (known: " + String.join(", ", Units.all().keySet()) + ")"));
    }

    private static Process process(Node p) {
        p.allowOnly(Set.of("id", "name", "stage", "location", "outputs", "allocation", "inputs", "emissions",
                "massBalances", "comment"));
        List<Output> outputs = new ArrayList<>();
        for (Node o : p.array("outputs")) {
            o.allowOnly(Set.of("flow", "amount", "unit", "allocationPercent", "price"));
            outputs.add(at(o, () -> new Output(o.text("flow"), quantity(o), o.number("allocationPercent"), o.number("price"))));
        }
        List<Input> inputs = new ArrayList<>();
        for (Node i : p.array("inputs")) {
            i.allowOnly(Set.of("name", "amount", "unit", "provider", "providerOutput", "factor", "flow", "stage",
                    "excluded", "reason", "quality", "uncertainty", "comment"));
            inputs.add(at(i, () -> new Input(i.text("name"), quantity(i), i.text("provider"), i.text("providerOutput"),
                    i.text("factor"), i.text("flow"), i.enumValue("stage", Stage.class), i.bool("excluded"),
                    i.text("reason"), quality(i.field("quality")), uncertainty(i.field("uncertainty")))));
        }
        List<Emission> emissions = new ArrayList<>();
        for (Node e : p.array("emissions")) {
            e.allowOnly(Set.of("name", "gas", "amount", "unit", "origin", "removal", "stage", "primary", "quality",
                    "uncertainty", "comment"));
            emissions.add(at(e, () -> new Emission(e.text("name"), e.text("gas"), quantity(e),
                    e.enumValue("origin", Origin.class), e.bool("removal"), e.enumValue("stage", Stage.class),
                    e.field("primary") == null || e.bool("primary"), quality(e.field("quality")),
                    uncertainty(e.field("uncertainty")))));
        }
        List<MassBalance> balances = new ArrayList<>();
        for (Node m : p.array("massBalances")) {
            m.allowOnly(Set.of("name", "origin", "stage", "carbonIn", "carbonOut", "quality", "uncertainty", "comment"));
            balances.add(at(m, () -> new MassBalance(m.text("name"), carbon(m.array("carbonIn")),
                    carbon(m.array("carbonOut")), m.enumValue("origin", Origin.class), m.enumValue("stage", Stage.class),
                    quality(m.field("quality")), uncertainty(m.field("uncertainty")))));
        }
        return at(p, () -> new Process(p.text("id"), p.text("name"), p.enumValue("stage", Stage.class), outputs,
                p.enumValue("allocation", AllocationMethod.class), inputs, emissions, balances, p.text("location")));
    }

    private static List<CarbonFlow> carbon(List<Node> nodes) {
        List<CarbonFlow> out = new ArrayList<>();
        for (Node c : nodes) {
            c.allowOnly(Set.of("name", "amount", "unit", "carbonFraction"));
            out.add(at(c, () -> new CarbonFlow(c.text("name"), quantity(c), c.requiredNumber("carbonFraction"))));
        }
        return out;
    }

    private static EmissionFactor factor(Node f) {
        f.allowOnly(Set.of("id", "name", "flow", "unit", "co2e", "origin", "gases", "source", "version", "year",
                "region", "type", "database", "quality", "uncertainty", "comment"));
        List<GasAmount> gases = new ArrayList<>();
        Double co2e = f.number("co2e");
        if (co2e != null) {
            gases.add(new GasAmount("CO2e", co2e, f.enumValue("origin", Origin.class)));
        }
        for (Node g : f.array("gases")) {
            g.allowOnly(Set.of("gas", "amount", "origin"));
            gases.add(at(g, () -> new GasAmount(g.text("gas"), g.requiredNumber("amount"), g.enumValue("origin", Origin.class))));
        }
        String unit = f.text("unit");
        if (unit == null) {
            throw f.error("'unit' is missing (the unit of activity the factor is given per, e.g. kWh)");
        }
        Double year = f.number("year");
        return at(f, () -> new EmissionFactor(f.text("id"), f.text("name"), f.text("flow"), unit(f, unit), gases,
                f.text("source"), f.text("version"), year == null ? null : year.intValue(), f.text("region"),
                f.enumValue("type", FactorType.class), f.enumValue("database", DatabaseTier.class),
                quality(f.field("quality")), uncertainty(f.field("uncertainty"))));
    }

    static DataQuality quality(Node q) {
        if (q == null) {
            return null;
        }
        q.allowOnly(Set.of("dqr", "pedigree", "basicVariance"));
        DqrScores dqr = null;
        Node d = q.field("dqr");
        if (d != null) {
            d.allowOnly(Set.of("TeR", "GeR", "TiR", "P"));
            dqr = at(d, () -> new DqrScores(d.requiredNumber("TeR"), d.requiredNumber("GeR"), d.requiredNumber("TiR"),
                    d.requiredNumber("P")));
        }
        PedigreeScores ped = null;
        Node p = q.field("pedigree");
        if (p != null) {
            if (!p.json().isArray() || p.json().size() != 5) {
                throw p.error("must be a list of five scores [reliability, completeness, temporal, geographical, technological]");
            }
            int[] v = new int[5];
            for (int k = 0; k < 5; k++) {
                if (!p.json().get(k).isIntegralNumber()) {
                    throw p.error("scores must be integers 1 to 5");
                }
                v[k] = p.json().get(k).asInt();
            }
            ped = at(p, () -> new PedigreeScores(v[0], v[1], v[2], v[3], v[4]));
        }
        final DqrScores dq = dqr;
        final PedigreeScores pd = ped;
        return at(q, () -> new DataQuality(dq, pd, q.number("basicVariance")));
    }

    static Uncertainty uncertainty(Node u) {
        if (u == null) {
            return null;
        }
        u.allowOnly(Set.of("distribution", "gsd", "sd", "min", "mode", "max"));
        Uncertainty.Kind kind = u.enumValue("distribution", Uncertainty.Kind.class);
        if (kind == null) {
            throw u.error("'distribution' is missing (LOGNORMAL, NORMAL, UNIFORM or TRIANGULAR)");
        }
        return at(u, () -> switch (kind) {
            case LOGNORMAL -> new Uncertainty(kind, u.requiredNumber("gsd"), 0, 0);
            case NORMAL -> new Uncertainty(kind, u.requiredNumber("sd"), 0, 0);
            case UNIFORM -> new Uncertainty(kind, u.requiredNumber("min"), u.requiredNumber("max"), 0);
            case TRIANGULAR -> new Uncertainty(kind, u.requiredNumber("min"), u.requiredNumber("mode"), u.requiredNumber("max"));
        });
    }

    /** Runs a constructor and prefixes its validation message with the JSON path of the item. */
    static <T> T at(Node where, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidInventoryException e) {
            if (e.getMessage().startsWith("$")) {
                throw e;
            }
            throw new InvalidInventoryException(where.path() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInventoryException(where.path() + ": " + e.getMessage());
        }
    }
}
