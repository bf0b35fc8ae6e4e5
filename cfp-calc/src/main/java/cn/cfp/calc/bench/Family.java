package cn.cfp.calc.bench;

/** Benchmark families of docs/spec performance.md, plus our LCA-like family (see {@link Generator}). */
public enum Family {
    RANDOM, BAND, LCA
}
