package io.newsmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.ingest.IngestReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
    /** What one run of {@code bench} returned and printed. */
    private record Run(int exitCode, String out, String err) {
        String firstPass() {
            return out.substring(out.indexOf("pass 1"), out.indexOf("pass 2"));
        }

        String secondPass() {
            return out.substring(out.indexOf("pass 2"));
        }
    }

    private static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void fetchesEveryArticleOnceAndNothingWhenTheFeedsAreUnchanged() {
        Run run = bench("--feeds", "6", "--hosts", "3", "--articles", "30", "--page-kb", "2",
                "--per-host-delay", "PT0S", "--latency", "PT0S");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.firstPass())
                .containsPattern("feeds polled +6 \\(not modified 0\\)")
                .containsPattern("pages fetched +30 of 30\\R")
                .containsPattern("failures +0 feeds, 0 pages")
                .containsPattern("requests +39, .*\\(feeds 6, 304 0, pages 30, robots.txt 3, 404 0\\)")
                .contains("politeness bound     none");
        assertThat(run.secondPass())
                .containsPattern("not modified \\(304\\) +6 of 6 feeds")
                .containsPattern("pages fetched +0\\R")
                .containsPattern("requests +6, .*\\(feeds 0, 304 6, pages 0, robots.txt 0, 404 0\\)");
        assertThat(run.out()).contains("result: OK");
    }

    @Test
    void reportsThePolitenessBoundOfTheHostsDelayAndLatency() {
        Run run = bench("--feeds", "2", "--hosts", "2", "--articles", "4", "--page-kb", "1",
                "--per-host-delay", "PT0.001S", "--latency", "PT0.001S");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.firstPass()).contains("politeness bound     1000.0 requests/s = 2 hosts / (1 ms delay + 1 ms latency)");
    }

    @Test
    void refusesMoreHostsThanFeedsNamingTheOption() {
        Run run = bench("--feeds", "2", "--hosts", "3", "--articles", "4");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value 3 for --hosts: must be 1 to 2");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void failsWhenAPassDidNotDoWhatItShould() {
        SiteShape shape = new SiteShape(2, 1, 10, 1024, Duration.ZERO);
        BenchPass.Result missing = result(9, 1);
        BenchPass.Result refetched = result(2, 0);

        assertThat(BenchCommand.problems(shape, missing, refetched)).containsExactly(
                "pass 1 fetched 9 of 10 articles (1 pages and 0 feeds failed): every article should be fetched once",
                "pass 2 fetched 2 pages from unchanged feeds: it should fetch none");
        assertThat(BenchCommand.problems(shape, result(10, 0), result(0, 0))).isEmpty();
    }

    private static BenchPass.Result result(int pages, int pagesFailed) {
        return new BenchPass.Result(new IngestReport(2, 0, 0, pages + pagesFailed, pages, pagesFailed,
                List.of()), new SyntheticSite.Counts(0, 0, 0, 0, 0, 0), pages, 0, Duration.ofSeconds(1));
    }
}
