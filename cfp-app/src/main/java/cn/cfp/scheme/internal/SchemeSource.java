package cn.cfp.scheme.internal;

/** The text of one scheme definition file and the name errors use for it ({@code schemes/x.yaml} or an absolute path). */
record SchemeSource(String name, String content) {
}
