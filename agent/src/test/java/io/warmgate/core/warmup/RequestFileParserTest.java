package io.warmgate.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestFileParserTest {

    @TempDir
    Path folder;

    private Path file(String content) throws IOException {
        Path file = folder.resolve("warmup.txt");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void requestLinesWithHeadersBodiesAndComments() throws Exception {
        Files.writeString(folder.resolve("order.json"), "{\"item\":1}");
        Path file = file("# warm the catalog\n"
                + "\n"
                + "GET /api/items?id=1\n"
                + "   /api/items?id=2   \n"
                + "Accept: application/json\r\n"
                + "X-Tenant: blue\n"
                + "  # comments may be indented\n"
                + "POST /api/orders\n"
                + "Content-Type: application/json\n"
                + "< order.json\n"
                + "HEAD /api/ping:now\n");
        List<WarmupRequest> requests = RequestFileParser.parse(file, true);
        assertThat(requests).extracting(WarmupRequest::toString)
                .containsExactly("GET /api/items?id=1", "GET /api/items?id=2", "POST /api/orders",
                        "HEAD /api/ping:now");
        assertThat(requests.get(0).headers()).isEmpty();
        assertThat(requests.get(1).headers()).extracting(HeaderField::toString)
                .containsExactly("Accept: application/json", "X-Tenant: blue");
        assertThat(new String(requests.get(2).body(), StandardCharsets.UTF_8)).isEqualTo("{\"item\":1}");
        assertThat(requests.get(3).body()).isNull();
    }

    @Test
    void anUnsafeMethodNeedsTheSwitchAndTheErrorNamesTheLine() throws Exception {
        Path file = file("GET /a\n\nPOST /orders\n");
        assertThatThrownBy(() -> RequestFileParser.parse(file, false))
                .isInstanceOf(WarmupPlanException.class)
                .hasMessage("warmup.file=" + file + " line 3: 'POST /orders' uses POST; only GET and HEAD are sent "
                        + "unless warmup.unsafe-methods=true");
        assertThat(RequestFileParser.parse(file, true)).hasSize(2);
    }

    @Test
    void badLinesAreReportedWithTheirNumber() throws Exception {
        assertThatThrownBy(() -> RequestFileParser.parse(file("Accept: x\nGET /a\n"), false))
                .hasMessageEndingWith(" line 1: a header line must follow a request line");
        assertThatThrownBy(() -> RequestFileParser.parse(file("GET /a\nGET api\n"), false))
                .hasMessageEndingWith(" line 2: 'GET api' is not of the form [METHOD] /path");
        assertThatThrownBy(() -> RequestFileParser.parse(file("GET /a\nConnection: keep-alive\n"), false))
                .hasMessageEndingWith(" line 2: header Connection is set by warmgate itself and cannot be configured");
        assertThatThrownBy(() -> RequestFileParser.parse(file("< body.json\n"), true))
                .hasMessageEndingWith(" line 1: a body line (< file) must follow a request line");
    }

    @Test
    void onlyPostPutAndPatchCarryABodyAndOnlyOne() throws Exception {
        Files.writeString(folder.resolve("b.txt"), "x");
        assertThatThrownBy(() -> RequestFileParser.parse(file("GET /a\n< b.txt\n"), true))
                .hasMessageEndingWith(" line 2: 'GET /a' cannot carry a body; only POST, PUT and PATCH can");
        assertThatThrownBy(() -> RequestFileParser.parse(file("PUT /a\n< b.txt\n< b.txt\n"), true))
                .hasMessageEndingWith(" line 3: 'PUT /a' already has a body");
        assertThatThrownBy(() -> RequestFileParser.parse(file("PUT /a\n<\n"), true))
                .hasMessageEndingWith(" line 2: a body line needs a file name, such as < body.json");
        assertThatThrownBy(() -> RequestFileParser.parse(file("PATCH /a\n< missing.json\n"), true))
                .hasMessageContaining(" line 2: the body file ")
                .hasMessageEndingWith("missing.json does not exist or is not a regular file");
    }

    @Test
    void anEmptyMissingOrHugeFileIsAnError() throws Exception {
        assertThatThrownBy(() -> RequestFileParser.parse(file("# nothing\n\n"), false))
                .hasMessageEndingWith(": the file contains no request line ([METHOD] /path)");
        Path missing = folder.resolve("nope.txt");
        assertThatThrownBy(() -> RequestFileParser.parse(missing, false))
                .hasMessage("warmup.file=" + missing + ": the request file does not exist or is not a regular file");
        Path huge = file("GET /a\n" + "#".repeat(RequestFileParser.MAX_FILE_BYTES));
        assertThatThrownBy(() -> RequestFileParser.parse(huge, false))
                .hasMessage("warmup.file=" + huge + ": the request file is larger than 1048576 bytes");
    }
}
