package org.spacettx.app.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast failed sign-ins may be tried (in memory), per account and per address. An account takes
 * {@value #FREE_FAILURES} failures within {@link #WINDOW}; after that each try waits longer than the last — 1 s, 2 s,
 * 4 s, up to {@link #LONGEST_WAIT} — counted from the latest failure. So a guesser gets a few dozen tries an hour
 * at most, while one account's bad luck never stops anyone else. An address takes {@value #ADDRESS_FAILURES} failures
 * within the window, whatever the accounts: enough for an exercise room behind one NAT, where forty people mistype
 * now and then, and not for a spray of guesses. A success clears the account's count; an administrator can clear it
 * too ({@link #unlock}).
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final int ADDRESS_FAILURES = 200;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Keys kept before expired ones are swept (random usernames must not grow memory without end). */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a sign-in of this account from this address must wait, or empty when it may be tried now. */
    public Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        synchronized (this) {
            Deque<Instant> account = recent(accountKey(username), now);
            if (account.size() >= FREE_FAILURES) {
                long steps = Math.min(30, account.size() - FREE_FAILURES);
                Duration delay = Duration.ofSeconds(1L << steps);
                delay = delay.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : delay;
                Duration left = Duration.between(now, account.peekLast().plus(delay));
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
            Deque<Instant> fromAddress = recent(addressKey(address), now);
            if (fromAddress.size() >= ADDRESS_FAILURES) {
                Duration left = Duration.between(now, fromAddress.peekFirst().plus(WINDOW));
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isPositive() ? Optional.of(longest) : Optional.empty();
    }

    public synchronized void failed(String username, String address) {
        if (failures.size() > SWEEP_ABOVE) {
            Instant now = clock.instant();
            failures.keySet().removeIf(k -> recent(k, now).isEmpty());
        }
        Instant now = clock.instant();
        failures.computeIfAbsent(accountKey(username), k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(addressKey(address), k -> new ArrayDeque<>()).addLast(now);
    }

    /** Clears the account's failures; the address's stay, so that one good account cannot reset a spray's count. */
    public synchronized void succeeded(String username) {
        failures.remove(accountKey(username));
    }

    /** An administrator lets the account be tried again at once. */
    public synchronized void unlock(String username) {
        failures.remove(accountKey(username));
    }

    /** How long the account's next sign-in would wait from any address (for People). */
    public Optional<Duration> accountWait(String username) {
        return wait(username, "");
    }

    private Deque<Instant> recent(String key, Instant now) {
        Deque<Instant> list = failures.getOrDefault(key, new ArrayDeque<>());
        Instant cutoff = now.minus(WINDOW);
        while (!list.isEmpty() && list.peekFirst().isBefore(cutoff)) {
            list.pollFirst();
        }
        return list;
    }

    private static String accountKey(String username) {
        return "account " + username;
    }

    private static String addressKey(String address) {
        return "address " + address;
    }
}
