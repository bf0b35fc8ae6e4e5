package cn.cfp.planning;

/** One of the eleven risk factors rated, with what the rating rests on. */
public record RiskAssessment(RiskFactor factor, RiskRating rating, String note) {
}
