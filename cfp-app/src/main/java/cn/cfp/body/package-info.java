/**
 * The certification body itself: its identity as printed on certificates and labels (name, address, the CNCA approval
 * number from which the certificate number's body code is derived [000 Annex 4], the public query site) and its
 * signing key, with which certificates are signed (PAdES) and label QR payloads are signed (R-X-4). Public API:
 * {@link cn.cfp.body.BodyIdentity}, {@link cn.cfp.body.BodyKeys}.
 */
package cn.cfp.body;
