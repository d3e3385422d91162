package org.spacettx.app.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions (in memory: a restart logs everyone out, nothing else is lost) and login throttling. A login
 * always creates a new session token (no session fixation) and a CSRF token that every state-changing request must
 * echo in the {@code X-CSRF-Token} header.
 */
public final class Sessions {

    public record Session(String token, String username, String csrfToken, Instant lastSeen) {
    }

    static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public Session create(String username) {
        Session s = new Session(token(), username, token(), clock.instant());
        sessions.put(s.token(), s);
        return s;
    }

    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (Duration.between(s.lastSeen(), now).compareTo(IDLE_TIMEOUT) > 0) {
            sessions.remove(token);
            return Optional.empty();
        }
        Session touched = new Session(s.token(), s.username(), s.csrfToken(), now);
        sessions.put(token, touched);
        return Optional.of(touched);
    }

    public void remove(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** Ends every session of a user (after disabling the account or changing its password). */
    public void removeUser(String username) {
        sessions.values().removeIf(s -> s.username().equals(username));
    }

    /** Whether a login for this key (username and address) may be tried now. */
    public boolean loginAllowed(String key) {
        Deque<Instant> list = failures.get(key);
        if (list == null) {
            return true;
        }
        synchronized (list) {
            Instant cutoff = clock.instant().minus(FAILURE_WINDOW);
            while (!list.isEmpty() && list.peekFirst().isBefore(cutoff)) {
                list.pollFirst();
            }
            return list.size() < MAX_FAILURES;
        }
    }

    public void loginFailed(String key) {
        Deque<Instant> list = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (list) {
            list.addLast(clock.instant());
        }
    }

    public void loginSucceeded(String key) {
        failures.remove(key);
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
