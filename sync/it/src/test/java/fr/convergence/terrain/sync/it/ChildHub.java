package fr.convergence.terrain.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** `terrain-hub serve` in a JVM of its own, on one port, killed and started again by the test. */
final class ChildHub implements AutoCloseable {
    /**
     * The JVM options the hub is shipped with ({@code TERRAIN_HUB_JAVA_OPTS} of conf/terrain-hub.env.example, which
     * systemd reads): what the benchmarks measure the hub's memory with.
     */
    static final List<String> SHIPPED_OPTIONS = shippedOptions();

    private final String url;
    private final int port;
    private final Path log;
    private final List<String> jvmOptions;
    private Process process;

    /** A hub on {@code url}'s database, on a free port of 127.0.0.1, with the JVM's default options. */
    ChildHub(String url, Path dir) throws Exception {
        this(url, dir, List.of());
    }

    ChildHub(String url, Path dir, List<String> jvmOptions) throws Exception {
        this.url = url;
        this.port = freePort();
        this.log = dir.resolve("child-hub.log");
        this.jvmOptions = List.copyOf(jvmOptions);
        start();
    }

    private static List<String> shippedOptions() {
        Path example = Path.of("..", "hub", "src", "main", "dist", "conf", "terrain-hub.env.example");
        try {
            String line = Files.readAllLines(example).stream().filter(l -> l.startsWith("TERRAIN_HUB_JAVA_OPTS="))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no TERRAIN_HUB_JAVA_OPTS in " + example));
            return List.of(line.substring(line.indexOf('=') + 1).replace("\"", "").trim().split(" +"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void start() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "fr.convergence.terrain.hub.cli.HubCommand",
                "serve", "--db", url, "--port", String.valueOf(port), "--host", "127.0.0.1",
                "--sync-per-minute", "0", "--auth-failures-per-minute", "0", "--enrol-per-minute", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (System.getenv("PGPASSWORD") != null) {
            builder.environment().put("TERRAIN_HUB_DB_PASSWORD", System.getenv("PGPASSWORD"));
        }
        process = builder.start();
        // The hub says when it listens (`terrain-hub serve` prints it once its port is open): its output is copied
        // to the log, and the start waits for that line — or for the end of the output, if the hub stops.
        CountDownLatch listening = new CountDownLatch(1);
        Process started = process;
        Thread copy = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(started.getInputStream(),
                    StandardCharsets.UTF_8)); Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    file.write(line + System.lineSeparator());
                    file.flush();
                    if (line.contains("sur le port " + port)) {
                        listening.countDown();
                    }
                }
            } catch (IOException ended) {
                // the process was killed: its output ends here
            } finally {
                listening.countDown();
            }
        }, "child-hub-output");
        copy.setDaemon(true);
        copy.start();
        if (!listening.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the hub did not listen on " + port + " within a minute: see " + log);
        }
        if (!process.isAlive()) {
            throw new AssertionError("the hub stopped at start-up: see " + log);
        }
    }

    /** The most memory the hub's process has held so far (its peak resident set, Linux), in MiB. */
    long peakResidentMebibytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IOException("no VmHWM for the hub's process " + process.pid());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGKILL: no shutdown hook, no transaction finished. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
