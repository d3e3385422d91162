package org.spacettx.app.auth;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * Sign-in through an organisation's OpenID Connect provider: the authorization code flow with PKCE (S256), a state
 * that binds the answer to the browser that asked, and a nonce that binds the ID token to this sign-in. The ID token
 * is checked by Nimbus's validator (signature against the provider's published keys, issuer, audience, expiry,
 * nonce) before anything in it is believed. The provider's groups then say who the person is here: administrator,
 * planner, and which cell of which exercise they sit in ({@link Config}). The protocol is Nimbus's; this class only
 * wires it.
 */
public final class Oidc {

    /** A provider group that seats its members in a cell of an exercise. */
    public record Seat(String group, String exercise, String cell, String role) {
    }

    /**
     * What the server is told of the provider (a YAML or JSON file given to {@code serve --oidc}): issuer, client id
     * and secret (or the environment variable holding it), the label of the sign-in button, the claims read for the
     * username and the groups, the groups of administrators and planners, and the seats.
     */
    public record Config(URI issuer, String clientId, String clientSecret, String label, String usernameClaim,
                         String groupsClaim, Set<String> administrators, Set<String> planners, List<Seat> seats) {

        public static Config read(Path file) throws IOException {
            JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
            String secret = n.path("client_secret").asText("");
            if (secret.isEmpty() && n.hasNonNull("client_secret_env")) {
                secret = System.getenv().getOrDefault(n.path("client_secret_env").asText(), "");
            }
            List<Seat> seats = new ArrayList<>();
            for (JsonNode s : n.path("seats")) {
                String role = s.path("role").asText("player");
                if (!Set.of("controller", "player", "observer").contains(role)) {
                    throw new IOException(file + ": a seat's role is controller, player or observer, not '" + role + "'");
                }
                seats.add(new Seat(require(s, "group", file), require(s, "exercise", file), require(s, "cell", file), role));
            }
            return new Config(URI.create(require(n, "issuer", file)), require(n, "client_id", file), secret,
                    n.path("label").asText("Organisation sign-in"), n.path("username_claim").asText("preferred_username"),
                    n.path("groups_claim").asText("groups"), strings(n.path("administrators")), strings(n.path("planners")), seats);
        }

        private static String require(JsonNode n, String key, Path file) throws IOException {
            String v = n.path(key).asText("");
            if (v.isBlank()) {
                throw new IOException(file + ": '" + key + "' is missing");
            }
            return v;
        }

        private static Set<String> strings(JsonNode list) {
            Set<String> out = new LinkedHashSet<>();
            list.forEach(x -> out.add(x.asText()));
            return out;
        }
    }

    /** Who the provider says signed in: its issuer and subject, the username and name claimed, and the groups. */
    public record Identity(String issuer, String subject, String username, String displayName, Set<String> groups) {

        /** The link kept with the account: issuer and subject, which the provider never reuses for someone else. */
        public String externalId() {
            return issuer + "|" + subject;
        }
    }

    /** A sign-in under way: what the answer must carry back (state), and what only this server knows (verifier, nonce). */
    public record Pending(State state, Nonce nonce, CodeVerifier verifier, URI redirect, Instant started) {
    }

    /** The provider refused, or its answer did not check out; the message says which, for the person and the audit. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private static final int TIMEOUT_MS = 5_000;

    private final Config config;
    private volatile OIDCProviderMetadata metadata;

    public Oidc(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** The provider's published metadata, fetched on first use (the provider may start after this server). */
    private OIDCProviderMetadata metadata() throws Refused {
        OIDCProviderMetadata m = metadata;
        if (m == null) {
            try {
                m = OIDCProviderMetadata.resolve(new Issuer(config.issuer()), TIMEOUT_MS, TIMEOUT_MS);
            } catch (Exception e) {
                throw new Refused("the identity provider at " + config.issuer() + " cannot be reached: " + e.getMessage());
            }
            metadata = m;
        }
        return m;
    }

    /** Starts a sign-in: where to send the browser, and what to keep until it comes back. */
    public Map.Entry<URI, Pending> start(URI redirect) throws Refused {
        Pending p = new Pending(new State(), new Nonce(), new CodeVerifier(), redirect, Instant.now());
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile", "email"),
                new ClientID(config.clientId()), redirect)
                .endpointURI(metadata().getAuthorizationEndpointURI())
                .state(p.state()).nonce(p.nonce()).codeChallenge(p.verifier(), CodeChallengeMethod.S256)
                .build();
        return Map.entry(request.toURI(), p);
    }

    /** Finishes a sign-in: the code exchanged for tokens, the ID token checked, the person's identity read from it. */
    public Identity complete(Pending pending, String code) throws Refused {
        OIDCProviderMetadata m = metadata();
        ClientID client = new ClientID(config.clientId());
        OIDCTokenResponse tokens;
        try {
            HTTPRequest http = new TokenRequest(m.getTokenEndpointURI(), new ClientSecretBasic(client, new Secret(config.clientSecret())),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), pending.redirect(), pending.verifier())).toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            var response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                var error = response.toErrorResponse().getErrorObject();
                throw new Refused("the identity provider refused the sign-in: " + error.getCode()
                        + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")"));
            }
            tokens = (OIDCTokenResponse) response.toSuccessResponse();
        } catch (Refused e) {
            throw e;
        } catch (Exception e) {
            throw new Refused("the identity provider's token answer could not be read: " + e.getMessage());
        }
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims;
        try {
            IDTokenValidator validator = new IDTokenValidator(m.getIssuer(), client, JWSAlgorithm.RS256, m.getJWKSetURI().toURL());
            validator.setMaxClockSkew(60);
            claims = validator.validate(idToken, pending.nonce());
        } catch (Exception e) {
            throw new Refused("the ID token did not check out: " + e.getMessage());
        }
        String username = Optional.ofNullable(claims.getStringClaim(config.usernameClaim())).orElse("").strip()
                .toLowerCase(java.util.Locale.ROOT);
        String name = Optional.ofNullable(claims.getStringClaim("name")).orElse(username);
        List<String> groups = Optional.ofNullable(claims.getStringListClaim(config.groupsClaim())).orElse(List.of());
        return new Identity(m.getIssuer().getValue(), claims.getSubject().getValue(), username, name, new LinkedHashSet<>(groups));
    }

    /** How long a sign-in may take between leaving for the provider and coming back. */
    public static final Duration PENDING_FOR = Duration.ofMinutes(10);

    /** What the groups make of the person here: administrator, planner, and their seats (exercise → seat). */
    public Map<String, Seat> seats(Identity who) {
        Map<String, Seat> out = new LinkedHashMap<>();
        for (Seat s : config.seats()) {
            if (who.groups().contains(s.group())) {
                out.putIfAbsent(s.exercise(), s);
            }
        }
        return out;
    }

    public boolean administrator(Identity who) {
        return who.groups().stream().anyMatch(config.administrators()::contains);
    }

    public boolean planner(Identity who) {
        return who.groups().stream().anyMatch(config.planners()::contains);
    }
}
