package io.warmgate.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    /** The stream left after reading, to prove the reader consumed exactly the response and nothing more. */
    private static final String NEXT = "NEXT";

    private static InputStream stream(String response) {
        return new ByteArrayInputStream((response + NEXT).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String rest(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void contentLengthBodyIsReadExactly() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: b\r\n\r\nhello");
        assertThat(new ResponseReader(in).readResponse("GET")).isEqualTo(200);
        assertThat(rest(in)).isEqualTo(NEXT);
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailersIsReadExactly() throws IOException {
        InputStream in = stream("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n");
        assertThat(new ResponseReader(in).readResponse("GET")).isEqualTo(404);
        assertThat(rest(in)).isEqualTo(NEXT);
    }

    @Test
    void withoutFramingTheBodyRunsToTheEndOfTheConnection() throws IOException {
        InputStream in = stream("HTTP/1.0 200\nServer: old\n\nall of this is body");
        assertThat(new ResponseReader(in).readResponse("GET")).isEqualTo(200);
        assertThat(rest(in)).isEmpty();
    }

    @Test
    void headAnd204And304HaveNoBodyWhateverTheHeadersSay() throws IOException {
        for (String[] exchange : new String[][] {{"HEAD", "200"}, {"GET", "204"}, {"GET", "304"}}) {
            InputStream in = stream("HTTP/1.1 " + exchange[1] + " X\r\nContent-Length: 99\r\n\r\n");
            assertThat(new ResponseReader(in).readResponse(exchange[0])).isEqualTo(Integer.parseInt(exchange[1]));
            assertThat(rest(in)).isEqualTo(NEXT);
        }
    }

    @Test
    void interimAnswersAreSkipped() throws IOException {
        InputStream in = stream("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        assertThat(new ResponseReader(in).readResponse("POST")).isEqualTo(201);
        assertThat(rest(in)).isEqualTo(NEXT);
    }

    @Test
    void aCutShortAnswerIsAnError() {
        assertThatThrownBy(() -> new ResponseReader(new ByteArrayInputStream(
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.ISO_8859_1)))
                .readResponse("GET")).isInstanceOf(EOFException.class).hasMessage("the answer ended 7 bytes early");
        assertThatThrownBy(() -> new ResponseReader(new ByteArrayInputStream(new byte[0])).readResponse("GET"))
                .isInstanceOf(EOFException.class).hasMessage("the connection closed without a complete answer");
    }

    @Test
    void somethingThatIsNotHttpIsAnError() {
        String[] garbages = {"SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n", "HTTP/1.1 2000\r\n\r\n"};
        for (String garbage : garbages) {
            assertThatThrownBy(() -> new ResponseReader(stream(garbage)).readResponse("GET"))
                    .isInstanceOf(IOException.class).hasMessageStartingWith("not an HTTP status line");
        }
        assertThatThrownBy(() -> new ResponseReader(stream("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"))
                .readResponse("GET")).hasMessage("bad Content-Length: '-1'");
    }
}
