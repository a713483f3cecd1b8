package io.newsmon.ingest.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out the charset of a fetched body: the {@code Content-Type} header's {@code charset}, else a
 * byte order mark, else an XML declaration's {@code encoding}, else a {@code <meta charset>} or
 * {@code <meta http-equiv="Content-Type">} in the first 2 KB, else UTF-8. Unknown charset names are
 * passed over. Used by {@link HttpFetcher} for every body, and by parsers that are handed bytes.
 *
 * <p>Example: {@code detect("text/html; charset=ISO-8859-1", body)} is ISO-8859-1 whatever the body says.
 */
public final class CharsetDetector {
    private static final int SNIFF_BYTES = 2048;
    private static final Pattern HEADER_CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+?charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private CharsetDetector() {
    }

    /** The charset of {@code body} given its {@code Content-Type} header (which may be null). */
    public static Charset detect(String contentTypeHeader, byte[] body) {
        return fromHeader(contentTypeHeader)
                .or(() -> fromBom(body))
                .or(() -> fromPattern(XML_ENCODING, body))
                .or(() -> fromPattern(META_CHARSET, body))
                .orElse(StandardCharsets.UTF_8);
    }

    /** {@code body} decoded with {@code charset}, without a leading byte order mark. */
    public static String decode(byte[] body, Charset charset) {
        String text = new String(body, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static Optional<Charset> fromHeader(String contentTypeHeader) {
        if (contentTypeHeader == null) {
            return Optional.empty();
        }
        Matcher m = HEADER_CHARSET.matcher(contentTypeHeader);
        return m.find() ? forName(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> fromBom(byte[] body) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static Optional<Charset> fromPattern(Pattern pattern, byte[] body) {
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = pattern.matcher(head);
        return m.find() ? forName(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> forName(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
