package cn.cfp.scheme.internal;

import cn.cfp.scheme.SchemeDefinitionException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds scheme definition files: {@code classpath:schemes/*.yaml} and {@code *.yaml} in an optional directory. */
final class SchemeSources {

    static final String CLASSPATH_PATTERN = "classpath*:schemes/*.yaml";

    private SchemeSources() {
    }

    static List<SchemeSource> classpath(ResourcePatternResolver resolver) {
        try {
            Resource[] resources = resolver.getResources(CLASSPATH_PATTERN);
            List<SchemeSource> out = new ArrayList<>();
            for (Resource r : resources) {
                try (InputStream in = r.getInputStream()) {
                    out.add(new SchemeSource("schemes/" + r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            out.sort(Comparator.comparing(SchemeSource::name));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scheme files " + CLASSPATH_PATTERN, e);
        }
    }

    /** Every {@code *.yaml} file directly in {@code dir}; the directory must exist when it is configured. */
    static List<SchemeSource> directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SchemeDefinitionException(dir.toString(), "", "cfp.schemes.dir points to a directory that does not exist"
                    + " (or is not a directory); create it or remove the property");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<SchemeSource> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .sorted().toList()) {
                out.add(new SchemeSource(p.toAbsolutePath().toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scheme files in " + dir, e);
        }
    }
}
