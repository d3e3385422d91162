package org.spacettx.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void argon2idHashesVerifyAndAreSalted() {
        String a = Passwords.hash("correct horse battery staple");
        String b = Passwords.hash("correct horse battery staple");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
        assertThat(Passwords.verify("correct horse battery staple", a)).isTrue();
        assertThat(Passwords.verify("correct horse battery stapler", a)).isFalse();
        assertThat(Passwords.verify("x", "$2a$10$notargon")).isFalse();
        assertThat(Passwords.verify("x", null)).isFalse();
        assertThat(Passwords.generate()).hasSize(16).matches("[a-zA-Z0-9]+");
    }

    /** The stored form names its algorithm: the same bytes under another algorithm's name never verify. */
    @Test
    void phcStringsWithOtherParametersStillVerify() {
        String stored = Passwords.hash("pw-0123456789");
        String[] parts = stored.split("\\$");
        assertThat(parts).hasSize(6);
        assertThat(Passwords.verify("pw-0123456789", "$" + parts[1] + "$" + parts[2] + "$" + parts[3] + "$" + parts[4] + "$" + parts[5])).isTrue();
        assertThat(Passwords.verify("pw-0123456789", "$argon2i$" + parts[2] + "$" + parts[3] + "$" + parts[4] + "$" + parts[5])).isFalse();
    }
}
