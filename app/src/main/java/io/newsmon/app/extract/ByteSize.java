package io.newsmon.app.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes in bytes as people write them, for {@code newsmon extract --max-page-size}: {@code 1048576},
 * {@code 512KiB}, {@code 10 MiB}, {@code 1GiB} (units in any case, binary: 1 KiB is 1024 bytes).
 */
final class ByteSize {
    /** The largest size {@link #parse} accepts: 1 GiB, as a page is read into one array. */
    static final long MAX = 1L << 30;
    /** The rule {@link #parse} enforces, for error messages. */
    static final String RULE = "must be a whole number of bytes, KiB, MiB or GiB from 1 byte to 1 GiB, for example "
            + "10MiB, 512KiB or 1048576";
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|bytes?|kib|mib|gib)?");

    private ByteSize() {
    }

    /**
     * {@code text} in bytes.
     *
     * @throws IllegalArgumentException with {@link #RULE} as message when {@code text} is not a size from 1 byte
     *                                  to {@link #MAX}
     */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(RULE);
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit) {
            case "kib" -> 10;
            case "mib" -> 20;
            case "gib" -> 30;
            default -> 0;
        };
        long number = Long.parseLong(m.group(1));
        if (number < 1 || number > MAX >> shift) {
            throw new IllegalArgumentException(RULE);
        }
        return number << shift;
    }

    /** {@code bytes} in the largest binary unit that divides it: {@code 10 MiB}, {@code 512 KiB}, {@code 1000 bytes}. */
    static String human(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value == 1 && unit == 0 ? "1 byte" : value + " " + units[unit];
    }
}
