package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mistakes a site's administrator makes at the command line are answered with what and where, exit 2, never an
 * "internal error, please report it": a port out of range, a port another process holds, a key file that is not there.
 */
class AdminMistakesTest {

    @TempDir
    Path dir;

    @Test
    void aPortThatCannotBeOneIsRefusedBeforeAnythingIsOpened() {
        CliRun run = CliRun.of("serve", "--port", "99999", "--data-dir", dir.resolve("data").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--port: 99999 is not a port (0 to 65535)").doesNotContain("internal error");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aPortInUseIsSaidAsSuch() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.of("serve", "--port", Integer.toString(taken.getLocalPort()), "--data-dir", dir.resolve("data").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--port: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is in use")
                    .doesNotContain("internal error");
        }
    }

    @Test
    void aMissingKeyFileIsNamedAndSaidMissing() {
        CliRun run = CliRun.of("serve", "--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--tls-cert", dir.resolve("nope/cert.pem").toString(), "--tls-key", dir.resolve("nope/key.pem").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(dir.resolve("nope").toString()).contains("no such file").doesNotContain("cannot be read");
    }
}
