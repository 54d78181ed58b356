package io.warmgate.core.record;

import io.warmgate.core.Durations;
import io.warmgate.core.warmup.RequestSyntax;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a recording in the {@code warmup.file} format, atomically: into a temporary file of its own in the same
 * folder, flushed to disk, then renamed over the target. A reader, or another JVM writing the same path, only ever
 * sees a whole old file or a whole new one; with several writers the last rename wins.
 */
final class RecordingFile {

    /** What {@code warmup.file} reads at most; a recording stays below it so that it can always be replayed. */
    static final int MAX_BYTES = 1024 * 1024;
    /** Room left for the comment header. */
    private static final int HEADER_ROOM = 2048;

    private final Path target;

    RecordingFile(Path target) {
        this.target = target;
    }

    Path target() {
        return target;
    }

    /** The figures the header states. */
    static final class Summary {
        final String writtenAt;
        final long recordingNanos;
        final long requestsSeen;
        final long counted;

        /**
         * @param writtenAt      ISO-8601 UTC
         * @param requestsSeen   GET and HEAD business requests without a 5xx
         * @param counted        what the lines' counts are a share of ({@link FrequentLines#total()})
         */
        Summary(String writtenAt, long recordingNanos, long requestsSeen, long counted) {
            this.writtenAt = writtenAt;
            this.recordingNanos = recordingNanos;
            this.requestsSeen = requestsSeen;
            this.counted = counted;
        }
    }

    /**
     * The lines to write: the given ones that still parse as {@code warmup.file} request lines (the same rules
     * the replay applies), as many as fit in {@link #MAX_BYTES}.
     */
    static List<FrequentLines.Counted> writable(List<FrequentLines.Counted> top) {
        List<FrequentLines.Counted> kept = new ArrayList<FrequentLines.Counted>(top.size());
        int bytes = HEADER_ROOM;
        for (FrequentLines.Counted line : top) {
            try {
                RequestSyntax.parseRequestLine(line.line);
            } catch (IllegalArgumentException unusable) {
                continue;
            }
            bytes += line.line.length() + 1; // ASCII only, as the syntax demands
            if (bytes > MAX_BYTES) {
                break;
            }
            kept.add(line);
        }
        return kept;
    }

    /** The file's text: a comment header, then one request line per line, most frequent first. */
    static String format(List<FrequentLines.Counted> lines, Summary summary) {
        long covered = 0;
        for (FrequentLines.Counted line : lines) {
            covered += line.count;
        }
        double share = summary.counted == 0 ? 0.0 : Math.min(100.0, 100.0 * covered / summary.counted);
        StringBuilder text = new StringBuilder(HEADER_ROOM + 64 * lines.size())
                .append("# warmgate recording (warmup.record): the most frequent GET and HEAD requests this instance ")
                .append("served, most frequent first.\n")
                .append("# written ").append(summary.writtenAt).append(" after ")
                .append(Durations.roughly(summary.recordingNanos)).append(" of recording; ")
                .append(summary.requestsSeen).append(" requests seen (GET and HEAD, no 5xx); counted on a sample ")
                .append("that favours recent traffic, these ").append(lines.size()).append(lines.size() == 1
                        ? " line covers about " : " lines cover about ").append(percent(share)).append(" of them.\n")
                .append("# Replayed as the warm-up at the next start; overwritten by the next recording. No header ")
                .append("values, no credential-like query parameters.\n");
        for (FrequentLines.Counted line : lines) {
            text.append(line.line).append('\n');
        }
        return text.toString();
    }

    private static String percent(double share) {
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(share) + "%";
    }

    /**
     * Writes {@code text} to a new temporary file next to the target and renames it over the target in one step.
     * Never writes the target in place: without an atomic rename (some network file systems) nothing is written.
     *
     * @throws IOException when the folder is missing or not writable, or the rename is not atomic
     */
    void write(String text) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            try {
                OutputStream out = Channels.newOutputStream(channel);
                out.write(text.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                channel.force(true); // on disk before the rename makes it the file
            } finally {
                channel.close();
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            throw new IOException("the file system cannot rename " + temporary.getFileName() + " over "
                    + target.getFileName() + " atomically, and a file written in place could be read torn");
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
