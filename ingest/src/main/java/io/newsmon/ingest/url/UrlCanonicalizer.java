package io.newsmon.ingest.url;

import java.net.IDN;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the spellings of one article URL into one canonical string, so that an article reached through
 * two feeds, or once with {@code ?utm_source=rss}, gets one id.
 *
 * <p>The canonical form has a lower-case scheme and host (international hosts in punycode), no default
 * port, no fragment, no tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid},
 * {@code mc_cid}, ... see {@link #isTrackingParameter(String)}), the other query parameters in their
 * order, a path of at least {@code /} without {@code .} or {@code ..} segments, and normalised
 * percent-encoding (escapes of unreserved characters decoded, other escapes upper case, spaces and
 * non-ASCII characters encoded as UTF-8). For example
 * {@code HTTP://Example.COM:80/a/../News?id=7&utm_source=rss#top} becomes
 * {@code http://example.com/News?id=7}.
 *
 * <p>Only absolute http and https URLs are accepted. The class is stateless and thread-safe.
 */
public final class UrlCanonicalizer {
    /** RFC 3986, appendix B. */
    private static final Pattern URL = Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#.*)?$");
    private static final Pattern HOST = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*|\\[[0-9a-f:.]+\\]");
    private static final Pattern TAB_OR_NEWLINE = Pattern.compile("[\\t\\n\\r]");
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid",
            "ref_src", "ref_url", "cmpid", "ocid", "sr_share", "_hsenc", "_hsmi", "mkt_tok", "wt.mc_id",
            "__twitter_impression", "guccounter", "guce_referrer", "guce_referrer_sig");

    private UrlCanonicalizer() {
    }

    /**
     * The canonical form of {@code url}.
     *
     * @throws IllegalArgumentException naming the value when it is not an absolute http(s) URL with a
     *                                  valid host and port
     */
    public static String canonicalize(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("URL \"" + url + "\" is empty: an absolute http(s) URL is required");
        }
        Matcher m = URL.matcher(TAB_OR_NEWLINE.matcher(url.strip()).replaceAll(""));
        if (!m.matches() || m.group(1) == null) {
            throw invalid(url, "is not an absolute URL");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(url, "is not an http(s) URL");
        }
        if (m.group(2) == null) {
            throw invalid(url, "is not an absolute URL");
        }
        return scheme + "://" + authority(url, scheme, m.group(2)) + path(m.group(3)) + query(m.group(4));
    }

    /**
     * Whether the query parameter {@code name} only tracks the reader: {@code utm_*} and the click ids of
     * ad and social networks (compared ignoring case).
     */
    public static boolean isTrackingParameter(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("utm_") || TRACKING.contains(lower);
    }

    private static String authority(String url, String scheme, String authority) {
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : PercentEncoding.normalize(authority.substring(0, at), "") + "@";
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        if (colon < hostPort.lastIndexOf(']')) {
            colon = -1;
        }
        String host = host(url, colon < 0 ? hostPort : hostPort.substring(0, colon));
        String port = colon < 0 ? "" : port(url, scheme, hostPort.substring(colon + 1));
        return userInfo + host + port;
    }

    private static String host(String url, String raw) {
        String host = raw.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            host = host.startsWith("[") ? host : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(url, "has an invalid host \"" + raw + "\"");
        }
        if (!HOST.matcher(host).matches()) {
            throw invalid(url, "has an invalid host \"" + raw + "\"");
        }
        return host;
    }

    private static String port(String url, String scheme, String raw) {
        if (raw.isEmpty()) {
            return "";
        }
        int port;
        try {
            port = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw invalid(url, "has an invalid port \"" + raw + "\"");
        }
        if (port < 1 || port > 65535) {
            throw invalid(url, "has an invalid port \"" + raw + "\": it must be between 1 and 65535");
        }
        boolean isDefault = scheme.equals("http") ? port == 80 : port == 443;
        return isDefault ? "" : ":" + port;
    }

    private static String path(String raw) {
        String path = PercentEncoding.normalize(raw, "/");
        return removeDotSegments(path.isEmpty() ? "/" : path);
    }

    /** RFC 3986, section 5.2.4, on a path that starts with {@code /}. */
    static String removeDotSegments(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals("..")) {
                out.pollLast();
            } else if (!segment.equals(".")) {
                out.addLast(segment);
                continue;
            }
            if (last) {
                out.addLast("");
            }
        }
        return "/" + String.join("/", out);
    }

    private static String query(String raw) {
        if (raw == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : raw.split("&")) {
            String normalized = PercentEncoding.normalize(parameter, "/?");
            int eq = normalized.indexOf('=');
            String name = eq < 0 ? normalized : normalized.substring(0, eq);
            if (!normalized.isEmpty() && !isTrackingParameter(name)) {
                kept.add(normalized);
            }
        }
        return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }

    private static IllegalArgumentException invalid(String url, String rule) {
        return new IllegalArgumentException("URL \"" + url + "\" " + rule);
    }
}
