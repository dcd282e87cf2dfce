package eu.guichet.bench.micro;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code guichet bench micro}: the JMH micro-benchmarks of inner loops ({@link PseudonymMicro}), in a forked JVM as
 * JMH requires, then one table with each benchmark's throughput and its ratio to the baseline benchmark of the same
 * class and parameters ({@code bareHmac}), measured in the same run.
 */
@Command(name = "micro", mixinStandardHelpOptions = true,
        description = "JMH micro-benchmarks of inner loops (pseudonyms against the bare HMAC), one table.")
public final class MicroCommand implements Callable<Integer> {

    static final String BASELINE = "bareHmac";

    @Option(names = "--include", defaultValue = "eu\\.guichet\\.bench\\.micro\\..*",
            description = "Regular expression of the benchmarks to run. Default: all.")
    String include;

    @Option(names = "--forks", defaultValue = "1", description = "Forked JVMs per benchmark.")
    int forks;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations of one second.")
    int iterations;

    @Option(names = "--warmups", defaultValue = "3", description = "Warm-up iterations of one second.")
    int warmups;

    @Option(names = "--threads", defaultValue = "1", description = "Benchmark threads (each with its own state).")
    int threads;

    @Override
    public Integer call() throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder().include(include).forks(forks)
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1)).threads(threads);
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.println(table(results));
        return 0;
    }

    /** One line per benchmark and parameters: ops/µs, the error, and the ratio to the baseline of the same group. */
    static String table(Collection<RunResult> results) {
        Map<String, Double> baselines = new TreeMap<>();
        for (RunResult r : results) {
            if (method(r).equals(BASELINE)) {
                baselines.put(group(r), r.getPrimaryResult().getScore());
            }
        }
        StringBuilder out = new StringBuilder(
                "| benchmark | parameters | ops/µs | ± (99.9 %) | ns/op | baseline ÷ ours |\n|---|---|---:|---:|---:|---:|\n");
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            Double baseline = baselines.get(group(r));
            out.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.1f | %s |%n", method(r), params(r),
                    score, r.getPrimaryResult().getScoreError(), 1000 / score,
                    baseline == null ? "" : String.format(Locale.ROOT, "%.2f×", baseline / score)));
        }
        return out.toString();
    }

    private static String method(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The class and the parameters: benchmarks compare with the baseline of their own group. */
    private static String group(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(0, name.lastIndexOf('.')) + " " + params(r);
    }

    private static String params(RunResult r) {
        List<String> keys = List.copyOf(r.getParams().getParamsKeys());
        StringBuilder out = new StringBuilder();
        for (String k : keys) {
            out.append(out.isEmpty() ? "" : ", ").append(k).append('=').append(r.getParams().getParam(k));
        }
        return out.toString();
    }
}
