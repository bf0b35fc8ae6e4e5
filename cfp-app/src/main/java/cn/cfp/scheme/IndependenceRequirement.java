package cn.cfp.scheme;

/** One independence rule as the scheme states it, with its own clause. */
public record IndependenceRequirement(IndependenceRule rule, LocalizedText text, String cite) {
}
