package io.newsmon.model.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secrets a text may hold, so that it can be logged, printed or used as a meter tag: the
 * password of a URL's user info and the value of every parameter named like a secret are replaced by
 * {@code ***}; everything else is kept.
 *
 * <pre>{@code
 * Secrets.mask("http://ann:hunter2@example.org/feed.xml")            // "http://ann:***@example.org/feed.xml"
 * Secrets.mask("jdbc:postgresql://db/news?user=news&password=s3cret") // "jdbc:postgresql://db/news?user=news&password=***"
 * Secrets.mask("https://example.org/rss?apikey=abc&lang=en")         // "https://example.org/rss?apikey=***&lang=en"
 * }</pre>
 *
 * <p>User info is also masked without a URL around it ({@code postgres:s3cret@db}, as a driver quotes
 * a host name it could not resolve), but not after {@code mailto:}.
 *
 * <p>A parameter is {@code name=value} in a query string, a {@code ;key=value} list or free text (spaces
 * around {@code =} allowed). Its name is a secret's when it contains {@code password}, {@code passwd},
 * {@code passphrase}, {@code pwd}, {@code secret}, {@code token}, {@code credential}, {@code signature},
 * {@code apikey}, {@code access_key} or {@code session_id}, ends with {@code key}, or is {@code sig},
 * {@code pass}, {@code auth}, {@code authorization} or {@code jwt}, in any case, once its {@code %XX}
 * escapes are decoded. Its value ends at white
 * space, {@code &}, {@code ;}, a quote, a comma or colon before a space, or the end; a value in quotes or braces
 * ({@code {a;b}}) is masked whole. Masking twice gives the same text. Linear in the length of the text.
 */
public final class Secrets {
    /** What a secret is replaced by. */
    public static final String MASK = "***";

    /** {@code //user:password@}: the password ends at the last {@code @} before the path. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/\\s:@?#]*:)[^/\\s?#]*@");
    /**
     * {@code user:password@host} without the {@code //} of a URL, as drivers quote it when they take the
     * user info for a host name; not {@code mailto:}, whose part before {@code @} is a mailbox.
     */
    private static final Pattern BARE_USER_INFO = Pattern.compile(
            "(?<![\\w.%+\\-:/@])((?!mailto:)[\\w.%+\\-]{1,64}:)[^\\s/?#@:\"']{1,256}@(?=[\\w\\[])");
    private static final Pattern PARAMETER = Pattern.compile(
            "(?<![\\w.%\\-])([\\w.%\\-]{1,64})([ \\t]*=[ \\t]*)(\"[^\"]*\"?|'[^']*'?|\\{[^}]*}?|(?:[^\\s&;\"',:]|[,:](?!\\s|$))*)");
    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(?:password|passwd|passphrase|pwd|secret|token|credential|signature|api[_-]?key|access[_-]?key"
                    + "|session[_-]?id).*|.*key|sig|pass|auth|authorization|jwt");

    private Secrets() {
    }

    /** {@code text} with every password, token or key replaced by {@value #MASK}; null for null. */
    public static String mask(String text) {
        if (text == null || text.indexOf('=') < 0 && text.indexOf('@') < 0) {
            return text;
        }
        String masked = USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        masked = BARE_USER_INFO.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        return masked.indexOf('=') < 0 ? masked : maskParameters(masked);
    }

    private static String maskParameters(String text) {
        Matcher parameter = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (parameter.find()) {
            String value = parameter.group(3);
            if (value.isEmpty() || !isSecretName(parameter.group(1))) {
                continue;
            }
            parameter.appendReplacement(out, Matcher.quoteReplacement(parameter.group(1) + parameter.group(2)
                    + masked(value)));
        }
        parameter.appendTail(out);
        return out.toString();
    }

    /** Whether a parameter named {@code name} holds a secret, by the rule of the class comment. */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(percentDecoded(name).toLowerCase(Locale.ROOT)).matches();
    }

    /** {@code name} with its {@code %XX} escapes of ASCII characters decoded, as a server reads it. */
    private static String percentDecoded(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int value = c == '%' && i + 2 < name.length() ? hex(name.charAt(i + 1)) * 16 + hex(name.charAt(i + 2)) : -1;
            if (value >= 0 && value < 0x80) {
                out.append((char) value);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        return digit < 0 ? -1000 : digit;
    }

    private static String masked(String value) {
        char open = value.charAt(0);
        String close = open == '{' ? "}" : String.valueOf(open);
        if (open == '"' || open == '\'' || open == '{') {
            return open + MASK + (value.length() > 1 && value.endsWith(close) ? close : "");
        }
        return MASK;
    }
}
