package com.callvault.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The web client as people use it, in Chromium, against the whole app (web/e2e/chat.spec.ts). */
class BrowserChatTest extends BrowserTest {

    @Test
    void the_gateway_serves_the_built_web_client_at_the_root() throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<div id=\"view\">").containsPattern("src=\"/assets/index-[^\"]+\\.js\"");
            // the page is revalidated at every load; the content-hashed assets it names are cached for good
            assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-cache"));
            java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"").matcher(page.body());
            assertThat(script.find()).isTrue();
            HttpResponse<Void> asset = client.send(HttpRequest.newBuilder(URI.create(BASE_URL + script.group(1))).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(asset.statusCode()).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        }
    }

    @Test
    void two_people_chat_with_receipts_typing_a_second_tab_and_a_spell_offline() throws IOException, InterruptedException {
        runSpec("chat.spec.ts");
    }
}
