package io.newsmon.enrich.metadata;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headline in a page's {@code <title>}, without the site name that sites put before or after it
 * ({@code "Breakwater repairs delayed | Porthaven Gazette"}, {@code "PG News - Breakwater repairs delayed"}).
 *
 * <p>The title is split on separators ({@code " | "}, also unspaced, and {@code " - "}, {@code " – "},
 * {@code " — "}, {@code " :: "}, {@code " · "}, {@code " » "}, {@code " / "}, {@code " : "}, each between
 * spaces). When the first {@code <h1>} is one part, or a run of parts at either end, that part is the
 * headline, unless it is the site or shorter than another part (a logo or a section name). Otherwise a part
 * at either end is dropped when it names the site: the declared site name or a word of the page's host,
 * compared without case, spaces, punctuation, a leading "The", a trailing "News" or a domain ending
 * ({@code "The Porthaven Gazette"}, {@code "PorthavenGazette.com"} and {@code "porthavengazette.example"}
 * all match), or an upper-case acronym of the site name's or host's words ({@code "PG"}, {@code "PG News"}).
 * Without such a signal the title stays whole, so {@code "Brexit: what happens next"} keeps its colon part.
 * A title that is only the site name gives null, so that the caller falls back on the next source.
 */
final class PageTitle {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*\\|\\s*| (?:::|[-–—·»/:]) ");
    /** What a site adds around its name: "The ", " News", ".com". */
    private static final Pattern DECORATION = Pattern.compile(
            "^the\\s+|\\s+news$|\\.(?:com|net|org|co\\.uk|[a-z]{2})$");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ACRONYM = Pattern.compile("(?:The )?(\\p{Lu}{2,6})(?: News)?");
    /** A host's sub-domain and suffix that do not name the site: {@code www.}, {@code .co.uk}. */
    private static final Pattern HOST_DECORATION = Pattern.compile(
            "^(?:www\\d*|m|amp)\\.|(?:\\.(?:co|com|org|net|gov|ac|edu))?\\.[^.]+$");
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s-]+");

    private PageTitle() {
    }

    /**
     * The headline of {@code title}, or null when the title is blank or only names the site.
     *
     * @param siteName the site name the page declares, or null
     * @param pageUrl  the page URL, whose host names the site; may be null or empty
     * @param h1       the text of the page's first {@code <h1>}, or null
     */
    static String headline(String title, String siteName, String pageUrl, String h1) {
        if (title == null || title.isBlank()) {
            return null;
        }
        Site site = Site.of(siteName, pageUrl);
        Parts parts = Parts.split(" " + collapse(title) + " ");
        String heading = parts.find(h1 == null ? "" : collapse(h1));
        if (heading != null && !site.isNamedBy(heading)) {
            return heading;
        }
        parts.dropEnds(site);
        return parts.segments().size() == 1 && site.isNamedBy(parts.segments().getFirst()) ? null : parts.text();
    }

    private static String collapse(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** What names the site: its declared name, its host's labels and the initials of their words. */
    private record Site(String nameKey, Set<String> hostKeys, Set<String> initials) {
        static Site of(String siteName, String pageUrl) {
            Set<String> hostKeys = new HashSet<>();
            Set<String> initials = new HashSet<>();
            String name = siteName == null ? ""
                    : DECORATION.matcher(siteName.strip().toLowerCase(Locale.ROOT)).replaceAll("");
            addInitials(name, initials);
            for (String label : HOST_DECORATION.matcher(host(pageUrl)).replaceAll("").split("\\.")) {
                hostKeys.add(key(label));
                addInitials(label, initials);
            }
            hostKeys.remove("");
            return new Site(key(name), hostKeys, initials);
        }

        boolean isNamedBy(String segment) {
            String key = key(segment);
            if (key.isEmpty()) {
                return false;
            }
            Matcher acronym = ACRONYM.matcher(segment);
            return key.equals(nameKey) || hostKeys.contains(key)
                    || acronym.matches() && initials.contains(acronym.group(1).toLowerCase(Locale.ROOT));
        }

        private static String key(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            return NOT_ALPHANUMERIC.matcher(DECORATION.matcher(lower).replaceAll("")).replaceAll("");
        }

        private static void addInitials(String name, Set<String> initials) {
            String[] words = WORD_BREAK.split(name.strip());
            if (words.length > 1) {
                StringBuilder letters = new StringBuilder();
                for (String word : words) {
                    letters.append(word.isEmpty() ? "" : word.substring(0, 1));
                }
                initials.add(letters.toString().toLowerCase(Locale.ROOT));
            }
        }

        private static String host(String pageUrl) {
            try {
                String host = pageUrl == null ? null : URI.create(pageUrl.strip()).getHost();
                return host == null ? "" : host.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
    }

    /** A title cut at its separators: segments at even indexes, the separators between them at odd ones. */
    private static final class Parts {
        private final List<String> pieces = new ArrayList<>();

        static Parts split(String title) {
            Parts parts = new Parts();
            Matcher separator = SEPARATOR.matcher(title);
            int from = 0;
            while (separator.find()) {
                parts.pieces.add(title.substring(from, separator.start()).strip());
                parts.pieces.add(separator.group());
                from = separator.end();
            }
            parts.pieces.add(title.substring(from).strip());
            parts.dropEnds(null);
            return parts;
        }

        List<String> segments() {
            List<String> segments = new ArrayList<>();
            for (int i = 0; i < pieces.size(); i += 2) {
                segments.add(pieces.get(i));
            }
            return segments;
        }

        String text() {
            return String.join("", pieces);
        }

        /**
         * The segment, or the run of segments from either end, that equals {@code heading} ignoring case; null
         * when none does or when a segment is longer than {@code heading}. Linear in the title's length.
         */
        String find(String heading) {
            int longest = segments().stream().mapToInt(String::length).max().orElse(0);
            if (heading.isEmpty() || heading.length() < longest) {
                return null;
            }
            String text = text();
            int start = 0;
            for (int i = 0; i < pieces.size(); i += 2) {
                int end = start + pieces.get(i).length();
                for (int[] span : new int[][] {{start, end}, {0, end}, {start, text.length()}}) {
                    if (span[1] - span[0] == heading.length()
                            && text.regionMatches(true, span[0], heading, 0, heading.length())) {
                        return text.substring(span[0], span[1]);
                    }
                }
                start = end + (i + 1 < pieces.size() ? pieces.get(i + 1).length() : 0);
            }
            return null;
        }

        /** Drops empty end segments and, given a site, end segments that name it; keeps at least one. */
        void dropEnds(Site site) {
            while (pieces.size() > 1 && isDropped(pieces.getLast(), site)) {
                pieces.subList(pieces.size() - 2, pieces.size()).clear();
            }
            while (pieces.size() > 1 && isDropped(pieces.getFirst(), site)) {
                pieces.subList(0, 2).clear();
            }
        }

        private static boolean isDropped(String segment, Site site) {
            return segment.isEmpty() || site != null && site.isNamedBy(segment);
        }
    }
}
