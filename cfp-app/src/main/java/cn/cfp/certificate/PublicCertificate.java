package cn.cfp.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The public record of one issued certificate version [decision D4; 000 Annex 3]: exactly what the registry may show,
 * nothing confidential (no inventory, evidence, fee, contact person, internal note or nonconformity text).
 *
 * @param version        1 for the first issue, +1 for each reissue after a change (same number and validity)
 * @param unit           the certification unit (认证单元)
 * @param products       each product of the certificate (several → annex pages)
 * @param dataFrom       data time boundary from (数据时间边界)
 * @param basis          the certification basis with versions (认证依据标准/技术要求)
 * @param mode           the certification mode (认证模式)
 * @param changedOn      the change date of a reissued version (换证日期), else null
 * @param assuranceLevel the verification assurance level where the scheme prints it (CGC), else null
 * @param trademark      the product's trade mark where the scheme prints it (CGC), else null
 * @param url            the certificate's public page, the QR target (never changes)
 */
public record PublicCertificate(String number, String schemeCode, int version,
                                String holderName, String holderAddress, String manufacturerName, String manufacturerAddress,
                                String factoryName, String factoryAddress, String unit, List<Product> products,
                                String functionalUnit, String systemBoundary, LocalDate dataFrom, LocalDate dataTo,
                                String basis, String mode, LocalDate firstIssuedOn, LocalDate issuedOn, LocalDate changedOn,
                                LocalDate validUntil, String bodyName, String bodyAddress, String url,
                                String assuranceLevel, String trademark) {

    public PublicCertificate {
        products = List.copyOf(products);
    }

    /** One product on the certificate, with its footprint per functional/declared unit as printed (and on the label). */
    public record Product(String name, String model, BigDecimal footprint, String footprintUnit, String functionalUnit) {
    }
}
