package io.warmgate.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.warmup.RequestSyntax;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineRulesTest {

    private final LineRules rules = new LineRules(false, List.of());

    @Test
    void keepsGetAndHeadWithPathAndQuery() {
        assertThat(rules.lineOf("GET", "/shop/api/items", "id=1&sort=asc")).isEqualTo("GET /shop/api/items?id=1&sort=asc");
        assertThat(rules.lineOf("HEAD", "/a", null)).isEqualTo("HEAD /a");
        assertThat(rules.lineOf("GET", "/a", "")).isEqualTo("GET /a");
    }

    @Test
    void recordsNoOtherMethod() {
        assertThat(rules.lineOf("POST", "/a", null)).isNull();
        assertThat(rules.lineOf("DELETE", "/a", null)).isNull();
        assertThat(rules.lineOf("get", "/a", null)).as("servers give the method as sent; lower case is odd")
                .isNull();
    }

    @Test
    void dropsCredentialLikeParametersAndKeepsTheRest() {
        assertThat(rules.lineOf("GET", "/a", "id=7&access_token=s3cr3t&q=x")).isEqualTo("GET /a?id=7&q=x");
        assertThat(rules.lineOf("GET", "/a", "api_key=1&apiKey=2&Password=3&pwd=4&auth=5&JSESSIONID=6"))
                .isEqualTo("GET /a");
        assertThat(rules.lineOf("GET", "/a", "X-Amz-Signature=abc&X-Amz-Credential=def&page=2"))
                .isEqualTo("GET /a?page=2");
        assertThat(rules.lineOf("GET", "/a", "%54oken=abc&n=1")).as("percent-encoded name")
                .isEqualTo("GET /a?n=1");
        assertThat(rules.lineOf("GET", "/a", "state=eyJhbGciOiJIUzI1NiJ9.e30.x&n=1")).as("a JWT under any name")
                .isEqualTo("GET /a?n=1");
        assertThat(rules.lineOf("GET", "/a", "secret")).as("a name without a value").isEqualTo("GET /a");
    }

    @Test
    void extraWordsAddToTheBuiltInList() {
        LineRules more = new LineRules(false, List.of("ssn"));
        assertThat(more.lineOf("GET", "/a", "ssn=123&token=x&id=1")).isEqualTo("GET /a?id=1");
    }

    @Test
    void dropsTheQueryAltogetherWhenAsked() {
        assertThat(new LineRules(true, List.of()).lineOf("GET", "/a/b", "id=1")).isEqualTo("GET /a/b");
    }

    @Test
    void leavesPathParametersOut() {
        assertThat(rules.lineOf("GET", "/shop;jsessionid=ABC/cart;v=1", "id=1")).isEqualTo("GET /shop/cart?id=1");
    }

    @Test
    void recordsNothingUnprintableOrOverLong() {
        assertThat(rules.lineOf("GET", "/caf\u00e9", null)).isNull();
        assertThat(rules.lineOf("GET", "/a b", null)).isNull();
        assertThat(rules.lineOf("GET", "/a", "q=\r\nX: 1")).isNull();
        assertThat(rules.lineOf("GET", "/a#b", null)).isNull();
        assertThat(rules.lineOf("GET", "relative", null)).isNull();
        assertThat(rules.lineOf("GET", null, null)).isNull();
        assertThat(rules.lineOf("GET", "/" + "a".repeat(LineRules.MAX_LINE_LENGTH), null)).isNull();
        assertThat(rules.lineOf("GET", "/a", "q=" + "a".repeat(LineRules.MAX_LINE_LENGTH))).isNull();
        assertThat(rules.lineOf("GET", "/" + "a".repeat(LineRules.MAX_LINE_LENGTH - 1), null)).isNotNull();
    }

    @Test
    void everyRecordedLineParsesAsAWarmupFileLine() {
        String[][] requests = {{"/a", "x=1&y=%20"}, {"/a;p=1", null}, {"/%C3%A9", "q=a+b"}, {"/x/", "&&a=&"}};
        for (String[] request : requests) {
            String line = rules.lineOf("GET", request[0], request[1]);
            assertThat(RequestSyntax.parseRequestLine(line).toString()).isEqualTo(line);
        }
    }
}
