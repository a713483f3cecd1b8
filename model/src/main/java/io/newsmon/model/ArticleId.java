package io.newsmon.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable article ids: the first 16 bytes of the SHA-256 of the normal URL ({@link io.newsmon.model.url.UrlNormalizer}), as 32 hex digits.
 * The same normal URL always gives the same id, in every process and version.
 */
public final class ArticleId {
    private ArticleId() {
    }

    /** The id of the article at {@code normalUrl}, for example {@code 3f2a...} (32 hex digits). */
    public static String of(String normalUrl) {
        return hash(Checks.require(normalUrl, "normal URL"));
    }

    /** The first 16 bytes of the SHA-256 of {@code text} (UTF-8) as 32 hex digits. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
