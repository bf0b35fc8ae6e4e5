package cn.cfp.scheme;

import java.util.Locale;

/** A structured scheme value that can render itself as one short line (comparison table cell). */
public interface Summarizable {
    String summary(Locale locale);
}
