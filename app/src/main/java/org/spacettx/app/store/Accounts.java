package org.spacettx.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spacettx.app.auth.Passwords;

/**
 * User accounts: username, display name, Argon2id password hash, administrator flag, planner flag (may author
 * scenario drafts and publish them), disabled flag.
 */
public final class Accounts {

    public record User(String username, String displayName, boolean admin, boolean planner, boolean disabled) {

        /** Whether the user may use the planning workspace: administrators and planners. */
        public boolean plans() {
            return admin || planner;
        }
    }

    private final Database db;

    /** An account of that username exists already. */
    public static final class Exists extends IllegalArgumentException {
        Exists(String message) {
            super(message);
        }
    }

    public Accounts(Database db) {
        this.db = db;
    }

    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    private static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD = 200;

    /**
     * Whether an account could have this username and password at all (their forms, not their truth): a login that
     * could not be right is refused without computing a hash.
     */
    public static boolean isPlausibleLogin(String username, String password) {
        return username != null && USERNAME.matcher(username).matches() && password != null
                && password.length() >= MIN_PASSWORD && password.length() <= MAX_PASSWORD;
    }

    public static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a username is 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
    }

    public static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new IllegalArgumentException("a password is 10 to 200 characters");
        }
    }

    public void create(String username, String displayName, String password, boolean admin) {
        checkUsername(username);
        checkPassword(password);
        String hash = Passwords.hash(password);
        try {
            db.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO users (username, display_name, password_hash, is_admin,"
                        + " disabled, created_at) VALUES (?, ?, ?, ?, FALSE, ?)")) {
                    s.setString(1, username);
                    s.setString(2, displayName == null || displayName.isBlank() ? username : displayName);
                    s.setString(3, hash);
                    s.setBoolean(4, admin);
                    SqlValues.setInstant(s, 5, Instant.now());
                    s.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            if (e.isConflict()) {
                throw new Exists("user '" + username + "' already exists");
            }
            throw e;
        }
    }

    /**
     * The account linked to an identity provider's person ({@code issuer|subject}), creating it on their first sign-in
     * with a password nobody knows (they sign in through the provider). A local account of the same username that is
     * not linked is never taken over: {@link Exists}.
     */
    public User external(String externalId, String username, String displayName) {
        Optional<String> linked = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT username FROM users WHERE external_id = ?")) {
                s.setString(1, externalId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
        if (linked.isPresent()) {
            return find(linked.get()).orElseThrow();
        }
        if (find(username).isPresent()) {
            throw new Exists("a local account '" + username + "' exists and is not linked to this identity provider");
        }
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        create(username, displayName, java.util.Base64.getEncoder().encodeToString(random), false);
        update("UPDATE users SET external_id = ? WHERE username = ?", s -> s.setString(1, externalId), username);
        return find(username).orElseThrow();
    }

    public Optional<User> find(String username) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT username, display_name, is_admin, is_planner, disabled FROM users WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(user(r)) : Optional.<User>empty();
                }
            }
        });
    }

    public List<User> list() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT username, display_name, is_admin, is_planner, disabled FROM users ORDER BY username");
                 ResultSet r = s.executeQuery()) {
                List<User> out = new ArrayList<>();
                while (r.next()) {
                    out.add(user(r));
                }
                return out;
            }
        });
    }

    /** The user when the password is right and the account enabled. */
    public Optional<User> authenticate(String username, String password) {
        String hash = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT password_hash FROM users WHERE username = ? AND disabled = FALSE")) {
                s.setString(1, username);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
        // Hash even for unknown users, so that timing does not tell which usernames exist.
        boolean ok = Passwords.verify(password == null ? "" : password, hash == null ? DUMMY : hash) && hash != null;
        return ok ? find(username) : Optional.empty();
    }

    private static final String DUMMY = Passwords.hash("not-a-real-password");

    /** Disables (and ends every session of) an account, or enables it. */
    public void setDisabled(String username, boolean disabled) {
        update("UPDATE users SET disabled = ? WHERE username = ?", s -> s.setBoolean(1, disabled), username, disabled);
    }

    public void setAdmin(String username, boolean admin) {
        update("UPDATE users SET is_admin = ? WHERE username = ?", s -> s.setBoolean(1, admin), username);
    }

    public void setPlanner(String username, boolean planner) {
        update("UPDATE users SET is_planner = ? WHERE username = ?", s -> s.setBoolean(1, planner), username);
    }

    /**
     * Sets a password and ends every session of the account in the same transaction: whoever was signed in with the
     * old one (or on a stolen session) signs in again.
     */
    public void setPassword(String username, String password) {
        checkPassword(password);
        String hash = Passwords.hash(password);
        update("UPDATE users SET password_hash = ? WHERE username = ?", s -> s.setString(1, hash), username, true);
    }

    private interface Binder {
        void bind(PreparedStatement s) throws java.sql.SQLException;
    }

    private void update(String sql, Binder binder, String username) {
        update(sql, binder, username, false);
    }

    private void update(String sql, Binder binder, String username, boolean endSessions) {
        int n = db.transaction(c -> {
            int changed;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                s.setString(2, username);
                changed = s.executeUpdate();
            }
            if (endSessions) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE username = ?")) {
                    s.setString(1, username);
                    s.executeUpdate();
                }
            }
            return changed;
        });
        if (n == 0) {
            throw new IllegalArgumentException("no user '" + username + "'");
        }
    }

    private static User user(ResultSet r) throws java.sql.SQLException {
        return new User(r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4), r.getBoolean(5));
    }
}
