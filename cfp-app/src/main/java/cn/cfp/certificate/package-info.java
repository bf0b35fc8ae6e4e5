/**
 * The certificate (认证证书) [R-CERT-1..3]: number, content, preparation and review, the signed PDF, the label download.
 * Events: {@link cn.cfp.certificate.CertificateEvents}; the public record: {@link cn.cfp.certificate.PublicCertificate}.
 */
package cn.cfp.certificate;
