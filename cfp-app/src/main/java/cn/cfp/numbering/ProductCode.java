package cn.cfp.numbering;

import java.util.Locale;

/** A 3-digit product code of the CNCA CFP-label catalogue (000 Ann.4 positions 12–14), reference data. */
public record ProductCode(String code, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
