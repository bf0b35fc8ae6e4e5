package cn.cfp.scheme;

/** An inclusive integer range such as "5–10 working days". */
public record IntRange(int min, int max) {
    public IntRange {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
    }

    public String text() {
        return min == max ? String.valueOf(min) : min + "–" + max;
    }
}
