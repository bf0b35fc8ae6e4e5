package cn.cfp.calc.uncertainty;

import cn.cfp.calc.model.Uncertainty;

/** Draws from the distributions of {@link Uncertainty}, relative to a stated value (R-CALC-9). */
public final class Distributions {

    private Distributions() {
    }

    /** A draw divided by the stated value (1 when the value is zero): the multiplier applied to the datum. */
    public static double multiplier(Uncertainty u, double value, SplitMix64 rng) {
        return switch (u.kind()) {
            case LOGNORMAL -> StrictMath.exp(StrictMath.log(u.a()) * rng.nextGaussian());
            case NORMAL -> ratio(value + u.a() * rng.nextGaussian(), value);
            case UNIFORM -> ratio(u.a() + (u.b() - u.a()) * rng.nextDouble(), value);
            case TRIANGULAR -> ratio(triangular(u.a(), u.b(), u.c(), rng.nextDouble()), value);
        };
    }

    private static double ratio(double draw, double value) {
        return value == 0 ? 1 : draw / value;
    }

    static double triangular(double min, double mode, double max, double u) {
        if (max == min) {
            return min;
        }
        double f = (mode - min) / (max - min);
        return u < f ? min + StrictMath.sqrt(u * (max - min) * (mode - min))
                : max - StrictMath.sqrt((1 - u) * (max - min) * (max - mode));
    }
}
