package cn.cfp.certificate;

/**
 * The label artwork of an issued certificate (R-LBL, decision D6), drawn by the label module: the certificate module
 * puts the PNG on the certificate page and serves both formats as downloads while the certificate is valid (R-LBL-2).
 * Until a label module provides a bean, the certificate prints a plain QR code of the public URL in the label's place.
 */
public interface LabelRenderer {

    /** The label as SVG (UTF-8). */
    byte[] svg(PublicCertificate certificate);

    /** The label as PNG at the given print resolution. */
    byte[] png(PublicCertificate certificate, int dpi);
}
