package cn.cfp.shared.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory holds the embedded database, the evidence files and the logs: confidential client data. Its
 * directories are {@code 0700} and its files {@code 0600} (owner only) on POSIX file systems; elsewhere the operating
 * system's defaults apply.
 */
public final class DataDirectory {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory (and its parents) if needed and makes it owner-only. */
    public static Path directory(Path dir) {
        try {
            Files.createDirectories(dir);
            restrict(dir, DIRECTORY);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + dir, e);
        }
    }

    /** Makes every directory below {@code root} 0700 and every file 0600 (files written before this version, or by H2). */
    public static void secureTree(Path root) {
        directory(root);
        if (!posix()) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.forEach(p -> restrict(p, Files.isDirectory(p) ? DIRECTORY : FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot secure the data directory " + root, e);
        }
    }

    /** Writes a small secret file, owner-only from its creation on (never world-readable, not even for a moment). */
    public static void writeSecret(Path file, String content) {
        try {
            directory(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (posix()) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, content, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrict(Path p, Set<PosixFilePermission> wanted) {
        if (!posix() || Files.isSymbolicLink(p)) {
            return;
        }
        try {
            if (!Files.getPosixFilePermissions(p).equals(wanted)) {
                Files.setPosixFilePermissions(p, wanted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of " + p, e);
        }
    }
}
