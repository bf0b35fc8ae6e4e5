/**
 * PCF verification (产品碳足迹核查, R-VER): the client's inventory submissions (immutable versions, parsed with the
 * calculation engine at upload), the verifier's worksheet (the six aspects of 000 Annex 2 §4.3.1, corrections as a layer
 * over the client's version), the recalculation with the scheme's parameters (R-VER-3) and its deviation from the claim
 * against the materiality threshold of the approved verification plan, and the completion of the verification stage.
 * Public API: {@link cn.cfp.verification.Verifications}. The engine is called only through
 * {@link cn.cfp.verification.FootprintAdapter}.
 *
 * <p>Depends on cases, planning (the approved verification plan), nonconformity (raising findings, the no-open policy),
 * evidence (storing the bytes), scheme, audit and access; nothing depends on it.
 */
package cn.cfp.verification;
