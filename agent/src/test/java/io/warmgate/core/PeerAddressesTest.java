package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeerAddressesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1.2.3.4|1.2.3.4",
        "0.0.0.0|0.0.0.0",
        "255.255.255.255|255.255.255.255",
        "'  10.0.1.7 '|10.0.1.7",
        "127.0.0.1|127.0.0.1",
    })
    void ipv4IsKeptAsGiven(String raw, String canonical) {
        assertThat(PeerAddresses.canonicalize(raw)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // RFC 5952 section 4 examples
        "2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1",
        "2001:0db8:0000:0000:0000:0000:0002:0001|2001:db8::2:1",
        "2001:db8:0:1:1:1:1:1|2001:db8:0:1:1:1:1:1",
        "2001:db8::0:1|2001:db8::1",
        "2001:db8:0:0:0::1|2001:db8::1",
        "2001:DB8::AAAA:1|2001:db8::aaaa:1",
        "2001:0:0:1:0:0:0:1|2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:0|2001:db8:0:0:1::",
        "0:0:0:0:0:0:0:1|::1",
        "0:0:0:0:0:0:0:0|::",
        "::|::",
        "::1|::1",
        "[::1]|::1",
        "' [2001:db8::1] '|2001:db8::1",
        "::1%lo|::1",
        "fe80::1%eth0|fe80::1",
        "[fe80::1%25eth0]|fe80::1",
        "1::|1::",
        "1:0:0:0:0:0:0:0|1::",
        "fe80:0:0:0:0:0:0:0|fe80::",
        "1:2:3:4:5:6:7:8|1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::|1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8|0:2:3:4:5:6:7:8",
        "0001:0002:0000:0000:0000:0000:0000:000f|1:2::f",
        // embedded IPv4
        "::ffff:1.2.3.4|1.2.3.4",
        "::FFFF:10.0.1.7|10.0.1.7",
        "0:0:0:0:0:ffff:7f00:1|127.0.0.1",
        "[::ffff:127.0.0.2]|127.0.0.2",
        "::1.2.3.4|::102:304",
        "64:ff9b::192.0.2.33|64:ff9b::c000:221",
    })
    void ipv6IsPrintedInRfc5952Form(String raw, String canonical) {
        assertThat(PeerAddresses.canonicalize(raw)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
        " ", "abc", "1.2.3", "1.2.3.4.5", "300.1.1.1", "1.2.3.256", "1.2.3.-1", "01.2.3.4", "1.2.3.4 x", "x1.2.3.4",
        "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4/24", "1234.1.1.1", "1.2.3.4%eth0",
        "1::2::3", ":::", ":1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "g::1", "::1%", "[::1",
        "::1]", "[]", "[1.2.3.4]", "1:2:3:4:5:6:7:8::", "::1.2.3", "::1.2.3.4:5", "1.2.3.4::", "::ffff:300.1.1.1",
        "localhost", "lb-1.example.com", "example.com", "[::1]:443", "1.2.3.4:80", "\uff11.2.3.4", "::\u0661",
    })
    void garbageIsRejected(String raw) {
        assertThat(PeerAddresses.canonicalize(raw)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1.2.3.4|1.2.3.4",
        "1.2.3.4:8080|1.2.3.4",
        "[2001:db8::1]:443|2001:db8::1",
        "[2001:db8::1]|2001:db8::1",
        "2001:db8:0:0:0:0:0:1|2001:db8::1",
        "::ffff:10.1.2.3|10.1.2.3",
        "'203.0.113.9, 10.0.0.2, 10.0.1.7'|10.0.1.7",
        "'203.0.113.9,10.0.1.7:1234'|10.0.1.7",
        "'unknown, [::1]:80'|::1",
        "'  10.0.1.7  '|10.0.1.7",
        "'for=192.0.2.60;proto=http;by=203.0.113.43'|192.0.2.60",
        "'for=192.0.2.43, for=\"[2001:db8:cafe::17]:4711\"'|2001:db8:cafe::17",
        "'For=\"10.0.0.5\"'|10.0.0.5",
    })
    void forwardedHeadersYieldTheNearestHop(String header, String peer) {
        assertThat(PeerAddresses.fromForwardedHeader(header)).isEqualTo(peer);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
        "10.0.1.7, ", "10.0.1.7, unknown", "1.2.3.4:", "1.2.3.4:http", "1.2.3.4:99999", "[::1]x", "[::1]:",
        "[::1", "lb.example.com:80", "proto=http;by=1.2.3.4", "for=_hidden", "1.2.3.4:80:90",
    })
    void malformedForwardedHeadersGiveNull(String header) {
        assertThat(PeerAddresses.fromForwardedHeader(header)).isNull();
    }
}
