package cn.cfp.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The data fields of a certificate, taken from the case when the preparer confirms them [R-CERT-1]: the parties, the
 * products and the VERIFIED result of the verification — with the recalculation it came from and the sha256 of the
 * inventory it was calculated on, so the printed figure is traceable.
 *
 * @param footprintKgCo2e the verified total per functional unit as calculated (not rounded)
 * @param stageShares     each life-cycle stage's share of the verified total (CNEX l), in calculation order
 */
public record CertificateData(String holderName, String holderAddress, String manufacturerName, String manufacturerAddress,
                              String factoryName, String factoryAddress, String unit, List<PublicCertificate.Product> products,
                              String functionalUnit, String systemBoundary, LocalDate dataFrom, LocalDate dataTo, String mode,
                              long recalculationId, String inventorySha256, double footprintKgCo2e,
                              List<StageShare> stageShares) {

    public CertificateData {
        products = List.copyOf(products);
        stageShares = stageShares == null ? List.of() : List.copyOf(stageShares);
    }

    /** One stage's share of the verified footprint. */
    public record StageShare(String stage, BigDecimal percent) {
    }
}
