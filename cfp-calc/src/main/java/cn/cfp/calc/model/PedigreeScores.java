package cn.cfp.calc.model;

/**
 * Pedigree matrix scores (1 best … 5 worst): reliability, completeness, temporal, geographical and further
 * technological correlation (Weidema &amp; Wesnæs 1996; ecoinvent v3 data-quality guideline, Weidema et al. 2013).
 */
public record PedigreeScores(int reliability, int completeness, int temporal, int geographical, int technological) {

    public PedigreeScores {
        for (int v : new int[] {reliability, completeness, temporal, geographical, technological}) {
            if (v < 1 || v > 5) {
                throw new InvalidInventoryException("pedigree scores must be integers 1 to 5, were (" + reliability
                        + "," + completeness + "," + temporal + "," + geographical + "," + technological + ")");
            }
        }
    }
}
