package cn.cfp;

import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/** The shipped scheme definitions, loaded without Spring, for pure domain tests (the loader is internal: reflective call). */
public final class TestSchemes {

    private static SchemeCatalog catalog;

    private TestSchemes() {
    }

    public static synchronized SchemeCatalog catalog() {
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

    public static Scheme get(String code) {
        return catalog().get(code);
    }
}
