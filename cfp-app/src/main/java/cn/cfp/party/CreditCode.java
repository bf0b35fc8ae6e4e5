package cn.cfp.party;

import cn.cfp.shared.Refusal;

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
            throw new Refusal("A unified social credit code is required / 请填写统一社会信用代码");
        }
        value = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (value.length() != 18) {
            throw new Refusal("Unified social credit code '" + value + "' has " + value.length()
                    + " characters; it must have 18 (GB 32100) / 统一社会信用代码应为 18 位");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(value.charAt(i)) < 0) {
                throw new Refusal("Unified social credit code '" + value + "': character " + (i + 1) + " ('" + value.charAt(i)
                        + "') is not allowed (I, O, S, V, Z and lower-case letters are never used) / 第 " + (i + 1) + " 位字符无效");
            }
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw new Refusal("Unified social credit code '" + value + "': the check character is '" + value.charAt(17)
                    + "' but should be '" + expected + "' — please check for a typing error / 校验码错误，请核对");
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
