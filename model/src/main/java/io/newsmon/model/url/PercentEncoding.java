package io.newsmon.model.url;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding normalisation of one URL component (RFC 3986, section 6.2.2), so that two spellings
 * of one component compare equal as strings.
 *
 * <p>For example {@code normalize("/%7euser/café a%2fb", "/")} gives {@code /~user/caf%C3%A9%20a%2Fb}.
 * It is shared by {@link UrlNormalizer} and by code that must hand {@link java.net.URI} a link with raw
 * spaces or non-ASCII characters. The class is stateless and thread-safe.
 */
public final class PercentEncoding {
    private static final String HEX = "0123456789ABCDEF";
    private static final String SUB_DELIMS = "!$&'()*+,;=";

    private PercentEncoding() {
    }

    /**
     * {@code component} with escapes of unreserved characters decoded, other escapes in upper case, and
     * characters that may not appear raw (spaces, non-ASCII, a stray {@code %}) encoded as UTF-8.
     *
     * @param extraAllowed characters kept raw besides unreserved, sub-delims, {@code :} and {@code @},
     *                     for example {@code "/"} for a path
     */
    public static String normalize(String component, String extraAllowed) {
        byte[] bytes = component.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                int decoded = Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16);
                appendDecodedEscape(out, decoded);
                i += 2;
            } else if (b < 0x80 && isAllowed((char) b, extraAllowed)) {
                out.append((char) b);
            } else {
                appendEscaped(out, b);
            }
        }
        return out.toString();
    }

    private static void appendDecodedEscape(StringBuilder out, int decoded) {
        if (isUnreserved((char) decoded)) {
            out.append((char) decoded);
        } else {
            appendEscaped(out, decoded);
        }
    }

    private static void appendEscaped(StringBuilder out, int b) {
        out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xf));
    }

    private static boolean isAllowed(char c, String extraAllowed) {
        return isUnreserved(c) || SUB_DELIMS.indexOf(c) >= 0 || c == ':' || c == '@'
                || extraAllowed.indexOf(c) >= 0;
    }

    static boolean isUnreserved(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~');
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
