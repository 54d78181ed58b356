package io.warmgate.core.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestSyntaxTest {

    @Test
    void theMethodIsOptionalAndUpperCased() {
        WarmupRequest plain = RequestSyntax.parseRequestLine("  /api/items?id=1 ");
        assertThat(plain.method()).isEqualTo("GET");
        assertThat(plain.target()).isEqualTo("/api/items?id=1");
        assertThat(plain.headers()).isEmpty();
        assertThat(plain.body()).isNull();
        assertThat(RequestSyntax.parseRequestLine("head /a").method()).isEqualTo("HEAD");
        assertThat(RequestSyntax.parseRequestLine("POST\t/orders").toString()).isEqualTo("POST /orders");
    }

    @Test
    void onlyGetAndHeadAreSafe() {
        assertThat(RequestSyntax.parseRequestLine("GET /a").isSafe()).isTrue();
        assertThat(RequestSyntax.parseRequestLine("head /a").isSafe()).isTrue();
        assertThat(RequestSyntax.parseRequestLine("OPTIONS /a").isSafe()).isFalse();
        assertThat(RequestSyntax.parseRequestLine("POST /a").isSafe()).isFalse();
        assertThat(RequestSyntax.allowsBody("PUT")).isTrue();
        assertThat(RequestSyntax.allowsBody("DELETE")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api/items", "GET api", "GET /a /b", "G(T /a", ""})
    void anythingElseIsNotARequestLine(String line) {
        assertThatThrownBy(() -> RequestSyntax.parseRequestLine(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + line.trim() + "' is not of the form [METHOD] /path");
    }

    @Test
    void targetsMustBeSafeToWriteOnTheWire() {
        assertThatThrownBy(() -> RequestSyntax.parseRequestLine("GET /caf\u00e9"))
                .hasMessageContaining("not printable ASCII; percent-encode it");
        assertThatThrownBy(() -> RequestSyntax.parseRequestLine("GET /a\u0000b"))
                .hasMessageContaining("not printable ASCII");
        assertThatThrownBy(() -> RequestSyntax.parseRequestLine("GET /a#top"))
                .hasMessageContaining("contains '#'");
        assertThatThrownBy(() -> RequestSyntax.parseRequestLine("GET /" + "a".repeat(8000)))
                .hasMessageContaining("is longer than 8000 characters");
    }

    @Test
    void headersAreNameColonValue() {
        HeaderField header = RequestSyntax.parseHeader("Authorization :  Bearer abc ");
        assertThat(header.name()).isEqualTo("Authorization");
        assertThat(header.value()).isEqualTo("Bearer abc");
        assertThat(RequestSyntax.parseHeader("X-Empty:").value()).isEmpty();
        assertThat(RequestSyntax.parseHeader("Host: shop.example").name()).isEqualTo("Host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NoColon", ": value", "Bad Name: x", "Na(me: x"})
    void badHeaderShapesAreRefused(String line) {
        assertThatThrownBy(() -> RequestSyntax.parseHeader(line))
                .hasMessageEndingWith("is not of the form Name: value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connection: keep-alive", "content-length: 5", "Transfer-Encoding: chunked",
        "X-Warmgate-Warmup: guess"})
    void headersTheClientWritesItselfAreRefused(String line) {
        assertThatThrownBy(() -> RequestSyntax.parseHeader(line)).hasMessageContaining("is set by warmgate itself");
    }

    @Test
    void headerValuesCannotSmuggleLinesAndAreNotQuotedInErrors() {
        assertThatThrownBy(() -> RequestSyntax.parseHeader("X-A: secret\r\nX-B: 1"))
                .hasMessage("the value of header X-A contains a control or non-ASCII character")
                .hasMessageNotContaining("secret");
        assertThat(RequestSyntax.parseHeader("X-Tab: a\tb").value()).isEqualTo("a\tb");
    }
}
