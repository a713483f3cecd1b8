package io.newsmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench freshness} on its embedded broker: a short run stores every article and reports the quantiles. */
class FreshnessCommandIT {
    private static final Pattern COUNTS = Pattern.compile("articles published (\\d+), stored (\\d+)");

    @Test
    void storesEveryPublishedArticleAndReportsFreshnessQuantiles() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new FreshnessCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("--rate", "5", "--feeds", "3", "--warmup", "PT2S", "--duration", "PT4S");

        String report = out.toString();
        Matcher counts = COUNTS.matcher(report);
        assertThat(counts.find()).as(report + err).isTrue();
        assertThat(Integer.parseInt(counts.group(1))).isGreaterThanOrEqualTo(25);
        assertThat(counts.group(2)).isEqualTo(counts.group(1));
        assertThat(report).containsPattern("measured after a PT2S warm-up over PT4S: [1-9]\\d* rows")
                .containsPattern("p50 [\\d.]+ m?s, p90 [\\d.]+ m?s, p99 [\\d.]+ m?s");
        assertThat(code).as(report).isEqualTo(report.contains("bar: p99 under 2 s: met") ? 0 : 1);
    }

    @Test
    void refusesBadValuesNamingTheOptionTheValueAndTheRule() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new FreshnessCommand());
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("--rate", "0")).isEqualTo(2);
        assertThat(cli.execute("--rate", "NaN")).isEqualTo(2);
        assertThat(cli.execute("--rate", "100", "--feeds", "2")).isEqualTo(2);
        assertThat(cli.execute("--duration", "PT0S")).isEqualTo(2);

        assertThat(err.toString()).contains("Invalid value 0.0 for --rate: must be above 0 and at most 1000")
                .contains("Invalid value NaN for --rate: must be above 0 and at most 1000")
                .contains("Invalid value 100.0 for --rate: must be at most 20 articles a second per feed")
                .contains("Invalid value PT0S for --duration: must be positive");
    }
}
