/**
 * The public registry (公开查询) [R-PUB-1, decision D4]: the page a label's QR code opens ({@code /c/{number}}), the
 * search, the public JSON API and the daily open-data export. Its tables are a read model fed only by the certificate
 * module's events ({@link cn.cfp.certificate.CertificateEvents}), which carry nothing but the public record
 * ({@link cn.cfp.certificate.PublicCertificate}) and the public words of a status cause, so nothing confidential can reach
 * it. Public API: {@link cn.cfp.registry.Registry}, {@link cn.cfp.registry.OpenData}; it answers the label check's
 * {@link cn.cfp.label.CertificateStatusLookup}.
 */
package cn.cfp.registry;
