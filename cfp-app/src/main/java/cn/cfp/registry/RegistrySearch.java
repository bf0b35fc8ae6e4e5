package cn.cfp.registry;

import cn.cfp.certificate.CertificateStatus;

/**
 * A registry search [R-PUB-1]; every criterion is optional (null or blank: any).
 *
 * @param number  a part of the certificate number, with or without hyphens
 * @param company a part of the holder's, manufacturer's or factory's name
 * @param product a part of a product's name or model
 * @param scheme  the scheme code, exactly
 * @param status  the current status (EXPIRED: past the validity date today)
 */
public record RegistrySearch(String number, String company, String product, String scheme, CertificateStatus status) {

    public static RegistrySearch any() {
        return new RegistrySearch(null, null, null, null, null);
    }
}
