package cl.redlocal.portal.bench.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gatling's report (js/stats.js) as the Markdown table docs/performance.md keeps: per request, its
 * count, failures, p50/p95/p99 in ms, throughput, and its p95 over the floor's (the sign-in page's) p95.
 * Run as a single-file program: {@code java ReportTable.java <report dir> <seconds>}.
 */
public final class ReportTable {

    private ReportTable() {
    }

    record Row(String name, long total, long ko, long p50, long p95, long p99, double perSecond) {
    }

    public static void main(String[] args) throws Exception {
        String json = Files.readString(Path.of(args[0], "js", "stats.js"));
        List<Row> rows = new ArrayList<>();
        for (String block : json.split("type: \"REQUEST\"")) {
            Matcher name = Pattern.compile("name: \"([^\"]+)\"").matcher(block);
            if (!block.contains("\"percentiles3\"") || !name.find()) {
                continue;
            }
            rows.add(new Row(name.group(1), number(block, "numberOfRequests"), ko(block), number(block, "percentiles1"),
                    number(block, "percentiles3"), number(block, "percentiles4"), decimal(block)));
        }
        long floor = rows.stream().filter(r -> r.name().equals("floor: sign-in page")).mapToLong(Row::p95).findFirst()
                .orElse(0);
        System.out.println("| page | requests | failed | p50 ms | p95 ms | p99 ms | req/s | p95 / floor's p95 |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf("| %s | %d | %d | %d | %d | %d | %.1f | %s |%n", r.name(), r.total(), r.ko(), r.p50(), r.p95(),
                    r.p99(), r.perSecond(), floor == 0 ? "–" : String.format("%.1f×", (double) r.p95() / floor));
        }
    }

    private static long number(String block, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*\\{\\s*\"total\":\\s*\"?(\\d+)").matcher(block);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long ko(String block) {
        Matcher m = Pattern.compile("\"numberOfRequests\":\\s*\\{\\s*\"total\":\\s*\"?\\d+\"?,\\s*\"ok\":\\s*\"?\\d+\"?,\\s*\"ko\":\\s*\"?(\\d+)").matcher(block);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static double decimal(String block) {
        Matcher m = Pattern.compile("\"meanNumberOfRequestsPerSecond\":\\s*\\{\\s*\"total\":\\s*\"?([0-9.]+)").matcher(block);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
