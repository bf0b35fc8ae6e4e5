package cn.cfp.calc.cli;

import cn.cfp.calc.bench.BenchRunner;
import cn.cfp.calc.bench.Family;
import cn.cfp.calc.footprint.FootprintCalculator;
import cn.cfp.calc.footprint.FootprintResult;
import cn.cfp.calc.footprint.InventoryMonteCarlo;
import cn.cfp.calc.footprint.MonteCarloResult;
import cn.cfp.calc.gwp.GwpSet;
import cn.cfp.calc.gwp.GwpSets;
import cn.cfp.calc.io.InventoryJson;
import cn.cfp.calc.io.InventoryWorkbook;
import cn.cfp.calc.io.ResultWriters;
import cn.cfp.calc.label.LabelRounding;
import cn.cfp.calc.model.Inventory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;

/** Command line: {@code cfp calc | bench | help}. Exit codes: 0 ok, 1 calculation refused, 2 usage error. */
public final class Main {

    static final String USAGE = """
            usage:
              cfp calc <inventory.json|inventory.xlsx> [--gwp AR6|AR5] [--monte-carlo N --seed S [--threads T]]
                                        [--label-rounding cicc|TABLE.txt]
                                        [--json | --json OUT.json | --csv OUT.csv | --xlsx OUT.xlsx]
                  calculates the footprint per functional unit; prints a per-stage table, or the full JSON.
                  A label value is computed only with --label-rounding: 'cicc' is the table of CICC-ZY/GZ-20
                  §10.6 (continued by decade); TABLE.txt has one band a line 'aboveGrams upToGrams stepGrams'
                  and optionally the line 'extend-by-decade'
              cfp bench [--family lca|random|band|all] [--n N[,N...]] [--repeats R]
                        [--monte-carlo N --seed S --threads T] [--inventory LINES --products P]
                  runs the scaling benchmark of docs/performance.md and prints timings and residuals
              cfp template OUT.xlsx [--from inventory.json]
                  writes the Excel data-collection template (blank, or filled from a JSON inventory)
              cfp help
            """;

    private Main() {
    }

    public static void main(String[] args) {
        // POI logs through the Log4j API; without a provider it prints a warning on every run. Log4j's built-in
        // simple logger (warnings and errors only) is enough for a command-line tool.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Deque<String> a = new ArrayDeque<>(Arrays.asList(args).subList(1, args.length));
        try {
            return switch (args[0]) {
                case "calc" -> calc(a, out);
                case "bench" -> bench(a, out);
                case "template" -> template(a, out);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int calc(Deque<String> a, PrintStream out) throws IOException {
        String file = null;
        GwpSet gwp = GwpSets.defaultSet();
        Integer mc = null;
        long seed = 42;
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        String format = "table";
        String target = null;
        LabelRounding rounding = null;
        while (!a.isEmpty()) {
            String x = a.pop();
            switch (x) {
                case "--gwp" -> gwp = gwpSet(value(a, x));
                case "--label-rounding" -> rounding = labelRounding(value(a, x));
                case "--monte-carlo" -> mc = intValue(a, x);
                case "--seed" -> seed = longValue(a, x);
                case "--threads" -> threads = intValue(a, x);
                case "--json", "--csv", "--xlsx" -> {
                    format = x.substring(2);
                    if (!a.isEmpty() && !a.peek().startsWith("--")) {
                        target = a.pop();
                    } else if (!format.equals("json")) {
                        throw new UsageException(x + " needs an output file");
                    }
                }
                default -> {
                    if (x.startsWith("--") || file != null) {
                        throw new UsageException("unexpected argument '" + x + "'");
                    }
                    file = x;
                }
            }
        }
        if (file == null) {
            throw new UsageException("calc needs an inventory file");
        }
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new UsageException("inventory file '" + file + "' does not exist");
        }
        Inventory inv = file.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? InventoryWorkbook.read(p) : InventoryJson.read(p);
        if (rounding != null) {
            inv = inv.withRules(inv.rules().withLabelRounding(rounding));
        }
        FootprintResult r = FootprintCalculator.calculate(inv, gwp);
        MonteCarloResult m = mc == null ? null : InventoryMonteCarlo.run(inv, gwp, mc, seed, threads);
        switch (format) {
            case "json" -> {
                String json = ResultWriters.json(r, m);
                if (target == null) {
                    out.println(json);
                } else {
                    Files.writeString(Path.of(target), json);
                    out.println("wrote " + target);
                }
            }
            case "csv" -> {
                Files.writeString(Path.of(target), ResultWriters.csv(r));
                out.println("wrote " + target);
            }
            case "xlsx" -> {
                try (OutputStream o = Files.newOutputStream(Path.of(target))) {
                    ResultWriters.xlsx(r, o);
                }
                out.println("wrote " + target);
            }
            default -> ResultWriters.table(r, m, out);
        }
        return 0;
    }

    private static int template(Deque<String> a, PrintStream out) throws IOException {
        String target = null;
        String from = null;
        while (!a.isEmpty()) {
            String x = a.pop();
            if (x.equals("--from")) {
                from = value(a, x);
            } else if (x.startsWith("--") || target != null) {
                throw new UsageException("unexpected argument '" + x + "'");
            } else {
                target = x;
            }
        }
        if (target == null || !target.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UsageException("template needs an output file ending in .xlsx");
        }
        Inventory inv = null;
        if (from != null) {
            if (!Files.isRegularFile(Path.of(from))) {
                throw new UsageException("inventory file '" + from + "' does not exist");
            }
            inv = InventoryJson.read(Path.of(from));
        }
        try (OutputStream o = Files.newOutputStream(Path.of(target))) {
            InventoryWorkbook.write(inv, o);
        }
        out.println("wrote " + target + (inv == null ? " (blank data-collection template)" : " (filled from " + from + ")"));
        return 0;
    }

    private static int bench(Deque<String> a, PrintStream out) {
        String family = "all";
        int[] sizes = {1000, 5000, 20000};
        int repeats = 5;
        Integer mc = null;
        long seed = 42;
        int threads = 2;
        Integer lines = null;
        int products = 10_000;
        while (!a.isEmpty()) {
            String x = a.pop();
            switch (x) {
                case "--family" -> family = value(a, x).toLowerCase(Locale.ROOT);
                case "--n" -> sizes = Arrays.stream(value(a, x).split(",")).mapToInt(s -> parseInt(s.trim(), x)).toArray();
                case "--repeats" -> repeats = intValue(a, x);
                case "--monte-carlo" -> mc = intValue(a, x);
                case "--seed" -> seed = longValue(a, x);
                case "--threads" -> threads = intValue(a, x);
                case "--inventory" -> lines = intValue(a, x);
                case "--products" -> products = intValue(a, x);
                default -> throw new UsageException("unexpected argument '" + x + "'");
            }
        }
        BenchRunner runner = new BenchRunner(out);
        if (lines != null) {
            runner.inventory(lines, products, threads);
            return 0;
        }
        Family[] fams = family.equals("all") ? Family.values() : new Family[] {family(family)};
        for (Family f : fams) {
            for (int n : sizes) {
                if (mc != null) {
                    runner.monteCarlo(f, n, mc, seed, threads);
                } else {
                    runner.solve(f, n, repeats);
                }
            }
        }
        return 0;
    }

    private static Family family(String s) {
        try {
            return Family.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown family '" + s + "' (lca, random, band or all)");
        }
    }

    private static String value(Deque<String> a, String option) {
        if (a.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return a.pop();
    }

    private static LabelRounding labelRounding(String v) throws IOException {
        if (v.equalsIgnoreCase("cicc")) {
            return LabelRounding.CICC_ZY_GZ_20;
        }
        Path p = Path.of(v);
        if (!Files.isRegularFile(p)) {
            throw new UsageException("--label-rounding needs 'cicc' or a table file; '" + v + "' does not exist");
        }
        try {
            return LabelRounding.parse(p.getFileName().toString(), Files.readAllLines(p));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static GwpSet gwpSet(String name) {
        try {
            return GwpSets.of(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static long longValue(Deque<String> a, String option) {
        String v = value(a, option);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, was '" + v + "'");
        }
    }

    private static int intValue(Deque<String> a, String option) {
        return parseInt(value(a, option), option);
    }

    private static int parseInt(String v, String option) {
        try {
            int i = Integer.parseInt(v);
            if (i < 1) {
                throw new UsageException(option + " must be a positive number, was " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number, was '" + v + "'");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String m) {
            super(m);
        }
    }
}
