package cn.cfp.calc.bench;

/**
 * Runs the JMH benchmarks of this package (docs/performance.md gives the command). Arguments are JMH's own, e.g.
 * {@code -wi 2 -i 3 -f 1 InventoryBenchmark}; without arguments all benchmarks run with their annotated settings.
 */
public final class JmhMain {

    private JmhMain() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
