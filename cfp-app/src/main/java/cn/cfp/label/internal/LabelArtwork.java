package cn.cfp.label.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The body's marks (CEC 002 §8.1, CGC 003 ¶95, CICC 004 §10.6) are artwork files the body supplies [decision D6]:
 * {@code <cfp.label.artwork-dir>/<scheme code>.svg} or {@code .png} (default directory {@code <data-dir>/label-artwork}).
 * Without a file the label shows a plain placeholder (the demo).
 */
@Component
public class LabelArtwork {

    /** Largest artwork file read. */
    static final long MAX_BYTES = 2 * 1024 * 1024;

    /** An artwork file: {@code image/svg+xml} or {@code image/png}. */
    public record Artwork(String mediaType, byte[] bytes) {
    }

    private final Path dir;

    LabelArtwork(@Value("${cfp.label.artwork-dir:${cfp.data-dir}/label-artwork}") String dir) {
        this.dir = Path.of(dir);
    }

    public Optional<Artwork> find(String schemeCode) {
        for (String ext : new String[]{"svg", "png"}) {
            Path p = dir.resolve(schemeCode + "." + ext);
            try {
                if (Files.isRegularFile(p) && Files.size(p) <= MAX_BYTES) {
                    return Optional.of(new Artwork(ext.equals("svg") ? "image/svg+xml" : "image/png", Files.readAllBytes(p)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the label artwork " + p, e);
            }
        }
        return Optional.empty();
    }
}
