package cn.cfp.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draw of the consistency sample from the products the enterprise confirmed as conforming [000 §7.5.3]:
 * reproducible — the same seed, unit and list always give the same sample (a partial Fisher–Yates shuffle driven by
 * {@link SplittableRandom} seeded with the visit's recorded seed and the unit's id), so anyone can redraw it later.
 */
public final class Sampling {

    private Sampling() {
    }

    public static List<String> draw(long seed, long unitId, List<String> confirmed, int size) {
        List<String> pool = new ArrayList<>(confirmed);
        int n = Math.min(size, pool.size());
        SplittableRandom random = new SplittableRandom(seed * 31 + unitId);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(pool.size() - i);
            String t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return List.copyOf(pool.subList(0, n));
    }
}
