/**
 * Certificate numbers [R-CERT-2, decision D2]: the CNCA number request package, its submission record and the
 * confirmed number; locally allocated numbers for the other schemes; the product-code reference data. Public API:
 * {@link cn.cfp.numbering.CertificateNumbers}.
 */
package cn.cfp.numbering;
