package cn.cfp.calc.footprint;

import cn.cfp.calc.label.LabelValue;
import java.util.List;

/**
 * The footprint of one functional unit and its breakdowns (R-CALC-1..7, R-CALC-12). All values in kg CO2e per
 * functional unit unless named otherwise; percentages are of the total.
 */
public record FootprintResult(
        String inventory, String product, String functionalUnit, double functionalUnitAmount, String functionalUnitUnit,
        String boundary, String periodFrom, String periodTo, String gwpSet, String gwpSource,
        double totalKgCo2e, List<StageShare> stages, OriginSplit origins, List<GasShare> gases,
        List<Contribution> processes, List<Contribution> contributions, List<FactorChoice> factorChoices,
        Penalty penalty, CutOff cutOff, Quality quality, LabelValue label, SolverInfo solver) {

    /** Share of one life-cycle stage; the shares of all stages sum to 100 % (if the total is not zero). */
    public record StageShare(String stage, double kgCo2e, double percent) {
    }

    /** Fossil, biogenic and direct-land-use-change parts, reported separately and in total. */
    public record OriginSplit(double fossilKgCo2e, double biogenicKgCo2e, double dlucKgCo2e,
                              double biogenicEmissionsKgCo2e, double biogenicRemovalsKgCo2e) {
    }

    /** Mass and CO2e of one gas. */
    public record GasShare(String gas, double kgGas, double kgCo2e, double percent) {
    }

    /** Contribution of a process or of one datum (input, emission, removal, mass balance). */
    public record Contribution(String process, String item, String kind, String stage, double kgCo2e, double percent,
                               String factor, boolean primary, Double dqr) {
    }

    /** R-CALC-7: conservative penalty on secondary-data emissions, reported apart from the total. */
    public record Penalty(double rate, double secondaryKgCo2e, double penaltyKgCo2e, double totalWithPenaltyKgCo2e) {
    }

    /** R-CALC-5: excluded inputs against the limit. */
    public record CutOff(double limitPercent, Double productMassKg, double excludedKg, Double excludedPercent,
                         boolean withinLimit, List<String> excluded, String note) {
    }

    /** R-CALC-6: contribution-weighted DQR and unusable data. */
    public record Quality(Double weightedDqr, String rating, double coveragePercent, Double maximumDqr,
                          List<String> unusable, boolean accepted) {
    }

    /** How A·s = f was solved. */
    public record SolverInfo(String method, int iterations, double residual, int processes) {
    }

    /** The {@code n} largest contributions by magnitude. */
    public List<Contribution> top(int n) {
        return contributions.subList(0, Math.min(n, contributions.size()));
    }
}
