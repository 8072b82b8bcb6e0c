package dev.shop.localstack;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * Builds the event API Gateway's HTTP API hands a Lambda function (payload format 2.0), from a plain HTTP request:
 * the same shape the functions receive in AWS, so the local stack runs them exactly as deployed.
 *
 * <p>As in AWS: header names are lower-cased and repeated headers joined with commas; {@code Cookie} headers move
 * to {@code cookies}; repeated query parameters are joined with commas; {@code x-forwarded-*} headers are added;
 * a body that is not valid UTF-8 is base64-encoded with {@code isBase64Encoded=true}; an absent body, query or
 * path parameters are left null.
 */
public final class ApiGatewayEvents {

    public static final String VERSION = "2.0";
    public static final String STAGE = "$default";
    /** The account id in local events; AWS puts the API owner's there. */
    public static final String LOCAL_ACCOUNT_ID = "000000000000";
    public static final String LOCAL_API_ID = "local";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * An HTTP request as the gateway received it.
     *
     * @param rawPath   the path as sent, percent-encoding intact
     * @param rawQuery  the query as sent without the {@code ?}, or null
     * @param headers   header name (any case) to its values, one per header line
     * @param sourceIp  the client's address
     * @param protocol  e.g. {@code HTTP/1.1}
     * @param localPort the port the gateway listens on (for {@code x-forwarded-port})
     */
    public record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                                  byte[] body, String sourceIp, String protocol, int localPort) {

        public IncomingRequest {
            method = method.toUpperCase(Locale.ROOT);
            headers = headers == null ? Map.of() : headers;
            body = body == null ? new byte[0] : body;
        }
    }

    private ApiGatewayEvents() {
    }

    /** The payload 2.0 event for a request that {@code match} routed. */
    public static APIGatewayV2HTTPEvent toEvent(GatewayRoutes.Matched match, IncomingRequest request, String requestId,
                                                Instant receivedAt) {
        Map<String, String> headers = new TreeMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.strip());
                        }
                    }
                }
                return;
            }
            String joined = String.join(",", values);
            headers.merge(lower, joined, (first, second) -> first + "," + second);
        });
        // API Gateway appends the caller's address to x-forwarded-for and says how it was reached.
        headers.merge("x-forwarded-for", request.sourceIp(), (existing, ip) -> existing + ", " + ip);
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-forwarded-port", Integer.toString(request.localPort()));

        String domainName = hostName(headers.get("host"));
        String routeKey = match.route().routeKey();
        String rawQuery = request.rawQuery() == null ? "" : request.rawQuery();
        Map<String, String> query = queryParameters(rawQuery);
        Body body = body(request.body());

        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(LOCAL_ACCOUNT_ID)
                .withApiId(LOCAL_API_ID)
                .withDomainName(domainName)
                .withDomainPrefix(domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName)
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(request.method())
                        .withPath(request.rawPath())
                        .withProtocol(request.protocol())
                        .withSourceIp(request.sourceIp())
                        .withUserAgent(headers.get("user-agent"))
                        .build())
                .withRequestId(requestId)
                .withRouteKey(routeKey)
                .withStage(STAGE)
                .withTime(TIME.format(receivedAt))
                .withTimeEpoch(receivedAt.toEpochMilli())
                .build();

        return APIGatewayV2HTTPEvent.builder()
                .withVersion(VERSION)
                .withRouteKey(routeKey)
                .withRawPath(request.rawPath())
                .withRawQueryString(rawQuery)
                .withCookies(cookies.isEmpty() ? null : List.copyOf(cookies))
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(match.pathParameters().isEmpty() ? null : new LinkedHashMap<>(match.pathParameters()))
                .withRequestContext(context)
                .withBody(body.text())
                .withIsBase64Encoded(body.base64())
                .build();
    }

    /** Decoded query parameters; a repeated name gets its values joined with commas, as API Gateway does. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return "localhost";
        }
        String host = hostHeader.strip();
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 0 ? host.substring(0, close + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }

    private record Body(String text, boolean base64) {
    }

    private static Body body(byte[] bytes) {
        if (bytes.length == 0) {
            return new Body(null, false);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Body(text, false);
        } catch (CharacterCodingException notText) {
            return new Body(Base64.getEncoder().encodeToString(bytes), true);
        }
    }
}
