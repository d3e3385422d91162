package org.spacettx.app.cli;

import java.io.IOException;
import java.util.Map;

import org.spacettx.app.store.Database;

/** The demo's accounts and exercise, for tests and tools outside this package. */
public final class DemoAccess {

    private DemoAccess() {
    }

    /** Creates the demo accounts (with this password) and exercise where missing. */
    public static Map<String, String> prepare(Database db, String password) throws IOException {
        return ServerCommands.DemoSetup.prepare(db, password);
    }
}
