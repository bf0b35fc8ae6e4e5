package cn.cfp.certificate;

/**
 * The free fields of a certificate the preparer writes [R-CERT-3]; everything else is data taken from the case
 * ({@link CertificateData}). Blank means "not stated".
 *
 * @param issuerName         证书签发人 (000 Ann. 3 item 16)
 * @param basis              认证依据标准/技术要求, with versions (000 Ann. 3 item 12; CGC ¶88 "认证依据及版本号")
 * @param productCode        the 3-digit CNCA product code of the national catalogue (000 Ann. 4, decision D2)
 * @param unit               认证单元 as printed (prefilled from the application's unit)
 * @param trademark          the product's 商标 (CGC ¶88)
 * @param assuranceLevel     核查保证等级 (CGC ¶88)
 * @param surveillanceRecord 监督情况 during validity (CGC ¶89, where applicable)
 * @param reportPeriod       报告期 (CEC 002 §7.1 g)
 */
public record CertificateDraft(String issuerName, String basis, String productCode, String unit, String trademark,
                               String assuranceLevel, String surveillanceRecord, String reportPeriod) {

    static final int MAX = 500;

    public CertificateDraft {
        issuerName = clean(issuerName);
        basis = clean(basis);
        productCode = clean(productCode);
        unit = clean(unit);
        trademark = clean(trademark);
        assuranceLevel = clean(assuranceLevel);
        surveillanceRecord = clean(surveillanceRecord);
        reportPeriod = clean(reportPeriod);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
