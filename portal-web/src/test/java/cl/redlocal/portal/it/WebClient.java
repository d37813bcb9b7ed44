package cl.redlocal.portal.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person's browser without the browser: cookies, Spanish as language, and the Faces sign-in form. */
public final class WebClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

    private final URL base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebClient(URL base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Signs in through the sign-in page as a person would; returns the page the portal ends on. */
    public HttpResponse<String> signIn(String username, String password) {
        HttpResponse<String> page = get("login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("primefaces.nonce", nonceOf(page)); // what PrimeFaces' script adds to every post in CSP mode
        form.put("login", "login");
        form.put("login:username", username);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return post("login.xhtml", form);
    }

    /** Submits a form of the page just received, as its button would: view state and CSP nonce included. */
    public HttpResponse<String> submit(HttpResponse<String> page, String formId, Map<String, String> fields,
                                       String button) {
        return post(page.uri().getPath(), form(page, formId, fields, button));
    }

    /** Clicks an h:commandLink of the page just received (Faces posts the link's client id as its own value). */
    public HttpResponse<String> clickLink(HttpResponse<String> page, String formId, String linkId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("primefaces.nonce", nonceOf(page));
        form.put(formId, formId);
        form.put(formId + ":" + linkId, formId + ":" + linkId);
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return post(page.uri().getPath(), form);
    }

    /** Submits as {@link #submit} does, for a button that answers with a file (an export): the bytes as sent. */
    public HttpResponse<byte[]> download(HttpResponse<String> page, String formId, Map<String, String> fields,
                                         String button) {
        return send(postRequest(page.uri().getPath(), form(page, formId, fields, button)),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> form(HttpResponse<String> page, String formId, Map<String, String> fields,
                                            String button) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("primefaces.nonce", nonceOf(page)); // each page posts the nonce it was rendered with
        form.put(formId, formId);
        fields.forEach((name, value) -> form.put(formId + ":" + name, value));
        form.put(formId + ":" + button, "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return form;
    }

    /**
     * An ajax postback of the page just received, as PrimeFaces sends it for a button with
     * {@code process="@this"}: the source executes, {@code render} is rendered into the partial response.
     */
    public HttpResponse<String> ajax(HttpResponse<String> page, String formId, String source, String render) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", source);
        form.put("jakarta.faces.partial.execute", source);
        form.put("jakarta.faces.partial.render", render);
        form.put(source, source);
        form.put(formId, formId);
        form.put("primefaces.nonce", nonceOf(page));
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return send(postRequest(page.uri().getPath(), form).header("Faces-Request", "partial/ajax"));
    }

    /** A cookie this client holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return send(postRequest(path, form));
    }

    private HttpRequest.Builder postRequest(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String nonceOf(HttpResponse<String> page) {
        return page.headers().firstValue("Content-Security-Policy").map(NONCE::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).orElseThrow(() -> new IllegalStateException("No CSP nonce on the page"));
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No view state in the page");
        }
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.header("Accept-Language", "es-CL,es;q=0.9").build(), body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
