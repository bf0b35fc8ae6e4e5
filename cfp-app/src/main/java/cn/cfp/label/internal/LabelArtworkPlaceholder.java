package cn.cfp.label.internal;

/** The plain placeholder where the body has not supplied its mark's artwork (the demo) [decision D6]. */
final class LabelArtworkPlaceholder {

    private LabelArtworkPlaceholder() {
    }

    /** The label is printed in Chinese: the scheme's code over "机构标志（图稿待提供）". */
    static String[] lines(String schemeCode) {
        return new String[]{schemeCode, "机构标志（图稿待提供）"};
    }
}
