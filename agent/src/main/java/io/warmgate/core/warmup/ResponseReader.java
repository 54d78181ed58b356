package io.warmgate.core.warmup;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response far enough to know its status, and then reads and discards its body, because a
 * warm-up request is only done (and its latency only measured) when the application has written everything.
 *
 * <p>Handles the framings a server may choose: {@code Content-Length}, chunked, or "until the connection
 * closes" (the request asks for {@code Connection: close}). Every size is bounded, so a broken server cannot make
 * the warm-up read forever; time is bounded by the socket's read timeout.
 */
final class ResponseReader {

    static final int MAX_LINE_BYTES = 16 * 1024;
    static final int MAX_HEADER_LINES = 256;
    /** Bodies are discarded; beyond this the answer is considered complete enough and the connection dropped. */
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    private final InputStream in;
    private final byte[] skipBuffer = new byte[8192];

    ResponseReader(InputStream in) {
        this.in = in;
    }

    /**
     * @param method the request's method: the answer to HEAD never has a body
     * @return the final status (interim 1xx answers such as 103 Early Hints are skipped)
     */
    int readResponse(String method) throws IOException {
        int status = readStatusLine();
        while (status >= 100 && status < 200 && status != 101) {
            readHeaders(); // interim answer: headers only, the real one follows
            status = readStatusLine();
        }
        Framing framing = readHeaders();
        if ("HEAD".equals(method) || status == 204 || status == 304 || status < 200) {
            return status;
        }
        if (framing.chunked) {
            skipChunkedBody();
        } else if (framing.contentLength >= 0) {
            skipExactly(framing.contentLength);
        } else {
            skipToEnd();
        }
        return status;
    }

    /** {@code HTTP/1.1 200 OK}; the reason phrase may be empty or missing. */
    private int readStatusLine() throws IOException {
        String line = readLine();
        if (!line.startsWith("HTTP/") || line.length() < 12 || line.charAt(8) != ' '
                || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new IOException("not an HTTP status line: '" + printable(line) + "'");
        }
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char digit = line.charAt(i);
            if (digit < '0' || digit > '9') {
                throw new IOException("not an HTTP status line: '" + printable(line) + "'");
            }
            status = status * 10 + (digit - '0');
        }
        return status;
    }

    /** How the body is delimited, from the headers. */
    private static final class Framing {
        long contentLength = -1;
        boolean chunked;
    }

    private Framing readHeaders() throws IOException {
        Framing framing = new Framing();
        for (int count = 0; ; count++) {
            String line = readLine();
            if (line.isEmpty()) {
                return framing;
            }
            if (count >= MAX_HEADER_LINES) {
                throw new IOException("more than " + MAX_HEADER_LINES + " header lines in the answer");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // tolerated: a server's odd line must not fail the warm-up request
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("transfer-encoding")) {
                // Chunked is always the last coding when present (RFC 9112 section 6.1).
                framing.chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
            } else if (name.equals("content-length")) {
                framing.contentLength = parseLength(value, 10, "Content-Length");
            }
        }
    }

    private void skipChunkedBody() throws IOException {
        long total = 0;
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            long size = parseLength((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16,
                    "chunk size");
            if (size == 0) {
                readHeaders(); // trailer fields, up to the empty line
                return;
            }
            total += size;
            if (total > MAX_BODY_BYTES) {
                return; // enough: the connection is closed anyway
            }
            skipExactly(size);
            if (!readLine().isEmpty()) {
                throw new IOException("a chunk is not followed by CRLF");
            }
        }
    }

    private void skipExactly(long length) throws IOException {
        long remaining = Math.min(length, MAX_BODY_BYTES);
        while (remaining > 0) {
            int read = in.read(skipBuffer, 0, (int) Math.min(skipBuffer.length, remaining));
            if (read < 0) {
                throw new EOFException("the answer ended " + remaining + " bytes early");
            }
            remaining -= read;
        }
    }

    private void skipToEnd() throws IOException {
        long total = 0;
        int read;
        while (total <= MAX_BODY_BYTES && (read = in.read(skipBuffer)) != -1) {
            total += read;
        }
    }

    /** One line without its CR LF (a bare LF is accepted too). End of stream before any byte is an error. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(line.size() == 0 ? "the connection closed without a complete answer"
                        : "the answer ended in the middle of a line");
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("a line of the answer is longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static long parseLength(String text, int radix, String what) throws IOException {
        if (text.isEmpty() || text.length() > 15) {
            throw new IOException("bad " + what + ": '" + printable(text) + "'");
        }
        try {
            long value = Long.parseLong(text, radix);
            if (value < 0) {
                throw new IOException("bad " + what + ": '" + printable(text) + "'");
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new IOException("bad " + what + ": '" + printable(text) + "'");
        }
    }

    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && i < 60; i++) {
            char c = text.charAt(i);
            shown.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return shown.toString();
    }
}
