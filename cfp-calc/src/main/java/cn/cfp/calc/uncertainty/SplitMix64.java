package cn.cfp.calc.uncertainty;

/**
 * SplitMix64 (Steele, Lea &amp; Flood 2014), exactly as defined in docs/spec performance.md:
 * {@code state += 0x9E3779B97F4A7C15; z = state; z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9;
 * z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; return z ^ (z >>> 31)}; {@code nextDouble = (next >>> 11) · 2^-53};
 * {@code nextInt(b) = (int) (nextDouble · b)}. Normal deviates use Box–Muller with {@link StrictMath}, so the same
 * seed gives the same numbers on every machine and JVM. Not thread-safe: one instance per stream.
 */
public final class SplitMix64 {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;
    private double spare = Double.NaN;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The independent stream of one Monte Carlo iteration: depends only on (seed, iteration). */
    public static SplitMix64 forIteration(long seed, long iteration) {
        return new SplitMix64(mix(seed ^ mix(iteration + GOLDEN)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public int nextInt(int bound) {
        return (int) (nextDouble() * bound);
    }

    /** Standard normal deviate (Box–Muller, pairs cached). */
    public double nextGaussian() {
        if (!Double.isNaN(spare)) {
            double s = spare;
            spare = Double.NaN;
            return s;
        }
        double u1;
        do {
            u1 = nextDouble();
        } while (u1 == 0);
        double u2 = nextDouble();
        double r = StrictMath.sqrt(-2 * StrictMath.log(u1));
        double t = 2 * Math.PI * u2;
        spare = r * StrictMath.sin(t);
        return r * StrictMath.cos(t);
    }
}
