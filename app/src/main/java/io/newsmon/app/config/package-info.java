/**
 * newsmon's configuration: every setting declared once, checked before anything starts.
 *
 * <p>{@link io.newsmon.app.config.Settings} is the catalogue: each {@link io.newsmon.app.config.Setting}
 * has a key ({@code per-host-delay}), a {@link io.newsmon.app.config.ValueType}, a default, a
 * {@link io.newsmon.app.config.Rule}, one line of documentation and the commands that read it; a few
 * {@link io.newsmon.app.config.CrossRule}s relate two settings. A setting that fills a field of a stage's
 * settings record ({@code PolitenessSettings}, {@code PollSettings}, {@code FetchSettings}) has that
 * field's name and takes its default from the record's {@code defaults()}. A value comes from the command line
 * ({@code --per-host-delay PT2S}), else the environment ({@code NEWSMON_PER_HOST_DELAY=PT2S}), else the
 * YAML {@link io.newsmon.app.config.ConfigFile} ({@code per-host-delay: PT2S}, named by {@code --config}
 * or {@code NEWSMON_CONFIG}), else the default; {@link io.newsmon.app.config.SettingSources} looks up the
 * last three and {@link io.newsmon.app.config.Validation} checks the final values and reports each
 * {@link io.newsmon.app.config.Problem} as one line with the key, the value, its source and the rule.
 *
 * <p>{@link io.newsmon.app.config.CommandLineSettings} ties the catalogue to picocli: options declare only
 * their names, and get their defaults and descriptions from here; the check runs before a command's
 * {@code call()}. {@code newsmon config docs} prints the {@link io.newsmon.app.config.Reference} and
 * {@code newsmon config check} checks a file and the environment.
 */
package io.newsmon.app.config;
