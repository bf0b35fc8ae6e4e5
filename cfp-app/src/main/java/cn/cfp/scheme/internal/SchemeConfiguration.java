package cn.cfp.scheme.internal;

import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.SchemeDefinitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the {@link SchemeCatalog} at start-up. A broken definition file throws {@link SchemeDefinitionException},
 * which stops the application start with the file, field and reason.
 */
@Configuration(proxyBeanMethods = false)
class SchemeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchemeConfiguration.class);

    @Bean
    SchemeCatalog schemeCatalog(ResourcePatternResolver resolver, @Value("${cfp.schemes.dir:}") String dir) {
        SchemeCatalog catalog = create(resolver, dir == null || dir.isBlank() ? null : Path.of(dir));
        log.info("Loaded {} certification schemes: {}", catalog.all().size(), catalog.codes());
        return catalog;
    }

    /** Classpath schemes plus those in {@code externalDir} (may be null). */
    static SchemeCatalog create(ResourcePatternResolver resolver, Path externalDir) {
        List<SchemeSource> sources = new ArrayList<>(SchemeSources.classpath(resolver));
        if (externalDir != null) {
            sources.addAll(SchemeSources.directory(externalDir));
        }
        return new SchemeCatalog(SchemeLoader.load(sources));
    }
}
