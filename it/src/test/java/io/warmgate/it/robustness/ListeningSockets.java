package io.warmgate.it.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sockets a Linux process has bound for others to reach: TCP sockets in LISTEN state and UDP sockets, read
 * from {@code /proc}. The socket tables in {@code /proc/<pid>/net} list every socket of the network namespace;
 * the process's own are those whose inode appears among its file descriptors ({@code socket:[inode]}).
 */
final class ListeningSockets {

    /** TCP state LISTEN in /proc/net/tcp. */
    private static final String TCP_LISTEN = "0A";
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");

    private ListeningSockets() {
    }

    static boolean available() {
        return Files.isDirectory(Path.of("/proc/self/fd")) && Files.isReadable(Path.of("/proc/self/net/tcp"));
    }

    /** Entries like {@code tcp port 8080}, {@code tcp6 port 8080}, {@code udp port 5353}, sorted. */
    static Set<String> of(long pid) {
        Path process = Path.of("/proc", Long.toString(pid));
        Set<String> inodes = socketInodes(process.resolve("fd"));
        Set<String> bound = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            boolean tcp = table.startsWith("tcp");
            for (String[] columns : rows(process.resolve("net").resolve(table))) {
                // columns: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
                if (inodes.contains(columns[9]) && (!tcp || TCP_LISTEN.equals(columns[3]))) {
                    int port = Integer.parseInt(columns[1].substring(columns[1].indexOf(':') + 1), 16);
                    bound.add(table + " port " + port);
                }
            }
        }
        return bound;
    }

    private static Set<String> socketInodes(Path descriptors) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> links = Files.list(descriptors)) {
            links.forEach(link -> {
                try {
                    Matcher socket = SOCKET_LINK.matcher(Files.readSymbolicLink(link).toString());
                    if (socket.matches()) {
                        inodes.add(socket.group(1));
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    // the descriptor was closed while we looked
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + descriptors, e);
        }
        return inodes;
    }

    private static List<String[]> rows(Path table) {
        try (Stream<String> lines = Files.lines(table)) {
            return lines.skip(1).map(String::trim).filter(line -> !line.isEmpty()).map(line -> line.split("\\s+"))
                    .toList();
        } catch (NoSuchFileException noSuchProtocol) {
            return List.of(); // e.g. no IPv6 in this kernel
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table, e);
        }
    }
}
