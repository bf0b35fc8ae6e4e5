package cn.cfp.planning;

import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The shipped scheme definitions, loaded without Spring so the pure policy tests read the real parameters (not
 * copies). The loader is internal to the scheme module, hence the reflective call.
 */
final class ShippedSchemes {

    private static SchemeCatalog catalog;

    private ShippedSchemes() {
    }

    static synchronized SchemeCatalog catalog() {
        if (catalog == null) {
            try {
                Class<?> c = Class.forName("cn.cfp.scheme.internal.SchemeConfiguration");
                Method m = c.getDeclaredMethod("create", ResourcePatternResolver.class, Path.class);
                m.setAccessible(true);
                catalog = (SchemeCatalog) m.invoke(null, new PathMatchingResourcePatternResolver(), null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load the shipped schemes", e);
            }
        }
        return catalog;
    }

    static Scheme cnca() { return catalog().get("CNCA-CFP-00"); }

    static Scheme cnex() { return catalog().get("CNEX-01-G"); }

    static Scheme cec() { return catalog().get("CEC-FURNITURE"); }

    static Scheme cgc() { return catalog().get("CGC-R52003"); }

    static Scheme cicc() { return catalog().get("CICC-ZY-GZ-20"); }
}
