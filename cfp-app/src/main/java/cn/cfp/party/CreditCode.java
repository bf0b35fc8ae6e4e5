package cn.cfp.party;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.util.List;

/**
 * Unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from the set
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z); the last is a check character computed from
 * the first 17 with weights 3^i mod 31.
 */
public record CreditCode(String value) {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (value == null) {
            throw new Refusal(400, List.of(Reason.of("party.creditCode.required").at("creditCode")));
        }
        value = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (value.length() != 18) {
            throw new Refusal(400, List.of(Reason.of("party.creditCode.length", value, value.length()).at("creditCode")));
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(value.charAt(i)) < 0) {
                throw new Refusal(400, List.of(Reason.of("party.creditCode.character", value, i + 1, String.valueOf(value.charAt(i)))
                        .at("creditCode")));
            }
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw new Refusal(400, List.of(Reason.of("party.creditCode.check", value, String.valueOf(value.charAt(17)),
                    String.valueOf(expected)).at("creditCode")));
        }
    }

    /** The GB 32100 check character for the first 17 characters. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    @Override
    public String toString() {
        return value;
    }
}
