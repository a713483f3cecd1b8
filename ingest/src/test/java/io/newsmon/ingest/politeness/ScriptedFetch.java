package io.newsmon.ingest.politeness;

import io.newsmon.ingest.fetch.FetchResult;
import io.newsmon.ingest.fetch.Validators;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link PoliteFetcher.Fetch} without a network: answers per URL, 200 "ok" for any other URL, and a
 * log of what was asked and when. Test-only.
 */
final class ScriptedFetch implements PoliteFetcher.Fetch {
    /** One call: the URL, and {@link System#nanoTime()} at its start and end. */
    record Call(String url, Validators validators, long start, long end) {
    }

    private final Map<String, Function<String, FetchResult>> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    ScriptedFetch answer(String url, Function<String, FetchResult> answer) {
        answers.put(url, answer);
        return this;
    }

    ScriptedFetch robots(String origin, String robotsTxt) {
        byte[] body = robotsTxt.getBytes(StandardCharsets.UTF_8);
        return answer(origin + "/robots.txt", url -> new FetchResult.Fetched(url, 200, "text/plain", "UTF-8", body, robotsTxt));
    }

    ScriptedFetch status(String url, int status, Duration retryAfter) {
        return answer(url, u -> FetchResult.Failed.status(u, "HTTP status " + status + " from " + u, status, retryAfter));
    }

    static FetchResult.Fetched ok(String url) {
        return new FetchResult.Fetched(url, 200, "text/html", "UTF-8", "ok".getBytes(StandardCharsets.UTF_8), "ok");
    }

    @Override
    public FetchResult fetch(String url, Validators validators) {
        long start = System.nanoTime();
        FetchResult result = answers.getOrDefault(url, ScriptedFetch::ok).apply(url);
        calls.add(new Call(url, validators, start, System.nanoTime()));
        return result;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> urls() {
        return calls.stream().map(Call::url).toList();
    }

    long count(String url) {
        return calls.stream().filter(call -> call.url().equals(url)).count();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
