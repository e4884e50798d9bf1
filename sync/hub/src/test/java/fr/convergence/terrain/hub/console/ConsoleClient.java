package fr.convergence.terrain.hub.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for the console tests: keeps cookies, follows no redirect, reads CSRF fields. */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    /** Every Set-Cookie header received, as sent. */
    public final java.util.List<String> setCookies = new java.util.ArrayList<>();

    public ConsoleClient(String base) {
        this(base, null);
    }

    /** Over HTTPS, trusting what {@code ssl} trusts. */
    public ConsoleClient(String base, javax.net.ssl.SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        this.http = (ssl == null ? builder : builder.sslContext(ssl)).build();
        this.base = base;
    }

    public ConsoleClient header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** POSTs the fields, url-encoded, as a browser sends a form. */
    public HttpResponse<String> post(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The CSRF field of the last form of a page. */
    public static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new AssertionError("no CSRF field in " + page.uri() + ": " + page.body());
        }
        return last;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void forgetCookies() {
        cookies.clear();
    }

    /** A download (CSV) as its bytes, the byte order mark included. */
    public HttpResponse<byte[]> getBytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        extraHeaders.forEach(request::header);
        try {
            HttpResponse<T> response = http.send(request.build(), body);
            for (String set : response.headers().allValues("Set-Cookie")) {
                setCookies.add(set);
                String pair = set.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<String> location(HttpResponse<?> response) {
        return response.headers().allValues("Location");
    }
}
