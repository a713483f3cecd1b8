package io.newsmon.model.url;

import java.net.IDN;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the spellings of one article URL into one normal string, so that an article reached through
 * two feeds, once with {@code ?utm_source=rss}, or once as its mobile or AMP page, gets one id.
 *
 * <p>The normal form has:
 * <ul>
 *   <li>the scheme as given, in lower case: {@code http} and {@code https} stay different
 *       ({@code HTTP://example.com/a} becomes {@code http://example.com/a});</li>
 *   <li>a lower-case host, international hosts in punycode, without a trailing dot
 *       ({@code http://Bücher.example./a} becomes {@code http://xn--bcher-kva.example/a});</li>
 *   <li>no {@code www.}, mobile ({@code m.}, {@code mobile.}) or AMP ({@code amp.}) host prefix, as long
 *       as at least two labels remain ({@code https://www.example.com/a}, {@code https://m.example.com/a}
 *       and {@code https://amp.example.com/a} become {@code https://example.com/a}, while
 *       {@code https://m.example/a} stays as it is); only these exact labels count, so
 *       {@code www2.example.com} is kept;</li>
 *   <li>no default port ({@code http://example.com:80/a} becomes {@code http://example.com/a});</li>
 *   <li>a path of at least {@code /} without {@code .} or {@code ..} segments
 *       ({@code http://example.com/a/./b/../c} becomes {@code http://example.com/a/c});</li>
 *   <li>no trailing slash, except for the root path ({@code /news/story/} becomes {@code /news/story};
 *       {@code /} stays {@code /});</li>
 *   <li>no AMP path markers: a leading or last path segment {@code amp} is dropped
 *       ({@code /amp/news/story}, {@code /news/story/amp} and {@code /news/story/amp/} become
 *       {@code /news/story}), and a last segment ending in {@code .amp} or {@code .amp.html} loses the
 *       {@code .amp} ({@code /story.amp.html} becomes {@code /story.html}, {@code /story.amp} becomes
 *       {@code /story}); path segments are case-sensitive and must match exactly, so
 *       {@code /amplifier/news}, {@code /news/camp} and {@code /damp.html} are kept;</li>
 *   <li>no fragment ({@code http://example.com/a#top} becomes {@code http://example.com/a});</li>
 *   <li>no tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code mc_cid}, ... see
 *       {@link #isTrackingParameter(String)}): {@code ?id=7&utm_source=rss} becomes {@code ?id=7};</li>
 *   <li>no AMP parameters, names and values compared ignoring case: {@code amp} or {@code _amp} without a
 *       value or with {@code 1} or {@code true}, and {@code outputType=amp}
 *       ({@code /story?amp=1&id=7} becomes {@code /story?id=7}; {@code ?ampersand=1} is kept);</li>
 *   <li>the other query parameters in their order, and no empty parameters or empty query
 *       ({@code ?b=2&&a=1&} becomes {@code ?b=2&a=1});</li>
 *   <li>normalised percent-encoding (see {@link PercentEncoding}): escapes of unreserved characters
 *       decoded, other escapes upper case, spaces and non-ASCII characters encoded as UTF-8
 *       ({@code /%7euser/a b} becomes {@code /~user/a%20b}).</li>
 * </ul>
 * Together, {@code HTTPS://WWW.Example.COM:443/a/../News/story/amp/?id=7&utm_source=rss#top} becomes
 * {@code https://example.com/News/story?id=7}. Normalising a normal URL gives it back unchanged.
 *
 * <p>Only absolute http and https URLs are accepted. The class is stateless and thread-safe.
 */
public final class UrlNormalizer {
    /** RFC 3986, appendix B. */
    private static final Pattern URL = Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#.*)?$");
    private static final Pattern HOST = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*|\\[[0-9a-f:.]+\\]");
    private static final Pattern TAB_OR_NEWLINE = Pattern.compile("[\\t\\n\\r]");
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid",
            "ref_src", "ref_url", "cmpid", "ocid", "sr_share", "_hsenc", "_hsmi", "mkt_tok", "wt.mc_id",
            "__twitter_impression", "guccounter", "guce_referrer", "guce_referrer_sig");
    /** Host labels that only pick a variant of the same site: the desktop, mobile or AMP edition. */
    private static final Set<String> VARIANT_HOST_PREFIXES = Set.of("www", "m", "mobile", "amp");
    private static final String AMP_SEGMENT = "amp";
    private static final Set<String> AMP_FLAG_PARAMETERS = Set.of("amp", "_amp");
    private static final Set<String> AMP_FLAG_VALUES = Set.of("", "1", "true");

    private UrlNormalizer() {
    }

    /**
     * The normal form of {@code url}, for example {@code https://example.com/news/story} for
     * {@code https://m.example.com/news/story/amp/?utm_source=rss}.
     *
     * @throws IllegalArgumentException naming the value when it is not an absolute http(s) URL with a
     *                                  valid host and port
     */
    public static String normalize(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("URL \"" + url + "\" is empty: an absolute http(s) URL is required");
        }
        Matcher m = URL.matcher(TAB_OR_NEWLINE.matcher(url.strip()).replaceAll(""));
        if (!m.matches() || m.group(1) == null) {
            throw invalid(url, "is not an absolute URL");
        }
        if (!HttpUrls.isHttpScheme(m.group(1))) {
            throw invalid(url, "is not an http(s) URL");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
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
        return withoutVariantPrefixes(host);
    }

    /**
     * {@code host} without its leading {@code www.}, {@code m.}, {@code mobile.} and {@code amp.} labels,
     * keeping a label when dropping it would leave a single one ({@code www.m.example.com} gives
     * {@code example.com}, {@code m.example} stays).
     */
    private static String withoutVariantPrefixes(String host) {
        String result = host;
        while (true) {
            int dot = result.indexOf('.');
            if (dot < 0 || !VARIANT_HOST_PREFIXES.contains(result.substring(0, dot))) {
                return result;
            }
            String rest = result.substring(dot + 1);
            if (rest.indexOf('.') < 0) {
                return result;
            }
            result = rest;
        }
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
        return withoutAmpMarkersAndTrailingSlash(removeDotSegments(path.isEmpty() ? "/" : path));
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

    /**
     * {@code path} (starting with {@code /}, without dot segments) without trailing slashes, leading and
     * last {@code amp} segments and a {@code .amp} before the last segment's extension, repeated until
     * nothing changes so that the result is itself normal ({@code /amp/news/story.amp.html/} gives
     * {@code /news/story.html}).
     */
    private static String withoutAmpMarkersAndTrailingSlash(String path) {
        List<String> segments = new ArrayList<>(Arrays.asList(path.substring(1).split("/", -1)));
        boolean changed = true;
        while (changed && !segments.isEmpty()) {
            changed = false;
            int last = segments.size() - 1;
            String lastSegment = segments.get(last);
            if (lastSegment.isEmpty() || lastSegment.equals(AMP_SEGMENT)) {
                segments.remove(last);
                changed = true;
            } else if (!withoutAmpExtension(lastSegment).equals(lastSegment)) {
                segments.set(last, withoutAmpExtension(lastSegment));
                changed = true;
            } else if (segments.getFirst().equals(AMP_SEGMENT)) {
                segments.removeFirst();
                changed = true;
            }
        }
        return "/" + String.join("/", segments);
    }

    /** {@code segment} without the {@code .amp} of a {@code name.amp} or {@code name.amp.html} ending. */
    private static String withoutAmpExtension(String segment) {
        if (segment.endsWith(".amp.html") && segment.length() > ".amp.html".length()) {
            return segment.substring(0, segment.length() - ".amp.html".length()) + ".html";
        }
        if (segment.endsWith(".amp") && segment.length() > ".amp".length()) {
            return segment.substring(0, segment.length() - ".amp".length());
        }
        return segment;
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
            String value = eq < 0 ? "" : normalized.substring(eq + 1);
            if (!normalized.isEmpty() && !isTrackingParameter(name) && !isAmpParameter(name, value)) {
                kept.add(normalized);
            }
        }
        return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }

    /**
     * Whether the parameter only asks for the AMP edition of the page: {@code amp} or {@code _amp}
     * without a value or with {@code 1} or {@code true}, or {@code outputType=amp} (ignoring case).
     */
    private static boolean isAmpParameter(String name, String value) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        String lowerValue = value.toLowerCase(Locale.ROOT);
        return AMP_FLAG_PARAMETERS.contains(lowerName) && AMP_FLAG_VALUES.contains(lowerValue)
                || lowerName.equals("outputtype") && lowerValue.equals("amp");
    }

    private static IllegalArgumentException invalid(String url, String rule) {
        return new IllegalArgumentException("URL \"" + url + "\" " + rule);
    }
}
