package be.biodiversity.portal.system.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of every case, as a Markdown table per category and a list of the failures. */
final class Summary {

    private final List<Outcome> outcomes = new ArrayList<>();

    synchronized void add(HostileCase hostileCase, Duration took, Throwable failure) {
        outcomes.add(new Outcome(hostileCase, took, failure));
    }

    synchronized String markdown() {
        Map<Category, int[]> counts = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            counts.put(category, new int[2]);
        }
        outcomes.forEach(o -> counts.get(o.hostileCase.category())[o.failure == null ? 0 : 1]++);
        long failed = outcomes.stream().filter(o -> o.failure != null).count();
        Duration slowest = outcomes.stream().map(Outcome::took).max(Duration::compareTo).orElse(Duration.ZERO);
        StringBuilder md = new StringBuilder();
        md.append("Run at ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(": ")
                .append(outcomes.size()).append(" cases, ").append(outcomes.size() - failed).append(" passed, ")
                .append(failed).append(" failed; slowest case ").append(slowest.toMillis()).append(" ms.\n\n");
        md.append("| category | cases | passed | failed |\n|---|---:|---:|---:|\n");
        counts.forEach((category, c) -> md.append("| ").append(category.title).append(" | ").append(c[0] + c[1])
                .append(" | ").append(c[0]).append(" | ").append(c[1]).append(" |\n"));
        md.append("| **all** | **").append(outcomes.size()).append("** | **").append(outcomes.size() - failed)
                .append("** | **").append(failed).append("** |\n");
        if (failed > 0) {
            md.append("\nFailed:\n\n");
            outcomes.stream().filter(o -> o.failure != null).forEach(o -> md.append("- ")
                    .append(o.hostileCase.category().title).append(": `").append(o.hostileCase.name().replace("`", "'"))
                    .append("`: ").append(firstLine(o.failure)).append('\n'));
        }
        return md.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Hostile input through the gateway\n\n" + markdown());
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage()).strip().replaceAll("\\s+", " ");
        return message.length() > 400 ? message.substring(0, 400) + "…" : message;
    }

    private record Outcome(HostileCase hostileCase, Duration took, Throwable failure) {
    }
}
