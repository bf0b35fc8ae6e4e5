/**
 * The product's label (标识) and its signed QR code [R-LBL-1, R-X-4, decision D6]. The national label is drawn from
 * 000 §9.2's rules — mainly green, a footprint graphic, the value in Arabic numerals with its unit, the QR code below,
 * scaled only proportionally — as SVG ({@link cn.cfp.label.Labels#svg}) and as PNG at print resolutions
 * ({@link cn.cfp.label.Labels#png}); a scheme whose {@code labelMark} is BODY shows the body's own mark, an artwork file
 * the body supplies. The displayed value is the certificate's, except where the scheme has a label rounding table
 * (CICC-ZY/GZ-20 §10.6 only), which then rounds it.
 *
 * <p>The QR code holds the certificate's public URL with a signature of the body's key over number, value, unit and
 * validity date ({@link cn.cfp.label.QrPayloads}; format in {@code docs/label.md}); the keys are published at
 * {@code /.well-known/cfp-label-keys.json}; {@code /verify-label}, {@code /api/public/labels/verify} and
 * {@code ./cfp verify-label} check a scanned label offline, and online ask {@link cn.cfp.label.CertificateStatusLookup}
 * (implemented by the registry) whether the certificate is still valid.
 *
 * <p>The module knows no certificates: the certificate module hands it a {@link cn.cfp.label.LabelContent}. It depends
 * on {@code body}, {@code scheme} and {@code shared} only.
 */
package cn.cfp.label;
