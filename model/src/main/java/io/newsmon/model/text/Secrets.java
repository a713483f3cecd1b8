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
 * <p>A parameter is {@code name=value} in a query string, a {@code ;key=value} list or free text (spaces
 * around {@code =} allowed). Its name is a secret's when it contains {@code password}, {@code passwd},
 * {@code passphrase}, {@code pwd}, {@code secret}, {@code token}, {@code credential}, {@code signature},
 * {@code apikey}, {@code access_key} or {@code session_id}, ends with {@code key}, or is {@code sig},
 * {@code pass}, {@code auth}, {@code authorization} or {@code jwt}, in any case. Its value ends at white
 * space, {@code &}, {@code ;}, a quote, a comma or colon before a space, or the end; a value in quotes or braces
 * ({@code {a;b}}) is masked whole. Masking twice gives the same text. Linear in the length of the text.
 */
public final class Secrets {
    /** What a secret is replaced by. */
    public static final String MASK = "***";

    /** {@code //user:password@}: the password ends at the last {@code @} before the path. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/\\s:@?#]*:)[^/\\s?#]*@");
    private static final Pattern PARAMETER = Pattern.compile(
            "(?<![\\w.\\-])([\\w.\\-]{1,64})([ \\t]*=[ \\t]*)(\"[^\"]*\"?|'[^']*'?|\\{[^}]*}?|(?:[^\\s&;\"',:]|[,:](?!\\s|$))*)");
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
        return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
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
