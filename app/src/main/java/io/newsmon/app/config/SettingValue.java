package io.newsmon.app.config;

/**
 * The text given for a setting and where it came from.
 *
 * @param text   as given, for example {@code PT2S}
 * @param source where: {@code --per-host-delay}, {@code NEWSMON_PER_HOST_DELAY}, {@code newsmon.yml line 3}
 *               or {@link #DEFAULT}
 */
public record SettingValue(String text, String source) {
    /** The source of a setting's default. */
    public static final String DEFAULT = "default";

    /** True when the value is the setting's default, given nowhere. */
    public boolean isDefault() {
        return DEFAULT.equals(source);
    }
}
