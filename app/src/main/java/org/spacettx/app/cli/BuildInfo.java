package org.spacettx.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/** Which SpaceTTX this is: the version and the commit it was built from, as the build wrote them ({@code --version}). */
final class BuildInfo implements CommandLine.IVersionProvider {

    static final String RESOURCE = "/org/spacettx/app/build.properties";

    @Override
    public String[] getVersion() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // said below
        }
        return new String[] {"SpaceTTX " + p.getProperty("version", "(version unknown)") + " (commit "
                + p.getProperty("commit", "unknown") + ")"};
    }
}
