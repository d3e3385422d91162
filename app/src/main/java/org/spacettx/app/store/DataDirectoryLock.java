package org.spacettx.app.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one server of a data directory: a server holds an OS lock on {@code spacettx.lock} while it runs, so that a
 * second server on the same directory (two engines appending to one log) and a restore under a running server
 * are refused. The operating system drops the lock when the process ends, however it ends (a SIGKILL included).
 */
public final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "spacettx.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the directory's lock.
     *
     * @throws StoreException when another process holds it (a server is running there)
     */
    public static DataDirectoryLock take(Path dataDirectory) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDirectory);
            channel = FileChannel.open(dataDirectory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this process holds it already
            }
            if (lock == null) {
                channel.close();
                throw new StoreException("a SpaceTTX server is running on " + dataDirectory + " (it holds " + FILE + "); stop it first");
            }
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            close(channel);
            throw new StoreException("cannot lock " + dataDirectory.resolve(FILE) + ": " + e.getMessage());
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
