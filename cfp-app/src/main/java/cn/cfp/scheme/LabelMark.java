package cn.cfp.scheme;

import java.util.Locale;

/**
 * Which mark a certified product carries [R-LBL-1, decision D6]: the national PCF label that CFP draws from
 * 000 §9.2's rules, or the certification body's own mark, an artwork file the body supplies (CEC 002 §8.1, CGC
 * 003 ¶95, CICC 004 §10.6).
 */
public enum LabelMark implements Summarizable {
    NATIONAL, BODY;

    @Override
    public String summary(Locale locale) {
        return this == NATIONAL ? Texts.pick(locale, "国家产品碳足迹标识（按 000 §9.2 绘制）", "national PCF label (drawn per 000 §9.2)")
                : Texts.pick(locale, "认证机构标志（机构提供的图稿）", "the body's own mark (artwork the body supplies)");
    }
}
