package eu.guichet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.SearchQuery;
import eu.guichet.catalogue.internal.CatalogueRepository;
import eu.guichet.catalogue.internal.search.CatalogueIndex;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * Search bench (not a test: its name keeps it out of the default test run, and it asserts nothing). The real
 * application on a random port with its real controller and PostgreSQL; 10,000 synthetic published datasets are
 * written to the database and the index rebuilt from it, as at start. Then queries are fired over HTTP at a fixed
 * rate on an open-loop schedule (latency counted from the planned send time, so queueing shows), and the same
 * queries run in-process through {@code CatalogueSearch} and, as the baseline, as a plain Lucene {@code TermQuery}
 * on the same searcher without facets. Prints the table of docs/BENCHMARKS.md.
 *
 * <pre>mvn -B -ntp -pl guichet-server test -Dtest=CatalogueSearchBench -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Options (system properties): {@code bench.datasets} (10000), {@code bench.rate} (requests per second, 50),
 * {@code bench.seconds} (30).
 */
@Tag("bench")
@GuichetIntegrationTest
class CatalogueSearchBench {

    static final int DATASETS = Integer.getInteger("bench.datasets", 10_000);
    static final int RATE = Integer.getInteger("bench.rate", 50);
    static final int WARM_UP = Integer.getInteger("bench.warmup", 3000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);

    /** What people type, with and without filters (query strings of GET /api/catalogue/datasets). */
    static final List<String> QUERIES = List.of("q=diabète", "q=diabetes", "q=cancer du sein", "q=breast cancer",
            "q=AVC", "q=stroke", "q=HbA1c", "q=hémoglobine glyquée", "q=date de décès", "q=BEN_NAI_ANN", "q=DCD",
            "q=registre Bretagne", "q=cohorte santé mentale", "q=mortality", "q=vaccination COVID-19", "q=",
            "q=&category=HRAD", "q=diabète&category=RQSH&category=EHRS", "q=cancer&from=2010&to=2015",
            "q=dialyse&access=NON_PUBLIC&structured=true", "q=&publisher=CHU de Lyon", "q=tuberculose&page=2",
            "q=glycemie", "q=soins palliatifs Occitanie", "q=Alzheimer");

    @LocalServerPort
    int port;

    @Autowired
    CatalogueRepository repository;

    @Autowired
    CatalogueIndex index;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void bench() throws Exception {
        List<Dataset> datasets = new SyntheticCatalogue(42).datasets(DATASETS);
        long t0 = System.nanoTime();
        transactions.executeWithoutResult(s -> datasets.forEach(repository::insert));
        long inserted = System.nanoTime();
        int indexed = transactions.execute(s -> {
            try (var published = repository.streamPublished()) {
                return index.replaceAll(published.iterator());
            }
        });
        long rebuilt = System.nanoTime();
        System.out.printf(Locale.ROOT, "%n%d datasets written to PostgreSQL in %.1f s; index rebuilt from it"
                + " (%d published) in %.1f s%n", DATASETS, secs(inserted - t0), indexed, secs(rebuilt - inserted));

        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        // a warm JVM, as for every baseline: the JIT compiles the search, JSON and HTTP paths before measuring
        for (int i = 0; i < WARM_UP; i++) {
            get(client, QUERIES.get(i % QUERIES.size()));
        }
        Result http = openLoop(client);
        Result inProcess = closedLoop(i -> index.search(searchQuery(QUERIES.get(i % QUERIES.size()))));
        Result baseline = closedLoop(i -> index.withSearcher(s -> {
            try {
                return s.search(termQuery(QUERIES.get(i % QUERIES.size())), 20);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));

        StringBuilder table = new StringBuilder();
        table.append("| run | requests | p50 ms | p90 ms | p99 ms | max ms | throughput req/s |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        table.append(http.row("HTTP `GET /api/catalogue/datasets`, open loop at " + RATE + " req/s"));
        table.append(inProcess.row("in process `CatalogueSearch.search` (facets, matched variables), closed loop"));
        table.append(baseline.row("baseline: Lucene `IndexSearcher.search(TermQuery, 20)`, closed loop"));
        table.append(String.format(Locale.ROOT, "%nRatios ours/baseline (in process): p50 %.1f×, p99 %.1f×."
                + " HTTP errors: %d.%n", inProcess.p(50) / baseline.p(50), inProcess.p(99) / baseline.p(99),
                http.errors));
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target", "bench-catalogue-search.md");
        Files.writeString(out, table.toString());
        System.out.println("Written to " + out.toAbsolutePath());
    }

    /** Sends RATE requests per second for SECONDS seconds on a fixed schedule, whatever the answers' delay. */
    private Result openLoop(HttpClient client) throws Exception {
        int total = RATE * SECONDS;
        long periodNanos = 1_000_000_000L / RATE;
        double[] latencies = new double[total];
        AtomicInteger errors = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime() + 50_000_000L;
        List<CompletableFuture<Void>> scheduled = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            int n = i;
            long planned = start + n * periodNanos;
            CompletableFuture<Void> sent = new CompletableFuture<>();
            scheduled.add(sent);
            clock.schedule(() -> {
                client.sendAsync(request(QUERIES.get(n % QUERIES.size())), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> {
                            latencies[n] = (System.nanoTime() - planned) / 1e6;
                            if (failure != null || response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                            sent.complete(null);
                        });
            }, planned - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        CompletableFuture.allOf(scheduled.toArray(CompletableFuture[]::new)).get(SECONDS + 120L, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        clock.shutdown();
        return new Result(latencies, elapsed, errors.get());
    }

    private static Result closedLoop(java.util.function.IntFunction<Object> work) {
        int total = RATE * SECONDS;
        for (int i = 0; i < 500; i++) {
            work.apply(i);
        }
        double[] latencies = new double[total];
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long t = System.nanoTime();
            work.apply(i);
            latencies[i] = (System.nanoTime() - t) / 1e6;
        }
        return new Result(latencies, System.nanoTime() - start, 0);
    }

    record Result(double[] latencies, long elapsedNanos, int errors) {
        double p(double percentile) {
            double[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.0f |%n", name,
                    latencies.length, p(50), p(90), p(99), p(100), latencies.length / secs(elapsedNanos));
        }
    }

    private HttpRequest request(String query) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/catalogue/datasets?"
                + encode(query))).header("Accept", "application/json").build();
    }

    private void get(HttpClient client, String query) throws IOException, InterruptedException {
        client.send(request(query), HttpResponse.BodyHandlers.ofString());
    }

    /** Encodes each parameter's value of a query string. */
    private static String encode(String query) {
        return String.join("&", Arrays.stream(query.split("&")).map(p -> {
            String[] kv = p.split("=", 2);
            return kv[0] + "=" + URLEncoder.encode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8);
        }).toList());
    }

    /** The same request as a {@link SearchQuery}. */
    static SearchQuery searchQuery(String query) {
        String text = "";
        java.util.Set<eu.guichet.catalogue.HealthCategory> categories = new java.util.HashSet<>();
        java.util.Set<String> publishers = new java.util.HashSet<>();
        java.util.Set<eu.guichet.catalogue.AccessRights> access = new java.util.HashSet<>();
        Integer from = null;
        Integer to = null;
        Boolean structured = null;
        int page = 1;
        for (String p : query.split("&")) {
            String[] kv = p.split("=", 2);
            String v = kv.length > 1 ? kv[1] : "";
            switch (kv[0]) {
                case "q" -> text = v;
                case "category" -> categories.add(eu.guichet.catalogue.HealthCategory.valueOf(v));
                case "publisher" -> publishers.add(v);
                case "access" -> access.add(eu.guichet.catalogue.AccessRights.valueOf(v));
                case "from" -> from = Integer.valueOf(v);
                case "to" -> to = Integer.valueOf(v);
                case "structured" -> structured = Boolean.valueOf(v);
                case "page" -> page = Integer.parseInt(v);
                default -> throw new IllegalArgumentException(p);
            }
        }
        return new SearchQuery(text, categories, null, publishers, access, from, to, structured, page, 20);
    }

    /** Baseline: the query's first word, lower case, as one term of the French title field. */
    static Query termQuery(String query) {
        String text = searchQuery(query).text();
        String word = text.isBlank() ? "registre" : text.split("\\s+")[0].toLowerCase(Locale.ROOT);
        return new TermQuery(new Term("title.fr", word));
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }
}
