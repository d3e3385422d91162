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
    /** Failed logins of one username from one address, within the window, before that pair is refused. */
    static final int MAX_FAILURES = 5;
    /**
     * Failed logins from one address, whatever the usernames, before the address is refused: a delegation behind one
     * address has room for typos, a spray of usernames does not get far.
     */
    static final int MAX_ADDRESS_FAILURES = 20;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    /** Keys of failures kept before expired ones are swept (random usernames must not grow memory without end). */
    private static final int SWEEP_ABOVE = 10_000;

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

    /**
     * Whether a login of this username from this address may be tried now: fewer than {@value #MAX_FAILURES} recent
     * failures of the pair and fewer than {@value #MAX_ADDRESS_FAILURES} of the address.
     */
    public boolean loginAllowed(String username, String address) {
        return recentFailures(pairKey(username, address)) < MAX_FAILURES
                && recentFailures(addressKey(address)) < MAX_ADDRESS_FAILURES;
    }

    public void loginFailed(String username, String address) {
        if (failures.size() > SWEEP_ABOVE) {
            failures.keySet().removeIf(k -> recentFailures(k) == 0);
        }
        for (String key : new String[] {pairKey(username, address), addressKey(address)}) {
            Deque<Instant> list = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (list) {
                list.addLast(clock.instant());
            }
        }
    }

    /** Clears the pair's failures; the address's stay, so that one good account cannot reset a spray's count. */
    public void loginSucceeded(String username, String address) {
        failures.remove(pairKey(username, address));
    }

    private int recentFailures(String key) {
        Deque<Instant> list = failures.get(key);
        if (list == null) {
            return 0;
        }
        synchronized (list) {
            Instant cutoff = clock.instant().minus(FAILURE_WINDOW);
            while (!list.isEmpty() && list.peekFirst().isBefore(cutoff)) {
                list.pollFirst();
            }
            return list.size();
        }
    }

    private static String pairKey(String username, String address) {
        return "user " + username + "|" + address;
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
