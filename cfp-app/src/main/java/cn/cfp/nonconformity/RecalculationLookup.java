package cn.cfp.nonconformity;

import cn.cfp.shared.Verdict;

/**
 * SPI: closing a quantification nonconformity (source VERIFICATION, a scheme with a re-evaluation period — CGC
 * 003 ¶73 "验算…要求修改声明") needs the recalculation that amended the claim. The verification module implements this to
 * check that the reference names a recalculation of the case; with no implementation present the reference and the
 * amended claimed value are required and recorded as entered.
 */
public interface RecalculationLookup {

    /** Allowed when {@code reference} names a recalculation of the application's footprint giving {@code amendedClaim}. */
    Verdict check(long applicationId, String reference, String amendedClaim);

    /** A recalculation the team may name: its reference and how it reads (for the page to choose from). */
    record Choice(String reference, String label) {
    }

    /** The recalculations of the application, newest first (the verification form chooses one, it does not type it). */
    default java.util.List<Choice> choices(long applicationId) {
        return java.util.List.of();
    }
}
