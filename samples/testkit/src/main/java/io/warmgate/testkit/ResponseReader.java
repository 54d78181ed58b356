package io.warmgate.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Parses one HTTP/1.1 response from a stream: status line, header fields, then the body in any framing. */
final class ResponseReader {

    /** Guards against a broken server streaming forever into memory. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final int MAX_LINE_BYTES = 16 * 1024;
    private static final int MAX_HEADER_FIELDS = 200;

    record StatusLine(int status, String reason) {
    }

    private final InputStream in;

    ResponseReader(InputStream in) {
        this.in = in;
    }

    StatusLine readStatusLine() throws IOException {
        String line = readLine();
        if (line == null) {
            throw new ProtocolException("connection closed before a status line arrived");
        }
        // "HTTP/1.1 503 Service Unavailable"; the reason phrase may be empty or absent.
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new ProtocolException("malformed status line: " + line);
        }
        return new StatusLine(Integer.parseInt(parts[1]), parts.length == 3 ? parts[2] : "");
    }

    ResponseHeaders readHeaders() throws IOException {
        ResponseHeaders.Builder headers = ResponseHeaders.builder();
        for (int count = 0; count <= MAX_HEADER_FIELDS; count++) {
            String line = readLine();
            if (line == null) {
                throw new ProtocolException("connection closed inside the header section");
            }
            if (line.isEmpty()) {
                return headers.build();
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("malformed header field: " + line);
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        throw new ProtocolException("more than " + MAX_HEADER_FIELDS + " header fields");
    }

    byte[] readBody(String method, int status, ResponseHeaders headers) throws IOException {
        if (method.equals("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
            return new byte[0];
        }
        String transferEncoding = headers.first("Transfer-Encoding").orElse("").toLowerCase(Locale.ROOT);
        if (transferEncoding.endsWith("chunked")) {
            return readChunked();
        }
        if (headers.contains("Content-Length")) {
            return readExactly(parseLength(headers.first("Content-Length").get()));
        }
        return readUntilClose();
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new ProtocolException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';'); // chunk extensions are allowed and ignored
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("malformed chunk size: " + sizeLine);
            }
            if (size == 0) {
                skipTrailers();
                return body.toByteArray();
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY_BYTES) {
                throw new ProtocolException("chunked body larger than " + MAX_BODY_BYTES + " bytes");
            }
            body.write(readExactly(size));
            String end = readLine();
            if (end == null || !end.isEmpty()) {
                throw new ProtocolException("chunk not followed by CRLF");
            }
        }
    }

    private void skipTrailers() throws IOException {
        for (int count = 0; count <= MAX_HEADER_FIELDS; count++) {
            String line = readLine();
            if (line == null || line.isEmpty()) {
                return;
            }
        }
        throw new ProtocolException("more than " + MAX_HEADER_FIELDS + " trailer fields");
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new ProtocolException("body ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    private byte[] readUntilClose() throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ProtocolException("body larger than " + MAX_BODY_BYTES + " bytes");
        }
        return bytes;
    }

    private static int parseLength(String value) throws ProtocolException {
        try {
            long length = Long.parseLong(value.trim());
            if (length < 0 || length > MAX_BODY_BYTES) {
                throw new ProtocolException("unsupported Content-Length: " + value);
            }
            return (int) length;
        } catch (NumberFormatException e) {
            throw new ProtocolException("malformed Content-Length: " + value);
        }
    }

    /** One line without its CRLF (a bare LF is tolerated); null at end of stream before any byte. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new ProtocolException("line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new ProtocolException("connection closed in the middle of a line");
    }
}
