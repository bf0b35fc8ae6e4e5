/** Generated documents: PDF notices (and later certificates and reports) with embedded Chinese fonts. */
package cn.cfp.document;
