package io.newsmon.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes a {@code Content-Encoding} of gzip or deflate, with a cap on the decompressed size so that a
 * small compressed body cannot expand without bound.
 */
final class ContentDecoder {
    private ContentDecoder() {
    }

    /**
     * {@code body} decoded as {@code contentEncoding} says (null or {@code identity}: as is).
     *
     * @throws BodyTooLargeException when the decoded body is over {@code maxBytes}
     * @throws IOException           when the encoding is unknown or the body is corrupt
     */
    static byte[] decode(String contentEncoding, byte[] body, long maxBytes) throws IOException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> readCapped(new GZIPInputStream(new ByteArrayInputStream(body)), maxBytes);
            case "deflate" -> readCapped(inflater(body), maxBytes);
            default -> throw new IOException("the server sent an unsupported Content-Encoding \"" + contentEncoding + "\"");
        };
    }

    /** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate data. */
    private static InputStream inflater(byte[] body) {
        boolean zlib = body.length >= 2 && (body[0] & 0x0f) == 8 && ((body[0] & 0xff) << 8 | (body[1] & 0xff)) % 31 == 0;
        return new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib));
    }

    private static byte[] readCapped(InputStream in, long maxBytes) throws IOException {
        try (in) {
            byte[] decoded = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (decoded.length > maxBytes) {
                throw new BodyTooLargeException("the decompressed body", maxBytes);
            }
            return decoded;
        }
    }
}
