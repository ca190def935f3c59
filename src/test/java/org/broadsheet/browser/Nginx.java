package org.broadsheet.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx serving a folder under a sub-path ({@code /archive/}) on 127.0.0.1, the way a newspaper's
 * site is usually published: a test server that behaves like production (MIME types, charset, index files,
 * the site's own 404 page), not a stand-in.
 *
 * <p>Everything nginx writes (config, pid, logs, temp folders) lives in its own temporary prefix folder, which
 * {@link #close()} deletes; the folder it serves is only read.
 */
public final class Nginx implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Path MIME_TYPES = Path.of("/etc/nginx/mime.types");
    private static final int ATTEMPTS = 5;

    private final Path prefix;
    private final int port;
    private final String location;
    private final Process process;

    private Nginx(Path prefix, int port, String location, Process process) {
        this.prefix = prefix;
        this.port = port;
        this.location = location;
        this.process = process;
    }

    /**
     * Starts nginx serving {@code root} at {@code http://127.0.0.1:PORT/NAME/}, and returns once it answers.
     * {@code root} need not exist yet: it is read per request.
     *
     * @param name the sub-path without slashes, e.g. {@code archive}
     */
    public static Nginx serve(Path root, String name) {
        if (!Files.isExecutable(BINARY) || !Files.isReadable(MIME_TYPES)) {
            fail(BINARY + " (or " + MIME_TYPES + ") is missing: the browser tests serve the site with Debian's "
                    + "nginx. Run ./run-tests, which installs it (as root), or: sudo apt-get install -y nginx");
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("sub-path must be one plain segment: " + name);
        }
        String location = "/" + name + "/";
        IOException last = null;
        // The free port is found by binding and closing a socket: another process may take it before nginx
        // binds it, so a start that fails on the port is retried with a new one.
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Path prefix = null;
            try {
                prefix = Files.createTempDirectory("broadsheet-nginx-");
                int port = freePort();
                Process process = start(prefix, root.toAbsolutePath().normalize(), location, port);
                if (waitUntilListening(process, port)) {
                    return new Nginx(prefix, port, location, process);
                }
                stop(process);
                String log = errorLog(prefix);
                TempFolders.delete(prefix);
                if (!log.contains("Address already in use")) {
                    throw new IllegalStateException("nginx did not start (exit " + exitCode(process) + "):\n" + log);
                }
            } catch (IOException e) {
                last = e;
                if (prefix != null) {
                    TempFolders.delete(prefix);
                }
            }
        }
        throw new IllegalStateException("nginx did not start after " + ATTEMPTS + " attempts", last);
    }

    /** The site's address, ending in a slash, e.g. {@code http://127.0.0.1:41234/archive/}. */
    public String url() {
        return "http://127.0.0.1:" + port + location;
    }

    public int port() {
        return port;
    }

    /** nginx's error log so far, for failure messages. */
    public String errorLog() {
        return errorLog(prefix);
    }

    @Override
    public void close() {
        try {
            stop(process);
        } finally {
            TempFolders.delete(prefix);
        }
    }

    private static Process start(Path prefix, Path root, String location, int port) throws IOException {
        Path logs = Files.createDirectories(prefix.resolve("logs"));
        Path temp = Files.createDirectories(prefix.resolve("temp"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config(prefix, logs, temp, root, location, port), StandardCharsets.UTF_8);
        // -e: the error log before the config is read (otherwise nginx tries /var/log/nginx/error.log first).
        ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "-p", prefix + "/", "-c", conf.toString(),
                "-e", logs.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("console.log").toFile());
        return builder.start();
    }

    static String config(Path prefix, Path logs, Path temp, Path root, String location, int port) {
        // Workers of a root master run as nobody, who cannot enter the test's private temporary folders.
        String user = runningAsRoot() ? "user root;\n" : "";
        return user + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %2$s/error.log warn;
                events { worker_connections 64; }
                http {
                    include %3$s;
                    default_type application/octet-stream;
                    types_hash_max_size 2048;
                    charset utf-8;
                    charset_types text/css text/plain text/xml application/javascript application/json
                                  application/rss+xml application/atom+xml;
                    sendfile on;
                    absolute_redirect off;
                    access_log %2$s/access.log;
                    client_body_temp_path %4$s/client_body;
                    proxy_temp_path %4$s/proxy;
                    fastcgi_temp_path %4$s/fastcgi;
                    uwsgi_temp_path %4$s/uwsgi;
                    scgi_temp_path %4$s/scgi;
                    server {
                        listen 127.0.0.1:%5$d;
                        server_name localhost;
                        location = %6$s { return 301 %7$s; }
                        location %7$s {
                            alias %8$s/;
                            index index.html;
                        }
                        error_page 404 %7$s404.html;
                    }
                }
                """.formatted(prefix, logs, MIME_TYPES, temp, port, location.substring(0, location.length() - 1),
                location, root);
    }

    private static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | ClassCastException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** True once the port accepts connections; false when nginx exited or did not answer within 15 s. */
    private static boolean waitUntilListening(Process process, int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return true;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        return false;
    }

    /** SIGTERM (nginx's fast shutdown), then, if needed, kills the master and its workers: all ours. */
    private static void stop(Process process) {
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle worker : workers) {
            if (worker.isAlive()) {
                worker.destroyForcibly();
            }
        }
    }

    private static String exitCode(Process process) {
        return process.isAlive() ? "none, still running" : String.valueOf(process.exitValue());
    }

    private static String errorLog(Path prefix) {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("logs/console.log", "logs/error.log")) {
            Path file = prefix.resolve(name);
            try {
                if (Files.isRegularFile(file)) {
                    text.append(Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                text.append("(cannot read ").append(file).append(": ").append(e).append(")\n");
            }
        }
        return text.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
