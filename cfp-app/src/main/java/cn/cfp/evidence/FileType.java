package cn.cfp.evidence;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types accepted as evidence. A file is accepted only when its extension and its content
 * agree (magic bytes for binary types, valid UTF-8 without NUL for text), so a renamed executable
 * is refused.
 */
public enum FileType {
    PDF("pdf", "application/pdf"),
    PNG("png", "image/png"),
    JPEG("jpg", "image/jpeg"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    CSV("csv", "text/csv"),
    TXT("txt", "text/plain"),
    /** An inventory in the JSON format of docs/inventory-format.md (issue 9: PCF verification submissions). */
    JSON("json", "application/json");

    private final String extension;
    private final String mediaType;

    FileType(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type stored under this media type (an evidence file's {@code contentType}). */
    public static Optional<FileType> byMediaType(String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
    }

    static Optional<FileType> byExtension(String filename) {
        int dot = filename == null ? -1 : filename.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (ext.equals("jpeg")) {
            ext = "jpg";
        }
        String e = ext;
        return Arrays.stream(values()).filter(t -> t.extension.equals(e)).findFirst();
    }

    boolean contentMatches(byte[] head) {
        return switch (this) {
            case PDF -> startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case PNG -> startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            case JPEG -> startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case XLSX, DOCX -> startsWith(head, new byte[] {'P', 'K', 3, 4});
            case CSV, TXT -> isUtf8Text(head);
            case JSON -> isUtf8Text(head) && new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").strip().startsWith("{");
        };
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean isUtf8Text(byte[] data) {
        for (byte b : data) {
            if (b == 0) {
                return false;
            }
        }
        // The sample may cut a multi-byte character at its end: ignore up to 3 trailing bytes.
        for (int cut = 0; cut <= Math.min(3, data.length); cut++) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data, 0, data.length - cut));
                return true;
            } catch (CharacterCodingException e) {
                // try a shorter sample
            }
        }
        return false;
    }
}
