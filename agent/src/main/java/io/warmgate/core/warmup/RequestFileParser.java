package io.warmgate.core.warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code warmup.file}. One request per line, with optional header lines and an optional body file
 * after it:
 *
 * <pre>
 * # a comment; blank lines are ignored
 * GET /api/items?id=1
 * /api/items?id=2                 the method defaults to GET
 * Accept: application/json        a header for the request above
 * POST /api/search
 * Content-Type: application/json
 * &lt; search-body.json              the body, read from this file (relative to the request file's folder)
 * </pre>
 *
 * The file and its body files are read once, when the agent starts, so a problem in them turns the agent off
 * with one clear line instead of surfacing during the deploy.
 */
final class RequestFileParser {

    /** Request files and body files are configuration, not data: anything larger is a mistake. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private final Path file;
    /** The key that named the file, for messages. */
    private final String key;
    private final boolean unsafeAllowed;
    private final List<WarmupRequest> requests = new ArrayList<WarmupRequest>();
    private WarmupRequest current;
    private int lineNumber;

    private RequestFileParser(Path file, String key, boolean unsafeAllowed) {
        this.file = file;
        this.key = key;
        this.unsafeAllowed = unsafeAllowed;
    }

    /**
     * @param unsafeAllowed {@code warmup.unsafe-methods}: without it a method other than GET or HEAD is an error
     * @throws WarmupPlanException naming the file and, for a bad line, its number
     */
    static List<WarmupRequest> parse(Path file, boolean unsafeAllowed) throws WarmupPlanException {
        return parse(file, "warmup.file", unsafeAllowed);
    }

    /** @param key the key that named the file ({@code warmup.file}, {@code warmup.record}), for messages */
    static List<WarmupRequest> parse(Path file, String key, boolean unsafeAllowed) throws WarmupPlanException {
        return new RequestFileParser(file, key, unsafeAllowed).parseAll();
    }

    private List<WarmupRequest> parseAll() throws WarmupPlanException {
        String text = new String(readSmallFile(file, "the request file"), StandardCharsets.UTF_8);
        for (String line : text.split("\r\n|\r|\n", -1)) {
            lineNumber++;
            parseLine(line.trim());
        }
        finishRequest();
        if (requests.isEmpty()) {
            throw new WarmupPlanException(prefix() + ": the file contains no request line ([METHOD] /path)");
        }
        return requests;
    }

    private void parseLine(String line) throws WarmupPlanException {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        if (line.startsWith("<")) {
            attachBody(line.substring(1).trim());
        } else if (isHeaderLine(line)) {
            attachHeader(line);
        } else {
            startRequest(line);
        }
    }

    /** {@code Name: value}; a request line never has a token directly before a ':' ("GET /a:b" is a request). */
    private static boolean isHeaderLine(String line) {
        int colon = line.indexOf(':');
        return colon > 0 && RequestSyntax.isToken(line.substring(0, colon).trim());
    }

    private void startRequest(String line) throws WarmupPlanException {
        finishRequest();
        WarmupRequest request;
        try {
            request = RequestSyntax.parseRequestLine(line);
        } catch (IllegalArgumentException bad) {
            throw lineError(bad.getMessage());
        }
        if (!request.isSafe() && !unsafeAllowed) {
            throw lineError("'" + request + "' uses " + request.method() + "; only GET and HEAD are sent unless "
                    + "warmup.unsafe-methods=true");
        }
        current = request;
    }

    private void attachHeader(String line) throws WarmupPlanException {
        if (current == null) {
            throw lineError("a header line must follow a request line");
        }
        try {
            current = current.withHeader(RequestSyntax.parseHeader(line));
        } catch (IllegalArgumentException bad) {
            throw lineError(bad.getMessage());
        }
    }

    private void attachBody(String bodyFileName) throws WarmupPlanException {
        if (current == null) {
            throw lineError("a body line (< file) must follow a request line");
        }
        if (!RequestSyntax.allowsBody(current.method())) {
            throw lineError("'" + current + "' cannot carry a body; only POST, PUT and PATCH can");
        }
        if (current.hasBody()) {
            throw lineError("'" + current + "' already has a body");
        }
        if (bodyFileName.isEmpty()) {
            throw lineError("a body line needs a file name, such as < body.json");
        }
        Path folder = file.toAbsolutePath().getParent();
        Path bodyFile = folder == null ? file.getFileSystem().getPath(bodyFileName) : folder.resolve(bodyFileName);
        current = current.withBody(readSmallFile(bodyFile, "the body file " + bodyFile));
    }

    private void finishRequest() {
        if (current != null) {
            requests.add(current);
            current = null;
        }
    }

    private byte[] readSmallFile(Path path, String what) throws WarmupPlanException {
        if (!Files.isRegularFile(path)) {
            throw new WarmupPlanException(where() + ": " + what + " does not exist or is not a regular file");
        }
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new WarmupPlanException(where() + ": " + what + " is larger than " + MAX_FILE_BYTES
                        + " bytes");
            }
            InputStream in = Files.newInputStream(path);
            try {
                return readAtMost(in, MAX_FILE_BYTES, where() + ": " + what);
            } finally {
                in.close();
            }
        } catch (IOException unreadable) {
            throw new WarmupPlanException(where() + ": " + what + " cannot be read (" + unreadable + ")");
        }
    }

    /** Bounded even if the file grows between the size check and the read. */
    private static byte[] readAtMost(InputStream in, int max, String what) throws IOException, WarmupPlanException {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (content.size() + read > max) {
                throw new WarmupPlanException(what + " is larger than " + max + " bytes");
            }
            content.write(buffer, 0, read);
        }
        return content.toByteArray();
    }

    private WarmupPlanException lineError(String detail) {
        return new WarmupPlanException(prefix() + " line " + lineNumber + ": " + detail);
    }

    /** Where an error is: the file, and the line once reading has started. */
    private String where() {
        return lineNumber == 0 ? prefix() : prefix() + " line " + lineNumber;
    }

    private String prefix() {
        return key + "=" + file;
    }
}
