package cn.cfp.scheme;

/**
 * One item an evaluation answers (CICC stage 1 A)–F) [004 §9.5.2]; CGC claim-and-evidence purposes [003 ¶58]; the
 * consistency items of an adopted prior verification [003 ¶63, ¶67]).
 *
 * @param id   short key, upper-case letters, digits and '_' (e.g. {@code A}, {@code KEY_STAGES})
 * @param text what the evaluator judges, as the seed says it
 * @param cite the clause
 */
public record EvaluationItem(String id, LocalizedText text, String cite) {
}
